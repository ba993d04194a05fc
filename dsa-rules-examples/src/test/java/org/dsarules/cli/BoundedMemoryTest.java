package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the records in error (issue 15): registers whose every record is in error
 * audited in a 32 MB heap (without the spool their errors alone need more), every record reported, and the whole-register documents refusing a register
 * past their limit with one line. The full-size runs (5,000,000 records) are {@code bench/errors-heap.sh}.
 */
class BoundedMemoryTest {
    static final String AS_OF = "2026-06-15";
    static final List<String> SMALL_HEAP = List.of("-Xmx32m");

    @TempDir
    Path dir;

    /** N agreements, each with a distinct id and an unknown field: each is one record in error. */
    private Path unknownFields(int n) throws IOException {
        Path f = dir.resolve("unknown-fields-" + n + ".json");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("{\"agreements\": [\n");
            for (int i = 0; i < n; i++) {
                w.write("{\"id\": \"B" + i + "\", \"colour\": 1}" + (i < n - 1 ? ",\n" : "\n"));
            }
            w.write("]}\n");
        }
        return f;
    }

    /** Counts the errors of a decision document by streaming it, and checks its summary. */
    private static void assertEveryRecordInError(Path doc, int n) throws IOException {
        long errors = 0;
        JsonNode summary = null;
        try (JsonParser p = AuditCommandTest.MAPPER.getFactory().createParser(doc.toFile())) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("errors")) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.skipChildren();
                        errors++;
                    }
                } else if (name.equals("summary")) {
                    summary = p.readValueAsTree();
                } else {
                    p.skipChildren();
                }
            }
        }
        assertEquals(n, errors, "every record is in the document");
        assertEquals(n, summary.get("ERROR").asInt());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aJsonAuditOfFiftyThousandBadRecordsRunsInThirtyTwoMegabytes() throws Exception {
        int n = 50_000;
        Path register = unknownFields(n);
        Path out = dir.resolve("decisions.json");
        Subprocess.Result r = Subprocess.run(dir, SMALL_HEAP, "audit", register.toString(), "--as-of", AS_OF,
                "--format", "json", "--out", out.toString());
        assertEquals(1, r.status(), r.err());
        assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("memory"), r.err());
        assertEveryRecordInError(out, n);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTextAuditOfFiftyThousandBadRecordsRunsInThirtyTwoMegabytes() throws Exception {
        int n = 50_000;
        Path register = unknownFields(n);
        Path out = dir.resolve("report.txt");
        Subprocess.Result r = Subprocess.run(dir, SMALL_HEAP, "audit", register.toString(), "--as-of", AS_OF,
                "--out", out.toString());
        assertEquals(1, r.status(), r.err());
        assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("memory"), r.err());
        long lines = 0;
        String last = null;
        try (BufferedReader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (l.startsWith("  record ")) {
                    lines++;
                    last = l;
                }
            }
        }
        assertEquals(n, lines, "every record in error has its line");
        assertTrue(last.startsWith("  record " + (n - 1) + " (B" + (n - 1) + "), field colour"), last);
    }

    /** The 1,000,000 duplicate-id rows crashed -Xmx64m; a fifth of them, in the same heap, in the build. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredThousandDuplicateIdRowsRunInThirtyTwoMegabytes() throws Exception {
        int n = 200_000;
        Path csv = dir.resolve("duplicates.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id\n");
            for (int i = 0; i < n; i++) {
                w.write("A\n");
            }
        }
        Path out = dir.resolve("duplicates.json");
        Subprocess.Result r = Subprocess.run(dir, SMALL_HEAP, "audit", csv.toString(), "--as-of", AS_OF,
                "--format", "json", "--out", out.toString());
        assertEquals(1, r.status(), r.err());
        // The first row is decided (or in error for what it lacks); every later one is a duplicate.
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
        String tail = Files.readString(out).substring((int) Math.max(0, Files.size(out) - 400));
        assertTrue(tail.contains("already used by the record at index 0"), tail);
    }

    // ---------------------------------------------------------------- documents that hold the whole register

    static List<List<String>> wholeRegisterCommands(Path register) throws java.io.IOException {
        String f = register.toString();
        // Issue 27: diff OLD NEW, questions and answer hold the whole register too.
        Path advice = Files.writeString(register.resolveSibling("advice.csv"), "programme,advice\nGDPPR,KEEP\n");
        String newRegister = register.resolveSibling("new.json").toString();
        return List.of(List.of("audit", f, "--format", "html"), List.of("letter", f), List.of("letter", f, "--format", "text"),
                List.of("ppg", f), List.of("refer", f), List.of("diff", f, "--as-of", "2026-04-15", "--vs-as-of", AS_OF),
                List.of("diff", f, f, "--as-of", AS_OF), List.of("questions", f, "--as-of", AS_OF),
                List.of("answer", f, advice.toString(), "--out", newRegister));
    }

    @Test
    void aRegisterPastTheLimitIsRefusedWithOneLineByEveryWholeRegisterDocument() throws Exception {
        Path register = unknownFields(WholeRegister.LIMIT + 1);
        for (List<String> args : wholeRegisterCommands(register)) {
            AuditCommandTest.Run r = AuditCommandTest.run(args.toArray(String[]::new));
            assertEquals(2, r.status(), args + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("holds more than 20,000 agreements, the most"), r.err());
            assertTrue(r.err().contains("--format json"), r.err());
            assertEquals("", r.out(), "nothing half-made on standard output");
        }
    }

    @Test
    void aRegisterAtTheLimitIsRead() throws Exception {
        Path register = unknownFields(WholeRegister.LIMIT);
        AuditCommandTest.Run r = AuditCommandTest.run("ppg", register.toString(), "--as-of", AS_OF);
        assertEquals(1, r.status(), r.err());
        assertFalse(r.err().contains("holds more than"), r.err());
    }

    /** A heap too small even for a register under the limit: one line naming the document and the ways out. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aHeapTooSmallForTheHtmlReportIsOneLine() throws Exception {
        Path register = dir.resolve("large.json");
        AuditCommandTest.Run g = AuditCommandTest.run("generate", "--count", "3000", "--seed", "3", "--out", register.toString());
        assertEquals(0, g.status(), g.err());
        Subprocess.Result r = Subprocess.run(dir, List.of("-Xmx24m"), "audit", register.toString(), "--as-of", AS_OF,
                "--format", "html", "--out", dir.resolve("report.html").toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("dsa-audit: not enough memory for the html report in a heap of"), r.err());
        assertTrue(r.err().contains("-Xmx") && r.err().contains("--format json"), r.err());
        assertFalse(Files.exists(dir.resolve("report.html")));
    }
}
