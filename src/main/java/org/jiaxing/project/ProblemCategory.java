package org.jiaxing.project;

/** What a problem is about. */
public enum ProblemCategory {
    LAND, PERMIT, FUNDING, UTILITIES, ENVIRONMENT, CONSTRUCTION, OTHER
}
