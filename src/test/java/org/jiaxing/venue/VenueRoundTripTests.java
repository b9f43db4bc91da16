package org.jiaxing.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiaxing.venue.TestVenues.aVenue;
import static org.jiaxing.venue.TestVenues.cityAdmin;
import static org.jiaxing.venue.TestVenues.uniquePrefix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.domain.ImportMode;
import org.jiaxing.venue.domain.ImportReport;
import org.jiaxing.venue.domain.VenueDetails;
import org.jiaxing.venue.domain.VenueExporter;
import org.jiaxing.venue.domain.VenueImporter;
import org.jiaxing.venue.domain.VenueQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** An exported file imported again gives back exactly the exported venues, tricky values included. */
@SpringBootTest
class VenueRoundTripTests {

    @Autowired VenueRegistry registry;
    @Autowired VenueQueries queries;
    @Autowired VenueExporter exporter;
    @Autowired VenueImporter importer;

    private final String p = uniquePrefix();
    private final StaffUser admin = cityAdmin();

    @Test
    void csvRoundTrip() throws IOException {
        roundTrip("venues.csv", out -> exporter.csv(mine(), out));
    }

    @Test
    void xlsxRoundTrip() throws IOException {
        roundTrip("venues.xlsx", out -> exporter.xlsx(mine(), out));
    }

    private void roundTrip(String filename, Export export) throws IOException {
        registry.register(aVenue(p + "-1").name("=HYPERLINK(\"http://evil\",\"点我\")").address("东大街 5 号, \"老\"楼\n二层")
                .contact("-张三", "+86-573-85012345").coordinates(121.01234567, 30.7).draft(), admin);
        Venue closed = registry.register(new VenueDraft(p + "-2", "@小店", "CULTURAL_HALL", "lindai", "林埭镇\t1 号", null,
                null, null, null, "18:00-02:00", 0), admin);
        registry.changeStatus(closed.id(), VenueStatus.CLOSED, admin);
        List<VenueDetails> before = mine();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        export.write(file);
        // change everything the file carries, so that only a faithful import restores it
        for (VenueDetails venue : before) {
            registry.update(venue.venue().id(), aVenue(venue.venue().code()).name("改掉").town("zhapu").draft(), admin);
            registry.changeStatus(venue.venue().id(), VenueStatus.SUSPENDED, admin);
        }

        ImportReport report = importer.importFile(filename, file.toByteArray(), ImportMode.ALL_OR_NOTHING, admin);

        assertThat(report).isEqualTo(new ImportReport(2, 0, 2, 0, true, List.of()));
        assertThat(mine()).extracting(VenueDetails::toDraft).isEqualTo(before.stream().map(VenueDetails::toDraft).toList());
        assertThat(mine()).extracting(d -> d.venue().status()).containsExactly(VenueStatus.ACTIVE, VenueStatus.CLOSED);
        assertThat(mine().getFirst().venue().name()).isEqualTo("=HYPERLINK(\"http://evil\",\"点我\")");
    }

    private List<VenueDetails> mine() {
        return queries.all(new VenueFilter(null, null, null, p), admin);
    }

    @FunctionalInterface
    private interface Export {
        void write(ByteArrayOutputStream out) throws IOException;
    }
}
