/**
 * The CSV form of a register, as {@code record-format.md} defines it: one agreement a row under a
 * header of field names.
 *
 * <p>{@link org.dsarules.register.csv.CsvRegisterReader} reads a CSV register, streaming, into the same
 * {@link org.dsarules.register.RegisterSource} a JSON register gives: each row is validated exactly as a
 * JSON record is. {@link org.dsarules.register.csv.CsvTemplate} writes an empty register to start a spreadsheet
 * from. {@link org.dsarules.register.RegisterFiles} opens a file in either form.
 */
package org.dsarules.register.csv;

import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;