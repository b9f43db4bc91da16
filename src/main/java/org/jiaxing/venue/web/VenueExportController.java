package org.jiaxing.venue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jiaxing.account.StaffUser;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.domain.VenueDetails;
import org.jiaxing.venue.domain.VenueExporter;
import org.jiaxing.venue.domain.VenueQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The filtered, scoped venue list as CSV or XLSX, for pages and API alike. */
@RestController
@Tag(name = "Venues")
class VenueExportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final VenueQueries queries;
    private final VenueExporter exporter;
    private final Clock clock;
    private final JiaxingProperties properties;

    VenueExportController(VenueQueries queries, VenueExporter exporter, Clock clock, JiaxingProperties properties) {
        this.queries = queries;
        this.exporter = exporter;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/venues/export.csv")
    ResponseEntity<byte[]> csv(VenueListQuery query, @AuthenticationPrincipal StaffUser user) throws IOException {
        return export("csv", query, user);
    }

    @GetMapping("/venues/export.xlsx")
    ResponseEntity<byte[]> xlsx(VenueListQuery query, @AuthenticationPrincipal StaffUser user) throws IOException {
        return export("xlsx", query, user);
    }

    @GetMapping("/api/v1/venues/export")
    @Operation(summary = "Export the filtered venues (q, town, category, status) as format=csv or format=xlsx")
    ResponseEntity<byte[]> api(@RequestParam(defaultValue = "csv") String format, VenueListQuery query,
            @AuthenticationPrincipal StaffUser user) throws IOException {
        return export(format, query, user);
    }

    private ResponseEntity<byte[]> export(String format, VenueListQuery query, StaffUser user) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw InvalidVenueQuery.exportFormat();
        }
        List<VenueDetails> venues = queries.all(query.filter(), user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("csv")) {
            exporter.csv(venues, out);
        } else {
            exporter.xlsx(venues, out);
        }
        String day = clock.instant().atZone(properties.zone()).format(DateTimeFormatter.ofPattern("yyyyMMdd"));
        return ResponseEntity.ok()
                .contentType(format.equals("csv") ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("venues-" + day + "." + format).build().toString())
                .body(out.toByteArray());
    }
}
