package org.jiaxing.dashboard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaxing.account.StaffUser;
import org.jiaxing.dashboard.InvalidDashboardQuery;
import org.jiaxing.dashboard.domain.ComplianceExport;
import org.jiaxing.dashboard.domain.ComplianceSort;
import org.jiaxing.dashboard.domain.Dashboard;
import org.jiaxing.dashboard.domain.DashboardViews.ComplianceRow;
import org.jiaxing.dashboard.domain.DashboardViews.Coverage;
import org.jiaxing.dashboard.domain.DashboardViews.FlagDetail;
import org.jiaxing.dashboard.domain.DashboardViews.FlagView;
import org.jiaxing.dashboard.domain.DashboardViews.Heat;
import org.jiaxing.dashboard.domain.DashboardViews.MapPoint;
import org.jiaxing.dashboard.domain.DashboardViews.Scans;
import org.jiaxing.dashboard.domain.FlagKind;
import org.jiaxing.dashboard.domain.LiveCounting;
import org.jiaxing.dashboard.domain.Period;
import org.jiaxing.dashboard.domain.Scope;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's data as JSON (the page's charts use it too), scoped to the caller's city or town. */
@RestController
@RequestMapping("/api/v1/dashboard")
@PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_ADMIN')")
@Tag(name = "Dashboard", description = "Coverage, scan statistics, compliance and fraud flags (CITY_ADMIN: city, "
        + "TOWN_ADMIN: their town); served from rollups, never from the check-in table")
class DashboardApiController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Dashboard dashboard;
    private final ComplianceExport export;
    private final LiveCounting counting;
    private final Clock clock;
    private final JiaxingProperties properties;

    DashboardApiController(Dashboard dashboard, ComplianceExport export, LiveCounting counting, Clock clock,
            JiaxingProperties properties) {
        this.dashboard = dashboard;
        this.export = export;
        this.counting = counting;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/coverage")
    @Operation(summary = "Venues with an active code by category and town, medical institutions, posters issued, "
            + "codes withdrawn")
    Coverage coverage(@AuthenticationPrincipal StaffUser user, Locale locale) {
        return dashboard.coverage(Scope.of(user), locale);
    }

    @GetMapping("/scans")
    @Operation(summary = "Check-ins of the period per hour, per day, per category, per town, top venues, colours")
    Scans scans(@Parameter(description = "today, 7d or 28d") @RequestParam(defaultValue = "today") String period,
            @AuthenticationPrincipal StaffUser user, Locale locale) {
        return dashboard.scans(Scope.of(user), period(period), locale);
    }

    @GetMapping("/heat")
    @Operation(summary = "Check-ins of the period per category (rows) and town (columns)")
    Heat heat(@RequestParam(defaultValue = "today") String period, @AuthenticationPrincipal StaffUser user,
            Locale locale) {
        return dashboard.heat(Scope.of(user), period(period), locale);
    }

    @GetMapping("/map")
    @Operation(summary = "Active venues with coordinates, their check-ins in the period and whether they are listed "
            + "for compliance")
    List<MapPoint> map(@RequestParam(defaultValue = "today") String period, @AuthenticationPrincipal StaffUser user,
            Locale locale) {
        return dashboard.map(Scope.of(user), period(period), locale);
    }

    @GetMapping("/compliance")
    @Operation(summary = "Venues likely not enforcing scanning (zero scans today in opening hours, low scan rate, "
            + "sudden drop against their 7-day median)")
    List<ComplianceRow> compliance(@Parameter(description = "venue, town, category, today, rate, drop or findings")
            @RequestParam(defaultValue = "findings") String sort, @AuthenticationPrincipal StaffUser user, Locale locale) {
        return dashboard.compliance(Scope.of(user), sort(sort), locale);
    }

    @GetMapping("/compliance/export")
    @Operation(summary = "The compliance list as format=csv or format=xlsx (cells formula-neutralised)")
    ResponseEntity<byte[]> exportCompliance(@RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "findings") String sort, @AuthenticationPrincipal StaffUser user,
            Locale locale) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw InvalidDashboardQuery.parameter("format");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(format, dashboard.compliance(Scope.of(user), sort(sort), locale), locale, out);
        String day = clock.instant().atZone(properties.zone()).format(DateTimeFormatter.ofPattern("yyyyMMdd"));
        return ResponseEntity.ok().contentType(format.equals("csv") ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("compliance-" + day + "." + format).build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("/flags")
    @Operation(summary = "Fraud flags of the period, newest first (at most 500)")
    List<FlagView> flags(@RequestParam(defaultValue = "today") String period,
            @RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal StaffUser user, Locale locale) {
        if (limit < 1 || limit > 500) {
            throw InvalidDashboardQuery.parameter("limit");
        }
        return dashboard.flags(Scope.of(user), period(period), limit, locale);
    }

    @GetMapping("/flags/counts")
    @Operation(summary = "Number of fraud flags of the period per kind")
    Map<FlagKind, Long> flagCounts(@RequestParam(defaultValue = "today") String period,
            @AuthenticationPrincipal StaffUser user) {
        return dashboard.flagCounts(Scope.of(user), period(period));
    }

    @GetMapping("/flags/{id}")
    @Operation(summary = "A fraud flag with its underlying check-ins, persons masked")
    FlagDetail flag(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Locale locale) {
        return dashboard.flag(Scope.of(user), id, locale);
    }

    @PostMapping("/rebuild")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    @Operation(summary = "Rebuild the rollups from the check-in table (CITY_ADMIN; takes a while on a full month)")
    Map<String, Long> rebuild() {
        return Map.of("groups", counting.rebuild());
    }

    @PostMapping("/live-counting")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    @Operation(summary = "Switch live counting on or off (CITY_ADMIN), to measure its cost on the check-in path; "
            + "rebuild afterwards to count what was missed")
    Map<String, Boolean> liveCounting(@RequestParam boolean enabled) {
        counting.enable(enabled);
        return Map.of("enabled", counting.enabled());
    }

    private static Period period(String key) {
        return Period.of(key).orElseThrow(() -> InvalidDashboardQuery.parameter("period"));
    }

    private static ComplianceSort sort(String key) {
        return ComplianceSort.of(key).orElseThrow(() -> InvalidDashboardQuery.parameter("sort"));
    }
}
