/**
 * Real-name identities of visitors. Names, phone numbers and ID numbers are stored AES-256-GCM
 * encrypted, found through HMAC blind indexes of the phone and ID number, and handed out masked; the
 * clear values leave the module only through {@link org.jiaxing.person.Persons#reveal}, which is
 * audited. API: {@link org.jiaxing.person.Persons}, {@link org.jiaxing.person.Companions},
 * {@link org.jiaxing.person.Person}, {@link org.jiaxing.person.PersonDetails}, event
 * {@link org.jiaxing.person.PersonRegistered}, the rules {@link org.jiaxing.person.IdNumbers},
 * {@link org.jiaxing.person.PhoneNumbers}, {@link org.jiaxing.person.PersonNames},
 * {@link org.jiaxing.person.Masking}, and the failures {@link org.jiaxing.person.InvalidPersonDetails},
 * {@link org.jiaxing.person.PersonNotFound}. Security notes: docs/SECURITY-persons.md.
 */
package org.jiaxing.person;
