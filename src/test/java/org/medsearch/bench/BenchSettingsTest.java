package org.medsearch.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many searches a bench mix measures: the default, the smoke run's and an operator's {@code --calls}. */
class BenchSettingsTest {
    private static BenchSettings settings(boolean quick, int calls) {
        return new BenchSettings(Path.of("c"), Path.of("w"), null, List.of(1), quick, 1, 2, false,
                EnumSet.allOf(BenchSettings.Step.class), null, calls);
    }

    @Test
    void defaultMeasuresTenCallsPerQueryAndAtLeastTwoThousand() {
        assertEquals(2000, settings(false, 0).calls(78));
        assertEquals(2950, settings(false, 0).calls(295));
        assertEquals(50, settings(true, 0).calls(78));
    }

    @Test
    void callsGivenByTheOperatorWinOverTheDefault() {
        assertEquals(300, settings(false, 300).calls(78));
        assertEquals(300, settings(true, 300).calls(78));
    }
}
