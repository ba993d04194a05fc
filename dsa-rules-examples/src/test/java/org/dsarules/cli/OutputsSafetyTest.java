package org.dsarules.cli;

import static org.dsarules.cli.RoundTest.dsa;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dsarules.cli.RoundTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27 items 2, 3, 4, 6 and 12 (the command line's parts) and issue 26's several registers, each as the
 * tester found it: {@code --out} over an input, two registers of one name, {@code answer} over several
 * registers all or none, the LMC's letter silent on records in error, an unreadable register stopping the
 * others, a broken link skipped without a word; and issue 30's diff of an overlay across its date.
 */
class OutputsSafetyTest {
    static final String AS_OF = "2026-06-15";

    @TempDir
    Path dir;

    private Map<Path, byte[]> snapshot(Path... files) throws IOException {
        Map<Path, byte[]> m = new TreeMap<>();
        for (Path f : files) {
            m.put(f, Files.readAllBytes(f));
        }
        return m;
    }

    private void assertUnchanged(Map<Path, byte[]> before) throws IOException {
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), Files.readAllBytes(e.getKey())), e.getKey() + " was changed");
        }
    }

    // ------------------------------------------------------------------ item 2: --out never overwrites an input

    @Test
    void noCommandOverwritesAnyOfItsInputs() throws Exception {
        Path regs = SystemTest.system(dir);
        Path alder = regs.resolve("alder.json");
        Path birch = regs.resolve("birch.json");
        Path advice = Files.writeString(dir.resolve("advice.csv"), "programme,advice\nGDPPR,KEEP\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), alder);
        Map<Path, byte[]> before = snapshot(alder, birch, regs.resolve("cedar.json"), advice);
        List<List<String>> runs = List.of(
                List.of("questions", alder.toString(), "--out", alder.toString()),
                List.of("questions", alder.toString(), birch.toString(), "--out", birch.toString()),
                List.of("audit", alder.toString(), birch.toString(), "--out", alder.toString()),
                List.of("audit", regs.toString(), "--out", regs.resolve("cedar.json").toString()),
                List.of("audit", alder.toString(), "--out", regs.resolve("../registers/./alder.json").toString()),
                List.of("audit", alder.toString(), "--format", "json", "--out", link.toString()),
                List.of("letter", "--system", alder.toString(), birch.toString(), "--out", birch.toString()),
                List.of("ppg", alder.toString(), "--out", link.toString()),
                List.of("answer", alder.toString(), advice.toString(), "--out", advice.toString()),
                List.of("answer", alder.toString(), advice.toString(), "--out", link.toString()),
                // The output folder is the folder of the inputs: each new register would replace its input.
                List.of("answer", regs.toString(), advice.toString(), "--out", regs.toString()),
                List.of("letter", alder.toString(), birch.toString(), "--out", regs.toString(), "--kind", "notice"));
        for (List<String> args : runs) {
            List<String> a = new ArrayList<>(args);
            a.addAll(List.of("--as-of", AS_OF));
            Run r = dsa(a.toArray(String[]::new));
            if (args.get(0).equals("letter") && args.contains("--kind")) {
                // alder-letter.txt is no input: it is written, and no register is touched.
                assertEquals(0, r.status(), r.err());
                assertTrue(Files.exists(regs.resolve("alder-letter.txt")));
                assertUnchanged(before);
                continue;
            }
            assertEquals(2, r.status(), args + ": " + r.err());
            assertEquals(1, r.err().lines().count(), args + ": one line: " + r.err());
            assertTrue(r.err().contains("--out would overwrite the input"), args + ": " + r.err());
            assertUnchanged(before);
        }
        assertUnchanged(before);
    }

    // ------------------------------------------------------------------ item 3: two registers of one file name

    @Test
    void twoRegistersOfOneNameInTwoFoldersAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        SystemTest.register(a, "reg.json", "A00001", "Alder", SystemTest.as("MB-03", "DSA-1", "GDPPR"));
        SystemTest.register(b, "reg.json", "B00002", "Birch", SystemTest.as("MB-03", "DSA-1", "GDPPR"));
        Path advice = Files.writeString(dir.resolve("advice.csv"), "programme,advice\nGDPPR,KEEP\n");
        Path out = Files.createDirectories(dir.resolve("out"));

        Run r = dsa("answer", a.resolve("reg.json").toString(), b.resolve("reg.json").toString(), advice.toString(),
                "--out", out.toString(), "--on", AS_OF);
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(a.resolve("reg.json") + " and " + b.resolve("reg.json") + " would both be written"), r.err());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(0, s.count(), "nothing written");
        }

        // birch.json and Birch.csv would both give birch-letter.md (case ignored, as a Windows folder would).
        SystemTest.register(b, "Birch.json", "C00003", "Cedar", SystemTest.as("MB-03", "DSA-1", "GDPPR"));
        SystemTest.register(a, "birch.json", "D00004", "Dogwood", SystemTest.as("MB-03", "DSA-1", "GDPPR"));
        Run letters = dsa("letter", a.resolve("birch.json").toString(), b.resolve("Birch.json").toString(),
                "--out", out.toString(), "--as-of", AS_OF);
        assertEquals(2, letters.status(), letters.err());
        assertTrue(letters.err().contains("would both be written"), letters.err());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    // ------------------------------------------------------------------ item 4: answer writes all or none

    @Test
    void writeAllWritesNoneWhenOneFailsAndLeavesNoTemporaryFolder() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path kept = Files.writeString(out.resolve("b.json"), "the previous b");
        List<SafeOutput.Target> targets = List.of(
                new SafeOutput.Target(out.resolve("a.json"), os -> os.write("new a".getBytes(StandardCharsets.UTF_8))),
                new SafeOutput.Target(kept, os -> os.write("new b".getBytes(StandardCharsets.UTF_8))),
                new SafeOutput.Target(out.resolve("c.json"), os -> {
                    throw new IOException("No space left on device");
                }));
        CliException e = assertThrows(CliException.class, () -> SafeOutput.writeAll(out, targets));
        assertEquals(out.resolve("c.json") + ": cannot write: No space left on device; nothing was written", e.getMessage());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(kept), s.toList(), "only the file that was there, nothing new, no temporary folder");
        }
        assertEquals("the previous b", Files.readString(kept));

        SafeOutput.writeAll(out, targets.subList(0, 2));
        assertEquals("new a", Files.readString(out.resolve("a.json")));
        assertEquals("new b", Files.readString(kept));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(2, s.count(), "no temporary folder left");
        }
    }

    @Test
    void whatKillMinus9LeavesInAFolderOfRegistersIsNeverReadAsARegister() throws Exception {
        Path regs = SystemTest.system(dir);
        // What a killed 'answer' leaves: its hidden temporary folder, and a hidden temporary file.
        Path left = Files.createDirectories(regs.resolve(".dsa-audit-0a1b2c3d4e5f.tmp"));
        Files.writeString(left.resolve("new-0"), "{ half a reg");
        Files.writeString(regs.resolve(".alder.json.0a1b2c3d4e5f.tmp"), "{ half a reg");
        Run r = dsa("audit", regs.toString(), "--as-of", AS_OF, "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
    }

    // ------------------------------------------------------------------ item 6: letter --system and records in error

    @Test
    void theSystemLetterRefusesRecordsInErrorOrNamesThemWhenAllowed() throws Exception {
        Path regs = SystemTest.system(dir);
        ObjectNode bad = SystemTest.as("MB-03", "DSA-9", "GDPPR");
        bad.putArray("purposes").add("PAYMENTS");
        SystemTest.register(regs, "alder.json", "A00001", "Alder Surgery", SystemTest.as("MB-03", "DSA-1", "GDPPR"), bad);
        Path out = dir.resolve("lmc-letter.md");
        Run refused = dsa("letter", "--system", regs.toString(), "--as-of", AS_OF, "--out", out.toString());
        assertEquals(1, refused.status(), refused.err());
        assertFalse(Files.exists(out), "no letter that leaves records out without a word");
        assertTrue(refused.err().contains("so no letter was written"), refused.err());
        assertTrue(refused.err().contains("--allow-incomplete"), refused.err());

        Run allowed = dsa("letter", "--system", regs.toString(), "--as-of", AS_OF, "--allow-incomplete");
        assertEquals(1, allowed.status(), allowed.err());
        assertTrue(allowed.out().contains("## Agreements this letter does not cover"), allowed.out());
        assertTrue(allowed.out().contains("- Alder Surgery (A00001): reference DSA-9 (entry 2 of its register)"), allowed.out());
        // by reference only: no field, no validation message, in a letter to another organisation
        assertFalse(allowed.out().contains("purposes"), allowed.out());
    }

    // ------------------------------------------------------------------ issue 26: one register unreadable, the others go on

    @Test
    void anUnreadableRegisterOrABrokenLinkIsOneLineAndTheOthersGoOn() throws Exception {
        Path regs = SystemTest.system(dir);
        Files.writeString(regs.resolve("damaged.json"), "{ \"practice\": ");
        Files.createSymbolicLink(regs.resolve("moved.json"), dir.resolve("nowhere.json"));
        Run audit = dsa("audit", regs.toString(), "--as-of", AS_OF, "--format", "json");
        assertEquals(1, audit.status(), audit.err());
        List<String> lines = audit.err().lines().toList();
        assertEquals(2, lines.size(), audit.err());
        assertTrue(lines.get(0).startsWith("dsa-audit: " + regs.resolve("damaged.json") + ": cannot be read, left out"), lines.get(0));
        assertEquals("dsa-audit: " + regs.resolve("moved.json") + ": cannot be read, left out (the other registers go on): "
                + "it is a link to a file that does not exist", lines.get(1));
        for (String ods : List.of("A00001", "B00002", "C00003")) {
            assertTrue(audit.out().contains(ods), "the readable registers are all in the report: " + ods);
        }
        Run questions = dsa("questions", regs.toString(), "--as-of", AS_OF);
        assertEquals(1, questions.status(), questions.err());
        assertTrue(questions.out().startsWith("practice,agreementId,"), "the questionnaire is written:\n" + questions.out());
        Path letter = dir.resolve("lmc.md");
        Run lmc = dsa("letter", "--system", regs.toString(), "--as-of", AS_OF, "--out", letter.toString());
        assertEquals(1, lmc.status(), lmc.err());
        assertTrue(Files.exists(letter), "the letter for the readable registers is written");
    }

    // ------------------------------------------------------------------ item 10: what a user can fix is no internal error

    @Test
    void aTextLongerThanAnExcelCellIsOneLineForEveryWorkbook() throws Exception {
        Path regs = SystemTest.system(dir);
        ObjectNode long1 = SystemTest.as("MB-03", "DSA-1", "GDPPR");
        long1.put("title", "x".repeat(40_000));
        Path alder = SystemTest.register(regs, "alder.json", "A00001", "Alder Surgery", long1);
        List<List<String>> runs = List.of(
                List.of("audit", alder.toString(), "--format", "xlsx", "--out", dir.resolve("a.xlsx").toString()),
                List.of("audit", regs.toString(), "--format", "xlsx", "--out", dir.resolve("s.xlsx").toString()),
                List.of("questions", alder.toString(), "--out", dir.resolve("q.xlsx").toString()));
        int refused = 0;
        for (List<String> args : runs) {
            List<String> a = new ArrayList<>(args);
            a.addAll(List.of("--as-of", AS_OF));
            Run r = dsa(a.toArray(String[]::new));
            if (r.status() == 0 || r.status() == 1) {
                // This workbook does not carry the title: nothing to refuse.
                continue;
            }
            assertEquals(2, r.status(), args + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("longer than 32,767 characters, the most an Excel cell holds"), args + ": " + r.err());
            assertFalse(r.err().contains("internal error"), r.err());
            refused++;
        }
        assertTrue(refused >= 1, "the agreement workbook carries the title");
    }

    @Test
    void aCsvIdReadButNotWritableIsOneLineAndNothingIsWritten() throws Exception {
        String csv = Files.readString(Path.of(CsvCliTest.CSV)).replaceFirst("\nDSA-001,", "\n\" #1\",");
        Path register = Files.writeString(dir.resolve("reg.csv"), csv);
        Path advice = Files.writeString(dir.resolve("advice.csv"), "programme,advice\nGDPPR,KEEP\n");
        Path out = dir.resolve("new.csv");
        Run r = dsa("answer", register.toString(), advice.toString(), "--out", out.toString(), "--on", AS_OF);
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("dsa-audit: " + out + ": cannot write: agreement"), r.err());
        assertTrue(r.err().contains("starts with #"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void workbooksAndAnswersOnAFullDeviceAreOneLine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "Linux /dev/full");
        Path regs = SystemTest.system(dir);
        Path advice = Files.writeString(dir.resolve("advice.csv"), "programme,advice\nGDPPR,KEEP\n");
        List<List<String>> runs = List.of(
                List.of("audit", regs.resolve("alder.json").toString(), "--format", "xlsx", "--as-of", AS_OF),
                List.of("audit", regs.toString(), "--format", "xlsx", "--as-of", AS_OF),
                List.of("questions", regs.toString(), "--format", "xlsx", "--as-of", AS_OF),
                List.of("answer", regs.resolve("alder.json").toString(), advice.toString(), "--on", AS_OF));
        for (List<String> args : runs) {
            List<String> a = new ArrayList<>(args);
            a.addAll(List.of("--out", "/dev/full"));
            Run r = dsa(a.toArray(String[]::new));
            assertEquals(2, r.status(), args + ": " + r.err());
            assertEquals("dsa-audit: /dev/full: cannot write: No space left on device", r.err().strip(), args.toString());
        }
    }

    // ------------------------------------------------------------------ item 12: messages

    @Test
    void aWorkbookCarriesTheAsOfDateNotTheTimeOfWriting() throws Exception {
        Path regs = SystemTest.system(dir);
        List<List<String>> runs = List.of(
                List.of("audit", regs.resolve("alder.json").toString(), "--format", "xlsx", "--out"),
                List.of("audit", regs.toString(), "--format", "xlsx", "--out"),
                List.of("questions", regs.toString(), "--format", "xlsx", "--out"));
        int n = 0;
        for (List<String> args : runs) {
            Path out = dir.resolve("w" + n++ + ".xlsx");
            List<String> a = new ArrayList<>(args);
            a.addAll(List.of(out.toString(), "--as-of", AS_OF));
            Run r = dsa(a.toArray(String[]::new));
            assertEquals(0, r.status(), args + ": " + r.err());
            try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(out))) {
                int entries = 0;
                for (java.util.zip.ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                    entries++;
                    assertEquals(java.time.LocalDate.parse(AS_OF).atStartOfDay(), e.getTimeLocal(), e.getName());
                    if (e.getName().equals("docProps/core.xml")) {
                        String xml = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                        assertFalse(xml.contains(java.time.LocalDate.now().toString()) && !AS_OF.equals(java.time.LocalDate.now().toString()), xml);
                    }
                }
                assertTrue(entries > 3, "a workbook");
            }
            try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(out.toFile())) {
                assertTrue(wb.getNumberOfSheets() > 0, "still a workbook Excel and POI open");
            }
        }
    }

    @Test
    void aMissingFolderForOutIsNamedOnceWithoutJavaWords() {
        Path out = dir.resolve("no-such-folder").resolve("report.json");
        Run r = dsa("audit", AuditCommandTest.SAMPLE.toString(), "--as-of", AS_OF, "--format", "json", "--out", out.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().matches("(?s).*\\b(java|Exception|org\\.)\\b.*"), r.err());
    }

    @Test
    void theOutOfMemoryAdviceOffersStreamingOnlyWhereItIsAnotherCommand() {
        assertFalse(WholeRegister.outOfMemory("this command", false).contains("--format json"));
        assertTrue(WholeRegister.outOfMemory("the html report", true).contains("'audit --format json'"));
    }

    @Test
    void aSystemReasonIsInWordsNeverAClassNameNorThePathAgain() {
        assertEquals("no such file or folder", OutputFailure.reason(new java.nio.file.NoSuchFileException("/x/y")));
        assertEquals("permission denied", OutputFailure.reason(new java.nio.file.AccessDeniedException("/x/y")));
        assertEquals("the system gave no reason", OutputFailure.reason(new java.io.EOFException()));
    }

    // ------------------------------------------------------------------ issue 30 item 3: an overlay across its date

    @Test
    void aDatedOverlayIsComparedAcrossItsDateWithDecidingRuleChanges() {
        Run r = dsa("diff", AuditCommandTest.SAMPLE.toString(), "--rules", "overlays/june-2026-escalation",
                "--as-of", "2026-05-31", "--vs-as-of", "2026-06-02");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Impact: with [overlays/june-2026-escalation], as of 2026-05-31 vs as of 2026-06-02: "),
                r.out());
        assertTrue(r.out().contains("refer-icb-silent"), "the escalation's rule decides from its date:\n" + r.out());
        Run same = dsa("diff", AuditCommandTest.SAMPLE.toString(), "--rules", "overlays/june-2026-escalation",
                "--as-of", "2026-06-02", "--vs-as-of", "2026-06-03");
        assertEquals(0, same.status(), same.err());
        assertFalse(same.out().contains("refer-icb-silent"), same.out());
    }
}
