package org.jiaxing.project;

/** What a member does on a project. */
public enum MemberRole {
    /** 项目责任人: the first responsible official, who is on site every working day. */
    OFFICIAL,
    /** 联系领导: leader in charge. */
    LEADER,
    /** 部门联络员: department liaison. */
    LIAISON,
    /** 村负责人: village head. */
    VILLAGE_HEAD,
    /** 经办人: handler. */
    HANDLER,
    /** 业主代表: the owner company's representative; sees only their own project. */
    OWNER_REP
}
