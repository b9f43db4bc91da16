package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.project.MemberRole;
import org.jiaxing.project.ProblemCategory;
import org.jiaxing.project.ProblemStatus;
import org.jiaxing.project.ProjectDemoData;
import org.jiaxing.project.ProjectType;
import org.jiaxing.project.StageColour;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the demo projects with plain inserts in one transaction (fast on SQLite): the two projects of
 * the article with their real stage, 58 more across the towns, and weeks of history before today.
 */
@Component
class DemoProjects implements ProjectDemoData {

    private static final String[] AGRI = {"数字农业工厂", "稻渔综合种养基地", "设施蔬菜产业园", "食用菌智能工厂", "农产品冷链物流中心",
        "花卉种苗繁育基地", "智慧果园", "预制菜加工园", "水稻育秧中心", "农业科创园", "生态循环农业示范区", "精品西瓜产业园"};
    private static final String[] INDUSTRY = {"智能装备制造", "新能源汽车零部件", "光伏组件", "生物医药", "精密机械", "新材料",
        "电子元器件", "氢能装备", "智能家居", "高端包装材料"};
    private static final String[] INFRA = {"道路提升工程", "污水管网改造工程", "河道综合整治工程", "110千伏变电站工程", "桥梁改建工程",
        "公交首末站工程"};
    private static final String[] PUBLIC = {"中心幼儿园", "社区卫生服务中心", "文化礼堂", "养老服务中心", "邻里中心", "中学扩建工程"};
    private static final String[] COMPANY = {"嘉禾", "绿源", "星辰", "恒泰", "瑞丰", "鼎盛", "金平", "华瑞", "东湖", "九龙", "锦程", "宏达",
        "天成", "万顺", "凯越"};
    private static final String[] ROADS = {"新华路", "兴平路", "平廊公路", "港中路", "东方路", "建设路", "广陈路", "山塘路"};
    private static final Map<String, String[]> STAGE_WORK = Map.of(
            "SIGNING", new String[] {"与业主方对接投资协议条款", "协议文本报法律顾问审核"},
            "APPROVAL", new String[] {"项目备案材料已报发改局", "可研报告按专家意见修改"},
            "LAND", new String[] {"地块征迁协议签订推进", "完成地籍测绘，准备挂牌"},
            "PLANNING_PERMIT", new String[] {"规划方案报审，配合修改总平面图", "规划方案公示中"},
            "CONSTRUCTION_PERMIT", new String[] {"施工图审查办理中", "施工许可材料已提交审批局"},
            "GROUNDBREAKING", new String[] {"场地平整，临时用电接入", "桩基施工推进"},
            "STRUCTURE_DONE", new String[] {"主体结构施工推进", "钢结构吊装作业"},
            "ACCEPTANCE", new String[] {"内部隔间装修推进，设备陆续进场", "消防验收资料整理"},
            "PRODUCTION", new String[] {"设备调试，试生产准备", "首批产品下线"});
    private static final Map<ProblemCategory, String[]> PROBLEMS = Map.of(
            ProblemCategory.LAND, new String[] {"地块内存在未迁坟墓", "临时用地审批未完成", "用地指标不足"},
            ProblemCategory.PERMIT, new String[] {"施工许可材料被退回", "环评批复等待中", "消防设计审查意见未出"},
            ProblemCategory.FUNDING, new String[] {"政策性补助资金未拨付", "银行贷款审批进度慢"},
            ProblemCategory.UTILITIES, new String[] {"电力增容方案未确定", "自来水接入管线未施工", "天然气接入排期晚"},
            ProblemCategory.ENVIRONMENT, new String[] {"施工扬尘被投诉", "土方外运消纳点不足"},
            ProblemCategory.CONSTRUCTION, new String[] {"周边道路限高影响大型设备进场", "连续降雨影响土方施工"},
            ProblemCategory.OTHER, new String[] {"企业用工招聘困难", "周边村民反映施工噪声"});
    private static final String[] DEPARTMENTS = {"DRC", "NATURAL_RES", "HOUSING", "ECONOMY", "ENVIRONMENT", "AGRICULTURE",
        "APPROVALS", "POWER", "WATER", "TRANSPORT"};

    private final JdbcClient jdbc;
    private final ProjectStore store;
    private final SiteCodes sites;
    private final Towns towns;
    private final ColourKeeper colours;
    private final Attachments attachments;
    private final MorningSheets sheets;
    private final ProjectTime time;

