package org.jiaxing.code.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.code.domain.PosterContent;
import org.jiaxing.code.domain.PosterPdf;
import org.jiaxing.code.domain.QrImages;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One venue's poster: a printable A4 HTML page and the same poster as PDF. Anyone who can see the
 * venue may print it (door staff included). Posters are bilingual whatever the UI language.
 */
@Controller
class PosterController {

    private final VenueCodes codes;
    private final VenueDirectory venues;
    private final PosterPdf pdf;
    private final MessageSource messages;

    PosterController(VenueCodes codes, VenueDirectory venues, PosterPdf pdf, MessageSource messages) {
        this.codes = codes;
        this.venues = venues;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/venues/{id}/poster")
    String poster(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        PosterContent poster = posterOf(venues.requireVisible(id, user));
        String svg = QrImages.svg(poster.url());
        model.addAttribute("venueId", id);
        model.addAttribute("poster", poster);
        model.addAttribute("qr", "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)));
        model.addAttribute("labels", Map.of(
                "band", zh("code.poster.band"),
                "bandEn", en("code.poster.band"),
                "instruction", zh("code.poster.instruction"),
                "instructionEn", en("code.poster.instruction"),
                "footer", zh("code.poster.footer", poster.venueCode(), poster.generation(), poster.kid())));
        model.addAttribute("pdfAvailable", pdf.available());
        return "code/poster";
    }

    @GetMapping("/venues/{id}/poster.pdf")
    ResponseEntity<byte[]> posterPdf(@PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        PosterContent poster = posterOf(venues.requireVisible(id, user));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (PosterPdf.PosterDocument document = pdf.open(out)) {
            document.add(poster);
        }
        String fileName = "poster-" + poster.venueCode().replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(out.toByteArray());
    }

    private PosterContent posterOf(Venue venue) {
        return PosterContent.of(venue, codes.current(venue.id()));
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private String en(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
