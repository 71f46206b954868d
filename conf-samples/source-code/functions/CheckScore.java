package functions;

import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Pool;

import java.util.Map;

/** CheckScore (Verify): keeps the rows whose score is a number from 0 to 100; the others stop here. */
public class CheckScore implements KisPlugin {
    @Override
    public void register(Pool pool) {
        pool.faas("CheckScore", flow -> {
            for (Object row : flow.input()) {
                if (row instanceof Map<?, ?> fields && fields.get("score") instanceof Number n
                        && n.doubleValue() >= 0 && n.doubleValue() <= 100) {
                    flow.commitRow(row);
                }
            }
        });
    }
}
