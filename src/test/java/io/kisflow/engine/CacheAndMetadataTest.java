package io.kisflow.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static io.kisflow.engine.Projects.chain;
import static io.kisflow.engine.Projects.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The flow cache with per-entry expiry, and the metadata maps of flows and functions. */
class CacheAndMetadataTest {
    @Test
    void cacheEntriesExpireAfterTheirOwnTtl() {
        AtomicLong now = new AtomicLong(1_000);
        FlowCache cache = new FlowCache(now::get);
        cache.set("short", "s", Duration.ofSeconds(1));
        cache.set("long", "l", Duration.ofSeconds(10));
        cache.set("forever", "f", Duration.ZERO);
        cache.set("alsoForever", "n", Duration.ofSeconds(-1));
        cache.set("nullTtl", "t", null);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals("s", cache.get("short"));
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertNull(cache.get("short"), "expired exactly at its ttl");
        assertEquals("l", cache.get("long"));
        now.addAndGet(Duration.ofDays(1000).toNanos());
        assertNull(cache.get("long"));
        assertEquals("f", cache.get("forever"));
        assertEquals("n", cache.get("alsoForever"));
        assertEquals("t", cache.get("nullTtl"));
        cache.set("forever", null, Duration.ZERO);
        assertNull(cache.get("forever"), "a null value removes the entry");
        cache.set("huge", "h", Duration.ofDays(365L * 1000));
        assertEquals("h", cache.get("huge"));
    }

    @Test
    void functionsSeeTheFlowsCacheAndMetadataAcrossRuns() throws Exception {
        KisPlugin plugin = pool -> pool.faas("A", flow -> {
            Integer runs = (Integer) flow.getCacheData("runs");
            flow.setCacheData("runs", runs == null ? 1 : runs + 1, Duration.ZERO);
            Integer calls = (Integer) flow.getThisFunction().getMetaData("calls");
            flow.getThisFunction().setMetaData("calls", calls == null ? 1 : calls + 1);
            flow.setMetaData("last", flow.input().get(0));
        });
        try (Engine engine = engine(chain("F", "A"), plugin)) {
            KisFlowRun flow = engine.flow("F");
            Projects.run(flow, "x");
            Projects.run(flow, "y");
            assertEquals(2, flow.getCacheData("runs"));
            assertEquals(2, flow.functions().get(0).getMetaData("calls"));
            assertEquals("y", flow.getMetaData("last"));
            flow.setMetaData("last", null);
            assertNull(flow.getMetaData("last"));
        }
    }
}
