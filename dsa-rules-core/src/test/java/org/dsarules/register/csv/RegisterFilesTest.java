package org.dsarules.register.csv;

import static org.dsarules.register.csv.CsvFixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.exception.RegisterFormatException;
import org.dsarules.register.RegisterEntry;
import org.dsarules.register.RegisterFiles.Format;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.RegisterSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a register file in either form. */
class RegisterFilesTest {

    private static List<RegisterEntry> all(RegisterSource source) {
        try (source) {
            List<RegisterEntry> out = new ArrayList<>();
            source.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void theFormatFollowsTheExtension() {
        assertEquals(Format.CSV, Format.of(Path.of("register.csv")));
        assertEquals(Format.CSV, Format.of(Path.of("dir", "REGISTER.CSV")));
        assertEquals(Format.JSON, Format.of(Path.of("register.json")));
        assertEquals(Format.JSON, Format.of(Path.of("register")));
        assertEquals(Format.JSON, Format.of(Path.of("csv", "register.csv.json")));
    }

    @Test
    void eachFormIsReadByItsOwnReader() {
        List<RegisterEntry> csv = all(RegisterFiles.open(resource("riverside-register.csv")));
        List<RegisterEntry> json = all(RegisterFiles.open(resource("riverside-register.json")));
        assertEquals(15, csv.size());
        assertEquals(json, csv);
    }

    @Test
    void aGivenFormatOverridesTheExtension(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("register.txt");
        Files.writeString(file, "id,title\nDSA-1,T\n");
        assertEquals(1, all(RegisterFiles.open(file, Format.CSV)).size());
        RegisterFormatException e = assertThrows(RegisterFormatException.class, () -> RegisterFiles.open(file, Format.JSON));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertThrows(RegisterFormatException.class, () -> RegisterFiles.open(file));
    }
}
