/** First-run demo data: the Pinghu venue set and one login per role. Depends on venue, account,
 * and for the check-in history on checkin, person and health. */
package org.jiaxing.demo;
