package org.jiaxing.project.domain;

import java.time.Instant;
import java.util.List;

/** A message in a project's work channel (工作群). */
public record Message(long id, long projectId, long authorId, String authorName, String body, Long problemId,
        Instant at, List<Attachment> attachments) {
}
