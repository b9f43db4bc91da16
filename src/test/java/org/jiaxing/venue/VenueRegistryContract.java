package org.jiaxing.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiaxing.venue.TestVenues.aVenue;
import static org.jiaxing.venue.TestVenues.cityAdmin;
import static org.jiaxing.venue.TestVenues.supervisor;
import static org.jiaxing.venue.TestVenues.townAdmin;
import static org.jiaxing.venue.TestVenues.tracer;
import static org.jiaxing.venue.TestVenues.uniquePrefix;
import static org.jiaxing.venue.TestVenues.venueStaff;

import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.domain.VenueDetails;
import org.jiaxing.venue.domain.VenueQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Registering and changing venues, with the same results on SQLite and PostgreSQL. */
@RecordApplicationEvents
abstract class VenueRegistryContract {

    @Autowired VenueRegistry registry;
    @Autowired VenueDirectory directory;
    @Autowired VenueQueries queries;
    @Autowired ApplicationEvents events;

    private final String prefix = uniquePrefix();
    private final StaffUser admin = cityAdmin();

    @Test
    void registersAVenueWithEveryFieldAndAnnouncesIt() {
        Venue venue = registry.register(aVenue(" " + prefix.toLowerCase() + "-1 ").name(" 大润发 ").draft(), admin);

        VenueDetails stored = queries.details(venue.id(), admin);
        assertThat(stored.venue().code()).isEqualTo(prefix + "-1");
        assertThat(stored.toDraft()).isEqualTo(aVenue(prefix + "-1").name("大润发").draft());
        assertThat(stored.venue().status()).isEqualTo(VenueStatus.ACTIVE);
        assertThat(stored.venue().category().dwellMinutes()).isEqualTo(45);
        assertThat(stored.venue().townNameZh()).isEqualTo("当湖街道");
        assertThat(directory.findByCode(prefix.toLowerCase() + "-1")).contains(venue);
        assertThat(events.stream(VenueRegistered.class))
                .containsExactly(new VenueRegistered(venue.id(), prefix + "-1", "danghu", "SUPERMARKET"));
    }

    @Test
    void keepsOptionalFieldsEmpty() {
        VenueDraft minimal = new VenueDraft(prefix + "-MIN", "小店", "OTHER", "xincang", "新仓镇 8 号", null, null, null,
                null, null, null);

        VenueDetails stored = queries.details(registry.register(minimal, admin).id(), admin);

        assertThat(stored.toDraft()).isEqualTo(minimal);
    }

    @Test
    void aTakenCodeIsAFieldErrorAndNothingIsWritten() {
        registry.register(aVenue(prefix + "-1").draft(), admin);

        assertThatThrownBy(() -> registry.register(aVenue(prefix.toLowerCase() + "-1").name("另一家").draft(), admin))
                .isInstanceOfSatisfying(InvalidVenue.class, e -> assertThat(e.problems())
                        .containsExactly(InvalidVenue.Problem.of("code", "venue.error.code.taken", prefix + "-1")));
        assertThat(count(VenueFilter.any())).isEqualTo(1);
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        VenueDraft bad = aVenue(prefix + "_1").name("").coordinates(121.0, null).openingHours("全天").visitors(-5).draft();

        assertThatThrownBy(() -> registry.register(bad, admin)).isInstanceOfSatisfying(InvalidVenue.class,
                e -> assertThat(e.problems()).extracting(InvalidVenue.Problem::field)
                        .containsExactly("code", "name", "latitude", "openingHours", "expectedDailyVisitors"));
    }

    @Test
    void updatesEveryFieldButNotTheStatusAndAnnouncesIt() {
        Venue venue = registry.register(aVenue(prefix + "-1").draft(), admin);
        registry.changeStatus(venue.id(), VenueStatus.SUSPENDED, admin);
        VenueDraft changed = aVenue(prefix + "-2").name("平湖市第一人民医院").category("MEDICAL").town("guangchen")
                .coordinates(null, null).contact(null, null).openingHours(null).visitors(null).draft();

        Venue updated = registry.update(venue.id(), changed, admin);

        assertThat(updated.id()).isEqualTo(venue.id());
        assertThat(queries.details(venue.id(), admin).toDraft()).isEqualTo(changed);
        assertThat(updated.status()).isEqualTo(VenueStatus.SUSPENDED);
        assertThat(updated.category().dwellMinutes()).isEqualTo(120);
        assertThat(events.stream(VenueChanged.class)).last().isEqualTo(
                new VenueChanged(venue.id(), prefix + "-2", "guangchen", "MEDICAL", VenueStatus.SUSPENDED));
    }

