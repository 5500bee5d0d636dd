package dev.vecl.trace.backend;

/** Recorder-shaped loop traces (text form) the backend tests compile, after the standard pipeline. */
final class BackendTraces {
    private BackendTraces() {
    }

    /** W2: for i in range(n): a[i] = b[i] + c[i] * 3.14 (float64 arrays, any offset and stride). */
    static final String W2 = """
            [p0: ref, p1: ref, p2: ref, i3: int, i4: int]
            label(p0, p1, p2, i3, i4) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            b5 = int_lt(i3, i4)
            guard_true(b5) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            guard_class(p1, cls=array.float64) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            i6 = arraylen(p1)
            guard_index(i3, i6) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            p7 = array_storage(p1)
            i8 = array_offset(p1)
            i9 = array_stride(p1)
            i10 = int_mul(i3, i9)
            i11 = int_add(i8, i10)
            f12 = getarrayitem_f64(p7, i11)
            guard_class(p2, cls=array.float64) [main@18: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f12]
            i13 = arraylen(p2)
            guard_index(i3, i13) [main@18: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f12]
            p14 = array_storage(p2)
            i15 = array_offset(p2)
            i16 = array_stride(p2)
            i17 = int_mul(i3, i16)
            i18 = int_add(i15, i17)
            f19 = getarrayitem_f64(p14, i18)
            f20 = float_mul(f19, 3.14)
            f21 = float_add(f12, f20)
            guard_class(p0, cls=array.float64) [main@24: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f21]
            i22 = arraylen(p0)
            guard_index(i3, i22) [main@24: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f21]
            p23 = array_storage(p0)
            i24 = array_offset(p0)
            i25 = array_stride(p0)
            i26 = int_mul(i3, i25)
            i27 = int_add(i24, i26)
            setarrayitem_f64(p23, i27, f21)
            i28 = int_add(i3, 1)
            jump(p0, p1, p2, i28, i4)
            """;

    /** s = s + a[i] for i in range(n) (float64, program order). Registers: r0=a r1=i r2=n r3=s. */
    static final String SUM = """
            [p0: ref, i1: int, i2: int, f3: float]
            label(p0, i1, i2, f3) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            b4 = int_lt(i1, i2)
            guard_true(b4) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            guard_class(p0, cls=array.float64) [main@8: r0=p0 r1=i1 r2=i2 r3=f3]
            i5 = arraylen(p0)
            guard_index(i1, i5) [main@8: r0=p0 r1=i1 r2=i2 r3=f3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i1, i8)
            i10 = int_add(i7, i9)
            f11 = getarrayitem_f64(p6, i10)
            f12 = float_add(f3, f11)
            i13 = int_add(i1, 1)
            jump(p0, i13, i2, f12)
            """;

    /** W2 as the recorder specialises it for contiguous arrays: guard_value(stride, 1), index = offset + i. */
    static final String W2_CONTIGUOUS = """
            [p0: ref, p1: ref, p2: ref, i3: int, i4: int]
            label(p0, p1, p2, i3, i4) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            b5 = int_lt(i3, i4)
            guard_true(b5) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            guard_class(p1, cls=array.float64) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            i6 = arraylen(p1)
            guard_index(i3, i6) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            p7 = array_storage(p1)
            i8 = array_offset(p1)
            i9 = array_stride(p1)
            guard_value(i9, 1) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4]
            i11 = int_add(i8, i3)
            f12 = getarrayitem_f64(p7, i11)
            guard_class(p2, cls=array.float64) [main@18: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f12]
            i13 = arraylen(p2)
            guard_index(i3, i13) [main@18: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f12]
            p14 = array_storage(p2)
            i15 = array_offset(p2)
            i16 = array_stride(p2)
            guard_value(i16, 1) [main@18: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f12]
            i18 = int_add(i15, i3)
            f19 = getarrayitem_f64(p14, i18)
            f20 = float_mul(f19, 3.14)
            f21 = float_add(f12, f20)
            guard_class(p0, cls=array.float64) [main@24: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f21]
            i22 = arraylen(p0)
            guard_index(i3, i22) [main@24: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f21]
            p23 = array_storage(p0)
            i24 = array_offset(p0)
            i25 = array_stride(p0)
            guard_value(i25, 1) [main@24: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f21]
            i27 = int_add(i24, i3)
            setarrayitem_f64(p23, i27, f21)
            i28 = int_add(i3, 1)
            jump(p0, p1, p2, i28, i4)
            """;

