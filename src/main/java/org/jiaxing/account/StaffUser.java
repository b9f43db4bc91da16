package org.jiaxing.account;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member: role plus scope. Modules decide what the scope means for their data
 * (see for example the venue module's access policy); this class only carries it.
 */
public final class StaffUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final String townCode;
    private final Set<Long> venueIds;
    private final boolean enabled;
    private String passwordHash;

    public StaffUser(long id, String username, String displayName, Role role, String townCode,
            Set<Long> venueIds, boolean enabled, String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.townCode = townCode;
        this.venueIds = Set.copyOf(venueIds);
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }

    /** The town a TOWN_ADMIN is scoped to; {@code null} for every other role. */
    public String townCode() {
        return townCode;
    }

    /** The venues a VENUE_STAFF may act for; empty for every other role. */
    public Set<Long> venueIds() {
        return venueIds;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "StaffUser[" + username + ", " + role + "]";
    }
}
