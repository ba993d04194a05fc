package org.dsarules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL text into the few kinds of token the {@link RuleIndex} needs: words, string literals
 * and single punctuation characters, each with its true line and column. It understands comments
 * ({@code //}, {@code /* *}{@code /}) and string and character literals (including Java text
 * blocks), so that a {@code rule} written inside a comment or a string is not taken for a rule.
 * Everything else (operators of two characters, numbers) comes out as words or punctuation, which is
 * all the index looks at.
 */
final class DrlScanner {

    enum Kind { WORD, STRING, PUNCT }

    /**
     * One token.
     *
     * @param text   the token as written; for a string, its content with the quotes removed and the
     *               common escapes resolved
     * @param offset where it starts in the text
     * @param end    where it ends (exclusive)
     * @param line   the 1-based line of its first character
     * @param column the 1-based column of its first character
     */
    record Token(Kind kind, String text, int offset, int end, int line, int column) {
        boolean is(String word) {
            return kind != Kind.STRING && text.equals(word);
        }
    }

    /**
     * The tokens of one text, and the same text with every comment replaced by spaces (line breaks
     * kept), so that a span of code can be shown without the author's comments.
     *
     * @param unterminated where a comment or string that never ends begins (line, column), or null
     */
    record Scan(List<Token> tokens, String code, int[] unterminated) {
    }

    private DrlScanner() {
    }

    static Scan scan(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder code = new StringBuilder(text);
        int[] unterminated = null;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int j = text.indexOf('\n', i);
                j = j < 0 ? n : j;
                blank(code, i, j);
                i = j;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int j = text.indexOf("*/", i + 2);
                if (j < 0 && unterminated == null) {
                    unterminated = new int[] {line, i - lineStart + 1};
                }
                j = j < 0 ? n : j + 2;
                blank(code, i, j);
                for (int k = i; k < j; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = j;
            } else if (c == '"' || c == '\'') {
                int startLine = line;
                int startColumn = i - lineStart + 1;
                boolean block = c == '"' && text.startsWith("\"\"\"", i);
                int j = block ? i + 3 : i + 1;
                StringBuilder value = new StringBuilder();
                boolean closed = false;
                while (j < n) {
                    char d = text.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        value.append(unescape(text.charAt(j + 1)));
                        j += 2;
                        continue;
                    }
                    if (block ? text.startsWith("\"\"\"", j) : d == c) {
                        j += block ? 3 : 1;
                        closed = true;
                        break;
                    }
                    if (d == '\n') {
                        if (!block) {
                            // An ordinary literal ends at the line break: the compiler reports it.
                            break;
                        }
                        line++;
                        lineStart = j + 1;
                    }
                    value.append(d);
                    j++;
                }
                if (!closed && unterminated == null) {
                    unterminated = new int[] {startLine, startColumn};
                }
                tokens.add(new Token(Kind.STRING, value.toString(), i, j, startLine, startColumn));
                i = j;
            } else if (Character.isJavaIdentifierPart(c)) {
                int j = i;
                while (j < n && Character.isJavaIdentifierPart(text.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, j), i, j, line, i - lineStart + 1));
                i = j;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1, line, i - lineStart + 1));
                i++;
            }
        }
        return new Scan(List.copyOf(tokens), code.toString(), unterminated);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    private static void blank(StringBuilder code, int from, int to) {
        for (int k = from; k < to; k++) {
            if (code.charAt(k) != '\n') {
                code.setCharAt(k, ' ');
            }
        }
    }
}
