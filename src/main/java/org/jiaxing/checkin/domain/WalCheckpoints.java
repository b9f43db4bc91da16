package org.jiaxing.checkin.domain;

import org.jiaxing.shared.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * SQLite only: copies the write-ahead log back into the database file every second, on a pooled connection,
 * instead of in the check-in writer's commit. By default SQLite checkpoints in whichever commit crosses 1,000
 * WAL pages: that commit then writes the pages back and syncs the database file too, and every caller of its
 * batch waits for it (a p99 spike). The writer's own connection checkpoints itself only as a fallback, far
 * later ({@link CheckinStore#WRITER_AUTOCHECKPOINT_PAGES}). A passive checkpoint never blocks the writer.
 */
@Component
class WalCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);

    private final JdbcClient jdbc;
    private final Database database;

    WalCheckpoints(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void checkpoint() {
        if (!database.isSqlite()) {
            return;
        }
        try {
            jdbc.sql("PRAGMA wal_checkpoint(PASSIVE)").query((rs, row) -> rs.getInt(1)).list();
        } catch (RuntimeException e) {
            log.debug("WAL checkpoint skipped", e);
        }
    }
}
