package io.kisflow.samples;

import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Pool;

/**
 * The functions and connectors of the projects in {@code conf-samples/}, built into the application
 * so that a new user can run something at once. Discovered like any plugin, through ServiceLoader.
 *
 * <pre>{@code java -jar target/kisflow-studio.jar run --conf conf-samples --flow StuScore --json --input conf-samples/student-score/input.jsonl}</pre>
 */
public final class SamplesPlugin implements KisPlugin {
    @Override
    public void register(Pool pool) {
        StudentScoreFunctions.register(pool);
        ActionFunctions.register(pool);
        ScoreStoreFunctions.register(pool);
    }
}
