package io.kisflow.flowtest;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Flow test results as a JUnit XML report (one {@code testsuite}, a {@code testcase} per case, a
 * {@code failure} with the failure text for a failed one), the format Jenkins, GitLab and GitHub
 * test reporters read.
 *
 * <pre>{@code JUnitReport.write(Path.of("target/flow-tests.xml"), "conf-samples", results);}</pre>
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static void write(Path file, String suite, List<CaseResult> results) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            x.writeAttribute("tests", String.valueOf(results.size()));
            x.writeAttribute("failures", String.valueOf(results.stream().filter(r -> !r.passed()).count()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", seconds(results.stream().mapToLong(CaseResult::durationNanos).sum()));
            for (CaseResult r : results) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", suite);
                x.writeAttribute("name", r.name());
                x.writeAttribute("file", String.valueOf(r.file()));
                x.writeAttribute("time", seconds(r.durationNanos()));
                if (!r.passed()) {
                    List<String> lines = FailureText.lines(r);
                    x.writeCharacters("\n    ");
                    x.writeStartElement("failure");
                    x.writeAttribute("message", lines.get(0));
                    x.writeCharacters(String.join("\n", lines));
                    x.writeEndElement();
                    x.writeCharacters("\n  ");
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the JUnit report " + file + ": " + e.getMessage(), e);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
