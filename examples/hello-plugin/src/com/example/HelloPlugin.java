package com.example;

import io.kisflow.engine.Action;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Pool;

import java.util.Locale;

/**
 * An example plugin: the code behind the functions of conf/ in this folder.
 * Build it against the application jar and pass the class folder (or a jar of it) with --plugin.
 */
public final class HelloPlugin implements KisPlugin {
    /** The rows of Greet are typed: JSON strings or maps become this record before the call. */
    public record Person(String name, String lang) {
    }

    @Override
    public void register(Pool pool) {
        pool.faas("Greet", Person.class, (flow, people) -> {
            String greeting = flow.getFuncParam("greeting");   // from default_params, overridden by the flow's params
            for (Person p : people) {
                flow.commitRow(greeting + ", " + p.name() + "!");
            }
        });
        pool.faas("Shout", flow -> {
            for (Object row : flow.input()) {
                flow.commitRow(row.toString().toUpperCase(Locale.ROOT));
            }
            if (flow.input().isEmpty()) {
                flow.next(Action.ABORT);                        // nothing to shout: stop here
            }
        });
    }
}
