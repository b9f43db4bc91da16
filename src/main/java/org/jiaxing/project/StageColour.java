package org.jiaxing.project;

/** 三色赋码: how fast a stage (or a project's open stages) is moving. Declared from best to worst. */
public enum StageColour {
    /** Ahead: progress clearly ahead of the elapsed planned time, or the stage finished early. */
    BLUE,
    /** On track. */
    GREEN,
    /** Behind: deadline passed, or progress clearly behind the elapsed planned time. */
    RED;

    /** The worse of the two (RED over GREEN over BLUE). */
    public StageColour worst(StageColour other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
