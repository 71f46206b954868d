package functions;

import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Pool;

import java.util.LinkedHashMap;
import java.util.Map;

/** GradeScore (Calculate): reads each row into a record and adds its grade and a line of report. */
public class GradeScore implements KisPlugin {
    /** One row of the source, read from JSON by field name. */
    public record Score(int stu_id, double score) {
    }

    private static final String REPORT = """
            student %d: %s (%.0f)""";

    @Override
    public void register(Pool pool) {
        pool.faas("GradeScore", Score.class, (flow, rows) -> {
            for (var s : rows) {
                String grade = switch ((int) s.score() / 10) {
                    case 10, 9 -> "A";
                    case 8 -> "B";
                    case 7 -> "C";
                    case 6 -> "D";
                    default -> "F";
                };
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("stu_id", s.stu_id());
                out.put("grade", grade);
                out.put("report", REPORT.formatted(s.stu_id(), grade, s.score()));
                flow.commitRow(out);
            }
        });
    }
}
