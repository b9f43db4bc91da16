package org.jiaxing.person;

/**
 * A person's identity in clear text: what a visitor types in, and what {@link Persons#reveal} returns.
 * Its {@link #toString()} masks every field, so that logging one by mistake leaks nothing.
 *
 * @param name     full name; may be {@code null} when updating a known person
 * @param phone    mainland mobile number; may be {@code null} (children, elderly people without a phone)
 * @param idNumber 18-character resident ID number, the identity of the person
 */
public record PersonDetails(String name, String phone, String idNumber) {

    public static PersonDetails of(String name, String phone, String idNumber) {
        return new PersonDetails(name, phone, idNumber);
    }

    /** A person known by ID number only, as staff enter them for an assisted check-in. */
    public static PersonDetails byIdNumber(String idNumber) {
        return new PersonDetails(null, null, idNumber);
    }

    @Override
    public String toString() {
        return "PersonDetails[name=" + Masking.name(name) + ", phone=" + Masking.phone(phone) + ", idNumber="
                + Masking.idNumber(idNumber) + "]";
    }
}
