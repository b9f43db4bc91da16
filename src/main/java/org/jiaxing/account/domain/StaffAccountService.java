package org.jiaxing.account.domain;

import java.time.Clock;
import org.jiaxing.account.InvalidStaffAccount;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StaffAccountService implements StaffAccounts, UserDetailsService {

    static final int MINIMUM_PASSWORD_LENGTH = 10;

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    StaffAccountService(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long create(NewStaffAccount account) {
        if (accounts.exists(account.username())) {
            throw InvalidStaffAccount.usernameTaken(account.username());
        }
        if (account.role() == Role.TOWN_ADMIN && account.townCode() == null
                || account.role() == Role.VENUE_STAFF && account.venueIds().isEmpty()) {
            throw InvalidStaffAccount.scopeMissing(account.role());
        }
        if (account.rawPassword() == null || account.rawPassword().length() < MINIMUM_PASSWORD_LENGTH) {
            throw InvalidStaffAccount.passwordTooShort(MINIMUM_PASSWORD_LENGTH);
        }
        String town = account.role() == Role.TOWN_ADMIN ? account.townCode() : null;
        return accounts.insert(account.username(), account.displayName(),
                passwordEncoder.encode(account.rawPassword()), account.role(), town,
                account.role() == Role.VENUE_STAFF ? account.venueIds() : java.util.Set.of(), clock.instant());
    }

    @Override
    public boolean exists(String username) {
        return accounts.exists(username);
    }

    @Override
    public long count() {
        return accounts.count();
    }

    @Override
    public java.util.Optional<org.jiaxing.account.StaffUnit> unitOf(String username) {
        return accounts.findByUsername(username)
                .map(user -> new org.jiaxing.account.StaffUnit(user.role(), user.townCode()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such staff account"));
    }
}
