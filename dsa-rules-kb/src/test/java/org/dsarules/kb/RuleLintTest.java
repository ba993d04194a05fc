package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dsarules.DsaRules;
import org.dsarules.engine.KnowledgeBase;
import org.dsarules.engine.RuleIndex;
import org.dsarules.engine.RuleLint;
import org.dsarules.engine.RuleLint.Warning;
import org.dsarules.engine.RuleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 30, item 4: each kind of rule that compiles but can never fire as written is warned about at
 * its file and line, one bad overlay each, beside the real default rules; the default rules lint clean;
 * and every run-time build carries the warnings (the bad overlays compile: a warning, not an error).
 */
class RuleLintTest {
    private static final String HEADER = "package org.dsarules.local;\n\n"; // the rule keyword is on line 3

    private static final String WRONG_TYPE = """
            rule "lint-wrong-type"
                @citation("x")
            when
                $a: Agreement( )
                Party( instructedBy == PartyKind.COMMERCIAL ) from $a.partyList()
            then
            end
            """;
    private static final String FLAG_NEVER_RAISED = """
            rule "lint-flag-never-raised"
                @citation("x")
            when
                RaisedFlag( id == "RF-COMERCIAL" )
            then
            end
            """;
    private static final String FLAG_ON_ANOTHER_BASIS = """
            rule "lint-flag-on-another-basis"
                @citation("x")
            when
                RaisedFlag( id == "RF-CONFIDENTIALITY", basis == Basis.CAMPAIGN )
            then
            end
            """;
    private static final String UNKNOWN_POLICY = """
            rule "lint-unknown-policy"
                @policy("GPC-2026-5")
                @citation("x")
            when
                Campaign( policy == "GPC-2026-5", inForce )
            then
            end
            """;
    private static final String DATES = """
            rule "lint-dates"
                @policy("GPC-2026-05")
                @inForceFrom("2026-06-01")
                @citation("x")
            when
                Campaign( policy == "GPC-2026-05", inForce )
            then
            end
            """;
    private static final String NOT_WITH_INSERT = """
            rule "lint-not-with-insert"
                @policyRow("8.5")
                @patientReason("We keep it.")
                @nextSteps("Keep it")
                @citation("x")
            when
                Agreement( status == Status.EXISTING )
                not RaisedFlag( basis == Basis.LAW )
            then
                insert(Proposal.of(Outcome.KEEP, "Keep: on the keep-list."));
            end
            """;
    private static final String NO_WORDS = """
            rule "lint-no-words"
                @policyRow("8.5")
                @citation("x")
            when
                Agreement( status == Status.EXISTING )
            then
                insertLogical(Proposal.of(Outcome.KEEP, "Keep."));
            end
            """;

    /** The warnings about {@code rules}, linted with the default rules as an overlay would be. */
    private static List<Warning> lint(String rules) {
        List<RuleSource> sources = new ArrayList<>(KnowledgeBase.defaultSources(RuleLintTest.class.getClassLoader()));
        sources.add(new RuleSource("local/bad.drl", HEADER + rules));
        return RuleLint.lint(RuleIndex.of(sources));
    }

    private static String at(List<Warning> ws) {
        return ws.stream().map(w -> w.check() + "@" + w.line() + ":" + w.column()).collect(Collectors.joining(", "));
    }

    @Test
    void theDefaultRulesLintClean() {
        assertEquals(List.of(), RuleLint.lint(DsaRules.defaults().knowledgeBase().index()));
    }

    @Test
    void aStringFieldComparedWithAnEnumConstant() {
        List<Warning> ws = lint(WRONG_TYPE);
        assertEquals("wrong-type-value@7:12", at(ws));
        Warning w = ws.get(0);
        assertEquals("local/bad.drl", w.file());
        assertEquals("lint-wrong-type", w.rule());
        assertTrue(w.message().contains("Party.instructedBy is a String and is compared with PartyKind.COMMERCIAL"),
                w.toString());
    }

