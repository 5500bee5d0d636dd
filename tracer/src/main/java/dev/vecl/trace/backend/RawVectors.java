package dev.vecl.trace.backend;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.internal.vm.vector.VectorSupport;

/**
 * Vector loads and stores without the Vector API's own bounds check, for compiled vector traces;
 * the vector counterpart of {@link RawArrays}, sound for the same reason: a group's guards (first
 * and last lane) keep every lane's logical index inside the view, and a view lies inside its
 * storage. {@code fromArray}/{@code intoArray} check {@code index <= length - lanes} per access,
 * which Graal cannot prove from our guards (they bound the view's length, not the Java array's):
 * per access a compare, a branch, a zero-extension, and a length kept live in a register (W2:
 * three per group, and the register pressure spilled the views' offsets). This calls the
 * intrinsic those methods end in, {@code VectorSupport.load/store}, with the address computed
 * here, as they do after their check.
 *
 * <p>{@code jdk.internal.vm.vector} must be exported to this code
 * ({@code --add-exports=java.base/jdk.internal.vm.vector=ALL-UNNAMED}, in the project's JVM
 * flags); without it, or with {@code -Dvecl.CheckedArrays=true}, the checked Vector API calls run.
 * The fallbacks (what runs when the intrinsic is not expanded: Truffle's interpreter) are the
 * checked calls too.
 */
final class RawVectors {
    private RawVectors() {
    }

    static final boolean RAW = !RawArrays.CHECKED && Object.class.getModule().isExported("jdk.internal.vm.vector", RawVectors.class.getModule());

    private static final long F64 = sun.misc.Unsafe.ARRAY_DOUBLE_BASE_OFFSET;
    private static final long F32 = sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET;
    private static final long I64 = sun.misc.Unsafe.ARRAY_LONG_BASE_OFFSET;

    /** The species as the intrinsic's type (only reached when the package is exported). */
    @SuppressWarnings("unchecked")
    private static VectorSupport.VectorSpecies<Double> speciesF64() {
        return (VectorSupport.VectorSpecies<Double>) (Object) VectorNodes.S_F64;
    }

    @SuppressWarnings("unchecked")
    private static VectorSupport.VectorSpecies<Float> speciesF32() {
        return (VectorSupport.VectorSpecies<Float>) (Object) VectorNodes.S_F32;
    }

    @SuppressWarnings("unchecked")
    private static VectorSupport.VectorSpecies<Long> speciesI64() {
        return (VectorSupport.VectorSpecies<Long>) (Object) VectorNodes.S_I64;
    }

    static DoubleVector loadF64(double[] a, long i) {
        if (!RAW) {
            return DoubleVector.fromArray(VectorNodes.S_F64, a, (int) i);
        }
        return VectorSupport.load(VectorNodes.C_F64, double.class, VectorNodes.L_F64, a, F64 + (i << 3), false, a, i, speciesF64(),
                        (arr, off, s) -> DoubleVector.fromArray(VectorNodes.S_F64, arr, (int) off));
    }

    static void storeF64(double[] a, long i, DoubleVector v) {
        if (!RAW) {
            v.intoArray(a, (int) i);
            return;
        }
        VectorSupport.store(VectorNodes.C_F64, double.class, VectorNodes.L_F64, a, F64 + (i << 3), false, v, a, i, (arr, off, x) -> x.intoArray(arr, (int) off));
    }

    static FloatVector loadF32(float[] a, long i) {
        if (!RAW) {
            return FloatVector.fromArray(VectorNodes.S_F32, a, (int) i);
        }
        return VectorSupport.load(VectorNodes.C_F32, float.class, VectorNodes.L_F32, a, F32 + (i << 2), false, a, i, speciesF32(),
                        (arr, off, s) -> FloatVector.fromArray(VectorNodes.S_F32, arr, (int) off));
    }

    static void storeF32(float[] a, long i, FloatVector v) {
        if (!RAW) {
            v.intoArray(a, (int) i);
            return;
        }
        VectorSupport.store(VectorNodes.C_F32, float.class, VectorNodes.L_F32, a, F32 + (i << 2), false, v, a, i, (arr, off, x) -> x.intoArray(arr, (int) off));
    }

    static LongVector loadI64(long[] a, long i) {
        if (!RAW) {
            return LongVector.fromArray(VectorNodes.S_I64, a, (int) i);
        }
        return VectorSupport.load(VectorNodes.C_I64, long.class, VectorNodes.L_I64, a, I64 + (i << 3), false, a, i, speciesI64(),
                        (arr, off, s) -> LongVector.fromArray(VectorNodes.S_I64, arr, (int) off));
    }

    static void storeI64(long[] a, long i, LongVector v) {
        if (!RAW) {
            v.intoArray(a, (int) i);
            return;
        }
        VectorSupport.store(VectorNodes.C_I64, long.class, VectorNodes.L_I64, a, I64 + (i << 3), false, v, a, i, (arr, off, x) -> x.intoArray(arr, (int) off));
    }
}
