package org.jiaxing.person.domain;

import java.time.Clock;
import java.util.List;
import org.jiaxing.person.Companions;
import org.jiaxing.person.InvalidPersonDetails;
import org.jiaxing.person.Person;
import org.jiaxing.person.PersonNotFound;
import org.jiaxing.person.Persons;
import org.jiaxing.shared.time.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Saved companions. The list is capped so that one visitor cannot collect half the city as "family". */
@Service
@Transactional
class CompanionService implements Companions {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final PersonStore store;
    private final PersonProperties properties;
    private final Clock clock;

    CompanionService(JdbcClient jdbc, Persons persons, PersonStore store, PersonProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void save(long ownerPersonId, long companionPersonId) {
        if (ownerPersonId == companionPersonId) {
            throw InvalidPersonDetails.of("companion", "person.error.companion.self");
        }
        requireExists(ownerPersonId);
        requireExists(companionPersonId);
        if (saved(ownerPersonId, companionPersonId)) {
            return;
        }
        if (count(ownerPersonId) >= properties.maxCompanions()) {
            throw InvalidPersonDetails.of("companion", "person.error.companion.tooMany", properties.maxCompanions());
        }
        jdbc.sql("""
                INSERT INTO person_companion (owner_id, companion_id, added_at) VALUES (:owner, :companion, :at)
                ON CONFLICT (owner_id, companion_id) DO NOTHING""")
                .param("owner", ownerPersonId).param("companion", companionPersonId)
                .param("at", DbTime.toDb(clock.instant())).update();
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Person> of(long ownerPersonId) {
        List<Long> ids = jdbc.sql("""
                SELECT companion_id FROM person_companion WHERE owner_id = :owner ORDER BY added_at, companion_id""")
                .param("owner", ownerPersonId).query(Long.class).list();
        var found = persons.find(ids);
        return ids.stream().map(found::get).toList();
    }

    @Override
    public void remove(long owner, long companion) {
        jdbc.sql("DELETE FROM person_companion WHERE owner_id = :owner AND companion_id = :companion")
                .param("owner", owner).param("companion", companion).update();
    }

    private void requireExists(long personId) {
        if (!store.exists(personId)) {
            throw PersonNotFound.forId(personId);
        }
    }

    private boolean saved(long owner, long companion) {
        return jdbc.sql("SELECT COUNT(*) FROM person_companion WHERE owner_id = :owner AND companion_id = :companion")
                .param("owner", owner).param("companion", companion).query(Integer.class).single() > 0;
    }

    private int count(long owner) {
        return jdbc.sql("SELECT COUNT(*) FROM person_companion WHERE owner_id = :owner").param("owner", owner)
                .query(Integer.class).single();
    }
}
