package dev.vecl.builtins;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vecl.runtime.Arith;
import dev.vecl.runtime.Cast;
import dev.vecl.runtime.DType;
import dev.vecl.runtime.Ops;
import dev.vecl.runtime.Promotion;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VBuiltin;
import dev.vecl.runtime.VList;
import dev.vecl.runtime.VNone;
import dev.vecl.runtime.VeclError;

/**
 * The primitives prelude.vl is written on. Scalar ones (math functions, minimum/maximum) are
 * single operations the tracer can record; array ones allocate, introspect or copy memory. Every
 * one is listed in docs/java-kernels.md.
 */
final class Primitives {
    private Primitives() {
    }

    static Map<String, Object> all() {
        Map<String, Object> g = new LinkedHashMap<>();
        // ---- allocation and introspection ----
        put(g, new Fn("_empty", 2, 2, a -> VArray.allocate(DType.of(a[1], DType.FLOAT64), count(a[0]))));
        // for the prelude's element-wise results only: every element is written before the array escapes
        put(g, new Fn("_uninit", 2, 2, a -> VArray.allocateToOverwrite(DType.of(a[1], DType.FLOAT64), count(a[0]))));
        put(g, new Fn("_dtype", 1, 1, a -> a[0] instanceof VArray arr ? arr.dtype : VNone.NONE));
        put(g, new Fn("_is_array", 1, 1, a -> a[0] instanceof VArray));
        put(g, new Fn("_is_list", 1, 1, a -> a[0] instanceof VList));
        put(g, new Fn("_type_name", 1, 1, a -> Ops.typeName(a[0])));
        put(g, new Fn("_is_operand", 1, 1, a -> Promotion.isOperand(a[0])));
        put(g, new Fn("_is_number", 1, 1, a -> Cast.isNumber(a[0])));
        put(g, new Fn("_as_dtype", 2, 2, a -> DType.of(a[0], (DType) a[1])));
        put(g, new Fn("_value_dtype", 1, 1, a -> valueDType(a[0])));
        put(g, new Fn("_infer_dtype", 1, 1, a -> Promotion.inferDType(((VList) a[0]).items)));
        put(g, new Fn("_is_float_dtype", 1, 1, a -> ((DType) a[0]).isFloat()));
        put(g, new Fn("_is_int_dtype", 1, 1, a -> ((DType) a[0]).isInt()));
        // ---- promotion ----
        put(g, new Fn("_compute_dtype", 3, 3, a -> Promotion.computeDType(a[0], a[1], (String) a[2])));
        put(g, new Fn("_common_dtype", 2, 2, a -> Promotion.commonDType(a[0], a[1], true)));
        put(g, new Fn("_result_dtype", 3, 3, a -> Promotion.resultDType(a[0], a[1], (String) a[2])));
        put(g, new Fn("_unary_dtype", 2, 2, a -> Promotion.unaryDType((DType) a[0], (String) a[1])));
        put(g, new Fn("_check_inplace", 3, 3, a -> {
            Promotion.checkInplace((VArray) a[0], a[1], (String) a[2]);
            return VNone.NONE;
        }));
        put(g, new Fn("_prep", 3, 3, a -> prep(a[0], (DType) a[1], (String) a[2])));
        put(g, new Fn("_check_len", 2, 2, a -> checkLen(a[0], a[1])));
        put(g, new Fn("_check_len3", 3, 3, a -> checkLen3(a[0], a[1], a[2])));
        // ---- casting and memory ----
        put(g, new Fn("_cast", 2, 2, a -> cast(a[0], DType.of(a[1], DType.FLOAT64))));
        put(g, new Fn("_cast_scalar", 2, 2, a -> Cast.toScalar(a[0], (DType) a[1])));
        put(g, new Fn("_copy", 1, 1, a -> ((VArray) a[0]).copy()));
        put(g, new Fn("_may_share_memory", 2, 2, a -> a[0] instanceof VArray x && a[1] instanceof VArray y && x.mayShareMemory(y)));
        put(g, new Fn("_same_view", 2, 2, a -> a[0] instanceof VArray x && a[1] instanceof VArray y && x.storage == y.storage
                && x.offset == y.offset && x.stride == y.stride && x.length == y.length));
        put(g, new Fn("_raise", 2, 2, a -> {
            throw new VeclError((String) a[0], (String) a[1]);
        }));
        // ---- scalar math (one definition in Arith) ----
        put(g, new Fn("_sqrt", 1, 1, a -> math(a[0], 0)));
        put(g, new Fn("_exp", 1, 1, a -> math(a[0], 1)));
        put(g, new Fn("_log", 1, 1, a -> math(a[0], 2)));
        put(g, new Fn("_sin", 1, 1, a -> math(a[0], 3)));
        put(g, new Fn("_cos", 1, 1, a -> math(a[0], 4)));
        put(g, new Fn("_floor", 1, 1, a -> floor(a[0])));
        put(g, new Fn("_abs", 1, 1, a -> abs(a[0])));
        put(g, new Fn("_lshift", 2, 2, a -> Arith.lshiftLongNumpy(Cast.toInt64(a[0]), Cast.toInt64(a[1]))));
        put(g, new Fn("_rshift", 2, 2, a -> Arith.rshiftLongNumpy(Cast.toInt64(a[0]), Cast.toInt64(a[1]))));
        put(g, new Fn("_minimum", 2, 2, a -> minmax(a[0], a[1], true)));
        put(g, new Fn("_maximum", 2, 2, a -> minmax(a[0], a[1], false)));
        // where's element step: the operands are already of the result dtype; no branch in a trace
        put(g, new Fn("_select", 3, 3, a -> Ops.truthy(a[0]) ? a[1] : a[2]));
        return g;
    }

