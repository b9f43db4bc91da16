package org.jiaxing.venue;

import java.util.List;
import org.jiaxing.account.StaffUser;

/** Changing the registry. Every method validates and either changes everything or nothing. */
public interface VenueRegistry {

    /** Registers a new venue (ACTIVE) in the user's scope. */
    Venue register(VenueDraft draft, StaffUser by);

    Venue update(long id, VenueDraft draft, StaffUser by);

    Venue changeStatus(long id, VenueStatus status, StaffUser by);

    /**
     * System-level upsert by code, without a user scope: demo seeding and tests. All rows are
     * validated first; one invalid row rejects the whole list.
     *
     * @return the number of rows inserted or updated
     */
    int upsertAll(List<VenueDraft> drafts);
}
