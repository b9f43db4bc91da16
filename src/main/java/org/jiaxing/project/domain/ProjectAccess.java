package org.jiaxing.project.domain;

import java.util.EnumSet;
import java.util.Set;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffUser;
import org.jiaxing.project.MemberRole;
import org.jiaxing.project.ProjectNotFound;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what on a project. SUPERVISOR (督考办) and CITY_ADMIN: every project. TOWN_ADMIN: the
 * projects of their town, read-only. PROJECT_MEMBER: the projects they are a member of (an owner
 * representative is a member of their own project only). DEPARTMENT: no project pages, only the problems
 * assigned to their department (see {@link ProblemService}). A project outside the scope is "not found".
 */
@Component
public class ProjectAccess {

    private static final Set<MemberRole> STAGE_MANAGERS = EnumSet.of(MemberRole.OFFICIAL, MemberRole.LEADER,
            MemberRole.HANDLER);

    private final ProjectStore store;

    ProjectAccess(ProjectStore store) {
        this.store = store;
    }

    public static boolean seesAll(StaffUser user) {
        return user.hasRole(Role.SUPERVISOR) || user.hasRole(Role.CITY_ADMIN);
    }

    public Set<MemberRole> roles(long projectId, StaffUser user) {
        Set<MemberRole> roles = EnumSet.noneOf(MemberRole.class);
        store.members(projectId).stream().filter(m -> m.userId() == user.id()).forEach(m -> roles.add(m.role()));
        return roles;
    }

    public boolean canView(Project project, StaffUser user) {
        if (seesAll(user)) {
            return true;
        }
        if (user.hasRole(Role.TOWN_ADMIN)) {
            return project.townCode().equals(user.townCode());
        }
        return user.hasRole(Role.PROJECT_MEMBER) && !roles(project.id(), user).isEmpty();
    }

    public Project requireVisible(long projectId, StaffUser user) {
        return store.find(projectId).filter(p -> canView(p, user)).orElseThrow(() -> ProjectNotFound.project(projectId));
    }

    /** Plan dates and record stage progress: the supervision office, or the official, leader or handler. */
    public boolean canManageStages(Project project, StaffUser user) {
        return seesAll(user) || user.hasRole(Role.PROJECT_MEMBER)
                && roles(project.id(), user).stream().anyMatch(STAGE_MANAGERS::contains);
    }

    /** Post reports and channel messages, raise problems: any member, and the supervision office. */
    public boolean canPost(Project project, StaffUser user) {
        return seesAll(user) || user.hasRole(Role.PROJECT_MEMBER) && !roles(project.id(), user).isEmpty();
    }

    /** Assign (交办) problems of the project: the supervision office, or the project's leader in charge. */
    public boolean canAssign(Project project, StaffUser user) {
        return seesAll(user) || user.hasRole(Role.PROJECT_MEMBER)
                && roles(project.id(), user).contains(MemberRole.LEADER);
    }
}
