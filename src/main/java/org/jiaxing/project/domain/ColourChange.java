package org.jiaxing.project.domain;

import java.time.LocalDate;
import org.jiaxing.project.StageColour;

/** A colour change of a project ({@code stageCode} null) or of one of its stages, on a day. */
public record ColourChange(String stageCode, StageColour from, StageColour to, LocalDate day) {
}
