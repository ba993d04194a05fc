package org.dsarules.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The per-record validation of a register, for readers of other forms of it (a CSV row, say): each
 * record, given as a tree shaped exactly like a JSON agreement of {@code record-format.md}, becomes a
 * valid agreement or a {@link org.dsarules.decision.RecordError}, with the same rules and messages as
 * a record of a JSON register.
 *
 * <p>One instance validates one register: it remembers the ids it has seen, so that each later record
 * with an id already used is in error. Not thread-safe.
 */
public final class RecordValidator {
    private final AgreementParser parser = new AgreementParser();

    /** A validator for a new register: no id seen yet. */
    public RecordValidator() {
    }

    /**
     * Validates the record at {@code index} of the register.
     *
     * @param record the record as a JSON tree; anything but an object is an error
     * @param index  its 0-based position in the register
     * @return the valid agreement, or the one error that describes everything wrong with the record
     */
    public RegisterEntry validate(JsonNode record, int index) {
        return parser.parse(record, index);
    }

    /** The fields of an agreement, in {@code record-format.md} order. */
    public static List<String> agreementFields() {
        return AgreementParser.AGREEMENT_FIELDS;
    }

    /** The fields of a party, in {@code record-format.md} order. */
    public static List<String> partyFields() {
        return AgreementParser.PARTY_FIELDS;
    }

    /** The fields of a {@code history} entry, in the order the README documents them. */
    public static List<String> historyFields() {
        return AgreementParser.HISTORY_FIELDS;
    }

    /** The fields of {@code legalRequirement}, in {@code record-format.md} order. */
    public static List<String> legalRequirementFields() {
        return AgreementParser.LEGAL_REQUIREMENT_FIELDS;
    }

    /** The fields of {@code icbAssessment}, in {@code record-format.md} order. */
    public static List<String> icbAssessmentFields() {
        return AgreementParser.ICB_ASSESSMENT_FIELDS;
    }

    /** Most parties, and most purposes, one agreement may have. */
    public static int maxListSize() {
        return AgreementParser.MAX_LIST_SIZE;
    }

    /** A value as record messages quote it: in double quotes, on one line, cut short when long. */
    public static String quote(String value) {
        return JsonTree.quote(Objects.requireNonNull(value, "value"));
    }
}
