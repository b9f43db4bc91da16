package org.jiaxing.person.domain;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jiaxing.person.domain.FieldCipher.UnreadableField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves persons still under an older data or index key to the current ones, in the background while the
 * server runs and writes. Each batch is one short transaction that reads the next persons (by id) not under
 * both current keys, decrypts them, seals them again ({@link PersonSealing}) and writes each back only if
 * its key ids are still the ones read: a visitor who changed their details meanwhile was already sealed
 * with the current keys by that change. The progress is in the rows themselves, so the job needs no state
 * to resume after a restart, and running it twice converts nothing twice. Once a pass finds nothing left,
 * it stops looking until the next start (only a restart can change the current keys).
 *
 * <p>Progress: the log, and {@code jiaxing.person.rekey.remaining} / {@code .converted} /
 * {@code .unreadable} on {@code /actuator/metrics} (CITY_ADMIN only).
 */
@Component
class PersonRekeying implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(PersonRekeying.class);

    /** What one run did, and what is left. */
    record Progress(int converted, int unreadable, long remaining) {
    }

    private final PersonStore store;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final PersonSealing sealing;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final int batchesPerRun;
    private final AtomicLong remaining = new AtomicLong(-1);
    private final AtomicLong converted = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private long after;
    private long convertedThisPass;
    private volatile boolean finished;

    PersonRekeying(PersonStore store, FieldCipher cipher, BlindIndex index, PersonSealing sealing,
            TransactionTemplate transactions, PersonProperties properties) {
        this.store = store;
        this.cipher = cipher;
        this.index = index;
        this.sealing = sealing;
        this.transactions = transactions;
        this.batchSize = properties.rekeyBatchSize();
        this.batchesPerRun = properties.rekeyBatchesPerRun();
    }

    @Scheduled(fixedDelayString = "${jiaxing.person.rekey-interval:10s}",
            initialDelayString = "${jiaxing.person.rekey-interval:10s}")
    void scheduled() {
        if (!finished) {
            run(batchesPerRun);
        }
    }

    /** Persons not yet under both current keys; -1 until the first run counted them. */
    long remaining() {
        return remaining.get();
    }

    /** Re-keys up to {@code maxBatches} batches, continuing where the previous run stopped. */
    synchronized Progress run(int maxBatches) {
        if (countRemaining() == 0) { // the usual case outside a rotation: one grouped count, no scan
            remaining.set(0);
            finished = true;
            return new Progress(0, 0, 0);
        }
        int convertedNow = 0;
        int unreadableNow = 0;
        boolean passEnded = false;
        for (int batch = 0; batch < maxBatches && !passEnded; batch++) {
            int[] counts = transactions.execute(status -> batch());
            convertedNow += counts[1];
            unreadableNow += counts[2];
            convertedThisPass += counts[1];
            passEnded = counts[0] < batchSize;
        }
        long left = countRemaining();
        remaining.set(left);
        converted.addAndGet(convertedNow);
        unreadable.addAndGet(unreadableNow);
        if (convertedNow > 0 || unreadableNow > 0) {
            log.info("Person re-keying to data key {} and index key {}: {} persons converted, {} unreadable, "
                    + "{} left", cipher.currentKeyId(), index.currentKeyId(), convertedNow, unreadableNow, left);
        }
        if (left == 0) {
            finished = true;
            log.info("Person re-keying finished: every person is under data key {} and index key {}; older "
                    + "person keys may now be removed", cipher.currentKeyId(), index.currentKeyId());
        } else if (passEnded && convertedThisPass == 0) {
            // a whole pass over the table converted nothing: only unreadable persons are left, and scanning
            // for them every interval would change nothing
            finished = true;
            log.error("Person re-keying stopped: {} persons under older keys cannot be decrypted (logged above by "
                    + "id); keep the older keys configured, and restart to try again", left);
        }
        if (passEnded) {
            after = 0; // reached the last person: the next run starts a new pass
            convertedThisPass = 0;
        }
        return new Progress(convertedNow, unreadableNow, left);
    }

    /** @return rows read, rows converted, rows unreadable */
    private int[] batch() {
        List<PersonStore.Row> rows = store.notUnder(cipher.currentKeyId(), index.currentKeyId(), after, batchSize);
        int done = 0;
        int failed = 0;
        for (PersonStore.Row row : rows) {
            after = row.id();
            try {
                PersonStore.Sealed again = sealing.seal(cipher.decrypt(PersonSealing.NAME, row.nameEnc()),
                        cipher.decryptNullable(PersonSealing.PHONE, row.phoneEnc()),
                        cipher.decrypt(PersonSealing.ID_NUMBER, row.idNumberEnc()));
                if (store.rekey(row, again)) {
                    done++;
                }
            } catch (UnreadableField e) {
                // changed in the database by hand, or under a key that fails its tag: left as it is, counted
                failed++;
                log.error("Person {} cannot be re-keyed: {}", row.id(), e.getMessage());
            }
        }
        return new int[] {rows.size(), done, failed};
    }

    private long countRemaining() {
        return store.keyIds().stream()
                .filter(pair -> pair.dataKid() != cipher.currentKeyId() || pair.indexKid() != index.currentKeyId())
                .mapToLong(PersonStore.KeyIds::persons).sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("jiaxing.person.rekey.remaining", remaining, AtomicLong::get)
                .description("Persons not yet under the current data and index keys (-1: not counted yet)")
                .register(registry);
        FunctionCounter.builder("jiaxing.person.rekey.converted", converted, AtomicLong::get)
                .description("Persons moved to the current keys since the start").register(registry);
        FunctionCounter.builder("jiaxing.person.rekey.unreadable", unreadable, AtomicLong::get)
                .description("Persons the re-keying could not decrypt (see the log)").register(registry);
    }
}
