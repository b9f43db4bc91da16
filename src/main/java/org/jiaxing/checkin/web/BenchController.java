package org.jiaxing.checkin.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.Instant;
import org.jiaxing.checkin.CheckinChannel;
import org.jiaxing.checkin.CheckinRecorder;
import org.jiaxing.checkin.CheckinResult;
import org.jiaxing.checkin.NewCheckin;
import org.jiaxing.checkin.domain.NaiveCheckinWriter;
import org.jiaxing.checkin.domain.WriterStats;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints for the benchmark in {@code bench/} (docs/PERFORMANCE.md), present only with
 * {@code jiaxing.bench.enabled=true}; otherwise the paths do not exist (404). Public and without CSRF
 * when present, because the load generator has no session: never enable them in production, the
 * check-in endpoint records whatever ids it is given.
 * <ul>
 * <li>{@code echo}: the HTTP ceiling: parse and validate a scan, answer, write nothing;</li>
 * <li>{@code checkins?mode=group}: the same, plus a durable check-in through {@link CheckinRecorder};</li>
 * <li>{@code checkins?mode=naive}: the same, written one row per request in autocommit.</li>
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

    BenchController(CheckinRecorder recorder, NaiveCheckinWriter naive, Clock clock, WriterStats stats) {
        this.recorder = recorder;
        this.naive = naive;
        this.clock = clock;
        this.stats = stats;
    }

    /** What the writer did so far: transactions vs requests shows how well commits were grouped. */
    @GetMapping("/stats")
    WriterStats.Snapshot stats() {
        return stats.snapshot();
    }

    @PostMapping("/echo")
    BenchAnswer echo(@RequestBody ScanRequest request) {
        ScanRequest scan = request.validated();
        return new BenchAnswer(0, scan.personId(), scan.venueId(), clock.instant().toString(), false,
                scan.maskedName());
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
