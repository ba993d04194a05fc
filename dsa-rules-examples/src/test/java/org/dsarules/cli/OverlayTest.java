package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.AuditResult;
import org.dsarules.decision.Decision;
import org.dsarules.engine.RuleInfo;
import org.dsarules.exception.RuleCompilationException;
import org.dsarules.exception.UnknownRuleException;
import org.dsarules.kb.scenario.ScenarioResult;
import org.dsarules.kb.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worked overlays, rule files compiled at run time beside the precompiled knowledge base, and their errors. */
class OverlayTest {
    static final Path OVERLAYS = Path.of("overlays");

    @ParameterizedTest
    @ValueSource(strings = {"lmc-keep-list", "june-2026-escalation", "lmc-flags"})
    void overlayScenariosPass(String overlay) {
        DsaRules rules = DsaRules.builder().rules(OVERLAYS.resolve(overlay)).build();
        for (Path f : Scenarios.find(List.of(OVERLAYS.resolve(overlay).resolve("scenarios")))) {
            ScenarioResult r = Scenarios.run(rules, Scenarios.read(f));
            assertTrue(r.passed(), f + ": " + r.failures());
        }
    }

    @Test
    void anOverlayChangesOnlyTheDecisionsItTargetsAndTheFingerprint() {
        DsaRules plain = DsaRules.defaults();
        DsaRules withList = DsaRules.builder().rules(OVERLAYS.resolve("lmc-keep-list")).build();
        LocalDate asOf = LocalDate.parse("2026-06-15");
        AuditResult a = plain.audit(AuditCommandTest.SAMPLE, asOf);
        AuditResult b = withList.audit(AuditCommandTest.SAMPLE, asOf);
        int changed = 0;
        for (int i = 0; i < a.decisions().size(); i++) {
            Decision x = a.decisions().get(i);
            Decision y = b.decisions().get(i);
            if (x.outcome() != y.outcome()) {
                changed++;
                assertEquals("MB-08", x.dsaId());
            }
        }
        assertEquals(1, changed);
        assertNotEquals(plain.knowledgeBaseInfo().fingerprint(), withList.knowledgeBaseInfo().fingerprint());
        assertEquals(withList.knowledgeBaseInfo().fingerprint(),
                DsaRules.builder().rules(OVERLAYS.resolve("lmc-keep-list")).build().knowledgeBaseInfo().fingerprint());
    }

    @Test
    void precompiledAndRuntimeCompiledDefaultRulesDecideAlike() {
        // Disabling nothing through rulesOnly of the default sources forces the run-time compiler.
        DsaRules precompiled = DsaRules.defaults();
        DsaRules compiled = DsaRules.builder().rules("empty-overlay.drl", "package org.dsarules.local;\n").build();
        // The two compilers may order rules differently, so the trace may list the same steps in
        // another order; everything else, the decisive rule included, must be identical.
        for (String date : List.of("2026-04-01", "2026-06-15")) {
            AuditResult a = precompiled.audit(AuditCommandTest.SAMPLE, LocalDate.parse(date));
            AuditResult b = compiled.audit(AuditCommandTest.SAMPLE, LocalDate.parse(date));
            for (int i = 0; i < a.decisions().size(); i++) {
                assertEquals(canonical(a.decisions().get(i)), canonical(b.decisions().get(i)), "as of " + date);
            }
            assertEquals(a.decisions().size(), b.decisions().size());
        }
    }

