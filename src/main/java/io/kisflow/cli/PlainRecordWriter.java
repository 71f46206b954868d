package io.kisflow.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a plain record row (components of type int, long, double, boolean, their boxes or String,
 * named by the component or its {@code @JsonProperty}) with the generator calls Jackson's
 * serializers make for those types, without Jackson's bean serializer in between (a property
 * writer, a null check and a serializer lookup per field: most of the time a level of records took
 * to write). The typed functions of a flow usually commit such records (StuScore's averages).
 *
 * <p>Only where the bytes are certainly Jackson's: a record with any Jackson annotation but
 * {@code @JsonProperty} (plain name) and {@code @JsonIgnoreProperties} is left to Jackson, and the
 * first row of each class is written both ways and compared (an interface's getter, a property
 * order Jackson chooses otherwise): when they differ, Jackson writes that class from then on.
 *
 * <pre>{@code PlainRecordWriter w = PlainRecordWriter.of(row, mapper);
 * if (w == null || !w.write(generator, row)) mapper.writeValue(generator, row);}</pre>
 */
final class PlainRecordWriter {
    /** Annotations that do not change how Jackson writes a record of such components. */
    private static final Set<Class<? extends Annotation>> NEUTRAL = Set.of(JsonProperty.class, JsonIgnoreProperties.class, Deprecated.class);
    /** The decision per class, made once per process (empty: Jackson writes it). */
    private static final Map<Class<?>, Optional<PlainRecordWriter>> KNOWN = new ConcurrentHashMap<>();

    /** A component's type: a primitive (read without boxing) or an object that may be null. */
    private enum Kind { INT, LONG, DOUBLE, BOOLEAN, BOXED_INT, BOXED_LONG, BOXED_DOUBLE, BOXED_BOOLEAN, STRING }

    private final SerializedString[] names;
    private final Kind[] kinds;
    /**
     * The accessors as handles typed (Object)int, (Object)long, (Object)double, (Object)boolean or
     * (Object)Object by kind: a primitive is read without the box reflection makes (a million rows of
     * records were 60-120 MB of boxes and value arrays, and the collections they caused).
     */
    private final MethodHandle[] accessors;

    private PlainRecordWriter(SerializedString[] names, Kind[] kinds, MethodHandle[] accessors) {
        this.names = names;
        this.kinds = kinds;
        this.accessors = accessors;
    }

    /** Where one thread reads a row's values before writing them (a row is written whole or not at all). */
    static final class Scratch {
        private long[] longs = new long[8];
        private double[] doubles = new double[8];
        private Object[] objects = new Object[8];

        void fit(int n) {
            if (longs.length < n) {
                longs = new long[n];
                doubles = new double[n];
                objects = new Object[n];
            }
        }
    }

    /** The writer for rows of {@code sample}'s class, or null when Jackson must write them. */
    static PlainRecordWriter of(Object sample, ObjectMapper mapper) {
        return KNOWN.computeIfAbsent(sample.getClass(), type -> Optional.ofNullable(checked(type, sample, mapper))).orElse(null);
    }

    private static PlainRecordWriter checked(Class<?> type, Object sample, ObjectMapper mapper) {
        PlainRecordWriter writer = introspect(type);
        if (writer == null) {
            return null;
        }
        try {
            ByteArrayOutputStream direct = new ByteArrayOutputStream();
            boolean written;
            try (JsonGenerator g = mapper.createGenerator(direct)) {
                written = writer.write(g, sample, new Scratch());
            }
            return written && Arrays.equals(direct.toByteArray(), mapper.writeValueAsBytes(sample)) ? writer : null;
        } catch (IOException | RuntimeException e) {
            return null; // Jackson writes it, and says what is wrong with it
        }
    }

    private static PlainRecordWriter introspect(Class<?> type) {
        if (!type.isRecord() || !neutral(type.getAnnotations())) {
            return null;
        }
        JsonIgnoreProperties ignored = type.getAnnotation(JsonIgnoreProperties.class);
        if (ignored != null && ignored.value().length > 0) {
            return null; // names properties not to write
        }
        RecordComponent[] components = type.getRecordComponents();
        SerializedString[] names = new SerializedString[components.length];
        Kind[] kinds = new Kind[components.length];
        MethodHandle[] accessors = new MethodHandle[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                kinds[i] = kind(c.getType());
                Annotation[][] placed = {c.getAnnotations(), c.getAccessor().getAnnotations(), type.getDeclaredField(c.getName()).getAnnotations()};
                String name = c.getName();
                for (Annotation[] annotations : placed) {
                    if (kinds[i] == null || !neutral(annotations)) {
                        return null;
                    }
                    for (Annotation a : annotations) {
                        if (a instanceof JsonProperty p && (p.access() != JsonProperty.Access.AUTO || p.index() != JsonProperty.INDEX_UNKNOWN)) {
                            return null;
                        } else if (a instanceof JsonProperty p && !p.value().isEmpty()) {
                            name = p.value();
                        }
                    }
                }
                names[i] = new SerializedString(name);
                Method accessor = c.getAccessor();
                accessor.setAccessible(true); // as Jackson does: plugin records are often package-private
                Class<?> read = c.getType().isPrimitive() ? c.getType() : Object.class;
                accessors[i] = MethodHandles.lookup().unreflect(accessor).asType(MethodType.methodType(read, Object.class));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return new PlainRecordWriter(names, kinds, accessors);
    }

    /**
     * Writes {@code row} (of this writer's class) as one JSON object; false, with nothing written,
     * when an accessor throws (Jackson then writes the row and words the error).
     */
    boolean write(JsonGenerator g, Object row, Scratch scratch) throws IOException {
        int n = accessors.length;
        scratch.fit(n);
        long[] longs = scratch.longs;
        double[] doubles = scratch.doubles;
        Object[] objects = scratch.objects;
        try {
            for (int i = 0; i < n; i++) {
                MethodHandle get = accessors[i];
                switch (kinds[i]) {
                    case INT -> longs[i] = (int) get.invokeExact(row);
                    case LONG -> longs[i] = (long) get.invokeExact(row);
                    case DOUBLE -> doubles[i] = (double) get.invokeExact(row);
                    case BOOLEAN -> longs[i] = (boolean) get.invokeExact(row) ? 1 : 0;
                    default -> objects[i] = (Object) get.invokeExact(row);
                }
            }
        } catch (Throwable e) {
            if (e instanceof Error error) {
                throw error; // out of memory, a stack overflow: not the row's fault
            }
            java.util.Arrays.fill(objects, 0, n, null);
            return false;
        }
        g.writeStartObject(row);
        for (int i = 0; i < n; i++) {
            g.writeFieldName(names[i]);
            Object v = objects[i];
            switch (kinds[i]) {
                case INT -> g.writeNumber((int) longs[i]);
                case LONG -> g.writeNumber(longs[i]);
                case DOUBLE -> g.writeNumber(doubles[i]);
                case BOOLEAN -> g.writeBoolean(longs[i] != 0);
                case BOXED_INT -> {
                    if (v == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber((Integer) v);
                    }
                }
                case BOXED_LONG -> {
                    if (v == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber((Long) v);
                    }
                }
                case BOXED_DOUBLE -> {
                    if (v == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber((Double) v);
                    }
                }
                case BOXED_BOOLEAN -> {
                    if (v == null) {
                        g.writeNull();
                    } else {
                        g.writeBoolean((Boolean) v);
                    }
                }
                default -> g.writeString((String) v); // writes null as null
            }
            objects[i] = null; // the scratch holds no row after it
        }
        g.writeEndObject();
        return true;
    }

    private static Kind kind(Class<?> c) {
        if (c == int.class) {
            return Kind.INT;
        }
        if (c == long.class) {
            return Kind.LONG;
        }
        if (c == double.class) {
            return Kind.DOUBLE;
        }
        if (c == boolean.class) {
            return Kind.BOOLEAN;
        }
        if (c == Integer.class) {
            return Kind.BOXED_INT;
        }
        if (c == Long.class) {
            return Kind.BOXED_LONG;
        }
        if (c == Double.class) {
            return Kind.BOXED_DOUBLE;
        }
        if (c == Boolean.class) {
            return Kind.BOXED_BOOLEAN;
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
}
