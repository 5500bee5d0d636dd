package dev.vecl.trace.opt;

import java.util.Set;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.vecl.runtime.DType;
import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * Common-subexpression elimination. Pure operations (call_pure and the immutable array/string
 * field loads included) are reused when the same operation on the same values was seen; an
 * operation that may raise is reused too, since the first would have raised. Loads from mutable
 * memory are reused until a store that may alias them, or a call; a store's value is forwarded to a
 * later load of the same element. Knowledge does not cross the label.
 *
 * <p>Aliasing: element accesses of different dtypes never alias (their storages are different Java
 * array types); with the same dtype they alias unless the storages are distinct constants or the
 * indexes certainly differ ({@link IndexForm#differ}). List stores only invalidate what they can
 * change: {@code list_setitem} the items, {@code list_append} the lengths.
 */
public final class CommonSubexpr implements Pass {

    private record Key(OpCode opcode, List<Value> args, Object descr) {
    }

    @Override
    public Trace apply(Trace trace) {
        Rewriter rw = new Rewriter(trace);
        Map<Key, Value> pure = new HashMap<>();
        Map<Key, Value> heap = new HashMap<>();
        for (Op op : trace.ops) {
            if (op.opcode == OpCode.LABEL) {
                rw.emitLabel(op);
                pure.clear();
                heap.clear();
                continue;
            }
            Op o = rw.copy(op);
            OpCode oc = o.opcode;
            if (oc.isPure() && oc != OpCode.SAME_AS) {
                Key k = new Key(oc, o.args(), o.descr);
                Value prev = pure.get(k);
                if (prev != null) {
                    rw.replace(op, prev);
                    continue;
                }
                pure.put(k, o);
            } else if (oc.isLoad()) {
                Key k = new Key(oc, o.args(), o.descr);
                Value prev = heap.get(k);
                if (prev != null) {
                    rw.replace(op, prev);
                    continue;
                }
                heap.put(k, o);
            } else if (oc.isStore()) {
                invalidate(heap, o, rw.labelVars());
                DType d = oc.dtype();
                if (d != null && d != DType.INT32) {
                    // forward the stored value (an int32 store truncates, so its value is not what a load gives)
                    heap.put(new Key(OpCode.getArrayItem(d), List.of(o.arg(0), o.arg(1)), null), o.arg(2));
                } else if (oc == OpCode.LIST_SETITEM) {
                    heap.put(new Key(OpCode.LIST_GETITEM, List.of(o.arg(0), o.arg(1)), null), o.arg(2));
                }
            } else if (oc.isCall()) {
                heap.clear();
            }
            rw.emit(o);
        }
        return rw.finish();
    }

    private static void invalidate(Map<Key, Value> heap, Op store, Set<Value> vars) {
        OpCode oc = store.opcode;
        for (Iterator<Key> it = heap.keySet().iterator(); it.hasNext();) {
            Key k = it.next();
            boolean kill = switch (oc) {
                case LIST_APPEND -> k.opcode == OpCode.LIST_LEN;
                case LIST_SETITEM -> k.opcode == OpCode.LIST_GETITEM && mayAlias(k.args, store, vars);
                default -> k.opcode.dtype() == oc.dtype() && mayAlias(k.args, store, vars);
            };
            if (kill) {
                it.remove();
            }
        }
    }

    /** Whether element (args[0], args[1]) may be the element the store writes. */
    static boolean mayAlias(List<Value> loadArgs, Op store, Set<Value> vars) {
        Value s1 = loadArgs.get(0);
        Value s2 = store.arg(0);
        if (s1 != s2 && s1 instanceof Const.Ref r1 && s2 instanceof Const.Ref r2
                && r1.object() != null && r2.object() != null && r1.object() != r2.object()) {
            return false;
        }
        return !IndexForm.differ(loadArgs.get(1), store.arg(1), vars);
    }
}
