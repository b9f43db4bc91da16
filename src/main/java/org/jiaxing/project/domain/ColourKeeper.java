package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jiaxing.project.StageColour;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the stored colours equal to what {@link ColourRules} say for today, and records every change
 * with its date (history) plus one colour per project per day (charts). Runs after every change to a
 * project's stages and once a day for all projects (deadlines pass without anybody touching anything).
 */
@Component
public class ColourKeeper {

    private final ProjectStore store;
    private final ColourRules rules;
    private final ProjectTime time;
    private final AtomicReference<LocalDate> refreshedFor = new AtomicReference<>();

    ColourKeeper(ProjectStore store, ProjectProperties properties, ProjectTime time) {
        this.store = store;
        this.rules = ColourRules.of(properties);
        this.time = time;
    }

    public ColourRules rules() {
        return rules;
    }

    @Transactional
    public StageColour refresh(long projectId) {
        Project project = store.find(projectId).orElseThrow();
        return refresh(project, store.stages(projectId), time.today());
    }

    /** Every project, when the day has changed since the last full refresh (cheap to call on every page). */
    public void refreshIfNewDay() {
        LocalDate today = time.today();
        if (!today.equals(refreshedFor.get())) {
            refreshAll();
        }
    }

    @Transactional
    public synchronized void refreshAll() {
        LocalDate today = time.today();
        Map<Long, List<StagePlan>> stages = store.allStages().stream()
                .collect(Collectors.groupingBy(StagePlan::projectId));
        for (Project project : store.all()) {
            refresh(project, stages.getOrDefault(project.id(), List.of()), today);
        }
        refreshedFor.set(today);
    }

    private StageColour refresh(Project project, List<StagePlan> stages, LocalDate today) {
        for (StagePlan stage : stages) {
            StageColour colour = rules.stage(stage, today);
            if (colour != stage.colour()) {
                store.setStageColour(stage.id(), colour);
                store.recordColourChange(project.id(), stage.stageCode(), stage.colour(), colour, today, time.now());
            }
        }
        StageColour colour = rules.project(stages, today);
        if (colour != project.colour()) {
            store.setProjectColour(project.id(), colour);
            store.recordColourChange(project.id(), null, project.colour(), colour, today, time.now());
        }
        store.snapshotColour(project.id(), today, colour);
        return colour;
    }
}
