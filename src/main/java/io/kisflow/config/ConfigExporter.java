package io.kisflow.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes configs in Go's layout: one file per object ({@code flow-NAME.yaml}, {@code func-NAME.yaml},
 * {@code conn-NAME.yaml}, and {@value #GLOBAL_FILE} for the global config, which Go never exports),
 * Go's key order, every field present, {@code kistype} always set, unknown keys written back after
 * the known ones. Connector {@code save}/{@code load} lists are derived from the functions that bind
 * the connector, exact and sorted. The same set always gives the same bytes.
 *
 * <pre>{@code List<Path> written = ConfigExporter.export(loadResult.configs(), Path.of("out"));}</pre>
 */
public final class ConfigExporter {
    /** File name of the global config. Go has no name for it (it never exports it); this matches its sample project's kis-flow.yml. */
    public static final String GLOBAL_FILE = "kis-flow.yaml";

    private ConfigExporter() {
    }

    /** Every file of the set, file name to content, flows first, then functions, connectors and the global file. */
    public static Map<String, String> render(ConfigSet set) {
        Map<String, String> files = new LinkedHashMap<>();
        for (FlowConfig f : set.flows().values()) {
            files.put(fileName(ObjectRef.flow(f.flowName())), renderFlow(f));
        }
        for (FuncConfig f : set.funcs().values()) {
            files.put(fileName(ObjectRef.func(f.fname())), renderFunc(f));
        }
        for (ConnConfig c : set.conns().values()) {
            files.put(fileName(ObjectRef.conn(c.cname())), renderConn(c, set));
        }
        if (set.global() != null) {
            files.put(GLOBAL_FILE, renderGlobal(set.global()));
        }
        return Collections.unmodifiableMap(files);
    }

    /** The file an object is exported to. */
    public static String fileName(ObjectRef ref) {
        return ref.type() == KisType.GLOBAL ? GLOBAL_FILE : ref.type().yaml() + "-" + ref.name() + ".yaml";
    }

    public static String renderFlow(FlowConfig flow) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(GoKeys.KISTYPE, KisType.FLOW.yaml());
        doc.put("status", flow.status());
        doc.put("flow_name", flow.flowName());
        List<Object> steps = new ArrayList<>(flow.flows().size());
        for (FlowStep step : flow.flows()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("fname", step.fname());
            s.put("params", sortedParams(step.params()));
            addExtras(s, step.extra(), GoKeys.FLOW_STEP);
            steps.add(s);
        }
        doc.put("flows", steps);
        addExtras(doc, flow.extra(), GoKeys.FLOW);
        return YamlWriter.document(doc);
    }

    public static String renderFunc(FuncConfig func) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(GoKeys.KISTYPE, KisType.FUNC.yaml());
        doc.put("fname", func.fname());
        doc.put("fmode", func.fmode());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", func.source().name());
        source.put("must", func.source().must());
        addExtras(source, func.source().extra(), GoKeys.SOURCE);
        doc.put("source", source);
        FuncOption o = func.option();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("cname", o.cname());
        option.put("retry_times", o.retryTimes());
        option.put("return_duration", o.returnDuration());
        option.put("default_params", sortedParams(o.defaultParams()));
        addExtras(option, o.extra(), GoKeys.OPTION);
        doc.put("option", option);
        addExtras(doc, func.extra(), GoKeys.FUNC);
        return YamlWriter.document(doc);
    }

    /**
     * A connector with {@code load}/{@code save} derived from the functions of {@code owner} that
     * bind it; without an owner, the connector's own lists without repeats, sorted.
     */
    public static String renderConn(ConnConfig conn, ConfigSet owner) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(GoKeys.KISTYPE, KisType.CONN.yaml());
        doc.put("cname", conn.cname());
        doc.put("addrs", conn.addrs());
        doc.put("type", conn.type());
        doc.put("key", conn.key());
        doc.put("params", sortedParams(conn.params()));
        doc.put("load", owner != null ? owner.boundFunctions(conn.cname(), "Load") : List.copyOf(new TreeSet<>(conn.load())));
        doc.put("save", owner != null ? owner.boundFunctions(conn.cname(), "Save") : List.copyOf(new TreeSet<>(conn.save())));
        addExtras(doc, conn.extra(), GoKeys.CONN);
        return YamlWriter.document(doc);
    }

    public static String renderGlobal(GlobalConfig global) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(GoKeys.KISTYPE, KisType.GLOBAL.yaml());
        doc.put("prometheus_enable", global.prometheusEnable());
        doc.put("prometheus_listen", global.prometheusListen());
        doc.put("prometheus_serve", global.prometheusServe());
        addExtras(doc, global.extra(), GoKeys.GLOBAL);
        return YamlWriter.document(doc);
    }

    private static Map<String, String> sortedParams(Map<String, String> params) {
        Map<String, String> sorted = new LinkedHashMap<>();
        for (String k : GoKeyOrder.sorted(params.keySet())) {
            sorted.put(k, params.get(k));
        }
        return sorted;
    }

    /** Unknown keys after the known ones, in their order; an extra that repeats a known key would shadow it, so it is left out. */
    private static void addExtras(Map<String, Object> doc, Map<String, Object> extra, List<String> known) {
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            if (!known.contains(e.getKey()) && !doc.containsKey(e.getKey())) {
                doc.put(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Writes every file of the set into {@code outDir} (created if missing), all or nothing: see
     * {@link FolderExport}, which this calls without a source folder and without pruning, so config
     * files of {@code outDir} that the set does not produce make it refuse. Names that cannot be
     * file names are refused before anything is written.
     *
     * @return the files written, in {@link #render} order
     */
    public static List<Path> export(ConfigSet set, Path outDir) throws IOException {
        return FolderExport.write(set, null, outDir, false).written();
    }

    /** Refuses names that would leave the folder or are not file names on common systems. */
    static void checkName(ObjectRef ref) throws ExportException {
        String name = ref.name();
        String why = null;
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            why = "it contains a slash, which would put the file in another folder";
        } else if (name.contains("..")) {
            why = "it contains \"..\", which could point out of the export folder";
        } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            why = "it contains a control character (such as NUL or a line break)";
        } else if (fileName(ref).getBytes(StandardCharsets.UTF_8).length > 255) {
            why = "it is too long for a file name (at most 255 bytes with prefix and extension)";
        }
        if (why != null) {
            throw new ExportException("cannot export " + ref.kindWord() + " " + YamlWriter.doubleQuoted(name) + ": " + why
                    + "; rename it");
        }
    }
}
