package org.dsarules.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import org.junit.jupiter.api.Test;

/** issue 28 items 2 and 4: the Jackson floor, and no factory of the library keeps buffers per thread. */
class JacksonSupportTest {
    private static Version v(int major, int minor, int patch) {
        return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-core");
    }

    @Test
    void theFloorIs216AndOnly2x() {
        assertFalse(JacksonSupport.supports(v(2, 15, 4)), "Spring Boot 3.1/3.2's Jackson lacks the buffer pools");
        assertTrue(JacksonSupport.supports(v(2, 16, 0)));
        assertTrue(JacksonSupport.supports(v(2, 23, 0)));
        assertFalse(JacksonSupport.supports(v(3, 0, 0)), "Jackson 3 is another API (tools.jackson)");
    }

    @Test
    void theJacksonThisBuildUsesPasses() {
        assertDoesNotThrow(JacksonSupport::checkVersion);
    }

    @Test
    void factoriesDoNotUseTheThreadLocalPool() {
        JsonFactory f = JacksonSupport.factory();
        assertNotEquals(JsonRecyclerPools.threadLocalPool().getClass(), f._getRecyclerPool().getClass());
        assertNotEquals(JsonRecyclerPools.threadLocalPool().getClass(),
                JacksonSupport.mapper().getFactory()._getRecyclerPool().getClass());
    }
}
