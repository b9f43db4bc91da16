package org.jiaxing.checkin.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.domain.GatherInterval;
import org.jiaxing.checkin.domain.NaiveCheckinWriter;
import org.jiaxing.checkin.domain.VisitorPasses;
import org.jiaxing.checkin.domain.WriterStats;
import org.jiaxing.checkin.web.CheckinApiController.CheckinJson;
import org.jiaxing.checkin.web.CheckinApiController.CheckinRequest;
import org.jiaxing.code.VenueCodes;
import org.jiaxing.person.PersonDetails;
import org.jiaxing.person.Persons;
import org.jiaxing.venue.Venue;
import org.jiaxing.venue.VenueDirectory;
import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.VenueRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints for the benchmark in {@code bench/} (docs/PERFORMANCE.md), present only with
 * {@code jiaxing.bench.enabled=true}; otherwise the paths do not exist (404). Public and without CSRF
 * when present, because the load generator has no session: never enable them in production (setup
 * creates persons and venues, the id-based check-in endpoint records whatever ids it is given).
 * The benchmark measures the real {@code POST /api/v1/checkins} beside:
 * <ul>
 * <li>{@code setup}: creates bench venues and persons, answers their signed venue tokens and visitor
 * passes, which the load generator then scans with;</li>
 * <li>{@code echo}: the HTTP ceiling: takes the body of {@code POST /api/v1/checkins}, validates its
 * shape and answers the same JSON shape, looks nothing up and writes nothing;</li>
 * <li>{@code naive-checkins}: the whole work of {@code POST /api/v1/checkins} (code, pass, person,
 * status), but written one row per request in autocommit: the naive design;</li>
 * <li>{@code checkins?mode=group|naive}: the writer alone, with person and venue ids given directly
 * (for profiling the write path apart from the scan's work);</li>
 * <li>{@code gather-interval?micros=N}: changes the writer's gather interval while the server runs;</li>
 * <li>{@code echo-park} and {@code echo-async}: the echo, answered after a fake group commit (no database),
 * the request thread parked or freed: what waiting for a commit costs the HTTP stack by itself.</li>
 * </ul>
 */
@Hidden
@RestController
@RequestMapping("/api/v1/bench")
@ConditionalOnBooleanProperty("jiaxing.bench.enabled")
class BenchController {

    private final CheckinRecorder recorder;
    private final NaiveCheckinWriter naive;
    private final Clock clock;
    private final WriterStats stats;
    private final CheckinApiController api;
    private final Persons persons;
    private final VisitorPasses passes;
    private final VenueRegistry registry;
    private final VenueDirectory venues;
    private final VenueCodes codes;
    private final TransactionTemplate transactions;
    private final GatherInterval gatherInterval;
    private final FakeCommits fakeCommits = new FakeCommits(Duration.ofMillis(3));

    BenchController(CheckinRecorder recorder, NaiveCheckinWriter naive, Clock clock, WriterStats stats,
            CheckinApiController api, Persons persons, VisitorPasses passes, VenueRegistry registry,
            VenueDirectory venues, VenueCodes codes, PlatformTransactionManager transactionManager,
            GatherInterval gatherInterval) {
        this.gatherInterval = gatherInterval;
        this.recorder = recorder;
        this.naive = naive;
        this.clock = clock;
        this.stats = stats;
        this.api = api;
        this.persons = persons;
        this.passes = passes;
        this.registry = registry;
        this.venues = venues;
        this.codes = codes;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Bench venues {@code BENCH-00001…} and persons (made-up, valid identities), created unless they exist
     * (the same numbers give the same ones, so a second call is cheap), and what scans of them carry: the
     * venues' current signed tokens and the persons' visitor passes, in order.
     */
    @PostMapping("/setup")
    Setup setup(@RequestParam(defaultValue = "4421") int venues, @RequestParam(defaultValue = "100000") int persons) {
        if (venues < 1 || venues > 100_000) {
            throw InvalidScanRequest.field("venueId");
        }
        if (persons < 1 || persons > 2_000_000) {
            throw InvalidScanRequest.field("personId");
        }
        List<VenueDraft> drafts = new ArrayList<>(venues);
        for (int i = 1; i <= venues; i++) {
            drafts.add(new VenueDraft(venueCode(i), "压测场所" + i, "SUPERMARKET", "danghu", "平湖市当湖街道压测路" + i + "号",
                    null, null, null, null, null, null));
        }
        registry.upsertAll(drafts);
        List<String> tokens = new ArrayList<>(venues);
        for (int i = 1; i <= venues; i++) {
            Venue venue = this.venues.findByCode(venueCode(i)).orElseThrow();
            tokens.add(codes.current(venue.id()).token());
        }
        List<String> visitorPasses = new ArrayList<>(persons);
        for (int from = 1; from <= persons; from += 1_000) {
            int first = from;
            int last = Math.min(persons, from + 999);
            // one transaction per thousand: one commit instead of a thousand
            transactions.executeWithoutResult(status -> {
                for (int person = first; person <= last; person++) {
                    long id = this.persons.registerOrUpdate(PersonDetails.of(BenchIdentities.name(person),
                            BenchIdentities.phone(person), BenchIdentities.idNumber(person))).id();
                    visitorPasses.add(passes.issue(id));
                }
            });
        }
        return new Setup(tokens, visitorPasses);
    }

    private static String venueCode(int i) {
        return "BENCH-" + String.format("%05d", i);
    }

    /** @param visitorPasses of persons 1…N in order */
    record Setup(List<String> venueTokens, List<String> visitorPasses) {
    }

    /**
     * The HTTP ceiling of {@code POST /api/v1/checkins}: the same body, its fields checked for shape (not
     * for signatures), the same answer shape and status, nothing looked up, nothing written.
     */
    @PostMapping("/echo")
    ResponseEntity<CheckinJson> echo(@RequestBody CheckinRequest body) {
        if (body.venueToken() == null || !ScanRequest.isToken(body.venueToken())) {
            throw InvalidScanRequest.field("venueToken");
        }
        if (!isPass(body.visitorPass())) {
            throw InvalidScanRequest.field("visitorPass");
        }
        return ResponseEntity.status(201).body(new CheckinJson(0, "BENCH-00000", "压测场所0", clock.instant(), false,
                false, "GREEN", "张*"));
    }

    /**
     * The echo, answered after a fake 3 ms group commit that writes nothing ({@link FakeCommits}): the request
     * thread parks on it as a real check-in's does on the writer. Against the echo: what the park costs.
     */
    @PostMapping("/echo-park")
    ResponseEntity<CheckinJson> echoPark(@RequestBody CheckinRequest body) {
        ResponseEntity<CheckinJson> answer = echo(body);
        fakeCommits.next().join();
        return answer;
    }

    /**
     * The same, answered asynchronously (Spring MVC re-dispatches when the fake commit completes the future):
     * what an asynchronous check-in API would cost instead of the park.
     */
    @PostMapping("/echo-async")
    CompletableFuture<ResponseEntity<CheckinJson>> echoAsync(@RequestBody CheckinRequest body) {
        ResponseEntity<CheckinJson> answer = echo(body);
        return fakeCommits.next().thenApply(committed -> answer);
    }

    @PreDestroy
    void stopFakeCommits() {
        fakeCommits.stop();
    }

    /** {@code v1.<digits>.<digits>.<base64url>}, at most 200 characters. */
    static boolean isPass(String pass) {
        if (pass == null || pass.length() > 200 || !pass.startsWith("v1.")) {
            return false;
        }
        int dots = 0;
        for (int i = 3; i < pass.length(); i++) {
            char c = pass.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return dots == 2;
    }

    /**
     * The naive baseline of {@code POST /api/v1/checkins}: the same work (code, visitor pass, person, status),
     * answered the same way, but written one row per request in autocommit.
     */
    @PostMapping("/naive-checkins")
    ResponseEntity<CheckinJson> naiveCheckin(@RequestBody CheckinRequest body, HttpServletRequest request) {
        return CheckinApiController.answer(api.checkIn(body, request.getRemoteAddr(), null, naive::record));
    }

    /** What the writer did so far: transactions vs requests shows how well commits were grouped. */
    @GetMapping("/stats")
    WriterStats.Snapshot stats() {
        return stats.snapshot();
    }

    /**
     * Sets the writer's gather interval (µs, 0 to 1,000,000) while the server runs: values are compared in
     * turns under one load (docs/PERFORMANCE.md). Answers the interval now in force.
     */
    @PostMapping("/gather-interval")
    GatherSetting gatherInterval(@RequestParam long micros) {
        if (micros < 0 || micros > 1_000_000) {
            throw InvalidScanRequest.field("micros");
        }
        gatherInterval.set(Duration.ofNanos(micros * 1_000));
        return new GatherSetting(gatherInterval.get().toNanos() / 1_000);
    }

    record GatherSetting(long micros) {
    }

    @PostMapping("/checkins")
    BenchAnswer checkin(@RequestBody ScanRequest request, @RequestParam(defaultValue = "group") String mode) {
        ScanRequest scan = request.validated();
        NewCheckin checkin = new NewCheckin(scan.personId(), scan.venueId(), clock.instant(), false,
                CheckinChannel.API, null);
        CheckinResult result = switch (mode) {
            case "group" -> recorder.record(checkin);
            case "naive" -> naive.record(checkin);
            default -> throw InvalidScanRequest.mode();
        };
        Instant at = result.checkin().checkedInAt();
        return new BenchAnswer(result.checkin().id(), scan.personId(), scan.venueId(), at.toString(),
                result.duplicate(), scan.maskedName());
    }

    /** The same answer shape for all three, so that they serialize the same amount of JSON. */
    record BenchAnswer(long checkinId, long personId, long venueId, String checkedInAt, boolean duplicate,
            String name) {
    }
}
