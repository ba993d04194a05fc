package org.dsarules.facts;

import org.dsarules.model.CommonLawBasis;

/**
 * The effective common-law basis: the stated one, or {@code NONE_STATED} where it lapsed or is
 * contradicted. With a null value while {@code commonLawBasis} is not known. Several may be inserted for one
 * agreement when several reasons make it {@code NONE_STATED}; they agree on the value.
 */
public record ConfidentialityBasis(CommonLawBasis value, String explanation) implements Finding {
}
