package org.jiaxing.checkin.domain;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jiaxing.checkin.CheckinRecorded;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Delivers {@link CheckinRecorded} after the commit, on a thread of its own, in commit order. The writer
 * thread only hands over the batch's list: a listener (dashboard counters, fraud checks) can never make
 * a visitor wait. If listeners fall far behind, the writer delivers itself (caller-runs), which slows
 * writes down and turns into 503s at the door rather than into an ever-growing backlog in memory.
 */
@Component
class CheckinEvents implements DisposableBean {

    private static final int BACKLOG_BATCHES = 4096;

    private final ApplicationEventPublisher publisher;
    private final ThreadPoolExecutor dispatcher;

    CheckinEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG_BATCHES),
                runnable -> {
                    Thread thread = new Thread(runnable, "checkin-events");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    void publish(List<CheckinRecorded> events) {
        if (!events.isEmpty()) {
            dispatcher.execute(() -> events.forEach(publisher::publishEvent));
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        dispatcher.shutdown();
        dispatcher.awaitTermination(5, TimeUnit.SECONDS);
    }
}
