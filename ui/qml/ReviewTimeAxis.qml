import QtQuick
import Vigil.Ui

// Time labels under a chart or strip: local clock times at a round step chosen so labels never crowd
// (at least minSpacing px apart). `ticks` is exposed for grid lines drawn by the chart itself.
Item {
    id: axis
    property real start: 0 // ms since the epoch at x = 0
    property real end: 1   // at x = width
    property real minSpacing: 150
    property int fontSize: 16
    property color color: Theme.textDim
    readonly property real msPerPx: width > 0 ? (end - start) / width : 1
    readonly property real step: {
        const steps = [1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5, 432e5, 864e5];
        for (const s of steps) {
            if (s / msPerPx >= minSpacing)
                return s;
        }
        return steps[steps.length - 1];
    }
    readonly property var ticks: {
        if (!(end > start) || width <= 0)
            return [];
        // Round steps in local time: 06:00, not 05:00 UTC+1.
        const off = -new Date(start).getTimezoneOffset() * 60000;
        const out = [];
        let t = Math.ceil((start + off) / step) * step - off;
        for (; t <= end && out.length < 200; t += step)
            out.push(t);
        return out;
    }
    function label(t) {
        const d = new Date(t);
        if (step >= 36e5 && d.getHours() === 0 && d.getMinutes() === 0)
            return d.toLocaleDateString(Qt.locale(Station.ui.localeName), "ddd dd.MM.");
        return Qt.formatTime(d, step < 6e4 ? "HH:mm:ss" : "HH:mm");
    }
    implicitHeight: fontSize + 14

    Repeater {
        model: axis.ticks
        delegate: Item {
            required property real modelData
            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
            // `pragma ComponentBehavior: Bound` lets the tooling know).
            x: (modelData - axis.start) / axis.msPerPx // qmllint disable unqualified
            Rectangle { width: 2; height: 8; color: axis.color; x: -1 } // qmllint disable unqualified
            Text {
                y: 8
                // Centred on the tick, but kept inside the axis: a clipped time is worse than an offset one.
                x: Math.max(-parent.x, Math.min(axis.width - parent.x - implicitWidth, -implicitWidth / 2)) // qmllint disable unqualified
                text: axis.label(parent.modelData) // qmllint disable unqualified
                color: axis.color // qmllint disable unqualified
                font.family: Theme.fontFamily
                font.pixelSize: axis.fontSize // qmllint disable unqualified
            }
        }
    }
}
