package org.jiaxing.project.domain;

import org.jiaxing.project.MemberRole;

public record Member(long userId, String userName, MemberRole role) {
}
