package io.kisflow.engine;

/**
 * A bundle of function and connector code. Implementations are discovered with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/io.kisflow.engine.KisPlugin} file in the
 * jar or class folder) and asked to register their code in a {@link Pool}.
 *
 * <pre>{@code public final class MyPlugin implements KisPlugin {
 *     public void register(Pool pool) {
 *         pool.faas("Upper", flow -> { for (Object row : flow.input()) flow.commitRow(row.toString().toUpperCase()); });
 *     }
 * }}</pre>
 */
public interface KisPlugin {
    void register(Pool pool);
}
