package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.ConnConfig;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;
import io.kisflow.config.FuncOption;
import io.kisflow.engine.Action;
import io.kisflow.engine.KisPlugin;
import io.kisflow.engine.Pool;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** Functions that misbehave on purpose (block, spin, throw, loop, print) and a project that uses them. */
public final class TestFunctions implements KisPlugin {
    public final CountDownLatch sleeping = new CountDownLatch(1);
    public final CountDownLatch spinning = new CountDownLatch(1);
    /** Lets the spinning function end, so the test JVM does not keep a busy thread. */
    public final AtomicBoolean releaseSpinner = new AtomicBoolean();

    @Override
    public void register(Pool pool) {
        pool.faas("Upper", flow -> flow.input().forEach(r -> flow.commitRow(String.valueOf(r).toUpperCase(Locale.ROOT))));
        pool.faas("Sleeper", flow -> {
            sleeping.countDown();
            Thread.sleep(Long.MAX_VALUE);
        });
        pool.faas("Spinner", flow -> {
            spinning.countDown();
            long spins = 0;
            while (!releaseSpinner.get()) {
                spins++;   // ignores interruption on purpose
            }
            flow.commitRow("spun " + (spins > 0));
        });
        pool.faas("Boom", flow -> {
            throw new IllegalStateException("row 2 has no stu_id");
        });
        pool.faas("Printer", flow -> {
            System.out.println("got " + flow.input().size() + " rows");
            System.err.print("warn: partial");
            System.err.println(" line");
            System.out.print("no newline at the end");
            flow.commitRowBatch(flow.input());
        });
        pool.faas("Looper", flow -> {
            flow.commitRowBatch(flow.input());
            flow.next(Action.jumpFunc("Looper"));
        });
    }

    /** Flows: Chain = Upper -> NoCode -> Upper2 (a second function name for Upper's code), and one flow per misbehaving function. */
    public static ConfigSet project() {
        ConfigSet set = ConfigSet.EMPTY;
        for (String f : List.of("Upper", "Sleeper", "Spinner", "Boom", "Printer", "Looper", "NoCode", "Tail")) {
            set = set.withFunc(FuncConfig.of(f, "Calculate"));
        }
        set = set.withFunc(FuncConfig.of("SaveNoConn", "Save").withOption(FuncOption.EMPTY.withCname("NoCodeConn")));
        set = set.withConn(ConnConfig.of("NoCodeConn", "tidb", "127.0.0.1:4000", "k")); // no built-in client for tidb
        set = set.withFlow(FlowConfig.of("Chain", FlowStep.of("Upper"), FlowStep.of("NoCode"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Block", FlowStep.of("Upper"), FlowStep.of("Sleeper"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Spin", FlowStep.of("Upper"), FlowStep.of("Spinner"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Fail", FlowStep.of("Upper"), FlowStep.of("Boom"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Print", FlowStep.of("Printer"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Loop", FlowStep.of("Upper"), FlowStep.of("Looper"), FlowStep.of("Tail")));
        set = set.withFlow(FlowConfig.of("Store", FlowStep.of("Upper"), FlowStep.of("SaveNoConn")));
        set = set.withFlow(new FlowConfig(FlowConfig.DISABLED, "Off", List.of(FlowStep.of("Upper")), Map.of()));
        return set;
    }
}
