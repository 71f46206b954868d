package io.kisflow.samples;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kisflow.engine.Pool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The student-score quick start: VerifyStu -> AvgStuScore -> PrintStuAvgScore. */
final class StudentScoreFunctions {
    private StudentScoreFunctions() {
    }

    /** A row of the source: one student's three scores. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StuScore(@JsonProperty("stu_id") int stuId,
                    @JsonProperty("score_1") int score1,
                    @JsonProperty("score_2") int score2,
                    @JsonProperty("score_3") int score3) {
    }

    /** A row after averaging. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StuAvgScore(@JsonProperty("stu_id") int stuId, @JsonProperty("avg_score") double avgScore) {
    }

    static void register(Pool pool) {
        // Keeps students with an id and every score in [0, max_score]; the rest are dropped.
        pool.faas("VerifyStu", StuScore.class, (flow, rows) -> {
            int max = intParam(flow.getFuncParamAll(), "max_score", 100);
            for (StuScore s : rows) {
                if (s.stuId() > 0 && inRange(s.score1(), max) && inRange(s.score2(), max) && inRange(s.score3(), max)) {
                    flow.commitRow(s);
                }
            }
        });
        pool.faas("AvgStuScore", StuScore.class, (flow, rows) -> {
            for (StuScore s : rows) {
                flow.commitRow(new StuAvgScore(s.stuId(), (s.score1() + s.score2() + s.score3()) / 3.0));
            }
        });
        // Formats each average as the line a report would print; the lines are its level.
        pool.faas("PrintStuAvgScore", StuAvgScore.class, (flow, rows) -> {
            for (StuAvgScore s : rows) {
                flow.commitRow("stuid: [" + s.stuId() + "], avg score: [" + twoDecimals(s.avgScore()) + "]");
            }
        });
    }

    /**
     * {@code String.format("%.2f")} without the Formatter, which looked up the locale's symbols for
     * every row and was half the time of a 100,000-row run. Same digits: away from a tie the
     * rounding of v * 100 is unambiguous; near one (1.005) BigDecimal rounds the shortest decimal
     * form half up, as the Formatter does. Always a '.', as Go prints.
     */
    static String twoDecimals(double v) {
        double hundredths = v * 100;
        double fraction = hundredths - Math.floor(hundredths);
        if (Math.abs(hundredths) < 1e15 && Math.abs(fraction - 0.5) > 1e-6) {
            long n = Math.round(hundredths);
            long abs = Math.abs(n);
            long cents = abs % 100;
            return (v < 0 ? "-" : "") + abs / 100 + (cents < 10 ? ".0" : ".") + cents;
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean inRange(int score, int max) {
        return score >= 0 && score <= max;
    }

    static int intParam(Map<String, String> params, String key, int fallback) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("param " + key + " must be a whole number, not '" + v + "'");
        }
    }
}
