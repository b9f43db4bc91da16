package org.jiaxing.venue.web;

import org.jiaxing.venue.VenueDraft;
import org.jiaxing.venue.domain.VenueInput;

/**
 * What the venue form posts, as text: numbers that do not parse are reported next to their field
 * instead of failing the binding. Kept apart from the domain so a form can never set an id or a status.
 */
public class VenueForm {

    private String code;
    private String name;
    private String categoryCode;
    private String townCode;
    private String address;
    private String longitude;
    private String latitude;
    private String contactName;
    private String contactPhone;
    private String openingHours;
    private String expectedDailyVisitors;

    static VenueForm of(VenueDraft draft) {
        VenueInput input = VenueInput.of(draft);
        VenueForm form = new VenueForm();
        form.code = input.code();
        form.name = input.name();
        form.categoryCode = input.categoryCode();
        form.townCode = input.townCode();
        form.address = input.address();
        form.longitude = input.longitude();
        form.latitude = input.latitude();
        form.contactName = input.contactName();
        form.contactPhone = input.contactPhone();
        form.openingHours = input.openingHours();
        form.expectedDailyVisitors = input.expectedDailyVisitors();
        return form;
    }

    VenueInput toInput() {
        return new VenueInput(code, name, categoryCode, townCode, address, longitude, latitude, contactName,
                contactPhone, openingHours, expectedDailyVisitors);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String categoryCode) { this.categoryCode = categoryCode; }
    public String getTownCode() { return townCode; }
    public void setTownCode(String townCode) { this.townCode = townCode; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String longitude) { this.longitude = longitude; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String latitude) { this.latitude = latitude; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getOpeningHours() { return openingHours; }
    public void setOpeningHours(String openingHours) { this.openingHours = openingHours; }
    public String getExpectedDailyVisitors() { return expectedDailyVisitors; }
    public void setExpectedDailyVisitors(String expectedDailyVisitors) { this.expectedDailyVisitors = expectedDailyVisitors; }
}
