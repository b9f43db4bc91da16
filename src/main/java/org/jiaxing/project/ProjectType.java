package org.jiaxing.project;

/** What kind of key project it is. */
public enum ProjectType {
    INDUSTRIAL, AGRICULTURAL, INFRASTRUCTURE, PUBLIC_SERVICE
}
