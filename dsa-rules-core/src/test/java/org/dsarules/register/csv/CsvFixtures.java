package org.dsarules.register.csv;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.decision.RecordError;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.model.Agreement;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterSource;

/** Inputs and checks shared by the tests of this package. */
final class CsvFixtures {
    static final CsvRegisterReader READER = CsvRegisterReader.defaults();
    static final String SOURCE = "register.csv";

    private CsvFixtures() {
    }

    static ByteArrayInputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static Path resource(String name) {
        try {
            return Path.of(CsvFixtures.class.getResource("/csv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entry of a CSV register given as text, in order. */
    static List<RegisterEntry> entries(String csv) {
        try (RegisterSource s = READER.open(utf8(csv), SOURCE)) {
            List<RegisterEntry> out = new ArrayList<>();
            s.forEachRemaining(out::add);
            return out;
        }
    }

    static ReadResult readAll(String csv) {
        return READER.readAll(utf8(csv), SOURCE);
    }

    /** The one entry of a register of a header and one data row. */
    static RegisterEntry entry(String header, String row) {
        List<RegisterEntry> all = entries(header + "\n" + row + "\n");
        if (all.size() != 1) {
            throw new AssertionError("expected one entry, got " + all);
        }
        return all.get(0);
    }

    static Agreement valid(String header, String row) {
        RegisterEntry e = entry(header, row);
        if (e instanceof RegisterEntry.Invalid i) {
            throw new AssertionError("expected a valid record, got " + i.error());
        }
        return ((RegisterEntry.Valid) e).agreement();
    }

    static RecordError error(String header, String row) {
        return error(entry(header, row));
    }

    static RecordError error(RegisterEntry e) {
        if (e instanceof RegisterEntry.Valid v) {
            throw new AssertionError("expected an error, got " + v.agreement());
        }
        RecordError error = ((RegisterEntry.Invalid) e).error();
        assertPlainLine(error.message());
        return error;
    }

    /** The failure reading this whole register gives: its message names the source and is one plain line. */
    static RegisterFormatException failure(byte[] csv) {
        RegisterFormatException e = assertThrows(RegisterFormatException.class,
                () -> READER.readAll(new ByteArrayInputStream(csv), SOURCE));
        assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
        assertPlainLine(e.getMessage());
        return e;
    }

    static RegisterFormatException failure(String csv) {
        return failure(csv.getBytes(StandardCharsets.UTF_8));
    }

    static void assertMessageHas(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks \"" + part + "\": " + message);
        }
    }

    /** A user-facing message: one line, no stack trace, no class names. */
    static void assertPlainLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
        for (String leak : List.of("Exception", "com.fasterxml", "java.", "Jackson", "Feature", "`", "\tat ")) {
            assertFalse(message.contains(leak), () -> "message leaks \"" + leak + "\": " + message);
        }
    }
}
