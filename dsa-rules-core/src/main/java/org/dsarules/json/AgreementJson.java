package org.dsarules.json;

import java.io.InputStream;
import java.util.List;
import org.dsarules.exception.InvalidAgreementException;
import org.dsarules.model.Agreement;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.json.AgreementCodec;

/**
 * Reads one agreement from its JSON form ({@code record-format.md}, an element of a register's
 * {@code agreements}), validated exactly as a register's record is: a misspelt field, a value not in its
 * list, a wrong type or a bad date is refused with the same {@link org.dsarules.decision.RecordError}
 * and code an audit would report. Use it for a request body, rather than binding the record with a
 * plain {@code ObjectMapper}, which ignores a field it does not know: a misspelt
 * {@code leglRequirement} would then silently be "not known", and change the decision.
 *
 * <pre>{@code
 * try {
 *     Decision d = rules.decide(AgreementJson.read(body));
 * } catch (InvalidAgreementException e) {
 *     e.errors();                                   // [RecordError[... field=leglRequirement, code=UNKNOWN_FIELD ...]]
 * }
 * }</pre>
 *
 * <p>Thread-safe; reading holds no state between calls.
 */
public final class AgreementJson {
    private AgreementJson() {
    }

    /**
     * The agreement written in {@code json}.
     *
     * @param json one JSON object, an agreement of {@code record-format.md}
     * @return the agreement, validated
     * @throws InvalidAgreementException when it is not valid; text that is not one JSON value is
     *         {@code NOT_AN_AGREEMENT}
     * @throws NullPointerException when {@code json} is null
     */
    public static Agreement read(String json) {
        return agreement(AgreementCodec.read(json));
    }

    /**
     * The agreement written in {@code in}, as UTF-8 (a byte order mark is skipped). The stream is read to
     * its end (one value, nothing after it) and left open: the caller closes it.
     *
     * @param in one JSON object, an agreement of {@code record-format.md}, in UTF-8
     * @return the agreement, validated
     * @throws InvalidAgreementException when it is not valid; input that is not one JSON value, or not
     *         UTF-8, is {@code NOT_AN_AGREEMENT}
     * @throws NullPointerException when {@code in} is null
     */
    public static Agreement read(InputStream in) {
        return agreement(AgreementCodec.read(in));
    }

    private static Agreement agreement(RegisterEntry entry) {
        if (entry instanceof RegisterEntry.Valid v) {
            return v.agreement();
        }
        throw new InvalidAgreementException(List.of(((RegisterEntry.Invalid) entry).error()));
    }
}
