package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.Locale;
import org.jiaxing.project.ProjectType;
import org.jiaxing.project.StageColour;

/** A key project as stored. {@code investmentWan} is in 万元. */
public record Project(long id, String code, String name, String ownerCompany, long officialId, String officialName,
        String townCode, String zoneName, ProjectType type, long investmentWan, LocalDate plannedStart,
        LocalDate plannedFinish, String location, Long siteVenueId, StageColour colour) {

    /** 农开区（广陈镇） style label. */
    public String area(String townName) {
        return zoneName == null ? townName : zoneName + "（" + townName + "）";
    }

    public String typeKey() {
        return "project.type." + type.name();
    }

    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