    private static void put(Map<String, Object> g, VBuiltin b) {
        g.put(b.name, b);
    }

    static int count(Object n) {
        if (!(n instanceof Long || n instanceof Boolean)) {
            throw VeclError.type("'" + Ops.typeName(n) + "' object cannot be interpreted as an integer");
        }
        long v = Cast.toInt64(n);
        if (v < 0) {
            throw VeclError.value("negative dimensions are not allowed");
        }
        if (v > Integer.MAX_VALUE - 8) {
            throw VeclError.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        }
        return (int) v;
    }

    /** The dtype NumPy gives {@code array(x)} for a scalar (full's fill value). */
    static DType valueDType(Object x) {
        if (x instanceof Long) {
            return DType.INT64;
        } else if (x instanceof Double) {
            return DType.FLOAT64;
        } else if (x instanceof Boolean) {
            return DType.BOOL;
        } else if (x instanceof Float) {
            return DType.FLOAT32;
        } else if (x instanceof VArray a) {
            return a.dtype;
        }
        throw VeclError.type("expected a number, got '" + Ops.typeName(x) + "'");
    }

    /**
     * An operand ready for a loop computing in {@code ct} with VecL's scalar operators: scalars are
     * converted to ct's scalar type, arrays whose elements the scalar operators would not combine
     * as NumPy does (float32 next to float64, ints compared as floats) are cast.
     */
    static Object prep(Object x, DType ct, String op) {
        if (x instanceof VArray a) {
            DType t = a.dtype;
            if (t == ct || (t == DType.BOOL && !(ct.isFloat() && op.equals("truediv"))) || (t.isInt() && ct.isInt())) {
                return a;
            }
            if (t.isInt() && ct == DType.FLOAT64 && !Promotion.isComparison(op) && !op.equals("truediv")) {
                return a;
            }
            return a.astype(ct);
        }
        if (Cast.isNumber(x)) {
            if (ct == DType.BOOL && !(x instanceof Boolean)) {
                return x;
            }
            return Cast.toScalar(x, ct);
        }
        throw VeclError.type("unsupported operand type for array operation: '" + Ops.typeName(x) + "'");
    }

