package io.kisflow.code;

import io.kisflow.config.Problem;
import org.eclipse.jdt.core.compiler.CategorizedProblem;
import org.eclipse.jdt.internal.compiler.ClassFile;
import org.eclipse.jdt.internal.compiler.CompilationResult;
import org.eclipse.jdt.internal.compiler.Compiler;
import org.eclipse.jdt.internal.compiler.DefaultErrorHandlingPolicies;
import org.eclipse.jdt.internal.compiler.batch.CompilationUnit;
import org.eclipse.jdt.internal.compiler.env.ICompilationUnit;
import org.eclipse.jdt.internal.compiler.impl.CompilerOptions;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblem;
import org.eclipse.jdt.internal.compiler.problem.DefaultProblemFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles function sources in memory with ECJ, the Eclipse compiler: a library, so no JDK is needed
 * where the designer or the command line runs, and it reads full Java 17 (records, switch
 * expressions, text blocks, {@code var}). All files are compiled together, so they may use each
 * other's types; each file's classes and problems are kept apart, so that one broken file does not
 * take the others' code with it.
 *
 * <pre>{@code Map<String, Unit> units = SourceCompiler.compile(dir, Map.of("functions/Upper.java", text));}</pre>
 */
final class SourceCompiler {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");

    /** One source file's outcome: its classes (binary name to bytes) and its problems (errors and warnings). */
    record Unit(String file, Map<String, byte[]> classes, List<Problem> problems) {
        boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    private SourceCompiler() {
    }

    /**
     * @param dir     the project folder; problems name {@code dir.resolve(file)}
     * @param sources file (relative to {@code dir}, '/'-separated) to its text
     */
    static Map<String, Unit> compile(Path dir, Map<String, String> sources) {
        Map<String, Unit> out = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return out;
        }
        List<ICompilationUnit> units = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units.add(new CompilationUnit(e.getValue().toCharArray(), e.getKey(), "UTF-8"));
            declared.addAll(declaredTypes(e.getValue()));
        }
        Map<String, Unit> byFile = new HashMap<>();
        Compiler compiler = new Compiler(new ClassPathTypes(SourceCompiler.class.getClassLoader(), declared),
                DefaultErrorHandlingPolicies.proceedWithAllProblems(), options(),
                result -> byFile.put(new String(result.getFileName()), unit(dir, result, sources.get(new String(result.getFileName())))),
                new DefaultProblemFactory(Locale.ENGLISH));
        compiler.compile(units.toArray(ICompilationUnit[]::new));
        for (String file : sources.keySet()) {
            out.put(file, byFile.getOrDefault(file, new Unit(file, Map.of(), List.of())));
        }
        return out;
    }

    private static Unit unit(Path dir, CompilationResult result, String text) {
        String file = new String(result.getFileName());
        List<Problem> problems = new ArrayList<>();
        if (result.getProblems() != null) {
            for (CategorizedProblem p : result.getProblems()) {
                int line = p.getSourceLineNumber();
                int column = p instanceof DefaultProblem d ? d.getSourceColumnNumber() : 0;
                int start = p.getSourceStart();
                if (text != null && start >= 0 && start <= text.length()) {
                    // from the offset: problems found after parsing (an unresolved name in a lambda)
                    // can come with line 1 and the offset as their column
                    line = 1;
                    int lineStart = 0;
                    for (int i = 0; i < start; i++) {
                        if (text.charAt(i) == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                    }
                    column = start - lineStart + 1;
                }
                Problem.Severity severity = p.isError() ? Problem.Severity.ERROR : Problem.Severity.WARNING;
                problems.add(new Problem(severity, dir.resolve(file), line, null, p.getMessage(), column));
            }
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (ClassFile c : result.getClassFiles()) {
            StringBuilder name = new StringBuilder();
            for (char[] part : c.getCompoundName()) {
                name.append(name.length() == 0 ? "" : ".").append(part);
            }
            classes.put(name.toString(), c.getBytes());
        }
        return new Unit(file, classes, problems);
    }

    /** Java 17 source and class files; debug information kept, so a stack trace names the source line. */
    private static Map<String, String> options() {
        Map<String, String> o = new HashMap<>();
        o.put(CompilerOptions.OPTION_Source, CompilerOptions.VERSION_17);
        o.put(CompilerOptions.OPTION_Compliance, CompilerOptions.VERSION_17);
        o.put(CompilerOptions.OPTION_TargetPlatform, CompilerOptions.VERSION_17);
        o.put(CompilerOptions.OPTION_LineNumberAttribute, CompilerOptions.GENERATE);
        o.put(CompilerOptions.OPTION_SourceFileAttribute, CompilerOptions.GENERATE);
        o.put(CompilerOptions.OPTION_LocalVariableAttribute, CompilerOptions.GENERATE);
        o.put(CompilerOptions.OPTION_Encoding, "UTF-8");
        // a user's function is not a library: unused imports and raw types are noise, not findings
        o.put(CompilerOptions.OPTION_ReportUnusedImport, CompilerOptions.IGNORE);
        o.put(CompilerOptions.OPTION_ReportRawTypeReference, CompilerOptions.IGNORE);
        o.put(CompilerOptions.OPTION_ReportUncheckedTypeOperation, CompilerOptions.IGNORE);
        o.put(CompilerOptions.OPTION_ReportUnusedLocal, CompilerOptions.IGNORE);
        o.put(CompilerOptions.OPTION_ReportUnusedPrivateMember, CompilerOptions.IGNORE);
        o.put(CompilerOptions.OPTION_ReportDeprecation, CompilerOptions.IGNORE);
        o.put(CompilerOptions.OPTION_ReportMissingSerialVersion, CompilerOptions.IGNORE);
        return o;
    }

    /** A cheap scan for the names a source declares, so the class path is never asked for them. */
    static Set<String> declaredTypes(String text) {
        Set<String> out = new HashSet<>();
        Matcher pm = PACKAGE.matcher(text);
        String pkg = pm.find() ? pm.group(1) + "." : "";
        Matcher tm = TYPE.matcher(text);
        while (tm.find()) {
            out.add(pkg + tm.group(1));
        }
        return out;
    }
}
