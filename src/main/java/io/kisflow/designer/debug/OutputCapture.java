package io.kisflow.designer.debug;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Captures what functions print. Installed once per process, it replaces System.out and System.err
 * with streams that send the output of a thread inside a function call (between {@link #begin} and
 * {@link #end} on that thread) to the call's log, and everything else to the original streams. Output
 * of threads a function starts itself is not captured: it goes to the original streams.
 *
 * <pre>{@code OutputCapture capture = OutputCapture.install();
 * capture.begin(log);  try { call(); } finally { capture.end(); }}</pre>
 */
final class OutputCapture {
    private static OutputCapture installed;

    private final ThreadLocal<CallLog> current = new ThreadLocal<>();
    private final Charset charset;

    private OutputCapture(Charset charset) {
        this.charset = charset;
    }

    /**
     * Routes System.out and System.err through the capture (again, if something replaced them since),
     * and returns the process's capture.
     */
    static synchronized OutputCapture install() {
        if (installed == null) {
            installed = new OutputCapture(consoleCharset());
        }
        if (!(System.out instanceof Routed)) {
            System.setOut(installed.routed(System.out, LogLine.Stream.OUT));
        }
        if (!(System.err instanceof Routed)) {
            System.setErr(installed.routed(System.err, LogLine.Stream.ERR));
        }
        return installed;
    }

    /** JDK 17 has no PrintStream.charset(): use what the JDK picked for the console. */
    private static Charset consoleCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding", System.getProperty("native.encoding")));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    Charset charset() {
        return charset;
    }

    /** From now on, what this thread prints goes to {@code log}. */
    void begin(CallLog log) {
        current.set(log);
    }

    /** This thread prints to the original streams again. */
    void end() {
        current.remove();
    }

    private PrintStream routed(PrintStream original, LogLine.Stream stream) {
        OutputStream router = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                CallLog log = current.get();
                if (log != null) {
                    log.write(stream, b, off, len);
                } else {
                    original.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        return new Routed(router, charset);
    }

    /** Marks our streams, so that install() does not wrap them twice. */
    private static final class Routed extends PrintStream {
        Routed(OutputStream out, Charset charset) {
            super(out, true, charset);
        }
    }
}
