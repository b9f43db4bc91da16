package org.jiaxing.checkin;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Collects {@link CheckinRecorded} events, noting for each whether its row was already committed
 * (visible to another connection) when the event arrived.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedEvents {

    public record Delivery(CheckinRecorded event, boolean rowVisible, String thread) {
    }

    private final JdbcClient jdbc;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    RecordedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CheckinRecorded event) {
        boolean visible = jdbc.sql("SELECT COUNT(*) FROM checkin WHERE id = :id").param("id", event.checkinId())
                .query(Long.class).single() == 1;
        deliveries.add(new Delivery(event, visible, Thread.currentThread().getName()));
    }

    /** The next delivery for the check-in, waiting for it (events arrive on another thread). */
    public Delivery awaitFor(long checkinId) throws InterruptedException {
        while (true) {
            Delivery delivery = deliveries.take();
            if (delivery.event().checkinId() == checkinId) {
                return delivery;
            }
        }
    }
}
