package org.dsarules.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.dsarules.exception.DsaRulesException;
import org.junit.jupiter.api.Test;

/**
 * issue 28 item 7: in a jar shaded without merging service files, one of Drools' two ComponentsSupplier
 * files wins; run-time rules then fail asking for a module that is present. The builder says what is wrong.
 */
class ShadedServicesTest {

    /** The class path as an uber-jar shaded without the ServicesResourceTransformer shows it: the static file only. */
    private static final class ShadedWithoutTransformer extends ClassLoader {
        ShadedWithoutTransformer(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> kept = new ArrayList<>();
            for (URL u : Collections.list(super.getResources(name))) {
                if (!name.equals(RuleCompilerSupport.WIRING_SERVICE) || !mentionsDynamic(u)) {
                    kept.add(u);
                }
            }
            return Collections.enumeration(kept);
        }

        private static boolean mentionsDynamic(URL u) throws IOException {
            try (InputStream in = u.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("wiring.dynamic");
            }
        }
    }

    @Test
    void theClassPathAsBuiltPasses() {
        assertDoesNotThrow(() -> RuleCompilerSupport.requireServices(getClass().getClassLoader()));
    }

    @Test
    void aLostServiceEntryIsNamedWithTheFix() {
        DsaRulesException e = assertThrows(DsaRulesException.class, () -> RuleCompilerSupport.requireServices(
                new ShadedWithoutTransformer(getClass().getClassLoader())));
        assertTrue(e.getMessage().contains("ServicesResourceTransformer"), e.getMessage());
        assertTrue(e.getMessage().contains("drools-wiring-dynamic is on the class path"), e.getMessage());
    }
}
