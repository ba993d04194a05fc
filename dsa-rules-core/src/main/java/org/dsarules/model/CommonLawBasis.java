package org.dsarules.model;

/** How an agreement meets the common law duty of confidentiality. Values as in {@code record-format.md}. */
public enum CommonLawBasis {
    IMPLIED_CONSENT_DIRECT_CARE, EXPLICIT_CONSENT, SECTION_251_SUPPORT, LEGAL_REQUIREMENT, OVERRIDING_PUBLIC_INTEREST, NOT_CONFIDENTIAL, NONE_STATED
}
