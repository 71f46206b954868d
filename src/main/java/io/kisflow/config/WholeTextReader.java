package io.kisflow.config;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character reader over a text held whole. SnakeYAML's own reader keeps a window of the
 * input and, for every 1,024 characters it reads ahead, copies the whole window: looking across one
 * token of a million characters (a long number, name or comment) copies about 500 million characters,
 * quadratic in the token's length. Config files are read whole anyway (at most
 * {@link LoadLimits#MAX_FILE_BYTES}), so this reader decodes the text once into code points and serves
 * every look-ahead from that array. It behaves as SnakeYAML's reader does: the same lines, columns,
 * indexes and marks, '\0' past the end, and a {@link ReaderException} for a character YAML does not
 * allow (raised when the scanner reaches it).
 */
final class WholeTextReader extends StreamReader {
    private static final String NAME = "'string'";

    private final int[] codePoints;
    private final int length;
    /** Index of the first character YAML does not allow, or the length when there is none. */
    private final int firstUnprintable;
    private int pointer;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextReader(String text) {
        super(new StringReader(""));
        this.codePoints = text.codePoints().toArray();
        this.length = codePoints.length;
        int bad = length;
        for (int i = 0; i < length; i++) {
            if (!isPrintable(codePoints[i])) {
                bad = i;
                break;
            }
        }
        this.firstUnprintable = bad;
    }

    /** True when {@code count} characters from the pointer exist; refuses to look at a forbidden character. */
    private boolean available(int count) {
        int at = pointer + count;
        if (at >= firstUnprintable && firstUnprintable < length) {
            throw new ReaderException(NAME, firstUnprintable, codePoints[firstUnprintable], "special characters are not allowed");
        }
        return at < length;
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, pointer, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int count) {
        for (int i = 0; i < count && available(0); i++) {
            int c = codePoints[pointer++];
            documentIndex++;
            if (Constant.LINEBR.has(c) || (c == '\r' && available(0) && codePoints[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return available(0) ? codePoints[pointer] : 0;
    }

    @Override
    public int peek(int index) {
        return available(index) ? codePoints[pointer + index] : 0;
    }

    @Override
    public String prefix(int count) {
        if (count == 0) {
            return "";
        }
        return available(count) ? new String(codePoints, pointer, count)
                : new String(codePoints, pointer, Math.min(count, length - pointer));
    }

    @Override
    public String prefixForward(int count) {
        String s = prefix(count);
        pointer += count;
        documentIndex += count;
        column += count;
        return s;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }
}
