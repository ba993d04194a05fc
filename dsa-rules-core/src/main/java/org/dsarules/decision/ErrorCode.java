package org.dsarules.decision;

/**
 * What kind of problem put a record in error: a stable code beside the message of a
 * {@link RecordError}, so that programs and tests match codes, not wording. Listed in
 * {@code docs/errors.md}; a code is never renamed.
 */
public enum ErrorCode {
    /** A field name (JSON key or CSV column) that the format does not have. */
    UNKNOWN_FIELD,
    /** No {@code id}, or a null or blank one. */
    MISSING_ID,
    /** An {@code id} already used by an earlier record of the register. */
    DUPLICATE_ID,
    /** A value of the wrong JSON type ({@code "true"} for a boolean, {@code 5} for a string, an object for a list). */
    WRONG_TYPE,
    /** An enum value that is not one of the format's. */
    BAD_ENUM,
    /** A date that is not a real date in an accepted form. */
    BAD_DATE,
    /** A spreadsheet cell that is not one of the accepted words for true and false. */
    BAD_BOOLEAN,
    /** A spreadsheet list cell with no value, or values separated by {@code ,} where {@code ;} is meant. */
    BAD_LIST,
    /** A required value missing inside an object: a party's name, a history entry's date or field. */
    MISSING_VALUE,
    /** {@code null} inside a list. */
    NULL_IN_LIST,
    /** A field given more than once in the same object. */
    DUPLICATE_FIELD,
    /** More than 1,000 parties, purposes or history entries in one agreement. */
    TOO_MANY_ITEMS,
    /** Text that is not valid Unicode (a lone UTF-16 surrogate). */
    BAD_TEXT,
    /** A spreadsheet row whose {@code practice.*} cell contradicts the practice block an earlier row gave. */
    PRACTICE_CONFLICT,
    /** The record is not an agreement at all (a JSON value that is not an object). */
    NOT_AN_AGREEMENT,
    /** The record was read but could not be decided (a rule failed while deciding it). */
    NOT_DECIDED,
    /**
     * An {@code .xlsx} cell with no value that can be read: a formula with no saved value, an error such as
     * {@code #N/A} or {@code #REF!}, or a cell of a merged range. The message names the cell ({@code F4}).
     */
    BAD_CELL,
    /** The rules did not finish deciding the agreement within the time limit set for one decision. */
    RULE_TIMEOUT
}
