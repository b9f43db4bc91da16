-- The 32 key-venue categories with the tracing parameters (minutes) used by precise tracing:
-- dwell  = how long a visit lasts when no check-out was recorded,
-- close  = minimum overlap with a case for a close contact,
-- linger = how long the venue stays contaminated after the case left.
CREATE TABLE venue_category (
    code           VARCHAR(32) PRIMARY KEY,
    name_zh        VARCHAR(64) NOT NULL,
    name_en        VARCHAR(64) NOT NULL,
    sort_order     INTEGER     NOT NULL,
    dwell_minutes  INTEGER     NOT NULL CHECK (dwell_minutes > 0),
    close_minutes  INTEGER     NOT NULL CHECK (close_minutes > 0),
    linger_minutes INTEGER     NOT NULL CHECK (linger_minutes >= 0)
);

INSERT INTO venue_category (code, name_zh, name_en, sort_order, dwell_minutes, close_minutes, linger_minutes) VALUES
    ('SUPERMARKET',       '商超',           'Supermarket / mall',          1,  45, 15, 30),
    ('FARMERS_MARKET',    '农贸市场',       'Farmers'' market',            2,  45, 15, 30),
    ('OFFICE',            '写字楼',         'Office building',             3, 480, 60, 30),
    ('MEDICAL',           '医疗卫生机构',   'Medical institution',         4, 120, 15, 60),
    ('SCHOOL',            '学校',           'School',                      5, 480, 60, 30),
    ('ELDERLY_CARE',      '养老机构',       'Elderly care home',           6, 120, 15, 60),
    ('HOTEL',             '宾馆酒店',       'Hotel',                       7, 720, 60, 60),
    ('RESTAURANT',        '餐饮',           'Restaurant',                  8,  90, 15, 30),
    ('BANK',              '银行网点',       'Bank branch',                 9,  30, 15, 30),
    ('TRANSPORT_HUB',     '交通场站',       'Transport hub',              10,  60, 15, 30),
    ('SCENIC_PARK',       '景区公园',       'Scenic area / park',         11, 180, 30, 15),
    ('SPORTS_CULTURE',    '文体场馆',       'Sports / culture venue',     12, 120, 15, 30),
    ('RELIGIOUS',         '宗教场所',       'Religious site',             13,  90, 15, 30),
    ('GOV_SERVICE',       '政务服务中心',   'Government service centre',  14,  60, 15, 30),
    ('FACTORY',           '企业工厂',       'Factory / enterprise',       15, 480, 60, 30),
    ('CONSTRUCTION_SITE', '建筑工地',       'Construction site',          16, 480, 60, 15),
    ('LOGISTICS',         '物流快递',       'Logistics / courier',        17,  60, 15, 30),
    ('GAS_STATION',       '加油站',         'Petrol station',             18,  15, 10, 15),
    ('BEAUTY_SALON',      '美容美发',       'Beauty / hair salon',        19,  90, 15, 30),
    ('INTERNET_CAFE',     '网吧',           'Internet café',              20, 180, 30, 30),
    ('KTV',               'KTV娱乐',        'KTV / entertainment',        21, 180, 15, 60),
    ('CINEMA',            '影剧院',         'Cinema / theatre',           22, 150, 30, 30),
    ('GYM',               '健身场所',       'Gym / fitness',              23,  90, 15, 30),
    ('BATH_SPA',          '洗浴足浴',       'Bath house / foot spa',      24, 120, 15, 60),
    ('TRAINING',          '培训机构',       'Training centre',            25, 120, 30, 30),
    ('PHARMACY',          '药店',           'Pharmacy',                   26,  15, 10, 15),
    ('HOMESTAY',          '民宿农家乐',     'Homestay / farm stay',       27, 720, 60, 60),
    ('CULTURAL_HALL',     '农村文化礼堂',   'Rural cultural hall',        28, 120, 30, 30),
    ('RESIDENTIAL_GATE',  '小区出入口',     'Residential compound gate',  29,  10,  5, 10),
    ('WHOLESALE_MARKET',  '批发市场',       'Wholesale market',           30,  60, 15, 30),
    ('PORT',              '港口码头',       'Port / wharf',               31, 240, 30, 30),
    ('OTHER',             '其他',           'Other',                      32,  60, 15, 30);

CREATE TABLE venue (
    id                      INTEGER PRIMARY KEY,
    code                    VARCHAR(32)  NOT NULL UNIQUE,
    name                    VARCHAR(200) NOT NULL,
    category_code           VARCHAR(32)  NOT NULL REFERENCES venue_category (code),
    town_code               VARCHAR(32)  NOT NULL REFERENCES town (code),
    address                 VARCHAR(300) NOT NULL,
    longitude               DOUBLE PRECISION,
    latitude                DOUBLE PRECISION,
    contact_name            VARCHAR(64),
    contact_phone           VARCHAR(32),
    -- "08:00-22:00", or NULL when not set
    opening_hours           VARCHAR(32),
    expected_daily_visitors INTEGER,
    -- ACTIVE, SUSPENDED or CLOSED
    status                  VARCHAR(16)  NOT NULL,
    created_at              BIGINT       NOT NULL,
    updated_at              BIGINT       NOT NULL
);

CREATE INDEX venue_town_category ON venue (town_code, category_code);
CREATE INDEX venue_category_idx ON venue (category_code);
