package io.kisflow.samples;

import io.kisflow.engine.Pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The storage sample: flow SaveScores (VerifyStu -> AvgStuScore -> SaveAvgScore) stores averages
 * through connector ScoreStore; flow LoadScores (LoadAvgScore -> RankScores) reads them back and
 * ranks them. ScoreStore is a built-in connector (type file, JSON lines), so SaveAvgScore and
 * LoadAvgScore need no code: only the ranking is written here.
 */
final class ScoreStoreFunctions {
    private ScoreStoreFunctions() {
    }

    static void register(Pool pool) {
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
}
