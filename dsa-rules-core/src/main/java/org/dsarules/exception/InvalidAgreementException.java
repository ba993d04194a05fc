package org.dsarules.exception;

import java.util.List;
import org.dsarules.decision.RecordError;

/**
 * One agreement read on its own ({@link org.dsarules.json.AgreementJson#read(String)}) is not valid: its
 * {@link #errors()} are the record errors an audit of a register holding it would report, codes
 * included, so a service can answer a request with the same codes ({@code UNKNOWN_FIELD} for a misspelt
 * field, {@code BAD_ENUM} for a value not in the list, ...). The message is the first error's.
 */
public class InvalidAgreementException extends DsaRulesException {
    private static final long serialVersionUID = 1L;

    /** The errors, as an immutable list: never empty. */
    private final transient List<RecordError> errors;

    /**
     * An exception for these errors.
     *
     * @param errors what is wrong with the agreement, at least one
     * @throws IllegalArgumentException when {@code errors} is empty
     */
    public InvalidAgreementException(List<RecordError> errors) {
        super(first(errors).message());
        this.errors = List.copyOf(errors);
    }

    private static RecordError first(List<RecordError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid agreement has at least one error");
        }
        return errors.get(0);
    }

    /**
     * What is wrong, in document order: each error names the field ({@link RecordError#field()}) and its
     * code ({@link RecordError#code()}). Its index is 0 (the agreement stands alone).
     *
     * @return the errors, never empty
     */
    public List<RecordError> errors() {
        return errors;
    }
}
