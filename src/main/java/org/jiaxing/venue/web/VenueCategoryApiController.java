package org.jiaxing.venue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Venues")
class VenueCategoryApiController {

    private final VenueDirectory directory;

    VenueCategoryApiController(VenueDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/venue-categories")
    @Operation(summary = "The 32 venue categories with their tracing parameters (minutes)")
    List<VenueJson.CategoryJson> categories() {
        return directory.categories().stream().map(VenueJson.CategoryJson::of).toList();
    }
}
