package org.jiaxing.checkin;

import java.util.List;
import java.util.Locale;

/**
 * What other modules tell a visitor on the scan result and on "my records" (implemented by tracing, which
 * depends on this module, so there is no cycle). Both lists are newest first.
 */
public interface VisitorNotices {

    /** Messages to the person, such as a status change by an investigation. */
    List<VisitorNotice> messages(long personId, Locale locale);

    /** Who looked at or changed the person's data: the official's role and unit and when, never a name. */
    List<VisitorNotice> accesses(long personId, Locale locale);
}
