-- Key-project supervision (重点项目推进). Calendar dates are ISO 'YYYY-MM-DD' strings (they sort and
-- compare as text on both databases); instants are epoch milliseconds (DbTime). Users are app_user ids,
-- kept without foreign keys like the other modules do for data they do not own.

-- The lifecycle template: key stages every project goes through, in order. Rows can be changed by a
-- migration (or by hand) without code changes; a project plans its own dates per stage.
CREATE TABLE project_stage_template (
    code       VARCHAR(32) PRIMARY KEY,
    name_zh    VARCHAR(64) NOT NULL,
    name_en    VARCHAR(64) NOT NULL,
    sort_order INTEGER     NOT NULL UNIQUE
);

INSERT INTO project_stage_template (code, name_zh, name_en, sort_order) VALUES
    ('SIGNING',             '签约',     'Contract signed',        1),
    ('APPROVAL',            '立项',     'Project approval',       2),
    ('LAND',                '土地',     'Land',                   3),
    ('PLANNING_PERMIT',     '规划许可', 'Planning permit',        4),
    ('CONSTRUCTION_PERMIT', '施工许可', 'Construction permit',    5),
    ('GROUNDBREAKING',      '开工',     'Groundbreaking',         6),
    ('STRUCTURE_DONE',      '主体完工', 'Main structure done',    7),
    ('ACCEPTANCE',          '竣工验收', 'Completion acceptance',  8),
    ('PRODUCTION',          '投产',     'In production',          9);

CREATE TABLE project (
    id               INTEGER PRIMARY KEY,
    code             VARCHAR(32)  NOT NULL UNIQUE,
    name             VARCHAR(200) NOT NULL,
    owner_company    VARCHAR(200) NOT NULL,
    -- 项目责任人: the first responsible official (app_user id) and their name as shown
    official_id      BIGINT       NOT NULL,
    official_name    VARCHAR(128) NOT NULL,
    town_code        VARCHAR(32)  NOT NULL REFERENCES town (code),
    -- e.g. 农开区 inside 广陈镇; NULL when the project is simply in the town
    zone_name        VARCHAR(64),
    type             VARCHAR(16)  NOT NULL CHECK (type IN ('INDUSTRIAL', 'AGRICULTURAL', 'INFRASTRUCTURE', 'PUBLIC_SERVICE')),
    -- total investment in 万元 (10,000 CNY)
    investment_wan   BIGINT       NOT NULL CHECK (investment_wan >= 0),
    planned_start    VARCHAR(10)  NOT NULL,
    planned_finish   VARCHAR(10)  NOT NULL,
    location         VARCHAR(300) NOT NULL,
    -- the venue that carries the project's signed site code (category CONSTRUCTION_SITE)
    site_venue_id    BIGINT UNIQUE,
    -- current three-colour code, kept by ColourKeeper; the history is project_colour_change
    colour           VARCHAR(8)   NOT NULL DEFAULT 'GREEN' CHECK (colour IN ('BLUE', 'GREEN', 'RED')),
    created_at       BIGINT       NOT NULL
);
CREATE INDEX project_town ON project (town_code);

-- Members and their project roles; one person may hold several roles.
CREATE TABLE project_member (
    project_id BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    user_id    BIGINT      NOT NULL,
    user_name  VARCHAR(128) NOT NULL,
    role       VARCHAR(16) NOT NULL CHECK (role IN ('OFFICIAL', 'LEADER', 'LIAISON', 'VILLAGE_HEAD', 'HANDLER', 'OWNER_REP')),
    PRIMARY KEY (project_id, user_id, role)
);
CREATE INDEX project_member_user ON project_member (user_id);

CREATE TABLE project_stage (
    id             INTEGER PRIMARY KEY,
    project_id     BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    stage_code     VARCHAR(32) NOT NULL REFERENCES project_stage_template (code),
    sort_order     INTEGER     NOT NULL,
    planned_start  VARCHAR(10) NOT NULL,
    deadline       VARCHAR(10) NOT NULL,
    completed_on   VARCHAR(10),
    percent_done   INTEGER     NOT NULL DEFAULT 0 CHECK (percent_done BETWEEN 0 AND 100),
    colour         VARCHAR(8)  NOT NULL DEFAULT 'GREEN' CHECK (colour IN ('BLUE', 'GREEN', 'RED')),
    UNIQUE (project_id, stage_code)
);

