package dev.vecl.trace.ir;

/** The value types of the trace IR. Each has the letter that prefixes its values in the text form. */
public enum Type {
    INT("int", 'i'),
    FLOAT("float", 'f'),
    F32("f32", 's'),
    BOOL("bool", 'b'),
    REF("ref", 'p'),
    /** Result type of operations that produce nothing (stores, guards, control). */
    VOID("void", '?'),
    /** In an operation signature only: any value type; a result of ANY has the type of the first argument. */
    ANY("any", '?');

    public final String text;
    public final char prefix;

    Type(String text, char prefix) {
        this.text = text;
        this.prefix = prefix;
    }

    public static Type byText(String s) {
        for (Type t : values()) {
            if (t.text.equals(s) && t != VOID && t != ANY) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
