package io.kisflow.designer.properties;

import io.kisflow.config.FuncConfig;
import io.kisflow.designer.code.CodeEdits;
import io.kisflow.designer.document.ProjectDocument;
import io.kisflow.designer.edit.ConnectorEdits;
import io.kisflow.designer.edit.FunctionEdits;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fields of a function config: name, mode, source name and must fields, connector, retry
 * times, retry interval (YAML {@code return_duration}) and default params.
 */
public final class FunctionProperties {
    private final ProjectDocument doc;
    private final Supplier<String> subject;
    public final FieldModel name;
    public final FieldModel mode;
    public final FieldModel sourceName;
    public final FieldModel must;
    public final FieldModel connector;
    public final FieldModel retryTimes;
    public final FieldModel retryInterval;
    public final ParamsModel defaultParams;
    /**
     * For a function with code in the project's sources: whether renaming it renames its code too (the
     * file and class when named after it, and the name it registers). Off, only the config is renamed
     * and the code keeps registering the old name (the name field warns so). On by default.
     */
    public final javafx.beans.property.BooleanProperty renameCode = new javafx.beans.property.SimpleBooleanProperty(this, "renameCode", true);
    private final Function<String, String> codeFile;

    FunctionProperties(ProjectDocument doc, Supplier<String> subject, Supplier<Set<String>> implemented,
                       Function<String, String> codeFile) {
        this.doc = doc;
        this.subject = subject;
        this.codeFile = codeFile;
        // a function with code in the project's sources is renamed with its code (file, class and
        // registered name) when the user keeps "Rename its code too" ticked; either way one undo step
        name = FieldModel.committedOnEnter(doc, "func.fname", "Name (fname)", () -> func() == null ? null : func().fname(),
                t -> {
                    String file = codeFile.apply(subject.get());
                    return file == null || !renameCode.get() ? FunctionEdits.rename(subject.get(), t) : CodeEdits.renameWithCode(subject.get(), t, file);
                });
        // the code registers a function by its name: renaming only the config cuts the cards off from it
        name.setWarning(t -> {
            String old = subject.get();
            String file = old == null ? null : codeFile.apply(old);
            if (file != null && !t.strip().equals(old) && !t.isBlank()) {
                return renameCode.get()
                        ? "Enter renames " + old + " and its code with it: " + file + " registers " + t.strip()
                        + " instead (file and class follow when named after the function). Escape keeps " + old + "."
                        : "Enter renames only the config: " + file + " stays as it is and still registers " + old + ", so "
                        + t.strip() + " has no code until you change it (tick 'Rename its code too' to rename both). Escape keeps " + old + ".";
            }
            return old != null && implemented.get().contains(old) && !implemented.get().contains(t.strip())
                    ? "The plugin code registers " + old + ", not " + t.strip() + ": after this rename its cards have no code"
                    + " until the code registers the new name. Enter renames anyway; Escape keeps " + old + "."
                    : "";
        });
        renameCode.addListener((o, was, now) -> name.recheck());
        mode = field("func.fmode", "Mode (fmode)", FuncConfig::fmode, t -> FunctionEdits.setMode(subject.get(), t));
        mode.setOptions(FuncConfig.MODES);
        sourceName = field("func.source.name", "Source name", f -> f.source().name(),
                t -> FunctionEdits.update(subject.get(), "Set source name of " + subject.get(), f -> f.withSource(f.source().withName(t))));
        must = field("func.source.must", "Must fields (comma-separated)", f -> String.join(", ", f.source().must()),
                t -> {
                    List<String> names = Parse.names(t, "Must fields");
                    return FunctionEdits.update(subject.get(), "Set must fields of " + subject.get(), f -> f.withSource(f.source().withMust(names)));
                });
        connector = field("func.option.cname", "Connector (option.cname)", f -> f.option().cname(),
                t -> t.isEmpty() ? ConnectorEdits.unbind(subject.get()) : ConnectorEdits.bind(subject.get(), t));
        retryTimes = field("func.option.retry_times", "Retry times", f -> String.valueOf(f.option().retryTimes()),
                t -> {
                    int v = Parse.nonNegativeInt(t, "Retry times");
                    return FunctionEdits.update(subject.get(), "Set retry times of " + subject.get(), f -> f.withOption(f.option().withRetryTimes(v)));
                });
        retryInterval = field("func.option.return_duration", "Retry interval, ms (return_duration)", f -> String.valueOf(f.option().returnDuration()),
                t -> {
                    int v = Parse.nonNegativeInt(t, "Retry interval");
                    return FunctionEdits.update(subject.get(), "Set retry interval of " + subject.get(), f -> f.withOption(f.option().withReturnDuration(v)));
                });
        defaultParams = new ParamsModel(doc, "func.option.default_params", "Default params",
                () -> func() == null ? null : func().option().defaultParams(),
                m -> FunctionEdits.update(subject.get(), "Set default params of " + subject.get(), f -> f.withOption(f.option().withDefaultParams(m))));
    }

    private FieldModel field(String id, String label, Function<FuncConfig, String> get, Function<String, io.kisflow.designer.edit.Edit> write) {
        return new FieldModel(doc, id, label, () -> func() == null ? null : get.apply(func()), write);
    }

    /** The function shown, or null when its config is missing (a card naming an unknown function). */
    public FuncConfig func() {
        String fname = subject.get();
        return fname == null ? null : doc.state().configs().func(fname);
    }

    /** The source file holding the shown function's code (functions/Name.java), or null when it has none. */
    public String codeFile() {
        String fname = subject.get();
        return fname == null ? null : codeFile.apply(fname);
    }

    public String subject() {
        return subject.get();
    }

    /** Creates the missing config of a card's function (as a Calculate function). */
    public boolean createConfig() {
        String fname = subject.get();
        return fname != null && doc.perform(FunctionEdits.add(FuncConfig.of(fname, "Calculate")));
    }

    public List<FieldModel> fields() {
        return List.of(name, mode, sourceName, must, connector, retryTimes, retryInterval);
    }

    void refresh(boolean force) {
        List<String> conns = new ArrayList<>();
        conns.add("");
        conns.addAll(doc.state().configs().conns().keySet());
        connector.setOptions(conns);
        fields().forEach(f -> f.refresh(force));
        defaultParams.refresh(force);
    }
}
