package dev.vecl.trace.backend;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;

/** Sequences of operations, the jump, finish, and the repeating loop body. */
final class ControlNodes {
    private ControlNodes() {
    }

    /**
     * Most operations one exploded loop unrolls. Graal abandons a compilation whose exploded loop
     * passes MaximumLoopExplosionCount (10,000) iterations, so long traces become nested blocks.
     */
    static final int CHUNK = 1024;

    abstract static class Seq extends Node {
        /** Null when every operation ran; otherwise what the last one returned (a label-less trace's LabelValues). */
        abstract Object execute(VirtualFrame f);

        static Seq of(OpNode[] ops) {
            if (ops.length <= CHUNK) {
                return new Block(ops);
            }
            int n = (ops.length + CHUNK - 1) / CHUNK;
            Seq[] parts = new Seq[n];
            for (int k = 0; k < n; k++) {
                int from = k * CHUNK;
                int to = Math.min(ops.length, from + CHUNK);
                OpNode[] part = new OpNode[to - from];
                System.arraycopy(ops, from, part, 0, part.length);
                parts[k] = new Block(part);
            }
            if (parts.length > CHUNK) {
                throw new IllegalArgumentException("trace too long: " + ops.length + " operations");
            }
            return new Chunks(parts);
        }
    }

    static final class Block extends Seq {
        @Children final OpNode[] ops;

        Block(OpNode[] ops) {
            this.ops = ops;
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame f) {
            for (OpNode op : ops) {
                Object r = op.execute(f);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
    }

    static final class Chunks extends Seq {
        @Children final Seq[] parts;

        Chunks(Seq[] parts) {
            this.parts = parts;
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame f) {
            for (Seq s : parts) {
                Object r = s.execute(f);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * The jump: the label variables get the jump's values in parallel (all read into temporary
     * slots first, then written), so swaps and self-assignments are right. In a trace without a
     * label (a bridge going back to its parent loop) it returns the values for the parent instead.
     */
    static final class Jump extends OpNode {
        @Children final Arg[] from;
        @Children final SlotWrite[] toTemp;
        @Children final Arg[] temp;
        @Children final SlotWrite[] toLabel;
        /** Slots dead once the jump has read them (body values and the temporaries). */
        @Child Clear clear = new Clear(new SlotWrite[0]);

        Jump(Arg[] from, SlotWrite[] toTemp, Arg[] temp, SlotWrite[] toLabel) {
            this.from = from;
            this.toTemp = toTemp;
            this.temp = temp;
            this.toLabel = toLabel;
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame f) {
            if (toLabel == null) {
                return new LabelValues(Arg.boxAll(from, f, 0));
            }
            for (int k = 0; k < from.length; k++) {
                toTemp[k].move(f, from[k]);
            }
            for (int k = 0; k < from.length; k++) {
                toLabel[k].move(f, temp[k]);
            }
            clear.execute(f);
            return null;
        }
    }

    /**
     * Clears slots whose values are dead. Without it, every slot would be a loop phi of the
     * virtual frame (and in every deopt state), and the loop would spend its time shuffling them.
     */
    static final class Clear extends OpNode {
        @Children final SlotWrite[] slots;

        Clear(SlotWrite[] slots) {
            this.slots = slots;
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame f) {
            for (SlotWrite s : slots) {
                s.zero(f);
            }
            return null;
        }
    }

    /** Saves loop invariants in the exit buffer, where every exit inside the loop finds them. */
    static final class Spill extends OpNode {
        @Children final Arg[] values;
        final ExitBuffer buffer;

        Spill(Arg[] values, ExitBuffer buffer) {
            this.values = values;
            this.buffer = buffer;
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame f) {
            for (Arg a : values) {
                a.spill(f, buffer);
            }
            return null;
        }
    }

    static final class Finish extends OpNode {
        @Child Exit exit;

        Finish(Exit exit) {
            this.exit = exit;
        }

        @Override
        Object execute(VirtualFrame f) {
            throw exit.take(f);
        }
    }

    /** One iteration: the body, then the jump. Returns the exit that ends the loop. */
    static final class LoopBody extends Node implements RepeatingNode {
        @Child Seq body;
        @Child Jump jump;
        /** Set by the builder: a bridge that jumps back rewrites the label slots, invariants included. */
        @Child Spill respill;
        final int unroll;

        LoopBody(Seq body, Jump jump, int unroll) {
            this.body = body;
            this.jump = jump;
            this.unroll = unroll;
        }

        @Override
        public boolean executeRepeating(VirtualFrame f) {
            return executeRepeatingWithValue(f) == CONTINUE_LOOP_STATUS;
        }

        /**
         * Runs {@link #unroll} iterations (each with its own guards, so exits stay exact): fewer
         * loop-end safepoint polls and phi moves per iteration.
         */
        @Override
        @ExplodeLoop
        public Object executeRepeatingWithValue(VirtualFrame f) {
            for (int k = 0; k < unroll; k++) {
                try {
                    body.execute(f);
                } catch (AtLabel e) {
                    if (respill != null) {
                        respill.execute(f);
                    }
                    return CONTINUE_LOOP_STATUS;
                }
                jump.execute(f);
            }
            return CONTINUE_LOOP_STATUS;
        }
    }

    /**
     * Runs a part of the loop body compiled on its own (see {@link Segments}). An indirect call:
     * Truffle never inlines it, so each part stays its own Graal compilation.
     */
    static final class PartCall extends OpNode {
        @Children final Arg[] inputs;
        @Child IndirectCallNode call = IndirectCallNode.create();
        final RootCallTarget target;

        PartCall(Arg[] inputs, RootCallTarget target) {
            this.inputs = inputs;
            this.target = target;
        }

        @Override
        Object execute(VirtualFrame f) {
            call.call(target, Arg.boxAll(inputs, f, 0));
            return null;
        }
    }
}
