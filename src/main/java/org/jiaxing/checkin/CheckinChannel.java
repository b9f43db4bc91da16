package org.jiaxing.checkin;

import java.util.Arrays;

/**
 * How a check-in reached us. Stored as a small number ({@link #code()}, never the ordinal) because the
 * check-in table is the one table where every byte per row counts; the numbers must never change.
 */
public enum CheckinChannel {
    /** The visitor scanned the venue's code with their own phone. */
    SCAN(1),
    /** Staff entered the visitor's identity (反向扫码/代登记). */
    ASSISTED(2),
    /** Added by another visitor as a companion (同行人员). */
    COMPANION(3),
    /** A REST client (mini-program, kiosk). */
    API(4),
    /** A digitised paper register imported in bulk. */
    IMPORT(5);

    private final int code;

    CheckinChannel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CheckinChannel ofCode(int code) {
        return Arrays.stream(values()).filter(channel -> channel.code == code).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown check-in channel code " + code));
    }
}
