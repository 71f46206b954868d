package io.kisflow.config;

import static io.kisflow.config.ProjectFiles.assertNoErrors;
import static io.kisflow.config.ProjectFiles.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load -> export -> load gives equal configs, and exporting is byte-for-byte deterministic. */
class RoundTripTest {
    @TempDir
    Path tmp;

    private ConfigSet roundTrip(ConfigSet set, Path dir) throws Exception {
        ConfigExporter.export(set, dir);
        LoadResult again = ConfigLoader.load(dir);
        assertNoErrors(again);
        return again.configs();
    }

    @Test
    void goTestProjectRoundTrips() throws Exception {
        ConfigSet first = ConfigLoader.load(io.kisflow.SharedMaterial.loadConf()).configs();
        ConfigSet second = roundTrip(first, tmp.resolve("a"));
        assertEquals(first.flows(), second.flows());
        assertEquals(first.funcs(), second.funcs());
        assertEquals(first.conns(), second.conns());
        assertEquals(first.global(), second.global());
        assertEquals(ConfigExporter.render(first), ConfigExporter.render(second));
    }

    @Test
    void unknownKeysOddStringsAndUnicodeRoundTrip() throws Exception {
        LoadResult loaded = ConfigLoader.load(ProjectFiles.fixture("odd"));
        assertNoErrors(loaded);
        ConfigSet first = loaded.configs();
        FlowConfig odd = first.flow("Odd flow: ünïcödé ✓");
        assertEquals("team-α", odd.extra().get("owner"));
        assertEquals("kept", odd.flows().get(0).extra().get("note"));
        assertEquals("a\0b", odd.flows().get(0).params().get("nul"));
        assertEquals("line one\nline two\n", odd.flows().get(0).params().get("multi"));
        assertEquals(new java.math.BigInteger("18446744073709551615"), ((Map<?, ?>) odd.extra().get("labels")).get("big"));
        assertEquals("kafka", first.func("1").source().extra().get("origin"));
        assertEquals(500L, first.func("1").option().extra().get("timeout_ms"));
        assertEquals("multi-line\ndescription\n", first.func("plain").source().name());

        ConfigSet second = roundTrip(first, tmp.resolve("a"));
        assertEquals(first.flows(), second.flows());
        assertEquals(first.funcs(), second.funcs());
        assertEquals(first.global(), second.global());
        assertEquals(ConfigExporter.render(first), ConfigExporter.render(second));
    }

    @Test
    void unknownKeysAreWrittenAfterTheKnownOnesInFileOrder() {
        ConfigSet set = ConfigLoader.load(ProjectFiles.fixture("odd")).configs();
        String func = ConfigExporter.renderFunc(set.func("1"));
        assertEquals(List.of("kistype", "fname", "fmode", "source", "option", "x_first"), topKeys(func));
        assertEquals("""
                option:
                    cname: ""
                    retry_times: 2
                    return_duration: 100
                    default_params:
                        a: "1"
                        b: "2.50"
                        c: "true"
                        d: ""
                    timeout_ms: 500
                """, func.substring(func.indexOf("option:"), func.indexOf("x_first")));
    }

    @Test
    void exportingTwiceGivesIdenticalBytes() throws Exception {
        ConfigSet set = ConfigLoader.load(ProjectFiles.fixture("odd")).configs();
        ConfigExporter.export(set, tmp.resolve("a"));
        ConfigExporter.export(set, tmp.resolve("b"));
        ConfigExporter.export(ConfigLoader.load(tmp.resolve("a")).configs(), tmp.resolve("c"));
        for (String name : ConfigExporter.render(set).keySet()) {
            byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(name));
            assertEquals(new String(a), Files.readString(tmp.resolve("b").resolve(name)), name);
            assertEquals(new String(a), Files.readString(tmp.resolve("c").resolve(name)), name);
        }
    }

    @Test
    void trickyTextSurvivesEveryPosition() {
        List<String> tricky = List.of("1", "-1", "1.5", "1e3", "0x1F", "0o17", "0777", "1_000", ".5", ".inf", "-.inf", ".nan",
                "true", "False", "TRUE", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~", "", " ", "  lead", "trail ",
                ": ", "a: b", "a:b", "- x", "-x", "-", "?", "? x", "#", "a #b", "a#b", "[x]", "{x}", "x, y", "*ref", "&anchor",
                "!tag", "|", ">", "'", "\"", "%x", "@x", "`x", "---", "...", "<<", "=", "a\nb", "a\n", "\n", "\nlead",
                " a\nb", "a\n\n", "a\r\nb", "tab\tin", "\t", "nul\0", "bell\u0007", "del\u007F", "nel\u0085", "ls\u2028",
                "bom\uFEFF", "nbsp\u00A0", "\u00A0lead", "é", "中文", "😀", "2024-01-02", "2024-01-02T10:00:00Z", "190:20:30",
                "12:30", "a\\b", "C:\\path", "line\n  indented", "x".repeat(1500));
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        for (int i = 0; i < tricky.size(); i++) {
            params.put(tricky.get(i), tricky.get((i + 1) % tricky.size()));
            extra.put("k" + i, tricky.get(i));
        }
        extra.put("list", tricky);
        extra.put("nested", Map.of("deep", List.of(Map.of("x", List.of("a", List.of())), List.of(List.of("in")))));
        for (String name : List.of("plain", "1", "yes", "a: b", "é😀", "x".repeat(1100))) {
            FlowConfig flow = new FlowConfig(1, name, List.of(new FlowStep(name, params, extra)), extra);
            LoadResult r = ConfigLoader.loadString(ConfigExporter.renderFlow(flow), null);
            assertNoProblems(r);
            assertEquals(flow, r.configs().flow(name), () -> ConfigExporter.renderFlow(flow));
        }
    }

    @Test
    void randomTextRoundTrips() {
        Random random = new Random(20240501);
        String alphabet = "ab0 9:-#'\"\\\n\t\r?!&*[]{},|>%@`~.\u0000\u0085\u00E9\u4E2D\u2028\uFEFF";
        for (int round = 0; round < 300; round++) {
            List<String> must = new ArrayList<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                must.add(randomText(random, alphabet));
                defaults.put(randomText(random, alphabet) + i, randomText(random, alphabet));
            }
            FuncConfig func = new FuncConfig("f", "Calculate", new Source(randomText(random, alphabet), must),
                    new FuncOption(randomText(random, alphabet), round, -round, defaults, Map.of()), Map.of());
            String yaml = ConfigExporter.renderFunc(func);
            LoadResult r = ConfigLoader.loadString(yaml, null);
            assertNoErrors(r); // a random cname on a Calculate function is rightly warned about
            assertEquals(func, r.configs().func("f"), yaml);
            assertEquals(yaml, ConfigExporter.renderFunc(r.configs().func("f")));
        }
    }

    private static String randomText(Random random, String alphabet) {
        int n = random.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static List<String> topKeys(String yaml) {
        List<String> keys = new ArrayList<>();
        for (String line : yaml.split("\n")) {
            if (!line.isEmpty() && line.charAt(0) != ' ') {
                keys.add(line.substring(0, line.indexOf(':')));
            }
        }
        return keys;
    }
}
