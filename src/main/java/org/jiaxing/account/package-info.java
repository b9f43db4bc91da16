/**
 * Staff accounts: login, roles (CITY_ADMIN, TOWN_ADMIN, VENUE_STAFF, TRACER, SUPERVISOR) and their
 * scope (a town, a set of venues). API: {@link org.jiaxing.account.StaffUser},
 * {@link org.jiaxing.account.StaffAccounts}, {@link org.jiaxing.account.Role}.
 */
package org.jiaxing.account;
