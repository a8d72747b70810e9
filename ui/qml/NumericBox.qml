import QtQuick
import Vigil.Ui

// One numeric: label and unit, the value in the parameter's colour. A value that has not been refreshed
// within its expected period turns grey and says since when; it is never shown as if current.
Item {
    id: box
    property string key
    property string label
    property string unit
    property real value: NaN
    property bool stale: true
    property var time
    property int decimals: 0
    property real valueSize: 40
    property color color: WavePalette.colorFor(key)
    readonly property bool hasValue: !isNaN(value)
    readonly property bool current: hasValue && !stale

    implicitWidth: Math.max(labelText.implicitWidth, valueText.implicitWidth)
    implicitHeight: labelText.implicitHeight + valueText.implicitHeight + (staleText.visible ? staleText.implicitHeight : 0)

    Text {
        id: labelText
        anchors.left: parent.left
        anchors.top: parent.top
        text: box.label + (box.unit.length ? "  " + box.unit : "")
        color: box.current ? box.color : Theme.stale
        font.family: Theme.fontFamily
        font.pixelSize: Math.max(12, box.valueSize * 0.34)
        elide: Text.ElideRight
        width: Math.min(implicitWidth, box.width)
    }
    Text {
        id: valueText
        objectName: "value_" + box.key
        anchors.left: parent.left
        anchors.top: labelText.bottom
        text: box.hasValue ? box.value.toFixed(box.decimals) : "--"
        color: box.current ? box.color : Theme.stale
        font.family: Theme.fontFamily
        font.pixelSize: box.valueSize
        font.bold: box.current
        font.italic: box.hasValue && box.stale
    }
    Text {
        id: staleText
        objectName: "stale_" + box.key
        visible: box.hasValue && box.stale
        anchors.left: valueText.right
        anchors.leftMargin: 4
        anchors.baseline: valueText.baseline
        text: qsTr("old %1").arg(box.time ? Qt.formatTime(box.time, "HH:mm") : "")
        color: Theme.warning
        font.family: Theme.fontFamily
        font.pixelSize: Math.max(11, box.valueSize * 0.28)
    }
}
