package org.jiaxing.tracing.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jiaxing.account.StaffAccounts;
import org.jiaxing.account.StaffUnit;
import org.jiaxing.audit.AuditLog;
import org.jiaxing.audit.AuditRecord;
import org.jiaxing.checkin.VisitorNotice;
import org.jiaxing.checkin.VisitorNotices;
import org.jiaxing.org.Town;
import org.jiaxing.org.Towns;
import org.jiaxing.shared.JiaxingProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a person sees of tracing on their own pages: the message of a status change, and every time an
 * official looked them up or changed their data, from the audit trail, with the official's role and unit
 * (town, or city level) but never their name.
 */
@Component
class VisitorTransparency implements VisitorNotices {

    static final Duration SHOWN = Duration.ofDays(28);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Outbox outbox;
    private final AuditLog audit;
    private final StaffAccounts accounts;
    private final Towns towns;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    VisitorTransparency(Outbox outbox, AuditLog audit, StaffAccounts accounts, Towns towns, MessageSource messages,
            Clock clock, JiaxingProperties platform) {
        this.outbox = outbox;
        this.audit = audit;
        this.accounts = accounts;
        this.towns = towns;
        this.messages = messages;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Override
    public List<VisitorNotice> messages(long personId, Locale locale) {
        return outbox.forPerson(personId, clock.instant().minus(SHOWN)).stream()
                .map(n -> new VisitorNotice(n.createdAt(), messages.getMessage("tracing.notice.message", new Object[] {
                        n.investigationId(), text("tracing.level." + n.level(), locale),
                        text("tracing.colour." + n.colour(), locale), DAY.format(n.until().atZone(zone))}, locale)))
                .toList();
    }

    @Override
    public List<VisitorNotice> accesses(long personId, Locale locale) {
        return audit.forSubject("person", Long.toString(personId)).reversed().stream()
                .flatMap(entry -> access(entry, locale).stream())
                .toList();
    }

    private Optional<VisitorNotice> access(AuditRecord entry, Locale locale) {
        Optional<StaffUnit> unit = accounts.unitOf(entry.actor());
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        String unitName = Optional.ofNullable(unit.get().townCode()).flatMap(towns::byCode)
                .map((Town town) -> town.name(locale)).orElseGet(() -> text("tracing.unit.city", locale));
        String action = messages.getMessage("tracing.access." + entry.action(), null, null, locale);
        if (action == null) {
            action = text("tracing.access.other", locale);
        }
        return Optional.of(new VisitorNotice(entry.at(), messages.getMessage("tracing.access.line",
                new Object[] {text("tracing.role." + unit.get().role(), locale), unitName, action}, locale)));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
