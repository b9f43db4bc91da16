package org.jiaxing.project;

/** raised → assigned → in progress → resolved → closed (verified), or reopened. */
public enum ProblemStatus {
    RAISED, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
