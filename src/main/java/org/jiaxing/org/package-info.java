/** Organisation: the city's towns and subdistricts (and, later, departments). */
package org.jiaxing.org;
