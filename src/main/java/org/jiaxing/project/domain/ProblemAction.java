package org.jiaxing.project.domain;

/** The steps of a problem's lifecycle. */
public enum ProblemAction {
    /** 交办: to one or more departments, with deadline and instruction (again after a reopen). */
    ASSIGN,
    /** The department starts working on it. */
    START,
    /** The department reports it solved. */
    RESOLVE,
    /** Whoever raised it, or the supervision office, confirms the solution: closed. */
    VERIFY,
    /** Not solved after all. */
    REOPEN
}
