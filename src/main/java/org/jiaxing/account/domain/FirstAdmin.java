package org.jiaxing.account.domain;

import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Without demo data, a fresh installation still needs someone who can log in: one CITY_ADMIN named
 * {@code admin}, with the password from {@code JIAXING_ADMIN_PASSWORD} or a generated one printed once.
 */
@Component
@Order // lowest precedence: after demo seeding
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffAccounts accounts;
    private final AccountProperties properties;

    FirstAdmin(StaffAccounts accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        // runs after demo seeding: demo logins, or any earlier account, make a first admin unnecessary
        if (accounts.count() > 0) {
            return;
        }
        String configured = properties.initialAdminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? Passwords.generate() : configured;
        accounts.create(NewStaffAccount.of("admin", "系统管理员", password, Role.CITY_ADMIN));
        if (generated) {
            log.warn("First CITY_ADMIN created: username 'admin', password '{}' (shown once; keep it safe)", password);
        } else {
            log.info("First CITY_ADMIN 'admin' created with the password from JIAXING_ADMIN_PASSWORD");
        }
    }
}
