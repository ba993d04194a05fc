/**
 * The JSON form of a register, as {@code record-format.md} defines it: this package only parses and
 * writes JSON; what a register is and how its records are validated belong to
 * {@link org.dsarules.register}.
 *
 * <p>{@link org.dsarules.register.json.RegisterReader} reads a register, streaming, into
 * {@link org.dsarules.register.RegisterEntry} values; {@link org.dsarules.register.json.AgreementCodec}
 * writes one agreement as JSON and {@link org.dsarules.register.json.JsonRegisterWriter} a whole register.
 */
package org.dsarules.register.json;
