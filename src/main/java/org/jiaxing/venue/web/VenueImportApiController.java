package org.jiaxing.venue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.InvalidImportFile;
import org.jiaxing.venue.domain.ImportReport;
import org.jiaxing.venue.domain.VenueImporter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Venues")
class VenueImportApiController {

    private final VenueImporter importer;
    private final ApiProblems problems;

    VenueImportApiController(VenueImporter importer, ApiProblems problems) {
        this.importer = importer;
        this.problems = problems;
    }

    @PostMapping(path = "/api/v1/venues/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import venues from CSV or XLSX", description = "Columns code,name,category,town,address,"
            + "longitude,latitude,contact_name,contact_phone (+ opening_hours, expected_daily_visitors, status). "
            + "mode=all-or-nothing (default) writes nothing when any row is bad (400 with the row errors); "
            + "mode=valid-only writes the valid rows and reports the others.")
    ResponseEntity<?> importFile(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String mode, @AuthenticationPrincipal StaffUser user, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidImportFile.empty();
        }
        ImportReport report = importer.importFile(file.getOriginalFilename(), file.getBytes(), ImportModes.parse(mode),
                user);
        if (!report.applied() && !report.errors().isEmpty()) {
            return problems.rejectedImport(report, locale);
        }
        return ResponseEntity.ok(new ImportJson(report.applied(), report.rows(), report.created(), report.updated(),
                report.rejected(), problems.rowMessages(report, locale)));
    }

    record ImportJson(boolean applied, int rows, int created, int updated, int rejected,
            List<ApiProblems.RowMessage> errors) {
    }
}
