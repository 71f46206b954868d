package io.kisflow.samples;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PrintStuAvgScore's formatting gives String.format("%.2f")'s digits, ties and signs included. */
class TwoDecimalsTest {
    @Test
    void sameDigitsAsTheFormatter() {
        double[] cases = {0, 84, 97.66666666666667, 1.005, 2.675, 0.125, -0.001, -1.5, 99.995, 1e14 / 3, 123456789.125, 0.004999};
        for (double v : cases) {
            assertEquals(String.format(Locale.US, "%.2f", v), StudentScoreFunctions.twoDecimals(v), "for " + v);
        }
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double v = i % 2 == 0 ? random.nextInt(301) / 3.0 : (random.nextDouble() - 0.3) * 1000;
            assertEquals(String.format(Locale.US, "%.2f", v), StudentScoreFunctions.twoDecimals(v), "for " + v);
        }
    }
}
