package org.jiaxing.tracing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResultCodecTests {

    @Test
    void randomResultsComeBackEqual() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            TraceResult result = randomResult(random, random.nextInt(0, 60));
            byte[] body = ResultCodec.encode(result);
            assertThat(ResultCodec.decode(ResultCodec.FORMAT, body)).as("round %d", round).isEqualTo(result);
        }
    }

    @Test
    void extremesSurvive() {
        Evidence extreme = new Evidence(ContactLevel.SECONDARY, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0,
                Long.MAX_VALUE - 1, -1);
        Evidence none = new Evidence(ContactLevel.EXPOSED, 0, 0, 0, Long.MIN_VALUE, null, Long.MAX_VALUE);
        TraceResult result = new TraceResult(List.of(new CasePresence(Long.MIN_VALUE, Long.MAX_VALUE, 0, -5, 5, 7)),
                List.of(new Contact(Long.MAX_VALUE, ContactLevel.SECONDARY, List.of(extreme, none)),
                        new Contact(Long.MIN_VALUE, ContactLevel.CLOSE, List.of())));
        assertThat(ResultCodec.decode(ResultCodec.FORMAT, ResultCodec.encode(result))).isEqualTo(result);
        TraceResult empty = new TraceResult(List.of(), List.of());
        assertThat(ResultCodec.decode(ResultCodec.FORMAT, ResultCodec.encode(empty))).isEqualTo(empty);
    }

    /** A hundred thousand contacts (a city-wide second degree) in a few bytes each, not a row each. */
    @Test
    void aLargeSortedResultIsSmall() {
        TraceResult result = randomResult(new SplittableRandom(3), 100_000);
        byte[] body = ResultCodec.encode(result);
        assertThat(body.length).isLessThan(100_000 * 40);
        assertThat(ResultCodec.decode(ResultCodec.FORMAT, body)).isEqualTo(result);
    }

    @Test
    void aDamagedOrUnknownValueIsRefusedNotGuessed() {
        TraceResult result = randomResult(new SplittableRandom(5), 50);
        byte[] body = ResultCodec.encode(result);
        assertThatThrownBy(() -> ResultCodec.decode(ResultCodec.FORMAT + 1, body))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> ResultCodec.decode(ResultCodec.FORMAT, Arrays.copyOf(body, body.length / 2)))
                .isInstanceOf(IllegalStateException.class);
        byte[] garbage = body.clone();
        for (int i = 2; i < garbage.length; i += 3) {
            garbage[i] ^= (byte) 0x5A;
        }
        assertThatThrownBy(() -> ResultCodec.decode(ResultCodec.FORMAT, garbage)).isInstanceOf(IllegalStateException.class);
    }

    /** Sorted like the engine's results: contacts by level then person, evidence in a fixed order. */
    private static TraceResult randomResult(SplittableRandom random, int contacts) {
        List<CasePresence> presences = new ArrayList<>();
        long time = 1_764_000_000L;
        for (int i = 0; i < random.nextInt(1, 8); i++) {
            time += random.nextInt(0, 7200);
            long end = time + random.nextInt(1, 3600);
            presences.add(new CasePresence(random.nextLong(1, 1_000_000), random.nextLong(1, 50_000_000),
                    random.nextLong(1, 5000), time, end, end + random.nextInt(0, 7200)));
        }
        List<Contact> list = new ArrayList<>();
        long person = 1;
        ContactLevel[] levels = ContactLevel.values();
        for (int i = 0; i < contacts; i++) {
            person += random.nextInt(1, 20);
            ContactLevel level = levels[random.nextInt(levels.length)];
            List<Evidence> evidence = new ArrayList<>();
            for (int e = 0; e < random.nextInt(1, 4); e++) {
                long from = time - random.nextInt(0, 86_400);
                evidence.add(new Evidence(levels[random.nextInt(levels.length)], random.nextLong(1, 5000), from,
                        from + random.nextInt(1, 7200), random.nextLong(1, 1_000_000),
                        random.nextBoolean() ? null : random.nextLong(0, 1_000_000), random.nextLong(1, 50_000_000)));
            }
            list.add(new Contact(person, level, evidence));
        }
        return new TraceResult(presences, list);
    }
}
