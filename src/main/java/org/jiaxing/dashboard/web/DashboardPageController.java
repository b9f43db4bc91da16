package org.jiaxing.dashboard.web;

import java.util.List;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.dashboard.InvalidDashboardQuery;
import org.jiaxing.dashboard.domain.ComplianceSort;
import org.jiaxing.dashboard.domain.Dashboard;
import org.jiaxing.dashboard.domain.DashboardViews.ComplianceRow;
import org.jiaxing.dashboard.domain.Period;
import org.jiaxing.dashboard.domain.Scope;
import org.jiaxing.org.Towns;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard page (数据看板) and a flag's page; the charts load their data from the JSON API. */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN','TOWN_ADMIN')")
class DashboardPageController {

    static final int COMPLIANCE_ROWS_SHOWN = 50;
    static final int FLAGS_SHOWN = 30;

    private final Dashboard dashboard;
    private final Towns towns;

    DashboardPageController(Dashboard dashboard, Towns towns) {
        this.dashboard = dashboard;
        this.towns = towns;
    }

    @GetMapping("/dashboard")
    String show(@RequestParam(defaultValue = "today") String period, @RequestParam(defaultValue = "findings") String sort,
            @AuthenticationPrincipal StaffUser user, Locale locale, Model model) {
        Scope scope = Scope.of(user);
        Period chosen = Period.of(period).orElseThrow(() -> InvalidDashboardQuery.parameter("period"));
        ComplianceSort order = ComplianceSort.of(sort).orElseThrow(() -> InvalidDashboardQuery.parameter("sort"));
        List<ComplianceRow> compliance = dashboard.compliance(scope, order, locale);
        model.addAttribute("scopeName", scope.isCity() ? null
                : towns.byCode(scope.townCode()).map(t -> t.name(locale)).orElse(scope.townCode()));
        model.addAttribute("period", chosen.key());
        model.addAttribute("periods", List.of(Period.values()));
        model.addAttribute("sort", order.key());
        model.addAttribute("sorts", List.of(ComplianceSort.values()));
        model.addAttribute("coverage", dashboard.coverage(scope, locale));
        model.addAttribute("scans", dashboard.scans(scope, chosen, locale));
        model.addAttribute("heat", dashboard.heat(scope, chosen, locale));
        model.addAttribute("complianceTotal", compliance.size());
        model.addAttribute("compliance", compliance.stream().limit(COMPLIANCE_ROWS_SHOWN).toList());
        var flagCounts = dashboard.flagCounts(scope, chosen);
        model.addAttribute("flagCounts", flagCounts);
        model.addAttribute("flagTotal", flagCounts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("flags", dashboard.flags(scope, chosen, FLAGS_SHOWN, locale));
        return "dashboard/index";
    }

    @GetMapping("/dashboard/flags/{id}")
    String flag(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Locale locale, Model model) {
        model.addAttribute("detail", dashboard.flag(Scope.of(user), id, locale));
        return "dashboard/flag";
    }
}
