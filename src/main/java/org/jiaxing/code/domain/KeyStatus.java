package org.jiaxing.code.domain;

/** ACTIVE keys verify codes (the newest one with a private key also signs); RETIRED keys verify nothing. */
public enum KeyStatus {
    ACTIVE, RETIRED
}
