package org.dsarules.kb.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default rules decide from a second class loader in the same JVM, beside this one: nothing that
 * loading them creates is JVM-wide (Drools' class-path container refused a second class loader).
 */
class SecondClassLoaderTest {

    @Test
    void twoClassLoadersInOneJvmBothDecide() throws Exception {
        String here = Probe.decide();
        try (URLClassLoader other = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = Class.forName(Probe.class.getName(), true, other);
            assertNotSame(Probe.class, probe, "the probe must come from the second class loader");
            Object there = probe.getMethod("decide").invoke(null);
            assertEquals(here, there);
        }
        assertEquals(here, Probe.decide(), "the first class loader still decides after the second");
    }

    /** The test class path, as surefire passes it (its booter jar hides it from java.class.path). */
    static URL[] testClassPath() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String p : cp.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                urls.add(new File(p).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
