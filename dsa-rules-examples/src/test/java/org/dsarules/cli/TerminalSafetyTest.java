package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's terminal attacks, in every command that writes text for people: register text (and rule
 * and scenario names) holding an 8-bit CSI (U+009B, which made a terminal show a WITHDRAW agreement as
 * KEEP), escape sequences, a vertical tab, NUL, a Unicode line separator, a bidi override, and, for
 * Markdown, bare URLs. None may reach standard output or standard error as it is, and no URL from the
 * register may be a link in Markdown.
 */
class TerminalSafetyTest {
    static final String AS_OF = "2026-06-15";
    static final String CSI = "\u009b2K\r   Outcome:  KEEP";
    static final String ESC = "\u001b[2J\u001b[1;1HKEEP\u001b]0;pwned\u0007";
    static final String OTHERS = "vt\u000bnul\u0000ls\u2028ps\u2029rlo\u202eKEEP\u2066iso\u2069del\u007fnel\u0085";
    static final String URL = "https://evil.example/x";
    static final String WWW = "www.evil.example";

    @TempDir
    static Path dir;

    static Path register;
    static Path scenario;
    static Path overlay;

    private static String json(String s) {
        try {
            String q = AuditCommandTest.MAPPER.writeValueAsString(s);
            return q.substring(1, q.length() - 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void files() throws IOException {
        String a = json("Evil " + CSI + " " + URL);
        String b = json("Org " + ESC + " " + WWW);
        String c = json("More " + OTHERS + " see " + URL);
        // One agreement each for WITHDRAW, ASK_ICB_FOR_INFORMATION and REFER_TO_BMA, every free text an attack.
        String text = """
            {
              "practice": {"odsCode": "X1%3$s", "name": "%1$s", "icb": "%2$s"},
              "agreements": [
                {"id": "EVIL-1%3$s", "title": "%1$s", "status": "EXISTING", "requestedBy": "%2$s",
                 "practiceRole": "CONTROLLER",
                 "parties": [{"name": "%2$s", "kind": "COMMERCIAL", "role": "CONTROLLER"}],
                 "purposes": ["RESEARCH"], "legalRequirement": {"kind": "NONE"}, "commercialAccess": true,
                 "identifiability": "PSEUDONYMISED", "commonLawBasis": "SECTION_251_SUPPORT",
                 "article6Bases": ["E"], "article9Conditions": ["J"], "nationalDataOptOutApplied": true,
                 "type1OptOutApplied": true, "dpiaProvided": true, "notes": "%3$s"},
                {"id": "EVIL-2", "title": "%2$s", "status": "EXISTING", "practiceRole": "CONTROLLER",
                 "parties": [{"name": "%1$s", "kind": "ICB", "role": "CONTROLLER"}],
                 "legalRequirement": {"kind": "NONE"}, "notes": "%1$s"},
                {"id": "EVIL-3", "title": "%3$s", "status": "NEW_REQUEST", "requestedBy": "%1$s",
                 "practiceRole": "CONTROLLER",
                 "parties": [{"name": "%3$s", "kind": "ICB", "role": "CONTROLLER"}],
                 "purposes": ["RISK_STRATIFICATION"], "identifiability": "PSEUDONYMISED"},
                {"id": "BAD%3$s", "status": "%1$s", "colour%2$s": 1}
              ]
            }
            """.formatted(a, b, c);
        register = dir.resolve("evil.json");
        Files.writeString(register, text, StandardCharsets.UTF_8);
        scenario = dir.resolve("scenarios/evil-scenario.json");
        Files.createDirectories(scenario.getParent());
        Files.writeString(scenario, """
            {"name": "%1$s", "asOf": "2026-06-15", "registerFile": "../evil.json",
             "expect": {"EVIL-2": {"outcome": "KEEP", "decisiveRule": "%2$s"}}}
            """.formatted(c, b), StandardCharsets.UTF_8);
        overlay = dir.resolve("rules/evil.drl");
        Files.createDirectories(overlay.getParent());
        Files.writeString(overlay, """
            package org.dsarules.local.evil;
            import org.dsarules.model.*;

            rule "evil-name\u009b2K-KEEP\u202e"
                @citation("cites \u001b[31m red \u2028 line")
            when
                Agreement( id == "nothing-has-this-id" )
            then
            end
            """, StandardCharsets.UTF_8);
    }

    /** Every command that writes text for people, on the attacking register (and rules, and scenario). */
    static List<List<String>> commands() {
        String f = register.toString();
        return List.of(
                List.of("audit", f, "--as-of", AS_OF),
                List.of("audit", f, "--as-of", AS_OF, "--trace", "full", "--rules", overlay.getParent().toString()),
                List.of("explain", f, "EVIL-2", "--as-of", AS_OF),
                List.of("explain", f, "EVIL-1" + OTHERS, "--as-of", AS_OF),
                List.of("diff", f, "--as-of", "2026-04-15", "--vs-as-of", AS_OF),
                List.of("diff", f, "--as-of", AS_OF, "--rules", overlay.getParent().toString()),
                List.of("refer", f, "--as-of", AS_OF, "--allow-incomplete"),
                List.of("letter", f, "--as-of", AS_OF, "--format", "text", "--allow-incomplete"),
                List.of("letter", f, "--as-of", AS_OF, "--format", "markdown", "--allow-incomplete"),
                List.of("ppg", f, "--as-of", AS_OF, "--allow-incomplete"),
                List.of("rules", "--rules", overlay.getParent().toString()),
                List.of("rules", "--format", "markdown", "--rules", overlay.getParent().toString()),
                List.of("test", scenario.toString()),
                List.of("explain", f, "NO-SUCH" + CSI, "--as-of", AS_OF),
                List.of("audit", dir.resolve("missing" + ESC + ".json").toString()));
    }

    /** A code point a terminal or a bidi-aware viewer acts on instead of showing. */
    static List<String> unsafe(String s) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean bad = (cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029
                    || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                    || cp == 0x061C || (cp >= 0xD800 && cp <= 0xDFFF);
            if (bad) {
                found.add(String.format("U+%04X at %d", cp, i));
            }
        }
        return found;
    }

    @ParameterizedTest
    @MethodSource("commands")
    void noControlCharacterFromTheRegisterReachesTheReader(List<String> args) {
        AuditCommandTest.Run r = AuditCommandTest.run(args.toArray(String[]::new));
        assertTrue(r.status() <= 2, r.err());
        assertEquals(List.of(), unsafe(r.out()), args + " stdout:\n" + r.out());
        assertEquals(List.of(), unsafe(r.err()), args + " stderr:\n" + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void theCsiAttackCannotForgeAnOutcomeOrTheSummary() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", register.toString(), "--as-of", AS_OF);
        List<String> outcomes = r.out().lines().filter(l -> l.strip().startsWith("Outcome:")).toList();
        assertEquals(3, outcomes.size(), r.out());
        assertTrue(outcomes.contains("   Outcome:  WITHDRAW"), outcomes.toString());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("  WITHDRAW ")).count());
    }

    /** In Markdown every register URL is in a code span: no renderer links it. */
    @Test
    void markdownOutputsLinkNoUrlFromTheRegister() {
        for (List<String> args : List.of(List.of("letter", register.toString(), "--as-of", AS_OF, "--format", "markdown", "--allow-incomplete"),
                List.of("ppg", register.toString(), "--as-of", AS_OF, "--allow-incomplete"))) {
            String md = AuditCommandTest.run(args.toArray(String[]::new)).out();
            int urls = 0;
            for (String bare : List.of(URL, WWW)) {
                Matcher m = Pattern.compile(Pattern.quote(bare)).matcher(md);
                while (m.find()) {
                    urls++;
                    assertTrue(m.start() > 0 && md.charAt(m.start() - 1) == '`',
                            args + ": a bare URL at " + m.start() + ": " + md.substring(Math.max(0, m.start() - 40), m.end()));
                }
            }
            assertTrue(urls > 0, "the register's URLs are shown (as code): " + args);
            assertFalse(md.contains("](http"), "no link syntax");
        }
    }
}