    DemoProjects(JdbcClient jdbc, ProjectStore store, SiteCodes sites, Towns towns, ColourKeeper colours,
            Attachments attachments, MorningSheets sheets, ProjectTime time) {
        this.jdbc = jdbc;
        this.store = store;
        this.sites = sites;
        this.towns = towns;
        this.colours = colours;
        this.attachments = attachments;
        this.sheets = sheets;
        this.time = time;
    }

    @Override
    public boolean isEmpty() {
        return store.count() == 0;
    }

    private record Plan(NewProject project, List<LocalDate> bounds, int current, int percent, boolean stuck,
            boolean finished) {
    }

    @Override
    @Transactional
    public int seed(People people, long seed) {
        Random r = new Random(seed);
        LocalDate today = time.today();
        List<StageTemplate> template = store.template();
        int n = template.size();
        List<Plan> plans = new ArrayList<>();
        Person first = people.officials().getFirst();
        people.departmentUsers().forEach((department, person) -> jdbc.sql("""
                INSERT INTO department_user (department_code, user_id) VALUES (:d, :u)""")
                .param("d", department).param("u", person.id()).update());

        // the two projects of the article (农开区提质提效…), with their real stage
        plans.add(new Plan(new NewProject("NK-001", "长三角优质草莓种源研发中心", "浙江长三角草莓种业有限公司", first.id(), first.name(),
                "guangchen", "农开区", ProjectType.AGRICULTURAL, 32000, today.minusDays(560), today.plusDays(60),
                "广陈镇山塘村农开大道东侧"), evenly(today.minusDays(560), today.minusDays(40), n - 1, today.plusDays(60)),
                8, 70, false, false));
        Person second = people.officials().get(1 % people.officials().size());
        plans.add(new Plan(new NewProject("NK-002", "荷兰福纳瑞园艺中国种源研发中心", "福纳瑞园艺（平湖）有限公司", second.id(),
                second.name(), "guangchen", "农开区", ProjectType.AGRICULTURAL, 45000, today.minusDays(420),
                today.plusDays(240), "广陈镇龙萌村广兴路 88 号"),
                evenly(today.minusDays(420), today.minusDays(25), n - 2, today.plusDays(120), today.plusDays(240)),
                7, 25, false, false));

        List<Town> all = towns.all();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < 58; i++) {
            Town town = i < 18 ? all.stream().filter(t -> t.code().equals("guangchen")).findFirst().orElseThrow()
                    : all.get(i % all.size());
            boolean zone = town.code().equals("guangchen");
            ProjectType type = zone ? (r.nextInt(5) == 0 ? ProjectType.INDUSTRIAL : ProjectType.AGRICULTURAL)
                    : ProjectType.values()[r.nextInt(4)];
            String[] pool = switch (type) {
                case AGRICULTURAL -> AGRI;
                case INDUSTRIAL -> INDUSTRY;
                case INFRASTRUCTURE -> INFRA;
                case PUBLIC_SERVICE -> PUBLIC;
            };
            String shortName = town.nameZh().substring(0, 2);
            String name;
            do {
                String base = shortName + pool[r.nextInt(pool.length)];
                name = type == ProjectType.INDUSTRIAL ? base + "项目" : base;
                if (names.contains(name)) {
                    name = base + (r.nextBoolean() ? "二期" : "（扩建）");
                }
            } while (names.contains(name));
            names.add(name);
            String company = COMPANY[r.nextInt(COMPANY.length)] + switch (type) {
                case AGRICULTURAL -> "农业科技有限公司";
                case INDUSTRIAL -> "智能科技有限公司";
                case INFRASTRUCTURE -> "城市建设发展有限公司";
                case PUBLIC_SERVICE -> "城乡建设投资有限公司";
            };
            Person official = people.officials().get(i % people.officials().size());
            String code = (zone ? "NK-" : "PH-") + String.format("%03d", i + 3);
            String location = town.nameZh() + ROADS[r.nextInt(ROADS.length)] + (10 + r.nextInt(300)) + " 号";
            long investment = (type == ProjectType.PUBLIC_SERVICE ? 2000 : 5000) + r.nextInt(60) * 500L;
            int scenario = r.nextInt(100);
            if (scenario < 7) { // not started yet
                LocalDate start = today.plusDays(3 + r.nextInt(40));
                LocalDate finish = start.plusDays(360 + r.nextInt(400));
                plans.add(new Plan(project(code, name, company, official, town, zone, type, investment, start, finish,
                        location), evenly(start, finish, n), 0, 0, false, false));
                continue;
            }
            if (scenario < 11) { // finished
                LocalDate finish = today.minusDays(5 + r.nextInt(60));
                LocalDate start = finish.minusDays(400 + r.nextInt(300));
                plans.add(new Plan(project(code, name, company, official, town, zone, type, investment, start, finish,
                        location), evenly(start, finish, n), n, 100, false, true));
                continue;
            }
            LocalDate start = today.minusDays(60 + r.nextInt(600));
            LocalDate finish = today.plusDays(40 + r.nextInt(500));
            List<LocalDate> bounds = evenly(start, finish, n);
            int current = 0;
            while (current < n - 1 && !bounds.get(current + 1).isAfter(today)) {
                current++;
            }
            double expected = ColourRules.elapsedPercent(stage(bounds, current, 0, null), today);
            int colourRoll = r.nextInt(100);
            int percent;
            boolean stuck = false;
            if (colourRoll < 25) {
                percent = (int) Math.min(99, expected + 18 + r.nextInt(15));
            } else if (colourRoll < 68) {
                percent = (int) Math.max(0, Math.min(99, expected - 8 + r.nextInt(16)));
            } else if (current > 0 && colourRoll < 84) {
                stuck = true;
                percent = 60 + r.nextInt(35);
            } else {
                percent = (int) Math.max(0, expected - 20 - r.nextInt(20));
            }
            plans.add(new Plan(project(code, name, company, official, town, zone, type, investment, start, finish,
                    location), bounds, stuck ? current - 1 : current, percent, stuck, false));
        }

