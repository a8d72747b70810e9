import QtQuick
import Vigil.Ui

// One numeric, in one of two forms:
//   stacked (HR, SpO2):  label and unit on a line, the value below it, `valueSize` px;
//   inline (the rest):   label over unit (or measurement time) at the left, the value beside it.
// A value that has not been refreshed within its expected period is demoted: smaller (55-60 %), grey,
// italic, with "old 14:02" ("old 3 Dec 14:02" on another day) on its own line below, never over the digits.
// A value blanked by the device (lead off, sensor off) shows the reason instead of the last value. A value
// violating its limit sits on a block of its alarm priority's colour.
//
// The box's height does not depend on the state (current, stale, blanked), so a tile never reflows when
// a value goes stale; `labelSize` must be at most 0.45 x `valueSize` for the stale form to fit. Every
// text is laid out inside the box's width (`width` is set by the tile); nothing is elided.
Item {
    id: box
    objectName: "numeric_" + key
    property string key
    property string label
    property string unit
    property real value: NaN
    // For pressures: [sys, dia, mean] shown as "120/80 (93)"; `value` is then ignored.
    property var triple: null
    property bool stale: true
    property var time
    property bool showTime: false // NIBP: the measurement time sits where the unit would be
    property string blank: ""     // why the device blanked the value ("LEAD OFF"), or ""
    property int alarm: Priority.None // priority of a condition on this value (a Priority value)
    property int decimals: 0
    property bool inline: false
    property real valueSize: 40
    property real labelSize: Math.max(11, Math.round(valueSize * 0.4))
    property color color: WavePalette.colorFor(key)

    readonly property bool hasValue: triple ? !isNaN(triple[0]) : !isNaN(value)
    readonly property bool blanked: blank.length > 0
    readonly property bool isStale: hasValue && stale && !blanked
    readonly property bool current: hasValue && !stale && !blanked
    readonly property bool alarmed: alarm > Priority.None
    readonly property color ink: alarmed ? "black" : current ? color : Theme.stale
    readonly property string valueString: {
        if (!hasValue)
            return triple ? "--/--" : "--";
        if (triple)
            return "%1/%2 (%3)".arg(Number(triple[0]).toFixed(0)).arg(isNaN(triple[1]) ? "-" : Number(triple[1]).toFixed(0))
                               .arg(isNaN(triple[2]) ? "-" : Number(triple[2]).toFixed(0));
        return value.toFixed(decimals);
    }
    readonly property string ageString: qsTr("old %1").arg(Theme.age(time))
    readonly property string blankReason: blank.replace(/^(SPO2|SPO\u2082|ECG|NIBP|ABP|IBP|RESP|CO2|ETCO2|TEMP|PULSE|HR|RR)\s+/i, "")
    readonly property real lineFactor: 1.17 // DejaVu Sans: ascent + descent per px of size
    readonly property real smallSize: Math.max(9, Math.round(labelSize * 0.85))
    // Sized so "old 3 Dec 14:02" (8.7 em) fits the box's width.
    readonly property real ageSize: Math.max(8, Math.min(inline ? smallSize : labelSize, Math.floor(width / 8.2)))

    implicitHeight: inline ? Math.ceil(lineFactor * Math.max(labelSize + smallSize, valueSize))
                           : Math.ceil(lineFactor * labelSize) + Math.ceil(lineFactor * valueSize)
    implicitWidth: inline ? labelColumn.implicitWidth + 6 + valueText.implicitWidth
                          : Math.max(labelText.implicitWidth, valueText.implicitWidth)

    readonly property string stackedLabel: box.label + (box.unit.length ? "  " + box.unit : "")
    readonly property bool unitFits: box.inline || stackedMetrics.advanceWidth <= box.width
    TextMetrics {
        id: stackedMetrics
        font.family: Theme.fontFamily
        font.pixelSize: box.labelSize
        font.bold: true // the alarmed form's width, so the unit does not come and go with the alarm
        text: box.stackedLabel
    }

    Rectangle {
        objectName: "alarm_" + box.key
        visible: box.alarmed
        anchors.fill: parent
        anchors.margins: -1
        radius: 3
        color: Theme.alarmColor(box.alarm)
    }

    Column {
        id: labelColumn
        anchors.left: parent.left
        anchors.leftMargin: box.alarmed ? 2 : 0
        anchors.top: parent.top
        Text {
            id: labelText
            objectName: "label_" + box.key
            // Stacked: "Pulse  /min" on one line; in a cell too narrow for it (32 beds at 1280x800) the
            // unit goes, as on the small sectors of other centrals, rather than run into the next cell.
            text: box.inline ? box.label : (box.unitFits ? box.stackedLabel : box.label)
                  + (box.showTime && box.hasValue && !box.isStale ? "  " + Theme.age(box.time) : "")
            color: box.ink
            font.family: Theme.fontFamily
            font.pixelSize: box.labelSize
            font.bold: box.alarmed
        }
        Text {
            id: unitText
            objectName: "unit_" + box.key
            visible: box.inline && !box.isStale && !box.blanked
            // The measurement time: "14:02" today; from another day only its date ("3 Dec"), which fits
            // the label's width (a value that old is normally stale and says "old 3 Dec 14:02" instead).
            text: box.showTime ? (box.hasValue ? Theme.age(box.time).replace(/ \d\d:\d\d$/, "") : "") : box.unit
            color: box.ink
            font.family: Theme.fontFamily
            font.pixelSize: box.smallSize
        }
    }

    Text {
        id: valueText
        objectName: "value_" + box.key
        // Stacked: below the label. Inline: right of the label column (current), or beside the label on
        // the first line (stale, with the age on the second line).
        x: box.inline && !box.blanked ? labelColumn.x + labelColumn.width + 6 : labelColumn.x
        // (implicitHeight, not height: the blanked form's height depends on y.)
        y: box.blanked ? labelText.height : box.inline ? (box.isStale ? 0 : Math.max(0, (box.height - implicitHeight) / 2)) : labelText.height
        // A blank reason takes the value's place, below the label across the box's width, as large as
        // fits (two lines where there is room). The parameter's name is dropped from it ("SPO2 SENSOR
        // OFF" -> "SENSOR OFF"): the label beside it already says which parameter.
        width: box.blanked ? box.width - x - 2 : implicitWidth
        height: box.blanked ? box.height - y : implicitHeight
        wrapMode: box.blanked ? Text.WordWrap : Text.NoWrap
        text: box.blanked ? box.blankReason : box.valueString
        color: box.blanked ? (box.alarmed ? "black" : Theme.warning) : box.ink
        font.family: Theme.fontFamily
        font.pixelSize: box.blanked ? Math.max(box.labelSize, Math.round(box.valueSize * 0.5))
                                    : box.isStale ? (box.inline ? Math.min(Math.round(box.valueSize * 0.6), box.labelSize)
                                                                : Math.floor(Math.min(box.valueSize * 0.55, box.valueSize - box.ageSize - 1)))
                                                  : box.valueSize
        fontSizeMode: box.blanked ? Text.Fit : Text.FixedSize
        minimumPixelSize: 9
        font.bold: box.current || box.blanked || box.alarmed
        font.italic: box.isStale
    }
    Text {
        id: staleText
        objectName: "stale_" + box.key
        visible: box.isStale
        x: labelColumn.x
        y: box.inline ? Math.max(labelText.height, valueText.height) : valueText.y + valueText.height
        text: box.ageString
        color: box.alarmed ? "black" : Theme.warning
        font.family: Theme.fontFamily
        font.pixelSize: box.ageSize
    }
}
