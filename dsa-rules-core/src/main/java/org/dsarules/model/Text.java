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

    /** Repeated values in a list count once; order of first appearance is kept. Null stays null (not known). */
    static <T> List<T> distinct(List<T> values) {
        if (values == null) {
            return null;
        }
        return List.copyOf(new ArrayList<>(new LinkedHashSet<>(values)));
    }
}
