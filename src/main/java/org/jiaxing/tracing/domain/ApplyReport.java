package org.jiaxing.tracing.domain;

/**
 * What applying an investigation did.
 *
 * @param changed persons whose status was set (and who were notified)
 * @param kept    persons left as they were because their current status was as strict or stricter
 */
public record ApplyReport(int changed, int kept) {
}
