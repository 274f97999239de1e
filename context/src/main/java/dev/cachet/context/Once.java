package dev.cachet.context;

import java.util.function.Supplier;

/** A value made on first use and only once, however many threads ask for it at the same time. */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> maker;
    private volatile T made;

    Once(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T value = made;
        if (value == null) {
            synchronized (this) {
                value = made;
                if (value == null) {
                    value = maker.get();
                    made = value;
                }
            }
        }
        return value;
    }
}
