package dev.vecl.trace.ir;

import dev.vecl.runtime.VNone;

/** Typed constants. Records, so two constants are equal when type and bits are (NaN equals NaN, 0.0 differs from -0.0). */
public sealed interface Const extends Value {

    /** The boxed runtime value ({@code Long}, {@code Double}, {@code Float}, {@code Boolean} or the referenced object). */
    Object boxed();

    record Int(long value) implements Const {
        @Override
        public Type type() {
            return Type.INT;
        }

        @Override
        public Object boxed() {
            return value;
        }
    }

    record Float64(double value) implements Const {
        @Override
        public Type type() {
            return Type.FLOAT;
        }

        @Override
        public Object boxed() {
            return value;
        }
    }

    record Float32(float value) implements Const {
        @Override
        public Type type() {
            return Type.F32;
        }

        @Override
        public Object boxed() {
            return value;
        }
    }

    record Bool(boolean value) implements Const {
        @Override
        public Type type() {
            return Type.BOOL;
        }

        @Override
        public Object boxed() {
            return value;
        }
    }

    /**
     * A reference constant. The text form names it ({@code $name}, or {@code null}); the object is what
     * the backend uses and may be absent in tests. Equality is by name and object identity.
     */
    record Ref(String name, Object object) implements Const {
        @Override
        public Type type() {
            return Type.REF;
        }

        @Override
        public Object boxed() {
            return object;
        }

        public boolean isNull() {
            return name.equals("null");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ref r && r.name.equals(name) && r.object == object;
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    Const.Bool TRUE = new Bool(true);
    Const.Bool FALSE = new Bool(false);
    Const.Ref NULL = new Ref("null", null);

    static Const.Int of(long v) {
        return new Int(v);
    }

    static Const.Float64 of(double v) {
        return new Float64(v);
    }

    static Const.Float32 of(float v) {
        return new Float32(v);
    }

    static Const.Bool of(boolean v) {
        return v ? TRUE : FALSE;
    }

    /** The constant for a boxed runtime value of the given trace type, or null when it does not fit. */
    static Const ofBoxed(Type type, Object v) {
        return switch (type) {
            case INT -> v instanceof Long l ? of((long) l) : null;
            case FLOAT -> v instanceof Double d ? of((double) d) : null;
            case F32 -> v instanceof Float f ? of((float) f) : null;
            case BOOL -> v instanceof Boolean b ? of((boolean) b) : null;
            case REF -> v == null ? NULL : v == VNone.NONE ? new Ref("None", v) : null;
            default -> null;
        };
    }
}
