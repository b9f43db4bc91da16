package org.jiaxing.tracing.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.jiaxing.shared.csv.TableExport;

/**
 * The revealed contact list, one row per evidence item, written by {@link TableExport} (CSV with BOM or XLSX,
 * formula cells neutralised: names come from visitors and could start with {@code =}).
 */
public final class ContactSheet {

    public static final List<String> HEADER = List.of("level", "name", "phone", "id_number", "evidence", "venue",
            "from", "to", "case_person_id", "via_person_id");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ContactSheet() {
    }

    public static List<List<String>> rows(List<RevealedContact> contacts, LongFunction<String> venueName, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RevealedContact revealed : contacts) {
            for (Evidence evidence : revealed.contact().evidence()) {
                rows.add(List.of(revealed.contact().level().name(), orEmpty(revealed.details().name()),
                        orEmpty(revealed.details().phone()), orEmpty(revealed.details().idNumber()),
                        evidence.kind().name(), venueName.apply(evidence.venueId()),
                        time(evidence.from(), zone), time(evidence.to(), zone), Long.toString(evidence.casePersonId()),
                        evidence.viaPersonId() == null ? "" : Long.toString(evidence.viaPersonId())));
            }
        }
        return rows;
    }

    public static void csv(List<List<String>> rows, OutputStream out) throws IOException {
        TableExport.csv(rows.getFirst(), rows.subList(1, rows.size()), out);
    }

    public static void xlsx(List<List<String>> rows, OutputStream out) throws IOException {
        TableExport.xlsx("contacts", rows.getFirst(), rows.subList(1, rows.size()), out);
    }

    private static String time(long epochSecond, ZoneId zone) {
        return TIME.format(Instant.ofEpochSecond(epochSecond).atZone(zone));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
