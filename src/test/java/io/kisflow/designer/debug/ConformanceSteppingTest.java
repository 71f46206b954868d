package io.kisflow.designer.debug;

import io.kisflow.conformance.ConformancePlugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisflow.designer.debug.input.InputMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steps through Go's conformance flows in the debugger, one function at a time, and checks what the
 * run panel shows against what Go did (go-traces): the card paused before, its input level, the
 * action and params each call reported, the level it left, and the final levels.
 */
class ConformanceSteppingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"flowName1", "flowName2", "flowName3", "flowName4", "flowName5"})
    void steppingShowsTheLevelsAndActionsGoProduced(String flowName) throws IOException {
        JsonNode trace = JSON.readTree(LoadConf.traces().resolve(flowName + ".json").toFile());
        Map<String, Integer> positions = new HashMap<>();
        trace.get("function_chain").forEach(f -> positions.put(f.get("name").asText(), f.get("position").asInt()));
        ConformancePlugin handlers = new ConformancePlugin();
        DebugSettings settings = DebugSettings.EMPTY.withInput(flowName, LoadConf.SOURCE, InputMode.TEXT);
        try (SessionDriver d = new SessionDriver(LoadConf.configs(), settings, DebugOptions.defaults().withExtraPlugins(List.of(handlers)))) {
            DebugSession s = d.session;
            FlowDebugState flow = s.flow(flowName);
            assertTrue(s.step(flowName), s.messageProperty().get());
            d.await(SessionState.PAUSED);
            assertEquals(strings(trace.get("source_rows")), flow.sourceProperty().get().rows());

            for (JsonNode call : trace.get("calls")) {
                String function = call.get("function").asText();
                int position = positions.get(function);
                CardState card = flow.card(position);
                String step = flowName + " call " + call.get("seq").asInt() + " (" + function + ")";

                assertEquals(new CardKey(flowName, position), s.pausedAtProperty().get(), step);
                assertEquals(CardStatus.CURRENT, card.statusProperty().get(), step);
                assertEquals(strings(call.get("input_rows")), card.inputProperty().get().rows(), step);
                assertEquals(call.get("input_level").asText(), card.inputProperty().get().name(), step);

                d.stepAndWait();

                CallRecord c = card.lastCallProperty().get();
                assertEquals(call.get("seq").asInt(), c.seq(), step);
                assertEquals(strings(call.get("actions")), new ArrayList<Object>(c.actions()), step);
                assertEquals(stringMap(call.get("params")), c.params(), step);
                assertEquals(call.get("input_level").asText(), c.inputLevel(), step);
                assertEquals(call.get("committed_rows").size(), c.committedRows(), step);
                JsonNode level = call.get("data_map_after_call").get(function);
                if (level == null) {
                    assertNull(card.outputProperty().get(), step);
                    assertEquals(0, card.rowCountProperty().get(), step);
                } else {
                    assertEquals(strings(level), card.outputProperty().get().rows(), step);
                    assertEquals(level.size(), card.rowCountProperty().get(), step);
                }
                assertEquals(level == null ? List.of() : strings(level), s.inspector().level().rows(), step + ": inspector");
            }
            assertEquals(SessionState.FINISHED, s.state());
            JsonNode last = trace.get("final_data_map");
            for (CardState card : flow.cards()) {
                JsonNode level = last.get(card.function());
                assertEquals(level == null ? null : strings(level),
                        card.outputProperty().get() == null ? null : card.outputProperty().get().rows(), card.toString());
                assertEquals(card.calls().isEmpty() ? CardStatus.NOT_RUN : CardStatus.DONE, card.statusProperty().get(), card.toString());
            }
            RunRecord run = flow.lastRunProperty().get();
            assertEquals(trace.get("calls").size(), run.calls().size());
            assertEquals(RunOutcome.FINISHED, run.outcome());
            assertEquals(List.of(run), flow.history().runs());
            List<String> order = new ArrayList<>();
            run.calls().forEach(x -> order.add(x.function()));
            assertEquals(strings(trace.get("call_order")), new ArrayList<Object>(order));
        }
    }

    private static List<Object> strings(JsonNode array) {
        List<Object> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
