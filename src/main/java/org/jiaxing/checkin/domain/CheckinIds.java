package org.jiaxing.checkin.domain;

import java.util.List;
import org.jiaxing.shared.persistence.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ids for new check-in rows. Batched inserts cannot use {@code INSERT … RETURNING id}, so the writer takes
 * the ids of a batch itself, inside its transaction:
 * <ul>
 * <li>SQLite: {@code MAX(id) + 1 …}. The transaction is {@code BEGIN IMMEDIATE} (see the JDBC URL), so it
 * holds the database's only write lock from its first statement and nobody can insert in between; with
 * a URL without it SQLite fails the stale transaction instead of letting two rows share an id.</li>
 * <li>PostgreSQL: {@code nextval} of {@code checkin_id_seq}, fetched {@value #BLOCK} at a time so that a
 * batch costs no extra round trip. Safe for any number of writers; unused ids of a block are simply
 * skipped at shutdown.</li>
 * </ul>
 * Either way the naive benchmark path (database-assigned id) and later writers on other nodes can
 * coexist with the writer without colliding.
 */
@Component
class CheckinIds {

    static final int BLOCK = 4096;

    private final JdbcClient jdbc;
    private final Database database;
    private long[] block = new long[0];
    private int next;

    CheckinIds(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** {@code count} fresh ids; call inside the writing transaction. */
    synchronized long[] take(int count) {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        if (database.isSqlite()) {
            long max = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM checkin").query(Long.class).single();
            for (int i = 0; i < count; i++) {
                ids[i] = max + 1 + i;
            }
            return ids;
        }
        for (int i = 0; i < count; i++) {
            if (next == block.length) {
                refill(Math.max(BLOCK, count - i));
            }
            ids[i] = block[next++];
        }
        return ids;
    }

    private void refill(int size) {
        List<Long> taken = jdbc.sql("SELECT nextval('checkin_id_seq') FROM generate_series(1, :size)")
                .param("size", size).query(Long.class).list();
        block = taken.stream().mapToLong(Long::longValue).toArray();
        next = 0;
    }
}
