package dev.vecl.trace.backend;

/**
 * What a bridge without a label of its own returns when it ends in {@code jump}: the values of the
 * parent loop's label variables, boxed, in label order. The parent writes them into its label
 * slots and continues its loop.
 */
final class LabelValues {
    final Object[] values;

    LabelValues(Object[] values) {
        this.values = values;
    }
}
