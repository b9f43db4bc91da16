package org.jiaxing.org;

import java.util.Locale;

/** One of Pinghu's nine towns and subdistricts (镇/街道). 农开区 is co-located with 广陈镇. */
public record Town(String code, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
