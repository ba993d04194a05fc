package org.dsarules.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

    // equals, hashCode and toString are written out, with the meaning a record's generated ones have:
    // the generated ones are bootstrapped through java.lang.runtime.ObjectMethods, whose method-handle
    // caches keep this class, and so an application's class loader, reachable after it is dropped on
    // JDK 17 (JDK-8078641, fixed in 18). Drools compares and hashes the facts it is given.
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Practice that
                && Objects.equals(odsCode, that.odsCode)
                && Objects.equals(name, that.name)
                && Objects.equals(icb, that.icb)
                && Objects.equals(other, that.other);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(odsCode);
        h = 31 * h + Objects.hashCode(name);
        h = 31 * h + Objects.hashCode(icb);
        h = 31 * h + Objects.hashCode(other);
        return h;
    }

    @Override
    public String toString() {
        return "Practice[odsCode=" + odsCode + ", name=" + name + ", icb=" + icb + ", other=" + other + "]";
    }
}
