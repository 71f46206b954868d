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
        return renderFlow(flow, YamlStyle.GO);
    }

    /** As above, in the given layout (a project's own, for the files the designer adds to it). */
    public static String renderFlow(FlowConfig flow, YamlStyle style) {
        return YamlWriter.document(flowDoc(flow), style);
    }

    private static Map<String, Object> flowDoc(FlowConfig flow) {
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
        return doc;
    }

    public static String renderFunc(FuncConfig func) {
        return renderFunc(func, YamlStyle.GO);
    }

    /** As above, in the given layout (a project's own, for the files the designer adds to it). */
    public static String renderFunc(FuncConfig func, YamlStyle style) {
        return YamlWriter.document(funcDoc(func), style);
    }

    private static Map<String, Object> funcDoc(FuncConfig func) {
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
        return doc;
    }

    /**
     * A connector with {@code load}/{@code save} derived from the functions of {@code owner} that
     * bind it; without an owner, the connector's own lists without repeats, sorted.
     */
    public static String renderConn(ConnConfig conn, ConfigSet owner) {
        return renderConn(conn, owner, YamlStyle.GO);
    }

    /** As above, in the given layout (a project's own, for the files the designer adds to it). */
    public static String renderConn(ConnConfig conn, ConfigSet owner, YamlStyle style) {
        return YamlWriter.document(connDoc(conn, owner), style);
    }

    private static Map<String, Object> connDoc(ConnConfig conn, ConfigSet owner) {
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
        return doc;
    }

    public static String renderGlobal(GlobalConfig global) {
        return renderGlobal(global, YamlStyle.GO);
    }

    /** As above, in the given layout (a project's own, for the files the designer adds to it). */
    public static String renderGlobal(GlobalConfig global, YamlStyle style) {
        return YamlWriter.document(globalDoc(global), style);
    }

    private static Map<String, Object> globalDoc(GlobalConfig global) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(GoKeys.KISTYPE, KisType.GLOBAL.yaml());
        doc.put("prometheus_enable", global.prometheusEnable());
        doc.put("prometheus_listen", global.prometheusListen());
        doc.put("prometheus_serve", global.prometheusServe());
        addExtras(doc, global.extra(), GoKeys.GLOBAL);
        return doc;
    }

    /**
     * Whether the exported file of one object (a FlowConfig, FuncConfig, ConnConfig or GlobalConfig;
     * a connector's lists derived from {@code owner} when given) stays within
     * {@link LoadLimits#MAX_FILE_BYTES}, so that the loader reads it back. Rendering stops at the
     * limit: an alias repeated a thousand times costs no more than one file of the limit's size.
     */
    static boolean fitsOneFile(Object config, ConfigSet owner) {
        Map<String, Object> doc;
        if (config instanceof FlowConfig f) {
            doc = flowDoc(f);
        } else if (config instanceof FuncConfig f) {
            doc = funcDoc(f);
        } else if (config instanceof ConnConfig c) {
            doc = connDoc(c, owner);
        } else {
            doc = globalDoc((GlobalConfig) config);
        }
        return YamlWriter.document(doc, LoadLimits.MAX_FILE_BYTES) != null;
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

    /** A set edited in memory can hold more than one file may: refused before anything is written, as the loader would refuse it. */
    static void checkSizes(Map<String, String> files) throws ExportException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            int bytes = e.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > LoadLimits.MAX_FILE_BYTES) {
                throw new ExportException("cannot export " + e.getKey() + ": it would be " + bytes + " bytes, over the limit of "
                        + LoadLimits.MAX_FILE_BYTES + " bytes for one config file that loading allows; make its values shorter or fewer");
            }
        }
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
            throw new ExportException("cannot export " + ref.kindWord() + " " + YamlQuotes.doubleQuoted(name) + ": " + why
                    + "; rename it");
        }
    }
}
