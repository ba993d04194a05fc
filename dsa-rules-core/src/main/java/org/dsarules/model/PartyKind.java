package org.dsarules.model;

/** What kind of organisation a party is. Values as in {@code record-format.md}. */
public enum PartyKind {
    GP_PRACTICE, GP_SYSTEM_SUPPLIER, NHS_PROVIDER, SOCIAL_CARE_PROVIDER, ICB, NHS_ENGLAND, GOVERNMENT_AGENCY, LOCAL_AUTHORITY, UNIVERSITY, CHARITY, COMMERCIAL, OTHER
}
