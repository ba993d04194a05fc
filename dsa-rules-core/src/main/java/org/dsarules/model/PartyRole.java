package org.dsarules.model;

/** The UK GDPR role an agreement gives a party. Values as in {@code record-format.md}. */
public enum PartyRole {
    CONTROLLER, JOINT_CONTROLLER, PROCESSOR, SUB_PROCESSOR, RECIPIENT
}
