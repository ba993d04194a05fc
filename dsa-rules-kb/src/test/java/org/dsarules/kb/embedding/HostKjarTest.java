package org.dsarules.kb.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dsarules.DsaRules;
import org.dsarules.decision.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * A host application with its own kjar (a default kbase and ksession) and dsa-rules on one class path:
 * the host's default kbase is still found, and the default rules still decide.
 */
class HostKjarTest {

    @Test
    void aHostKjarsDefaultKbaseAndTheDefaultRulesLiveTogether(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("META-INF"));
        Files.writeString(dir.resolve("META-INF/kmodule.xml"), """
                <kmodule xmlns="http://www.drools.org/xsd/kmodule">
                  <kbase name="host" packages="host" default="true">
                    <ksession name="host-session" default="true"/>
                  </kbase>
                </kmodule>
                """, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("host"));
        Files.writeString(dir.resolve("host/host.drl"), """
                package host;
                global java.util.List seen;
                rule "host-rule" when $s: String() then seen.add($s); end
                """, StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                HostKjarTest.class.getClassLoader())) {
            // The host's own container, as a host application makes it; a new one, not the JVM-wide singleton,
            // so that this test leaves nothing behind for the others in this JVM.
            KieContainer host = KieServices.get().newKieClasspathContainer(loader);
            KieSession session = host.newKieSession();
            List<Object> seen = new ArrayList<>();
            session.setGlobal("seen", seen);
            session.insert("hello");
            session.fireAllRules();
            session.dispose();
            assertEquals(List.of("hello"), seen, "the host's default kbase and ksession");
            host.dispose();

            // dsa-rules' own knowledge base, from the class path that holds the host's kjar.
            try (DsaRules rules = DsaRules.builder().classLoader(loader).build()) {
                assertEquals("dsa-rules-kb", rules.knowledgeBaseInfo().name());
                assertEquals(Outcome.WITHDRAW, rules.decide(Probe.research(), Probe.AS_OF).outcome());
            }
        }
    }
}
