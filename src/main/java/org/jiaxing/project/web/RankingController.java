package org.jiaxing.project.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaxing.project.StageColour;
import org.jiaxing.project.domain.Rankings;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** 进度比拼: rankings by town and project, the weekly summary and the chart of colour counts over time. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','CITY_ADMIN','TOWN_ADMIN')")
class RankingController {

    private final Rankings rankings;
    private final MessageSource messages;

    RankingController(Rankings rankings, MessageSource messages) {
        this.rankings = rankings;
        this.messages = messages;
    }

    @GetMapping("/projects/ranking")
    String ranking(Model model, Locale locale) {
        model.addAttribute("towns", rankings.byTown(locale));
        model.addAttribute("projects", rankings.byProject());
        model.addAttribute("week", rankings.weekly());
        return "project/ranking";
    }

    /** ECharts data: one series per colour, one point per day (last 42 days). */
    @GetMapping("/projects/ranking/colours.json")
    @ResponseBody
    Map<String, Object> colours(Locale locale) {
        Map<LocalDate, Map<StageColour, Long>> counts = rankings.colourCounts(42);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("days", counts.keySet().stream().map(LocalDate::toString).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (StageColour colour : StageColour.values()) {
            series.add(Map.of("colour", colour.name(),
                    "name", messages.getMessage("project.colour." + colour.name(), null, locale),
                    "data", counts.values().stream().map(m -> m.get(colour)).toList()));
        }
        chart.put("series", series);
        return chart;
    }
}
