package org.dsarules.register;

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
public record ReadResult(Practice practice, List<Agreement> agreements, List<RecordError> errors) {
    public ReadResult {
        agreements = List.copyOf(agreements);
        errors = List.copyOf(errors);
    }

    /** Reads every record of {@code source} into memory, then closes it. */
    public static ReadResult of(RegisterSource source) {
        try (source) {
            List<Agreement> agreements = new ArrayList<>();
            List<RecordError> errors = new ArrayList<>();
            while (source.hasNext()) {
                RegisterEntry e = source.next();
                if (e instanceof RegisterEntry.Valid v) {
                    agreements.add(v.agreement());
                } else {
                    errors.add(((RegisterEntry.Invalid) e).error());
                }
            }
            return new ReadResult(source.practice(), agreements, errors);
        }
    }

    /** The number of records in the input: valid ones plus those in error. */
    public int recordCount() {
        return agreements.size() + errors.size();
    }

    /** The practice and the valid agreements as a {@link Register}; the records in error are not in it. */
    public Register register() {
        return new Register(practice, agreements);
    }
}
