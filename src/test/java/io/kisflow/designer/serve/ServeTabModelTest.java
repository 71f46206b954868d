package io.kisflow.designer.serve;

import io.kisflow.designer.debug.QueuedExecutor;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.DesignState;
import io.kisflow.designer.edit.FlowEdits;
import io.kisflow.designer.project.ProjectFiles;
import io.kisflow.serve.Deployment;
import javafx.beans.property.SimpleStringProperty;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Serve tab's model without a window: settings as undoable sidecar edits, and a real {@code serve}
 * child process against a real KRaft broker in this JVM (Kafka's test kit): started, its throughput,
 * lag and errors read from its metrics and log lines, stopped with SIGTERM; a broker that is not
 * there is said at once; the export writes a directory that {@code serve --deploy} reads.
 */
class ServeTabModelTest {
    private static KafkaClusterTestKit kafka;

    @TempDir
    Path tmp;
    private Path project;
    private ProjectDocument doc;
    private final SimpleStringProperty selected = new SimpleStringProperty("Ingest");
    /** The UI thread's queue: the test thread runs it, as the JavaFX thread would. */
    private final QueuedExecutor ui = new QueuedExecutor();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private ServeTabModel model;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void open() throws IOException {
        project = tmp.resolve("project");
        Path store = tmp.resolve("store");
        Files.createDirectories(project);
        Files.createDirectories(store);
        Files.writeString(project.resolve("conn-Store.yml"), "kistype: conn\ncname: Store\naddrs: '" + store + "'\ntype: file\nkey: rows.jsonl\n");
        Files.writeString(project.resolve("func-Save.yml"), "kistype: func\nfname: Save\nfmode: Save\nsource:\n  name: rows\noption:\n  cname: Store\n");
        Files.writeString(project.resolve("flow-Ingest.yml"), "kistype: flow\nstatus: 1\nflow_name: Ingest\nflows:\n  - fname: Save\n");
        ProjectFiles files = ProjectFiles.open(project);
        DesignState s = new DesignState(files.configs(), files.layout());
        doc = new ProjectDocument();
        doc.open(files.directory(), s, s);
        model = new ServeTabModel(doc, selected, ui, background);
    }

    @AfterEach
    void close() throws InterruptedException {
        model.close();
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void settingsAreUndoableEditsOfTheSidecarNeverOfTheYaml() {
        assertEquals("Ingest", model.topic.get(), "a new flow's topic is named like the flow");
        assertEquals("kisflow-Ingest", model.group.get());
        model.topic.set("orders");
        model.topic.set("orders-v2");          // one burst of typing: one undo step
        model.threads.set("3");
        model.json.set(true);
        assertEquals(new DeploymentSettings("127.0.0.1:9092", "orders-v2", "kisflow-Ingest", 3, 500, 500, 1000, true, ""),
                ServeSidecar.read(doc.state().layout(), "Ingest"));
        assertTrue(doc.state().layout().extra().containsKey(ServeSidecar.KEY), "kept in the sidecar layout");
        assertEquals("Serve Ingest with JSON values", doc.history().undoDescriptionProperty().get());

        model.threads.set("many");
        assertEquals("Threads needs a positive whole number, not 'many'.", model.fieldErrorProperty().get());
        assertEquals(3, model.current().threads(), "an invalid value changes nothing");
        assertFalse(model.start(), "no start with a field in error");

        doc.undo();                             // JSON off
        doc.undo();                             // threads back to 1
        assertEquals("1", model.threads.get(), "undo shows the settings again");
        assertNull(model.fieldErrorProperty().get());
        doc.undo();                             // the topic typed, as one step
        assertEquals("Ingest", model.topic.get());
        assertFalse(doc.state().layout().extra().containsKey(ServeSidecar.KEY), "defaults are not written");
        doc.redo();
        assertEquals("orders-v2", model.topic.get());

        assertTrue(doc.perform(FlowEdits.rename("Ingest", "Intake")));
        selected.set("Intake");
        assertEquals("orders-v2", model.topic.get(), "the settings follow a renamed flow");
    }

    @Test
    void commitIntervalIsKeptInTheSidecarAsUndoableEditsAndReadBackAfterASave() throws Exception {
        assertEquals("1000", model.commitInterval.get(), "the default of serve --commit-interval");
        assertEquals("Commits every 1 s: fewer commits, faster; a kill repeats up to ~1 s per thread."
                + " 0: after every poll, slower; a kill repeats only the batches in flight.", model.commitIntervalHelpProperty().get());
        model.commitInterval.set("");            // the field emptied on the way to 0: refused, nothing changes
        assertEquals("Commit interval needs a whole number of ms, 0 or more, not ''.",
                model.fieldErrorProperty().get());
        model.commitInterval.set("0");
        assertNull(model.fieldErrorProperty().get());
        assertNull(model.errorProperty(model.commitInterval).get());
        assertEquals(0, ServeSidecar.read(doc.state().layout(), "Ingest").commitIntervalMs());
        assertEquals("Set the commit interval of serving Ingest", doc.history().undoDescriptionProperty().get());
        assertTrue(model.commitIntervalHelpProperty().get().startsWith("Commits after every poll: slower; a kill repeats only the batches in flight."),
                model.commitIntervalHelpProperty().get());

        // refused values: the text stays for the user to correct, the field and the tab say why, the sidecar keeps 0
        model.commitInterval.set("-5");
        assertEquals("Commit interval needs a whole number of ms, 0 or more, not '-5'.",
                model.fieldErrorProperty().get());
        assertEquals(model.fieldErrorProperty().get(), model.errorProperty(model.commitInterval).get(), "the field's own mark says it too");
        assertNull(model.errorProperty(model.threads).get(), "no other field is marked");
        model.commitInterval.set("soon");
        assertEquals("Commit interval needs a whole number of ms, 0 or more, not 'soon'.",
                model.fieldErrorProperty().get());
        assertEquals("soon", model.commitInterval.get());
        assertEquals(0, model.current().commitIntervalMs(), "an invalid value changes nothing");
        assertFalse(model.start(), "no start with a field in error");
        assertTrue(model.messageProperty().get().startsWith("Fix the settings first: Commit interval needs"), model.messageProperty().get());

        // undo and redo: each value of the field is one step of its burst of typing
        doc.undo();
        assertEquals("1000", model.commitInterval.get());
        assertNull(model.fieldErrorProperty().get(), "undo shows the stored value, valid");
        assertFalse(doc.state().layout().extra().containsKey(ServeSidecar.KEY), "the default is not written");
        doc.redo();
        assertEquals("0", model.commitInterval.get());
        model.commitInterval.set("2500");        // a new burst after undo/redo
        assertEquals(2500, model.current().commitIntervalMs());
        assertTrue(model.commitIntervalHelpProperty().get().startsWith("Commits every 2.5 s: fewer commits, faster; a kill repeats up to ~2.5 s per thread."),
                model.commitIntervalHelpProperty().get());
        doc.undo();
        assertEquals("0", model.commitInterval.get());

        // saved: in the sidecar file, in no YAML, and read back by a fresh open
        ProjectFiles files = ProjectFiles.open(project);
        files.apply(files.planSave(doc.state().configs(), doc.state().layout(), project));
        String sidecar = Files.readString(project.resolve(".kisflow-studio.json"));
        assertTrue(sidecar.matches("(?s).*\"commitIntervalMs\"\\s*:\\s*0\\b.*"), sidecar);
        try (var yaml = Files.list(project)) {
            for (Path f : yaml.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).toList()) {
                assertFalse(Files.readString(f).contains("commit"), f + " holds no serve setting");
            }
        }
        ProjectFiles reopened = ProjectFiles.open(project);
        assertEquals(0, ServeSidecar.read(reopened.layout(), "Ingest").commitIntervalMs());
        DesignState s = new DesignState(reopened.configs(), reopened.layout());
        ProjectDocument again = new ProjectDocument();
        again.open(project, s, s);
        try (ServeTabModel fresh = new ServeTabModel(again, selected, ui, background)) {
            assertEquals("0", fresh.commitInterval.get(), "the tab shows what the sidecar file holds");
        }
    }

    @Test
    void aFieldInErrorStaysMarkedWhileAnotherFieldIsEdited() {
        model.threads.set("many");
        model.topic.set("orders");
        assertEquals("orders", model.current().topic(), "the valid field is an edit");
        assertEquals("Threads needs a positive whole number, not 'many'.", model.errorProperty(model.threads).get());
        assertEquals("Threads needs a positive whole number, not 'many'.", model.fieldErrorProperty().get());
        assertEquals("many", model.threads.get(), "what the user typed stays for them to correct");
        assertFalse(model.start(), "no start while a field shows an invalid value");
        model.threads.set("2");
        assertNull(model.fieldErrorProperty().get());
        assertEquals(2, model.current().threads());
    }

    @Test
    void aRefusedConnectionIsSaidAtOnceWithTheAddressAndWhatToDo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: a real refused connection
        }
        model.kafka.set("127.0.0.1:" + port);
        // a patience far above what the test waits for: the answer must come from the refusal, not from a timeout
        model.checkTimeout(Duration.ofSeconds(60));
        assertTrue(model.start());
        await(() -> model.stateProperty().get() == ServeTabModel.State.STOPPED, "the check to end");
        assertEquals("The connection to 127.0.0.1:" + port + " was refused: no broker listens there. Start the broker, or correct Broker.",
                model.messageProperty().get());
        assertEquals(-1, model.pid(), "no process was started");
    }

    @Test
    void startsServeInAChildShowsItsFiguresAndStopsItWithSigterm() throws Exception {
        String topic = "events";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic("events-dead", 1, (short) 1))).all().get();
        }
        produce(topic, 0, 10, "{\"n\":%d}");
        produce(topic, 1, 10, "{\"n\":%d}");
        produce(topic, 1, 1, "not json %d");
        model.kafka.set(kafka.bootstrapServers());
        model.topic.set(topic);
        model.group.set("designer");
        model.batchWait.set("100");
        model.json.set(true);
        model.deadLetter.set("events-dead");
        model.commitInterval.set("0");

        assertTrue(model.start());
        await(() -> model.stateProperty().get() == ServeTabModel.State.RUNNING, "the service to be assigned its partitions");
        assertTrue(model.pid() > 0);
        // the child's real command line, as the system holds it (ProcessHandle.Info leaves out a command line this long)
        List<String> childArgs = List.of(Files.readString(Path.of("/proc/" + model.pid() + "/cmdline")).split("\0"));
        int interval = childArgs.indexOf("--commit-interval");
        assertTrue(interval > 0 && childArgs.get(interval + 1).equals("0"), childArgs.toString());
        assertEquals("serve", childArgs.get(childArgs.indexOf("io.kisflow.Launcher") + 1), childArgs.toString());
        await(() -> model.figures().processedProperty().get() >= 20, "20 records processed");
        LiveFigures f = model.figures();
        await(() -> f.partitions().size() == 2 && f.partitions().stream().allMatch(p -> p.lag() == 0), "the lag of both partitions at 0");
        assertEquals(List.of(topic + "-0", topic + "-1"), f.partitions().stream().map(LiveFigures.PartitionLag::partition).toList());
        assertTrue(f.errors().stream().anyMatch(e -> e.startsWith("WARN undecodable: topic=events partition=1 offset=10 error=not a JSON value")),
                f.errors().toString());

        produce(topic, 0, 200, "{\"n\":%d}");
        await(() -> f.processedProperty().get() >= 220, "the new records processed");
        assertTrue(f.lines().stream().anyMatch(l -> l.contains("event=batch") && l.contains("outcome=ok")), f.lines().toString());

        assertTrue(model.stop());
        await(() -> model.stateProperty().get() == ServeTabModel.State.STOPPED, "the service to stop");
        assertEquals("Stopped: the batches in flight finished and their offsets are committed.", model.messageProperty().get());
        Map<TopicPartition, OffsetAndMetadata> committed;
        try (Admin admin = admin()) {
            committed = admin.listConsumerGroupOffsets("designer").partitionsToOffsetAndMetadata().get();
        }
        assertEquals(210, committed.get(new TopicPartition(topic, 0)).offset());
        assertEquals(11, committed.get(new TopicPartition(topic, 1)).offset());
        List<String> stored = Files.readAllLines(tmp.resolve("store/rows.jsonl"));
        assertEquals(220, stored.size(), "every record, once (the undecodable one is left out)");
    }

    @Test
    void exportWritesTheConfigsFunctionsDeploymentFileAndCommand() throws Exception {
        DesignState opened = doc.state();
        doc.open(project, opened, opened.withCodeFile("functions/Save.java", "// the Save function's code\n"));
        model.kafka.set("kafka-1:9092,kafka-2:9092");
        model.topic.set("orders");
        model.deadLetter.set("orders-dead");
        model.commitInterval.set("0");
        Path out = tmp.resolve("deploy");
        DeploymentExport.Result r = model.export(out, "kisflow-studio.jar");
        assertEquals("java -jar kisflow-studio.jar serve --deploy deployment.yaml", r.command());
        assertTrue(Files.isRegularFile(out.resolve("conf/flow-Ingest.yaml")) || Files.isRegularFile(out.resolve("conf/flow-Ingest.yml")),
                r.written().toString());
        assertEquals("// the Save function's code\n", Files.readString(out.resolve("conf/functions/Save.java")));
        Deployment d = Deployment.read(out.resolve("deployment.yaml"));
        assertEquals(out.resolve("conf"), d.confDir(out.resolve("deployment.yaml")));
        Deployment.ServedFlow flow = d.flows().get(0);
        assertEquals(new Deployment.ServedFlow("Ingest", "kafka-1:9092,kafka-2:9092", "orders", "kisflow-Ingest", 1, 500, 500, false,
                "orders-dead", Map.of(), 0), flow);
        assertTrue(Files.readString(out.resolve("deployment.yaml")).contains("commit-interval: 0"), Files.readString(out.resolve("deployment.yaml")));
        String start = Files.readString(out.resolve("start.sh"));
        assertTrue(start.contains("exec java ${JAVA_OPTS} -jar \"${KISFLOW_JAR:-kisflow-studio.jar}\" serve --deploy deployment.yaml"), start);
        assertTrue(Files.isExecutable(out.resolve("start.sh")));
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains(r.command()), readme);
        assertTrue(readme.contains("java -jar kisflow-studio.jar serve --conf conf --flow Ingest --kafka kafka-1:9092,kafka-2:9092 --topic orders"
                + " --group kisflow-Ingest --threads 1 --batch-size 500 --batch-wait 500 --commit-interval 0 --dead-letter orders-dead"
                + " --http 0.0.0.0:9464"), readme);
        assertTrue(readme.contains("offsets are committed after every poll"), readme);
        assertTrue(model.messageProperty().get().startsWith("Exported the deployment of Ingest to " + out), model.messageProperty().get());

        assertNull(model.export(project.resolve("deploy"), "kisflow-studio.jar"), "not inside the project");
        assertTrue(model.messageProperty().get().contains("must not be inside the project"), model.messageProperty().get());
    }

    // ---------------------------------------------------------------- helpers

    private void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (true) {
            ui.runAll();
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 45 s for " + what + "; state " + model.stateProperty().get() + ", message: "
                        + model.messageProperty().get() + "; output: " + model.figures().lines());
            }
            Thread.sleep(50);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void produce(String topic, int partition, int n, String format) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < n; i++) {
                p.send(new ProducerRecord<>(topic, partition, null, format.formatted(i))).get();
            }
        }
    }
}
