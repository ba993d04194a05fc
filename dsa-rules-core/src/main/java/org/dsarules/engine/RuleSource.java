package org.dsarules.engine;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text of one DRL file, the name it is shown by and the key it is known by.
 *
 * @param name what errors call it: its path inside the knowledge base jar for the default rules, or
 *             the path as the user gave it for an overlay (so that errors point at the file the author edits)
 * @param key  what the fingerprint and the rule order use: the same on every machine, wherever the
 *             files lie (the jar path, or an overlay file's path within its rules directory)
 * @param text the DRL
 */
public record RuleSource(String name, String key, String text) {
    public RuleSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
    }

    /** A source whose key is its name. */
    public RuleSource(String name, String text) {
        this(name, name, text);
    }

    byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
