package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's output faults, each as it was found: a full disk (a 1 MB tmpfs, as root; {@code /dev/full}
 * everywhere on Linux), standard output that cannot be written, a closed pipe, {@code --out} naming a
 * device or a FIFO, the modes of replaced and new files, and temporary files left by SIGINT and SIGTERM.
 * Nothing may be lost silently: a failed write is exit status 2 and one line, and with {@code --out}
 * the previous file is kept.
 */
class OutputFailureTest {
    static final String SAMPLE = AuditCommandTest.SAMPLE.toString();
    static final String AS_OF = "2026-06-15";
    static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    static Path shared;

    static Path big;

    /** 1,500 agreements (the runs had 4,000): every format's report is well over the 1 MB tmpfs. */
    @BeforeAll
    static void bigRegister() {
        big = shared.resolve("big.json");
        AuditCommandTest.Run g = AuditCommandTest.run("generate", "--count", "1500", "--seed", "15", "--out", big.toString());
        assertEquals(0, g.status(), g.err());
    }

    @TempDir
    Path dir;

    /** Every command and format that writes to standard output or --out, on the sample register. */
    static List<List<String>> commands() {
        return List.of(
                List.of("audit", SAMPLE, "--as-of", AS_OF),
                List.of("audit", SAMPLE, "--as-of", AS_OF, "--format", "json"),
                List.of("audit", SAMPLE, "--as-of", AS_OF, "--format", "html"),
                List.of("letter", SAMPLE, "--as-of", AS_OF),
                List.of("letter", SAMPLE, "--as-of", AS_OF, "--format", "text"),
                List.of("letter", SAMPLE, "--as-of", AS_OF, "--format", "html"),
                List.of("refer", SAMPLE, "--as-of", AS_OF),
                List.of("ppg", SAMPLE, "--as-of", AS_OF),
                List.of("generate", "--count", "50"));
    }

    /** Commands that have no --out and write only to standard output. */
    static List<List<String>> stdoutOnly() {
        return List.of(
                List.of("explain", SAMPLE, "MB-12", "--as-of", AS_OF),
                List.of("diff", SAMPLE, "--as-of", "2026-04-15", "--vs-as-of", AS_OF),
                List.of("rules"),
                List.of("rules", "--format", "markdown"),
                List.of("template", "--format", "csv"),
                List.of("test", "overlays/lmc-keep-list/scenarios"),
                List.of("--help"));
    }

    static Stream<List<String>> everything() {
        return Stream.concat(commands().stream(), stdoutOnly().stream());
    }

