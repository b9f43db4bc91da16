package org.jiaxing.person.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.person.IdNumbers;
import org.jiaxing.person.InvalidPersonDetails;
import org.jiaxing.person.Masking;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.PersonNotFound;
import org.jiaxing.person.PersonRegistered;
import org.jiaxing.person.PersonsPurged;
import org.jiaxing.person.Persons;
import org.jiaxing.person.PhoneNumbers;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.shared.cache.ReadThroughCache;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registering, finding and revealing persons. Clear values exist only inside these methods: they are
 * encrypted before the store sees them and masked before callers do (except {@link #reveal}). Lookups
 * join a caller's transaction but open none: each is one indexed SELECT, and on SQLite a transaction
 * would take the write lock (IMMEDIATE mode) that the check-in writer needs.
 *
 * <p>{@link #find(long)} is on every scan's path, so masked persons by id are cached in memory (one
 * node; every change of a person's name or phone goes through this class, which forgets the person when
 * it changes them and again after the commit). A scan then costs no query and no decryption, and no
 * transaction proxy either: the writing methods are transactional one by one, {@link #find(long)} is not
 * (a hit touches no database; a miss is one SELECT, which joins a caller's transaction as before). With
 * {@code @Transactional} on the class, even the hit went through the transaction interceptor (an empty
 * SUPPORTS "transaction" with its synchronization), ~7% of a check-in request thread's CPU samples.
 */
@Service
class PersonService implements Persons {

    static final String NAME = PersonSealing.NAME;
    static final String PHONE = PersonSealing.PHONE;
    static final String ID_NUMBER = PersonSealing.ID_NUMBER;
    static final String REVEAL = "PERSON_REVEAL";
    static final String SUBJECT = "person";

    private final PersonStore store;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final PersonSealing sealing;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JiaxingProperties platform;
    private final ReadThroughCache<Long, Person> byId;

    PersonService(PersonStore store, FieldCipher cipher, BlindIndex index, PersonSealing sealing, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, JiaxingProperties platform, PersonProperties properties) {
        this.store = store;
        this.cipher = cipher;
        this.index = index;
        this.sealing = sealing;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.platform = platform;
        this.byId = new ReadThroughCache<>(properties.cacheSize());
    }

    @Override
    @Transactional
    public Person registerOrUpdate(PersonDetails details) {
        PersonDetails valid = PersonValidation.normalized(details, today());
        List<String> idIndexes = index.idNumberUnderEveryKey(valid.idNumber());
        Optional<PersonStore.Row> known = store.findByIdNumberIndex(idIndexes);
        if (known.isPresent()) {
            return update(known.get(), valid);
        }
        if (valid.name() == null) {
            throw InvalidPersonDetails.of("name", "person.error.name.required");
        }
        Instant now = clock.instant();
        Optional<Long> created = store.insertIfAbsent(sealing.seal(valid.name(), valid.phone(), valid.idNumber()), now);
        if (created.isEmpty()) {
            // registered by a concurrent request between our lookup and our insert: that one is the person
            return update(store.findByIdNumberIndex(idIndexes).orElseThrow(), valid);
        }
        events.publishEvent(new PersonRegistered(created.get()));
        return new Person(created.get(), Masking.name(valid.name()), Masking.phone(valid.phone()),
                Masking.idNumber(valid.idNumber()));
    }

    @Override
    public Optional<Person> find(long id) {
        return byId.get(id, key -> store.findById(key).map(this::masked));
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, Person> find(Collection<Long> ids) {
        Map<Long, Person> found = new LinkedHashMap<>();
        store.findByIds(ids).forEach(row -> found.put(row.id(), masked(row)));
        return found;
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Person> findByIdNumber(String idNumber) {
        String normalized = IdNumbers.normalize(idNumber);
        if (!IdNumbers.hasShape(normalized)) {
            return Optional.empty();
        }
        return store.findByIdNumberIndex(index.idNumberUnderEveryKey(normalized)).map(this::masked);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Person> findByPhone(String phone) {
        if (!PhoneNumbers.isValid(phone)) {
            return Optional.empty();
        }
        return store.findNewestByPhoneIndex(index.phoneUnderEveryKey(PhoneNumbers.normalize(phone))).map(this::masked);
    }

    @Override
    @Transactional
    public Person rename(long personId, String newName) {
        String name = PersonValidation.name(newName);
        PersonStore.Row row = store.findById(personId).orElseThrow(() -> PersonNotFound.forId(personId));
        String phone = cipher.decryptNullable(PHONE, row.phoneEnc());
        String idNumber = cipher.decrypt(ID_NUMBER, row.idNumberEnc());
        store.update(personId, sealing.seal(name, phone, idNumber), false, clock.instant());
        changed(personId);
        return new Person(personId, Masking.name(name), Masking.phone(phone), Masking.idNumber(idNumber));
    }

    @Override
    @Transactional
    public PersonDetails reveal(long personId, String actor, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw InvalidPersonDetails.of("reason", "person.error.reason.required");
        }
        if (why.length() > AuditEntry.MAX_REASON) {
            throw InvalidPersonDetails.of("reason", "person.error.reason.tooLong", AuditEntry.MAX_REASON);
        }
        PersonStore.Row row = store.findById(personId).orElseThrow(() -> PersonNotFound.forId(personId));
        PersonDetails clear = new PersonDetails(cipher.decrypt(NAME, row.nameEnc()),
                cipher.decryptNullable(PHONE, row.phoneEnc()), cipher.decrypt(ID_NUMBER, row.idNumberEnc()));
        audit.record(AuditEntry.of(actor, REVEAL, SUBJECT, personId, why, "fields=name,phone,idNumber"));
        return clear;
    }

    private Person update(PersonStore.Row row, PersonDetails valid) {
        String phone = cipher.decryptNullable(PHONE, row.phoneEnc());
        String name = cipher.decrypt(NAME, row.nameEnc());
        boolean phoneChanged = valid.phone() != null && !valid.phone().equals(phone);
        boolean nameChanged = valid.name() != null && !valid.name().equals(name);
        if (phoneChanged || nameChanged) {
            phone = phoneChanged ? valid.phone() : phone;
            name = nameChanged ? valid.name() : name;
            // the whole row, under the current keys: its key ids then hold for every field
            store.update(row.id(), sealing.seal(name, phone, valid.idNumber()), phoneChanged, clock.instant());
            changed(row.id());
        }
        return new Person(row.id(), Masking.name(name), Masking.phone(phone), Masking.idNumber(valid.idNumber()));
    }

    /** Persons deleted past retention must not be served from the cache (a scan would find them still). */
    @EventListener
    @Transactional
    void on(PersonsPurged purged) {
        purged.personIds().forEach(this::changed);
    }

    /** Forgets the cached person now and once more after the commit (a scan may read the old row meanwhile). */
    private void changed(long personId) {
        byId.invalidate(personId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byId.invalidate(personId);
                }
            });
        }
    }

    private Person masked(PersonStore.Row row) {
        return new Person(row.id(), Masking.name(cipher.decrypt(NAME, row.nameEnc())),
                Masking.phone(cipher.decryptNullable(PHONE, row.phoneEnc())),
                Masking.idNumber(cipher.decrypt(ID_NUMBER, row.idNumberEnc())));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), platform.zone());
    }
}
