package io.kisflow.cli;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses a big input file on several threads: the file is read in order, in chunks of whole lines
 * (each cut after its last '\n'; the line that goes on is carried into the next chunk), and each
 * chunk is parsed into rows on a thread of its own while the next ones are read. The rows come out
 * as one batch per chunk, in the order of the file. Parsing is most of the cost of reading a big
 * {@code --json} input, and it is what the run waits for on the critical path.
 *
 * <p>Only good input is taken this way. Whatever a chunk cannot take exactly as the reading in
 * order does (a line that is not JSON or not UTF-8, a value spread over lines, a line near the
 * length limit, a file that does not start as UTF-8) makes {@link #read} return null, and the caller
 * reads the whole file again in order ({@link InputRows#read}), which reports the first problem with
 * its file and line, in the same words, as it always did. A bad file costs a second reading; a good
 * one is never read twice. In-flight chunks are bounded, so the raw bytes held stay a few MiB.
 *
 * <pre>{@code List<List<Object>> batches = ParallelInput.read("in.jsonl", true, CHUNK_BYTES, MIN_BYTES);
 * if (batches == null) ... InputRows.read(...) in order}</pre>
 */
final class ParallelInput {
    /** 512 KiB: thousands of rows per chunk, and under G1's humongous-object size of a default heap. */
    static final int CHUNK_BYTES = 1 << 19;
    /** Smaller files are read in order on one thread: a few milliseconds, not worth the threads. */
    static final long MIN_BYTES = 4L << 20;

    private ParallelInput() {
    }

    /** Not taken in chunks: the caller reads the input in order. */
    private static final class NotInChunks extends Exception {
        NotInChunks() {
            super(null, null, false, false);
        }
    }

    /**
     * The rows of the regular file {@code source} of at least {@code minBytes}, one batch per chunk of
     * about {@code chunkBytes}, in file order; null when it is to be read in order.
     */
    static List<List<Object>> read(String source, boolean json, int chunkBytes, long minBytes) {
        Path file;
        try {
            file = Path.of(source);
            if (!Files.isRegularFile(file) || Files.size(file) < minBytes) {
                return null; // a pipe, a device, a folder, a small file: read in order, with the messages of that reading
            }
        } catch (InvalidPathException | IOException e) {
            return null;
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kisflow-input-parse");
            t.setDaemon(true); // never keeps the process alive
            return t;
        });
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return chunks(channel, source, json, chunkBytes, pool, 2 * threads + 2);
        } catch (NotInChunks | IOException e) {
            if (Thread.currentThread().isInterrupted()) { // a cancelled reading (the channel closes on an interrupt)
                throw new CommandException("reading the input was interrupted", e);
            }
            return null; // the reading in order meets the same problem and reports it where it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("reading the input was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<List<Object>> chunks(FileChannel channel, String name, boolean json, int chunkBytes,
                                             ExecutorService pool, int inFlight) throws IOException, NotInChunks, InterruptedException {
        List<List<Object>> batches = new ArrayList<>();
        Deque<Future<List<Object>>> pending = new ArrayDeque<>();
        // chunk buffers come back once parsed: the raw bytes are never more than a few chunks, and
        // reading allocates nothing per chunk (with G1 a big array each time would be a humongous one)
        Queue<byte[]> free = new ConcurrentLinkedQueue<>();
        byte[] carried = new byte[0]; // the start of a line that goes on into the next chunk: carried[carriedFrom, carriedTo)
        int carriedFrom = 0;
        int carriedLength = 0;
        boolean first = true;
        boolean end = false;
        while (!end) {
            if (carriedLength + chunkBytes > InputRows.MAX_LINE_BYTES) {
                throw new NotInChunks(); // a line near the limit: the reading in order measures it exactly
            }
            byte[] chunk = carriedLength <= chunkBytes / 2 ? free.poll() : null;
            if (chunk == null) {
                chunk = new byte[carriedLength <= chunkBytes / 2 ? chunkBytes : carriedLength + chunkBytes];
            }
            System.arraycopy(carried, carriedFrom, chunk, 0, carriedLength);
            int filled = carriedLength;
            while (filled < chunk.length) {
                int n = channel.read(ByteBuffer.wrap(chunk, filled, chunk.length - filled));
                if (n < 0) {
                    end = true;
                    break;
                }
                filled += n;
            }
            int cut = end ? filled : lastNewline(chunk, carriedLength, filled) + 1;
            if (cut > 0) {
                if (json && !startsAsUtf8(chunk, cut, first)) {
                    throw new NotInChunks(); // Jackson would guess another encoding for it (a BOM, zero bytes)
                }
                first = false;
                byte[] lines = chunk;
                int length = cut;
                pending.add(pool.submit(() -> {
                    List<Object> rows = parse(lines, length, name, json);
                    if (lines.length == chunkBytes) {
                        free.add(lines);
                    }
                    return rows;
                }));
                if (pending.size() >= inFlight) {
                    batches.add(done(pending.removeFirst()));
                }
            }
            // no line ends in it (cut 0): all of it goes on, and the next chunk is a bigger one
            carried = chunk;
            carriedFrom = cut;
            carriedLength = filled - cut;
        }
        while (!pending.isEmpty()) {
            batches.add(done(pending.removeFirst()));
        }
        return batches;
    }

    /** The rows of one chunk of whole lines; any problem (reported by the reading in order) throws. */
    private static List<Object> parse(byte[] chunk, int length, String name, boolean json) throws IOException {
        List<Object> rows = new ArrayList<>(1024);
        if (!json) {
            InputRows.readLines(chunk, 0, length, name, 1, rows::add);
            return rows;
        }
        try (JsonParser parser = InputRows.jsonFactory().createParser(chunk, 0, length)) {
            InputRows.readJson(parser, name, rows::add);
        }
        return rows;
    }

    private static List<Object> done(Future<List<Object>> chunk) throws NotInChunks, InterruptedException {
        try {
            return chunk.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory: the run's guard names what was running
            }
            throw new NotInChunks();
        }
    }

    private static int lastNewline(byte[] bytes, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether Jackson, given this chunk alone, reads it as UTF-8 as it does in the middle of the file:
     * its encoding detection looks at the first four bytes (byte-order marks, zero bytes of UTF-16 and
     * UTF-32). A UTF-8 byte-order mark is skipped at the start of the file only.
     */
    private static boolean startsAsUtf8(byte[] b, int length, boolean fileStart) {
        for (int i = 0; i < Math.min(4, length); i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        int b0 = length > 0 ? b[0] & 0xFF : 0;
        int b1 = length > 1 ? b[1] & 0xFF : 0;
        int b2 = length > 2 ? b[2] & 0xFF : 0;
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            return false;
        }
        return fileStart || !(b0 == 0xEF && b1 == 0xBB && b2 == 0xBF);
    }
}
