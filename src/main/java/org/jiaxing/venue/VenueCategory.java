package org.jiaxing.venue;

import java.util.Locale;

/**
 * One of the 32 key-venue categories with its tracing parameters, in minutes.
 *
 * @param dwellMinutes  how long a visit lasts when no check-out was recorded
 * @param closeMinutes  minimum overlap with a case for a close contact
 * @param lingerMinutes how long the venue stays contaminated after the case left
 */
public record VenueCategory(String code, String nameZh, String nameEn, int dwellMinutes, int closeMinutes,
        int lingerMinutes) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
