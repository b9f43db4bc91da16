package org.jiaxing.bench.city;

/** A venue as the generator needs it: its database id, category, town and coordinates (NaN when unknown). */
record CityVenue(long id, String category, String town, double longitude, double latitude) {

    boolean located() {
        return !Double.isNaN(longitude) && !Double.isNaN(latitude);
    }

    /** Squared distance in degrees (longitude shrunk by cos 30.7°, Pinghu's latitude); only for ranking. */
    double distance2(CityVenue other) {
        double dx = (longitude - other.longitude) * 0.86;
        double dy = latitude - other.latitude;
        return dx * dx + dy * dy;
    }
}
