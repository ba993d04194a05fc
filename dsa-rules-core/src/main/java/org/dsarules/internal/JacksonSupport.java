package org.dsarules.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import org.dsarules.exception.DsaRulesException;

/**
 * How the library uses Jackson: the buffer pool every factory it builds shares, and the oldest Jackson it
 * runs on. Not API.
 *
 * <p>Jackson's default buffer pool is thread-local: each thread that reads or writes JSON keeps a buffer
 * recycler of Jackson's class loader in a {@code ThreadLocal}, so an application server's request threads
 * pin the class loader of an undeployed application for ever. A pool held by the factory (a concurrent
 * deque) goes when the factory does.
 */
public final class JacksonSupport {
    /**
     * The oldest jackson-core, -databind and -dataformat-csv the library runs on: 2.16 added the buffer
     * pools ({@code JsonFactory.builder().recyclerPool}), {@code StreamReadConstraints.maxNameLength} and
     * {@code Separators.Spacing}, all used here. Older versions fail on the first JSON read or write with a
     * {@link NoSuchMethodError}, so {@code build()} checks first.
     */
    public static final Version FLOOR = new Version(2, 16, 0, null, "com.fasterxml.jackson.core", "jackson-core");

    private JacksonSupport() {
    }

    /** A new pool for one factory: not thread-local. */
    public static RecyclerPool<BufferRecycler> pool() {
        return JsonRecyclerPools.newConcurrentDequePool();
    }

    /** A plain JSON factory on its own pool. */
    public static JsonFactory factory() {
        return JsonFactory.builder().recyclerPool(pool()).build();
    }

    /** A plain object mapper over a factory on its own pool. */
    public static ObjectMapper mapper() {
        return new ObjectMapper(factory());
    }

    /** A CSV mapper over a factory on its own pool. */
    public static CsvMapper csvMapper() {
        return new CsvMapper(com.fasterxml.jackson.dataformat.csv.CsvFactory.builder().recyclerPool(pool()).build());
    }

    /**
     * Refuses a Jackson older than {@link #FLOOR}, naming each jar and the version found.
     *
     * @throws DsaRulesException when one is older, or a Jackson class is missing
     */
    public static void checkVersion() {
        StringBuilder old = new StringBuilder();
        try {
            check(old, "jackson-core", com.fasterxml.jackson.core.json.PackageVersion.VERSION);
            check(old, "jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
            check(old, "jackson-dataformat-csv", com.fasterxml.jackson.dataformat.csv.PackageVersion.VERSION);
        } catch (LinkageError e) {
            throw new DsaRulesException("dsa-rules needs Jackson " + range() + " (jackson-core, jackson-databind, "
                    + "jackson-dataformat-csv), and a Jackson class is missing or does not fit: " + e, e);
        }
        if (!old.isEmpty()) {
            throw new DsaRulesException("dsa-rules needs Jackson " + range() + ", but the class path has " + old
                    + ": use a newer Jackson (e.g. import com.fasterxml.jackson:jackson-bom at a version from "
                    + FLOOR.getMajorVersion() + "." + FLOOR.getMinorVersion() + " on)");
        }
    }

    private static String range() {
        return FLOOR.getMajorVersion() + "." + FLOOR.getMinorVersion() + " or a later 2.x";
    }

    /** Whether the library runs on Jackson {@code v}: a 2.x from the floor on. */
    public static boolean supports(Version v) {
        return v.getMajorVersion() == FLOOR.getMajorVersion() && v.getMinorVersion() >= FLOOR.getMinorVersion();
    }

    private static void check(StringBuilder old, String jar, Version found) {
        if (!supports(found)) {
            old.append(old.isEmpty() ? "" : ", ").append(jar).append(' ').append(found.toString());
        }
    }
}
