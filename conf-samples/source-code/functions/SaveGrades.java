package functions;

import io.kisflow.engine.Connector;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Pool;

/** SaveGrades (Save): writes each row through its connector (GradeFile) and passes it on. */
public class SaveGrades implements KisPlugin {
    @Override
    public void register(Pool pool) {
        pool.faas("SaveGrades", flow -> {
            Connector connector = flow.getConnector();
            for (Object row : flow.input()) {
                connector.call(flow, row);
                flow.commitRow(row);
            }
        });
    }
}
