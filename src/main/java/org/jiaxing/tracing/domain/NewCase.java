package org.jiaxing.tracing.domain;

import java.time.Instant;

/**
 * A case as an official enters it: phone or ID number and the infectious window [from, to).
 *
 * @param line where it came from (the line of an uploaded file, or its position in the request), for errors
 */
public record NewCase(int line, String phoneOrIdNumber, Instant from, Instant to) {
}
