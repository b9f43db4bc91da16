package org.jiaxing.project.domain;

import java.util.Locale;

/** One stage of the configurable lifecycle template (table project_stage_template). */
public record StageTemplate(String code, String nameZh, String nameEn, int sortOrder) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
