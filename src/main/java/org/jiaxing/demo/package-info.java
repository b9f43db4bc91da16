/** First-run demo data: the Pinghu venue set, one login per role, and the key projects. Depends on venue, account and project. */
package org.jiaxing.demo;
