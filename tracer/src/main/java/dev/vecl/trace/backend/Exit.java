package dev.vecl.trace.backend;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

/**
 * What happens when a guard fails or an operation would raise: leave the trace with the snapshot
 * ({@link Leave}), or continue in an attached bridge ({@link Bridge}). Attaching replaces the node,
 * which invalidates the compiled parent once.
 */
abstract class Exit extends Node {
    final ExitSite site;

    Exit(ExitSite site) {
        this.site = site;
    }

    /**
     * What to throw: an {@link ExitSignal} (the root decodes the snapshot), a bridge's {@link TraceExit},
     * or, for a bridge jumping back, {@link AtLabel}.
     */
    abstract RuntimeException take(VirtualFrame f);

    /** Boxes the snapshot's values into one array per frame. */
    static final class Leave extends Exit {
        @Children final Arg[] values;
        @CompilationFinal(dimensions = 1) final int[] frameSizes;
        /**
         * False for exits expected to be rare: the first failure deoptimizes (once) and the
         * recompiled trace then has this exit as a compiled path. True: compiled from the start.
         */
        @CompilationFinal boolean compiledPath;

        /** The snapshot values this exit must save: not constants, not loop invariants (saved once on loop entry). */
        @Children final Arg[] spilled;

        Leave(ExitSite site, Arg[] values, Arg[] spilled, int[] frameSizes, boolean compiledPath, ExitBuffer buffer) {
            super(site);
            this.buffer = buffer;
            this.spilled = spilled;
            this.values = values;
            this.frameSizes = frameSizes;
            this.compiledPath = compiledPath;
        }

        /** Thrown to the root, which boxes the saved snapshot (one shared exit path). */
        final ExitSignal signal = new ExitSignal(this);
        final ExitBuffer buffer;

        @Override
        @ExplodeLoop
        RuntimeException take(VirtualFrame f) {
            if (!compiledPath) {
                CompilerDirectives.transferToInterpreterAndInvalidate();
                compiledPath = true;
            }
            site.failures++;
            for (int j = 0; j < spilled.length; j++) {
                spilled[j].spill(f, buffer);
            }
            return signal;
        }

        /** Boxes the snapshot's values saved by {@link #take}. */
        @TruffleBoundary
        TraceExit decode() {
            Object[][] out = new Object[frameSizes.length][];
            int k = 0;
            for (int fr = 0; fr < frameSizes.length; fr++) {
                Object[] regs = new Object[frameSizes[fr]];
                for (int j = 0; j < frameSizes[fr]; j++) {
                    regs[j] = values[k + j].unspill(buffer);
                }
                k += frameSizes[fr];
                out[fr] = regs;
            }
            buffer.clearRefs();
            return new TraceExit(site, out);
        }
    }

    /**
     * Continues in a bridge: a compiled call (Truffle may inline it) with the bridge's inputs. The
     * bridge's own exits propagate; a bridge that jumps to this trace's label gives the label values.
     */
    static final class Bridge extends Exit {
        @Children final Arg[] inputs;
        @Child DirectCallNode call;
        /** Writes into this trace's label slots, for a bridge that jumps back; null if the bridge cannot. */
        @Children final SlotWrite[] label;
        final CompiledTrace bridge;

        Bridge(ExitSite site, Arg[] inputs, CompiledTrace bridge, SlotWrite[] label) {
            super(site);
            this.inputs = inputs;
            this.bridge = bridge;
            this.call = DirectCallNode.create(bridge.callTarget());
            this.label = label;
        }

        @Override
        @ExplodeLoop
        RuntimeException take(VirtualFrame f) {
            site.failures++;
            Object r = call.call(Arg.boxAll(inputs, f, 0));
            if (label != null && r instanceof LabelValues lv) {
                for (int i = 0; i < label.length; i++) {
                    label[i].putBoxed(f, lv.values[i]);
                }
                return AtLabel.INSTANCE;
            }
            return (TraceExit) r;
        }
    }

    /**
     * Continues in a loop version (VecOpt's scalar loop, attached at many exits of a vector trace).
     * Like {@link Leave}, the exit path in the compiled trace is only stores (the version's inputs,
     * at fixed places of the exit buffer) and a jump to the root's one handler
     * ({@link VersionSignal}), which makes the one call ({@link VersionCall}). The call used to sit
     * at every exit (the inputs boxed and an indirect call each): a 40-op vector trace of a prelude
     * loop, with ~20 such exits (the preamble's guards, four unrolled copies of the loop test), was
     * 44-53 KB of machine code and 400-600 ms of compilation; now 21-34 KB and 200-350 ms.
     */
    static final class Version extends Exit {
        @Children final Arg[] inputs;
        @CompilationFinal(dimensions = 1) final dev.vecl.trace.ir.Type[] types;
        final ExitBuffer buffer;

        Version(ExitSite site, Arg[] inputs, dev.vecl.trace.ir.Type[] types, ExitBuffer buffer) {
            super(site);
            this.inputs = inputs;
            this.types = types;
            this.buffer = buffer;
        }

        @Override
        @ExplodeLoop
        RuntimeException take(VirtualFrame f) {
            site.failures++;
            for (int j = 0; j < inputs.length; j++) {
                switch (types[j]) {
                    case INT -> buffer.versionPrims[j] = inputs[j].i(f);
                    case FLOAT -> buffer.versionPrims[j] = Double.doubleToRawLongBits(inputs[j].f(f));
                    case F32 -> buffer.versionPrims[j] = Float.floatToRawIntBits(inputs[j].s(f));
                    case BOOL -> buffer.versionPrims[j] = inputs[j].b(f) ? 1 : 0;
                    default -> buffer.versionRefs[j] = inputs[j].p(f);
                }
            }
            return VersionSignal.INSTANCE;
        }
    }

    /**
     * The call of a trace's loop version, made once in the trace's root for all its
     * {@link Version} exits, with the inputs they saved. Returns the version's raw exit
     * ({@link Leave}, its values still in the version's buffer) or its {@link TraceExit}.
     */
    static final class VersionCall extends Node {
        final CompiledTrace version;
        @CompilationFinal(dimensions = 1) final dev.vecl.trace.ir.Type[] types;
        final ExitBuffer buffer;
        @Child com.oracle.truffle.api.nodes.IndirectCallNode call = com.oracle.truffle.api.nodes.IndirectCallNode.create();

        VersionCall(CompiledTrace version, dev.vecl.trace.ir.Type[] types, ExitBuffer buffer) {
            this.version = version;
            this.types = types;
            this.buffer = buffer;
        }

        @ExplodeLoop
        Object call() {
            if (!version.compileRequested()) {
                compileVersion(version);
            }
            Object[] args = new Object[types.length + 1];
            for (int j = 0; j < types.length; j++) {
                args[j] = ExitBuffer.box(types[j], buffer.versionPrims[j], buffer.versionRefs[j]);
                buffer.versionRefs[j] = null;
            }
            args[types.length] = TraceRootNode.RAW_EXIT;
            return call.call(version.callTarget(), args);
        }
    }

    /** A loop version is compiled when first taken (most loops whose length is a multiple of the lanes never take it). */
    @TruffleBoundary
    static void compileVersion(CompiledTrace version) {
        version.compileNow();
    }
}
