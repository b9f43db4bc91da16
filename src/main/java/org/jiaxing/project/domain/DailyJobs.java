package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Driven by the injected clock, checked every minute: once a day re-colour every project (deadlines pass
 * by themselves) and flag overdue problems; on working days at the configured time, generate the
 * morning meeting sheet if there is none yet. The first check runs {@code jiaxing.project.tick-delay} after
 * start-up (20 s).
 */
@Component
public class DailyJobs {

    private static final Logger log = LoggerFactory.getLogger(DailyJobs.class);

    private final ColourKeeper colours;
    private final ProblemService problems;
    private final MorningSheets sheets;
    private final ProjectTime time;
    private final ProjectProperties properties;
    private final AtomicReference<LocalDate> flaggedFor = new AtomicReference<>();

    DailyJobs(ColourKeeper colours, ProblemService problems, MorningSheets sheets, ProjectTime time,
            ProjectProperties properties) {
        this.colours = colours;
        this.problems = problems;
        this.sheets = sheets;
        this.time = time;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${jiaxing.project.tick-delay:PT20S}", fixedDelayString = "PT1M")
    public void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Daily project jobs failed; retried in a minute", e);
        }
    }

    /** One pass; returns true when a morning sheet was generated. */
    public boolean run() {
        LocalDate today = time.today();
        colours.refreshIfNewDay();
        if (!today.equals(flaggedFor.get())) {
            int flagged = problems.flagOverdue();
            flaggedFor.set(today);
            if (flagged > 0) {
                log.info("{} overdue problems flagged for {}", flagged, today);
            }
        }
        if (ProjectTime.isWorkingDay(today) && !time.localNow().toLocalTime().isBefore(properties.morningSheetTime())
                && !sheets.exists(today)) {
            sheets.generate(today, "system");
            log.info("Morning meeting sheet for {} generated", today);
            return true;
        }
        return false;
    }
}
