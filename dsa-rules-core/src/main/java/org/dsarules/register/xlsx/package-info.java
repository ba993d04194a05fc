/**
 * The Excel workbook form of a register ({@code .xlsx}): the first sheet, with the CSV form's columns
 * and cell syntax. Reading and writing use Apache POI, an optional dependency of this library: nothing
 * outside this package loads a POI class, and {@link org.dsarules.register.RegisterFiles} loads this
 * package only when an xlsx register is asked for.
 */
package org.dsarules.register.xlsx;
