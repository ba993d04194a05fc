package org.dsarules.model;

/**
 * What an agreement's data is used for. {@link #DIRECT_CARE} is the only direct-care purpose;
 * every other value is a secondary (indirect care) use.
 */
public enum Purpose {
    DIRECT_CARE,
    RESEARCH,
    SERVICE_PLANNING,
    POPULATION_HEALTH_MANAGEMENT,
    RISK_STRATIFICATION,
    COMMISSIONING,
    PAYMENT_AND_CONTRACT_MONITORING,
    PUBLIC_HEALTH_SURVEILLANCE,
    REGULATION_AND_INSPECTION,
    PRODUCT_DEVELOPMENT,
    OTHER_SECONDARY;

    /** True for every purpose but {@link #DIRECT_CARE}. */
    public boolean isSecondary() {
        return this != DIRECT_CARE;
    }
}
