package io.kisflow.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A listener keeping every event, for assertions. */
final class EventLog implements RunListener {
    final List<Object> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void runStarted(RunStart e) {
        events.add(e);
    }

    @Override
    public void functionStarted(FunctionStart e) {
        events.add(e);
    }

    @Override
    public void functionEnded(FunctionEnd e) {
        events.add(e);
    }

    @Override
    public void runEnded(RunEnd e) {
        events.add(e);
    }

    @Override
    public void goDiffers(GoDifference d) {
        events.add(d);
    }

    <T> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        synchronized (events) {
            for (Object e : events) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
        }
        return out;
    }

    List<String> outcomes() {
        return of(FunctionEnd.class).stream().map(FunctionEnd::outcome).toList();
    }

    /** "function@position" per call, in order. */
    List<String> calls() {
        return of(FunctionStart.class).stream().map(e -> e.function() + "@" + e.position()).toList();
    }
}
