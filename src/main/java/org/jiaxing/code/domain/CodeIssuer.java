package org.jiaxing.code.domain;

import org.jiaxing.code.IssuedCode;
import org.jiaxing.shared.JiaxingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Signs a venue's generation with the current key and builds the URL its QR code holds. */
@Component
public class CodeIssuer {

    private static final Logger log = LoggerFactory.getLogger(CodeIssuer.class);

    private final SigningKeys keys;
    private final JiaxingProperties platform;

    public CodeIssuer(SigningKeys keys, JiaxingProperties platform) {
        this.keys = keys;
        this.platform = platform;
        warnIfQrCodesGetDense();
    }

    /**
     * Codes stay at QR version 7 (45 modules) while the URL is at most 122 bytes, that is a base URL
     * of up to about 28 characters. A longer one still works, but with smaller modules on the poster.
     */
    private void warnIfQrCodesGetDense() {
        byte[] payload = TokenCodec.payload(new VenueToken(127, 2_000_000, 127));
        String typical = urlOf(TokenCodec.encode(payload, new byte[Ed25519.SIGNATURE_LENGTH]));
        int version = QrImages.version(typical);
        if (version > 7) {
            log.warn("jiaxing.public-base-url {} makes venue QR codes version {} (more than 7): posters read less "
                    + "well from a distance; a shorter base URL keeps them at version 7", platform.baseUrl(), version);
        }
    }

    public IssuedCode issue(Generations.Current current) {
        SigningKeys.Signer signer = keys.signer();
        byte[] payload = TokenCodec.payload(new VenueToken(signer.kid(), current.venueId(), current.generation()));
        String token = TokenCodec.encode(payload, signer.sign(payload));
        return new IssuedCode(current.venueId(), current.generation(), signer.kid(), token, urlOf(token),
                current.reissuedAt(), current.reissuedBy());
    }

    public String urlOf(String token) {
        return platform.baseUrl() + "/c/" + token;
    }
}
