package org.jiaxing.venue;

import java.util.List;
import java.util.Optional;
import org.jiaxing.account.StaffUser;

/** What other modules may ask of the venue registry. */
public interface VenueDirectory {

    Optional<Venue> findById(long id);

    Optional<Venue> findByCode(String code);

    /** All venues matching the filter, ordered by code (used by batch posters; up to the whole city). */
    List<Venue> findAll(VenueFilter filter);

    long count(VenueFilter filter);

    List<VenueCategory> categories();

    Optional<VenueCategory> category(String code);

    /**
     * The venue, if this staff member may see it; otherwise {@link VenueNotFound} (a venue outside the
     * user's scope is reported as not found, so that scope cannot be probed).
     */
    Venue requireVisible(long id, StaffUser user);

    /** Whether this staff member may edit the venue, reissue its code or print its posters. */
    boolean canManage(Venue venue, StaffUser user);

    /** Whether this staff member may manage venues of the town (batch posters, imports). */
    boolean canManageTown(String townCode, StaffUser user);
}
