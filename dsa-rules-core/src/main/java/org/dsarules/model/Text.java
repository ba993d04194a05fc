package org.dsarules.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Small normalisations the format defines once, so that every entry point applies them alike. */
final class Text {
    private Text() {
    }

    /** A blank string counts as absent (record-format.md: blank {@code instructedBy}, {@code reference}). */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Names and {@code instructedBy} compare ignoring case and surrounding white space. */
    static boolean sameName(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    /**
     * Repeated values in a list count once; order of first appearance is kept. Null stays null (not known).
     *
     * @throws NullPointerException naming the list and the position of a null element ({@code purposes[2] is null})
     */
    static <T> List<T> distinct(List<T> values, String name) {
        if (values == null) {
            return null;
        }
        return List.copyOf(new ArrayList<>(new LinkedHashSet<>(copyOf(values, name))));
    }

    /**
     * An immutable copy of {@code values} (null stays null: not known).
     *
     * @throws NullPointerException naming the list and the position of a null element ({@code parties[1] is null})
     */
    static <T> List<T> copyOf(List<T> values, String name) {
        if (values == null) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new NullPointerException(name + "[" + i + "] is null");
            }
        }
        return List.copyOf(values);
    }

    /** The elements of a varargs parameter as a list, refusing a null element by its position. */
    @SafeVarargs
    static <T> List<T> listOf(String name, T... values) {
        java.util.Objects.requireNonNull(values, name);
        return copyOf(java.util.Arrays.asList(values), name);
    }
}
