/** First-run demo data: the Pinghu venue set and one login per role. Depends on venue and account. */
package org.jiaxing.demo;
