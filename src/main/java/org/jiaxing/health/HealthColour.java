package org.jiaxing.health;

/** The three colours of the health code, as the door shows them. */
public enum HealthColour {
    GREEN,
    /** At risk (for example a secondary contact): stays out of venues until cleared or expired. */
    YELLOW,
    /** Case or close contact: stays out of venues. */
    RED;

    /** Whether a venue must turn this person away. */
    public boolean refusesEntry() {
        return this != GREEN;
    }
}
