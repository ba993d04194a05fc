package org.dsarules.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import org.dsarules.decision.ErrorCode;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;
import org.dsarules.spool.IdIndex;

/**
 * The validation rules of a register, the same for every form of it: each record, given as a value
 * tree ({@link Trees}) shaped like a JSON agreement of {@code record-format.md}, becomes a valid
 * agreement or one {@link RecordError} with a stable {@link ErrorCode}. The JSON form builds the tree
 * from JSON text; the spreadsheet forms build it from cells they have already read with their own
 * syntax, so that their errors are in their own terms.
 *
 * <p>One instance validates one register: it remembers the ids it has seen, so that each later record
 * with an id already used is in error. Not thread-safe.
 *
 * <p>The register's fields are the catalogue's ({@link Fields}). Adding a field of one value or one
 * list to the format touches two source files: {@code model/Agreement.java} (the component and its
 * builder) and {@link Fields} (its path, kind and accessors); the JSON reader and writer, the
 * spreadsheet columns, the template's help and answers all follow from the catalogue. Then the README
 * or {@code record-format.md} that documents it (and, optionally, better words for the template in
 * {@code csv/CsvTemplate.java}). A field of a party, {@code legalRequirement} or {@code icbAssessment}
 * also takes a {@code case} line in {@link RecordReading} and a line in {@code json/AgreementJson.java}.
 * Before the register seam every field took five (the model, the parser's switch and its field list,
 * the CSV column kinds, the JSON writer, the template).
 */
public final class RecordValidator {
    /**
     * The fields of an agreement, in {@code record-format.md} order, the project's additions last: those
     * of the catalogue ({@link Fields}), with {@code id} first and {@code history} last.
     */
    public static final List<String> AGREEMENT_FIELDS = agreementFieldList();
    /** The fields of a party, in {@code record-format.md} order. */
    public static final List<String> PARTY_FIELDS = fieldsOf("parties[N].");
    /** The fields of {@code legalRequirement}. */
    public static final List<String> LEGAL_REQUIREMENT_FIELDS = fieldsOf("legalRequirement.");
    /** The fields of {@code icbAssessment}. */
    public static final List<String> ICB_ASSESSMENT_FIELDS = fieldsOf("icbAssessment.");
    /** The fields of a history entry, in the order the README documents them. */
    public static final List<String> HISTORY_FIELDS = List.of("date", "field", "oldValue", "newValue", "source", "comment");

    /** Bounded in heap however many records the register has (issue 15: a million ids must fit in -Xmx64m). */
    private final IdIndex firstIndexOfId = new IdIndex();

    private static List<String> agreementFieldList() {
        Set<String> names = new LinkedHashSet<>();
        names.add("id");
        for (Fields.Field f : Fields.all()) {
            names.add(f.path().split("[.\\[]", 2)[0]);
        }
        names.add("history");
        return List.copyOf(names);
    }

    private static List<String> fieldsOf(String prefix) {
        return Fields.all().stream().map(Fields.Field::path).filter(p -> p.startsWith(prefix))
                .map(p -> p.substring(prefix.length())).toList();
    }
    private final IntFunction<String> where;

    /** A validator for a new register: no id seen yet; an earlier record is named by its index. */
    public RecordValidator() {
        this(i -> "index " + i);
    }

    /**
     * A validator for a new register whose messages name an earlier record by {@code where} (given its
     * index), such as {@code index 3 (row 5)} for a spreadsheet.
     */
    public RecordValidator(IntFunction<String> where) {
        this.where = Objects.requireNonNull(where, "where");
    }

    /**
     * Validates the record at {@code index} of the register.
     *
     * @param record the record as a value tree; anything but an object is an error
     * @param index  its 0-based position in the register
     * @return the valid agreement, or the one error that describes everything wrong with the record
     */
    public RegisterEntry validate(JsonNode record, int index) {
        if (record == null || !record.isObject()) {
            return new RegisterEntry.Invalid(new RecordError(index, null, null, ErrorCode.NOT_AN_AGREEMENT,
                    "an agreement must be a JSON object; found " + Trees.describe(record)));
        }
        RecordReading r = new RecordReading(index, this);
        Agreement.Builder b = r.agreement(record);
        Problems p = r.problems();
        if (p.count() == 0) {
            return new RegisterEntry.Valid(index, b.id(r.id()).build());
        }
        return new RegisterEntry.Invalid(new RecordError(index, r.id(), p.firstPath(), p.firstCode(), p.message()));
    }

    /** Records the first use of an id; for a later use, what names the record that used it first. */
    String firstUse(String id, int index) {
        int first = firstIndexOfId.putIfAbsent(id, index);
        return first < 0 ? null : where.apply(first);
    }

    /** The fields of an agreement, in {@code record-format.md} order. */
    public static List<String> agreementFields() {
        return AGREEMENT_FIELDS;
    }

    /** The fields of a party, in {@code record-format.md} order. */
    public static List<String> partyFields() {
        return PARTY_FIELDS;
    }

    /** The fields of {@code legalRequirement}, in {@code record-format.md} order. */
    public static List<String> legalRequirementFields() {
        return LEGAL_REQUIREMENT_FIELDS;
    }

    /** The fields of {@code icbAssessment}, in {@code record-format.md} order. */
    public static List<String> icbAssessmentFields() {
        return ICB_ASSESSMENT_FIELDS;
    }

    /** The fields of a {@code history} entry. */
    public static List<String> historyFields() {
        return HISTORY_FIELDS;
    }

    /** Most parties, purposes and history entries one agreement may have. */
    public static int maxListSize() {
        return Fields.MAX_LIST_SIZE;
    }

    /** A value as record messages quote it: in double quotes, on one line, cut short when long. */
    public static String quote(String value) {
        return Messages.quote(Objects.requireNonNull(value, "value"));
    }
}
