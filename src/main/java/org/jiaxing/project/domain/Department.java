package org.jiaxing.project.domain;

import java.util.Locale;

/** A department key-project problems are assigned to (交办). */
public record Department(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
