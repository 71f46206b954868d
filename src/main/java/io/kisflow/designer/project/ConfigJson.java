package io.kisflow.designer.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kisflow.config.ConfigSet;

/**
 * A {@link ConfigSet} as JSON for the recovery copy: every record component by name, maps in their
 * order, unknown YAML keys with the same Java types the loader gives them (Long, Double, text,
 * lists, maps), so a restored set equals the one saved.
 */
final class ConfigJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    private ConfigJson() {
    }

    static Object toTree(ConfigSet set) {
        return MAPPER.convertValue(set, Object.class);
    }

    static ConfigSet fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("the recovery copy holds no configs");
        }
        return MAPPER.convertValue(tree, ConfigSet.class);
    }
}
