package org.jiaxing.project.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jiaxing.project.MemberRole;
import org.jiaxing.project.ProjectType;
import org.jiaxing.project.StageColour;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects, members and stage plans: plain SQL. */
@Repository
class ProjectStore {

    private static final String PROJECT_COLUMNS = """
            id, code, name, owner_company, official_id, official_name, town_code, zone_name, type, investment_wan,
            planned_start, planned_finish, location, site_venue_id, colour""";

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StageTemplate> template() {
        return jdbc.sql("SELECT code, name_zh, name_en, sort_order FROM project_stage_template ORDER BY sort_order")
                .query((rs, row) -> new StageTemplate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    long insert(NewProject p, Instant now) {
        return jdbc.sql("""
                INSERT INTO project (code, name, owner_company, official_id, official_name, town_code, zone_name, type,
                    investment_wan, planned_start, planned_finish, location, colour, created_at)
                VALUES (:code, :name, :owner, :officialId, :officialName, :town, :zone, :type, :investment, :start,
                    :finish, :location, 'GREEN', :now) RETURNING id""")
                .param("code", p.code()).param("name", p.name()).param("owner", p.ownerCompany())
                .param("officialId", p.officialId()).param("officialName", p.officialName())
                .param("town", p.townCode()).param("zone", p.zoneName()).param("type", p.type().name())
                .param("investment", p.investmentWan()).param("start", p.plannedStart().toString())
                .param("finish", p.plannedFinish().toString()).param("location", p.location())
                .param("now", DbTime.toDb(now)).query(Long.class).single();
    }

    void setSiteVenue(long projectId, long venueId) {
        jdbc.sql("UPDATE project SET site_venue_id = :venue WHERE id = :id").param("venue", venueId)
                .param("id", projectId).update();
    }

    void insertStage(long projectId, StageTemplate stage, LocalDate start, LocalDate deadline) {
        jdbc.sql("""
                INSERT INTO project_stage (project_id, stage_code, sort_order, planned_start, deadline, percent_done, colour)
                VALUES (:project, :code, :sort, :start, :deadline, 0, 'GREEN')""")
                .param("project", projectId).param("code", stage.code()).param("sort", stage.sortOrder())
                .param("start", start.toString()).param("deadline", deadline.toString()).update();
    }

    void addMember(long projectId, long userId, String userName, MemberRole role) {
        jdbc.sql("""
                INSERT INTO project_member (project_id, user_id, user_name, role) VALUES (:project, :user, :name, :role)
                ON CONFLICT (project_id, user_id, role) DO NOTHING""")
                .param("project", projectId).param("user", userId).param("name", userName).param("role", role.name())
                .update();
    }

    Optional<Project> find(long id) {
        return jdbc.sql("SELECT " + PROJECT_COLUMNS + " FROM project WHERE id = :id").param("id", id)
                .query(ProjectStore::project).optional();
    }

    Optional<Project> findBySiteVenue(long venueId) {
        return jdbc.sql("SELECT " + PROJECT_COLUMNS + " FROM project WHERE site_venue_id = :venue")
                .param("venue", venueId).query(ProjectStore::project).optional();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM project WHERE code = :code").param("code", code).query(Long.class)
                .single() > 0;
    }

    List<Project> all() {
        return jdbc.sql("SELECT " + PROJECT_COLUMNS + " FROM project ORDER BY code").query(ProjectStore::project).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM project").query(Long.class).single();
    }

    List<Member> members(long projectId) {
        return jdbc.sql("SELECT user_id, user_name, role FROM project_member WHERE project_id = :p ORDER BY role, user_name")
                .param("p", projectId)
                .query((rs, row) -> new Member(rs.getLong(1), rs.getString(2), MemberRole.valueOf(rs.getString(3))))
                .list();
    }

    List<Long> projectsOfMember(long userId) {
        return jdbc.sql("SELECT DISTINCT project_id FROM project_member WHERE user_id = :u").param("u", userId)
                .query(Long.class).list();
    }

    List<StagePlan> stages(long projectId) {
        return jdbc.sql("""
                SELECT id, project_id, stage_code, sort_order, planned_start, deadline, completed_on, percent_done, colour
                FROM project_stage WHERE project_id = :p ORDER BY sort_order""")
                .param("p", projectId).query(ProjectStore::stage).list();
    }

    List<StagePlan> allStages() {
        return jdbc.sql("""
                SELECT id, project_id, stage_code, sort_order, planned_start, deadline, completed_on, percent_done, colour
                FROM project_stage ORDER BY project_id, sort_order""")
                .query(ProjectStore::stage).list();
    }

    void updateStage(long stageId, LocalDate plannedStart, LocalDate deadline, LocalDate completedOn, int percent) {
        jdbc.sql("""
                UPDATE project_stage SET planned_start = :start, deadline = :deadline, completed_on = :completed,
                    percent_done = :percent WHERE id = :id""")
                .param("start", plannedStart.toString()).param("deadline", deadline.toString())
                .param("completed", completedOn == null ? null : completedOn.toString()).param("percent", percent)
                .param("id", stageId).update();
    }

    void setStageColour(long stageId, StageColour colour) {
        jdbc.sql("UPDATE project_stage SET colour = :c WHERE id = :id").param("c", colour.name()).param("id", stageId)
                .update();
    }

    void setProjectColour(long projectId, StageColour colour) {
        jdbc.sql("UPDATE project SET colour = :c WHERE id = :id").param("c", colour.name()).param("id", projectId)
                .update();
    }

    void recordColourChange(long projectId, String stageCode, StageColour from, StageColour to, LocalDate day,
            Instant at) {
        jdbc.sql("""
                INSERT INTO project_colour_change (project_id, stage_code, from_colour, to_colour, changed_on, changed_at)
                VALUES (:p, :stage, :from, :to, :day, :at)""")
                .param("p", projectId).param("stage", stageCode).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("day", day.toString()).param("at", DbTime.toDb(at)).update();
    }

    void snapshotColour(long projectId, LocalDate day, StageColour colour) {
        jdbc.sql("""
                INSERT INTO project_colour_day (project_id, day, colour) VALUES (:p, :day, :c)
                ON CONFLICT (project_id, day) DO UPDATE SET colour = excluded.colour""")
                .param("p", projectId).param("day", day.toString()).param("c", colour.name()).update();
    }

    List<ColourChange> colourHistory(long projectId) {
        return jdbc.sql("""
                SELECT stage_code, from_colour, to_colour, changed_on FROM project_colour_change
                WHERE project_id = :p ORDER BY changed_at DESC, id DESC""")
                .param("p", projectId)
                .query((rs, row) -> new ColourChange(rs.getString(1),
                        rs.getString(2) == null ? null : StageColour.valueOf(rs.getString(2)),
                        StageColour.valueOf(rs.getString(3)), LocalDate.parse(rs.getString(4))))
                .list();
    }

    static Project project(ResultSet rs, int row) throws SQLException {
        long siteId = rs.getLong("site_venue_id");
        Long site = rs.wasNull() ? null : siteId;
        return new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("owner_company"),
                rs.getLong("official_id"), rs.getString("official_name"), rs.getString("town_code"),
                rs.getString("zone_name"), ProjectType.valueOf(rs.getString("type")), rs.getLong("investment_wan"),
                LocalDate.parse(rs.getString("planned_start")), LocalDate.parse(rs.getString("planned_finish")),
                rs.getString("location"), site, StageColour.valueOf(rs.getString("colour")));
    }

    static StagePlan stage(ResultSet rs, int row) throws SQLException {
        String completed = rs.getString("completed_on");
        return new StagePlan(rs.getLong("id"), rs.getLong("project_id"), rs.getString("stage_code"),
                rs.getInt("sort_order"), LocalDate.parse(rs.getString("planned_start")),
                LocalDate.parse(rs.getString("deadline")), completed == null ? null : LocalDate.parse(completed),
                rs.getInt("percent_done"), StageColour.valueOf(rs.getString("colour")));
    }
}
