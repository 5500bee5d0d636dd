package dev.vecl.trace.backend;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One exit frame's registers as a read-only map over two parallel arrays (register numbers in
 * ascending order, boxed values): a guard exit is on the hot path of every trace entry, and the
 * driver only iterates it once to write the interpreter's registers.
 */
final class RegisterValues extends AbstractMap<Integer, Object> {
    private final int[] registers;
    private final Object[] values;

    RegisterValues(int[] registers, Object[] values) {
        this.registers = registers;
        this.values = values;
    }

    @Override
    public void forEach(BiConsumer<? super Integer, ? super Object> action) {
        for (int k = 0; k < registers.length; k++) {
            action.accept(registers[k], values[k]);
        }
    }

    @Override
    public int size() {
        return registers.length;
    }

    @Override
    public Object get(Object key) {
        if (key instanceof Integer r) {
            int k = java.util.Arrays.binarySearch(registers, r);
            return k >= 0 ? values[k] : null;
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Integer r && java.util.Arrays.binarySearch(registers, r) >= 0;
    }

    @Override
    public Set<Entry<Integer, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Integer, Object>> iterator() {
                return new Iterator<>() {
                    int k;

                    @Override
                    public boolean hasNext() {
                        return k < registers.length;
                    }

                    @Override
                    public Entry<Integer, Object> next() {
                        if (k >= registers.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<Integer, Object> e = new SimpleImmutableEntry<>(registers[k], values[k]);
                        k++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return registers.length;
            }
        };
    }
}
