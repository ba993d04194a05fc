package org.dsarules.register.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dsarules.exception.RegisterFormatException;

/**
 * Turns what goes wrong while reading an input into a {@link RegisterFormatException} whose message is
 * one plain line naming the source and the problem: never a Jackson or Java class name, never a
 * stack trace.
 */
final class Failures {
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern FEATURE_NOTE = Pattern.compile("\\s*\\([^()]*Feature[^()]*\\)");
    private static final Pattern ENABLE_NOTE = Pattern.compile("[:;,]?\\s*(enable|use) `[^`]*`[^;:]*");
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");
    private static final int MAX_REASON = 200;

    private Failures() {
    }

    /** A whole-input failure of {@code source} with this message. */
    static RegisterFormatException format(String source, String problem) {
        return new RegisterFormatException(source + ": " + problem);
    }

    /** The failure an input or parser exception means for {@code source}. */
    static RegisterFormatException of(String source, IOException e) {
        return of(source, e, null);
    }

    /**
     * The failure an input or parser exception means for {@code source}; {@code where} is the
     * parser's location, for an exception that does not carry its own.
     */
    static RegisterFormatException of(String source, IOException e, JsonLocation where) {
        if (causedBy(e, CharacterCodingException.class)) {
            return new RegisterFormatException(source
                    + ": not UTF-8: it holds bytes that are not valid UTF-8 text (save it as UTF-8)", e);
        }
        if (e instanceof StreamConstraintsException) {
            return new RegisterFormatException(source + ": exceeds a parser limit: " + limit(e.getMessage())
                    + at(location((JsonProcessingException) e, where)), e);
        }
        if (e instanceof JsonProcessingException) {
            JsonProcessingException j = (JsonProcessingException) e;
            return new RegisterFormatException(source + ": not valid JSON" + at(location(j, where)) + ": "
                    + reason(j.getOriginalMessage()), e);
        }
        return new RegisterFormatException(source + ": cannot be read: "
                + (e.getMessage() == null ? "an input error" : reason(e.getMessage())), e);
    }

    /** Which limit a constraint message is about, in the format's words. */
    static String limit(String message) {
        String m = message == null ? "" : message;
        if (m.contains("nesting depth")) {
            return "nesting deeper than " + JsonTree.MAX_NESTING_DEPTH;
        }
        if (m.contains("String value length")) {
            return String.format(Locale.ROOT, "a string longer than %,d characters", JsonTree.MAX_STRING_LENGTH);
        }
        if (m.contains("Number value length")) {
            return String.format(Locale.ROOT, "a number longer than %,d characters", JsonTree.MAX_NUMBER_LENGTH);
        }
        if (m.contains("Name length")) {
            return String.format(Locale.ROOT, "a field name longer than %,d characters", JsonTree.MAX_NAME_LENGTH);
        }
        return reason(m);
    }

    /** " at line L, column C", or nothing when the location is not known. */
    static String at(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A parser's message made short and plain: one line, no notes about parser features. */
    static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "unexpected content";
        }
        String r = SOURCE_LOCATION.matcher(message).replaceAll("line $1, column $2");
        r = FEATURE_NOTE.matcher(r).replaceAll("");
        r = ENABLE_NOTE.matcher(r).replaceAll("");
        r = BACKTICKED.matcher(r).replaceAll("");
        r = r.replaceAll("\\s+", " ").strip();
        return r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON - 3) + "...";
    }

    private static JsonLocation location(JsonProcessingException e, JsonLocation where) {
        return e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation() : where;
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
