package org.jiaxing.project;

import java.util.List;
import java.util.Map;

/**
 * First-run demo data of the key-project module (used by the demo module, SQLite only): about 60 projects
 * in 农开区（广陈镇） and the other towns, across all stages and colours, with members, weeks of on-site days,
 * live reports, channel messages, problems in every state and colour history.
 */
public interface ProjectDemoData {

    boolean isEmpty();

    /** @return how many projects were seeded */
    int seed(People people, long seed);

    record Person(long id, String name) {
    }

    /**
     * @param officials       responsible officials (PROJECT_MEMBER accounts), used in turn
     * @param leader          the leader in charge of the 农开区 projects
     * @param ownerRep        owner representative of the strawberry seedling R&amp;D centre
     * @param departmentUsers DEPARTMENT accounts by department code
     */
    record People(List<Person> officials, Person leader, Person ownerRep, Map<String, Person> departmentUsers) {
    }
}
