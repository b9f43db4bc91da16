package org.jiaxing.project.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiaxing.account.StaffUser;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.project.StageColour;
import org.springframework.stereotype.Service;

/** 项目推进表: every project the user may see, its current stage, deadline, days left, percent and colour. */
@Service
public class ProgressTable {

    private final ProjectStore store;
    private final ProjectAccess access;
    private final ColourKeeper colours;
    private final SiteVisits visits;
    private final ProblemStore problems;
    private final Towns towns;
    private final ProjectTime time;

    ProgressTable(ProjectStore store, ProjectAccess access, ColourKeeper colours, SiteVisits visits,
            ProblemStore problems, Towns towns, ProjectTime time) {
        this.store = store;
        this.access = access;
        this.colours = colours;
        this.visits = visits;
        this.problems = problems;
        this.towns = towns;
        this.time = time;
    }

    public List<ProgressRow> rows(StaffUser user, ProgressQuery query, Locale locale) {
        colours.refreshIfNewDay();
        LocalDate today = time.today();
        Map<Long, List<StagePlan>> stages = store.allStages().stream()
                .collect(Collectors.groupingBy(StagePlan::projectId));
        Map<String, StageTemplate> template = store.template().stream()
                .collect(Collectors.toMap(StageTemplate::code, t -> t));
        Map<String, String> townNames = towns.all().stream().collect(Collectors.toMap(Town::code, t -> t.name(locale)));
        Map<Long, LocalDate> lastOnSite = visits.lastOfficialDays();
        Map<Long, Long> openProblems = problems.open().stream()
                .collect(Collectors.groupingBy(Problem::projectId, Collectors.counting()));
        String q = query.lowerQ();
        List<ProgressRow> rows = store.all().stream()
                .filter(p -> access.canView(p, user))
                .filter(p -> query.town() == null || query.town().equals(p.townCode()))
                .filter(p -> query.colour() == null || query.colour().equals(p.colour().name()))
                .filter(p -> query.type() == null || query.type().equals(p.type().name()))
                .filter(p -> q == null || p.lowerName().contains(q) || p.code().toLowerCase(Locale.ROOT).contains(q)
                        || p.ownerCompany().toLowerCase(Locale.ROOT).contains(q) || p.officialName().contains(query.q()))
                .map(p -> {
                    List<StagePlan> plans = stages.getOrDefault(p.id(), List.of());
                    StagePlan current = ProjectService.current(plans).orElse(null);
                    String townName = townNames.getOrDefault(p.townCode(), p.townCode());
                    return new ProgressRow(p, p.area(townName), current == null ? null : template.get(current.stageCode()),
                            current == null ? null : current.deadline(), current == null ? null : current.daysLeft(today),
                            current == null ? 100 : current.percent(), p.colour(),
                            visits.isAbsent(lastOnSite.get(p.id()), today),
                            openProblems.getOrDefault(p.id(), 0L).intValue());
                })
                .sorted(comparator(query))
                .toList();
        return rows;
    }

    private static Comparator<ProgressRow> comparator(ProgressQuery query) {
        Comparator<ProgressRow> byColour = Comparator.comparing((ProgressRow r) -> -r.colour().ordinal());
        Comparator<ProgressRow> byDays = Comparator.comparing(r -> r.daysLeft() == null ? Long.MAX_VALUE : r.daysLeft());
        Comparator<ProgressRow> primary = switch (query.sort()) {
            case "code" -> Comparator.comparing(r -> r.project().code());
            case "name" -> Comparator.comparing(r -> r.project().name());
            case "town" -> Comparator.comparing(ProgressRow::townName);
            case "stage" -> Comparator.comparing(r -> r.stage() == null ? Integer.MAX_VALUE : r.stage().sortOrder());
            case "deadline" -> Comparator.comparing(r -> r.deadline() == null ? LocalDate.MAX : r.deadline());
            case "days" -> byDays;
            case "percent" -> Comparator.comparing(ProgressRow::percent);
            case "owner" -> Comparator.comparing(r -> r.project().ownerCompany());
            default -> byColour.thenComparing(byDays);
        };
        if (query.desc()) {
            primary = primary.reversed();
        }
        return primary.thenComparing(r -> r.project().code());
    }

    public Map<StageColour, Long> counts(List<ProgressRow> rows) {
        Map<StageColour, Long> counts = new java.util.EnumMap<>(StageColour.class);
        for (StageColour c : StageColour.values()) {
            counts.put(c, rows.stream().filter(r -> r.colour() == c).count());
        }
        return counts;
    }
}
