import QtQuick
import Vigil.Ui

// NIBP is episodic: sys/dia (mean) with the time it was measured beside the label, so a nurse knows how
// old it is even while it is current. An inline NumericBox (see there for stale, blanked and alarm forms).
NumericBox {
    property real sys: NaN
    property real dia: NaN
    property real mean: NaN
    key: "nibp"
    label: "NIBP" // the standard label, not translated
    unit: "mmHg"
    inline: true
    showTime: true
    triple: [sys, dia, mean]
    color: "#f0f0f0"
}
