package org.dsarules.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --as-of}: a real calendar date written YYYY-MM-DD. */
final class Dates implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new TypeConversionException("'" + value + "' is not a date written YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a real date");
        }
    }
}
