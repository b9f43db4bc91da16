package org.jiaxing.tracing.web;

import org.jiaxing.account.StaffUser;
import org.jiaxing.tracing.InvalidInvestigation;
import org.jiaxing.tracing.domain.TracingRules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The rule parameters per category: everyone who traces reads them, the city administrator edits them (htmx row). */
@Controller
@PreAuthorize("hasAnyRole('CITY_ADMIN','TRACER')")
class TracingRulesController {

    private final TracingRules rules;

    TracingRulesController(TracingRules rules) {
        this.rules = rules;
    }

    @GetMapping("/tracing/rules")
    String rules(Model model) {
        model.addAttribute("rules", rules.all());
        return "tracing/rules";
    }

    /** Answers the table row again (htmx swaps it in), with the problems when the change was refused. */
    @PostMapping("/tracing/rules/{code}")
    @PreAuthorize("hasRole('CITY_ADMIN')")
    String update(@PathVariable String code, @RequestParam(required = false) Integer dwellMinutes,
            @RequestParam(required = false) Integer closeMinutes, @RequestParam(required = false) Integer lingerMinutes,
            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal StaffUser user, Model model) {
        try {
            model.addAttribute("rules", java.util.List.of(rules.update(code, dwellMinutes, closeMinutes,
                    lingerMinutes, reason, user.getUsername())));
            model.addAttribute("saved", true);
        } catch (InvalidInvestigation invalid) {
            model.addAttribute("rules", java.util.List.of(rules.find(code).orElseThrow(() -> invalid)));
            model.addAttribute("problems", invalid.problems());
        }
        return "tracing/rules :: row";
    }
}
