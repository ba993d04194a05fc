package org.dsarules.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The practice whose register this is; carried into the decision document as given.
 *
 * @param odsCode the practice's ODS code
 * @param name    its name
 * @param icb     its ICB
 * @param other   any other keys of the register's practice block, in their order, as plain values
 *                (strings, numbers, booleans, lists, maps): never read, written back as given
 */
public record Practice(String odsCode, String name, String icb, Map<String, Object> other) {
    public Practice {
        other = other == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    public Practice(String odsCode, String name, String icb) {
        this(odsCode, name, icb, Map.of());
    }
}
