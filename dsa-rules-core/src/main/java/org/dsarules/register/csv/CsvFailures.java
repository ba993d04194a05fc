package org.dsarules.register.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import org.dsarules.exception.RegisterFormatException;

/**
 * What goes wrong while reading a CSV register as a whole, as a {@link RegisterFormatException} whose
 * message is one plain line naming the source and the problem: never a Jackson or Java class name.
 */
final class CsvFailures {
    private static final int MAX_REASON = 200;

    private CsvFailures() {
    }

    static RegisterFormatException format(String source, String problem) {
        return new RegisterFormatException(source + ": " + problem);
    }

    /**
     * The failure an input or parser exception means.
     *
     * @param where    the parser's location, for an exception without its own
     * @param rowStart the line the row being read starts on, or 0
     */
    static RegisterFormatException of(String source, IOException e, JsonLocation where, int rowStart) {
        if (causedBy(e, CharacterCodingException.class)) {
            return new RegisterFormatException(source + ": not UTF-8: it holds bytes that are not valid UTF-8 text"
                    + " (save it as CSV UTF-8)", e);
        }
        if (e instanceof StreamConstraintsException) {
            return new RegisterFormatException(source + ": exceeds a parser limit: "
                    + String.format(Locale.ROOT, "a cell longer than %,d characters", CsvRegisterReader.MAX_CELL_LENGTH)
                    + (rowStart > 0 ? " in the row starting at line " + rowStart : ""), e);
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation() != null && j.getLocation().getLineNr() > 0 ? j.getLocation() : where;
            String reason = reason(j.getOriginalMessage());
            if (rowStart > 0 && at != null && at.getLineNr() != rowStart) {
                reason += "; the row starts at line " + rowStart;
            }
            return new RegisterFormatException(source + ": not valid CSV" + at(at) + ": " + reason, e);
        }
        String m = e.getMessage();
        return new RegisterFormatException(source + ": cannot be read: "
                + (m == null || m.isBlank() ? "an input error" : oneLine(m)), e);
    }

    /** " at line L, column C", or nothing when not known. */
    static String at(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return " at line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "");
    }

    /** The CSV parser's complaint in plain words. */
    private static String reason(String message) {
        String m = message == null ? "" : message;
        if (m.contains("Missing closing quote")) {
            return "a quoted cell is not closed: a closing \" is missing";
        }
        if (m.contains("Expected column separator")) {
            return "text after the closing \" of a quoted cell (inside quotes write \"\" for a \")";
        }
        String r = oneLine(m.replaceAll("`[^`]*`", "").replaceAll("\\s*\\([^()]*Feature[^()]*\\)", ""));
        return r.isEmpty() ? "unexpected content" : r;
    }

    private static String oneLine(String s) {
        String r = s.replaceAll("\\s+", " ").strip();
        return r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON - 3) + "...";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
