package io.kisflow.designer.canvas;

/** What is under a point of the canvas: a card, a lane header, an empty part of a lane, a connector badge, or nothing. */
public sealed interface Hit {
    Hit NOTHING = new Nothing();

    record Nothing() implements Hit {
    }

    record Card(int lane, int index) implements Hit {
    }

    record Header(int lane) implements Hit {
    }

    record Lane(int lane) implements Hit {
    }

    record Badge(String cname) implements Hit {
    }
}
