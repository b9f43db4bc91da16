package org.jiaxing.project.domain;

import org.jiaxing.project.ProblemCategory;

/** A problem as someone raises it. */
public record NewProblem(String title, String description, ProblemCategory category, boolean needsCoordination) {
}
