package io.kisflow.designer.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The patcher on its own: original text + two canonical renderings in, exact text out. */
class YamlPatcherTest {
    private static final String FLOW_OLD = """
            kistype: flow
            status: 1
            flow_name: flowName1
            flows:
              - fname: funcName1
                params:
                  myKey1: flowValue1-1
              - fname: funcName2
                params: {}
            """;

    private static String patch(String original, String oldCanon, String newCanon) {
        return YamlPatcher.patch(original, oldCanon, newCanon).text();
    }

    @Test
    void unchangedObjectLeavesTheTextAsItIs() {
        String original = "# top\nkistype: flow   # kind\nstatus: 1\nflow_name: a\nflows: [{fname: x}]\n";
        String canon = "kistype: flow\nstatus: 1\nflow_name: a\nflows:\n  - fname: x\n    params: {}\n";
        assertEquals(original, patch(original, canon, canon));
    }

    @Test
    void changedScalarKeepsCommentsAroundIt() {
        String original = """
                # kistype Global is the global configuration for kisflow
                kistype: global
                # Whether to enable prometheus monitoring
                prometheus_enable: true
                # Whether kisflow needs to listen on a separate port
                prometheus_listen: true   # yes
                # Prometheus scrape address
                prometheus_serve: 0.0.0.0:20004""";
        String oldC = "kistype: global\nprometheus_enable: true\nprometheus_listen: true\nprometheus_serve: 0.0.0.0:20004\n";
        String newC = "kistype: global\nprometheus_enable: true\nprometheus_listen: false\nprometheus_serve: 0.0.0.0:20004\n";
        assertEquals(original.replace("prometheus_listen: true", "prometheus_listen: false"), patch(original, oldC, newC));
    }

    @Test
    void quotedValueKeepsItsQuotes() {
        String original = "kistype: conn\ncname: c\naddrs: '0.0.0.0:9988'\ntype: redis\n";
        String oldC = "kistype: conn\ncname: c\naddrs: 0.0.0.0:9988\ntype: redis\n";
        String newC = "kistype: conn\ncname: c\naddrs: 127.0.0.1:1, it's\ntype: redis\n";
        assertEquals("kistype: conn\ncname: c\naddrs: '127.0.0.1:1, it''s'\ntype: redis\n", patch(original, oldC, newC));
    }

    @Test
    void doubleQuotedValueIsEscapedAsTheExporterDoes() {
        // the designer's escaper wrote a lone surrogate raw (lost as '?' in UTF-8) and NEL as \u0085
        String original = "kistype: conn\ncname: c\naddrs: \"x\"\ntype: redis\n";
        String oldC = "kistype: conn\ncname: c\naddrs: x\ntype: redis\n";
        String newC = "kistype: conn\ncname: c\naddrs: \"a\\uD83D\\Nb\"\ntype: redis\n";
        assertEquals("kistype: conn\ncname: c\naddrs: \"a\\uD83D\\Nb\"\ntype: redis\n", patch(original, oldC, newC));
    }

    @Test
    void numberIntoAQuotedTextFieldStaysANumberToken() {
        String original = "kistype: flow\nstatus: \"1\"\n";
        String oldC = "kistype: flow\nstatus: 1\n";
        String newC = "kistype: flow\nstatus: 0\n";
        assertEquals("kistype: flow\nstatus: 0\n", patch(original, oldC, newC));
    }

    @Test
    void paramChangeInsideAStepTouchesOnlyThatValue() {
        String oldC = canonFlow("flowValue1-1", "");
        String newC = canonFlow("changed", "");
        assertEquals(FLOW_OLD.replace("flowValue1-1", "changed"), patch(FLOW_OLD, oldC, newC));
    }

    @Test
    void stepAddedAtTheEndAndInTheMiddle() {
        String oldC = canonFlow("flowValue1-1", "");
        String newC = """
                kistype: flow
                status: 1
                flow_name: flowName1
                flows:
                    - fname: funcName1
                      params:
                        myKey1: flowValue1-1
                    - fname: inserted
                      params: {}
                    - fname: funcName2
                      params: {}
                    - fname: last
                      params:
                        k: v
                """;
        String expected = """
                kistype: flow
                status: 1
                flow_name: flowName1
                flows:
                  - fname: funcName1
                    params:
                      myKey1: flowValue1-1
                  - fname: inserted
                    params: {}
                  - fname: funcName2
                    params: {}
                  - fname: last
                    params:
                      k: v
                """;
        assertEquals(expected, patch(FLOW_OLD, oldC, newC));
    }

