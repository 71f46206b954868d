package io.kisflow.designer.debug;

import io.kisflow.config.ConfigSet;
import io.kisflow.config.FlowConfig;
import io.kisflow.config.FlowStep;
import io.kisflow.config.FuncConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which results an edit makes stale: in every flow, the first card whose function, connector,
 * params or chain position changed, and so everything after it (its input may have changed).
 */
final class StaleMarker {
    private StaleMarker() {
    }

    /**
     * For each flow that exists before and after the edit: the first stale position. Flows with
     * nothing stale are absent. A flow whose chain merely grew at the end has nothing stale.
     */
    static Map<String, Integer> firstStale(ConfigSet before, ConfigSet after) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (FlowConfig now : after.flows().values()) {
            FlowConfig was = before.flow(now.flowName());
            if (was == null) {
                continue;
            }
            int first = was.status() != now.status() ? 0 : firstChainChange(was.flows(), now.flows());
            List<FlowStep> steps = now.flows();
            for (int p = 0; p < Math.min(first, steps.size()); p++) {
                if (functionChanged(before, after, steps.get(p).fname())) {
                    first = p;
                    break;
                }
            }
            if (first < Math.min(steps.size(), was.flows().size())) {
                out.put(now.flowName(), first);
            }
        }
        return out;
    }

    /** The first position where the chains differ (name or params); the shorter length when one extends the other. */
    static int firstChainChange(List<FlowStep> was, List<FlowStep> now) {
        int n = Math.min(was.size(), now.size());
        for (int p = 0; p < n; p++) {
            FlowStep a = was.get(p);
            FlowStep b = now.get(p);
            if (!a.fname().equals(b.fname()) || !a.params().equals(b.params())) {
                return p;
            }
        }
        return was.size() == now.size() ? Integer.MAX_VALUE : n;
    }

    static boolean functionChanged(ConfigSet before, ConfigSet after, String fname) {
        FuncConfig was = before.func(fname);
        FuncConfig now = after.func(fname);
        if (!Objects.equals(was, now)) {
            return true;
        }
        if (now == null || !now.hasConnector()) {
            return false;
        }
        String cname = now.option().cname();
        return !Objects.equals(before.conn(cname), after.conn(cname));
    }
}
