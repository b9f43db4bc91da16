package org.jiaxing.checkin.domain;

import static org.jiaxing.checkin.domain.RegisterColumns.CHECKED_IN_AT;
import static org.jiaxing.checkin.domain.RegisterColumns.CHECKED_OUT_AT;
import static org.jiaxing.checkin.domain.RegisterColumns.NAME;
import static org.jiaxing.checkin.domain.RegisterColumns.PHONE;
import static org.jiaxing.checkin.domain.RegisterColumns.VENUE_CODE;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinImportDenied;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.InvalidCheckinFile;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.domain.CheckinImportReport.RowError;
import org.jiaxing.person.Masking;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonNames;
import org.jiaxing.person.PhoneNumbers;
import org.jiaxing.person.Persons;
import org.jiaxing.shared.csv.CsvRecord;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.stereotype.Service;

/**
 * Bulk import of digitised paper registers (CSV {@code venue_code,phone,name,checked_in_at,checked_out_at}).
 * Every row is checked and every problem reported with its line; only a file without a single bad row is
 * recorded, all of it in one transaction of the check-in writer (channel {@code IMPORT}, dedup as usual).
 *
 * <p>Persons are found by phone only. They are not registered here: a person's identity is their ID
 * number ({@link Persons#registerOrUpdate} requires it), which a register of phone and name does not
 * carry, so an unknown phone is a row error. A name, when given, must match the masked name of the person
 * the phone belongs to: families share phones, and a visit must not be put on the wrong member's record.
 *
 * <p>Not {@code @Transactional} on purpose: the rows are written by the writer thread in its own
 * transaction, and a request thread holding a write transaction meanwhile would block it (SQLite).
 */
@Service
public class CheckinImporter {

    private static final Set<Role> IMPORTERS = EnumSet.of(Role.CITY_ADMIN, Role.TOWN_ADMIN, Role.TRACER);
    /** Values from the file quoted back in messages are cut to this length. */
    private static final int MAX_ECHO = 40;

    private final VenueDirectory venues;
    private final Persons persons;
    private final CheckinRecorder recorder;
    private final RecordedVisits recorded;
    private final ImportAudit audit;
    private final Clock clock;
    private final CheckinProperties checkins;
    private final CheckinImportProperties limits;

    CheckinImporter(VenueDirectory venues, Persons persons, CheckinRecorder recorder, RecordedVisits recorded,
            ImportAudit audit, Clock clock, CheckinProperties checkins, CheckinImportProperties limits) {
        this.venues = venues;
        this.persons = persons;
        this.recorder = recorder;
        this.recorded = recorded;
        this.audit = audit;
        this.clock = clock;
        this.checkins = checkins;
        this.limits = limits;
    }

    /** City and town administrators (the latter for their town's venues) and tracers. */
    public static boolean mayImport(StaffUser user) {
        return user != null && IMPORTERS.contains(user.role());
    }

    public CheckinImportProperties limits() {
        return limits;
    }

    /**
     * @throws CheckinImportDenied for any other role
     * @throws InvalidCheckinFile  when the file as a whole cannot be read (bad rows are reported instead)
     */
    public CheckinImportReport importFile(String filename, byte[] content, StaffUser by) {
        if (!mayImport(by)) {
            throw CheckinImportDenied.forRole();
        }
        List<CsvRecord> table = RegisterFile.read(content, limits);
        if (table.isEmpty()) {
            throw InvalidCheckinFile.empty();
        }
        RegisterColumns columns = RegisterColumns.of(table.getFirst());
        Instant now = clock.instant();
        List<RegisterRow> rows = table.stream().skip(1).filter(record -> !record.blank() || !record.wellFormed())
                .map(record -> read(record, columns, now)).toList();
        if (rows.isEmpty()) {
            throw InvalidCheckinFile.noRows();
        }
        resolveVenues(rows, by);
        resolvePersons(rows);
        List<RowError> errors = rows.stream().flatMap(row -> row.errors().stream())
                .sorted(Comparator.comparingInt(RowError::line)).toList();
        CheckinImportReport report = errors.isEmpty() ? record(rows, by)
                : new CheckinImportReport(rows.size(), 0, 0, (int) rows.stream().filter(row -> !row.valid()).count(),
                        false, errors);
        audit.imported(by, filename, content, report);
        return report;
    }

    private RegisterRow read(CsvRecord record, RegisterColumns columns, Instant now) {
        RegisterRow row = new RegisterRow(record.line());
        switch (record.flaw()) {
            case STRAY_QUOTE -> row.error("checkin.import.error.strayQuote");
            case UNCLOSED_QUOTE -> row.error("checkin.import.error.unclosedQuote");
            case NONE -> {
                if (record.cells().size() != columns.width()) {
                    row.error("checkin.import.error.fieldCount", record.cells().size(), columns.width());
                } else {
                    readValues(row, record, columns, now);
                }
            }
        }
        return row;
    }

    private void readValues(RegisterRow row, CsvRecord record, RegisterColumns columns, Instant now) {
        row.venueCode = columns.get(record, VENUE_CODE);
        if (row.venueCode == null) {
            row.error("checkin.import.error.venueRequired");
        }
        String phone = columns.get(record, PHONE);
        if (phone == null) {
            row.error("checkin.import.error.phoneRequired");
        } else if (!PhoneNumbers.isValid(phone)) {
            // the number itself is not echoed: it is personal data, and the line number finds it
            row.error("checkin.import.error.phoneInvalid");
        } else {
            row.phone = PhoneNumbers.normalize(phone);
        }
        row.name = columns.get(record, NAME);
        row.checkedInAt = time(row, columns.get(record, CHECKED_IN_AT), CHECKED_IN_AT, true);
        row.checkedOutAt = time(row, columns.get(record, CHECKED_OUT_AT), CHECKED_OUT_AT, false);
        checkTimes(row, now);
    }