    @Test
    void stepRemovedTakesItsLinesOnly() {
        String original = "kistype: flow\nflows:\n  # first\n  - fname: a\n  # second\n  - fname: b\n    params:\n      k: v\n  - fname: c\n";
        String oldC = "kistype: flow\nflows:\n  - fname: a\n    params: {}\n  - fname: b\n    params:\n      k: v\n  - fname: c\n    params: {}\n";
        String newC = "kistype: flow\nflows:\n  - fname: a\n    params: {}\n  - fname: c\n    params: {}\n";
        assertEquals("kistype: flow\nflows:\n  # first\n  - fname: a\n  # second\n  - fname: c\n", patch(original, oldC, newC));
    }

    @Test
    void renamedStepFunctionKeepsParamsAndComments() {
        String original = "kistype: flow\nflows:\n  - fname: a  # the first\n    params:\n      k: v # note\n";
        String oldC = "kistype: flow\nflows:\n  - fname: a\n    params:\n      k: v\n";
        String newC = "kistype: flow\nflows:\n  - fname: renamed\n    params:\n      k: v\n";
        assertEquals("kistype: flow\nflows:\n  - fname: renamed  # the first\n    params:\n      k: v # note\n", patch(original, oldC, newC));
    }

    @Test
    void newKeyGoesToItsGoPositionWithTheFilesIndentation() {
        // func-AvgStuScore.yml of the Go tests: four-space indentation, no option
        String original = "kistype: func\nfname: AvgStuScore\nfmode: Calculate\nsource:\n    name: StudentAverageScore\n    must:\n        - stu_id\n";
        String oldC = funcCanon("", "{}");
        String newC = funcCanon("Cache", "\n        k: v");
        String expected = original + "option:\n    cname: Cache\n    default_params:\n        k: v\n";
        assertEquals(expected, patch(original, oldC, newC));
    }

    @Test
    void newKeyBeforeAnExistingOneAndAtTheEndOfAFileWithoutLineBreak() {
        String original = "kistype: func\nfname: f\nfmode: Save\noption:\n  default_params:\n    a: b";
        String oldC = "kistype: func\nfname: f\nfmode: Save\noption:\n  cname: \"\"\n  retry_times: 0\n  default_params:\n    a: b\n";
        String newC = "kistype: func\nfname: f\nfmode: Save\noption:\n  cname: C\n  retry_times: 0\n  default_params:\n    a: b\n    c: d\n";
        String expected = "kistype: func\nfname: f\nfmode: Save\noption:\n  cname: C\n  default_params:\n    a: b\n    c: d";
        assertEquals(expected, patch(original, oldC, newC));
    }

    @Test
    void removedKeyAndRemovedLastParamBecomesEmptyMap() {
        String original = "kistype: conn\ncname: c\nparams:\n  # only one\n  a: b\nunknown: 1\nsave: [x]\n";
        String oldC = "kistype: conn\ncname: c\nparams:\n  a: b\nunknown: 1\nsave:\n  - x\n";
        String newC = "kistype: conn\ncname: c\nparams: {}\nsave:\n  - x\n";
        String result = YamlPatcher.patch(original, oldC, newC).text();
        assertEquals("kistype: conn\ncname: c\nparams: {}\nsave: [x]\n", result);
        assertEquals(List.of("params was rewritten as a whole; the comments inside it could not be kept"),
                YamlPatcher.patch(original, oldC, newC).notes());
    }

    @Test
    void nullListBecomesABlockListAndMismatchedListIsRewritten() {
        String original = "kistype: conn\ncname: c\nload: null\nsave:\n  - b\n  - a\n  - b\n";
        String oldC = "kistype: conn\ncname: c\nload: []\nsave:\n  - a\n  - b\n";
        String newC = "kistype: conn\ncname: c\nload:\n  - l\nsave:\n  - a\n  - b\n  - z\n";
        YamlPatcher.Patched p = YamlPatcher.patch(original, oldC, newC);
        assertEquals("kistype: conn\ncname: c\nload:\n  - l\nsave:\n  - a\n  - b\n  - z\n", p.text());
        assertEquals(List.of("save was rewritten as a whole because it does not hold what was read from it"
                + " (a list item that could not be read, or repeats)"), p.notes());
    }

