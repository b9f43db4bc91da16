package org.jiaxing.dashboard.domain;

import java.time.Instant;
import org.jiaxing.health.HealthColour;
import org.jiaxing.health.HealthStatus;
import org.jiaxing.health.HealthStatuses;
import org.springframework.stereotype.Component;

/**
 * The colour an entrant had at the door. The check-in table keeps only "refused": an admitted check-in was
 * GREEN (only GREEN enters). A refused one was YELLOW or RED; which one is read from the person's status
 * history at the check-in time, else their current status, else YELLOW (docs/DECISIONS.md, "Dashboard
 * colours"). Refusals are rare, so the history read per refused check-in costs little; live counting and
 * rebuilds both use this, so they agree as long as the history is not edited in between.
 */
@Component
public class ColourAttribution {

    private final HealthStatuses statuses;

    ColourAttribution(HealthStatuses statuses) {
        this.statuses = statuses;
    }

    public HealthColour refused(long personId, Instant at) {
        for (HealthStatus status : statuses.history(personId)) {
            if (status.since() != null && !status.since().isAfter(at)) {
                HealthColour then = status.at(at).colour();
                if (then.refusesEntry()) {
                    return then;
                }
                break;
            }
        }
        HealthColour now = statuses.current(personId).colour();
        return now.refusesEntry() ? now : HealthColour.YELLOW;
    }
}
