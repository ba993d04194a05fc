package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dsarules.register.ReadResult;
import org.dsarules.register.RegisterFiles;
import org.dsarules.register.xlsx.XlsxRegisterWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27 items 2, 3, 4 and 12 for the commands beside {@code template} that write a file: a register written back
 * as .xlsx is the same bytes on every run, no --out replaces a --catalogue or --aliases file given, and several new
 * registers are written all or none.
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

    private Path catalogueFile(Path where) throws Exception {
        try (InputStream in = WrittenFilesTest.class.getClassLoader()
                .getResourceAsStream("org/dsarules/kb/catalogue/cprd.json")) {
            return Files.write(where, in.readAllBytes());
        }
    }

    /**
     * Item 2 for the commands the first change left out: {@code questions}, {@code answer} and the several-register
     * documents ({@code audit} of several registers, {@code letter --system}, letters into a folder) read a
     * --catalogue or --aliases file too, and replaced it when --out named it.
     */
    @Test
    void questionsAnswerAndTheSeveralRegisterDocumentsNeverReplaceACatalogueOrAliasFile() throws Exception {
        Path regs = SystemTest.system(dir);
        String alder = regs.resolve("alder.json").toString();
        String birch = regs.resolve("birch.json").toString();
        Path advice = Files.writeString(dir.resolve("advice.csv"), "programme,advice\nGDPPR,KEEP\n");
        Path catalogue = catalogueFile(dir.resolve("local-catalogue.json"));
        Path aliases = Files.writeString(dir.resolve("aliases.csv"), "alias,programme\nGP data,GDPPR\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        // Files named as the command would name what it writes into the --out folder.
        Path aliasesInOut = Files.writeString(out.resolve("alder.json"), "alias,programme\nGP data,GDPPR\n");
        Path catalogueInOut = catalogueFile(out.resolve("alder-letter.md"));
        List<Path> guarded = List.of(catalogue, aliases, aliasesInOut, catalogueInOut);
        List<byte[]> before = new ArrayList<>();
        for (Path f : guarded) {
            before.add(Files.readAllBytes(f));
        }
        record Case(Path replaced, List<String> args) {
        }
        List<Case> cases = List.of(
                new Case(catalogue, List.of("questions", alder, "--as-of", AS_OF, "--catalogue", catalogue.toString())),
                new Case(catalogue, List.of("questions", alder, birch, "--as-of", AS_OF, "--catalogue", catalogue.toString())),
                new Case(aliases, List.of("questions", alder, birch, "--as-of", AS_OF, "--aliases", aliases.toString())),
                new Case(aliases, List.of("answer", alder, advice.toString(), "--on", AS_OF, "--aliases", aliases.toString())),
                new Case(aliasesInOut, List.of("answer", alder, birch, advice.toString(), "--on", AS_OF,
                        "--aliases", aliasesInOut.toString(), "--out-folder")),
                new Case(catalogue, List.of("audit", alder, birch, "--as-of", AS_OF, "--catalogue", catalogue.toString())),
                new Case(catalogue, List.of("audit", regs.toString(), "--as-of", AS_OF, "--format", "xlsx",
                        "--catalogue", catalogue.toString())),
                new Case(aliases, List.of("audit", alder, birch, "--as-of", AS_OF, "--format", "json",
                        "--aliases", aliases.toString())),
                new Case(aliases, List.of("letter", "--system", alder, birch, "--as-of", AS_OF, "--aliases", aliases.toString())),
                new Case(catalogue, List.of("letter", "--system", alder, birch, "--as-of", AS_OF,
                        "--catalogue", catalogue.toString())),
                new Case(catalogueInOut, List.of("letter", alder, birch, "--as-of", AS_OF, "--catalogue",
                        catalogueInOut.toString(), "--out-folder")),
                // the letter of one register takes --aliases too (read only by --system): --out never replaces it
                new Case(aliases, List.of("letter", alder, "--as-of", AS_OF, "--aliases", aliases.toString())));
        for (Case c : cases) {
            List<String> a = new ArrayList<>(c.args());
            if (a.remove("--out-folder")) {
                a.addAll(List.of("--out", out.toString()));
            } else {
                a.addAll(List.of("--out", c.replaced().toString()));
            }
            AuditCommandTest.Run r = AuditCommandTest.run(a.toArray(String[]::new));
            assertEquals(2, r.status(), a + ": " + r.err());
            assertEquals(1, r.err().lines().count(), a + ": one line: " + r.err());
            assertTrue(r.err().contains("--out would overwrite the input " + c.replaced()), a + ": " + r.err());
            for (int i = 0; i < guarded.size(); i++) {
                assertArrayEquals(before.get(i), Files.readAllBytes(guarded.get(i)), a + ": " + guarded.get(i) + " untouched");
            }
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(2, s.count(), "nothing new in the --out folder");
        }
    }

    /** Item 12 for {@code answer}: an .xlsx register it writes is dated from --on, never from the clock. */
    @Test
    void answerWritesTheSameXlsxRegisterOnEveryRun() throws Exception {
        Path register = xlsxRegister();
        Path advice = Files.writeString(dir.resolve("advice.csv"), "programme,advice\nGDPPR,KEEP\n");
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        for (Path out : List.of(first, second)) {
            AuditCommandTest.Run r = AuditCommandTest.run("answer", register.toString(), advice.toString(), "--on", AS_OF,
                    "--out", out.toString());
            assertTrue(r.status() != 2, r.err());
            assertTrue(r.out().contains("Wrote " + out), r.out());
            // Apart by more than the zip format's two-second resolution, so the clock would show.
            Thread.sleep(2100);
        }
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(first))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                assertEquals(LocalDate.parse(AS_OF).atStartOfDay(), e.getTimeLocal(), e.getName());
            }
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "two runs, the same bytes");
    }

    /**
     * Item 4 for {@code sent}: with several registers, a full disk at the second leaves the --out folder as it was
     * (the first is not written either, the file that was there is kept), and the one line says so. The folder is
     * a 1 MB tmpfs (root only) and the second register's notes hold more than that.
     */
    @Test
    void sentOverSeveralRegistersWritesAllOrNone() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path alder = SystemTest.register(in, "alder.json", "A00001", "Alder", SystemTest.as("MB-03", "DSA-1", "GDPPR"));
        // Two notes of 600,000 characters: each within the reader's limit on one text, together more than the disk.
        ObjectNode large = SystemTest.as("MB-03", "DSA-1", "GDPPR");
        large.put("notes", "n".repeat(600_000));
        ObjectNode large2 = SystemTest.as("MB-08", "DSA-2", null);
        large2.put("notes", "n".repeat(600_000));
        Path birch = SystemTest.register(in, "birch.json", "B00002", "Birch", large, large2);
        Path out = Files.createDirectories(dir.resolve("out"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", out.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "mounting a 1 MB tmpfs needs root");
        try {
            Path kept = Files.writeString(out.resolve("alder.json"), "the previous alder");
            AuditCommandTest.Run r = AuditCommandTest.run("sent", alder.toString(), birch.toString(), "--letter", "icb",
                    "--on", AS_OF, "--out", out.toString());
            assertEquals(2, r.status(), r.out() + r.err());
            assertEquals("dsa-audit: " + out.resolve("birch.json") + ": cannot write: No space left on device; "
                    + "nothing was written", r.err().strip());
            assertFalse(r.out().contains("Wrote"), r.out());
            assertFalse(r.out().contains("Recorded"), "nothing said recorded that was not written: " + r.out());
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of(kept), s.toList(), "only the file that was there: no new register, no temporary folder");
            }
            assertEquals("the previous alder", Files.readString(kept));

            // Both registers small enough: both written, each said.
            large.put("notes", "short");
            large2.put("notes", "short");
            SystemTest.register(in, "birch.json", "B00002", "Birch", large, large2);
            AuditCommandTest.Run ok = AuditCommandTest.run("sent", alder.toString(), birch.toString(), "--letter", "icb",
                    "--on", AS_OF, "--out", out.toString());
            assertEquals(0, ok.status(), ok.err());
            assertTrue(ok.out().contains("Wrote " + out.resolve("alder.json")), ok.out());
            assertTrue(ok.out().contains("Wrote " + out.resolve("birch.json")), ok.out());
            assertTrue(Files.readString(kept).contains("A00001"));
        } finally {
            new ProcessBuilder("umount", out.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
