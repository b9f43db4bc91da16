package org.jiaxing.code.domain;

/** A key was retired: cached verifications of codes it signed must go. */
public record SigningKeyRetired(int kid) {
}
