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
     * Continues in a loop version (VecOpt's scalar loop, attached at many exits of a vector trace)
     * through an indirect call. Its exits propagate. Known cost: Truffle inlines an indirect call
     * whose target is a compilation constant like a direct one, so every exit holds a copy of the
     * version (a 39-op vector trace: 52 KB of machine code, several seconds of compile time).
     * Calling it out of line (a TruffleBoundary, or a target Truffle cannot fold) made Graal's
     * Vector API expansion fail ("ValuePhi" InternalError) on an outer trace that inlines the
     * vector trace through call_loop, so the copies stay until that is understood.
     */
    /** A loop version is compiled when first taken (most loops whose length is a multiple of the lanes never take it). */
    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    static void compileVersion(CompiledTrace version) {
        version.compileNow();
    }

    static final class Version extends Exit {
        @Children final Arg[] inputs;
        @Child com.oracle.truffle.api.nodes.IndirectCallNode call = com.oracle.truffle.api.nodes.IndirectCallNode.create();
        final CompiledTrace version;

        Version(ExitSite site, Arg[] inputs, CompiledTrace version) {
            super(site);
            this.inputs = inputs;
            this.version = version;
        }

        @Override
        @ExplodeLoop
        RuntimeException take(VirtualFrame f) {
            site.failures++;
            if (!version.compileRequested()) {
                compileVersion(version);
            }
            // the version's raw exit, rethrown as its signal: this trace's root then decodes it or,
            // for a caller that asked for the raw exit (FastCall), returns it (its values stay in
            // the version's exit buffer, and a loop-test exit is read in the caller's compiled code)
            Object[] args = Arg.boxAll(inputs, f, 1);
            args[inputs.length] = TraceRootNode.RAW_EXIT;
            Object r = call.call(version.callTarget(), args);
            return r instanceof Leave l ? l.signal : (TraceExit) r;
        }
    }
}
