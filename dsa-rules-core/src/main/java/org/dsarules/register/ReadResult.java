package org.dsarules.register;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.ArrayList;
import java.util.List;
import org.dsarules.decision.RecordError;
import org.dsarules.model.Agreement;
import org.dsarules.model.Practice;
import org.dsarules.model.Register;
import org.dsarules.register.json.RegisterReader;

/**
 * A whole register read into memory by {@link RegisterReader#readAll}: the valid agreements and the
 * records in error, each in input order. Their counts add up to the number of records in the input.
 *
 * @param practice   the practice block, or null when the register has none (a bare array)
 * @param agreements the records that passed validation
 * @param errors     one error per record that did not
 */
public record ReadResult(Practice practice, List<Agreement> agreements, List<RecordError> errors,
        Map<String, Map<String, String>> ownColumns) {
    public ReadResult {
        agreements = List.copyOf(agreements);
        errors = List.copyOf(errors);
        ownColumns = new Register(practice, List.of(), ownColumns).ownColumns();
    }

    /** A result without the practice's own columns. */
    public ReadResult(Practice practice, List<Agreement> agreements, List<RecordError> errors) {
        this(practice, agreements, errors, Map.of());
    }

    /** Reads every record of {@code source} into memory, then closes it. */
    public static ReadResult of(RegisterSource source) {
        try (source) {
            List<Agreement> agreements = new ArrayList<>();
            List<RecordError> errors = new ArrayList<>();
            Map<String, Map<String, String>> own = new LinkedHashMap<>();
            while (source.hasNext()) {
                RegisterEntry e = source.next();
                if (e instanceof RegisterEntry.Valid v) {
                    agreements.add(v.agreement());
                    if (!v.ownColumns().isEmpty()) {
                        own.put(v.agreement().id(), v.ownColumns());
                    }
                } else {
                    errors.add(((RegisterEntry.Invalid) e).error());
                }
            }
            return new ReadResult(source.practice(), agreements, errors, own);
        }
    }

    /** The number of records in the input: valid ones plus those in error. */
    public int recordCount() {
        return agreements.size() + errors.size();
    }

    /**
     * The practice, the valid agreements and their own columns as a {@link Register}; the records in error
     * are not in it.
     */
    public Register register() {
        return new Register(practice, agreements, ownColumns);
    }
}