        List<Project> created = new ArrayList<>();
        for (Plan plan : plans) {
            long id = store.insert(plan.project(), time.now());
            for (int s = 0; s < n; s++) {
                store.insertStage(id, template.get(s), plan.bounds().get(s), plan.bounds().get(s + 1));
            }
            List<StagePlan> stages = store.stages(id);
            for (StagePlan s : stages) {
                int index = s.sortOrder() - 1;
                if (index < plan.current() || plan.finished()) {
                    LocalDate done = s.deadline().minusDays(r.nextInt(12) - 3);
                    store.updateStage(s.id(), s.plannedStart(), s.deadline(), done.isAfter(today) ? today : done, 100);
                } else if (index == plan.current()) {
                    store.updateStage(s.id(), s.plannedStart(), s.deadline(), null, plan.percent());
                }
            }
            store.addMember(id, plan.project().officialId(), plan.project().officialName(), MemberRole.OFFICIAL);
            if ("guangchen".equals(plan.project().townCode())) {
                store.addMember(id, people.leader().id(), people.leader().name(), MemberRole.LEADER);
            }
            if (plan.project().code().equals("NK-001")) {
                store.addMember(id, people.ownerRep().id(), people.ownerRep().name(), MemberRole.OWNER_REP);
            }
            created.add(store.find(id).orElseThrow());
        }
        Map<String, Long> siteIds = sites.register(created);
        created.forEach(p -> store.setSiteVenue(p.id(), siteIds.get(p.code())));

