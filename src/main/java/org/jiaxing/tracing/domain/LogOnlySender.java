package org.jiaxing.tracing.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default sender: a log line per notification (ids only), until an SMS gateway is configured. */
@Configuration(proxyBeanMethods = false)
class LogOnlySender {

    private static final Logger log = LoggerFactory.getLogger(LogOnlySender.class);

    @Bean
    @ConditionalOnMissingBean(NotificationSender.class)
    NotificationSender logOnlyNotificationSender() {
        return notification -> log.info("Notification {} for person {}: investigation {}, {} -> {} until {}",
                notification.id(), notification.personId(), notification.investigationId(), notification.level(),
                notification.colour(), notification.until());
    }
}