    @Test
    void metadataReadsTheSameFromThePrecompiledAndTheRuntimeCompiledRules() {
        // Drools keeps the quotes of a metadata value compiled at run time and drops them in the kjar:
        // RuleInfo strips them, so a document reading any key by name sees the same text either way.
        DsaRules precompiled = DsaRules.defaults();
        DsaRules compiled = DsaRules.builder().rules(OVERLAYS.resolve("lmc-keep-list")).build();
        precompiled.knowledgeBase().rules().forEach((name, info) ->
                assertEquals(info.metadata(), compiled.knowledgeBase().rules().get(name).metadata(), name));
        String reason = compiled.knowledgeBase().rules().get("westvale-lmc-keep-list-public-health-feed")
                .meta(RuleInfo.PATIENT_REASON);
        assertTrue(reason.startsWith("Our Local Medical Committee lists this agreement"), reason);
        assertEquals(precompiled.knowledgeBase().rules().get("keep-lmc-advice").meta("patientReason"),
                "Our Local Medical Committee advised that this agreement is needed, so we are keeping it for now.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lmc-keep-list", "june-2026-escalation"})
    void everyProposingOverlayRuleHasAPatientReason(String overlay) {
        DsaRules rules = DsaRules.builder().rules(OVERLAYS.resolve(overlay)).build();
        List<RuleInfo> proposing = rules.knowledgeBase().rules().values().stream()
                .filter(r -> r.policyRow() != null && !DsaRules.defaults().knowledgeBase().rules().containsKey(r.name()))
                .toList();
        assertEquals(1, proposing.size());
        proposing.forEach(r -> assertTrue(r.meta("patientReason") != null && !r.meta("patientReason").isBlank(),
                r.name()));
    }

    static Decision canonical(Decision d) {
        List<org.dsarules.decision.TraceStep> steps = new java.util.ArrayList<>(d.trace());
        steps.sort(java.util.Comparator.comparing(org.dsarules.decision.TraceStep::rule)
                .thenComparing(org.dsarules.decision.TraceStep::explanation));
        return new Decision(d.dsaId(), d.outcome(), d.decisiveRule(), d.summary(), d.redFlags(), d.missing(), steps,
                d.questionsForIcb(), d.nextSteps());
    }

