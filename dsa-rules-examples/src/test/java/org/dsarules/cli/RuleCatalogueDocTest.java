package org.dsarules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.engine.RuleCatalogue;
import org.dsarules.engine.RuleCatalogue.Entry;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} is the catalogue of the default rules; it must match the rules. When a rule
 * changes, regenerate it: {@code mvn -pl dsa-rules-examples test -Dtest=RuleCatalogueDocTest -Ddsa.updateDocs=true}
 * (or {@code dsa-audit rules --format markdown > docs/rules.md}).
 */
class RuleCatalogueDocTest {
    static final Path DOC = Path.of("../docs/rules.md");

    @Test
    void docsRulesMdIsCurrent() throws Exception {
        DsaRules rules = DsaRules.defaults();
        String expected = RulesCommand.markdown(rules, RuleCatalogue.of(rules.knowledgeBase()));
        if (Boolean.getBoolean("dsa.updateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOC), DOC + " is missing: run with -Ddsa.updateDocs=true");
        assertEquals(expected, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/rules.md is stale: regenerate it with -Ddsa.updateDocs=true (see this test's javadoc)");
    }

    @Test
    void catalogueListsEveryRuleWithFileRowFlagAndDates() {
        DsaRules rules = DsaRules.defaults();
        List<Entry> entries = RuleCatalogue.of(rules.knowledgeBase());
        assertEquals(rules.knowledgeBase().rules().keySet(), entries.stream().map(Entry::name)
                .collect(java.util.stream.Collectors.toSet()));
        Entry lmc = entries.stream().filter(e -> e.name().equals("withdraw-lmc-advice")).findFirst().orElseThrow();
        assertEquals("2", lmc.policyRow());
        assertEquals(LocalDate.parse("2026-05-01"), lmc.from());
        assertTrue(lmc.file().endsWith("outcomes.drl"));
        Entry before = entries.stream().filter(e -> e.name().equals("keep-secondary-before-campaign")).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.parse("2026-04-30"), before.until());
        Entry flag = entries.stream().filter(e -> e.name().equals("rf-practice-not-controller")).findFirst().orElseThrow();
        assertEquals("RF-PRACTICE-NOT-CONTROLLER", flag.redFlag());
        assertTrue(entries.stream().allMatch(e -> !e.citations().isEmpty() && e.line() > 0));
    }

    @Test
    void rulesCommandPrintsEachFormat() throws Exception {
        AuditCommandTest.Run json = AuditCommandTest.run("rules", "--format", "json");
        assertEquals(0, json.status());
        assertTrue(AuditCommandTest.MAPPER.readTree(json.out()).get("rules").size() > 50);
        AuditCommandTest.Run text = AuditCommandTest.run("rules", "--rules", "overlays/lmc-keep-list");
        assertTrue(text.out().contains("westvale-lmc-keep-list-public-health-feed"));
        assertTrue(text.out().contains("row:       8.5"));
    }
}
