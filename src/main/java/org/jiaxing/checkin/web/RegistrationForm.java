package org.jiaxing.checkin.web;

/** The one-time registration a new visitor fills in on their phone. */
record RegistrationForm(String name, String phone, String idNumber, Boolean consent) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", false);
    }

    /** An unticked checkbox sends nothing at all, hence the nullable wrapper. */
    boolean consented() {
        return Boolean.TRUE.equals(consent);
    }
}