        for (Project p : created) {
            history(p, r, today);
            visitsAndReports(p, store.stages(p.id()), r, today, people);
        }
        problems(created, r, today, people);
        channel(created, today, people);
        colours.refreshAll();
        if (ProjectTime.isWorkingDay(today)) {
            sheets.generate(today, "system");
        }
        return created.size();
    }

    private static NewProject project(String code, String name, String company, Person official, Town town, boolean zone,
            ProjectType type, long investment, LocalDate start, LocalDate finish, String location) {
        return new NewProject(code, name, company, official.id(), official.name(), town.code(), zone ? "农开区" : null, type,
                investment, start, finish, location);
    }

    /** Stage boundaries: {@code count} stages evenly from start to split, then the rest as given. */
    private static List<LocalDate> evenly(LocalDate start, LocalDate split, int count, LocalDate... rest) {
        List<LocalDate> bounds = new ArrayList<>();
        long total = ChronoUnit.DAYS.between(start, split);
        for (int i = 0; i <= count; i++) {
            bounds.add(start.plusDays(total * i / count));
        }
        bounds.addAll(List.of(rest));
        return bounds;
    }

    private static StagePlan stage(List<LocalDate> bounds, int index, int percent, LocalDate completed) {
        return new StagePlan(0, 0, "X", index + 1, bounds.get(index), bounds.get(index + 1), completed, percent,
                StageColour.GREEN);
    }

    /** A few weeks of daily colours, ending in the colour the rules give today (one earlier change for some). */
    private void history(Project p, Random r, LocalDate today) {
        StageColour now = colours.rules().project(store.stages(p.id()), today);
        LocalDate from = today.minusDays(35);
        StageColour before = r.nextInt(100) < 40 ? StageColour.values()[r.nextInt(3)] : now;
        LocalDate change = today.minusDays(2 + r.nextInt(28));
        store.recordColourChange(p.id(), null, null, before, from, at(from, 8, 0));
        if (before != now) {
            store.recordColourChange(p.id(), null, before, now, change, at(change, 0, 5));
        }
        for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
            store.snapshotColour(p.id(), d, d.isBefore(change) ? before : now);
        }
        store.setProjectColour(p.id(), now);
        for (StagePlan stage : store.stages(p.id())) {
            store.setStageColour(stage.id(), colours.rules().stage(stage, today));
        }
    }

    private void visitsAndReports(Project p, List<StagePlan> stages, Random r, LocalDate today, People people) {
        StagePlan current = ProjectService.current(stages).orElse(null);
        if (current == null || p.plannedStart().isAfter(today)) {
            return;
        }
        boolean diligent = r.nextInt(100) < 85;
        boolean named = p.code().equals("NK-001") || p.code().equals("NK-002");
        for (LocalDate d = today.minusDays(28); !d.isAfter(today); d = d.plusDays(1)) {
            if (!ProjectTime.isWorkingDay(d)) {
                continue;
            }
            boolean onSite = named || r.nextInt(100) < (diligent ? 90 : 35);
            if (d.equals(today) && !named) {
                onSite = diligent && r.nextBoolean();
            }
            if (onSite) {
                jdbc.sql("""
                        INSERT INTO project_site_visit (project_id, user_id, user_name, day, arrived_at)
                        VALUES (:p, :u, :n, :d, :at)""")
                        .param("p", p.id()).param("u", p.officialId()).param("n", p.officialName())
                        .param("d", d.toString()).param("at", DbTime.toDb(at(d, 7, 40 + r.nextInt(60)))).update();
            }
            if (d.isAfter(today.minusDays(12)) && (named || onSite && r.nextInt(100) < 60) && !d.equals(today)) {
                String[] work = STAGE_WORK.get(current.stageCode());
                String body = work[r.nextInt(work.length)] + "，" + (named ? namedProgress(p, d, today) : "现场施工人员 "
                        + (10 + r.nextInt(60)) + " 人，进度正常");
                String plan = "继续" + work[r.nextInt(work.length)];
                long id = jdbc.sql("""
                        INSERT INTO project_report (project_id, author_id, author_name, body, plan, day, created_at)
                        VALUES (:p, :a, :n, :b, :plan, :d, :at) RETURNING id""")
                        .param("p", p.id()).param("a", p.officialId()).param("n", p.officialName()).param("b", body)
                        .param("plan", plan).param("d", d.toString()).param("at", DbTime.toDb(at(d, 16, r.nextInt(50))))
                        .query(Long.class).single();
                if (named && d.isAfter(today.minusDays(5))) {
                    byte[] photo = p.code().equals("NK-001")
                            ? (d.getDayOfMonth() % 2 == 0 ? DemoPictures.strawberries(id) : DemoPictures.greenhouses(id))
                            : DemoPictures.building(id);
                    attachments.save("REPORT", id, p.id(), List.of(new Attachments.Checked("现场" + d + ".jpg",
                            MediaType.JPEG, photo)));
                }
            }
        }
    }

    private static String namedProgress(Project p, LocalDate d, LocalDate today) {
        if (p.code().equals("NK-001")) {
            return "首批近 50 万株草莓种苗育苗中（红颜、妙香 4 号等 5 个品种），试验田草莓进入采摘";
        }
        return "主体建设已全部完成，内部隔间内装施工中，设施设备陆续进场安装";
    }

    private void problems(List<Project> projects, Random r, LocalDate today, People people) {
        List<Project> active = projects.stream().filter(p -> !p.plannedStart().isAfter(today)).toList();
        ProblemStatus[] states = {ProblemStatus.RAISED, ProblemStatus.RAISED, ProblemStatus.RAISED, ProblemStatus.RAISED,
            ProblemStatus.ASSIGNED, ProblemStatus.ASSIGNED, ProblemStatus.ASSIGNED, ProblemStatus.ASSIGNED,
            ProblemStatus.ASSIGNED, ProblemStatus.ASSIGNED, ProblemStatus.IN_PROGRESS, ProblemStatus.IN_PROGRESS,
            ProblemStatus.IN_PROGRESS, ProblemStatus.IN_PROGRESS, ProblemStatus.IN_PROGRESS, ProblemStatus.IN_PROGRESS,
            ProblemStatus.RESOLVED, ProblemStatus.RESOLVED, ProblemStatus.RESOLVED, ProblemStatus.RESOLVED,
            ProblemStatus.REOPENED, ProblemStatus.REOPENED, ProblemStatus.REOPENED};
        int count = 0;
        for (int i = 0; i < 44; i++) {
            ProblemStatus target = i < states.length ? states[i] : ProblemStatus.CLOSED;
            Project p = i == 0 ? projects.getFirst() : i == 1 ? projects.get(1) : active.get(r.nextInt(active.size()));
            ProblemCategory category = ProblemCategory.values()[r.nextInt(ProblemCategory.values().length)];
            String[] titles = PROBLEMS.get(category);
            String title = titles[r.nextInt(titles.length)];
            boolean owner = p.code().equals("NK-001");
            Person raiser = owner ? people.ownerRep() : new Person(p.officialId(), p.officialName());
            LocalDate raised = today.minusDays(1 + r.nextInt(30));
            long id = jdbc.sql("""
                    INSERT INTO project_problem (project_id, title, description, category, needs_coordination, status,
                        raised_by_id, raised_by_name, raised_at, updated_at)
                    VALUES (:p, :t, :d, :c, :n, 'RAISED', :by, :name, :at, :at) RETURNING id""")
                    .param("p", p.id()).param("t", title).param("d", title + "，影响" + "项目推进，请协调解决。")
                    .param("c", category.name()).param("n", r.nextInt(4) == 0 ? 1 : 0).param("by", raiser.id())
                    .param("name", raiser.name()).param("at", DbTime.toDb(at(raised, 9, r.nextInt(50))))
                    .query(Long.class).single();
            event(id, "RAISED", null, ProblemStatus.RAISED, raiser.name(), null, raised, 9);
            count++;
            if (target == ProblemStatus.RAISED) {
                continue;
            }
            LocalDate assigned = raised.plusDays(r.nextInt(2));
            if (assigned.isAfter(today)) {
                assigned = today;
            }
            String department = i % 3 == 0 ? "HOUSING" : DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
            LocalDate deadline = assigned.plusDays(3 + r.nextInt(12));
            String oral = r.nextInt(3) == 0 ? "副镇长 张建华" : null;
            String instruction = "请" + department(department) + "于 " + deadline + " 前协调解决并反馈";
            jdbc.sql("""
                    UPDATE project_problem SET deadline = :d, instruction = :i, oral_by = :o, status = 'ASSIGNED'
                    WHERE id = :id""")
                    .param("d", deadline.toString()).param("i", instruction).param("o", oral).param("id", id).update();
            jdbc.sql("INSERT INTO project_problem_department (problem_id, department_code) VALUES (:id, :d)")
                    .param("id", id).param("d", department).update();
            event(id, "ASSIGN", ProblemStatus.RAISED, ProblemStatus.ASSIGNED, "督考办 顾明",
                    department + " ≤" + deadline + (oral == null ? "" : " oral=" + oral) + ": " + instruction, assigned, 10);
            ProblemStatus status = ProblemStatus.ASSIGNED;
            LocalDate day = assigned;
            if (target != ProblemStatus.ASSIGNED) {
                day = min(day.plusDays(1), today);
                event(id, "START", status, ProblemStatus.IN_PROGRESS, department(department), null, day, 11);
                status = ProblemStatus.IN_PROGRESS;
            }
            if (target == ProblemStatus.RESOLVED || target == ProblemStatus.CLOSED || target == ProblemStatus.REOPENED) {
                day = min(day.plusDays(1 + r.nextInt(deadline.isAfter(day) ? (int) ChronoUnit.DAYS.between(day, deadline) + 3 : 3)), today);
                event(id, "RESOLVE", status, ProblemStatus.RESOLVED, department(department), "已协调完成", day, 15);
                status = ProblemStatus.RESOLVED;
            }
            if (target == ProblemStatus.CLOSED || target == ProblemStatus.REOPENED) {
                day = min(day.plusDays(1), today);
                event(id, "VERIFY", status, ProblemStatus.CLOSED, raiser.name(), null, day, 16);
                status = ProblemStatus.CLOSED;
            }
            if (target == ProblemStatus.REOPENED) {
                event(id, "REOPEN", status, ProblemStatus.REOPENED, "督考办 顾明", "现场核查问题仍未解决", day, 17);
                status = ProblemStatus.REOPENED;
            }
            if (status.isOpen() && deadline.isBefore(today)) {
                for (LocalDate d = deadline.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
                    event(id, "OVERDUE", null, null, "system", null, d, 0);
                }
                if (r.nextInt(3) == 0) {
                    event(id, "NOTE", null, null, "督考办 顾明", "已超期，请加快办理并说明原因", today.minusDays(1).isBefore(deadline)
                            ? today : today.minusDays(1), 9);
                }
            }
            jdbc.sql("UPDATE project_problem SET status = :s WHERE id = :id").param("s", status.name()).param("id", id)
                    .update();
        }
    }

    private static String department(String code) {
        return switch (code) {
            case "DRC" -> "发改局";
            case "NATURAL_RES" -> "自然资源规划局";
            case "HOUSING" -> "住建局";
            case "ECONOMY" -> "经信局";
            case "ENVIRONMENT" -> "生态环境分局";
            case "AGRICULTURE" -> "农业农村局";
            case "APPROVALS" -> "行政审批局";
            case "POWER" -> "供电公司";
            case "WATER" -> "水务集团";
            default -> "交通运输局";
        };
    }

    private void channel(List<Project> projects, LocalDate today, People people) {
        Project strawberry = projects.getFirst();
        Person owner = people.ownerRep();
        message(strawberry, people.leader().id(), people.leader().name(), "各位早，今天 8:30 在项目现场碰头，@" + shortName(strawberry.officialName())
                + " 请准备好二期大棚用电方案", today.minusDays(2), 8);
        message(strawberry, owner.id(), owner.name(), "二期大棚 10kV 线路施工需要供电公司尽快排期，目前影响设备安装", today.minusDays(2), 9);
        message(strawberry, strawberry.officialId(), strawberry.officialName(), "收到，已联系供电公司，明天现场踏勘", today.minusDays(2), 10);
        message(strawberry, owner.id(), owner.name(), "首批种苗长势良好，红颜、妙香 4 号预计 3、4 月上市", today.minusDays(1), 15);
        Project seeds = projects.get(1);
        message(seeds, seeds.officialId(), seeds.officialName(), "正月初七已复工，主体全部完成，内装施工中", today.minusDays(3), 9);
        message(seeds, people.leader().id(), people.leader().name(), "设备进场请提前报备大件运输路线", today.minusDays(1), 11);
    }

    private static String shortName(String name) {
        return name.contains(" ") ? name.substring(name.lastIndexOf(' ') + 1) : name;
    }

    private void message(Project p, long authorId, String author, String body, LocalDate day, int hour) {
        jdbc.sql("""
                INSERT INTO project_message (project_id, author_id, author_name, body, created_at)
                VALUES (:p, :a, :n, :b, :at)""")
                .param("p", p.id()).param("a", authorId).param("n", author).param("b", body)
                .param("at", DbTime.toDb(at(day, hour, 0))).update();
    }

    private void event(long problemId, String kind, ProblemStatus from, ProblemStatus to, String actor, String note,
            LocalDate day, int hour) {
        jdbc.sql("""
                INSERT INTO project_problem_event (problem_id, kind, from_status, to_status, actor, note, day, at)
                VALUES (:p, :k, :f, :t, :a, :n, :d, :at)""")
                .param("p", problemId).param("k", kind).param("f", from == null ? null : from.name())
                .param("t", to == null ? null : to.name()).param("a", actor).param("n", note).param("d", day.toString())
                .param("at", DbTime.toDb(at(day, hour, 0))).update();
    }

    private java.time.Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, Math.min(59, minute))).atZone(time.zone()).toInstant();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
