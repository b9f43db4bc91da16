package org.jiaxing.venue.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.venue.InvalidImportFile;
import org.jiaxing.venue.VenueAccessDenied;
import org.jiaxing.venue.VenueCategory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueStatus;
import org.jiaxing.venue.domain.ImportReport.RowError;
import org.jiaxing.venue.domain.VenueRepository.Existing;
import org.jiaxing.venue.domain.VenueStore.Upsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import from CSV or XLSX. Every row is checked and every problem reported with its line;
 * rows are matched to venues by code, so importing a file again updates instead of duplicating.
 */
@Service
public class VenueImporter {

    private static final Map<String, VenueStatus> STATUS_NAMES = Map.of("正常", VenueStatus.ACTIVE,
            "暂停", VenueStatus.SUSPENDED, "关闭", VenueStatus.CLOSED, "已关闭", VenueStatus.CLOSED);

    private final VenueValidator validator;
    private final CategoryCatalog categories;
    private final Towns towns;
    private final VenueRepository venues;
    private final VenueUpserter upserter;
    private final VenueProperties properties;

    VenueImporter(VenueValidator validator, CategoryCatalog categories, Towns towns, VenueRepository venues,
            VenueUpserter upserter, VenueProperties properties) {
        this.validator = validator;
        this.categories = categories;
        this.towns = towns;
        this.venues = venues;
        this.upserter = upserter;
        this.properties = properties;
    }

    /** @throws InvalidImportFile when the file as a whole cannot be read (rows with errors are reported instead) */
    @Transactional
    public ImportReport importFile(String filename, byte[] content, ImportMode mode, StaffUser by) {
        if (!VenueAccessPolicy.canWrite(by)) {
            throw VenueAccessDenied.toChange();
        }
        List<TableRow> table = UploadedTable.read(filename, content, properties);
        if (table.isEmpty()) {
            throw InvalidImportFile.empty();
        }
        ImportColumns columns = ImportColumns.of(table.getFirst());
        List<Candidate> candidates = table.stream().skip(1).filter(row -> !row.blank())
                .map(row -> candidate(row, columns)).toList();
        if (candidates.isEmpty()) {
            throw InvalidImportFile.noRows();
        }
        markDuplicateCodes(candidates);
        Map<String, Existing> existing = venues.existing(candidates.stream()
                .map(candidate -> candidate.draft().code()).filter(code -> code != null).distinct().toList());
        if (by.hasRole(Role.TOWN_ADMIN)) {
            candidates.forEach(candidate -> checkTown(candidate, existing.get(candidate.draft().code()), by));
        }
        List<RowError> errors = candidates.stream().flatMap(candidate -> candidate.errors().stream())
                .sorted(Comparator.comparingInt(RowError::line)).toList();
        List<Candidate> valid = candidates.stream().filter(candidate -> candidate.errors().isEmpty()).toList();
        int rejected = candidates.size() - valid.size();
        if (valid.isEmpty() || rejected > 0 && mode == ImportMode.ALL_OR_NOTHING) {
            return new ImportReport(candidates.size(), 0, 0, rejected, false, errors);
        }
        VenueUpserter.Counts counts = upserter.upsert(
                valid.stream().map(candidate -> new Upsert(candidate.draft(), candidate.status())).toList(), existing);
        return new ImportReport(candidates.size(), counts.created(), counts.updated(), rejected, true, errors);
    }

    private Candidate candidate(TableRow row, ImportColumns columns) {
        String category = columns.get(row, "category");
        String town = columns.get(row, "town");
        VenueInput input = new VenueInput(columns.get(row, "code"), columns.get(row, "name"),
                categories.byCodeOrName(category).map(VenueCategory::code).orElse(category),
                towns.byCodeOrName(town).map(Town::code).orElse(town), columns.get(row, "address"),
                columns.get(row, "longitude"), columns.get(row, "latitude"), columns.get(row, "contact_name"),
                columns.get(row, "contact_phone"), columns.get(row, "opening_hours"),
                columns.get(row, "expected_daily_visitors"));
        VenueValidator.Checked checked = validator.check(input);
        Candidate candidate = new Candidate(row.line(), checked.draft(), status(columns.get(row, "status")),
                new ArrayList<>());
        checked.problems().forEach(problem -> candidate.error(ImportColumns.columnOf(problem.field()),
                problem.messageKey(), problem.args().toArray()));
        String status = columns.get(row, "status");
        if (status != null && candidate.status() == null) {
            candidate.error("status", "venue.import.error.status", status);
        }
        return candidate;
    }

    private static VenueStatus status(String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.strip();
        for (VenueStatus status : VenueStatus.values()) {
            if (status.name().equalsIgnoreCase(wanted)) {
                return status;
            }
        }
        return STATUS_NAMES.get(wanted);
    }

    /** Every row of a code that occurs more than once is rejected: which one was meant is unknowable. */
    private static void markDuplicateCodes(List<Candidate> candidates) {
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        candidates.stream().filter(candidate -> candidate.draft().code() != null).forEach(candidate -> lines
                .computeIfAbsent(candidate.draft().code().toUpperCase(Locale.ROOT), code -> new ArrayList<>())
                .add(candidate.line()));
        for (Candidate candidate : candidates) {
            List<Integer> same = candidate.draft().code() == null ? List.of() : lines.get(candidate.draft().code());
            if (same.size() > 1) {
                String others = same.stream().filter(line -> line != candidate.line()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                candidate.error("code", "venue.import.error.duplicateCode", candidate.draft().code(), others);
            }
        }
    }

    private static void checkTown(Candidate candidate, Existing existing, StaffUser by) {
        VenueDraft draft = candidate.draft();
        if (draft.townCode() != null && !draft.townCode().equals(by.townCode())
                && candidate.errors().stream().noneMatch(error -> error.column().equals("town"))) {
            candidate.error("town", "venue.import.error.otherTown", draft.townCode());
        }
        if (existing != null && !existing.townCode().equals(by.townCode())) {
            candidate.error("code", "venue.import.error.codeOfOtherTown", draft.code());
        }
    }

    private record Candidate(int line, VenueDraft draft, VenueStatus status, List<RowError> errors) {

        void error(String column, String key, Object... args) {
            errors.add(new RowError(line, column, key, List.of(args)));
        }
    }
}
