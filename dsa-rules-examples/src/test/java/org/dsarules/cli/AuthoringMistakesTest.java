package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.engine.RuleCatalogue;
import org.dsarules.exception.RuleCompilationException;
import org.dsarules.exception.RuleCompilationException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: each mistake a policy author made, compiled for real, with the message and the DRL
 * position it must be reported at. Each rule file starts with the guide's three header lines and a
 * blank line, so the rule keyword is on line 5.
 */
class AuthoringMistakesTest {
    private static final String HEADER = """
            package org.dsarules.local;
            import org.dsarules.facts.*;
            import org.dsarules.model.*;

            """;

    @TempDir
    Path dir;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("an unknown fact type", """
                        rule "a"
                            @citation("x")
                        when
                            Agreemnt( status == Status.EXISTING )
                        then
                        end
                        """, 8, 5, "rule \"a\": no fact type is named \"Agreemnt\" (did you mean \"Agreement\"?)"),
                Arguments.of("an unknown field", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( stauts == Status.EXISTING )
                        then
                        end
                        """, 8, 16, "rule \"a\": Agreement has no field \"stauts\" (did you mean \"status\"?)"),
                Arguments.of("a missing method", """
                        rule "a"
                            @citation("x")
                        when
                            $a: Agreement( )
                            Party( isNamd("x") ) from $a.partyList()
                        then
                        end
                        """, 9, 12, "rule \"a\": Party has no method \"isNamd\" taking (String) (did you mean \"isNamed\"?)"),
                Arguments.of("an enum constant misspelt", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( status == Status.EXISTNG )
                        then
                        end
                        """, 8, 33, "rule \"a\": Status has no value \"EXISTNG\" (did you mean \"EXISTING\"?)"),
                Arguments.of("an enum compared with a string (in generated Java)", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( status == "EXISTING" )
                        then
                        end
                        """, 8, 26, "rule \"a\": a Status is compared with a String: write Status.EXISTING, not \"EXISTING\""),
                Arguments.of("a value that cannot be coerced", """
                        rule "ok"
                            @citation("x")
                        when
                            Agreement( status == Status.EXISTING )
                        then
                        end

                        rule "wrong"
                            @citation("x")
                        when
                            Agreement( commercialAccess == 5 )
                        then
                        end
                        """, 15, 36, "rule \"wrong\": Cannot coerce int to boolean!"),
                Arguments.of("a syntax error (a missing bracket)", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( status == Status.EXISTING
                        then
                        end
                        """, 8, 40, "syntax error: mismatched input 'then' in rule \"a\" (line 9)"),
                Arguments.of("a variable that is not bound (in generated Java)", """
                        rule "a"
                            @citation("x")
                        when
                            $a: Agreement( status == Status.EXISTING )
                        then
                            insert(new Note("t", $nope));
                        end
                        """, 10, 26, "rule \"a\": \"$nope\" is not bound in the rule's conditions; it binds $a"),
                Arguments.of("a constructor that does not exist (in generated Java)", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( )
                        then
                            insert(new Note("t"));
                        end
                        """, 10, 16, "rule \"a\": new Note(String) does not exist: write Note(String topic, String explanation)"),
                Arguments.of("a type misspelt in the consequence (in generated Java)", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( )
                        then
                            insert(new Notte("t", "x"));
                        end
                        """, 10, 16, "rule \"a\": no type is named \"Notte\" (did you mean \"Note\"?)"),
                Arguments.of("a consequence that is not Java", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( )
                        then
                            insert(new Note("t", "x")
                        end
                        """, 10, 1, "the consequence of rule \"a\" is not valid Java: Parse error. Found \"}\""),
                Arguments.of("@policyRow that is not a number", """
                        rule "a"
                            @policyRow("x")
                            @citation("x")
                        when
                            Agreement( )
                        then
                            insert(Proposal.of(Outcome.KEEP, "k"));
                        end
                        """, 6, 5, "rule \"a\": @policyRow(\"x\") is not a number"),
                Arguments.of("a rule that proposes without @policyRow", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( )
                        then
                            insert(Proposal.ask("s", "q"));
                        end
                        """, 5, 1, "rule \"a\" proposes an outcome (ASK_ICB_FOR_INFORMATION) but has no @policyRow"),
                Arguments.of("a rule without @citation", """
                        rule "a"
                        when
                            Agreement( )
                        then
                        end
                        """, 5, 1, "rule \"a\" has no @citation metadata"),
                Arguments.of("a date that is not a date", """
                        rule "a"
                            @inForceFrom("1 June 2026")
                            @citation("x")
                        when
                            Agreement( )
                        then
                        end
                        """, 6, 5, "rule \"a\": @inForceFrom(\"1 June 2026\") is not a YYYY-MM-DD date"),
                Arguments.of("a name used twice in two packages", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( )
                        then
                        end
                        """ + "package org.dsarules.other;\nrule \"a\" @citation(\"y\") when then end\n", 12, 1,
                        "rule \"a\" is already defined at "),
                // Issue 30, item 5: errors after "then" at their own line, with the rule's name.
                Arguments.of("a JavaBeans getter on a record after then", """
                        rule "a"
                            @citation("x")
                        when
                            $a: Agreement( )
                            $p: Party( ) from $a.partyList()
                        then
                            System.out.println($p.getName());
                        end
                        """, 11, 27, "rule \"a\": Party has no method \"getName\": Party is a record, and records have"
                        + " accessors: write name(), not getName()"),
                Arguments.of("a misspelt accessor after then, on its own line of the consequence", """
                        rule "a"
                            @citation("x")
                        when
                            $a: Agreement( )
                        then
                            String unused = "a line before the mistake";
                            insert(new Note("t", $a.titel()));
                        end
                        """, 11, 29, "rule \"a\": Agreement has no method \"titel\" (did you mean \"title\"?)"),
                Arguments.of("a misspelt field as a method's argument", """
                        rule "a"
                            @citation("x")
                        when
                            $a: Agreement( )
                            Party( name.contains("x"), isNamed(nmae) ) from $a.partyList()
                        then
                        end
                        """, 9, 40, "rule \"a\": Party has no field \"nmae\" (did you mean \"name\"?)"),
                Arguments.of("a misspelt field a method is called on", """
                        rule "a"
                            @citation("x")
                        when
                            $a: Agreement( programe.equalsIgnoreCase("CPRD") )
                        then
                        end
                        """, 8, 20, "rule \"a\": Agreement has no field \"programe\" (did you mean \"programme\"?)"),
                Arguments.of("an enum field compared with another enum's constant", """
                        rule "a"
                            @citation("x")
                        when
                            Agreement( status == PracticeRole.CONTROLLER )
                        then
                        end
                        """, 8, 26, "rule \"a\": a Status is compared with PracticeRole.CONTROLLER, a value of another"
                        + " type: compare it with a Status value (NEW_REQUEST, EXISTING)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeIsReportedAtItsDrlPositionWithAPlainMessage(String mistake, String rules, int line, int column,
            String message) throws Exception {
        Path file = dir.resolve("local.drl");
        Files.writeString(file, HEADER + rules);
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> DsaRules.builder().rulesOnly(dir).build(), mistake);
        assertEquals(1, e.problems().size(), e.problems().toString());
        Problem p = e.problems().get(0);
        assertEquals(file.toString(), p.file(), p.toString());
        assertEquals(line + ":" + column, p.line() + ":" + p.column(), p.toString());
        assertTrue(p.message().contains(message), p.toString());
        assertFalse(p.toString().contains(".java"), "never generated Java: " + p);
        assertFalse(p.toString().contains("Lambda"), "never generated Java: " + p);
    }

    @Test
    void theGuidesImportsAreEnoughForOutcomeAndLocalDate() throws Exception {
        Files.writeString(dir.resolve("local.drl"), HEADER + """
                rule "a"
                    @policyRow("8.5")
                    @citation("x")
                when
                    AsOf( date.isAfter(LocalDate.parse("2026-01-01")) )
                then
                    insert(Proposal.of(Outcome.KEEP, "k"));
                end
                """);
        assertEquals(1, DsaRules.builder().rulesOnly(dir).build().knowledgeBase().rules().size());
    }

    @Test
    void anOverlayRuleNamedLikeADefaultRuleIsRefusedAtTheAuthorsLine() throws Exception {
        Path file = dir.resolve("local.drl");
        Files.writeString(file, HEADER + """
                rule "keep-direct-care"
                    @policyRow("13.5")
                    @citation("x")
                when
                    Agreement( )
                then
                    insert(Proposal.of(Outcome.KEEP, "k"));
                end
                """);
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> DsaRules.builder().rules(dir).build());
        Problem p = e.problems().get(0);
        assertEquals(file + ":5:1", p.file() + ":" + p.line() + ":" + p.column());
        assertTrue(p.message().contains("is already defined at org/dsarules/kb/outcomes.drl:"), p.message());
    }

    @Test
    void aHugeRuleNameGivesAShortErrorAtItsLine() throws Exception {
        Files.writeString(dir.resolve("local.drl"), HEADER + "rule \"" + "n".repeat(10_000_000) + "\"\n"
                + "    @citation(\"x\")\nwhen\n    Agreemnt( )\nthen\nend\n");
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> DsaRules.builder().rulesOnly(dir).build());
        assertTrue(e.getMessage().length() < 2_000, "bounded: " + e.getMessage().length() + " characters");
        assertEquals(5, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("(10000000 characters)"), e.getMessage());
    }

    @Test
    void hiddenFilesAndFoldersAreIgnoredForCompilingFingerprintAndCatalogue(@TempDir Path other) throws Exception {
        String fine = HEADER + "rule \"fine\"\n    @citation(\"x\")\nwhen\n    Agreement( )\nthen\nend\n";
        Files.writeString(dir.resolve("fine.drl"), fine);
        Files.writeString(dir.resolve(".broken.drl"), "this is not DRL\n");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/x.drl"), "nor is this\n");
        Files.writeString(other.resolve("fine.drl"), fine);
        DsaRules withHidden = DsaRules.builder().rulesOnly(dir).build();
        DsaRules without = DsaRules.builder().rulesOnly(other).build();
        assertEquals(without.knowledgeBaseInfo().fingerprint(), withHidden.knowledgeBaseInfo().fingerprint());
        assertEquals(List.of("fine"), RuleCatalogue.of(withHidden.knowledgeBase()).stream()
                .map(RuleCatalogue.Entry::name).toList());
        assertEquals(1, withHidden.knowledgeBase().sources().size());
    }

    @Test
    void theLoopMessageNamesTheRuleThatKeptFiring() throws Exception {
        Files.writeString(dir.resolve("loop.drl"), HEADER + """
                rule "note-forever"
                    @citation("a broken local rule")
                when
                    $n: Note( topic == "loop" ) or Agreement( id == "MB-01" )
                then
                    insert(new Note("loop", "again"));
                end
                """);
        AuditCommandTest.Run r = AuditCommandTest.run("audit", AuditCommandTest.SAMPLE.toString(), "--format", "json",
                "--as-of", "2026-06-15", "--rules", dir.toString());
        String message = AuditCommandTest.MAPPER.readTree(r.out()).get("errors").get(0).get("message").asText();
        assertTrue(message.contains("\"note-forever\" fired "), message);
        assertFalse(message.contains("\"classify-"), "only the rule that kept firing: " + message);
    }

    @Test
    void aScenarioNamingARuleTheKnowledgeBaseDoesNotHaveFails() throws Exception {
        Files.writeString(dir.resolve("typo.json"), """
                {"name": "a typo in notFired", "asOf": "2026-06-15",
                 "register": {"agreements": [{"id": "X", "status": "EXISTING", "purposes": ["DIRECT_CARE"]}]},
                 "expect": {"X": {"outcome": "ASK_ICB_FOR_INFORMATION", "notFired": ["keep-direct-cares"],
                                  "fired": ["ask-direct-care-unknowns"]}}}""");
        AuditCommandTest.Run r = AuditCommandTest.run("test", dir.toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("X: notFired: expected a rule of the knowledge base, got no rule is named"
                + " \"keep-direct-cares\" (did you mean \"keep-direct-care\"?)"), r.out());
        assertTrue(r.out().contains("X: fired: expected a rule of the knowledge base, got no rule is named"
                + " \"ask-direct-care-unknowns\" (did you mean \"ask-direct-care-unknown\"?)"), r.out());
    }

    @Test
    void anUnreadableScenarioRegisterFailsThatScenarioOnlyNamingItsFile(@TempDir Path registers) throws Exception {
        // Deeper than the register reader accepts (a parser limit), though valid JSON.
        String deep = "[".repeat(150) + "]".repeat(150);
        Path register = registers.resolve("deep-register.json");
        Files.writeString(register, "{\"agreements\": [{\"id\": \"D\", \"title\": " + deep + "}]}");
        Files.writeString(dir.resolve("a-deep.json"), "{\"name\": \"deep\", \"asOf\": \"2026-06-15\", \"registerFile\": "
                + AuditCommandTest.MAPPER.writeValueAsString(register.toString())
                + ", \"expect\": {\"D\": {\"outcome\": \"KEEP\"}}}");
        Files.writeString(dir.resolve("b-fine.json"), """
                {"name": "fine", "asOf": "2026-06-15",
                 "register": {"agreements": [{"id": "X", "status": "EXISTING", "purposes": ["DIRECT_CARE"]}]},
                 "expect": {"X": {"outcome": "ASK_ICB_FOR_INFORMATION"}}}""");
        AuditCommandTest.Run r = AuditCommandTest.run("test", dir.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL deep"), r.out());
        assertTrue(r.out().contains(register + ": exceeds a parser limit"), "names the register's own file: " + r.out());
        assertTrue(r.out().contains("ok   fine"), "the other scenarios still run: " + r.out());
        assertTrue(r.out().strip().endsWith("1 passed, 1 failed"), r.out());
    }

    @Test
    void coverageReportsEachOverlaysRulesApartFromTheDefaultOnes() {
        AuditCommandTest.Run r = AuditCommandTest.run("test", OverlayTest.OVERLAYS.resolve("lmc-keep-list/scenarios")
                .toString(), "--rules", OverlayTest.OVERLAYS.resolve("lmc-keep-list").toString(), "--coverage");
        assertEquals(0, r.status(), r.out());
        String out = r.out();
        int defaults = out.indexOf("  default knowledge base:");
        int overlay = out.indexOf("westvale-lmc-keep-list.drl:");
        assertTrue(defaults >= 0 && overlay > defaults, out);
        String overlayPart = out.substring(overlay);
        assertTrue(overlayPart.contains("westvale-lmc-keep-list-public-health-feed"), out);
        assertTrue(overlayPart.contains("Rules fired: 1 of 1 (100.0%)"), out);
        String defaultPart = out.substring(defaults, overlay);
        int total = DsaRules.defaults().knowledgeBase().rules().size();
        assertTrue(defaultPart.matches("(?s).*Rules fired: \\d+ of " + total + " \\(.*"), defaultPart);
    }
}
