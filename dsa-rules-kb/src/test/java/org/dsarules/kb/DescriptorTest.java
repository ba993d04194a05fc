package org.dsarules.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dsarules.DsaRules;
import org.dsarules.engine.KnowledgeBase;
import org.dsarules.engine.RuleSource;
import org.junit.jupiter.api.Test;

/**
 * META-INF/dsa-rules/knowledge-base.properties lists the rule files that the fingerprint covers and
 * that overlays are compiled beside: it must list exactly the DRL files of this module, in file-name
 * order, and the knowledge base must hold exactly the rules they declare.
 */
class DescriptorTest {

    @Test
    void theDescriptorListsExactlyTheRuleFiles() throws Exception {
        Path dir = Path.of("src/main/resources");
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(dir)) {
            onDisk = files.filter(p -> p.toString().endsWith(".drl"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> listed = KnowledgeBase.defaultSources(getClass().getClassLoader()).stream()
                .map(RuleSource::name).toList();
        assertEquals(onDisk, listed);
    }

    @Test
    void theKnowledgeBaseHoldsExactlyTheDeclaredRulesWithItsVersion() {
        DsaRules rules = DsaRules.defaults();
        long declared = KnowledgeBase.defaultSources(getClass().getClassLoader()).stream()
                .mapToLong(s -> s.text().lines().filter(l -> l.strip().startsWith("rule \"")).count()).sum();
        assertEquals(declared, rules.knowledgeBase().rules().size());
        assertEquals("dsa-rules-kb", rules.knowledgeBaseInfo().name());
        assertTrue(rules.knowledgeBaseInfo().version().matches("\\d+\\.\\d+\\.\\d+.*"), rules.knowledgeBaseInfo().version());
    }
}
