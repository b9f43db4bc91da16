package org.jiaxing.person.domain;

import org.springframework.stereotype.Component;

/**
 * Turns a person's clear fields into what is stored: the three fields encrypted and the two indexes,
 * always all together and with the current keys, so that a row's key ids ({@code data_kid},
 * {@code index_kid}) are true for every field in it. Used by every write and by the re-keying.
 */
@Component
class PersonSealing {

    static final String NAME = "person.name";
    static final String PHONE = "person.phone";
    static final String ID_NUMBER = "person.idNumber";

    private final FieldCipher cipher;
    private final BlindIndex index;

    PersonSealing(FieldCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    /** @param phone may be null; the others are the normalised clear values */
    PersonStore.Sealed seal(String name, String phone, String idNumber) {
        return new PersonStore.Sealed(cipher.encrypt(NAME, name), cipher.encryptNullable(PHONE, phone),
                cipher.encrypt(ID_NUMBER, idNumber), index.idNumber(idNumber),
                phone == null ? null : index.phone(phone), cipher.currentKeyId(), index.currentKeyId());
    }
}
