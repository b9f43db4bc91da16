package org.jiaxing.code.domain;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the code module.
 *
 * @param posterFont         CJK font for PDF posters, {@code path} or {@code path,index} for a font
 *                           collection (.ttc); empty searches the usual Noto CJK locations
 * @param signingKey         Ed25519 private key as base64 PKCS#8 (the body of a PEM file); empty means a
 *                           key is generated into {@code {data-dir}/keys} on the first run
 * @param signingKid         key id of {@code signingKey}; required with it
 * @param batchRetention     how long a finished batch poster PDF stays available for download
 * @param verifiedCacheSize  how many verified tokens are remembered (the city has about 4,421 venues)
 */
@Validated
@ConfigurationProperties("jiaxing.code")
public record CodeProperties(
        String posterFont,
        String signingKey,
        @Min(1) Integer signingKid,
        @NotNull @DefaultValue("1h") Duration batchRetention,
        @Min(16) @DefaultValue("16384") int verifiedCacheSize) {

    public boolean hasEnvironmentKey() {
        return signingKey != null && !signingKey.isBlank();
    }

    public boolean hasPosterFont() {
        return posterFont != null && !posterFont.isBlank();
    }

    @AssertTrue(message = "jiaxing.code.signing-key (JIAXING_CODE_SIGNING_KEY) and jiaxing.code.signing-kid "
            + "(JIAXING_CODE_SIGNING_KID) must be set together")
    public boolean isSigningKidGivenWithKey() {
        return hasEnvironmentKey() == (signingKid != null);
    }
}
