package org.jiaxing.account;

/** Opening staff accounts (demo data, first admin, tests). */
public interface StaffAccounts {

    /** @return the new account's id; throws {@link InvalidStaffAccount} when the request breaks a rule */
    long create(NewStaffAccount account);

    boolean exists(String username);

    long count();

    /** Role and unit of an account, empty for unknown names (visitors, {@code system}). */
    java.util.Optional<StaffUnit> unitOf(String username);
}
