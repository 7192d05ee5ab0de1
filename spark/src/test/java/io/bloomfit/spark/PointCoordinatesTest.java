package io.bloomfit.spark;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.Sides;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A point crosses to an executor (Java serialization) and comes back the same point, options and key included. */
class PointCoordinatesTest {

    @Test
    void pointsWithAndWithoutOptionsTravelUnchanged() throws Exception {
        GridPoint plain = new GridPoint("bloom", "xxh64", 0.5, 2, Sides.BOTH, 1, 8);
        GridPoint hybrid = new GridPoint("bloom-hybrid", "xxh64", 0.5, 2, Sides.ITEMS, 0, 7,
                PluginOptions.of(Map.of("hotShare", 0.25, "coldFloor", 0.2)));
        for (GridPoint point : new GridPoint[] {plain, hybrid}) {
            GridPoint back = travel(PointCoordinates.of(point)).point();
            assertThat(back).isEqualTo(point);
            assertThat(back.key()).isEqualTo(point.key());
        }
    }

    private static PointCoordinates travel(PointCoordinates coordinates) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(coordinates);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PointCoordinates) in.readObject();
        }
    }
}
