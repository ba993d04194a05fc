package org.dsarules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.dsarules.decision.Outcome;
import org.dsarules.engine.RuleIndex.IndexedRule;
import org.junit.jupiter.api.Test;

/** The one reader of rule files: rules, lines, metadata, and what is not a rule. */
class RuleIndexTest {

    private static final String DRL = """
            package org.dsarules.local;
            // rule "in-a-line-comment" is not a rule
            /* nor is
            rule "in-a-block-comment"
            */
            function String f() {
                return "rule \\"in-a-function-string\\"";
            }

              rule "first"  @policyRow("8.5")
                @citation("A | B") @patientReason("We keep it (for now).")
            when
                Agreement( title == "rule \\"in-a-string\\"" ) // then end
            then
                String s = \"""
                    rule "in-a-text-block"
                    end
                    \""";
                insert(Proposal.of(Outcome.KEEP, "end"));
            end
            rule second @citation("C") when then
                // Proposal.ask( in a comment proposes nothing
                insert(new Note("x", "Proposal.ask( in a string neither"));
            end
            query "q" rule_like : Agreement() end
            rule "third"
                @citation("D")
                @policyRow( 9 )
            then
                insert(Proposal.ask("a", "b"));
            end
            """;

    @Test
    void findsOnlyTheRulesAndTheirTrueLinesAndColumns() {
        RuleIndex index = RuleIndex.of(List.of(new RuleSource("local.drl", DRL)));
        assertEquals(List.of("first", "second", "third"), index.rules().stream().map(IndexedRule::name).toList());
        String[] lines = DRL.split("\n", -1);
        for (IndexedRule r : index.rules()) {
            String line = lines[r.line() - 1];
            assertTrue(line.substring(r.column() - 1).startsWith("rule "), r.name() + " at " + r.at() + ": " + line);
            assertTrue(line.contains(r.name()), line);
            assertEquals("org.dsarules.local", r.packageName());
        }
        IndexedRule first = index.rule("first").orElseThrow();
        assertEquals(10, first.line());
        assertEquals(3, first.column());
        assertEquals("8.5", first.meta("policyRow").orElseThrow().value());
        assertEquals(10, first.meta("policyRow").orElseThrow().line());
        assertEquals("We keep it (for now).", first.meta("patientReason").orElseThrow().value());
        assertEquals(11, first.meta("patientReason").orElseThrow().line());
        assertEquals("Agreement( title == \"rule \\\"in-a-string\\\"\" )", first.conditions());
        assertEquals(Outcome.KEEP, first.proposes());
        assertEquals(14, first.thenLine());
        IndexedRule second = index.rule("second").orElseThrow();
        assertNull(second.proposes(), "a proposal in a comment or a string is not one");
        IndexedRule third = index.rule("third").orElseThrow();
        assertEquals("9", third.meta("policyRow").orElseThrow().value());
        assertEquals(false, third.meta("policyRow").orElseThrow().quoted());
        assertEquals(Outcome.ASK_ICB_FOR_INFORMATION, third.proposes());
        assertEquals(List.of(), index.problems());
    }

    @Test
    void ranksFollowTheFileKeysAndDuplicatesAreRefusedAtTheLaterFile() {
        RuleSource b = new RuleSource("b.drl", "package b;\nrule \"x\" @citation(\"c\") then end\nrule \"y\" then end\n");
        RuleSource a = new RuleSource("user/a.drl", "zz/a.drl", "package a;\n\n\n  rule \"y\" then end\n");
        RuleIndex index = RuleIndex.of(List.of(b, a));
        assertEquals(0, index.rank("x"));
        assertEquals(1, index.rank("y"), "ranks follow the keys: b.drl before zz/a.drl");
        assertEquals("b.drl", index.rule("y").orElseThrow().file(), "the first declaration in load order is kept");
        assertEquals(1, index.problems().size());
        RuleIndex.Problem p = index.problems().get(0);
        assertEquals("user/a.drl", p.source().name());
        assertEquals(4, p.line());
        assertEquals(3, p.column());
        assertTrue(p.message().contains("already defined at b.drl:3:1 (in package b)"), p.message());
        assertEquals(Set.of("x", "y"), index.names());
    }

    @Test
    void anUnterminatedCommentIsAProblemAtItsStart() {
        RuleIndex index = RuleIndex.of(List.of(new RuleSource("u.drl", "package p;\n\n  /* never closed\nrule \"r\"\n")));
        assertEquals(List.of(), index.rules());
        assertEquals(3, index.problems().get(0).line());
        assertEquals(3, index.problems().get(0).column());
    }

    @Test
    void theFingerprintDependsOnKeysAndTextsNotOnNamesOrOrder() {
        RuleSource x = new RuleSource("/home/me/x.drl", "rules/x.drl", "package p;\n");
        RuleSource y = new RuleSource("/tmp/y.drl", "rules/y.drl", "package q;\n");
        String f = RuleIndex.of(List.of(x, y)).fingerprint(Set.of());
        assertEquals(f, RuleIndex.of(List.of(y, new RuleSource("elsewhere/x.drl", "rules/x.drl", "package p;\r\n")))
                .fingerprint(Set.of()));
        assertTrue(!f.equals(RuleIndex.of(List.of(x, y)).fingerprint(Set.of("r"))));
    }

    @Test
    void defaultImportsKeepEveryLineNumber() {
        String drl = "package a.b\nimport java.util.List;\n\nrule \"r\" then end\n";
        String with = RuleCompiler.withDefaultImports(drl);
        assertEquals(drl.split("\n", -1).length, with.split("\n", -1).length);
        assertTrue(with.startsWith("package a.b; import org.dsarules.decision.Outcome;"), with);
        assertTrue(RuleCompiler.withDefaultImports("rule \"r\" then end\n").startsWith("import "));
        assertTrue(RuleCompiler.withDefaultImports("package a;\n").startsWith("package a; import "));
    }

    @Test
    void aHugeNameMakesAShortMessage() {
        String name = "n".repeat(10_000_000);
        RuleIndex index = RuleIndex.of(List.of(new RuleSource("a.drl", "rule \"" + name + "\" then end\n"),
                new RuleSource("b.drl", "rule \"" + name + "\" then end\n")));
        assertEquals(1, index.problems().size());
        assertTrue(index.problems().get(0).message().length() < 400, "bounded");
        assertTrue(index.problems().get(0).message().contains("(10000000 characters)"));
    }
}