    /** acc += 100 // d + i % d, with d possibly 0 (the operations may raise). Registers r0=i r1=n r2=d r3=acc. */
    static final String DIVIDE = """
            [i0: int, i1: int, i2: int, i3: int]
            label(i0, i1, i2, i3) [f@0: r0=i0 r1=i1 r2=i2 r3=i3]
            b4 = int_lt(i0, i1)
            guard_true(b4) [f@1: r0=i0 r1=i1 r2=i2 r3=i3]
            i5 = int_floordiv(100, i2) [f@2: r0=i0 r1=i1 r2=i2 r3=i3]
            i6 = int_mod(i0, i2) [f@3: r0=i0 r1=i1 r2=i2 r3=i3 r4=i5]
            i7 = int_add(i3, i5)
            i8 = int_add(i7, i6)
            i9 = int_add(i0, 1)
            jump(i9, i1, i2, i8)
            """;

    /**
     * for i in range(n): x = a[i]; if x < t: s = s + x  (recorded with the branch taken; the guard
     * fails when an element reaches t: a branch that flips late). Registers r0=a r1=i r2=n r3=t r4=s.
     */
    static final String BRANCH = """
            [p0: ref, i1: int, i2: int, f3: float, f4: float]
            label(p0, i1, i2, f3, f4) [g@0: r0=p0 r1=i1 r2=i2 r3=f3 r4=f4]
            b5 = int_lt(i1, i2)
            guard_true(b5) [g@0: r0=p0 r1=i1 r2=i2 r3=f3 r4=f4]
            guard_class(p0, cls=array.float64) [g@3: r0=p0 r1=i1 r2=i2 r3=f3 r4=f4]
            i6 = arraylen(p0)
            guard_index(i1, i6) [g@3: r0=p0 r1=i1 r2=i2 r3=f3 r4=f4]
            p7 = array_storage(p0)
            i8 = array_offset(p0)
            i9 = array_stride(p0)
            i10 = int_mul(i1, i9)
            i11 = int_add(i8, i10)
            f12 = getarrayitem_f64(p7, i11)
            b13 = float_lt(f12, f3)
            guard_true(b13) [g@5: r0=p0 r1=i1 r2=i2 r3=f3 r4=f4 r5=f12]
            f14 = float_add(f4, f12)
            i15 = int_add(i1, 1)
            jump(p0, i15, i2, f3, f14)
            """;

    /** W4 on float32 arrays: c[i] = ((x[i] * 0.5 + 1) * 2) - 0.5, contiguous. Registers r0=x r1=c r2=i r3=n. */
    static final String F32 = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [h@0: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_lt(i2, i3)
            guard_true(b4) [h@0: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.float32) [h@2: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [h@2: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            guard_value(i8, 1) [h@2: r0=p0 r1=p1 r2=i2 r3=i3]
            i9 = int_add(i7, i2)
            s10 = getarrayitem_f32(p6, i9)
            s11 = f32_mul(s10, 0.5f)
            s12 = f32_add(s11, 1.0f)
            s13 = f32_mul(s12, 2.0f)
            s14 = f32_sub(s13, 0.5f)
            guard_class(p1, cls=array.float32) [h@6: r0=p0 r1=p1 r2=i2 r3=i3 r4=s14]
            i15 = arraylen(p1)
            guard_index(i2, i15) [h@6: r0=p0 r1=p1 r2=i2 r3=i3 r4=s14]
            p16 = array_storage(p1)
            i17 = array_offset(p1)
            i18 = array_stride(p1)
            guard_value(i18, 1) [h@6: r0=p0 r1=p1 r2=i2 r3=i3 r4=s14]
            i19 = int_add(i17, i2)
            setarrayitem_f32(p16, i19, s14)
            i20 = int_add(i2, 1)
            jump(p0, p1, i20, i3)
            """;
}
