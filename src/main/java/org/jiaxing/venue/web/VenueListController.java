package org.jiaxing.venue.web;

import org.jiaxing.account.StaffUser;
import org.jiaxing.org.Towns;
import org.jiaxing.shared.web.PageOf;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueStatus;
import org.jiaxing.venue.domain.VenuePage;
import org.jiaxing.venue.domain.VenueQueries;
import org.jiaxing.venue.domain.VenueScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The venue list. With htmx the filter form swaps only the results (and pushes the URL); without
 * JavaScript the same form reloads the page, so both ways give the same result for the same URL.
 */
@Controller
class VenueListController {

    private final VenueQueries queries;
    private final VenueDirectory directory;
    private final Towns towns;

    VenueListController(VenueQueries queries, VenueDirectory directory, Towns towns) {
        this.queries = queries;
        this.directory = directory;
        this.towns = towns;
    }

    @GetMapping("/venues")
    String list(VenueListQuery query, @AuthenticationPrincipal StaffUser user,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        VenuePage page = queries.page(query.filter(), user, query.pageNumber(), VenueListQuery.PAGE_SIZE);
        model.addAttribute("venues", new PageOf<>(page.items(), page.page(), page.size(), page.total()));
        model.addAttribute("query", query);
        VenueScope scope = VenueScope.of(user);
        model.addAttribute("townLocked", scope.kind() == VenueScope.Kind.TOWN);
        model.addAttribute("towns", scope.kind() == VenueScope.Kind.TOWN
                ? towns.byCode(scope.townCode()).stream().toList() : towns.all());
        model.addAttribute("categories", directory.categories());
        model.addAttribute("statuses", VenueStatus.values());
        model.addAttribute("canWrite", queries.canWrite(user));
        // a history restore needs the whole page; any other htmx request only the results
        boolean partial = "true".equals(htmx) && !"true".equals(historyRestore);
        return partial ? "venue/list :: results" : "venue/list";
    }
}
