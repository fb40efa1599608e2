package io.mtlslab.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

/**
 * The listeners one build of the screens keeps on long-lived objects (the app context, the view
 * models). A language switch rebuilds every screen; disposing the old build's scope lets its
 * controllers and nodes be collected instead of piling up, still reacting to every model change.
 *
 * <p>Bindings ({@code bind}, {@code bindBidirectional}) hold their target weakly and need no scope;
 * listeners and subscriptions hold it strongly and go through here.
 */
public final class ViewScope {

    private final List<Subscription> subscriptions = new ArrayList<>();
    private boolean disposed;

    /** Calls {@code subscriber(old, now)} on every change of {@code value} while this scope lives. */
    public <T> void onChange(ObservableValue<T> value, BiConsumer<? super T, ? super T> subscriber) {
        add(value.subscribe(subscriber));
    }

    /** Calls {@code listener} on every change of {@code list} while this scope lives. */
    public <E> void onChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        add(() -> list.removeListener(listener));
    }

    /** Keeps a subscription until this scope is disposed (at once, if it already is). */
    public void add(Subscription subscription) {
        if (disposed) {
            subscription.unsubscribe();
        } else {
            subscriptions.add(subscription);
        }
    }

    /** Unsubscribes everything; later additions are unsubscribed at once. */
    public void dispose() {
        disposed = true;
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }

    public boolean isDisposed() {
        return disposed;
    }
}
