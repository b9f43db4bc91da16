package org.jiaxing.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 现场直播: one live report from the site, with its files. */
public record Report(long id, long projectId, String authorName, String body, String plan, String stageCode,
        Integer percent, LocalDate day, Instant at, List<Attachment> attachments) {
}
