package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code letter}, {@code refer} and {@code ppg} on the sample register, each command on its own. */
class ReportCommandsTest {
    static final String SAMPLE = "samples/millbrook-register.json";

    record Run(int status, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        int status = cmd.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void letterInEachFormat() {
        Run md = run(new LetterCommand(), SAMPLE, "--as-of", "2026-06-15");
        assertEquals(0, md.status(), md.err());
        assertTrue(md.out().contains("## Our questions"), md.out());
        assertTrue(md.out().contains("(our reference MB-08)**: questions"), md.out());
        Run text = run(new LetterCommand(), SAMPLE, "--as-of", "2026-06-15", "--format", "text");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("OUR QUESTIONS"), text.out());
        Run html = run(new LetterCommand(), SAMPLE, "--as-of", "2026-06-15", "--format", "html");
        assertEquals(0, html.status(), html.err());
        assertTrue(html.out().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void referAndPpg() {
        Run refer = run(new ReferCommand(), SAMPLE, "--as-of", "2026-06-15");
        assertEquals(0, refer.status(), refer.err());
        assertTrue(refer.out().contains("Referral 1 of 2: Westvale ICB frailty risk model (new request) (our reference MB-10)"),
                refer.out());
        Run ppg = run(new PpgCommand(), SAMPLE, "--as-of", "2026-06-15");
        assertEquals(0, ppg.status(), ppg.err());
        assertTrue(ppg.out().contains("## Glossary"));
    }

    @Test
    void outWritesTheFileAndNeverTheRegister(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("letter.html");
        Run r = run(new LetterCommand(), SAMPLE, "--as-of", "2026-06-15", "--format", "html", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(out).contains("data-dsa-id=\"MB-05\""));

        Path register = dir.resolve("register.json");
        Files.copy(Path.of(SAMPLE), register);
        byte[] before = Files.readAllBytes(register);
        Run same = run(new PpgCommand(), register.toString(), "--out", register.toString());
        assertTrue(same.status() != 0);
        assertTrue(same.err().contains("--out would overwrite the input"), same.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(register)));
    }

    @Test
    void aBadDateIsRefused() {
        Run r = run(new ReferCommand(), SAMPLE, "--as-of", "2026-02-30");
        assertFalse(r.status() == 0);
        assertTrue(r.err().contains("not a real date"), r.err());
    }
}
