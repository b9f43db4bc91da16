package org.jiaxing.venue.domain;

import java.util.List;
import java.util.Optional;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueNotFound;
import org.springframework.stereotype.Service;

@Service
class VenueDirectoryService implements VenueDirectory {

    private final VenueRepository venues;
    private final CategoryCatalog categories;

    VenueDirectoryService(VenueRepository venues, CategoryCatalog categories) {
        this.venues = venues;
        this.categories = categories;
    }

    @Override
    public Optional<Venue> findById(long id) {
        return venues.findById(id);
    }

    @Override
    public Optional<Venue> findByCode(String code) {
        // codes are stored upper-case (see VenueRules.normalize); people type them either way
        return code == null ? Optional.empty() : venues.findByCode(code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public List<Venue> findAll(VenueFilter filter) {
        return venues.findAll(filter, 0, Integer.MAX_VALUE);
    }

    @Override
    public long count(VenueFilter filter) {
        return venues.count(filter);
    }

    @Override
    public List<VenueCategory> categories() {
        return categories.all();
    }

    @Override
    public Optional<VenueCategory> category(String code) {
        return categories.byCode(code);
    }

    @Override
    public Venue requireVisible(long id, StaffUser user) {
        return venues.findById(id).filter(venue -> VenueAccessPolicy.canView(venue, user))
                .orElseThrow(() -> VenueNotFound.forId(id));
    }

    @Override
    public boolean canManage(Venue venue, StaffUser user) {
        return VenueAccessPolicy.canManage(venue, user);
    }

    @Override
    public boolean canManageTown(String townCode, StaffUser user) {
        return VenueAccessPolicy.canManageTown(townCode, user);
    }
}
