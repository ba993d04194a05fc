package org.dsarules.engine;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text of one DRL file and the name it is known by: its path inside the knowledge base jar
 * for the default rules, or the path as the user gave it for an overlay (so that compile errors
 * point at the file the author edits).
 */
public record RuleSource(String name, String text) {
    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
