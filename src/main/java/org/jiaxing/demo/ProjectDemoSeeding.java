package org.jiaxing.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaxing.account.NewStaffAccount;
import org.jiaxing.account.Passwords;
import org.jiaxing.account.Role;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.project.ProjectDemoData;
import org.jiaxing.project.ProjectDemoData.Person;
import org.jiaxing.shared.JiaxingProperties;
import org.jiaxing.shared.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First run with demo data on (SQLite only), after {@link DemoSeeding}: the key projects of 农开区（广陈镇）
 * and the other towns, with logins for responsible officials, the 农开区 leader, the owner representative of
 * the strawberry seedling R&amp;D centre and two departments. The logins are appended to demo-logins.txt.
 */
@Component
@Order(1)
class ProjectDemoSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectDemoSeeding.class);

    private final JiaxingProperties properties;
    private final Database database;
    private final StaffAccounts accounts;
    private final ProjectDemoData projects;

    ProjectDemoSeeding(JiaxingProperties properties, Database database, StaffAccounts accounts,
            ProjectDemoData projects) {
        this.properties = properties;
        this.database = database;
        this.accounts = accounts;
        this.projects = projects;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled() || !database.isSqlite() || !projects.isEmpty() || accounts.exists("owner")) {
            return;
        }
        long started = System.nanoTime();
        List<DemoSeeding.DemoLogin> logins = new ArrayList<>();
        List<Person> officials = List.of(
                create("official", "农开区 朱振华", Role.PROJECT_MEMBER, logins),
                create("official2", "农开区 沈丽娟", Role.PROJECT_MEMBER, logins),
                create("official3", "当湖街道 顾建平", Role.PROJECT_MEMBER, logins),
                create("official4", "乍浦镇 张海峰", Role.PROJECT_MEMBER, logins));
        Person leader = create("leader", "农开区分管领导 徐卫东", Role.PROJECT_MEMBER, logins);
        Person owner = create("owner", "草莓种源中心业主代表 王佳", Role.PROJECT_MEMBER, logins);
        Map<String, Person> departments = new LinkedHashMap<>();
        departments.put("HOUSING", create("housing", "住建局 钱立新", Role.DEPARTMENT, logins));
        departments.put("POWER", create("power", "供电公司 陈斌", Role.DEPARTMENT, logins));
        int seeded = projects.seed(new ProjectDemoData.People(officials, leader, owner, departments), DemoSeeding.SEED);
        appendLogins(logins);
        log.info("Demo data: {} key projects seeded in {} ms", seeded, (System.nanoTime() - started) / 1_000_000);
    }

    private Person create(String username, String name, Role role, List<DemoSeeding.DemoLogin> logins) {
        String password = Passwords.generate();
        long id = accounts.create(NewStaffAccount.of(username, name, password, role));
        logins.add(new DemoSeeding.DemoLogin(username, password, role, name));
        return new Person(id, name);
    }

    private void appendLogins(List<DemoSeeding.DemoLogin> logins) {
        StringBuilder text = new StringBuilder("Key-project demo logins (supervisor = 督考办)\n");
        logins.forEach(login -> text.append(login.line()).append('\n'));
        Path file = properties.dataDir().resolve(DemoSeeding.LOGINS_FILE);
        try {
            Files.createDirectories(properties.dataDir());
            if (Files.exists(file)) {
                Files.writeString(file, text, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text);
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        log.warn("\n\n{}", text);
    }
}