    private static String shape(Object x) {
        return x instanceof VArray a ? "(" + a.length + ",)" : "()";
    }

    static long checkLen(Object a, Object b) {
        boolean aa = a instanceof VArray;
        boolean ba = b instanceof VArray;
        if (aa && ba) {
            int n = ((VArray) a).length;
            if (n != ((VArray) b).length) {
                throw VeclError.value("operands could not be broadcast together with shapes " + shape(a) + " " + shape(b) + " ");
            }
            return n;
        }
        return aa ? ((VArray) a).length : ba ? ((VArray) b).length : -1;
    }

    static long checkLen3(Object a, Object b, Object c) {
        VArray prev = null;
        for (Object x : new Object[]{a, b, c}) {
            if (x instanceof VArray arr) {
                if (prev != null && arr.length != prev.length) {
                    throw VeclError.value("operands could not be broadcast together with shapes " + shape(prev) + " " + shape(arr) + " ");
                }
                prev = arr;
            }
        }
        return prev == null ? -1 : prev.length;
    }

    static Object cast(Object x, DType t) {
        if (x instanceof VArray a) {
            return a.astype(t);
        }
        return Cast.castUnsafe(x, t);
    }

    static Object math(Object x, int fn) {
        if (x instanceof Float f) {
            float v = f;
            return switch (fn) {
                case 0 -> Arith.sqrtFloat(v);
                case 1 -> Arith.expFloat(v);
                case 2 -> Arith.logFloat(v);
                case 3 -> Arith.sinFloat(v);
                default -> Arith.cosFloat(v);
            };
        }
        if (!Cast.isNumber(x)) {
            throw VeclError.type("loop of ufunc does not support argument 0 of type " + Ops.typeName(x));
        }
        double v = Cast.toDouble(x);
        return switch (fn) {
            case 0 -> Arith.sqrtDouble(v);
            case 1 -> Arith.expDouble(v);
            case 2 -> Arith.logDouble(v);
            case 3 -> Arith.sinDouble(v);
            default -> Arith.cosDouble(v);
        };
    }

    static Object floor(Object x) {
        if (x instanceof Double d) {
            return Arith.floorDouble(d);
        } else if (x instanceof Float f) {
            return Arith.floorFloat(f);
        } else if (x instanceof Long || x instanceof Boolean) {
            return x;
        }
        throw VeclError.type("ufunc 'floor' not supported for the input type '" + Ops.typeName(x) + "'");
    }

    /** Python's abs on scalars (abs(True) is 1). */
    static Object abs(Object x) {
        if (x instanceof Double d) {
            return Arith.absDouble(d);
        } else if (x instanceof Long l) {
            return Arith.absLong(l);
        } else if (x instanceof Float f) {
            return Arith.absFloat(f);
        } else if (x instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        throw VeclError.type("bad operand type for abs(): '" + Ops.typeName(x) + "'");
    }

    /** NumPy's minimum/maximum on two scalars (NaN propagates; equal operands give the second). */
    static Object minmax(Object x, Object y, boolean min) {
        if (x instanceof Double a && y instanceof Double b) {
            return min ? Arith.minimumDouble(a, b) : Arith.maximumDouble(a, b);
        }
        if (x instanceof Long a && y instanceof Long b) {
            return min ? Arith.minimumLong(a, b) : Arith.maximumLong(a, b);
        }
        if (x instanceof Float a && y instanceof Float b) {
            return min ? Arith.minimumFloat(a, b) : Arith.maximumFloat(a, b);
        }
        if (x instanceof Boolean a && y instanceof Boolean b) {
            return min ? (a & b) : (a | b);
        }
        if (!Cast.isNumber(x) || !Cast.isNumber(y)) {
            throw VeclError.type("ufunc '" + (min ? "minimum" : "maximum") + "' not supported for the input types");
        }
        DType ct = Promotion.commonDType(x, y, false);
        return minmax(Cast.toScalar(x, ct), Cast.toScalar(y, ct), min);
    }
}
