package org.jiaxing.tracing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.tracing.InvalidInvestigation;
import org.jiaxing.tracing.domain.ApplyReport;
import org.jiaxing.tracing.domain.CaseFile;
import org.jiaxing.tracing.domain.CategoryRule;
import org.jiaxing.tracing.domain.ContactSheet;
import org.jiaxing.tracing.domain.InvestigationRecord;
import org.jiaxing.tracing.domain.Investigations;
import org.jiaxing.tracing.domain.NewCase;
import org.jiaxing.tracing.domain.RevealedContact;
import org.jiaxing.tracing.domain.TracingProperties;
import org.jiaxing.tracing.domain.TracingRules;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tracing")
@PreAuthorize("hasAnyRole('CITY_ADMIN','TRACER')")
@Tag(name = "Tracing", description = "Precise tracing (精准追溯): investigations, four-eyes reveal, apply, export, "
        + "contact rules (TRACER and CITY_ADMIN; rule changes CITY_ADMIN only). Every call is audited.")
class TracingApiController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Investigations investigations;
    private final TracingRules rules;
    private final ResultViews views;
    private final TracingProperties properties;
    private final JiaxingProperties platform;
    private final MessageSource messages;

    TracingApiController(Investigations investigations, TracingRules rules, ResultViews views,
            TracingProperties properties, JiaxingProperties platform, MessageSource messages) {
        this.investigations = investigations;
        this.rules = rules;
        this.views = views;
        this.properties = properties;
        this.platform = platform;
        this.messages = messages;
    }

    @PostMapping("/investigations")
    @Operation(summary = "Open an investigation of one or many cases and compute its result",
            description = "Each case by mobile number or ID number with its infectious window [from, to) "
                    + "(ISO-8601 with offset). asOf (default now) is the reference time; re-running with the same "
                    + "asOf gives the same result. Answers the result with identities masked.")
    ResponseEntity<ResultView> open(@RequestBody OpenRequest request, @AuthenticationPrincipal StaffUser user,
            Locale locale) {
        List<NewCase> cases = new ArrayList<>();
        List<CaseRequest> given = request.cases() == null ? List.of() : request.cases();
        for (int i = 0; i < given.size(); i++) {
            CaseRequest c = given.get(i);
            cases.add(new NewCase(i + 1, c.person(), instant(c.from()), instant(c.to())));
        }
        long id = investigations.open(request.reason(), instant(request.asOf()), cases, user.getUsername());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.of(id, locale));
    }

    @PostMapping(path = "/investigations/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Open an investigation of a cluster from a CSV of cases",
            description = "Header line then one case per line: case (mobile or ID number), from, to "
                    + "(yyyy-MM-dd HH:mm[:ss] in the city's zone, or ISO-8601 with offset). Every broken line is "
                    + "reported with its number and nothing is opened.")
    ResponseEntity<ResultView> openCsv(@RequestPart("file") MultipartFile file, @RequestParam String reason,
            @RequestParam(required = false) OffsetDateTime asOf, @AuthenticationPrincipal StaffUser user,
            Locale locale) throws IOException {
        List<NewCase> cases = CaseFile.read(file.getBytes(), platform.zone(), properties.maxCases());
        long id = investigations.open(reason, instant(asOf), cases, user.getUsername());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.of(id, locale));
    }

    @GetMapping("/investigations")
    @Operation(summary = "The latest investigations (headers and counts)")
    List<InvestigationRecord> recent() {
        return investigations.recent(100);
    }

    @GetMapping("/investigations/{id}")
    @Operation(summary = "An investigation's result: counts per level, case timelines, risk venues, contacts "
            + "with evidence (masked). All contacts, or with size (1-1000) one page of them (page from 0), optionally "
            + "of one level (CLOSE, SECONDARY, EXPOSED); contactPage says which and how many match")
    ResultView result(@PathVariable long id, @RequestParam(required = false) String level,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Locale locale) {
        return views.of(id, locale, ContactSelection.of(level, page, size, ContactSelection.ALL));
    }

    @PostMapping("/investigations/{id}/reveal")
    @Operation(summary = "Ask to see the contacts' names and phones (four-eyes: needs a second official's approval)")
    InvestigationRecord requestReveal(@PathVariable long id, @RequestBody RevealRequest request,
            @AuthenticationPrincipal StaffUser user) {
        return investigations.requestReveal(id, request.reason(), user.getUsername());
    }

    @PostMapping("/investigations/{id}/reveal/approve")
    @Operation(summary = "Approve another official's reveal request (not one's own)")
    InvestigationRecord approveReveal(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        return investigations.approveReveal(id, user.getUsername());
    }

    @GetMapping("/investigations/{id}/contacts")
    @Operation(summary = "The contacts with names and phones, for the requester after approval (each reveal audited)")
    List<RevealedJson> revealed(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        return investigations.revealed(id, user.getUsername()).stream().map(RevealedJson::of).toList();
    }

    @PostMapping("/investigations/{id}/apply")
    @Operation(summary = "Re-code the contacts' health statuses (CLOSE RED 10 days, SECONDARY YELLOW 7, EXPOSED "
            + "YELLOW 3 by default; never milder than the current status) and queue notifications; once")
    ApplyReport apply(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        return investigations.apply(id, user.getUsername());
    }

    @GetMapping("/investigations/{id}/export.csv")
    @Operation(summary = "The revealed contact list as CSV (UTF-8 with BOM; formulas neutralised)")
    ResponseEntity<byte[]> exportCsv(@PathVariable long id, @AuthenticationPrincipal StaffUser user) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContactSheet.csv(rows(id, "csv", user), out);
        return download(out.toByteArray(), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                "contacts-" + id + ".csv");
    }

    @GetMapping("/investigations/{id}/export.xlsx")
    @Operation(summary = "The revealed contact list as XLSX (text cells only; formulas neutralised)")
    ResponseEntity<byte[]> exportXlsx(@PathVariable long id, @AuthenticationPrincipal StaffUser user) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContactSheet.xlsx(rows(id, "xlsx", user), out);
        return download(out.toByteArray(), XLSX, "contacts-" + id + ".xlsx");
    }

    @GetMapping("/rules")
    @Operation(summary = "The contact-rule parameters per venue category (minutes)")
    List<RuleJson> rules() {
        return rules.all().stream().map(RuleJson::of).toList();
    }

    @PutMapping("/rules/{category}")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    @Operation(summary = "Change a category's parameters, with a reason (CITY_ADMIN; audited with old and new values)")
    RuleJson updateRule(@Parameter(example = "SUPERMARKET") @PathVariable String category,
            @RequestBody RuleRequest request, @AuthenticationPrincipal StaffUser user) {
        return RuleJson.of(rules.update(category, request.dwellMinutes(), request.closeMinutes(),
                request.lingerMinutes(), request.reason(), user.getUsername()));
    }

    /** 400 with {@code errors: [{field, line, message}]}, one entry per problem. */
    @ExceptionHandler(InvalidInvestigation.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInvestigation e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey(), e.messageArgs(), e.messageKey(), locale));
        problem.setProperty("code", e.messageKey());
        problem.setProperty("errors", e.problems().stream().map(p -> new FieldMessage(p.field(), p.line(),
                messages.getMessage(p.messageKey(), p.argsArray(), p.messageKey(), locale))).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private List<List<String>> rows(long id, String format, StaffUser user) {
        List<RevealedContact> contacts = investigations.export(id, format, user.getUsername());
        return ContactSheet.rows(contacts, views::venueName, platform.zone());
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** @param person mobile number or 18-character ID number */
    record CaseRequest(String person, OffsetDateTime from, OffsetDateTime to) {
    }

    record OpenRequest(String reason, OffsetDateTime asOf, List<CaseRequest> cases) {
    }

    record RevealRequest(String reason) {
    }

    record RuleRequest(Integer dwellMinutes, Integer closeMinutes, Integer lingerMinutes, String reason) {
    }

    record RuleJson(String category, String nameZh, String nameEn, int dwellMinutes, int closeMinutes,
            int lingerMinutes, int defaultDwellMinutes, int defaultCloseMinutes, int defaultLingerMinutes,
            boolean overridden, String updatedBy, Instant updatedAt) {

        static RuleJson of(CategoryRule rule) {
            return new RuleJson(rule.category().code(), rule.category().nameZh(), rule.category().nameEn(),
                    rule.dwellMinutes(), rule.closeMinutes(), rule.lingerMinutes(), rule.category().dwellMinutes(),
                    rule.category().closeMinutes(), rule.category().lingerMinutes(), rule.overridden(), rule.updatedBy(),
                    rule.updatedAt());
        }
    }

    record RevealedJson(long personId, String level, String name, String phone, String idNumber) {

        static RevealedJson of(RevealedContact revealed) {
            return new RevealedJson(revealed.contact().personId(), revealed.contact().level().name(),
                    revealed.details().name(), revealed.details().phone(), revealed.details().idNumber());
        }
    }

    record FieldMessage(String field, int line, String message) {
    }
}
