package org.jiaxing.venue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.venue.InvalidVenue;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueRegistry;
import org.jiaxing.venue.VenueStatus;
import org.jiaxing.venue.domain.VenuePage;
import org.jiaxing.venue.domain.VenueQueries;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/venues")
@Tag(name = "Venues", description = "Key-venue registry, scoped to the caller's town or venues")
class VenueApiController {

    static final int MAX_PAGE_SIZE = 200;

    private final VenueQueries queries;
    private final VenueRegistry registry;
    private final ApiProblems problems;

    VenueApiController(VenueQueries queries, VenueRegistry registry, ApiProblems problems) {
        this.queries = queries;
        this.registry = registry;
        this.problems = problems;
    }

    @GetMapping
    @Operation(summary = "List venues", description = "Filtered by text (code, name, address), town, category and "
            + "status; page is zero-based, size at most 200")
    VenuePageJson list(@RequestParam(required = false) String q, @RequestParam(required = false) String town,
            @RequestParam(required = false) String category, @RequestParam(required = false) VenueStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
            @AuthenticationPrincipal StaffUser user) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidVenueQuery.pageSize(MAX_PAGE_SIZE);
        }
        if (page < 0) {
            throw InvalidVenueQuery.page();
        }
        VenueFilter filter = new VenueFilter(VenueListQuery.blankToNull(town), VenueListQuery.blankToNull(category),
                status, VenueListQuery.blankToNull(q));
        VenuePage found = queries.page(filter, user, page, size);
        return new VenuePageJson(found.items().stream().map(VenueJson::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One venue (404 when it is outside the caller's scope)")
    VenueJson get(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        return VenueJson.of(queries.details(id, user));
    }

    @GetMapping("/by-code/{code}")
    @Operation(summary = "One venue by its code, e.g. PH-0001")
    VenueJson byCode(@PathVariable String code, @AuthenticationPrincipal StaffUser user) {
        return VenueJson.of(queries.details(code, user));
    }

    @PostMapping
    @Operation(summary = "Register a venue (CITY_ADMIN anywhere, TOWN_ADMIN in their town)")
    ResponseEntity<VenueJson> create(@RequestBody VenueRequest request, @AuthenticationPrincipal StaffUser user) {
        Venue venue = registry.register(request.toDraft(), user);
        return ResponseEntity.created(URI.create("/api/v1/venues/" + venue.id()))
                .body(VenueJson.of(queries.details(venue.id(), user)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a venue's data")
    VenueJson update(@PathVariable long id, @RequestBody VenueRequest request, @AuthenticationPrincipal StaffUser user) {
        registry.update(id, request.toDraft(), user);
        return VenueJson.of(queries.details(id, user));
    }

    @PutMapping("/{id}/status")
    @Operation(summary = "Set a venue ACTIVE, SUSPENDED or CLOSED")
    VenueJson changeStatus(@PathVariable long id, @RequestBody StatusRequest request,
            @AuthenticationPrincipal StaffUser user) {
        registry.changeStatus(id, request.status(), user);
        return VenueJson.of(queries.details(id, user));
    }

    @ExceptionHandler(InvalidVenue.class)
    ResponseEntity<ProblemDetail> invalid(InvalidVenue e, Locale locale) {
        return problems.invalidVenue(e, locale);
    }

    record StatusRequest(VenueStatus status) {
    }

    record VenuePageJson(java.util.List<VenueJson> items, int page, int size, long total) {
    }
}
