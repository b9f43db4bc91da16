package org.jiaxing.health.domain;

import org.jiaxing.person.PersonsPurged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deletes the (expired) status and status history of persons deleted for retention, in their
 * transaction, and forgets them in the in-memory cache once it committed. Retention never deletes a
 * person whose YELLOW or RED status is still in force.
 */
@Component
class PurgedPersons {

    private final JdbcClient jdbc;
    private final NotGreenCache cache;

    PurgedPersons(JdbcClient jdbc, NotGreenCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @EventListener
    void on(PersonsPurged purged) {
        if (purged.personIds().isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM health_status_history WHERE person_id IN (:ids)").param("ids", purged.personIds()).update();
        jdbc.sql("DELETE FROM health_status WHERE person_id IN (:ids)").param("ids", purged.personIds()).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    purged.personIds().forEach(cache::refresh);
                }
            });
        } else {
            purged.personIds().forEach(cache::refresh);
        }
    }
}