    @Test
    void flowCollectionsArePatchedInPlaceOrRewrittenInFlowStyle() {
        String original = "kistype: func\nsource: {name: n, must: [a, b]}\n";
        String oldC = "kistype: func\nsource:\n  name: n\n  must:\n    - a\n    - b\n";
        String newC = "kistype: func\nsource:\n  name: m\n  must:\n    - a\n    - b\n    - 'c, d'\n";
        assertEquals("kistype: func\nsource: {name: m, must: [a, b, 'c, d']}\n", patch(original, oldC, newC));
    }

    @Test
    void crlfFilesGetCrlfLines() {
        String original = "kistype: flow\r\nflows:\r\n  - fname: a\r\n";
        String oldC = "kistype: flow\nflows:\n  - fname: a\n";
        String newC = "kistype: flow\nflows:\n  - fname: a\n  - fname: b\n";
        assertEquals("kistype: flow\r\nflows:\r\n  - fname: a\r\n  - fname: b\r\n", patch(original, oldC, newC));
    }

    @Test
    void textBeyondTheBasicPlaneKeepsPositionsRight() {
        String original = "kistype: conn\nkey: \"😀 x\"\ncname: c # ok\n";
        String oldC = "kistype: conn\nkey: \"😀 x\"\ncname: c\n";
        String newC = "kistype: conn\nkey: \"😀 x\"\ncname: d\n";
        assertEquals("kistype: conn\nkey: \"😀 x\"\ncname: d # ok\n", patch(original, oldC, newC));
    }

    @Test
    void multiLineValueIsWrittenDoubleQuoted() {
        String original = "kistype: conn\nkey: |\n  one\n  two\n\ncname: c\n";
        String oldC = "kistype: conn\nkey: |-\n  one\n  two\ncname: c\n";
        String newC = "kistype: conn\nkey: |-\n  one\n  three\ncname: c\n";
        assertEquals("kistype: conn\nkey: \"one\\nthree\"\n\ncname: c\n", patch(original, oldC, newC));
    }

    @Test
    void anchorsAndNonYamlAreRefused() {
        String canon = "kistype: flow\n";
        assertThrows(Unpatchable.class, () -> YamlPatcher.patch("kistype: flow\na: &x {b: 1}\nc: *x\n", canon, canon));
        assertThrows(Unpatchable.class, () -> YamlPatcher.patch("kistype: [flow\n", canon, canon));
        Unpatchable e = assertThrows(Unpatchable.class, () -> YamlPatcher.patch("- a\n", canon, canon));
        assertTrue(e.reason().contains("not a mapping"), e.reason());
    }

    @Test
    void emptyValueBecomesABlockAndQuotedKeysAreFound() {
        String original = "kistype: flow\nflows:\n  - \"fname\": a\n    params:   # none yet\n";
        String oldC = "kistype: flow\nflows:\n  - fname: a\n    params: {}\n";
        String newC = "kistype: flow\nflows:\n  - fname: a\n    params:\n      k: v\n";
        assertEquals("kistype: flow\nflows:\n  - \"fname\": a\n    params:   # none yet\n      k: v\n", patch(original, oldC, newC));
        assertEquals("kistype: conn\nload:  # empty\n  - l", patch("kistype: conn\nload: null  # empty", "kistype: conn\nload: []\n",
                "kistype: conn\nload:\n  - l\n"));
    }

    @Test
    void newValueThatNeedsQuotesKeepsTheTrailingComment() {
        String original = "kistype: conn\nkey: plain # the key\n";
        String oldC = "kistype: conn\nkey: plain\n";
        String newC = "kistype: conn\nkey: 'a: b #c'\n";
        assertEquals("kistype: conn\nkey: 'a: b #c' # the key\n", patch(original, oldC, newC));
    }

    private static String canonFlow(String value, String extra) {
        return """
                kistype: flow
                status: 1
                flow_name: flowName1
                flows:
                    - fname: funcName1
                      params:
                        myKey1: %s
                    - fname: funcName2
                      params: {}
                %s""".formatted(value, extra);
    }

    private static String funcCanon(String cname, String defaults) {
        return """
                kistype: func
                fname: AvgStuScore
                fmode: Calculate
                source:
                    name: StudentAverageScore
                    must:
                        - stu_id
                option:
                    cname: %s
                    retry_times: 0
                    return_duration: 0
                    default_params: %s
                """.formatted(cname.isEmpty() ? "\"\"" : cname, defaults);
    }
}
