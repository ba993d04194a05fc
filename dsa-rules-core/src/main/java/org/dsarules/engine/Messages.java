package org.dsarules.engine;

/**
 * Keeps messages about rule files short and printable whatever the author wrote: a name or value is
 * quoted, cut after {@link #LIMIT} characters (saying how long it was), and its control characters
 * shown as escapes. A 10 MB rule name makes a message of a few hundred characters, not of 10 MB.
 */
final class Messages {
    static final int LIMIT = 80;

    private Messages() {
    }

    /** {@code text} in double quotes, shortened and made printable. */
    static String quoted(String text) {
        return "\"" + shown(text) + "\"";
    }

    /** {@code text} shortened and made printable, without quotes. */
    static String shown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int n = Math.min(text.length(), LIMIT);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.getType(c) == Character.FORMAT) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (text.length() > LIMIT) {
            sb.append("... (").append(text.length()).append(" characters)");
        }
        return sb.toString();
    }
}
