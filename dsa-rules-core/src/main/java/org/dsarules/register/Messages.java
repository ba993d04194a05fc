package org.dsarules.register;

/**
 * How record messages show what they found, the same for every form of a register: values quoted
 * on one line, control characters and text that is not valid Unicode escaped, long values cut short.
 */
public final class Messages {
    private static final int MAX_QUOTED = 60;

    private Messages() {
    }

    /** A value in double quotes, on one line, cut short when long. */
    public static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    /**
     * A name or value made safe for a one-line message: quotes, backslashes, control characters, line
     * separators and lone surrogates escaped as JSON would write them; cut short when long.
     */
    public static String escape(String s) {
        String cut = shorten(s);
        StringBuilder b = new StringBuilder(cut.length() + 8);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < cut.length()
                            && Character.isLowSurrogate(cut.charAt(i + 1));
                    boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(cut.charAt(i - 1));
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                            || Character.isSurrogate(c) && !pairedHigh && !pairedLow) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * The 0-based position of the first char of {@code s} that is half of a UTF-16 surrogate pair
     * without its other half (text that is not valid Unicode), or -1 when there is none.
     */
    public static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String s) {
        if (s.length() <= MAX_QUOTED) {
            return s;
        }
        int end = MAX_QUOTED - 3;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "...";
    }
}
