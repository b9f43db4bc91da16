/**
 * Precise tracing (精准追溯): investigations of one or many cases with the exact contact rules of issue 4
 * (CLOSE, SECONDARY, EXPOSED, risk venues), the category parameters as city-editable rules, four-eyes
 * reveal of contacts' identities, export, and applying the result as health statuses with notifications.
 * Reads check-ins only through {@link org.jiaxing.checkin.PresenceIndex} (in memory, once loaded) or
 * {@link org.jiaxing.checkin.CheckinQueries}; every step is audited.
 * API: the expected failures ({@link org.jiaxing.tracing.InvestigationNotFound},
 * {@link org.jiaxing.tracing.InvalidInvestigation}, {@link org.jiaxing.tracing.TracingRefused}).
 */
package org.jiaxing.tracing;
