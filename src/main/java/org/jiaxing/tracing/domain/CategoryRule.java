package org.jiaxing.tracing.domain;

import org.jiaxing.venue.VenueCategory;

/**
 * A category's rule parameters in minutes as the city set them, with the category's defaults.
 *
 * @param overridden whether the city changed them (a tracing_rule row exists)
 */
public record CategoryRule(VenueCategory category, int dwellMinutes, int closeMinutes, int lingerMinutes,
        boolean overridden, String updatedBy, java.time.Instant updatedAt) {

    public VenueRule rule() {
        return VenueRule.ofMinutes(dwellMinutes, closeMinutes, lingerMinutes);
    }
}
