-- Portable DDL (SQLite and PostgreSQL). Instants are epoch milliseconds in BIGINT columns (see DbTime).
-- "id INTEGER PRIMARY KEY" is SQLite's auto-assigned rowid; PostgreSQL turns it into a BIGINT identity
-- in db/specific/postgresql.

CREATE TABLE town (
    code       VARCHAR(32) PRIMARY KEY,
    name_zh    VARCHAR(64) NOT NULL,
    name_en    VARCHAR(64) NOT NULL,
    sort_order INTEGER     NOT NULL
);

INSERT INTO town (code, name_zh, name_en, sort_order) VALUES
    ('danghu',    '当湖街道', 'Danghu Subdistrict',    1),
    ('zhongdai',  '钟埭街道', 'Zhongdai Subdistrict',  2),
    ('caoqiao',   '曹桥街道', 'Caoqiao Subdistrict',   3),
    ('zhapu',     '乍浦镇',   'Zhapu Town',            4),
    ('xindai',    '新埭镇',   'Xindai Town',           5),
    ('xincang',   '新仓镇',   'Xincang Town',          6),
    ('dushangang','独山港镇', 'Dushangang Town',       7),
    ('lindai',    '林埭镇',   'Lindai Town',           8),
    ('guangchen', '广陈镇',   'Guangchen Town (Agricultural Development Zone)', 9);

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(128) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    town_code     VARCHAR(32)  REFERENCES town (code),
    enabled       INTEGER      NOT NULL DEFAULT 1,
    created_at    BIGINT       NOT NULL
);

-- Venues a VENUE_STAFF account may act for. No foreign key: venues belong to another module.
CREATE TABLE app_user_venue (
    user_id  BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    venue_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, venue_id)
);
