package io.kisflow.designer.tests;

import io.kisflow.code.JavaNames;
import io.kisflow.code.ProjectCode;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.designer.edit.DesignState;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a case's result depends on in the edited project, as a value: the case file's text,
 * its flow's config, the configs of the flow's functions and of their connectors, and the text of
 * the function sources that register them (by the last compile) or are named after them. A result
 * is stale when the coverage now differs from the coverage it was run with; undoing the edit makes
 * it current again.
 *
 * <pre>{@code boolean stale = !CaseCoverage.of(state, code, "tests/a.json", "StuScore").equals(ranWith);}</pre>
 */
public record CaseCoverage(String caseText, FlowConfig flow, Map<String, FuncConfig> funcs, Map<String, ConnConfig> conns,
                           Map<String, String> code) {
    public static CaseCoverage of(DesignState s, ProjectCode compiled, String casePath, String flowName) {
        FlowConfig flow = flowName == null ? null : s.configs().flow(flowName);
        Map<String, FuncConfig> funcs = new TreeMap<>();
        Map<String, ConnConfig> conns = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        if (flow != null) {
            for (FlowStep step : flow.flows()) {
                FuncConfig fc = s.configs().func(step.fname());
                names.add(step.fname());
                funcs.put(step.fname(), fc);
                if (fc != null && fc.hasConnector()) {
                    String cname = fc.option().cname();
                    names.add(cname);
                    conns.put(cname, s.configs().conn(cname));
                }
            }
        }
        Map<String, String> code = new TreeMap<>();
        for (Map.Entry<String, String> e : s.code().entrySet()) {
            if (e.getKey().endsWith(".java") && covers(e.getKey(), names, funcs.keySet(), conns.keySet(), compiled)) {
                code.put(e.getKey(), e.getValue());
            }
        }
        return new CaseCoverage(s.code().get(casePath), flow, funcs, conns, code);
    }

    /** A source registers one of the names (last compile), or is named after a function or a connector. */
    private static boolean covers(String file, Set<String> names, Set<String> funcNames, Set<String> connNames, ProjectCode compiled) {
        Set<String> registered = compiled == null ? Set.of() : compiled.registeredByFile().getOrDefault(file, Set.of());
        for (String n : registered) {
            if (names.contains(n)) {
                return true;
            }
        }
        for (String f : funcNames) {
            if (file.equals(JavaNames.fileOf(f))) {
                return true;
            }
        }
        for (String c : connNames) {
            if (file.endsWith("/" + JavaNames.className(c) + "Connector.java")) {
                return true;
            }
        }
        return false;
    }
}