    private static void assertOneLine(String err, String... contains) {
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), "one line on standard error: " + err);
        for (String c : contains) {
            assertTrue(err.contains(c), err);
        }
        assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("internal error"), err);
    }

    // ---------------------------------------------------------------- standard output that cannot be written

    /** Every command, its standard output wired as main wires it, on /dev/full (in process: a JVM each would be slow). */
    @ParameterizedTest
    @MethodSource("everything")
    void standardOutputOnAFullDeviceIsExitTwoAndOneLine(List<String> args) throws Exception {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full is Linux's");
        StringWriter err = new StringWriter();
        int status;
        try (FileOutputStream full = new FileOutputStream(DEV_FULL.toFile())) {
            status = DsaAudit.run(DsaAudit.standardOutput(full), new PrintWriter(err, true), args.toArray(String[]::new));
        }
        assertEquals(2, status, err.toString());
        assertOneLine(err.toString(), "dsa-audit: cannot write standard output: No space left on device");
    }

    /** The same through main itself, in its own process. */
    @Test
    void mainOnAFullDeviceIsExitTwoAndOneLine() throws Exception {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full is Linux's");
        Subprocess.Result r = Subprocess.runTo(DEV_FULL, dir, List.of(), "audit", SAMPLE, "--as-of", AS_OF, "--format", "json");
        assertEquals(2, r.status(), r.err());
        assertOneLine(r.err(), "dsa-audit: cannot write standard output: No space left on device");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void outOnAFullDeviceIsExitTwoAndOneLine(List<String> args) throws Exception {
        assumeTrue(Files.exists(DEV_FULL), "/dev/full is Linux's");
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--out", DEV_FULL.toString()));
        AuditCommandTest.Run r = AuditCommandTest.run(a.toArray(String[]::new));
        assertEquals(2, r.status(), r.err());
        assertOneLine(r.err(), "dsa-audit: /dev/full: cannot write: No space left on device");
        assertTrue(Files.isRegularFile(DEV_FULL) == false, "/dev/full is still a device");
    }

    /** A reader that stops reading (head, a closed pager): the command ends non-zero, with no stack trace. */
    @Test
    void aClosedPipeEndsTheCommandWithoutAStackTrace() throws Exception {
        Path err = dir.resolve("pipe.err");
        Process p = Subprocess.builder(Subprocess.command(List.of(), "audit", big.toString(), "--as-of", AS_OF,
                "--format", "json")).redirectError(err.toFile()).start();
        InputStream in = p.getInputStream();
        assertTrue(in.readNBytes(1000).length > 0);
        in.close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ended once its reader went away");
        String e = Files.readString(err);
        assertNotEquals(0, p.exitValue(), e);
        assertOneLine(e, "dsa-audit: cannot write standard output: Broken pipe");
    }

    // ---------------------------------------------------------------- a full disk under --out keeps the previous file

    /** A mounted 1 MB tmpfs (root only), unmounted at the end. */
    static Path tmpfs;

    @BeforeAll
    static void mountTmpfs() throws Exception {
        Path m = shared.resolve("tmpfs-1m");
        Files.createDirectories(m);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", m.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
            tmpfs = m;
        }
    }

    @AfterAll
    static void unmountTmpfs() throws Exception {
        if (tmpfs != null) {
            new ProcessBuilder("umount", tmpfs.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    static List<String> formats() {
        return List.of("text", "json", "html");
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aFullDiskUnderOutKeepsThePreviousReport(String format) throws Exception {
        assumeTrue(tmpfs != null, "mounting a 1 MB tmpfs needs root");
        Path report = tmpfs.resolve("report." + format);
        byte[] previous = "the previous report, which must survive\n".getBytes(StandardCharsets.UTF_8);
        Files.write(report, previous);
        try {
            AuditCommandTest.Run r = AuditCommandTest.run("audit", big.toString(), "--as-of", AS_OF, "--format", format,
                    "--out", report.toString());
            assertEquals(2, r.status(), r.err());
            assertOneLine(r.err(), "dsa-audit: " + report + ": cannot write: No space left on device");
            assertArrayEquals(previous, Files.readAllBytes(report), "the previous report is kept whole");
            try (Stream<Path> s = Files.list(tmpfs)) {
                assertEquals(List.of(report), s.toList(), "no temporary file is left");
            }
        } finally {
            Files.deleteIfExists(report);
        }
    }

    @Test
    void aFullDiskUnderStandardOutputIsExitTwo() throws Exception {
        assumeTrue(tmpfs != null, "mounting a 1 MB tmpfs needs root");
        Path stdout = tmpfs.resolve("stdout.txt");
        try {
            Subprocess.Result r = Subprocess.runTo(stdout, dir, List.of(), "audit", big.toString(), "--as-of", AS_OF);
            assertEquals(2, r.status(), r.err());
            assertOneLine(r.err(), "dsa-audit: cannot write standard output: No space left on device");
        } finally {
            Files.deleteIfExists(stdout);
        }
    }

    // ---------------------------------------------------------------- --out to devices and FIFOs, in place

    @Test
    void outToDevNullWritesInPlaceAndLeavesTheDevice() throws Exception {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", SAMPLE, "--as-of", AS_OF, "--out", "/dev/null");
        assertEquals(0, r.status(), r.err());
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
        try (Stream<Path> s = Files.list(Path.of("/dev"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".null.")).toList());
        }
    }

    @Test
    void outToDevStdoutWritesToStandardOutput() throws Exception {
        Subprocess.Result r = Subprocess.run(dir, List.of(), "audit", SAMPLE, "--as-of", AS_OF, "--format", "json",
                "--out", "/dev/stdout");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.outText().startsWith("{"), r.outText());
        assertTrue(r.outText().contains("\"summary\""), "the whole document");
    }

    @Test
    void outToAFifoWritesIntoItAndLeavesTheFifo() throws Exception {
        Path fifo = dir.resolve("report.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        AuditCommandTest.Run r = AuditCommandTest.run("audit", SAMPLE, "--as-of", AS_OF, "--out", fifo.toString());
        assertEquals(0, r.status(), r.err());
        String text = new String(read.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("DATA SHARING AGREEMENTS AUDIT"), text);
        assertFalse(Files.isRegularFile(fifo), "the FIFO is still a FIFO");
        assertTrue(Files.exists(fifo));
    }

    // ---------------------------------------------------------------- modes

    @Test
    void aReplacedReportKeepsItsPermissions() throws Exception {
        for (String mode : List.of("rw-r--r--", "rw-r-----", "rw-------", "rw-rw-r--")) {
            Path report = dir.resolve("report-" + mode + ".txt");
            Files.writeString(report, "old");
            Files.setPosixFilePermissions(report, PosixFilePermissions.fromString(mode));
            AuditCommandTest.Run r = AuditCommandTest.run("audit", SAMPLE, "--as-of", AS_OF, "--out", report.toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(Files.readString(report).startsWith("DATA SHARING AGREEMENTS AUDIT"));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        }
    }

    @Test
    void aNewReportGetsTheModeAnyNewFileGetsUnderTheUmask() throws Exception {
        Path ordinary = Files.createFile(dir.resolve("made-by-an-ordinary-program"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
        for (List<String> args : commands()) {
            Path report = dir.resolve("new-" + args.get(0) + "-" + Math.abs(args.hashCode()));
            List<String> a = new ArrayList<>(args);
            a.addAll(List.of("--out", report.toString()));
            AuditCommandTest.Run r = AuditCommandTest.run(a.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(report)),
                    "mode of " + args);
        }
    }

    @Test
    void outThroughALinkReplacesTheFileItNamesAndKeepsTheLink() throws Exception {
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        AuditCommandTest.Run r = AuditCommandTest.run("audit", SAMPLE, "--as-of", AS_OF, "--out", link.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("DATA SHARING AGREEMENTS AUDIT"));
    }

    // ---------------------------------------------------------------- signals

    static List<String> signals() {
        return List.of("TERM", "INT");
    }

    /** SIGTERM and SIGINT while the report is being written: the temporary file goes, the target stays whole. */
    @ParameterizedTest
    @MethodSource("signals")
    void aSignalRemovesTheTemporaryFileAndKeepsTheTarget(String signal) throws Exception {
        Path out = dir.resolve("decisions.json");
        Files.writeString(out, "previous");
        Path err = dir.resolve("signal.err");
        Process p = Subprocess.builder(Subprocess.command(List.of(), "audit", big.toString(), "--as-of", AS_OF,
                "--format", "json", "--out", out.toString())).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean tmpSeen = false;
        while (!tmpSeen && p.isAlive() && System.nanoTime() < deadline) {
            tmpSeen = temporaryFiles(out).size() > 0;
            Thread.sleep(20);
        }
        assumeTrue(tmpSeen && p.isAlive(), "the audit finished before it could be interrupted");
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue());
        assertEquals(List.of(), temporaryFiles(out), "no temporary file is left");
        assertEquals("previous", Files.readString(out));
    }

    /** Rule files are trusted code, but a rule that calls System.exit mid-audit still leaves no temporary file. */
    @Test
    void aRuleCallingSystemExitLeavesNoTemporaryFile() throws Exception {
        Path rules = dir.resolve("exit-rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("exit.drl"), """
                package org.dsarules.local.exit;
                import org.dsarules.model.*;

                rule "exit-on-mb-12"
                    @citation("a test of issue 15")
                when
                    Agreement( id == "MB-12" )
                then
                    System.exit(3);
                end
                """);
        Path out = dir.resolve("exit.json");
        Files.writeString(out, "previous");
        Subprocess.Result r = Subprocess.run(dir, List.of(), "audit", SAMPLE, "--as-of", AS_OF, "--format", "json",
                "--rules", rules.toString(), "--out", out.toString());
        // issue 27: a rule's System.exit ends the run with status 2 and a message, whatever status it asked for
        assertEquals(2, r.status(), r.err());
        assertEquals(List.of(), temporaryFiles(out), "no temporary file is left");
        assertEquals("previous", Files.readString(out));
    }

    private List<Path> temporaryFiles(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.filter(f -> f.getFileName().toString().startsWith("." + target.getFileName() + ".")).toList();
        }
    }
}
