/**
 * The CSV form of a register, as {@code record-format.md} defines it: one agreement a row under a
 * header of field names.
 *
 * <p>{@link org.dsarules.csv.CsvRegisterReader} reads a CSV register, streaming, into the same
 * {@link org.dsarules.json.RegisterSource} a JSON register gives: each row is validated exactly as a
 * JSON record is. {@link org.dsarules.csv.CsvTemplate} writes an empty register to start a spreadsheet
 * from. {@link org.dsarules.json.RegisterFiles} opens a file in either form.
 */
package org.dsarules.csv;