-- Every colour change of a project (stage_code NULL) or of one of its stages, with its date.
CREATE TABLE project_colour_change (
    id          INTEGER PRIMARY KEY,
    project_id  BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    stage_code  VARCHAR(32),
    from_colour VARCHAR(8),
    to_colour   VARCHAR(8)  NOT NULL,
    changed_on  VARCHAR(10) NOT NULL,
    changed_at  BIGINT      NOT NULL
);
CREATE INDEX project_colour_change_project ON project_colour_change (project_id, changed_at);

-- One row per project per day: the colour it had that day (charts of colour counts over time).
CREATE TABLE project_colour_day (
    project_id BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    day        VARCHAR(10) NOT NULL,
    colour     VARCHAR(8)  NOT NULL,
    PRIMARY KEY (project_id, day)
);
CREATE INDEX project_colour_day_day ON project_colour_day (day);

-- The responsible official (or another member) scanned the site code on arrival: one row per person per day.
CREATE TABLE project_site_visit (
    id         INTEGER PRIMARY KEY,
    project_id BIGINT       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    user_id    BIGINT       NOT NULL,
    user_name  VARCHAR(128) NOT NULL,
    day        VARCHAR(10)  NOT NULL,
    arrived_at BIGINT       NOT NULL,
    UNIQUE (project_id, user_id, day)
);

-- 现场直播: the daily live report, optionally moving a stage's percent (or completing it).
CREATE TABLE project_report (
    id           INTEGER PRIMARY KEY,
    project_id   BIGINT       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    author_id    BIGINT       NOT NULL,
    author_name  VARCHAR(128) NOT NULL,
    body         TEXT         NOT NULL,
    plan         TEXT,
    stage_code   VARCHAR(32),
    percent_done INTEGER,
    day          VARCHAR(10)  NOT NULL,
    created_at   BIGINT       NOT NULL
);
CREATE INDEX project_report_project ON project_report (project_id, created_at);
CREATE INDEX project_report_day ON project_report (day);

-- Files of reports, messages and problems. The bytes live in AttachmentStorage under storage_key.
CREATE TABLE project_attachment (
    id           INTEGER PRIMARY KEY,
    owner_type   VARCHAR(16)  NOT NULL CHECK (owner_type IN ('REPORT', 'MESSAGE', 'PROBLEM')),
    owner_id     BIGINT       NOT NULL,
    project_id   BIGINT       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    storage_key  VARCHAR(80)  NOT NULL UNIQUE,
    file_name    VARCHAR(200) NOT NULL,
    media_type   VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    created_at   BIGINT       NOT NULL
);
CREATE INDEX project_attachment_owner ON project_attachment (owner_type, owner_id);

-- 工作群: the project's work channel.
CREATE TABLE project_message (
    id          INTEGER PRIMARY KEY,
    project_id  BIGINT       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    author_id   BIGINT       NOT NULL,
    author_name VARCHAR(128) NOT NULL,
    body        TEXT         NOT NULL,
    problem_id  BIGINT,
    created_at  BIGINT       NOT NULL
);
CREATE INDEX project_message_project ON project_message (project_id, created_at);

-- @mentions: a member named in a message is notified until they open it.
CREATE TABLE project_notification (
    id         INTEGER PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    project_id BIGINT NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    message_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at    BIGINT
);
CREATE INDEX project_notification_user ON project_notification (user_id, read_at);

-- Departments problems are assigned to (交办), and the DEPARTMENT-role accounts that act for them.
CREATE TABLE department (
    code       VARCHAR(32) PRIMARY KEY,
    name_zh    VARCHAR(64) NOT NULL,
    name_en    VARCHAR(96) NOT NULL,
    sort_order INTEGER     NOT NULL
);

INSERT INTO department (code, name_zh, name_en, sort_order) VALUES
    ('DRC',          '发改局',       'Development and Reform Bureau',         1),
    ('NATURAL_RES',  '自然资源规划局', 'Natural Resources and Planning Bureau', 2),
    ('HOUSING',      '住建局',       'Housing and Construction Bureau',       3),
    ('ECONOMY',      '经信局',       'Economy and Information Bureau',        4),
    ('ENVIRONMENT',  '生态环境分局', 'Ecology and Environment Branch',        5),
    ('AGRICULTURE',  '农业农村局',   'Agriculture and Rural Affairs Bureau',  6),
    ('APPROVALS',    '行政审批局',   'Administrative Approval Bureau',        7),
    ('POWER',        '供电公司',     'State Grid Pinghu Power Supply',        8),
    ('WATER',        '水务集团',     'Water Group',                           9),
    ('TRANSPORT',    '交通运输局',   'Transport Bureau',                     10);

