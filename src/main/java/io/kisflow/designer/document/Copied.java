package io.kisflow.designer.document;

import io.kisflow.config.FlowConfig;
import io.kisflow.config.FuncConfig;

import java.util.Map;

/** What Copy put on the designer's clipboard: a function (with the params of the card it came from) or a whole flow. */
public sealed interface Copied {
    record Function(FuncConfig func, Map<String, String> params) implements Copied {
    }

    record Flow(FlowConfig flow) implements Copied {
    }
}
