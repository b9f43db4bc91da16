/**
 * The key-venue registry (重点场所): venues, the 32 categories with their tracing parameters, CRUD
 * pages and REST API, CSV/XLSX import and export. API: {@link org.jiaxing.venue.VenueDirectory}.
 */
package org.jiaxing.venue;
