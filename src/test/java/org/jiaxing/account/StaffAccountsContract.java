package org.jiaxing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The same account rules on both databases. */
abstract class StaffAccountsContract {

    @Autowired StaffAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwordEncoder;

    @Test
    void storesOnlyAHashAndLoadsRoleAndScope() {
        String password = Passwords.generate();
        accounts.create(NewStaffAccount.of("gc-admin", "广陈镇管理员", password, Role.TOWN_ADMIN).inTown("guangchen"));

        StaffUser user = (StaffUser) users.loadUserByUsername("gc-admin");

        assertThat(user.role()).isEqualTo(Role.TOWN_ADMIN);
        assertThat(user.townCode()).isEqualTo("guangchen");
        assertThat(user.getPassword()).doesNotContain(password).startsWith("{bcrypt}");
        assertThat(passwordEncoder.matches(password, user.getPassword())).isTrue();
    }

    @Test
    void venueStaffKeepTheirVenues() {
        accounts.create(NewStaffAccount.of("door-1", "门岗", Passwords.generate(), Role.VENUE_STAFF)
                .forVenues(Set.of(7L, 9L)));

        assertThat(((StaffUser) users.loadUserByUsername("door-1")).venueIds()).containsExactlyInAnyOrder(7L, 9L);
    }

    @Test
    void refusesATakenUsernameAMissingScopeAndAShortPassword() {
        accounts.create(NewStaffAccount.of("tracer-a", "流调A", Passwords.generate(), Role.TRACER));

        assertThatThrownBy(() -> accounts.create(NewStaffAccount.of("tracer-a", "x", Passwords.generate(), Role.TRACER)))
                .isInstanceOf(InvalidStaffAccount.class).hasMessageContaining("usernameTaken");
        assertThatThrownBy(() -> accounts.create(NewStaffAccount.of("town-x", "x", Passwords.generate(), Role.TOWN_ADMIN)))
                .isInstanceOf(InvalidStaffAccount.class).hasMessageContaining("scopeMissing");
        assertThatThrownBy(() -> accounts.create(NewStaffAccount.of("short", "x", "abc", Role.TRACER)))
                .isInstanceOf(InvalidStaffAccount.class).hasMessageContaining("passwordTooShort");
        assertThat(accounts.exists("town-x")).isFalse();
    }
}
