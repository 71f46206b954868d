package io.kisflow.config;

import java.util.List;
import java.util.Map;

/**
 * A function ({@code kistype: func}): its name, mode ({@code fmode}, one of {@link #MODES}), the
 * source description and options. The mode is kept as the exact YAML text so that files round-trip
 * unchanged; the loader reports values outside {@link #MODES}.
 *
 * <pre>{@code FuncConfig.of("AvgStuScore", "Calculate")}</pre>
 */
public record FuncConfig(String fname, String fmode, Source source, FuncOption option, Map<String, Object> extra) {
    /** The five modes, spelled as in YAML. */
    public static final List<String> MODES = List.of("Verify", "Save", "Load", "Calculate", "Expand");

    public FuncConfig {
        fname = Values.text(fname);
        fmode = Values.text(fmode);
        source = source == null ? Source.EMPTY : source;
        option = option == null ? FuncOption.EMPTY : option;
        extra = Values.map(extra);
    }

    public static FuncConfig of(String fname, String fmode) {
        return new FuncConfig(fname, fmode, Source.EMPTY, FuncOption.EMPTY, Map.of());
    }

    /** Save and Load functions exchange rows with storage through a connector. */
    public boolean isStorageMode() {
        return "Save".equals(fmode) || "Load".equals(fmode);
    }

    public boolean hasConnector() {
        return !option.cname().isEmpty();
    }

    public FuncConfig withFname(String v) {
        return new FuncConfig(v, fmode, source, option, extra);
    }

    public FuncConfig withFmode(String v) {
        return new FuncConfig(fname, v, source, option, extra);
    }

    public FuncConfig withSource(Source v) {
        return new FuncConfig(fname, fmode, v, option, extra);
    }

    public FuncConfig withOption(FuncOption v) {
        return new FuncConfig(fname, fmode, source, v, extra);
    }
}
