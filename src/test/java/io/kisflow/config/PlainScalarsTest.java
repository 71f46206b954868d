package io.kisflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Unquoted values get the types Go's yaml.v3 gives them. */
class PlainScalarsTest {
    @Test
    void yamlCoreTypes() {
        assertNull(PlainScalars.value("~"));
        assertNull(PlainScalars.value("null"));
        assertNull(PlainScalars.value(""));
        assertEquals(true, PlainScalars.value("True"));
        assertEquals(false, PlainScalars.value("FALSE"));
        assertEquals("yes", PlainScalars.value("yes"), "YAML 1.2: yes is text");
        assertEquals(42L, PlainScalars.value("42"));
        assertEquals(-7L, PlainScalars.value("-7"));
        assertEquals(31L, PlainScalars.value("0x1F"));
        assertEquals(15L, PlainScalars.value("0o17"));
        assertEquals(511L, PlainScalars.value("0777"), "Go still reads a leading 0 as octal");
        assertEquals(5L, PlainScalars.value("0b101"));
        assertEquals(1000L, PlainScalars.value("1_000"));
        assertEquals(new BigInteger("18446744073709551615"), PlainScalars.value("18446744073709551615"));
        assertEquals(1.5, PlainScalars.value("1.5"));
        assertEquals(0.5, PlainScalars.value(".5"));
        assertEquals(8.0, PlainScalars.value("08"), "not octal, so yaml.v3 falls back to a float");
        assertEquals(1e21, PlainScalars.value("1e21"));
        assertEquals(Double.POSITIVE_INFINITY, PlainScalars.value(".inf"));
        assertEquals(Double.NaN, PlainScalars.value(".NaN"));
        assertEquals("2024-01-02", PlainScalars.value("2024-01-02"));
        assertEquals("1.2.3", PlainScalars.value("1.2.3"));
        assertEquals("+", PlainScalars.value("+"));
        assertEquals("0x", PlainScalars.value("0x"));
        assertEquals("١٢", PlainScalars.value("١٢"), "only ASCII digits make numbers");
    }

    @Test
    void yaml11LookalikesAreRecognisedForQuoting() {
        assertEquals(true, PlainScalars.isOldBool("Yes"));
        assertEquals(true, PlainScalars.isOldTrue("on"));
        assertEquals(false, PlainScalars.isOldTrue("n"));
        assertEquals(true, PlainScalars.isBase60Number("190:20:30"));
        assertEquals(true, PlainScalars.isBase60Number("1:30.5"));
        assertEquals(false, PlainScalars.isBase60Number("1:70"));
        assertEquals(false, PlainScalars.isBase60Number("127.0.0.1:6379"));
    }
}
