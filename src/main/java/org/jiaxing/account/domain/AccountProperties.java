package org.jiaxing.account.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param initialAdminPassword password of the first CITY_ADMIN when demo data is off; when empty a
 *                             password is generated and printed once
 */
@ConfigurationProperties("jiaxing.account")
record AccountProperties(String initialAdminPassword) {
}
