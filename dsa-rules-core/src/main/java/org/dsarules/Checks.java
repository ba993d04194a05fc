package org.dsarules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the public API, so that every method rejects null the same way. */
final class Checks {
    private Checks() {
    }

    /**
     * A copy of {@code items}, refusing a null collection or a null element with a message that names the
     * parameter and the element's position.
     */
    static <T> List<T> noNulls(Collection<T> items, String name) {
        Objects.requireNonNull(items, name);
        List<T> out = new ArrayList<>(items.size());
        int i = 0;
        for (T t : items) {
            if (t == null) {
                throw new NullPointerException(name + "[" + i + "] is null");
            }
            out.add(t);
            i++;
        }
        return out;
    }
}
