package dev.vecl.bytecode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The global variables of one module, by slot. Slots are assigned at compile time and never
 * change, so code compiled by earlier evals stays valid; the values array grows as names appear.
 * A slot holding {@code null} is unbound.
 */
public final class Globals {
    public final String moduleName;
    private final HashMap<String, Integer> slots = new HashMap<>();
    private String[] names = new String[64];
    private int count;
    /** Read directly by the interpreter: {@code globals.values[slot]}. */
    public Object[] values = new Object[64];
    /** Names mentioned inside any function body compiled for this module: they can never live in module registers. */
    private final Set<String> functionNames = new HashSet<>();
    private int functionNamesVersion;

    public Globals(String moduleName) {
        this.moduleName = moduleName;
    }

    public synchronized int slot(String name) {
        Integer s = slots.get(name);
        if (s != null) {
            return s;
        }
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        names[count] = name;
        slots.put(name, count);
        return count++;
    }

    /** Slot of name, or -1. */
    public int lookupSlot(String name) {
        Integer s = slots.get(name);
        return s == null ? -1 : s;
    }

    public String name(int slot) {
        return names[slot];
    }

    public int size() {
        return count;
    }

    public Object get(String name) {
        int s = lookupSlot(name);
        return s < 0 ? null : values[s];
    }

    public void put(String name, Object value) {
        int s = slot(name);
        values[s] = value;
    }

    public void putAll(Map<String, Object> map) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    /** Bound names and values in slot order. */
    public Map<String, Object> bound() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (values[i] != null) {
                m.put(names[i], values[i]);
            }
        }
        return m;
    }

    public boolean isFunctionName(String name) {
        return functionNames.contains(name);
    }

    public void addFunctionNames(Set<String> mentioned) {
        if (functionNames.addAll(mentioned)) {
            functionNamesVersion++;
        }
    }

    /** Changes whenever a new function mentions a new name: module code compiled before may be stale. */
    public int functionNamesVersion() {
        return functionNamesVersion;
    }
}
