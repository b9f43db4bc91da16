package org.jiaxing.bench.city;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/** Rows in PostgreSQL's COPY text format, written into a byte buffer without a String per value. */
final class CopyBuffer {

    private static final int FLUSH_AT = 1 << 20;
    private final byte[] digits = new byte[20];
    private byte[] bytes = new byte[FLUSH_AT + 4096];
    private int size;

    CopyBuffer number(long value) {
        ensure(21);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n > 0) {
            bytes[size++] = digits[--n];
        }
        return this;
    }

    /** Text without tab, newline or backslash (base64 here); null is {@code \N}. */
    CopyBuffer text(String value) {
        if (value == null) {
            return nul();
        }
        byte[] ascii = value.getBytes(StandardCharsets.UTF_8);
        ensure(ascii.length);
        System.arraycopy(ascii, 0, bytes, size, ascii.length);
        size += ascii.length;
        return this;
    }

    CopyBuffer nul() {
        ensure(2);
        bytes[size++] = '\\';
        bytes[size++] = 'N';
        return this;
    }

    CopyBuffer tab() {
        ensure(1);
        bytes[size++] = '\t';
        return this;
    }

    /** Ends the row; sends the buffer when it is full. */
    void endRow(CopyIn copy) throws SQLException {
        ensure(1);
        bytes[size++] = '\n';
        if (size >= FLUSH_AT) {
            flush(copy);
        }
    }

    void flush(CopyIn copy) throws SQLException {
        if (size > 0) {
            copy.writeToCopy(bytes, 0, size);
            size = 0;
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
