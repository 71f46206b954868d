package io.kisflow.engine;

import io.kisflow.config.ConnConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ConnectorGate} that reaches no storage: connector calls are recorded (which connector,
 * which function, the arguments: the rows that would be written) instead of performed and return
 * null, no connector is opened (init code does not run), and Load functions are refused, since
 * their rows would come from storage: "Load function X reads connector Y; in a dry run pin its rows
 * or turn dry run off" (the ending is the constructor's {@code whatToDo}). Safe to share between a
 * run and its forks; keeps the first {@code kept} calls and counts the rest.
 *
 * <pre>{@code DryRun dry = new DryRun("run without --dry-run");
 * flow.setConnectorGate(dry);
 * flow.run();
 * for (DryRun.Call c : dry.calls()) System.err.println(c.describe());}</pre>
 */
public final class DryRun implements ConnectorGate {
    public static final int DEFAULT_KEPT = 10_000;
    public static final String DESIGNER_ADVICE = "pin its rows or turn dry run off";

    /**
     * One recorded call.
     *
     * @param flow      the flow whose function called
     * @param function  the calling function
     * @param mode      its mode
     * @param connector the connector's name
     * @param type      the connector's type, address and key, as its config says ("redis 127.0.0.1:6379 key scores")
     * @param operation what the call would do in the storage's words, "" when the plugin's code decides
     * @param args      what the function passed (a collection is copied)
     * @param rows      rows in {@code args}: a collection's size, 0 for null, else 1
     */
    public record Call(String flow, String function, Mode mode, String connector, String type, String operation, Object args, int rows) {
        /** One line: "SaveAvgScore (Save) -> ScoreStore (redis embedded key stu_avg_score): 1 row". */
        public String describe() {
            return function + " (" + mode + ") -> " + connector + (type.isEmpty() ? "" : " (" + type + ")")
                    + (operation.isEmpty() ? "" : " " + operation) + ": " + rows + (rows == 1 ? " row" : " rows");
        }
    }

    private final String whatToDo;
    private final int kept;
    private final List<Call> calls = new ArrayList<>();
    private long total;

    /** A dry run whose refused Loads say to pin their rows or turn dry run off (the designer's words). */
    public DryRun() {
        this(DESIGNER_ADVICE, DEFAULT_KEPT);
    }

    /**
     * @param whatToDo what a refused Load's message ends with: how the user gets its rows anyway
     * @param kept     calls kept with their arguments; later ones are only counted
     */
    public DryRun(String whatToDo, int kept) {
        if (kept < 0) {
            throw new IllegalArgumentException("kept must be 0 or more, not " + kept);
        }
        this.whatToDo = whatToDo == null || whatToDo.isBlank() ? DESIGNER_ADVICE : whatToDo;
        this.kept = kept;
    }

    @Override
    public boolean opensConnectors() {
        return false;
    }

    @Override
    public String refusal(Function function, Connector connector) {
        return function.getMode() == Mode.LOAD
                ? "Load function " + function.getName() + " reads connector " + connector.getName() + "; in a dry run " + whatToDo
                : null;
    }

    /** Records the call and returns null; a Load call is refused (see the class comment). */
    @Override
    public Object call(ConnectorCall call) {
        String refused = refusal(call.function(), call.connector());
        if (refused != null) {
            throw new IllegalStateException(refused);
        }
        Object args = call.args() instanceof Collection<?> c ? Collections.unmodifiableList(new ArrayList<>(c)) : call.args();
        int rows = args == null ? 0 : args instanceof Collection<?> c ? c.size() : 1;
        Call recorded = new Call(call.flow().getName(), call.function().getName(), call.mode(), call.connector().getName(),
                describe(call.connector().getConfig()), call.operation(), args, rows);
        synchronized (calls) {
            total++;
            if (calls.size() < kept) {
                calls.add(recorded);
            }
        }
        return null;
    }

    private static String describe(ConnConfig c) {
        if (c == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String s : List.of(c.type(), c.addrs())) {
            if (s != null && !s.isBlank()) {
                parts.add(s);
            }
        }
        if (c.key() != null && !c.key().isBlank()) {
            parts.add("key " + c.key());
        }
        return String.join(" ", parts);
    }

    /** The calls kept, in the order they were made. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls kept from index {@code from} on (a recorder marks {@link #kept()} before a function and takes these after it). */
    public List<Call> callsSince(int from) {
        synchronized (calls) {
            return from >= calls.size() ? List.of() : List.copyOf(calls.subList(Math.max(0, from), calls.size()));
        }
    }

    /** How many calls are kept. */
    public int kept() {
        synchronized (calls) {
            return calls.size();
        }
    }

    /** Every call made, kept or not. */
    public long total() {
        synchronized (calls) {
            return total;
        }
    }

    @Override
    public String toString() {
        return "DryRun(" + total() + " calls)";
    }
}
