package org.jiaxing.venue.domain;

import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueAccessDenied;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the registry's own screens and API read, always within the user's scope. */
@Service
@Transactional(readOnly = true)
public class VenueQueries {

    private final VenueRepository venues;

    VenueQueries(VenueRepository venues) {
        this.venues = venues;
    }

    /** One page (zero-based) of the venues the user may see; 403 for roles that see none. */
    public VenuePage page(VenueFilter filter, StaffUser user, int page, int size) {
        VenueScope scope = requireSomeScope(user);
        VenueFilter restricted = scope.restrict(filter);
        long total = venues.count(restricted, scope);
        // a page far beyond the end (edited URL) is simply empty, never an overflow
        int offset = (int) Math.min((long) page * size, Integer.MAX_VALUE);
        List<VenueDetails> items = venues.find(restricted, scope, offset, size);
        return new VenuePage(items, page, size, total);
    }

    /** Every venue the user may see that matches the filter, ordered by code (exports). */
    public List<VenueDetails> all(VenueFilter filter, StaffUser user) {
        VenueScope scope = requireSomeScope(user);
        return venues.find(scope.restrict(filter), scope, 0, Integer.MAX_VALUE);
    }

    /** The venue with its contact, or 404 when it does not exist or lies outside the user's scope. */
    public VenueDetails details(long id, StaffUser user) {
        requireSomeScope(user);
        return venues.findDetails(id).filter(details -> VenueAccessPolicy.canView(details.venue(), user))
                .orElseThrow(() -> VenueNotFound.forId(id));
    }

    public VenueDetails details(String code, StaffUser user) {
        requireSomeScope(user);
        String normalized = code.strip().toUpperCase(java.util.Locale.ROOT);
        return venues.findByCode(normalized).flatMap(venue -> venues.findDetails(venue.id()))
                .filter(details -> VenueAccessPolicy.canView(details.venue(), user))
                .orElseThrow(() -> VenueNotFound.forCode(code));
    }

    public boolean canManage(Venue venue, StaffUser user) {
        return VenueAccessPolicy.canManage(venue, user);
    }

    /** Whether the user may register venues (in some town) and import files. */
    public boolean canWrite(StaffUser user) {
        return VenueAccessPolicy.canWrite(user);
    }

    private static VenueScope requireSomeScope(StaffUser user) {
        VenueScope scope = VenueScope.of(user);
        if (scope.kind() == VenueScope.Kind.NOTHING) {
            throw VenueAccessDenied.toRegistry();
        }
        return scope;
    }
}
