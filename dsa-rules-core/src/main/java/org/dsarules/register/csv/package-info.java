/**
 * The CSV form of a register, as {@code record-format.md} (v1.1) defines it: one agreement a row under
 * a header of field names. This package only tokenises and writes CSV; the columns, the cell syntax
 * and the validation of rows belong to {@link org.dsarules.register} (they are the xlsx form's too).
 *
 * <p>{@link org.dsarules.register.csv.CsvRegisterReader} reads a CSV register, streaming;
 * {@link org.dsarules.register.csv.CsvRegisterWriter} writes one; {@link org.dsarules.register.csv.CsvTemplate}
 * writes an empty register to start a spreadsheet from.
 */
package org.dsarules.register.csv;
