package org.jiaxing.checkin;

import java.time.Instant;

/** A line for the visitor's own pages, already in their language. */
public record VisitorNotice(Instant at, String text) {
}
