package io.kisflow.config;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Finds and repairs files whose {@code kistype} is empty, as Go's export writes it for configs built
 * in code ({@code kistype: ""}; neither Go nor this loader can read such a file back). The kind
 * follows from Go's export file names: {@code flow-NAME}, {@code func-NAME}, {@code conn-NAME}. A
 * repair writes only the kistype value: every other byte of the file (comments, key order, quoting,
 * line ends) stays as it was. Nothing is written unless {@link #apply} is called.
 *
 * <pre>{@code for (KistypeRepair.Fix f : KistypeRepair.find(dir)) System.out.println(f); KistypeRepair.apply(KistypeRepair.find(dir));}</pre>
 */
public final class KistypeRepair {
    /** One file to repair: where its kistype is and the kind its name says it holds. */
    public record Fix(Path file, int line, KisType kind) {
        @Override
        public String toString() {
            return file + ":" + line + ": kistype is empty; the file name says it is a " + kind.yaml() + " (writes kistype: "
                    + kind.yaml() + ")";
        }
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private KistypeRepair() {
    }

    /** The kind a Go export file name says ({@code flow-x.yaml} is a flow), or null for other names. */
    public static KisType kindOfFileName(Path file) {
        Path name = file == null ? null : file.getFileName();
        String s = name == null ? "" : name.toString();
        if (s.startsWith("flow-")) {
            return KisType.FLOW;
        }
        if (s.startsWith("func-")) {
            return KisType.FUNC;
        }
        return s.startsWith("conn-") ? KisType.CONN : null;
    }

    /** Every config file below {@code dirOrFile} (as the loader finds them) with an empty kistype and a telling name. */
    public static List<Fix> find(Path dirOrFile) {
        List<Fix> fixes = new ArrayList<>();
        for (Path file : ConfigFiles.find(dirOrFile).files()) {
            KisType kind = kindOfFileName(file);
            if (kind == null) {
                continue;
            }
            String text = FileText.read(file, new FileProblems(file));
            Node value = text == null ? null : emptyKistype(text);
            if (value != null) {
                fixes.add(new Fix(file, FileProblems.line(value), kind));
            }
        }
        return fixes;
    }

    /**
     * Writes each fix (each file replaced atomically, keeping its permissions) and returns the files
     * written. A file that changed since {@link #find} so that its kistype is no longer empty is left alone.
     */
    public static List<Path> apply(List<Fix> fixes) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Fix fix : fixes) {
            byte[] bytes = Files.readAllBytes(fix.file());
            byte[] repaired = repaired(bytes, fix.kind());
            if (repaired != null) {
                writeAtomically(fix.file(), repaired);
                written.add(fix.file());
            }
        }
        return written;
    }

    /** The file's bytes with {@code kistype} set to {@code kind}, or null when its kistype is not empty. */
    static byte[] repaired(byte[] bytes, KisType kind) {
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), UTF8_BOM)) {
            bom = 3;
        }
        String text = FileText.decode(bytes, new FileProblems(null));
        if (text == null) {
            return null;
        }
        Node value = emptyKistype(text);
        if (value == null) {
            return null;
        }
        int start = text.offsetByCodePoints(0, value.getStartMark().getIndex());
        int end = text.offsetByCodePoints(0, value.getEndMark().getIndex());
        // "kistype:" with nothing after it is an empty value that starts and ends right after the colon
        String replacement = start == end ? " " + kind.yaml() : kind.yaml();
        String fixed = text.substring(0, start) + replacement + text.substring(end);
        byte[] body = fixed.getBytes(charset);
        byte[] out = Arrays.copyOf(bytes, bom + body.length);
        System.arraycopy(body, 0, out, bom, body.length);
        return out;
    }

    /** The value node of a top-level {@code kistype} that is empty ({@code ""}, {@code ''}, nothing, {@code ~}), or null. */
    private static Node emptyKistype(String text) {
        Node root;
        try {
            root = YamlParser.parse(text, new FileProblems(null));
        } catch (RuntimeException e) {
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            return null;
        }
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && GoKeys.KISTYPE.equals(k.getValue())) {
                if (t.getValueNode() instanceof ScalarNode v && v.getStartMark() != null && (v.getValue().isEmpty()
                        || YamlParser.isPlain(v) && PlainScalars.kind(v.getValue()) == PlainScalars.Kind.NULL)) {
                    return v;
                }
                return null;
            }
        }
        return null;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
