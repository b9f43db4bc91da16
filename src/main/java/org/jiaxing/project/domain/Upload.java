package org.jiaxing.project.domain;

/** A file as the web layer received it: the original name (shown, never used as a path) and the bytes. */
public record Upload(String fileName, byte[] bytes) {
}
