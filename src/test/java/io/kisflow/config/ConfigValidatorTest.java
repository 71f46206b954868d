package io.kisflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator works on any set, as the designer uses it live on an edited project. */
class ConfigValidatorTest {
    private static final ConfigSet VALID = ConfigSet.EMPTY
            .withConn(ConnConfig.of("C", "redis", "127.0.0.1:6379", "k"))
            .withFunc(FuncConfig.of("V", "Verify"))
            .withFunc(FuncConfig.of("S", "Save").withOption(FuncOption.EMPTY.withCname("C")))
            .withFlow(FlowConfig.of("F", FlowStep.of("V"), FlowStep.of("S")));

    @Test
    void validSetHasNoProblems() {
        assertEquals(List.of(), ConfigValidator.validate(VALID, Map.of()));
    }

    @Test
    void editsAreCheckedWithoutOrigins() {
        ConfigSet edited = VALID.withoutConn("C")
                .withFlow(FlowConfig.of("F", FlowStep.of("V"), FlowStep.of("Gone")))
                .withFunc(FuncConfig.of("V", "verify"));
        List<Problem> problems = ConfigValidator.validate(edited, Map.of());
        assertEquals(List.of(
                Problem.error(null, 0, "F", "flow \"F\" runs function \"Gone\", which has no config (no func file has this fname)"),
                Problem.error(null, 0, "V", "function \"V\" has fmode \"verify\"; use one of Verify, Save, Load, Calculate, Expand"
                        + " (spelt exactly so) (did you mean \"Verify\"?)"),
                Problem.error(null, 0, "S", "function \"S\" uses connector \"C\", which has no config (no conn file has this cname)")),
                problems);
        assertEquals("<memory>:0: flow \"F\" runs function \"Gone\", which has no config (no func file has this fname)",
                problems.get(0).toString());
    }

    @Test
    void originsGiveTheFile() {
        Path file = Path.of("conf/flow-F.yaml");
        ConfigSet edited = VALID.withFlow(FlowConfig.of("F"));
        List<Problem> problems = ConfigValidator.validate(edited, Map.of(ObjectRef.flow("F"), new Origin(file, 1)));
        assertEquals(List.of(Problem.warning(file, 1, "F",
                "flow \"F\" has no functions, so running it does nothing; list its steps under flows: (- fname: NAME)")), problems);
    }

    @Test
    void namesWithControlCharactersAreEscapedInMessages() {
        ConfigSet set = ConfigSet.EMPTY.withFunc(FuncConfig.of("bad\nname", "Nope"));
        String message = ConfigValidator.validate(set, Map.of()).get(0).message();
        assertTrue(message.startsWith("function \"bad\\nname\" has fmode \"Nope\""), message);
    }
}
