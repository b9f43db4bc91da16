package org.jiaxing.project.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The departments and which DEPARTMENT accounts act for which department. */
@Component
public class Departments {

    private final JdbcClient jdbc;

    Departments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Department> all() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM department ORDER BY sort_order")
                .query((rs, row) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public Map<String, Department> byCode() {
        Map<String, Department> map = new LinkedHashMap<>();
        all().forEach(d -> map.put(d.code(), d));
        return map;
    }

    public Optional<Department> find(String code) {
        return all().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** Departments the account acts for (a DEPARTMENT account normally has exactly one). */
    public Set<String> of(long userId) {
        return new TreeSet<>(jdbc.sql("SELECT department_code FROM department_user WHERE user_id = :u")
                .param("u", userId).query(String.class).list());
    }

    public void addUser(String departmentCode, long userId) {
        jdbc.sql("""
                INSERT INTO department_user (department_code, user_id) VALUES (:d, :u)
                ON CONFLICT (department_code, user_id) DO NOTHING""")
                .param("d", departmentCode).param("u", userId).update();
    }
}
