package org.jiaxing.project.domain;

/** A stored file of a report, message or problem. */
public record Attachment(long id, String ownerType, long ownerId, long projectId, String key, String fileName,
        String mediaType, long size) {

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }

    public boolean isVideo() {
        return mediaType.startsWith("video/");
    }
}
