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
}
