package io.kisflow.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static io.kisflow.engine.Projects.retry;
import static io.kisflow.engine.Projects.run;
import static io.kisflow.engine.Projects.withOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed functions: rows of the declared type pass as they are, JSON strings are parsed, the rest goes through Jackson. */
class TypedRowsTest {
    record Point(@JsonProperty("x") int x, @JsonProperty("y") int y) {
    }

    @Test
    void rowsAlreadyOfTheTypeArePassedAsTheyAre() throws Exception {
        Point p = new Point(1, 2);
        List<Object> received = new ArrayList<>();
        try (Engine engine = engine(chain("F", "T"), pool -> pool.faas("T", Point.class, (flow, rows) -> {
            received.addAll(rows);
            assertSame(flow.input(), rows, "no copy when every row already has the type");
        }))) {
            run(engine.flow("F"), p);
            assertSame(p, received.get(0));
        }
    }

    /** Deliberate difference: Go sends even rows of the exact type through a JSON round trip. */
    @Test
    void jsonStringsAreParsedMapsAreConvertedAndUnknownFieldsIgnored() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("x", 5);
        map.put("y", 6);
        map.put("extra", "ignored like Go's json.Unmarshal");
        List<Point> received = new ArrayList<>();
        Point same = new Point(9, 9);
        try (Engine engine = engine(chain("F", "T"), pool -> pool.faas("T", Point.class, (flow, rows) -> received.addAll(rows)))) {
            run(engine.flow("F"), same, "{\"x\":3,\"y\":4,\"z\":0}", map, "{\"x\":7}", null);
            assertEquals(List.of(new Point(9, 9), new Point(3, 4), new Point(5, 6), new Point(7, 0)), received.subList(0, 4));
            assertSame(same, received.get(0));
            assertEquals(null, received.get(4));
        }
    }

    @Test
    void typedRowsCommittedAsRecordsReachTheNextTypedFunctionUnchanged() throws Exception {
        List<Point> received = new ArrayList<>();
        KisPlugin plugin = pool -> {
            pool.faas("Parse", Point.class, (flow, rows) -> rows.forEach(flow::commitRow));
            pool.faas("Use", Point.class, (flow, rows) -> received.addAll(rows));
        };
        try (Engine engine = engine(chain("F", "Parse", "Use"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            run(flow, "{\"x\":1,\"y\":2}");
            assertEquals(List.of(new Point(1, 2)), received);
            assertSame(flow.levels().get(1).rows().get(0), received.get(0));
        }
    }

    /** Deliberate difference: Go passes a nil list and only logs. */
    @Test
    void aRowThatCannotBeConvertedFailsTheRunNamingFlowFunctionRowAndReasonWithoutRetry() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Engine engine = engine(withOption(chain("F", "T"), "T", retry(3, 0)),
                pool -> pool.faas("T", Point.class, (flow, rows) -> calls.incrementAndGet()))) {
            FlowException e = assertThrows(FlowException.class, () -> run(engine.flow("F"), "{\"x\":1}", "not json"));
            assertTrue(e.getMessage().startsWith("flow F, function T (position 1): input row 2 cannot convert JSON string 'not json' to Point: "
                    + "Unrecognized token 'not'"), e.getMessage());
            assertEquals(0, calls.get(), "the function is not called, and a bad row is not retried");

            FlowException wrongShape = assertThrows(FlowException.class, () -> run(engine.flow("F"), List.of(1, 2)));
            assertTrue(wrongShape.getMessage().startsWith("flow F, function T (position 1): input row 1 cannot convert "
                    + "list '[1, 2]' to Point: "), wrongShape.getMessage());
        }
    }
}
