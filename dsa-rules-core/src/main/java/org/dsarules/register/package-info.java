/**
 * What a register is, whatever its form: {@link org.dsarules.register.RegisterFiles} opens a file in
 * its form (JSON, CSV or xlsx, by its name or as told) as a streaming
 * {@link org.dsarules.register.RegisterSource} of {@link org.dsarules.register.RegisterEntry} values
 * (a valid agreement, or a {@link org.dsarules.decision.RecordError} with a stable
 * {@link org.dsarules.decision.ErrorCode}), and writes one with a {@link org.dsarules.register.RegisterWriter}.
 *
 * <p>The rules of validation are here, once ({@link org.dsarules.register.RecordValidator} over a value
 * tree, {@link org.dsarules.register.Trees}), as are what the two spreadsheet forms share: their
 * columns ({@link org.dsarules.register.SheetColumns}), rows ({@link org.dsarules.register.SheetRecords},
 * {@link org.dsarules.register.SheetRows}) and cell syntax ({@link org.dsarules.register.CellSyntax}).
 * {@link org.dsarules.register.Fields} is the catalogue of an agreement's field paths, for answers and
 * questionnaires. The forms below, {@code json}, {@code csv} and {@code xlsx}, only parse and write;
 * none imports another.
 */
package org.dsarules.register;
