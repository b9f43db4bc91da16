package org.jiaxing.tracing.domain;

/** The levels of the rules, strongest first: each person is reported once at the highest one. */
public enum ContactLevel {
    /** 密接: overlapped a case presence by at least the category's close minutes. */
    CLOSE,
    /** 次密接: overlapped a close contact after their exposure by at least the close minutes. */
    SECONDARY,
    /** 涉疫场所暴露人员: at the venue while a case was there or during the linger time after. */
    EXPOSED;

    public boolean outranks(ContactLevel other) {
        return ordinal() < other.ordinal();
    }
}
