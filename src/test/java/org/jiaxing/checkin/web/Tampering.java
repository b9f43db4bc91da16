package org.jiaxing.checkin.web;

/** Forged inputs for tests that must be refused. */
final class Tampering {

    private Tampering() {}

    /**
     * The signed string with one character of its signature changed, never to itself: a fixed replacement ("A", or
     * "AA" at the end) was the same characters in some runs (1 in 4,096 failed CI in the sixth session), and the last
     * character of unpadded base64 may carry only padding bits.
     */
    static String tampered(String signed) {
        int at = signed.length() - 5;
        char changed = signed.charAt(at) == 'A' ? 'B' : 'A';
        return signed.substring(0, at) + changed + signed.substring(at + 1);
    }
}
