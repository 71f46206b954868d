package io.kisflow.connect;

import io.kisflow.config.ConnConfig;
import io.kisflow.engine.ConnectorClient;
import io.kisflow.engine.ConnectorType;
import io.kisflow.engine.Mode;

import java.util.Set;

/**
 * {@code type: file}: {@code addrs} is a directory (relative paths start at the working directory),
 * {@code key} the name of a JSON-lines file in it. Save appends one line per row; Load reads them
 * back (no file yet: no rows). Needs no server.
 */
public final class FileType implements ConnectorType {
    @Override
    public Set<String> names() {
        return Set.of("file");
    }

    @Override
    public ConnectorClient open(ConnConfig config) throws Exception {
        return FileConnector.open(ConnectorSettings.of(config));
    }

    @Override
    public String describe(ConnConfig config, Mode mode) {
        return (mode == Mode.SAVE ? "append to " : "read ") + config.key();
    }
}
