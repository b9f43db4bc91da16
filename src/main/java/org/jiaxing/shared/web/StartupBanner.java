package org.jiaxing.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to open it. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return;
        }
        String logins = environment.getProperty("jiaxing.demo.enabled", Boolean.class, true)
                ? "Demo logins: printed above on the first run, kept in "
                        + environment.getProperty("jiaxing.data-dir", "./data") + "/demo-logins.txt"
                : "Log in as 'admin' (password printed on the first run or JIAXING_ADMIN_PASSWORD)";
        log.info("\n\n  Jiaxing is running: open http://localhost:{}/\n  {}\n", port, logins);
    }
}
