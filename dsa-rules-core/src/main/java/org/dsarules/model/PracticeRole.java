package org.dsarules.model;

/** The UK GDPR role an agreement gives the practice itself. Values as in {@code record-format.md}. */
public enum PracticeRole {
    CONTROLLER, JOINT_CONTROLLER, PROCESSOR
}
