package org.jiaxing.project.domain;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiaxing.code.CodeVerification;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.springframework.stereotype.Component;

/**
 * Site codes reuse the venue-code machinery: each project site is registered as a venue of category
 * CONSTRUCTION_SITE (建筑工地, code {@code XM-<project code>}), so it gets a signed Ed25519 token, generations
 * and reissue like any venue. The site code's QR holds {@code {base}/site/{token}}: the same signed
 * token, opened by a signed-in official instead of the visitor check-in page. See docs/DECISIONS.md.
 */
@Component
public class SiteCodes {

    static final String SITE_CATEGORY = "CONSTRUCTION_SITE";

    private final VenueRegistry registry;
    private final VenueDirectory venues;
    private final VenueCodes codes;
    private final JiaxingProperties platform;

    SiteCodes(VenueRegistry registry, VenueDirectory venues, VenueCodes codes, JiaxingProperties platform) {
        this.registry = registry;
        this.venues = venues;
        this.codes = codes;
        this.platform = platform;
    }

    static String venueCode(String projectCode) {
        return "XM-" + projectCode;
    }

    /** Registers the site venues of these projects (idempotent, by venue code) and returns venue ids by project code. */
    Map<String, Long> register(List<Project> projects) {
        registry.upsertAll(projects.stream().map(p -> new VenueDraft(venueCode(p.code()), p.name() + "（项目工地）",
                SITE_CATEGORY, p.townCode(), p.location(), null, null, p.officialName(), null, null, null)).toList());
        Map<String, Long> ids = new java.util.HashMap<>();
        for (Project p : projects) {
            venues.findByCode(venueCode(p.code())).ifPresent(v -> ids.put(p.code(), v.id()));
        }
        return ids;
    }

    public String url(long siteVenueId) {
        return platform.baseUrl() + "/site/" + codes.current(siteVenueId).token();
    }

    /** The site venue a scanned token names, if the token is a valid current code. */
    public Optional<Long> verify(String token) {
        return codes.verify(token) instanceof CodeVerification.Valid valid ? Optional.of(valid.venueId())
                : Optional.empty();
    }

    public byte[] qrPng(String url, int size) {
        try {
            var matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
