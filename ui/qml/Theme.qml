pragma Singleton
import QtQuick
import Vigil.Ui

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

    // IEC 60601-1-8 visual alarm signals: HIGH red flashing 2 Hz, MEDIUM yellow flashing 0.5 Hz, LOW cyan
    // steady, 50 % duty. Main.qml's flash timer drives the two phases so every indicator flashes in step.
    readonly property color alarmHigh: "#ff2d2d"
    readonly property color alarmMedium: "#ffd21f"
    readonly property color alarmLow: "#26c6da"
    property bool highOn: true
    property bool mediumOn: true
    // `priority` is a Priority value (Priority.None, .Low, .Medium, .High: the alarm engine's own enum).
    function alarmColor(priority) {
        return priority >= Priority.High ? alarmHigh : priority === Priority.Medium ? alarmMedium
             : priority === Priority.Low ? alarmLow : "transparent"
    }
    function alarmOn(priority) {
        return priority >= Priority.High ? highOn : priority === Priority.Medium ? mediumOn : priority === Priority.Low
    }
    // NEWS2 clinical response (0 zero, 1 low, 2 low-medium, 3 medium, 4 high): the RCP chart's bands,
    // in colours apart from the alarm indicators' red/yellow/cyan flashing (a score is not an alarm signal).
    function newsColor(response) {
        return response >= 4 ? "#d84315" : response === 3 ? "#ff9800" : response === 2 ? "#ffe082"
             : response === 1 ? "#81c784" : "#1c2630"
    }
    function priorityName(priority) {
        return priority >= Priority.High ? qsTr("HIGH") : priority === Priority.Medium ? qsTr("MED")
             : priority === Priority.Low ? qsTr("LOW") : ""
    }
    readonly property string fontFamily: "DejaVu Sans"

    // Reference display for every size quoted in mm in the QML comments and docs: a 24-inch 1920x1080
    // monitor, 92 dpi, 0.276 mm per px (a 15.6-inch 1280x800 panel is about 97 dpi, 0.262 mm per px, so
    // the same px size is 5 % smaller there). DejaVu Sans digits are 0.73 em tall, so a digit is
    // pixelSize * 0.73 * 0.276 mm = pixelSize * 0.20 mm.
    readonly property real mmPerPx: 25.4 / 92

    // "1:07": a countdown in minutes and seconds.
    function minSec(seconds) {
        const s = Math.max(0, Math.round(seconds || 0));
        return Math.floor(s / 60) + ":" + ("0" + s % 60).slice(-2);
    }
    // When a value was measured: "14:02" today, "3 Dec 14:02" on another day.
    function age(time) {
        if (!time || isNaN(time.getTime()))
            return "";
        const now = new Date();
        const today = time.getFullYear() === now.getFullYear() && time.getMonth() === now.getMonth()
                      && time.getDate() === now.getDate();
        return today ? Qt.formatTime(time, "HH:mm") : Qt.formatDateTime(time, "d MMM HH:mm");
    }
    function categoryName(category) {
        return category === "neonatal" ? qsTr("NEO") : category === "paediatric" ? qsTr("PAED")
             : category === "adult" ? qsTr("ADULT") : "";
    }
}
