package org.jiaxing.tracing.domain;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * An investigation's result as one compressed value, stored in one row ({@code investigation_result}).
 *
 * <p>Why not a row per contact and per piece of evidence: a city-wide second degree finds ~100,000 contacts
 * with ~200,000 pieces of evidence, and writing them as rows took seconds while holding SQLite's only write lock,
 * so every check-in of the city waited behind an investigation (see docs/DECISIONS.md). The result is read and
 * written only as a whole (the pages and exports filter it in memory), so nothing is lost by keeping it opaque.
 *
 * <p>Format {@value #FORMAT}: deflated; numbers as zig-zag varints, each id and time as the difference to the same
 * field of the previous record (results are sorted, so differences are small); levels as their ordinal; a
 * missing via-person as 0 and a present one as id + 1.
 */
final class ResultCodec {

    static final int FORMAT = 1;

    private ResultCodec() {
    }

    /** A result with its encoded form, made before the transaction that stores it. */
    record Encoded(TraceResult result, byte[] body) {
    }

    static Encoded encoded(TraceResult result) {
        return new Encoded(result, encode(result));
    }

    static byte[] encode(TraceResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + result.contacts().size() * 16);
        // a Deflater handed to the stream is not ended by it: its native memory is released here
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
            Writer writer = new Writer(out);
            writer.count(result.casePresences().size());
            long[] last = new long[6];
            for (CasePresence presence : result.casePresences()) {
                writer.delta(last, 0, presence.casePersonId());
                writer.delta(last, 1, presence.checkinId());
                writer.delta(last, 2, presence.venueId());
                writer.delta(last, 3, presence.start());
                writer.delta(last, 4, presence.end());
                writer.delta(last, 5, presence.riskEnd());
            }
            ContactColumns contacts = ContactColumns.of(result.contacts());
            writer.count(contacts.size());
            long[] previous = new long[7];
            contacts.forEach(new ContactColumns.Visitor() {
                @Override
                public void contact(long personId, ContactLevel level, int evidenceCount) {
                    writer.delta(previous, 0, personId);
                    writer.count(level.ordinal());
                    writer.count(evidenceCount);
                }

                @Override
                public void evidence(ContactLevel kind, long venueId, long from, long to, long casePersonId, long via,
                        long checkinId) {
                    writer.count(kind.ordinal());
                    writer.delta(previous, 1, venueId);
                    writer.delta(previous, 2, from);
                    writer.delta(previous, 3, to);
                    writer.delta(previous, 4, casePersonId);
                    writer.delta(previous, 5, via == ContactColumns.NO_VIA ? 0 : via + 1);
                    writer.delta(previous, 6, checkinId);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * The result {@link #encode} was given; a value that does not decode completely is refused, not guessed.
     * Counts are not trusted for allocation (a damaged count must fail at the end of the data, not in memory).
     */
    static TraceResult decode(int format, byte[] body) {
        if (format != FORMAT) {
            throw new IllegalStateException("investigation result format " + format + " is not known to this version");
        }
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(body)), 1 << 16))) {
            Reader reader = new Reader(in);
            int presenceCount = reader.count();
            List<CasePresence> presences = new ArrayList<>(Math.min(presenceCount, 1 << 12));
            long[] last = new long[6];
            for (int i = 0; i < presenceCount; i++) {
                presences.add(new CasePresence(reader.delta(last, 0), reader.delta(last, 1), reader.delta(last, 2),
                        reader.delta(last, 3), reader.delta(last, 4), reader.delta(last, 5)));
            }
            ContactLevel[] levels = ContactLevel.values();
            int contactCount = reader.count();
            ContactColumns.Builder contacts = new ContactColumns.Builder();
            long[] previous = new long[7];
            for (int i = 0; i < contactCount; i++) {
                long personId = reader.delta(previous, 0);
                ContactLevel level = levels[reader.count()];
                int evidenceCount = reader.count();
                for (int e = 0; e < evidenceCount; e++) {
                    int kind = levels[reader.count()].ordinal();
                    long venueId = reader.delta(previous, 1);
                    long from = reader.delta(previous, 2);
                    long to = reader.delta(previous, 3);
                    long casePersonId = reader.delta(previous, 4);
                    long via = reader.delta(previous, 5);
                    long checkinId = reader.delta(previous, 6);
                    contacts.evidence(kind, venueId, from, to, casePersonId, via == 0 ? ContactColumns.NO_VIA : via - 1,
                            checkinId);
                }
                contacts.contact(personId, level);
            }
            if (in.read() != -1) {
                throw new IllegalStateException("investigation result has trailing bytes");
            }
            return new TraceResult(presences, contacts.build());
        } catch (EOFException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("investigation result is truncated or corrupt", e);
        } catch (IOException e) {
            throw new IllegalStateException("investigation result is corrupt", e);
        }
    }

    /**
     * Varints into a buffer handed to the deflater 64 KB at a time: a {@code DeflaterOutputStream} written a byte at
     * a time runs the deflater once per byte.
     */
    private static final class Writer {

        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int used;

        Writer(OutputStream out) {
            this.out = out;
        }

        void count(int value) {
            varint(value);
        }

        void delta(long[] last, int field, long value) {
            long difference = value - last[field];
            last[field] = value;
            varint((difference << 1) ^ (difference >> 63));
        }

        void flush() {
            try {
                out.write(buffer, 0, used);
            } catch (IOException e) {
                throw new UncheckedIOException("in-memory stream", e);
            }
            used = 0;
        }

        private void varint(long value) {
            if (used > buffer.length - 10) {
                flush();
            }
            while ((value & ~0x7FL) != 0) {
                buffer[used++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[used++] = (byte) value;
        }
    }

    private record Reader(DataInputStream in) {

        int count() throws IOException {
            long value = varint();
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IOException("count out of range");
            }
            return (int) value;
        }

        long delta(long[] last, int field) throws IOException {
            long zigzag = varint();
            long value = last[field] + ((zigzag >>> 1) ^ -(zigzag & 1));
            last[field] = value;
            return value;
        }

        private long varint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.readUnsignedByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IOException("varint too long");
        }
    }
}
