package org.jiaxing.project.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.InvalidProjectInput;
import org.jiaxing.project.domain.MorningSheet;
import org.jiaxing.project.domain.MorningSheets;
import org.jiaxing.project.domain.ProjectTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 晨会: today's morning meeting sheet (or a saved one), printable; the office can regenerate it on demand. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN')")
class MorningSheetController {

    private final MorningSheets sheets;
    private final ProjectTime time;

    MorningSheetController(MorningSheets sheets, ProjectTime time) {
        this.sheets = sheets;
        this.time = time;
    }

    @GetMapping("/morning")
    String today(Model model) {
        return show(time.today(), model);
    }

    @GetMapping("/morning/{day}")
    String day(@PathVariable String day, Model model) {
        try {
            return show(LocalDate.parse(day), model);
        } catch (DateTimeParseException e) {
            throw InvalidProjectInput.of("project.error.date");
        }
    }

    @PostMapping("/morning/generate")
    String generate(@AuthenticationPrincipal StaffUser user) {
        sheets.generate(time.today(), user.getUsername());
        return "redirect:/morning";
    }

    private String show(LocalDate day, Model model) {
        MorningSheet sheet = sheets.find(day).orElse(null);
        model.addAttribute("day", day);
        model.addAttribute("sheet", sheet);
        model.addAttribute("days", sheets.days(30));
        model.addAttribute("today", time.today());
        return "project/morning";
    }
}
