package org.jiaxing.code.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.domain.SigningKeys;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signing keys, for the city administrator: rotate to a new key, retire old ones. */
@Controller
@PreAuthorize("hasRole('CITY_ADMIN')")
class KeysController {

    /** A key as the page lists it, times already in the city's zone. */
    record KeyRow(int kid, String status, boolean signing, String source, String publicKey, ZonedDateTime createdAt,
            String createdBy, ZonedDateTime retiredAt, String retiredBy) {
    }

    private final SigningKeys keys;
    private final JiaxingProperties platform;
    private final MessageSource messages;

    KeysController(SigningKeys keys, JiaxingProperties platform, MessageSource messages) {
        this.keys = keys;
        this.platform = platform;
        this.messages = messages;
    }

    @GetMapping("/codes/keys")
    String page(Model model) {
        int signing = keys.signer().kid();
        model.addAttribute("keys", keys.all().stream().map(key -> new KeyRow(key.kid(), key.record().status().name(),
                key.kid() == signing, key.source().name(), key.record().publicKey(), zoned(key.record().createdAt()),
                key.record().createdBy(), zoned(key.record().retiredAt()), key.record().retiredBy())).toList());
        model.addAttribute("wellKnownUrl", platform.baseUrl() + WellKnownKeysController.PATH);
        return "code/keys";
    }

    @PostMapping("/codes/keys/rotate")
    String rotate(@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect, Locale locale) {
        ConfirmationRequired.check(confirm);
        int kid = keys.rotate(user.getUsername()).kid();
        redirect.addFlashAttribute("notice", messages.getMessage("code.keys.rotated", new Object[] {kid}, locale));
        return "redirect:/codes/keys";
    }

    @PostMapping("/codes/keys/{kid}/retire")
    String retire(@PathVariable int kid, @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect, Locale locale) {
        ConfirmationRequired.check(confirm);
        keys.retire(kid, user.getUsername());
        redirect.addFlashAttribute("notice", messages.getMessage("code.keys.retiredDone", new Object[] {kid}, locale));
        return "redirect:/codes/keys";
    }

    private ZonedDateTime zoned(Instant instant) {
        return instant == null ? null : instant.atZone(platform.zone());
    }
}
