package io.kisflow.samples;

import io.kisflow.engine.Connector;
import io.kisflow.engine.Mode;
import io.kisflow.engine.Pool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The storage sample: flow SaveScores (VerifyStu -> AvgStuScore -> SaveAvgScore) stores averages
 * through connector ScoreStore; flow LoadScores (LoadAvgScore -> RankScores) reads them back.
 * ScoreStore's code keeps rows in an embedded JSON-lines store, so no server is needed; a server
 * deployment registers its real storage code under the same connector name.
 */
final class ScoreStoreFunctions {
    static final String STORE = "store";

    private ScoreStoreFunctions() {
    }

    static void register(Pool pool) {
        pool.caasInit("ScoreStore", connector -> connector.setMetaData(STORE, openStore(connector)));
        pool.caas("ScoreStore", "SaveAvgScore", Mode.SAVE,
                (connector, function, flow, args) -> store(connector).append(connector.getConfig().key(), args));
        pool.caas("ScoreStore", "LoadAvgScore", Mode.LOAD,
                (connector, function, flow, args) -> store(connector).read(connector.getConfig().key(), String.valueOf(args)));

        pool.faas("SaveAvgScore", flow -> {
            for (Object row : flow.input()) {
                flow.getConnector().call(flow, row);
                flow.commitRow(row);
            }
        });
        // Each source row names a student id to load, or "all".
        pool.faas("LoadAvgScore", flow -> {
            for (Object row : flow.input()) {
                Object loaded = flow.getConnector().call(flow, row);
                flow.commitRowBatch((List<?>) loaded);
            }
        });
        pool.faas("RankScores", StudentScoreFunctions.StuAvgScore.class, (flow, rows) -> {
            List<StudentScoreFunctions.StuAvgScore> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingDouble(StudentScoreFunctions.StuAvgScore::avgScore).reversed()
                    .thenComparingInt(StudentScoreFunctions.StuAvgScore::stuId));
            for (int i = 0; i < sorted.size(); i++) {
                StudentScoreFunctions.StuAvgScore s = sorted.get(i);
                flow.commitRow(Map.of("rank", i + 1, "stu_id", s.stuId(), "avg_score", s.avgScore()));
            }
        });
    }

    /** The store lives in the connector's {@code params.dir} (default {@code .kisflow-store}, relative to the working directory). */
    private static JsonLinesStore openStore(Connector connector) {
        String dir = connector.getConfig().params().getOrDefault("dir", ".kisflow-store");
        return new JsonLinesStore(Path.of(dir));
    }

    private static JsonLinesStore store(Connector connector) {
        return (JsonLinesStore) connector.getMetaData(STORE);
    }
}
