package io.kisflow.bench;

import io.kisflow.code.ProjectCode;
import io.kisflow.engine.Engine;
import io.kisflow.engine.FlowException;
import io.kisflow.engine.KisFlowRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Issue 11 §6: a function written as a project source ({@code functions/*.java}, compiled in
 * process by ECJ, loaded from memory) costs the same per row as the same code built with javac into
 * a plugin jar ({@code --plugin}). Both run EngineThroughputBench's flow of 5 Calculate functions on
 * 1,000,000 rows per invocation; each function parses nothing and does a little work per row (a
 * string length and a map lookup) so that the code itself, not only the engine, is measured.
 * JMH's score is rows per second. Run: see docs/PERFORMANCE.md, section Function sources.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SourceFunctionBench {
    private static final int N = 1_000_000;

    /** The code measured: one class registering the five functions. */
    static final String SOURCE = """
            package bench;

            import io.kisflow.engine.KisPlugin;
            import io.kisflow.engine.Pool;

            import java.util.Map;

            public class Five implements KisPlugin {
                private static final Map<Integer, String> SIZES = Map.of(13, "small", 14, "small", 15, "medium", 16, "medium");

                @Override
                public void register(Pool pool) {
                    for (String name : new String[] {"C1", "C2", "C3", "C4", "C5"}) {
                        pool.faas(name, flow -> {
                            for (Object row : flow.input()) {
                                String text = (String) row;
                                if (SIZES.getOrDefault(text.length(), "large").length() > 0) {
                                    flow.commitRow(text);
                                }
                            }
                        });
                    }
                }
            }
            """;

    private Engine fromSource;
    private Engine fromJar;
    private KisFlowRun flow;
    private List<String> rows;
    private Path tmp;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        tmp = Files.createTempDirectory("source-bench");
        rows = EngineBenchFlows.jsonRows(N);
        ProjectCode code = ProjectCode.compile(tmp, Map.of("functions/Five.java", SOURCE), null);
        if (code.hasErrors() || code.plugins().size() != 1) {
            throw new IllegalStateException("the source does not compile: " + code.problems());
        }
        fromSource = Engine.builder().configs(EngineBenchFlows.fiveCalculates()).plugin(code.plugins().get(0)).metrics(false).build();
        fromJar = Engine.builder().configs(EngineBenchFlows.fiveCalculates()).pluginPath(jar(tmp)).metrics(false).build();
    }

    /** The same source built the usual way: javac, a jar with its META-INF/services entry. */
    static Path jar(Path tmp) throws IOException {
        Path src = tmp.resolve("src/bench/Five.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null || javac.run(null, null, null, "--release", "17", "-cp", System.getProperty("java.class.path"),
                "-d", classes.toString(), src.toString()) != 0) {
            throw new IllegalStateException("javac failed (a JDK is needed to build the jar of the comparison)");
        }
        Path jar = tmp.resolve("five.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.kisflow.engine.KisPlugin"));
            OutputStream o = out;
            o.write("bench.Five\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (flow != null) {
            EngineBenchChecks.everyLevelHolds(flow, List.of(N));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fromSource.close();
        fromJar.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(N)
    public void sourceRows1M() throws FlowException {
        flow = run(fromSource);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(N)
    public void jarRows1M() throws FlowException {
        flow = run(fromJar);
    }

    private KisFlowRun run(Engine engine) throws FlowException {
        KisFlowRun f = engine.flow(EngineBenchFlows.FLOW);
        for (String r : rows) {
            f.commitRow(r);
        }
        f.run();
        return f;
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(SourceFunctionBench.class.getSimpleName()).build()).run();
    }
}