    @Test
    void anUpdateCannotTakeAnotherVenuesCodeButMayKeepItsOwn() {
        registry.register(aVenue(prefix + "-1").draft(), admin);
        Venue second = registry.register(aVenue(prefix + "-2").draft(), admin);

        registry.update(second.id(), aVenue(prefix + "-2").name("改名").draft(), admin);
        assertThatThrownBy(() -> registry.update(second.id(), aVenue(prefix + "-1").draft(), admin))
                .isInstanceOf(InvalidVenue.class).hasMessage("venue.error.invalid");
        assertThat(directory.findById(second.id()).orElseThrow().name()).isEqualTo("改名");
    }

    @Test
    void changesTheStatusOnlyWhenItDiffers() {
        Venue venue = registry.register(aVenue(prefix + "-1").draft(), admin);

        assertThat(registry.changeStatus(venue.id(), VenueStatus.CLOSED, admin).status()).isEqualTo(VenueStatus.CLOSED);
        registry.changeStatus(venue.id(), VenueStatus.CLOSED, admin);

        assertThat(events.stream(VenueChanged.class)).containsExactly(
                new VenueChanged(venue.id(), prefix + "-1", "danghu", "SUPERMARKET", VenueStatus.CLOSED));
        assertThatThrownBy(() -> registry.changeStatus(venue.id(), null, admin)).isInstanceOf(InvalidVenue.class);
    }

    @Test
    void aTownAdminWritesOnlyInTheirTownAndCannotSeeOtherTowns() {
        StaffUser guangchen = townAdmin("guangchen");
        Venue danghu = registry.register(aVenue(prefix + "-DH").draft(), admin);

        Venue own = registry.register(aVenue(prefix + "-GC").town("guangchen").draft(), guangchen);
        assertThat(registry.update(own.id(), aVenue(prefix + "-GC").town("guangchen").name("新名").draft(), guangchen)
                .name()).isEqualTo("新名");

        assertThatThrownBy(() -> registry.register(aVenue(prefix + "-X").draft(), guangchen))
                .isInstanceOf(VenueAccessDenied.class);
        assertThatThrownBy(() -> registry.update(own.id(), aVenue(prefix + "-GC").town("danghu").draft(), guangchen))
                .isInstanceOf(VenueAccessDenied.class);
        assertThatThrownBy(() -> registry.update(danghu.id(), aVenue(prefix + "-DH").town("guangchen").draft(), guangchen))
                .isInstanceOf(VenueNotFound.class);
        assertThatThrownBy(() -> registry.changeStatus(danghu.id(), VenueStatus.CLOSED, guangchen))
                .isInstanceOf(VenueNotFound.class);
        assertThatThrownBy(() -> queries.details(danghu.id(), guangchen)).isInstanceOf(VenueNotFound.class);
        assertThat(directory.findById(danghu.id()).orElseThrow().status()).isEqualTo(VenueStatus.ACTIVE);
        assertThat(directory.findByCode(prefix + "-X")).isEmpty();
    }

    @Test
    void venueStaffTracersAndSupervisorsCannotWrite() {
        Venue venue = registry.register(aVenue(prefix + "-1").draft(), admin);

        for (StaffUser user : List.of(venueStaff(venue.id()), tracer(), supervisor())) {
            assertThatThrownBy(() -> registry.register(aVenue(prefix + "-2").draft(), user))
                    .as(user.toString()).isInstanceOf(VenueAccessDenied.class);
            assertThatThrownBy(() -> registry.update(venue.id(), aVenue(prefix + "-1").name("x").draft(), user))
                    .as(user.toString()).isInstanceOf(VenueAccessDenied.class);
            assertThatThrownBy(() -> registry.changeStatus(venue.id(), VenueStatus.CLOSED, user))
                    .as(user.toString()).isInstanceOf(VenueAccessDenied.class);
        }
        assertThat(queries.details(venue.id(), admin).toDraft()).isEqualTo(aVenue(prefix + "-1").draft());
    }

    long count(VenueFilter filter) {
        return queries.page(new VenueFilter(filter.townCode(), filter.categoryCode(), filter.status(), prefix), admin, 0,
                1).total();
    }

    String prefix() {
        return prefix;
    }
}
