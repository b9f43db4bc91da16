package org.jiaxing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaxing.account.StaffAccounts;
import org.jiaxing.support.PostgresTest;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A production database never gets made-up venues or demo logins, even when the flag is left on. */
@SpringBootTest(properties = {"jiaxing.demo.enabled=true", "jiaxing.account.initial-admin-password=a-long-admin-password"})
@PostgresTest
class DemoSeedingPostgresTests {

    @Autowired VenueDirectory venues;
    @Autowired StaffAccounts accounts;

    @Test
    void skipsDemoDataAndCreatesTheFirstAdminInstead() {
        assertThat(venues.count(VenueFilter.any())).isZero();
        assertThat(accounts.exists("city")).isFalse();
        assertThat(accounts.exists("admin")).isTrue();
    }
}
