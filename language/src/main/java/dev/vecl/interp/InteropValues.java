package dev.vecl.interp;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;

import java.util.ArrayList;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VList;
import dev.vecl.runtime.VNone;

/** Converts values arriving from embedders into VecL values. */
public final class InteropValues {
    private InteropValues() {
    }

    /**
     * Host primitive arrays become VArrays sharing the host array (writes are seen by the host);
     * foreign numbers become Long/Double, strings String; other foreign arrays are copied.
     */
    @TruffleBoundary
    public static Object toVecl(TruffleLanguage.Env env, Object v) throws UnsupportedTypeException {
        if (v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof Float || v instanceof String) {
            return v;
        }
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof VArray || v instanceof com.oracle.truffle.api.interop.TruffleObject && v.getClass().getPackageName().startsWith("dev.vecl")) {
            return v;
        }
        if (env != null && env.isHostObject(v)) {
            Object h = env.asHostObject(v);
            VArray a = switch (h) {
                case null -> null; // Java null: interop's isNull below makes it None
                case double[] d -> new VArray(DType.FLOAT64, d, 0, 1, d.length);
                case float[] f -> new VArray(DType.FLOAT32, f, 0, 1, f.length);
                case long[] l -> new VArray(DType.INT64, l, 0, 1, l.length);
                case int[] i -> new VArray(DType.INT32, i, 0, 1, i.length);
                case boolean[] b -> new VArray(DType.BOOL, b, 0, 1, b.length);
                default -> null;
            };
            if (a != null) {
                return a;
            }
        }
        InteropLibrary lib = InteropLibrary.getUncached();
        try {
            if (lib.isBoolean(v)) {
                return lib.asBoolean(v);
            }
            if (lib.isNumber(v)) {
                if (lib.fitsInLong(v)) {
                    return lib.asLong(v);
                }
                if (lib.fitsInDouble(v)) {
                    return lib.asDouble(v);
                }
            }
            if (lib.isString(v)) {
                return lib.asString(v);
            }
            if (lib.isNull(v)) {
                return VNone.NONE;
            }
            if (lib.hasArrayElements(v)) {
                return copyArray(env, lib, v);
            }
        } catch (UnsupportedMessageException | InvalidArrayIndexException e) {
            // fall through to the type error
        }
        throw UnsupportedTypeException.create(new Object[]{v}, "cannot pass this value to VecL");
    }

    /** A foreign array: a numeric VArray when all elements are ints, numbers or bools, else a list. */
    private static Object copyArray(TruffleLanguage.Env env, InteropLibrary lib, Object v)
                    throws UnsupportedMessageException, InvalidArrayIndexException, UnsupportedTypeException {
        long n = lib.getArraySize(v);
        ArrayList<Object> items = new ArrayList<>((int) n);
        boolean allLong = true;
        boolean allNum = true;
        boolean allBool = true;
        for (long i = 0; i < n; i++) {
            Object e = toVecl(env, lib.readArrayElement(v, i));
            items.add(e);
            allLong &= e instanceof Long;
            allNum &= e instanceof Long || e instanceof Double;
            allBool &= e instanceof Boolean;
        }
        int len = items.size();
        if (len > 0 && allBool) {
            boolean[] b = new boolean[len];
            for (int i = 0; i < len; i++) {
                b[i] = (Boolean) items.get(i);
            }
            return new VArray(DType.BOOL, b, 0, 1, len);
        }
        if (len > 0 && allLong) {
            long[] l = new long[len];
            for (int i = 0; i < len; i++) {
                l[i] = (Long) items.get(i);
            }
            return new VArray(DType.INT64, l, 0, 1, len);
        }
        if (len > 0 && allNum) {
            double[] d = new double[len];
            for (int i = 0; i < len; i++) {
                d[i] = ((Number) items.get(i)).doubleValue();
            }
            return new VArray(DType.FLOAT64, d, 0, 1, len);
        }
        return new VList(items);
    }
}
