package org.dsarules.kb.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * issue 28 item 2: an application redeployed in a server leaves nothing of itself behind. The library is
 * loaded in two class loaders in turn (as two deployments are), used as a service uses it (JSON in,
 * decisions, an audit on the common pool, JSON out), closed and dropped; both loaders must then be
 * collectable, on JDK 17 with default flags. What held them before: Jackson's thread-local buffer
 * recycler on the request thread, and the JDK's cache behind records' generated equals/hashCode
 * (JDK-8078641, fixed only in 18).
 */
class ClassLoaderUnloadTest {

    @Test
    void bothClassLoadersAreCollectedAfterClose() throws Exception {
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        String expected = Probe.serve();
        for (int i = 0; i < 2; i++) {
            loaders.add(useAndDrop(expected));
        }
        // Bounded: a collectable loader goes within a few collections; one that is held never goes.
        for (int round = 0; round < 50 && loaders.stream().anyMatch(r -> r.get() != null); round++) {
            System.gc();
            Thread.sleep(100);
        }
        for (int i = 0; i < loaders.size(); i++) {
            assertTrue(loaders.get(i).get() == null, "class loader " + (i + 1) + " is still reachable after close");
        }
    }

    /** Loads, uses, closes; returns only a weak reference, so nothing on this frame holds the loader. */
    private static WeakReference<ClassLoader> useAndDrop(String expected) throws Exception {
        URLClassLoader loader = new URLClassLoader(SecondClassLoaderTest.testClassPath(),
                ClassLoader.getPlatformClassLoader());
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader); // as a server does for the application's requests
        try {
            Object got = Class.forName(Probe.class.getName(), true, loader).getMethod("serve").invoke(null);
            assertEquals(expected, got);
        } finally {
            t.setContextClassLoader(before);
        }
        loader.close();
        return new WeakReference<>(loader);
    }
}
