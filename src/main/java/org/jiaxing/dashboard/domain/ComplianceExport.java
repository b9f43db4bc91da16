package org.jiaxing.dashboard.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jiaxing.dashboard.domain.DashboardViews.ComplianceRow;
import org.jiaxing.shared.csv.TableExport;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The compliance list as a spreadsheet for inspectors (CSV or XLSX, formula-neutralised cells). */
@Component
public class ComplianceExport {

    private final MessageSource messages;

    ComplianceExport(MessageSource messages) {
        this.messages = messages;
    }

    public void write(String format, List<ComplianceRow> rows, Locale locale, OutputStream out) throws IOException {
        List<String> header = List.of("code", "name", "category", "town", "today", "yesterday", "median7", "mean7",
                "expected", "scanRate", "findings").stream()
                .map(column -> messages.getMessage("dashboard.export." + column, null, locale)).toList();
        List<List<String>> table = new ArrayList<>();
        for (ComplianceRow row : rows) {
            table.add(List.of(row.code(), row.name(), row.category(), row.town(), Long.toString(row.today()),
                    Long.toString(row.yesterday()), Long.toString(row.median()), String.format(Locale.ROOT, "%.1f", row.mean7()),
                    row.expectedDailyVisitors() == null ? "" : row.expectedDailyVisitors().toString(),
                    row.scanRate() == null ? "" : String.format(Locale.ROOT, "%.2f", row.scanRate()),
                    row.findings().stream().map(f -> messages.getMessage("dashboard.finding." + f.name(), null, locale))
                            .collect(Collectors.joining("; "))));
        }
        if ("xlsx".equals(format)) {
            TableExport.xlsx("compliance", header, table, out);
        } else {
            TableExport.csv(header, table, out);
        }
    }
}
