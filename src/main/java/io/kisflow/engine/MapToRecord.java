package io.kisflow.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;

/**
 * Builds a record straight from a map row (the command line's {@code --json} rows, a function's
 * map commits) by calling its canonical constructor, for the plain records typed functions
 * usually declare: components of type int, long, double, boolean, their boxes or String, named by
 * the component or its {@code @JsonProperty}. Jackson's {@code convertValue} does the same through
 * a token buffer and a new deserialization context per row, about ten times the work.
 *
 * <p>It only takes the cases where the result is certainly Jackson's: every component's key is
 * present with a value of exactly the matching Java type (an Integer for an int; an Integer or Long
 * for a long; any of those or a Double for a double), keys it does not know are ignored (the
 * engine's mapper ignores unknown properties). Anything else (a missing key, a null, a string for
 * a number, a record with other Jackson annotations) returns {@code null}, and the caller asks
 * Jackson, whose result and error messages stay the reference. {@link #of} returns null for a type
 * this cannot handle at all.
 */
final class MapToRecord<T> {
    /** Annotations that do not change how Jackson reads a record's properties from a map. */
    private static final Set<Class<? extends Annotation>> NEUTRAL = Set.of(JsonProperty.class, JsonPropertyOrder.class,
            JsonIgnoreProperties.class, Deprecated.class);

    private enum Kind { INT, LONG, DOUBLE, BOOLEAN, STRING }

    private final String[] names;
    private final Kind[] kinds;
    /** Reflection, not a method handle: a handle held in a field is not inlined, and allocated each record through Unsafe. */
    private final Constructor<T> constructor;

    private MapToRecord(String[] names, Kind[] kinds, Constructor<T> constructor) {
        this.names = names;
        this.kinds = kinds;
        this.constructor = constructor;
    }

    /** The converter for {@code type}, or null when it is not a record this class can build exactly as Jackson does. */
    static <T> MapToRecord<T> of(Class<T> type) {
        if (!type.isRecord() || !neutral(type.getAnnotations()) || hasCreator(type)) {
            return null;
        }
        JsonIgnoreProperties ignored = type.getAnnotation(JsonIgnoreProperties.class);
        if (ignored != null && (ignored.value().length > 0 || ignored.allowGetters() || ignored.allowSetters())) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        String[] names = new String[components.length];
        Kind[] kinds = new Kind[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                kinds[i] = kind(types[i]);
                if (kinds[i] == null) {
                    return null;
                }
            }
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                // a component's annotations land on its field, accessor and constructor parameter, by their targets
                Annotation[][] placed = {c.getAnnotations(), c.getAccessor().getAnnotations(),
                        type.getDeclaredField(c.getName()).getAnnotations(), canonical.getParameters()[i].getAnnotations()};
                JsonProperty property = null;
                for (Annotation[] annotations : placed) {
                    if (!neutral(annotations)) {
                        return null;
                    }
                    for (Annotation a : annotations) {
                        if (a instanceof JsonProperty p) {
                            if (property != null && !property.equals(p)) {
                                return null;
                            }
                            property = p;
                        }
                    }
                }
                if (property != null && (property.access() != JsonProperty.Access.AUTO || !property.defaultValue().isEmpty())) {
                    return null;
                }
                names[i] = (property == null || property.value().isEmpty() ? c.getName() : property.value()).intern();
            }
            if (Set.copyOf(java.util.Arrays.asList(names)).size() != names.length) {
                return null;
            }
            canonical.setAccessible(true); // as Jackson does: plugin records are often package-private
            return new MapToRecord<>(names, kinds, canonical);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not accessible or not shaped as expected: Jackson does it
        }
    }

    /**
     * The record for {@code row}, or null when the row is not certainly converted as Jackson would
     * (the caller then asks Jackson). What the record's own constructor throws comes wrapped in an InvocationTargetException.
     */
    T convert(Map<?, ?> row) throws ReflectiveOperationException {
        Object[] args = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            Object v = row.get(names[i]);
            Object arg = v == null ? null : arg(kinds[i], v);
            if (arg == null) {
                return null;
            }
            args[i] = arg;
        }
        return constructor.newInstance(args);
    }

    /** The argument for a component of this kind (its box, as the constructor handle unboxes), or null. */
    private static Object arg(Kind kind, Object v) {
        switch (kind) {
            case INT:
                return v instanceof Integer ? v : null;
            case LONG:
                return v instanceof Long ? v : v instanceof Integer i ? Long.valueOf(i) : null;
            case DOUBLE:
                return v instanceof Double ? v : v instanceof Integer i ? Double.valueOf(i)
                        : v instanceof Long l ? Double.valueOf(l) : null;
            case BOOLEAN:
                return v instanceof Boolean ? v : null;
            default:
                return v instanceof String ? v : null;
        }
    }

    private static Kind kind(Class<?> c) {
        if (c == int.class || c == Integer.class) {
            return Kind.INT;
        }
        if (c == long.class || c == Long.class) {
            return Kind.LONG;
        }
        if (c == double.class || c == Double.class) {
            return Kind.DOUBLE;
        }
        if (c == boolean.class || c == Boolean.class) {
            return Kind.BOOLEAN;
        }
        return c == String.class ? Kind.STRING : null;
    }

    private static boolean neutral(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (!NEUTRAL.contains(a.annotationType())) {
                return false;
            }
        }
        return true;
    }

    /** A constructor or factory marked as Jackson's creator: Jackson would call it, not the canonical constructor. */
    private static boolean hasCreator(Class<?> type) {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (!neutral(c.getAnnotations())) {
                return true;
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && !neutral(m.getAnnotations())) {
                return true;
            }
        }
        return false;
    }
}