CREATE TABLE department_user (
    department_code VARCHAR(32) NOT NULL REFERENCES department (code),
    user_id         BIGINT      NOT NULL,
    PRIMARY KEY (department_code, user_id)
);
CREATE INDEX department_user_user ON department_user (user_id);

-- 问题处置: problems raised on a project, assigned to departments and supervised until closed.
CREATE TABLE project_problem (
    id                 INTEGER PRIMARY KEY,
    project_id         BIGINT       NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    title              VARCHAR(200) NOT NULL,
    description        TEXT         NOT NULL,
    category           VARCHAR(16)  NOT NULL CHECK (category IN ('LAND', 'PERMIT', 'FUNDING', 'UTILITIES', 'ENVIRONMENT', 'CONSTRUCTION', 'OTHER')),
    needs_coordination INTEGER      NOT NULL DEFAULT 0,
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('RAISED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REOPENED')),
    raised_by_id       BIGINT       NOT NULL,
    raised_by_name     VARCHAR(128) NOT NULL,
    raised_at          BIGINT       NOT NULL,
    deadline           VARCHAR(10),
    instruction        TEXT,
    -- an oral assignment (口头交办): who gave it; NULL for a written one
    oral_by            VARCHAR(128),
    escalated          INTEGER      NOT NULL DEFAULT 0,
    source_message_id  BIGINT,
    source_meeting_id  BIGINT,
    updated_at         BIGINT       NOT NULL
);
CREATE INDEX project_problem_project ON project_problem (project_id);
CREATE INDEX project_problem_status ON project_problem (status, deadline);

CREATE TABLE project_problem_department (
    problem_id      BIGINT      NOT NULL REFERENCES project_problem (id) ON DELETE CASCADE,
    department_code VARCHAR(32) NOT NULL REFERENCES department (code),
    PRIMARY KEY (problem_id, department_code)
);

-- Full history of a problem: every transition, note, escalation and daily overdue flag.
CREATE TABLE project_problem_event (
    id          INTEGER PRIMARY KEY,
    problem_id  BIGINT       NOT NULL REFERENCES project_problem (id) ON DELETE CASCADE,
    kind        VARCHAR(16)  NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16),
    actor       VARCHAR(128) NOT NULL,
    note        TEXT,
    day         VARCHAR(10)  NOT NULL,
    at          BIGINT       NOT NULL
);
CREATE INDEX project_problem_event_problem ON project_problem_event (problem_id, at);
-- an overdue problem is flagged once per day
CREATE UNIQUE INDEX project_problem_overdue_once ON project_problem_event (problem_id, day, kind)
    WHERE kind = 'OVERDUE';

-- 晨会: the morning meeting sheet, saved as a dated record with its lines.
CREATE TABLE morning_sheet (
    day          VARCHAR(10)  PRIMARY KEY,
    generated_at BIGINT       NOT NULL,
    generated_by VARCHAR(128) NOT NULL
);

CREATE TABLE morning_sheet_line (
    id         INTEGER PRIMARY KEY,
    sheet_day  VARCHAR(10)  NOT NULL REFERENCES morning_sheet (day) ON DELETE CASCADE,
    section    VARCHAR(16)  NOT NULL CHECK (section IN ('PROJECT', 'PROBLEM', 'ABSENT')),
    seq        INTEGER      NOT NULL,
    project_id BIGINT       NOT NULL,
    colour     VARCHAR(8),
    title      VARCHAR(300) NOT NULL,
    detail     TEXT,
    extra      TEXT
);
CREATE INDEX morning_sheet_line_day ON morning_sheet_line (sheet_day, section, seq);

-- 周例会 / 现场推进会: minutes, attendees and decisions (decisions become problems).
CREATE TABLE project_meeting (
    id         INTEGER PRIMARY KEY,
    kind       VARCHAR(8)   NOT NULL CHECK (kind IN ('WEEKLY', 'ONSITE')),
    project_id BIGINT REFERENCES project (id) ON DELETE CASCADE,
    held_on    VARCHAR(10)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    attendees  TEXT         NOT NULL,
    minutes    TEXT         NOT NULL,
    created_by VARCHAR(128) NOT NULL,
    created_at BIGINT       NOT NULL
);
