/**
 * The dashboard (数据看板): coverage, scan statistics, venues not enforcing scanning, and fraud flags, for
 * CITY_ADMIN (the city) and TOWN_ADMIN (their town). Rollups per venue per hour and day are kept current
 * from {@link org.jiaxing.checkin.CheckinRecorded} events and rebuilt from the check-in table on start or
 * on demand; no view reads the check-in table. API: the expected failures {@link org.jiaxing.dashboard.DashboardAccessDenied} and
 * {@link org.jiaxing.dashboard.InvalidDashboardQuery}.
 */
package org.jiaxing.dashboard;
