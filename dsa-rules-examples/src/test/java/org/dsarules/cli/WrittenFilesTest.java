package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.xlsx.XlsxRegisterWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27 items 2 and 12 for the commands beside {@code template} that write a file: a register written back as
 * .xlsx is the same bytes on every run, and no --out replaces a --catalogue file given.
 */
class WrittenFilesTest {
    static final String AS_OF = "2026-06-15";

    @TempDir
    Path dir;

    private Path xlsxRegister() throws Exception {
        Path xlsx = dir.resolve("register.xlsx");
        try (OutputStream o = Files.newOutputStream(xlsx)) {
            new XlsxRegisterWriter().write(ReadResult.of(RegisterFiles.open(AuditCommandTest.SAMPLE)).register(), o);
        }
        return xlsx;
    }

    /** {@code sent} over an .xlsx register writes one back: dated from --on, never from the clock. */
    @Test
    void sentWritesTheSameXlsxRegisterOnEveryRun() throws Exception {
        Path register = xlsxRegister();
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        for (Path out : List.of(first, second)) {
            AuditCommandTest.Run r = AuditCommandTest.run("sent", register.toString(), "--letter", "icb", "--on", AS_OF,
                    "--out", out.toString());
            assertEquals(0, r.status(), r.err());
        }
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(first))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                assertEquals(LocalDate.parse(AS_OF).atStartOfDay(), e.getTimeLocal(), e.getName());
            }
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "two runs, the same bytes");
    }

    /** Issue 27 item 3 for {@code sent}: two registers of one file name into one folder, refused before anything is written. */
    @Test
    void sentRefusesTwoRegistersOfOneNameIntoOneFolder() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        SystemTest.register(a, "reg.json", "A00001", "Alder", SystemTest.as("MB-03", "DSA-1", "GDPPR"));
        SystemTest.register(b, "reg.json", "B00002", "Birch", SystemTest.as("MB-03", "DSA-1", "GDPPR"));
        Path out = Files.createDirectories(dir.resolve("out"));
        AuditCommandTest.Run r = AuditCommandTest.run("sent", a.resolve("reg.json").toString(), b.resolve("reg.json").toString(),
                "--letter", "icb", "--on", AS_OF, "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(a.resolve("reg.json") + " and " + b.resolve("reg.json") + " would both be written"), r.err());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    /** A --catalogue file is an input of every command that decides: --out naming it is refused, the file untouched. */
    @Test
    void noOutReplacesTheCatalogueGiven() throws Exception {
        Path catalogue = dir.resolve("local-catalogue.json");
        try (InputStream in = WrittenFilesTest.class.getClassLoader()
                .getResourceAsStream("org/dsarules/kb/catalogue/cprd.json")) {
            Files.write(catalogue, in.readAllBytes());
        }
        byte[] before = Files.readAllBytes(catalogue);
        String sample = AuditCommandTest.SAMPLE.toString();
        List<List<String>> runs = List.of(
                List.of("audit", sample, "--as-of", AS_OF),
                List.of("audit", sample, "--as-of", AS_OF, "--format", "xlsx"),
                List.of("ppg", sample, "--as-of", AS_OF),
                List.of("refer", sample, "--as-of", AS_OF),
                List.of("letter", sample, "--as-of", AS_OF),
                List.of("sent", sample, "--letter", "icb", "--on", AS_OF));
        for (List<String> args : runs) {
            List<String> a = new ArrayList<>(args);
            a.addAll(List.of("--catalogue", catalogue.toString(), "--out", catalogue.toString()));
            AuditCommandTest.Run r = AuditCommandTest.run(a.toArray(String[]::new));
            assertEquals(2, r.status(), args + ": " + r.err());
            assertTrue(r.err().contains("--out would overwrite the input " + catalogue), args + ": " + r.err());
            assertArrayEquals(before, Files.readAllBytes(catalogue), args + ": the catalogue is untouched");
        }
    }
}
