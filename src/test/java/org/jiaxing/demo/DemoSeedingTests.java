package org.jiaxing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest(properties = "jiaxing.demo.enabled=true")
class DemoSeedingTests {

    @Autowired DemoSeeding seeding;
    @Autowired VenueDirectory venues;
    @Autowired StaffAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired JiaxingProperties properties;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void firstRunSeedsTheCityAndOneLoginPerRoleAndARestartAddsNothing() throws Exception {
        // 4,421 key venues plus the site of each of the 60 key projects (category CONSTRUCTION_SITE)
        assertThat(venues.count(VenueFilter.any())).isEqualTo(4421 + 60);
        assertThat(venues.count(new VenueFilter(null, "MEDICAL", null, null))).isEqualTo(210);
        // one login per role (two tracers for the four-eyes reveal), plus the key-project logins (officials, leader, owner representative, departments)
        assertThat(accounts.count()).isEqualTo(6 + 8);
        long checkins = checkins();
        assertThat(checkins).as("demo check-in history").isBetween(2_000L, 10_000L);
        assertThat(accounts.unitOf("tracer2")).map(unit -> unit.role()).contains(org.jiaxing.account.Role.TRACER);

        Path logins = properties.dataDir().resolve(DemoSeeding.LOGINS_FILE);
        assertThat(Files.getPosixFilePermissions(logins)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String cityLine = Files.readAllLines(logins).stream().filter(line -> line.strip().startsWith("city ")).findFirst()
                .orElseThrow();
        String cityPassword = cityLine.strip().split("\\s+")[1];
        assertThat(passwordEncoder.matches(cityPassword, users.loadUserByUsername("city").getPassword())).isTrue();

        seeding.run(new DefaultApplicationArguments());

        assertThat(venues.count(VenueFilter.any())).isEqualTo(4421 + 60);
        assertThat(accounts.count()).isEqualTo(6 + 8);
        assertThat(Files.readString(logins)).contains("owner ", "housing ", "supervisor ");
        assertThat(checkins()).isEqualTo(checkins);
    }

    private long checkins() {
        return jdbc.sql("SELECT COUNT(*) FROM checkin").query(Long.class).single();
    }
}
