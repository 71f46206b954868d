package io.kisflow.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deployment file: several served flows and their settings in one JSON or YAML file, for
 * {@code serve --conf DIR --deploy FILE}. Keys are the flag names of {@code serve}; per flow,
 * {@code properties} adds Kafka client properties. The file lives outside the KisFlow config directory,
 * because Go's loader reads every {@code .yml}/{@code .yaml} under that directory ({@link #refuseInside}).
 *
 * <pre>{@code
 * conf: ../conf            # optional; relative to the deployment file; --conf overrides
 * plugins: [lib/a.jar]     # optional, relative to the deployment file
 * http: 127.0.0.1:9464     # optional
 * flows:
 *   - flow: StuScore
 *     kafka: localhost:9092
 *     topic: scores
 *     group: stuscore
 *     threads: 2           # optional, default 1
 *     batch-size: 500      # optional, default 500
 *     batch-wait: 100      # optional, ms, default 500
 *     json: true           # optional
 *     dead-letter: scores-dlq
 *     properties: {max.poll.records: "500"}
 * }</pre>
 *
 * {@code Deployment d = Deployment.read(Path.of("deploy.yml")); Path conf = d.confDir(Path.of("deploy.yml"));}
 *
 * @param conf    the config directory as written (relative to the deployment file's folder), or null
 * @param plugins plugin jars or class folders as written (relative to the deployment file's folder)
 * @param http    {@code HOST:PORT} of the health and metrics endpoint, or null for none
 * @param flows   the served flows, at least one
 */
public record Deployment(String conf, List<String> plugins, String http, List<ServedFlow> flows) {
    private static final Set<String> TOP_KEYS = Set.of("conf", "plugins", "http", "flows");
    private static final Set<String> FLOW_KEYS = Set.of("flow", "kafka", "topic", "group", "threads", "batch-size", "batch-wait",
            "json", "dead-letter", "properties");

    public Deployment {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        flows = List.copyOf(flows);
    }

    /**
     * One flow of a deployment: the flags of {@code serve} for it, plus Kafka client properties
     * (which override the service's own consumer settings, except the group and the deserializers).
     *
     * @param batchWait  how long a poll waits, in milliseconds
     * @param deadLetter the dead-letter topic, or null (a failed batch then pauses its partition)
     * @param properties Kafka client properties, name to value
     */
    public record ServedFlow(String flow, String kafka, String topic, String group, int threads, int batchSize, long batchWait,
                             boolean json, String deadLetter, Map<String, String> properties) {
        public ServedFlow {
            properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        /** A flow with the flags' defaults for everything optional. */
        public ServedFlow(String flow, String kafka, String topic, String group) {
            this(flow, kafka, topic, group, 1, ServeSettings.DEFAULT_BATCH_SIZE, ServeSettings.DEFAULT_BATCH_WAIT.toMillis(), false, null, Map.of());
        }

        /** As the service runs it. */
        public ServeSettings settings() {
            return new ServeSettings(flow, kafka, topic, group, threads, batchSize, Duration.ofMillis(batchWait), json, deadLetter, properties);
        }
    }

    /** The config directory, resolved against the deployment file's folder; null when the file names none. */
    public Path confDir(Path deploymentFile) {
        return conf == null ? null : folder(deploymentFile).resolve(conf).normalize();
    }

    /** The plugin paths, resolved against the deployment file's folder. */
    public List<Path> pluginPaths(Path deploymentFile) {
        return plugins.stream().map(p -> folder(deploymentFile).resolve(p).normalize()).toList();
    }

    private static Path folder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }

    /**
     * Refuses a deployment file at or under the config directory: Go's loader reads every YAML file
     * there and would fail on it (and our loader would report it).
     *
     * @throws DeploymentException saying where to move it
     */
    public static void refuseInside(Path deploymentFile, Path confDir) throws DeploymentException {
        Path file = deploymentFile.toAbsolutePath().normalize();
        Path dir = confDir.toAbsolutePath().normalize();
        try {
            file = file.toRealPath();
            dir = dir.toRealPath();
        } catch (IOException e) {
            // compare the normalized paths when one does not exist yet
        }
        if (file.startsWith(dir)) {
            throw new DeploymentException(deploymentFile + ": a deployment file must not be inside the KisFlow config directory " + confDir
                    + " (Go's loader reads every .yml/.yaml file there); move it next to the directory, e.g. "
                    + dir.resolveSibling(deploymentFile.getFileName()));
        }
    }

    /**
     * Reads a deployment file, JSON or YAML (JSON is read as YAML's flow style).
     *
     * @throws DeploymentException for a file that is not a valid deployment: FILE:LINE: what is wrong
     * @throws IOException         when the file cannot be read
     */
    public static Deployment read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            // JSON allows tabs between tokens, which YAML's block style refuses; outside strings they are plain spaces
            root = new Yaml(options).compose(new StringReader(file.toString().endsWith(".json") ? untab(text) : text));
        } catch (MarkedYAMLException e) {
            throw new DeploymentException(file + ":" + (e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1) + ": not valid "
                    + kind(file) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new DeploymentException(file + ": not valid " + kind(file) + ": " + e.getMessage());
        }
        return new Reader(file).deployment(root);
    }

    private static String kind(Path file) {
        return file.toString().endsWith(".json") ? "JSON" : "YAML";
    }

    private static String untab(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            out.append(c == '\t' && !inString ? ' ' : c);
        }
        return out.toString();
    }

    /**
     * Writes the deployment: JSON for a {@code .json} file, YAML for {@code .yml}/{@code .yaml}.
     * Optional settings equal to the flags' defaults are left out.
     *
     * @throws IllegalArgumentException for another extension
     */
    public void write(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<String, Object> tree = tree();
        String text;
        if (name.endsWith(".json")) {
            text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n";
        } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            DumperOptions d = new DumperOptions();
            d.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            d.setIndicatorIndent(2);
            d.setIndentWithIndicator(true);
            text = new Yaml(d).dump(tree);
        } else {
            throw new IllegalArgumentException(file + ": a deployment file ends in .yml, .yaml or .json");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Map<String, Object> tree() {
        Map<String, Object> top = new LinkedHashMap<>();
        if (conf != null) {
            top.put("conf", conf);
        }
        if (!plugins.isEmpty()) {
            top.put("plugins", plugins);
        }
        if (http != null) {
            top.put("http", http);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (ServedFlow f : flows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("flow", f.flow());
            m.put("kafka", f.kafka());
            m.put("topic", f.topic());
            m.put("group", f.group());
            if (f.threads() != 1) {
                m.put("threads", f.threads());
            }
            if (f.batchSize() != ServeSettings.DEFAULT_BATCH_SIZE) {
                m.put("batch-size", f.batchSize());
            }
            if (f.batchWait() != ServeSettings.DEFAULT_BATCH_WAIT.toMillis()) {
                m.put("batch-wait", f.batchWait());
            }
            if (f.json()) {
                m.put("json", true);
            }
            if (f.deadLetter() != null) {
                m.put("dead-letter", f.deadLetter());
            }
            if (!f.properties().isEmpty()) {
                m.put("properties", new LinkedHashMap<>(f.properties()));
            }
            list.add(m);
        }
        top.put("flows", list);
        return top;
    }

    /** Node-by-node reading, so that every error names its line. */
    private record Reader(Path file) {
        Deployment deployment(Node root) throws DeploymentException {
            if (root == null) {
                throw new DeploymentException(file + ":1: the deployment file is empty; it needs at least 'flows:' with one flow");
            }
            Map<String, NodeTuple> top = mapping(root, "the deployment", TOP_KEYS);
            String conf = text(top, "conf", false);
            List<String> plugins = new ArrayList<>();
            if (top.containsKey("plugins")) {
                Node n = top.get("plugins").getValueNode();
                if (!(n instanceof SequenceNode seq)) {
                    throw error(n, "'plugins' must be a list of paths, e.g. plugins: [lib/a.jar]");
                }
                for (Node p : seq.getValue()) {
                    plugins.add(scalar(p, "a plugin path"));
                }
            }
            String http = text(top, "http", false);
            if (http != null && !http.matches(".*:\\d{1,5}")) {
                throw error(top.get("http").getValueNode(), "'http' must be HOST:PORT, e.g. 127.0.0.1:9464, not '" + http + "'");
            }
            NodeTuple flowsKey = top.get("flows");
            if (flowsKey == null) {
                throw error(root, "the deployment lists no 'flows:'; add at least one flow with flow, kafka, topic and group");
            }
            if (!(flowsKey.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                throw error(flowsKey.getValueNode(), "'flows' must be a list of at least one flow (each with flow, kafka, topic, group)");
            }
            List<ServedFlow> flows = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (Node n : seq.getValue()) {
                ServedFlow f = flow(n);
                if (!seen.add(f.flow() + "\u0000" + f.topic() + "\u0000" + f.group())) {
                    throw error(n, "flow " + f.flow() + " is listed twice for topic " + f.topic() + " and group " + f.group()
                            + "; raise its 'threads' instead");
                }
                flows.add(f);
            }
            return new Deployment(conf, plugins, http, flows);
        }

        private ServedFlow flow(Node n) throws DeploymentException {
            Map<String, NodeTuple> m = mapping(n, "a flow of 'flows'", FLOW_KEYS);
            Map<String, String> properties = new LinkedHashMap<>();
            if (m.containsKey("properties")) {
                for (NodeTuple t : mapping(m.get("properties").getValueNode(), "'properties'", null).values()) {
                    properties.put(scalar(t.getKeyNode(), "a property name"), scalar(t.getValueNode(), "a property value"));
                }
            }
            return new ServedFlow(text(m, "flow", true), text(m, "kafka", true), text(m, "topic", true), text(m, "group", true),
                    (int) number(m, "threads", 1, Integer.MAX_VALUE), (int) number(m, "batch-size", ServeSettings.DEFAULT_BATCH_SIZE, Integer.MAX_VALUE),
                    number(m, "batch-wait", ServeSettings.DEFAULT_BATCH_WAIT.toMillis(), Long.MAX_VALUE), bool(m, "json"),
                    text(m, "dead-letter", false), properties);
        }

        /** A mapping's entries by key; with {@code allowed}, any other key is an error naming its line. */
        private Map<String, NodeTuple> mapping(Node n, String what, Set<String> allowed) throws DeploymentException {
            if (!(n instanceof MappingNode mapping)) {
                throw error(n, what + " must be a mapping of keys to values");
            }
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = scalar(t.getKeyNode(), "a key");
                if (allowed != null && !allowed.contains(key)) {
                    throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + "; known keys: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
                out.put(key, t);
            }
            return out;
        }

        private String text(Map<String, NodeTuple> m, String key, boolean required) throws DeploymentException {
            NodeTuple t = m.get(key);
            if (t == null) {
                if (required) {
                    Node anyKey = m.isEmpty() ? null : m.values().iterator().next().getKeyNode();
                    throw error(anyKey, "a flow needs '" + key + "' (flow, kafka, topic and group are required)");
                }
                return null;
            }
            String v = scalar(t.getValueNode(), "'" + key + "'");
            if (v.isBlank()) {
                throw error(t.getValueNode(), "'" + key + "' is empty");
            }
            return v;
        }

        private long number(Map<String, NodeTuple> m, String key, long absent, long max) throws DeploymentException {
            NodeTuple t = m.get(key);
            if (t == null) {
                return absent;
            }
            String v = scalar(t.getValueNode(), "'" + key + "'");
            try {
                long n = Long.parseLong(v);
                if (n >= 1 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw error(t.getValueNode(), "'" + key + "' needs a positive whole number, not '" + v + "'");
        }

        private boolean bool(Map<String, NodeTuple> m, String key) throws DeploymentException {
            NodeTuple t = m.get(key);
            if (t == null) {
                return false;
            }
            String v = scalar(t.getValueNode(), "'" + key + "'");
            if (!t.getValueNode().getTag().equals(Tag.BOOL)) {
                throw error(t.getValueNode(), "'" + key + "' is true or false, not '" + v + "'");
            }
            return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)) || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on");
        }

        private String scalar(Node n, String what) throws DeploymentException {
            if (!(n instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
                throw error(n, what + " must be a single value, not " + (n instanceof ScalarNode ? "empty" : "a list or mapping"));
            }
            return s.getValue();
        }

        private DeploymentException error(Node at, String message) {
            int line = at == null ? 1 : at.getStartMark().getLine() + 1;
            return new DeploymentException(file + ":" + line + ": " + message);
        }
    }
}
