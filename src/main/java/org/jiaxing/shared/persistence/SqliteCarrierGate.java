package org.jiaxing.shared.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps SQLite from stalling every request when requests run on virtual threads (docs/DECISIONS.md 39).
 *
 * <p>SQLite's JDBC driver is JNI: a virtual thread inside a SQLite call cannot unmount and holds its carrier
 * (a platform thread of the virtual-thread scheduler, one per core by default) until the call returns. Were
 * as many slow SQLite queries (a dashboard, a tracing read, a purge) running as there are carriers, no other
 * virtual thread could run, and every HTTP request, check-ins included, would wait for them. So virtual
 * threads may hold SQLite connections only through this gate, at most {@code carriers - 1} threads at once:
 * one carrier is always left for the rest. A virtual thread that finds the gate full waits unmounted (it
 * pins nothing) for at most the pool's connection timeout, like a pool that is empty. A thread that already
 * holds a connection passes again (a nested transaction must not wait for itself). Platform threads (the
 * check-in writer, the presence index, start-up) are not counted: they pin no carrier.
 */
final class SqliteCarrierGate {

    private final Semaphore permits;
    private final int size;
    /** The pool's connection timeout, read when waiting (the pool is configured after the gate is made). */
    private final LongSupplier timeoutMillis;
    /** How many connections the current thread holds through the gate (it holds one permit while > 0). */
    private final ThreadLocal<Holder> holders = ThreadLocal.withInitial(Holder::new);

    SqliteCarrierGate(int carriers, LongSupplier timeoutMillis) {
        this.size = Math.max(1, carriers - 1);
        this.permits = new Semaphore(size, true);
        this.timeoutMillis = timeoutMillis;
    }

    /** The virtual-thread scheduler's carriers: what the JDK reads at start-up, one per core by default. */
    static int carriers() {
        Integer configured = Integer.getInteger("jdk.virtualThreadScheduler.parallelism");
        return configured != null && configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    /** How many virtual threads may hold SQLite connections at once. */
    int size() {
        return size;
    }

    /** A connection from {@code source}; through the gate on a virtual thread, at once on a platform thread. */
    Connection open(ConnectionSource source) throws SQLException {
        return Thread.currentThread().isVirtual() ? gated(source) : source.get();
    }

    private Connection gated(ConnectionSource source) throws SQLException {
        Holder holder = holders.get();
        holder.enter(this);
        try {
            Connection connection = source.get();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new Releasing(connection, holder));
        } catch (SQLException | RuntimeException | Error e) {
            holder.exit(this);
            throw e;
        }
    }

    @FunctionalInterface
    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    /** One thread's connections through the gate; the permit is taken with the first and given back with the last. */
    private static final class Holder {

        private int open;

        void enter(SqliteCarrierGate gate) throws SQLException {
            synchronized (this) {
                if (open > 0) {
                    open++;
                    return;
                }
            }
            try {
                long timeout = gate.timeoutMillis.getAsLong();
                if (!gate.permits.tryAcquire(timeout, TimeUnit.MILLISECONDS)) {
                    throw new SQLTransientConnectionException("SQLite is busy: " + gate.size
                            + " virtual threads hold connections; none free within " + timeout + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("Interrupted while waiting for a SQLite connection", e);
            }
            synchronized (this) {
                open++;
            }
        }

        /** Synchronized: a connection may (rarely) be closed by another thread than the one that opened it. */
        synchronized void exit(SqliteCarrierGate gate) {
            if (--open == 0) {
                gate.permits.release();
            }
        }
    }

    /** The pool's connection; its first close gives the gate back its share. */
    private final class Releasing implements InvocationHandler {

        private final Connection target;
        private final Holder holder;
        private boolean released;

        Releasing(Connection target, Holder holder) {
            this.target = target;
            this.holder = holder;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    try {
                        target.close();
                    } finally {
                        release();
                    }
                    return null;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "gated " + target;
                }
                case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                }
                case "isWrapperFor" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                }
                default -> {
                }
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private synchronized void release() {
            if (!released) {
                released = true;
                holder.exit(SqliteCarrierGate.this);
            }
        }
    }
}
