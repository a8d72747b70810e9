import QtQuick
import Vigil.Ui

// NIBP is episodic: sys/dia (mean) with the time it was measured, so a nurse knows how old it is.
Item {
    id: box
    property real sys: NaN
    property real dia: NaN
    property real mean: NaN
    property bool stale: true
    property var time
    property real valueSize: 28
    readonly property bool hasValue: !isNaN(sys)
    readonly property bool current: hasValue && !stale
    readonly property color color: "#f0f0f0"
    implicitWidth: Math.max(head.implicitWidth, value.implicitWidth)
    implicitHeight: head.implicitHeight + value.implicitHeight

    Text {
        id: head
        text: qsTr("NIBP mmHg") + (box.hasValue && box.time ? "  " + Qt.formatTime(box.time, "HH:mm") : "")
        color: box.current ? box.color : Theme.stale
        font.family: Theme.fontFamily
        font.pixelSize: Math.max(12, box.valueSize * 0.45)
    }
    Text {
        id: value
        objectName: "value_nibp"
        anchors.top: head.bottom
        text: box.hasValue ? "%1/%2 (%3)".arg(box.sys.toFixed(0)).arg(box.dia.toFixed(0)).arg(isNaN(box.mean) ? "-" : box.mean.toFixed(0))
                           : "--/--"
        color: box.current ? box.color : Theme.stale
        font.family: Theme.fontFamily
        font.pixelSize: box.valueSize
        font.bold: box.current
        font.italic: box.hasValue && box.stale
    }
}
