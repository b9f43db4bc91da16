package org.jiaxing.project.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiaxing.project.domain.ProjectService;
import org.jiaxing.project.domain.StageTemplate;
import org.springframework.stereotype.Component;

/** Stage names from the template table, for templates ({@code @stageNames.name(code, #locale)}). */
@Component("stageNames")
class StageNames {

    private final ProjectService projects;

    StageNames(ProjectService projects) {
        this.projects = projects;
    }

    public String name(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        Map<String, StageTemplate> byCode = projects.template().stream()
                .collect(Collectors.toMap(StageTemplate::code, t -> t));
        StageTemplate t = byCode.get(code);
        return t == null ? code : t.name(locale);
    }
}
