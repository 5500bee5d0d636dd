package dev.vecl.trace.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.RootCallTarget;

import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Type;
import dev.vecl.trace.ir.Value;

/**
 * A trace lowered to a Truffle call target. {@link #run} enters it with the trace's inputs (boxed,
 * in input order) and returns how it left. Bridges attach to its exits.
 */
public final class CompiledTrace {
    public final Trace trace;
    private final TraceRootNode root;
    private final RootCallTarget target;
    private final List<ExitSite> sites;
    private final Map<Integer, Exit.Leave> leaves;
    private final Map<Value, Integer> slots;
    private final SlotWrite[] labelWrites;
    private final List<CompiledTrace> bridges = new ArrayList<>();
    /** Loop versions attached ({@link #attachVersion}); a raw call's exit may be one of theirs. */
    private final List<CompiledTrace> versions = new ArrayList<>();
    /** Parts of the loop body compiled on their own (Segments); empty for most traces. */
    private final List<CompiledTrace> parts;
    private long compileNanos;
    private int compilations;
    /** Set by the first {@link #compileNow}: a loop version compiled on its first exit asks once. */
    private volatile boolean compileRequested;

    CompiledTrace(Trace trace, TraceRootNode root, List<ExitSite> sites, Map<Integer, Exit.Leave> leaves, Map<Value, Integer> slots, SlotWrite[] labelWrites, List<CompiledTrace> parts) {
        this.parts = List.copyOf(parts);
        this.trace = trace;
        this.root = root;
        this.sites = sites;
        this.leaves = leaves;
        this.slots = slots;
        this.labelWrites = labelWrites;
        this.target = root.getCallTarget();
    }

    RootCallTarget callTarget() {
        return target;
    }

    /** The open (not bridged) exit at {@code opIndex}, or null. */
    Exit.Leave leaveAt(int opIndex) {
        return leaves.get(opIndex);
    }

    /** The frame slot of a value of this trace, or null. */
    Integer slotOf(Value v) {
        return slots.get(v);
    }

    /**
     * Runs the trace from its start (preamble, then the loop) on boxed inputs and returns the exit
     * it left by. Not for a bridge that jumps to its parent's label (only its parent can continue it).
     */
    public TraceExit run(Object... inputs) {
        // always the raw protocol, as the outer traces' direct calls (FastCall) use it: one
        // argument shape per call target, so a call's argument profile never fails (that
        // invalidated the calling outer trace, which then stayed in Truffle's interpreter)
        Object[] args = java.util.Arrays.copyOf(inputs, inputs.length + 1);
        args[inputs.length] = TraceRootNode.RAW_EXIT;
        Object r = target.call(args);
        if (r instanceof Exit.Leave l) {
            return l.decode();
        }
        if (r instanceof TraceExit e) {
            return e;
        }
        throw new IllegalStateException("trace " + root.getName() + " returned " + r + " (a bridge into a loop runs only from its parent)");
    }

    /** Exit sites (guards, operations that may raise, finish), in trace order. */
    public List<ExitSite> exits() {
        return Collections.unmodifiableList(sites);
    }

    public ExitSite exit(int opIndex) {
        for (ExitSite s : sites) {
            if (s.opIndex == opIndex) {
                return s;
            }
        }
        throw new IllegalArgumentException("no exit at op " + opIndex);
    }

    /**
     * The parent values a bridge attached at {@code opIndex} receives, in order: the distinct
     * non-constant values of that exit's snapshot. A bridge trace's inputs must match them in
     * number and types.
     */
    public List<Value> bridgeInputs(int opIndex) {
        return TraceCompiler.bridgeInputs(exit(opIndex).op);
    }

    /**
     * From now on a failure at {@code opIndex} continues in {@code bridge}: its exits propagate out of
     * this trace, and a bridge without a label that ends in a jump continues this trace's loop with
     * the jump's values. Invalidates this trace's machine code and recompiles it once.
     */
    public synchronized void attachBridge(int opIndex, CompiledTrace bridge) {
        Exit.Leave leave = leaves.get(opIndex);
        if (leave == null) {
            throw new IllegalArgumentException("no open exit at op " + opIndex + " (already bridged?)");
        }
        List<Value> ins = bridgeInputs(opIndex);
        if (ins.size() != bridge.trace.inputs.size()) {
            throw new IllegalArgumentException("bridge has " + bridge.trace.inputs.size() + " inputs, exit " + opIndex + " gives " + ins.size());
        }
        Arg[] args = new Arg[ins.size()];
        for (int i = 0; i < args.length; i++) {
            Value v = ins.get(i);
            if (v.type() != bridge.trace.inputs.get(i).type()) {
                throw new IllegalArgumentException("bridge input " + i + " is " + bridge.trace.inputs.get(i).type() + ", exit gives " + v.type());
            }
            args[i] = Arg.slot(v.type(), slots.get(v));
        }
        SlotWrite[] label = null;
        Op last = bridge.trace.last();
        if (bridge.trace.labelIndex() < 0 && last != null && last.opcode == OpCode.JUMP) {
            if (labelWrites == null || labelWrites.length != last.numArgs()) {
                throw new IllegalArgumentException("bridge jumps with " + last.numArgs() + " values to a trace whose label has " + (labelWrites == null ? "none" : labelWrites.length));
            }
            Op myLabel = trace.label();
            label = new SlotWrite[labelWrites.length];
            for (int i = 0; i < label.length; i++) {
                Type t = myLabel.arg(i).type();
                if (last.arg(i).type() != t) {
                    throw new IllegalArgumentException("bridge jump value " + i + " is " + last.arg(i).type() + ", label wants " + t);
                }
                label[i] = SlotWrite.of(t, labelWrites[i].slot);
            }
        }
        leaves.remove(opIndex);
        // replace() tells the runtime, which invalidates the compiled parent
        leave.replace(new Exit.Bridge(leave.site, args, bridge, label), "bridge attached");
        bridges.add(bridge);
        compileNow();
    }

