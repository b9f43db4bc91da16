package org.jiaxing.project.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.org.Towns;
import org.jiaxing.project.ProjectType;
import org.jiaxing.project.StageColour;
import org.jiaxing.project.domain.ProgressQuery;
import org.jiaxing.project.domain.ProgressRow;
import org.jiaxing.project.domain.ProgressTable;
import org.jiaxing.project.domain.ProgressXlsx;
import org.jiaxing.project.domain.ProjectTime;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** 项目推进表: filter and sort with htmx, print, export to XLSX. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN','TOWN_ADMIN','PROJECT_MEMBER')")
class ProjectTableController {

    private final ProgressTable table;
    private final Towns towns;
    private final MessageSource messages;
    private final ProjectTime time;
    private final StageNames stageNames;

    ProjectTableController(ProgressTable table, Towns towns, MessageSource messages, ProjectTime time,
            StageNames stageNames) {
        this.table = table;
        this.towns = towns;
        this.messages = messages;
        this.time = time;
        this.stageNames = stageNames;
    }

    @GetMapping("/projects")
    String table(@RequestParam(required = false) String q, @RequestParam(required = false) String town,
            @RequestParam(required = false) String colour, @RequestParam(required = false) String type,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean desc,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            @AuthenticationPrincipal StaffUser user, Model model, Locale locale) {
        ProgressQuery query = new ProgressQuery(q, town, colour, type, sort, desc);
        List<ProgressRow> rows = table.rows(user, query, locale);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", table.counts(rows));
        model.addAttribute("query", query);
        model.addAttribute("links", new TableLinks(query));
        model.addAttribute("towns", towns.all());
        model.addAttribute("colours", StageColour.values());
        model.addAttribute("types", ProjectType.values());
        model.addAttribute("today", time.today());
        boolean partial = htmx != null && historyRestore == null;
        return partial ? "project/table :: results" : "project/table";
    }

    @GetMapping("/projects/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String town,
            @RequestParam(required = false) String colour, @RequestParam(required = false) String type,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean desc,
            @AuthenticationPrincipal StaffUser user, Locale locale) {
        List<ProgressRow> rows = table.rows(user, new ProgressQuery(q, town, colour, type, sort, desc), locale);
        List<String> headings = List.of("code", "name", "town", "stage", "deadline", "days", "percent", "colour",
                "owner", "official").stream().map(k -> msg("project.field." + k, locale)).toList();
        byte[] xlsx = ProgressXlsx.write(rows, headings,
                r -> r.stage() == null ? msg("project.stage.allDone", locale) : stageNames.name(r.stage().code(), locale),
                c -> msg("project.colour." + c.name(), locale), msg("project.table.title", locale));
        String name = "progress-" + time.today() + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