    @Test
    void disablingARuleSwitchesItOffAndAnUnknownNameIsAnError() {
        DsaRules rules = DsaRules.builder().disable("ask-purposes").build();
        AuditResult r = rules.audit(AuditCommandTest.SAMPLE, LocalDate.parse("2026-06-15"));
        assertTrue(r.decisions().stream().noneMatch(d -> d.dsaId().equals("MB-13")));
        assertEquals("MB-13", r.errors().get(0).dsaId());
        // Issue 16: a misspelt name is a mistake in the options, not in the rules.
        UnknownRuleException e = assertThrows(UnknownRuleException.class,
                () -> DsaRules.builder().disable("ask-purpose").build());
        assertTrue(e.getMessage().contains("did you mean \"ask-purposes\""), e.getMessage());
        AuditCommandTest.Run run = AuditCommandTest.run("audit", AuditCommandTest.SAMPLE.toString(),
                "--disable", "ask-purpose");
        assertEquals(2, run.status());
        assertEquals("dsa-audit: --disable: no rule is named \"ask-purpose\" (did you mean \"ask-purposes\"?)",
                run.err().lines().findFirst().orElse(""), run.err());
        assertTrue(!run.err().contains("do not compile"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aBrokenRuleFileGivesFileLineAndNoKnowledgeBase(@TempDir Path dir) throws Exception {
        Path drl = dir.resolve("broken.drl");
        Files.writeString(drl, """
                package org.dsarules.local;
                import org.dsarules.model.*;

                rule "broken"
                    @citation("nowhere")
                when
                    Agreement( status == Status.NOPE )
                then
                end
                """);
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> DsaRules.builder().rules(dir).build());
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals(drl.toString()) && p.line() == 7),
                e.problems().toString());

        AuditCommandTest.Run r = AuditCommandTest.run("audit", AuditCommandTest.SAMPLE.toString(), "--rules", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(drl + ":7:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aRuleWithoutCitationIsAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("uncited.drl"), """
                package org.dsarules.local;
                import org.dsarules.model.*;

                rule "uncited"
                when
                    Agreement( )
                then
                end
                """);
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> DsaRules.builder().rules(dir).build());
        assertEquals(1, e.problems().size());
        assertEquals(4, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().contains("@citation"));
    }

    @Test
    void testCommandReportsFailuresWithTraceAndCounts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("wrong.json"), """
                {"name": "deliberately wrong", "asOf": "2026-06-15",
                 "register": {"agreements": [{"id": "X", "status": "EXISTING", "purposes": ["DIRECT_CARE"]}]},
                 "expect": {"X": {"outcome": "WITHDRAW"}}}""");
        AuditCommandTest.Run r = AuditCommandTest.run("test", dir.toString(),
                OVERLAYS.resolve("lmc-keep-list/scenarios").toString(), "--rules", OVERLAYS.resolve("lmc-keep-list").toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("X: outcome: expected WITHDRAW, got ASK_ICB_FOR_INFORMATION"), r.out());
        assertTrue(r.out().contains("trace of X"), r.out());
        assertTrue(r.out().strip().endsWith("2 passed, 1 failed"), r.out());
    }

    @Test
    void rulesOnlyUsesTheGivenRulesInsteadOfTheDefault(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("keep-all.drl"), """
                package org.dsarules.local;
                import org.dsarules.decision.Outcome;
                import org.dsarules.facts.*;
                import org.dsarules.model.*;

                rule "keep-everything-known"
                    @policyRow("1")
                    @citation("A deliberately simple local policy")
                when
                    Agreement( status != null )
                then
                    insert(Proposal.of(Outcome.KEEP, "Keep: this local policy keeps every agreement whose status is known."));
                end
                """);
        AuditCommandTest.Run r = AuditCommandTest.run("audit", AuditCommandTest.SAMPLE.toString(), "--format", "json",
                "--as-of", "2026-06-15", "--rules-only", dir.toString());
        assertEquals(0, r.status(), r.err());
        com.fasterxml.jackson.databind.JsonNode doc = AuditCommandTest.MAPPER.readTree(r.out());
        assertEquals("local", doc.get("knowledgeBase").get("name").asText());
        assertEquals(13, doc.get("summary").get("KEEP").asInt());
        assertEquals(1, doc.get("decisions").get(0).get("trace").size(), "no default rule fired");

        Files.writeString(dir.resolve("keep-all.drl"), Files.readString(dir.resolve("keep-all.drl"))
                .replace("status != null", "status == Status.NEW_REQUEST"));
        AuditCommandTest.Run partial = AuditCommandTest.run("audit", AuditCommandTest.SAMPLE.toString(), "--format",
                "json", "--as-of", "2026-06-15", "--rules-only", dir.toString());
        assertEquals(1, partial.status(), "agreements no rule decides are errors, not dropped");
        com.fasterxml.jackson.databind.JsonNode p = AuditCommandTest.MAPPER.readTree(partial.out());
        assertEquals(1, p.get("decisions").size());
        assertEquals(12, p.get("errors").size());
        assertTrue(p.get("errors").get(0).get("message").asText().contains("no rule proposed an outcome"));
    }

    @Test
    void aRuleThatRetriggersItselfIsStoppedAndReportedPerRecord(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("loop.drl"), """
                package org.dsarules.local;
                import org.dsarules.facts.*;
                import org.dsarules.model.*;

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
        assertEquals(1, r.status(), r.err());
        com.fasterxml.jackson.databind.JsonNode doc = AuditCommandTest.MAPPER.readTree(r.out());
        assertEquals(12, doc.get("decisions").size(), "the other agreements are still decided");
        assertEquals("MB-01", doc.get("errors").get(0).get("dsaId").asText());
        assertTrue(doc.get("errors").get(0).get("message").asText().contains("triggers itself"));
    }

    @Test
    void theFingerprintDependsOnTheRulesNotOnWhereTheirFilesLie(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("here/lmc"));
        Path b = Files.createDirectories(dir.resolve("somewhere/else/entirely"));
        Path drl = OVERLAYS.resolve("lmc-keep-list/westvale-lmc-keep-list.drl");
        Files.copy(drl, a.resolve("keep.drl"));
        Files.copy(drl, b.resolve("keep.drl"));
        String fa = DsaRules.builder().rules(a).build().knowledgeBaseInfo().fingerprint();
        String fb = DsaRules.builder().rules(b).build().knowledgeBaseInfo().fingerprint();
        assertEquals(fa, fb);
        Files.writeString(b.resolve("keep.drl"), Files.readString(drl).replace("8.5", "8.6"));
        assertNotEquals(fa, DsaRules.builder().rules(b).build().knowledgeBaseInfo().fingerprint());
        assertNotEquals(fa, DsaRules.builder().rules(a).disable("keep-direct-care").build().knowledgeBaseInfo()
                .fingerprint(), "disabled rules are part of the fingerprint");
    }
}
