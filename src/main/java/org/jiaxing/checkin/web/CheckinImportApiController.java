package org.jiaxing.checkin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.InvalidCheckinFile;
import org.jiaxing.checkin.domain.CheckinImportReport;
import org.jiaxing.checkin.domain.CheckinImporter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Check-in")
@PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_ADMIN','TRACER')")
class CheckinImportApiController {

    private final CheckinImporter importer;
    private final MessageSource messages;

    CheckinImportApiController(CheckinImporter importer, MessageSource messages) {
        this.importer = importer;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/checkins/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import check-ins from a digitised paper register (CSV)",
            description = "Multipart part 'file': CSV with header venue_code,phone,name,checked_in_at,checked_out_at "
                    + "(name and checked_out_at optional), UTF-8 or GBK. Times ISO-8601 with offset, e.g. "
                    + "2026-11-20T10:02:00+08:00. Persons are found by phone and must be registered. All-or-nothing: "
                    + "200 {imported, duplicates, rejected, errors} when recorded; 400 with the same report and every "
                    + "bad row's {line, message} when any row is bad (nothing written). 400 for an unreadable file, "
                    + "403 for roles other than CITY_ADMIN, TOWN_ADMIN (own town's venues) and TRACER.")
    ResponseEntity<?> importFile(@RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal StaffUser user, Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidCheckinFile.empty();
        }
        CheckinImportReport report = importer.importFile(file.getOriginalFilename(), file.getBytes(), user);
        List<RowMessage> errors = report.errors().stream().map(error -> new RowMessage(error.line(),
                messages.getMessage(error.messageKey(), error.argsArray(), error.messageKey(), locale))).toList();
        if (!report.applied()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    messages.getMessage(report.outcomeKey(), null, report.outcomeKey(), locale));
            problem.setProperty("code", report.outcomeKey());
            problem.setProperty("rows", report.rows());
            problem.setProperty("imported", 0);
            problem.setProperty("duplicates", 0);
            problem.setProperty("rejected", report.rejected());
            problem.setProperty("errors", errors);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.ok(new ImportJson(report.rows(), report.imported(), report.duplicates(),
                report.rejected(), errors));
    }

    record ImportJson(int rows, int imported, int duplicates, int rejected, List<RowMessage> errors) {
    }

    record RowMessage(int line, String message) {
    }
}
