package org.jiaxing.checkin.web;

/** The one-time registration a new visitor fills in on their phone. */
record RegistrationForm(String name, String phone, String idNumber, boolean consent) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", false);
    }
}