    @Test
    void aRedFlagIdNoRuleRaisesWithTheNearestOne() {
        List<Warning> ws = lint(FLAG_NEVER_RAISED);
        assertEquals("value-never-inserted@6:17", at(ws));
        assertTrue(ws.get(0).message().contains("(did you mean \"RF-COMMERCIAL\"?)"), ws.toString());
    }

    @Test
    void aRedFlagOnABasisNoRuleRaisesItOn() {
        List<Warning> ws = lint(FLAG_ON_ANOTHER_BASIS);
        assertEquals("value-never-inserted@6:45", at(ws));
        assertTrue(ws.get(0).message().contains("raised on the basis LAW"), ws.toString());
    }

    @Test
    void aPolicyNameNoRuleCreatesInTheMetadataAndTheCondition() {
        List<Warning> ws = lint(UNKNOWN_POLICY);
        assertEquals("unknown-policy@4:5, unknown-policy@7:15", at(ws));
        assertTrue(ws.get(0).message().contains("(did you mean \"GPC-2026-05\"?)"), ws.toString());
    }

    @Test
    void aDateThatDisagreesWithTheCondition() {
        List<Warning> ws = lint(DATES);
        assertEquals("dates-disagree@5:5", at(ws));
        assertTrue(ws.get(0).message().contains("@inForceFrom(\"2026-06-01\") but its conditions make 2026-05-01"),
                ws.toString());
        // The other way round: the condition dates the rule and the metadata does not say so.
        List<Warning> undeclared = lint(DATES.replace("    @inForceFrom(\"2026-06-01\")\n", ""));
        assertEquals("dates-disagree@3:1", at(undeclared));
        assertTrue(undeclared.get(0).message().contains("add @inForceFrom(\"2026-05-01\")"), undeclared.toString());
    }

    @Test
    void aNotOverInsertedFactsInARuleThatInsertsPlainly() {
        List<Warning> ws = lint(NOT_WITH_INSERT);
        assertEquals("not-with-insert@10:5", at(ws));
        assertTrue(ws.get(0).message().contains("insertLogical"), ws.toString());
        assertTrue(ws.get(0).message().contains("no guaranteed order"), ws.toString());
        assertEquals(List.of(), lint(NOT_WITH_INSERT.replace("insert(", "insertLogical(")));
    }

    @Test
    void aProposalWithoutPatientWordsOrNextSteps() {
        List<Warning> ws = lint(NO_WORDS);
        assertEquals("proposal-without-words@3:1, proposal-without-words@3:1", at(ws));
        Set<String> said = ws.stream().map(Warning::message).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(said.stream().anyMatch(m -> m.contains("@patientReason")), said.toString());
        assertTrue(said.stream().anyMatch(m -> m.contains("@nextSteps")), said.toString());
    }

    @Test
    void everyRunTimeBuildCarriesTheWarningsAndStillBuilds(@TempDir Path dir) throws Exception {
        String all = String.join("\n", WRONG_TYPE, FLAG_NEVER_RAISED, FLAG_ON_ANOTHER_BASIS, UNKNOWN_POLICY, DATES,
                NOT_WITH_INSERT, NO_WORDS);
        Files.writeString(dir.resolve("bad.drl"), HEADER + all);
        try (DsaRules rules = DsaRules.builder().rules(dir).build()) {
            Set<String> checks = rules.knowledgeBase().lintWarnings().stream().map(Warning::check)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("wrong-type-value", "value-never-inserted", "unknown-policy", "dates-disagree",
                    "not-with-insert", "proposal-without-words"), checks);
            assertTrue(rules.knowledgeBase().lintWarnings().stream()
                    .allMatch(w -> w.file().equals(dir.resolve("bad.drl").toString())), rules.knowledgeBase().lintWarnings().toString());
        }
        assertEquals(List.of(), DsaRules.defaults().knowledgeBase().lintWarnings());
    }
}
