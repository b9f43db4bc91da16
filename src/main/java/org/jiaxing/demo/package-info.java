/** First-run demo data: the Pinghu venue set, one login per role, the key projects and a few days of check-ins.
 * Depends on venue, account, project, and for the check-in history on checkin, person and health. */
package org.jiaxing.demo;
