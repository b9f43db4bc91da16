package org.jiaxing.code.web;

import java.time.ZonedDateTime;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.IssuedCode;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.code.domain.QrImages;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A venue's code for staff who can see the venue: QR, URL, generation, key; reissue for managers. */
@Controller
class VenueCodeController {

    /** 12 px per module: a 53-module symbol becomes 636 px, sharp on screens and small prints. */
    private static final int PNG_PIXELS_PER_MODULE = 12;

    private final VenueCodes codes;
    private final VenueDirectory venues;
    private final JiaxingProperties platform;
    private final MessageSource messages;

    VenueCodeController(VenueCodes codes, VenueDirectory venues, JiaxingProperties platform, MessageSource messages) {
        this.codes = codes;
        this.venues = venues;
        this.platform = platform;
        this.messages = messages;
    }

    @GetMapping("/venues/{id}/code")
    String page(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        Venue venue = venues.requireVisible(id, user);
        IssuedCode code = codes.current(id);
        model.addAttribute("venue", venue);
        model.addAttribute("code", code);
        model.addAttribute("reissuedAt", code.reissuedAt() == null ? null : ZonedDateTime.ofInstant(code.reissuedAt(),
                platform.zone()));
        model.addAttribute("canReissue", venues.canManage(venue, user));
        return "code/venue-code";
    }

    @PostMapping("/venues/{id}/code/reissue")
    String reissue(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect, Locale locale) {
        venues.requireVisible(id, user);
        ConfirmationRequired.check(confirm);
        IssuedCode code = codes.reissue(id, user);
        redirect.addFlashAttribute("notice",
                messages.getMessage("code.page.reissued", new Object[] {code.generation()}, locale));
        return "redirect:/venues/" + id + "/code";
    }

    @GetMapping("/venues/{id}/qr.png")
    ResponseEntity<byte[]> png(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        venues.requireVisible(id, user);
        return image(MediaType.IMAGE_PNG, QrImages.png(codes.issueUrl(id), PNG_PIXELS_PER_MODULE));
    }

    @GetMapping("/venues/{id}/qr.svg")
    ResponseEntity<byte[]> svg(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        venues.requireVisible(id, user);
        return image(MediaType.valueOf("image/svg+xml"),
                QrImages.svg(codes.issueUrl(id)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Private, not cached: a reissue must show the new code at once. */
    private static ResponseEntity<byte[]> image(MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore()).body(body);
    }
}