    /**
     * Loop versions (VecOpt): from now on a failure at each of {@code exits}' op indexes continues in
     * {@code version}, a whole trace (typically the scalar loop this trace was widened from) entered
     * with the given values of this trace (or constants), one per input of {@code version}. Its
     * exits propagate. Unlike {@link #attachBridge}, the inputs are not the snapshot's values in
     * order: the caller maps them (the version's inputs are interpreter registers the snapshot
     * names). One version per trace: its exits share one call in the root. Compiles once after
     * attaching all.
     */
    public synchronized void attachVersion(Map<Integer, List<Value>> exits, CompiledTrace version) {
        if (!versions.isEmpty()) {
            throw new IllegalStateException(root.getName() + " already has a loop version (its exits share one call)");
        }
        dev.vecl.trace.ir.Type[] types = new dev.vecl.trace.ir.Type[version.trace.inputs.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = version.trace.inputs.get(i).type();
        }
        ExitBuffer buffer = null;
        for (Map.Entry<Integer, List<Value>> e : exits.entrySet()) {
            int opIndex = e.getKey();
            Exit.Leave leave = leaves.get(opIndex);
            if (leave == null) {
                throw new IllegalArgumentException("no open exit at op " + opIndex + " (already bridged?)");
            }
            List<Value> ins = e.getValue();
            if (ins.size() != version.trace.inputs.size()) {
                throw new IllegalArgumentException("version has " + version.trace.inputs.size() + " inputs, " + ins.size() + " given for exit " + opIndex);
            }
            Arg[] args = new Arg[ins.size()];
            for (int i = 0; i < args.length; i++) {
                Value v = ins.get(i);
                if (v.type() != version.trace.inputs.get(i).type()) {
                    throw new IllegalArgumentException("version input " + i + " is " + version.trace.inputs.get(i).type() + ", exit gives " + v.type());
                }
                if (v instanceof dev.vecl.trace.ir.Const c) {
                    args[i] = Arg.constant(c);
                } else {
                    Integer slot = slots.get(v);
                    if (slot == null) {
                        throw new IllegalArgumentException("value " + v + " has no slot at exit " + opIndex);
                    }
                    args[i] = Arg.slot(v.type(), slot);
                }
            }
            leaves.remove(opIndex);
            buffer = leave.buffer;
            leave.replace(new Exit.Version(leave.site, args, types, buffer), "loop version attached");
        }
        if (buffer != null) {
            buffer.versionInputs(types.length);
            root.attachVersionCall(new Exit.VersionCall(version, types, buffer));
        }
        bridges.add(version);
        versions.add(version);
        compileNow();
    }

    List<CompiledTrace> versions() {
        return Collections.unmodifiableList(versions);
    }

    public List<CompiledTrace> bridges() {
        return Collections.unmodifiableList(bridges);
    }

    /** Requests (and, without background compilation, performs) compilation; records the time it took. */
    public boolean compileNow() {
        compileRequested = true;
        long t0 = System.nanoTime();
        boolean ok = true;
        for (CompiledTrace p : parts) {
            ok &= Compilation.request(p.target);
        }
        ok &= Compilation.request(target);
        long dt = System.nanoTime() - t0;
        if (ok) {
            compilations++;
            compileNanos += dt;
        }
        return ok;
    }

    TraceRootNode root() {
        return root;
    }

    /** Whether the trace, and each part of its loop body, has valid Graal-compiled machine code right now. */
    public boolean isCompiled() {
        for (CompiledTrace p : parts) {
            if (!Compilation.isCompiled(p.target)) {
                return false;
            }
        }
        return Compilation.isCompiled(target);
    }

    /** Whether compilation was ever requested ({@link #compileNow}). */
    public boolean compileRequested() {
        return compileRequested;
    }

    /** How many parts of the loop body are call targets of their own (Segments). */
    public int parts() {
        return parts.size();
    }

    /** Whether compilation can be requested and observed (the optimizing runtime, on the class path). */
    public static boolean compilationAvailable() {
        return Compilation.available();
    }

    /** Time spent in compile requests (the whole compilation when it is synchronous), in nanoseconds. */
    public long compileNanos() {
        return compileNanos;
    }

    public int compilations() {
        return compilations;
    }

    @Override
    public String toString() {
        return root.getName();
    }
}
