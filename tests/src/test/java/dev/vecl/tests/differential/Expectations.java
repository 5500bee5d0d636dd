package dev.vecl.tests.differential;

/** What a generated program must do when run in the reference mode. */
final class Expectations {
    private Expectations() {
    }

    /**
     * Returns null if {@code r} is what {@code p} must produce in any mode: exit 0 and an empty
     * standard error, or for a deliberate error exit 1 and exactly the spec's three-line report
     * ({@code path:line:col: Kind: message}, the source line, a caret under the column).
     */
    static String violation(ProgramGenerator.Program p, String path, VeclRunner.Result r) {
        if (!p.expectsError()) {
            if (r.exit() != 0 || !r.err().isEmpty()) {
                return "expected exit 0 and no stderr";
            }
            return null;
        }
        ProgramGenerator.ExpectedError e = p.error();
        if (r.exit() != 1) {
            return "expected exit 1 for a deliberate " + e.kind();
        }
        String[] lines = r.err().split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty()) {
            return "expected a three-line error report";
        }
        String prefix = path + ":" + e.line() + ":" + e.col() + ": " + e.kind() + ": ";
        if (!lines[0].startsWith(prefix) || lines[0].length() == prefix.length()) {
            return "expected the report to start with '" + prefix + "' and carry a message";
        }
        String source = p.text().split("\n", -1)[e.line() - 1];
        if (!lines[1].equals(source)) {
            return "expected the source line '" + source + "'";
        }
        if (!lines[2].equals(" ".repeat(e.col() - 1) + "^")) {
            return "expected a caret under column " + e.col();
        }
        return null;
    }
}
