package functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.engine.Connector;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Mode;
import io.kisflow.engine.Pool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Connector GradeFile: appends each saved row as one JSON line to addrs/key. */
public class GradeFileConnector implements KisPlugin {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void register(Pool pool) {
        // init runs once per engine, before the first function bound to the connector
        pool.caasInit("GradeFile", connector -> {
            Path dir = Path.of(connector.getConfig().addrs());
            Files.createDirectories(dir);
            connector.setMetaData("file", dir.resolve(connector.getConfig().key()));
        });
        pool.caas("GradeFile", "SaveGrades", Mode.SAVE, (connector, function, flow, row) -> {
            String line = JSON.writeValueAsString(row) + "\n";
            synchronized (GradeFileConnector.class) {
                Files.writeString(file(connector), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return null;
        });
    }

    private static Path file(Connector connector) {
        return (Path) connector.getMetaData("file");
    }
}