    private static Instant time(RegisterRow row, String text, String column, boolean required) {
        if (text == null) {
            if (required) {
                row.error("checkin.import.error.timeRequired", column);
            }
            return null;
        }
        RegisterTimes.Read read = RegisterTimes.read(text);
        if (!read.ok()) {
            row.error(read.problemKey(), column, echo(text));
        }
        return read.at();
    }

    /** The same rules as the write path, checked here so that every row gets its own line in the report. */
    private void checkTimes(RegisterRow row, Instant now) {
        if (row.checkedInAt != null) {
            if (row.checkedInAt.isAfter(now)) {
                row.error("checkin.import.error.inTheFuture", CHECKED_IN_AT);
            } else if (!row.checkedInAt.isAfter(now.minus(checkins.retention()))) {
                row.error("checkin.import.error.tooOld", checkins.retention().toDays());
            }
        }
        if (row.checkedOutAt != null) {
            if (row.checkedOutAt.isAfter(now)) {
                row.error("checkin.import.error.inTheFuture", CHECKED_OUT_AT);
            }
            if (row.checkedInAt != null && !row.checkedOutAt.isAfter(row.checkedInAt)) {
                row.error("checkin.import.error.checkOutNotAfterCheckIn");
            }
        }
    }

    private void resolveVenues(List<RegisterRow> rows, StaffUser by) {
        Map<String, Optional<Venue>> byCode = new HashMap<>();
        for (RegisterRow row : rows) {
            if (row.venueCode == null) {
                continue;
            }
            String code = row.venueCode.toUpperCase(Locale.ROOT);
            Optional<Venue> venue = byCode.computeIfAbsent(code, venues::findByCode);
            if (venue.isEmpty()) {
                row.error("checkin.import.error.unknownVenue", echo(row.venueCode));
            } else if (by.hasRole(Role.TOWN_ADMIN) && !venue.get().townCode().equals(by.townCode())) {
                row.error("checkin.import.error.otherTown", venue.get().code());
            } else {
                row.venue = venue.get();
            }
        }
    }

    private void resolvePersons(List<RegisterRow> rows) {
        Map<String, Optional<Person>> byPhone = new HashMap<>();
        for (RegisterRow row : rows) {
            if (row.phone == null) {
                continue;
            }
            Optional<Person> person = byPhone.computeIfAbsent(row.phone, persons::findByPhone);
            if (person.isEmpty()) {
                row.error("checkin.import.error.unknownPhone");
            } else if (row.name != null && !Masking.name(PersonNames.normalize(row.name)).equals(person.get().maskedName())) {
                row.error("checkin.import.error.nameMismatch", person.get().maskedName());
            } else {
                row.person = person.get();
            }
        }
    }

    /** Every row is valid: leave out what is recorded already, write the rest all-or-nothing. */
    private CheckinImportReport record(List<RegisterRow> rows, StaffUser by) {
        List<RegisterRow> fresh = notRecordedYet(rows);
        int alreadyRecorded = rows.size() - fresh.size();
        if (fresh.isEmpty()) {
            return new CheckinImportReport(rows.size(), 0, alreadyRecorded, 0, true, List.of());
        }
        // in time order, so that dedup folds a register's repeated lines into the first visit whatever the file's order
        List<NewCheckin> visits = fresh.stream()
                .sorted(Comparator.comparing((RegisterRow row) -> row.checkedInAt).thenComparingInt(RegisterRow::line))
                .map(row -> visit(row, by)).toList();
        List<CheckinResult> results = recorder.recordAll(visits);
        int imported = (int) results.stream().filter(result -> !result.duplicate()).count();
        return new CheckinImportReport(rows.size(), imported, alreadyRecorded + results.size() - imported, 0, true,
                List.of());
    }

    private List<RegisterRow> notRecordedYet(List<RegisterRow> rows) {
        Map<Long, List<RegisterRow>> byVenue = rows.stream().collect(Collectors.groupingBy(row -> row.venue.id()));
        Map<Long, RecordedVisits.Known> known = new HashMap<>();
        byVenue.forEach((venueId, atVenue) -> {
            LongSummaryStatistics times = atVenue.stream().mapToLong(row -> row.checkedInAt.toEpochMilli())
                    .summaryStatistics();
            known.put(venueId, recorded.at(venueId, times.getMin(), times.getMax()));
        });
        return rows.stream().filter(row -> !known.get(row.venue.id())
                .contains(row.person.id(), row.checkedInAt.toEpochMilli())).toList();
    }

    /** The device id names the importing official, as assisted check-ins name the staff member. */
    private static NewCheckin visit(RegisterRow row, StaffUser by) {
        NewCheckin visit = new NewCheckin(row.person.id(), row.venue.id(), row.checkedInAt, false,
                CheckinChannel.IMPORT, "import:" + by.id());
        return row.checkedOutAt == null ? visit : visit.withCheckOutAt(row.checkedOutAt);
    }

    private static String echo(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= MAX_ECHO ? clean : clean.substring(0, MAX_ECHO) + "…";
    }
}
