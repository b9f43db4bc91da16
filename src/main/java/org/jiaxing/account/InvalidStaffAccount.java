package org.jiaxing.account;

import org.jiaxing.shared.web.JiaxingException;
import org.springframework.http.HttpStatus;

/** A staff account request that breaks a rule: taken username, missing scope, weak password. */
public class InvalidStaffAccount extends JiaxingException {

    private InvalidStaffAccount(String key, Object... args) {
        super(HttpStatus.BAD_REQUEST, key, args);
    }

    public static InvalidStaffAccount usernameTaken(String username) {
        return new InvalidStaffAccount("account.error.usernameTaken", username);
    }

    public static InvalidStaffAccount scopeMissing(Role role) {
        return new InvalidStaffAccount("account.error.scopeMissing", role.name());
    }

    public static InvalidStaffAccount passwordTooShort(int minimum) {
        return new InvalidStaffAccount("account.error.passwordTooShort", minimum);
    }
}
