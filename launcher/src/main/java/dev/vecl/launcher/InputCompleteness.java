package dev.vecl.launcher;

/**
 * Decides, as Python's interactive prompt does, whether the lines typed so far form a complete
 * input or the prompt should ask for more with {@code ... }: more is needed inside open brackets,
 * an unfinished triple-quoted string, after a trailing backslash, and in a compound statement
 * (a line ending in {@code :} or starting with a block keyword) until a blank line.
 */
final class InputCompleteness {
    private InputCompleteness() {
    }

    static boolean isComplete(String text) {
        String[] lines = text.split("\n", -1);
        int last = lines.length - 1;
        if (last > 0 && lines[last].isEmpty()) {
            last--; // the newline that ended the last line
        }
        int depth = 0;
        String tripleQuote = null;
        boolean block = false;
        boolean backslash = false;
        for (int n = 0; n <= last; n++) {
            String line = lines[n];
            backslash = false;
            int codeEnd = line.length();
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (tripleQuote != null) {
                    if (c == '\\') {
                        i += 2;
                    } else if (line.startsWith(tripleQuote, i)) {
                        tripleQuote = null;
                        i += 3;
                    } else {
                        i++;
                    }
                    continue;
                }
                if (c == '#') {
                    codeEnd = i;
                    break;
                }
                if (c == '\'' || c == '"') {
                    String q3 = String.valueOf(c).repeat(3);
                    if (line.startsWith(q3, i)) {
                        tripleQuote = q3;
                        i += 3;
                        continue;
                    }
                    // a one-line string: skip to its closing quote (an unclosed one is the parser's to report)
                    i++;
                    while (i < line.length() && line.charAt(i) != c) {
                        i += line.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                i++;
            }
            if (tripleQuote != null) {
                continue;
            }
            String code = line.substring(0, Math.min(codeEnd, line.length())).stripTrailing();
            if (code.endsWith("\\")) {
                backslash = true;
            } else if (depth == 0 && code.endsWith(":")) {
                block = true;
            }
            if (n == 0 && startsCompound(code)) {
                block = true;
            }
        }
        if (tripleQuote != null || depth > 0 || backslash) {
            return false;
        }
        if (block) {
            return last > 0 && lines[last].isBlank();
        }
        return true;
    }

    private static boolean startsCompound(String code) {
        String s = code.stripLeading();
        for (String keyword : new String[] {"if", "while", "for", "def", "elif", "else"}) {
            if (s.startsWith(keyword) && (s.length() == keyword.length() || !isIdentifierPart(s.charAt(keyword.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
