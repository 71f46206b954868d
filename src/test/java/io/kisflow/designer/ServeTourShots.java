package io.kisflow.designer;

import io.kisflow.designer.edit.Selection;
import io.kisflow.designer.serve.ServeTabModel;
import io.kisflow.designer.shell.DesignerViewModel;
import io.kisflow.designer.shell.DesignerWindow;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.kisflow.designer.ScreenshotTour.fx;

/**
 * The user guide's picture of the Serve tab: the samples' StuScore served by a real {@code serve}
 * child process from a 6-partition topic of an in-process KRaft broker (Kafka's test kit), while
 * records keep coming; one record is not JSON, so the errors list has its line.
 */
final class ServeTourShots {
    private ServeTourShots() {
    }

    interface Shot {
        void take(String name) throws Exception;
    }

    static void take(DesignerWindow w, DesignerViewModel vm, Path dir, Shot shot) throws Exception {
        ScreenshotTour.copyTree(Path.of("conf-samples"), dir);
        // StuScore needs only the samples plugin: leave out the function sources, whose compiling at
        // open (designer) and at start (serve) is not what this picture is about
        try (var walk = java.nio.file.Files.walk(dir.resolve("source-code"))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("scores", 6, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                produce(p, 0, 3000);
                p.send(new ProducerRecord<>("scores", 4, null, "stu_id=999 (not JSON)")).get();
                ServeTabModel serve = vm.serve;
                fx(() -> {
                    w.files().openProject(dir);
                    vm.document.select(Selection.flow("StuScore"));
                    vm.canvas.reveal(Selection.flow("StuScore"));
                    serve.kafka.set(kafka.bootstrapServers());
                    serve.topic.set("scores");
                    serve.group.set("stuscore");
                    serve.threads.set("2");
                    serve.batchWait.set("200");
                    serve.json.set(true);
                    w.showTab("serveTab");
                    serve.start();
                    return null;
                });
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                int sent = 3000;
                // a steady trickle while the service catches up, so the picture shows a rate and some lag
                while (fx(() -> serve.stateProperty().get() != ServeTabModel.State.RUNNING || serve.figures().processedProperty().get() < 3000)) {
                    if (System.nanoTime() > end) {
                        throw new IllegalStateException("the served flow did not take the records: " + fx(() -> serve.messageProperty().get()
                                + " " + serve.figures().lines()));
                    }
                    produce(p, sent, 100);
                    sent += 100;
                    Thread.sleep(100);
                }
                for (int i = 0; i < 25; i++) {
                    produce(p, sent, 200);
                    sent += 200;
                    Thread.sleep(100);
                }
                shot.take("serve-tab.png");
                fx(() -> serve.stop());
                while (fx(() -> serve.stateProperty().get() != ServeTabModel.State.STOPPED)) {
                    Thread.sleep(100);
                }
            }
        }
    }

    private static void produce(KafkaProducer<String, String> p, int from, int n) {
        for (int i = from; i < from + n; i++) {
            p.send(new ProducerRecord<>("scores", i % 6, null,
                    "{\"stu_id\":" + i + ",\"score_1\":" + (60 + i % 40) + ",\"score_2\":" + (70 + i % 30) + ",\"score_3\":" + (50 + i % 50) + "}"));
        }
        p.flush();
    }
}
