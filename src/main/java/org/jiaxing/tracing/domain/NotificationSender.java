package org.jiaxing.tracing.domain;

/**
 * Delivers a notification (an SMS gateway plugs in here). Throwing leaves it queued for the next round.
 * The default only logs, without personal data.
 */
public interface NotificationSender {

    void send(Notification notification);
}
