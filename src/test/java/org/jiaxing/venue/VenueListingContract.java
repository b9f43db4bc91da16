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
import java.util.stream.IntStream;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.domain.VenuePage;
import org.jiaxing.venue.domain.VenueQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Scoped lists, filters, pages and search, with the same results on SQLite and PostgreSQL. */
abstract class VenueListingContract {

    @Autowired VenueRegistry registry;
    @Autowired VenueQueries queries;

    private final String prefix = uniquePrefix();
    private final StaffUser admin = cityAdmin();

    @Test
    void eachRoleListsOnlyTheVenuesInItsScope() {
        Venue danghu = register(aVenue(prefix + "-1"));
        Venue guangchen = register(aVenue(prefix + "-2").town("guangchen"));
        Venue other = register(aVenue(prefix + "-3").town("guangchen"));

        assertThat(codes(admin, VenueFilter.any())).containsExactly(prefix + "-1", prefix + "-2", prefix + "-3");
        assertThat(codes(tracer(), VenueFilter.any())).hasSize(3);
        assertThat(codes(townAdmin("guangchen"), VenueFilter.any())).containsExactly(prefix + "-2", prefix + "-3");
        // a town admin's own town wins over any town asked for
        assertThat(codes(townAdmin("guangchen"), VenueFilter.town("danghu"))).containsExactly(prefix + "-2", prefix + "-3");
        assertThat(codes(venueStaff(danghu.id(), other.id()), VenueFilter.any())).containsExactly(prefix + "-1", prefix + "-3");
        assertThat(codes(venueStaff(), VenueFilter.any())).isEmpty();
        assertThatThrownBy(() -> queries.page(VenueFilter.any(), supervisor(), 0, 25)).isInstanceOf(VenueAccessDenied.class);
        assertThat(queries.details(guangchen.id(), venueStaff(guangchen.id())).venue()).isEqualTo(guangchen);
        assertThatThrownBy(() -> queries.details(danghu.id(), venueStaff(guangchen.id()))).isInstanceOf(VenueNotFound.class);
    }

    @Test
    void filtersByTownCategoryAndStatusTogether() {
        register(aVenue(prefix + "-1"));
        register(aVenue(prefix + "-2").category("MEDICAL"));
        Venue closed = register(aVenue(prefix + "-3").category("MEDICAL"));
        register(aVenue(prefix + "-4").category("MEDICAL").town("zhapu"));
        registry.changeStatus(closed.id(), VenueStatus.CLOSED, admin);

        assertThat(codes(admin, new VenueFilter("danghu", "MEDICAL", null, null))).containsExactly(prefix + "-2", prefix + "-3");
        assertThat(codes(admin, new VenueFilter(null, "MEDICAL", VenueStatus.ACTIVE, null)))
                .containsExactly(prefix + "-2", prefix + "-4");
        assertThat(codes(admin, new VenueFilter(null, null, VenueStatus.CLOSED, null))).containsExactly(prefix + "-3");
        assertThat(codes(admin, new VenueFilter("zhapu", "SUPERMARKET", null, null))).isEmpty();
    }

    @Test
    void searchesCodeNameAndAddressIgnoringCase() {
        register(aVenue(prefix + "-1").name("Starbucks 星巴克").address("东湖路 8 号"));
        register(aVenue(prefix + "-2").name("肯德基").address("当湖街道 Xinhua Road"));

        assertThat(search("starBUCKS")).containsExactly(prefix + "-1");
        assertThat(search("星巴")).containsExactly(prefix + "-1");
        assertThat(search("xinhua road")).containsExactly(prefix + "-2");
        assertThat(search(prefix.toLowerCase() + "-2")).containsExactly(prefix + "-2");
    }

    @Test
    void percentAndUnderscoreInASearchAreLiteralCharacters() {
        register(aVenue(prefix + "-1").name(prefix + " 全场100%折扣"));
        register(aVenue(prefix + "-2").name(prefix + " 全场1000折扣"));
        register(aVenue(prefix + "-3").name(prefix + " A_B 超市"));
        register(aVenue(prefix + "-4").name(prefix + " AXB 超市"));
        register(aVenue(prefix + "-5").name(prefix + " 反斜杠\\店"));

        assertThat(search("100%")).containsExactly(prefix + "-1");
        assertThat(search("a_b")).containsExactly(prefix + "-3");
        assertThat(search("杠\\店")).containsExactly(prefix + "-5");
        assertThat(search("%")).containsExactly(prefix + "-1");
    }

    @Test
    void pagesAreOrderedByCodeAndCountTheWholeResult() {
        IntStream.rangeClosed(1, 30).forEach(i -> register(aVenue(prefix + "-%03d".formatted(i))));

        VenuePage first = queries.page(new VenueFilter(null, null, null, prefix), admin, 0, 25);
        VenuePage second = queries.page(new VenueFilter(null, null, null, prefix), admin, 1, 25);

        assertThat(first.total()).isEqualTo(30);
        assertThat(first.items()).hasSize(25).first().extracting(d -> d.venue().code()).isEqualTo(prefix + "-001");
        assertThat(second.items()).extracting(d -> d.venue().code())
                .containsExactly(prefix + "-026", prefix + "-027", prefix + "-028", prefix + "-029", prefix + "-030");
        assertThat(second.total()).isEqualTo(30);
        assertThat(queries.page(new VenueFilter(null, null, null, prefix), admin, 2, 25).items()).isEmpty();
    }

    private Venue register(TestVenues.Draft draft) {
        return registry.register(draft.draft(), admin);
    }

    private List<String> codes(StaffUser user, VenueFilter filter) {
        VenueFilter mine = new VenueFilter(filter.townCode(), filter.categoryCode(), filter.status(), prefix);
        return queries.all(mine, user).stream().map(d -> d.venue().code()).toList();
    }

    private List<String> search(String text) {
        return queries.page(new VenueFilter(null, null, null, text), admin, 0, 50).items().stream()
                .map(d -> d.venue().code()).filter(code -> code.startsWith(prefix)).toList();
    }
}
