package org.jiaxing.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.health.HealthStatuses;
import org.jiaxing.person.Persons;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.shared.persistence.Database;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First run with demo data on (embedded SQLite only): the 4,421 Pinghu venues, a few days of check-ins for the
 * dashboard ({@link DemoCheckins}) and one login per role. Skipped when venues or
 * accounts already exist, so a restart never duplicates anything. Passwords are generated, printed once
 * and kept in {@code ./data/demo-logins.txt} (mode 600) for the next start.
 */
@Component
@Order(0)
class DemoSeeding implements ApplicationRunner {

    static final long SEED = 20220314L;
    static final String LOGINS_FILE = "demo-logins.txt";

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final JiaxingProperties properties;
    private final VenueDirectory venues;
    private final VenueRegistry registry;
    private final StaffAccounts accounts;
    private final Database database;
    private final Persons persons;
    private final HealthStatuses health;
    private final CheckinRecorder recorder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoSeeding(JiaxingProperties properties, VenueDirectory venues, VenueRegistry registry, StaffAccounts accounts,
            Database database, Persons persons, HealthStatuses health, CheckinRecorder recorder,
            ApplicationEventPublisher events, Clock clock) {
        this.database = database;
        this.persons = persons;
        this.health = health;
        this.recorder = recorder;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.venues = venues;
        this.registry = registry;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled()) {
            return;
        }
        if (!database.isSqlite()) {
            // made-up venues with validly signed codes and printed passwords must never reach production
            log.warn("Demo data is only seeded on the embedded SQLite database; skipped on {}", database.vendor());
            return;
        }
        if (venues.count(VenueFilter.any()) == 0) {
            long started = System.nanoTime();
            int seeded = registry.upsertAll(DemoVenueGenerator.generate(SEED));
            log.info("Demo data: {} Pinghu venues seeded in {} ms", seeded, (System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            int checkins = new DemoCheckins(persons, health, recorder, events, clock, properties.zone())
                    .seed(venues.findAll(VenueFilter.any()), SEED);
            log.info("Demo data: {} check-ins of the last days seeded in {} ms", checkins,
                    (System.nanoTime() - started) / 1_000_000);
        }
        if (accounts.count() == 0) {
            writeLogins(createAccounts());
        }
    }

    private List<DemoLogin> createAccounts() {
        List<DemoLogin> logins = new ArrayList<>();
        logins.add(create(NewStaffAccount.of("city", "市防控办 沈建国", Passwords.generate(), Role.CITY_ADMIN)));
        logins.add(create(NewStaffAccount.of("guangchen", "广陈镇 陆晓梅", Passwords.generate(), Role.TOWN_ADMIN)
                .inTown("guangchen")));
        firstVenue(new VenueFilter("danghu", "MEDICAL", null, null)).ifPresent(hospital -> logins.add(create(
                NewStaffAccount.of("door", "预检分诊 徐丽华", Passwords.generate(), Role.VENUE_STAFF)
                        .forVenues(Set.of(hospital.id())))));
        logins.add(create(NewStaffAccount.of("tracer", "疾控流调 张伟", Passwords.generate(), Role.TRACER)));
        // a second tracer, so that the four-eyes reveal of tracing can be shown
        logins.add(create(NewStaffAccount.of("tracer2", "疾控流调 王芳", Passwords.generate(), Role.TRACER)));
        logins.add(create(NewStaffAccount.of("supervisor", "督考办 顾明", Passwords.generate(), Role.SUPERVISOR)));
        return logins;
    }

    private java.util.Optional<Venue> firstVenue(VenueFilter filter) {
        return venues.findAll(filter).stream().findFirst();
    }

    private DemoLogin create(NewStaffAccount account) {
        accounts.create(account);
        return new DemoLogin(account.username(), account.rawPassword(), account.role(), account.displayName());
    }

    private void writeLogins(List<DemoLogin> logins) {
        StringBuilder text = new StringBuilder("Jiaxing demo logins (generated on first run; delete ./data to reset)\n");
        logins.forEach(login -> text.append(login.line()).append('\n'));
        Path file = properties.dataDir().resolve(LOGINS_FILE);
        try {
            Files.createDirectories(properties.dataDir());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
        log.warn("\n\n{}", text);
    }

    record DemoLogin(String username, String password, Role role, String displayName) {

        String line() {
            return String.format("  %-11s %-18s %-12s %s", username, password, role, displayName);
        }
    }
}
