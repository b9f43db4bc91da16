package org.jiaxing.code.domain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.code.BatchPosterRefused;
import org.jiaxing.code.CodeAccessDenied;
import org.jiaxing.code.PosterFontMissing;
import org.jiaxing.code.domain.BatchPosterJob.State;
import org.jiaxing.org.Towns;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueFilter;
import org.jiaxing.venue.VenueStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Batch posters: one PDF with a poster per page for every ACTIVE venue of a town and/or category. Jobs
 * run one at a time on a single background thread (the server has few cores and the scan page must
 * stay fast) and stream pages into a file under {@code {data-dir}/posters}, never holding the PDF in
 * memory. Each job belongs to the user who started it and is deleted with its file when the retention
 * (one hour) has passed after it finished; files left by a previous run are removed at start-up.
 */
@Service
public class BatchPosterJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchPosterJobs.class);
    /** Finished PDFs kept per user (each may be ~10 MB for the whole city). */
    static final int KEPT_PER_USER = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final VenueDirectory venues;
    private final Towns towns;
    private final Generations generations;
    private final CodeIssuer issuer;
    private final PosterPdf pdf;
    private final Clock clock;
    private final JiaxingProperties platform;
    private final Duration retention;
    private final Path directory;
    private final Map<String, BatchPosterJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "batch-posters");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });

    public BatchPosterJobs(VenueDirectory venues, Towns towns, Generations generations, CodeIssuer issuer, PosterPdf pdf,
            Clock clock, JiaxingProperties platform, CodeProperties properties) {
        this.venues = venues;
        this.towns = towns;
        this.generations = generations;
        this.issuer = issuer;
        this.pdf = pdf;
        this.clock = clock;
        this.platform = platform;
        this.retention = properties.batchRetention();
        this.directory = platform.dataDir().resolve("posters").toAbsolutePath();
        removeLeftovers();
    }

    /**
     * Queues a batch. A TOWN_ADMIN always gets their own town; a CITY_ADMIN may leave the town empty
     * for the whole city. Only ACTIVE venues get posters.
     */
    public BatchPosterJob.View start(String townCode, String categoryCode, StaffUser user) {
        purgeExpired();
        String town = blankToNull(townCode);
        if (user.hasRole(Role.TOWN_ADMIN) && town == null) {
            town = user.townCode();
        }
        if (town != null && towns.byCode(town).isEmpty()) {
            throw BatchPosterRefused.unknownTown();
        }
        boolean allowed = town == null ? user.hasRole(Role.CITY_ADMIN) : venues.canManageTown(town, user);
        if (!allowed) {
            throw CodeAccessDenied.batchPosters();
        }
        String category = blankToNull(categoryCode);
        if (category != null && venues.category(category).isEmpty()) {
            throw BatchPosterRefused.unknownCategory();
        }
        if (!pdf.available()) {
            throw PosterFontMissing.onThisMachine();
        }
        VenueFilter filter = new VenueFilter(town, category, VenueStatus.ACTIVE, null);
        long count = venues.count(filter);
        if (count == 0) {
            throw BatchPosterRefused.noVenues();
        }
        return queue(filter, (int) count, user);
    }

    private synchronized BatchPosterJob.View queue(VenueFilter filter, int count, StaffUser user) {
        boolean busy = jobs.values().stream().anyMatch(job -> job.ownerId() == user.id() && !job.view().finished());
        if (busy) {
            throw BatchPosterRefused.alreadyRunning();
        }
        forgetOldestBeyond(KEPT_PER_USER - 1, user);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String fileName = "jiaxing-posters-" + (filter.townCode() == null ? "all" : filter.townCode()) + "-"
                + (filter.categoryCode() == null ? "all" : filter.categoryCode().toLowerCase()) + "-"
                + DAY.format(now.atZone(platform.zone())) + ".pdf";
        BatchPosterJob job = new BatchPosterJob(id, user.id(), filter, count, now, directory.resolve(id + ".pdf"), fileName);
        jobs.put(id, job);
        worker.execute(() -> run(job));
        return job.view();
    }

    public Optional<BatchPosterJob.View> find(String id, StaffUser user) {
        return owned(id, user).map(BatchPosterJob::view);
    }

    public List<BatchPosterJob.View> jobsOf(StaffUser user) {
        purgeExpired();
        return jobs.values().stream().filter(job -> job.ownerId() == user.id()).map(BatchPosterJob::view)
                .sorted(Comparator.comparing(BatchPosterJob.View::createdAt).reversed()).toList();
    }

    /** The finished PDF of the user's job. */
    public Optional<Path> file(String id, StaffUser user) {
        return owned(id, user).filter(job -> job.state() == State.DONE).map(BatchPosterJob::file)
                .filter(Files::isRegularFile);
    }

    private Optional<BatchPosterJob> owned(String id, StaffUser user) {
        return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(job -> job.ownerId() == user.id());
    }

    private void run(BatchPosterJob job) {
        long started = System.nanoTime();
        Path partial = job.file().resolveSibling(job.file().getFileName() + ".part");
        State outcome = State.FAILED;
        try {
            List<Venue> selected = venues.findAll(job.filter());
            Map<Long, Integer> reissued = generations.reissued();
            job.started(selected.size());
            Files.createDirectories(directory);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                    PosterPdf.PosterDocument document = pdf.open(out)) {
                for (Venue venue : selected) {
                    int generation = reissued.getOrDefault(venue.id(), 1);
                    var code = issuer.issue(new Generations.Current(venue.id(), generation, null, null));
                    document.add(PosterContent.of(venue, code));
                    job.posterWritten();
                }
            }
            Files.move(partial, job.file(), StandardCopyOption.REPLACE_EXISTING);
            outcome = State.DONE;
        } catch (IOException | RuntimeException e) {
            log.error("Batch posters {} failed", job.id(), e);
            deleteQuietly(partial);
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            job.finished(outcome, clock.instant(), took);
            log.info("Batch posters {}: {} of {} posters in {} ms ({})", job.id(), job.view().done(), job.view().total(),
                    took.toMillis(), outcome);
        }
    }

    /** Forgets finished jobs older than the retention and deletes their files. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public void purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        jobs.values().removeIf(job -> {
            boolean expired = job.finishedAt() != null && job.finishedAt().isBefore(cutoff);
            if (expired) {
                deleteQuietly(job.file());
            }
            return expired;
        });
    }

    private void forgetOldestBeyond(int keep, StaffUser user) {
        jobs.values().stream().filter(job -> job.ownerId() == user.id())
                .sorted(Comparator.comparing((BatchPosterJob job) -> job.view().createdAt()).reversed())
                .skip(keep)
                .forEach(job -> {
                    jobs.remove(job.id());
                    deleteQuietly(job.file());
                });
    }

    private void removeLeftovers() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().contains(".pdf")).forEach(BatchPosterJobs::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + directory, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}", file);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
