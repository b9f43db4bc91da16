package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jiaxing.account.StaffUser;
import org.jiaxing.audit.AuditEntry;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.org.Towns;
import org.jiaxing.project.InvalidProjectInput;
import org.jiaxing.project.MemberRole;
import org.jiaxing.project.ProjectActionDenied;
import org.jiaxing.project.ProjectNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering projects, members and stage plans; stage progress. Every change is audited and re-colours the project. */
@Service
public class ProjectService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,27}");

    private final ProjectStore store;
    private final ProjectAccess access;
    private final ColourKeeper colours;
    private final SiteCodes sites;
    private final Towns towns;
    private final AuditLog audit;
    private final ProjectTime time;

    ProjectService(ProjectStore store, ProjectAccess access, ColourKeeper colours, SiteCodes sites, Towns towns,
            AuditLog audit, ProjectTime time) {
        this.store = store;
        this.access = access;
        this.colours = colours;
        this.sites = sites;
        this.towns = towns;
        this.audit = audit;
        this.time = time;
    }

    public List<StageTemplate> template() {
        return store.template();
    }

    /** Registers the project, plans the template's stages evenly between its start and finish, opens its site code. */
    @Transactional
    public long create(NewProject p, String actor) {
        if (p.code() == null || !CODE.matcher(p.code()).matches()) {
            throw InvalidProjectInput.of("project.error.code");
        }
        if (store.codeTaken(p.code())) {
            throw InvalidProjectInput.of("project.error.codeTaken", p.code());
        }
        if (p.name() == null || p.name().isBlank() || p.ownerCompany() == null || p.ownerCompany().isBlank()
                || p.location() == null || p.location().isBlank() || p.type() == null) {
            throw InvalidProjectInput.of("project.error.required");
        }
        if (towns.byCode(p.townCode()).isEmpty()) {
            throw InvalidProjectInput.of("project.error.town", p.townCode());
        }
        if (p.plannedFinish().isBefore(p.plannedStart())) {
            throw InvalidProjectInput.of("project.error.dates");
        }
        long id = store.insert(p, time.now());
        List<StageTemplate> template = store.template();
        long total = ChronoUnit.DAYS.between(p.plannedStart(), p.plannedFinish());
        for (int i = 0; i < template.size(); i++) {
            LocalDate start = p.plannedStart().plusDays(total * i / template.size());
            LocalDate deadline = p.plannedStart().plusDays(total * (i + 1) / template.size());
            store.insertStage(id, template.get(i), start, deadline);
        }
        store.addMember(id, p.officialId(), p.officialName(), MemberRole.OFFICIAL);
        Project project = store.find(id).orElseThrow();
        Map<String, Long> site = sites.register(List.of(project));
        store.setSiteVenue(id, site.get(p.code()));
        store.recordColourChange(id, null, null, project.colour(), time.today(), time.now());
        colours.refresh(id);
        audit.record(AuditEntry.of(actor, "PROJECT_CREATE", "project", id, null, "code=" + p.code()));
        return id;
    }

    @Transactional
    public void addMember(long projectId, long userId, String userName, MemberRole role, String actor) {
        store.find(projectId).orElseThrow(() -> ProjectNotFound.project(projectId));
        store.addMember(projectId, userId, userName, role);
        audit.record(AuditEntry.of(actor, "PROJECT_MEMBER_ADD", "project", projectId, null,
                "user=" + userId + " role=" + role));
    }

    public List<Member> members(long projectId) {
        return store.members(projectId);
    }

    public List<StagePlan> stages(long projectId) {
        return store.stages(projectId);
    }

    public List<Project> all() {
        return store.all();
    }

    public long count() {
        return store.count();
    }

    public java.util.Optional<Project> find(long id) {
        return store.find(id);
    }

    public java.util.Optional<Project> bySiteVenue(long venueId) {
        return store.findBySiteVenue(venueId);
    }

    public List<ColourChange> colourHistory(long projectId) {
        return store.colourHistory(projectId);
    }

    /** The first stage not yet finished, if any. */
    public static java.util.Optional<StagePlan> current(List<StagePlan> stages) {
        return stages.stream().filter(StagePlan::isOpen).findFirst();
    }

    /**
     * Re-plans a stage and records its progress. Percent 100 (or a completion date) finishes the stage;
     * finishing it on a day without a date takes today.
     */
    @Transactional
    public void updateStage(long projectId, String stageCode, LocalDate plannedStart, LocalDate deadline,
            int percent, LocalDate completedOn, StaffUser user) {
        Project project = access.requireVisible(projectId, user);
        if (!access.canManageStages(project, user)) {
            throw ProjectActionDenied.action("stage");
        }
        StagePlan stage = store.stages(projectId).stream().filter(s -> s.stageCode().equals(stageCode)).findFirst()
                .orElseThrow(() -> InvalidProjectInput.of("project.error.stage", stageCode));
        LocalDate start = plannedStart == null ? stage.plannedStart() : plannedStart;
        LocalDate end = deadline == null ? stage.deadline() : deadline;
        if (end.isBefore(start)) {
            throw InvalidProjectInput.of("project.error.dates");
        }
        if (percent < 0 || percent > 100) {
            throw InvalidProjectInput.of("project.error.percent");
        }
        LocalDate completed = completedOn != null ? completedOn : percent == 100 ? time.today() : null;
        if (completed != null && completed.isAfter(time.today())) {
            throw InvalidProjectInput.of("project.error.completedFuture");
        }
        int done = completed != null ? 100 : percent;
        store.updateStage(stage.id(), start, end, completed, done);
        audit.record(AuditEntry.of(user.getUsername(), "PROJECT_STAGE_UPDATE", "project", projectId, null,
                stageCode + " " + start + ".." + end + " " + done + "%" + (completed == null ? "" : " done=" + completed)));
        colours.refresh(projectId);
    }

    /** Progress marked by a live report: percent of a stage, by anyone who may manage stages. */
    @Transactional
    public void markProgress(long projectId, String stageCode, int percent, StaffUser user) {
        StagePlan stage = store.stages(projectId).stream().filter(s -> s.stageCode().equals(stageCode)).findFirst()
                .orElseThrow(() -> InvalidProjectInput.of("project.error.stage", stageCode));
        updateStage(projectId, stageCode, stage.plannedStart(), stage.deadline(), percent, null, user);
    }
}
