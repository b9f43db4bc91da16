package org.jiaxing.code.web;

import org.jiaxing.account.StaffUser;
import org.jiaxing.code.TabletCodes;
import org.jiaxing.code.domain.QrImages;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The entrance tablet's display (a rotating code, refreshed by htmx) and the switch that turns tablet
 * mode on or off for a venue.
 */
@Controller
class TabletController {

    private static final int PIXELS_PER_MODULE = 10;

    private final TabletCodes tablets;
    private final VenueDirectory venues;

    TabletController(TabletCodes tablets, VenueDirectory venues) {
        this.tablets = tablets;
        this.venues = venues;
    }

    @GetMapping("/venues/{id}/tablet")
    String display(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        Venue venue = venues.requireVisible(id, user);
        model.addAttribute("venue", venue);
        model.addAttribute("enabled", tablets.enabled(id));
        model.addAttribute("canSwitch", venues.canManage(venue, user));
        model.addAttribute("url", tablets.currentUrl(id));
        return "code/tablet";
    }

    /** The code part alone, polled every few seconds so the image follows the 30-second steps. */
    @GetMapping("/venues/{id}/tablet/code")
    String code(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("venue", venues.requireVisible(id, user));
        model.addAttribute("url", tablets.currentUrl(id));
        return "code/tablet :: code";
    }

    @GetMapping("/venues/{id}/tablet/qr.png")
    ResponseEntity<byte[]> png(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        venues.requireVisible(id, user);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrImages.png(tablets.currentUrl(id), PIXELS_PER_MODULE));
    }

    @PostMapping("/venues/{id}/tablet-mode")
    String switchMode(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal StaffUser user) {
        if (enabled) {
            tablets.enable(id, user);
        } else {
            tablets.disable(id, user);
        }
        return "redirect:/venues/" + id + "/tablet";
    }
}
