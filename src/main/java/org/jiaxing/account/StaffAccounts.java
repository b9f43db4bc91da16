package org.jiaxing.account;

/** Opening staff accounts (demo data, first admin, tests). */
public interface StaffAccounts {

    /** @return the new account's id; throws {@link InvalidStaffAccount} when the request breaks a rule */
    long create(NewStaffAccount account);

    boolean exists(String username);

    long count();
}
