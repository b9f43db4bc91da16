package org.jiaxing.project.domain;

import java.time.LocalDate;
import org.jiaxing.project.ProjectType;

/** What it takes to register a key project; its stages are planned evenly between start and finish. */
public record NewProject(String code, String name, String ownerCompany, long officialId, String officialName,
        String townCode, String zoneName, ProjectType type, long investmentWan, LocalDate plannedStart,
        LocalDate plannedFinish, String location) {
}
