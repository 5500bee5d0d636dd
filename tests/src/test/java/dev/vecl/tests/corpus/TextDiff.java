package dev.vecl.tests.corpus;

import java.util.List;

/** A readable, compact diff of expected and actual text for test failures. */
final class TextDiff {
    private TextDiff() {
    }

    static String describe(String what, String expected, String actual) {
        if (expected.equals(actual)) {
            return "";
        }
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int first = 0;
        while (first < e.size() && first < a.size() && e.get(first).equals(a.get(first))) {
            first++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(what).append(" differs");
        if (first == e.size() && first == a.size()) {
            sb.append(" only in line endings or a final newline\n");
        } else {
            sb.append(" from line ").append(first + 1).append(" (expected ").append(e.size())
                    .append(" lines, got ").append(a.size()).append(")\n");
        }
        int from = Math.max(0, first - 2);
        int to = first + 8;
        for (int i = from; i < Math.min(to, Math.max(e.size(), a.size())); i++) {
            String el = i < e.size() ? e.get(i) : null;
            String al = i < a.size() ? a.get(i) : null;
            if (el != null && el.equals(al)) {
                sb.append("    ").append(show(el)).append('\n');
            } else {
                if (el != null) {
                    sb.append("  - ").append(show(el)).append('\n');
                }
                if (al != null) {
                    sb.append("  + ").append(show(al)).append('\n');
                }
            }
        }
        if (to < Math.max(e.size(), a.size())) {
            sb.append("    ...\n");
        }
        return sb.toString();
    }

    private static String show(String s) {
        return s.replace("\t", "\\t").replace("\r", "\\r");
    }
}
