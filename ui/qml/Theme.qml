pragma Singleton
import QtQuick

// Dark nurse-station theme: black background so traces and numbers carry the colour, text sizes for
// reading at 1 m or more, touch targets of at least 48 px.
QtObject {
    readonly property color background: "#000000"
    readonly property color tile: "#0b0f14"
    readonly property color tileBorder: "#26313d"
    readonly property color focus: "#4da3ff"
    readonly property color text: "#e8edf2"
    readonly property color textDim: "#9aa6b2"
    readonly property color stale: "#6d7782"
    readonly property color warning: "#ffb020"
    readonly property color ok: "#39e86b"
    readonly property color error: "#ff5a5a"
    readonly property color bar: "#111820"
    readonly property int touchTarget: 48
    readonly property string fontFamily: "DejaVu Sans"
}
