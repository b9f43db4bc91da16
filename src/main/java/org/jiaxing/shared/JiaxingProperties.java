package org.jiaxing.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Platform-wide settings. Each module keeps its own small properties record; only what every module
 * needs lives here.
 */
@Validated
@ConfigurationProperties("jiaxing")
public record JiaxingProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
        @Valid @NotNull @DefaultValue Demo demo) {

    public record Demo(@DefaultValue("true") boolean enabled) {
    }

    /** The public base URL without a trailing slash, for building links that leave the server. */
    public String baseUrl() {
        String url = publicBaseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

}
