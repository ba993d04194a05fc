/**
 * The JSON side of a register, as {@code record-format.md} defines it.
 *
 * <p>{@link org.dsarules.register.json.RegisterReader} reads a register, streaming, into
 * {@link org.dsarules.register.RegisterEntry} values: each record is a valid
 * {@link org.dsarules.model.Agreement} or a {@link org.dsarules.decision.RecordError}, and an input
 * that cannot be read as a whole throws {@link org.dsarules.exception.RegisterFormatException}.
 * {@link org.dsarules.register.json.AgreementJson} writes an agreement back as JSON.
 */
package org.dsarules.register.json;

import org.dsarules.register.RegisterEntry;