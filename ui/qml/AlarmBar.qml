import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The station-wide alarm indicator (IEC 60601-1-8: one indicator of the highest active priority, seen
// from 4 m; the specific condition and its priority legible at 1 m). It says what and where for the
// alarm shown: priority, bed, condition, value against its limit, patient; and how many conditions are
// still unacknowledged. `A` acknowledges the one shown; the station then shows the next unacknowledged.
//
// Sizes at the reference display (Theme.mmPerPx): the bed and condition line is 22 px bold, digits and
// capitals 4.4 mm; the value and patient line 17 px, 3.4 mm; the priority word 22 px bold.
//
// The text column keeps `minTextWidth`: the top bar collapses its source chips and hides the ward name
// before this column would shrink, and the ESCALATED badge sits in its own fixed cell.
Rectangle {
    id: bar
    objectName: "alarmBar"
    signal openCentre()
    readonly property int priority: Station.alarmBar.topPriority
    // The non-empty parts joined by a middle dot. (A function, not a method call on the array literal: Qt
    // 6.4's qmllint types an array literal as QVariantList and knows no JS Array methods on it.)
    function joinNonEmpty(parts) {
        return parts.filter(t => t.length > 0).join("  \u00B7  ");
    }
    readonly property bool on: Theme.alarmOn(priority)
    // What the top bar must leave to the text column: wide enough for "Bed 12 · SpO2 low" and
    // "85 < 90, now 92 · Doe, Jane" in full.
    readonly property int minTextWidth: 400
    // What the text would like: its full width at full size (capped; beyond that it wraps or shrinks).
    readonly property real textNeed: Math.min(760, Math.max(minTextWidth, textMetrics.advanceWidth + 4,
                                                            detailMetrics.advanceWidth + 4))
    TextMetrics { id: textMetrics; font.family: Theme.fontFamily; font.pixelSize: 22; font.bold: true; text: mainLine.text }
    TextMetrics { id: detailMetrics; font.family: Theme.fontFamily; font.pixelSize: 17; font.bold: true; text: detailLine.text }
    // The width of everything in the bar except the text column (for the top bar's collapse rule).
    readonly property real fixedWidth: row.anchors.leftMargin + row.anchors.rightMargin
                                       + prio.implicitWidth + escalatedBadge.implicitWidth
                                       + count.implicitWidth + ackButton.implicitWidth
                                       + audioButton.implicitWidth + centreButton.implicitWidth
                                       + 6 * row.spacing
    color: priority > Priority.None && on ? Theme.alarmColor(priority) : "#0b0f14"
    border.color: Theme.alarmColor(priority)
    border.width: priority > Priority.None ? 3 : 0
    radius: 6
    readonly property color ink: priority > Priority.None && on ? "black" : (priority > Priority.None ? Theme.alarmColor(priority) : Theme.textDim)

    readonly property string where: Station.alarmBar.topBed
    readonly property string condition: Station.alarmBar.topCondition || Station.alarmBar.topText
    readonly property string values: Station.alarmBar.topValues
    readonly property string patient: Station.alarmBar.topPatient
    readonly property int unacknowledged: Station.alarmBar.unacknowledgedCount

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 10
        anchors.rightMargin: 4
        spacing: 8

        Text {
            id: prio
            objectName: "alarmBarPriority"
            visible: bar.priority > Priority.None
            Layout.preferredWidth: visible ? implicitWidth : 0
            text: Theme.priorityName(bar.priority)
            color: bar.ink
            font.family: Theme.fontFamily
            font.pixelSize: 22
            font.bold: true
        }
        Item {
            id: textColumn
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumWidth: 160
            Text {
                id: mainLine
                objectName: "alarmBarText"
                width: parent.width
                // One line above the values and patient; two lines when there are none (a station
                // condition). Only when even that does not fit does the font come down, to 16 px at least.
                height: detailLine.visible ? Math.ceil(22 * 1.17) : parent.height
                anchors.top: parent.top
                anchors.topMargin: detailLine.visible ? Math.max(0, (parent.height - height - detailLine.height) / 2) : 0
                verticalAlignment: Text.AlignVCenter
                wrapMode: Text.Wrap
                fontSizeMode: Text.Fit
                minimumPixelSize: 16
                elide: Text.ElideRight
                text: bar.priority > Priority.None ? bar.where + "  \u00B7  " + bar.condition : qsTr("No active alarms")
                color: bar.ink
                font.family: Theme.fontFamily
                font.pixelSize: 22
                font.bold: bar.priority > Priority.None
            }
            Text {
                id: detailLine
                objectName: "alarmBarDetail"
                visible: bar.priority > Priority.None && text.length > 0
                anchors.top: mainLine.bottom
                width: parent.width
                elide: Text.ElideRight
                text: bar.joinNonEmpty([bar.values, bar.patient,
                                        Station.alarmBar.topAcknowledged ? qsTr("\u2713 acknowledged") : ""])
                color: bar.ink
                font.family: Theme.fontFamily
                font.pixelSize: 17
                font.bold: true
            }
        }
        Rectangle {
            id: escalatedBadge
            objectName: "escalatedBanner"
            visible: Station.alarmBar.escalated
            implicitWidth: visible ? escText.implicitWidth + 12 : 0
            Layout.preferredWidth: implicitWidth
            Layout.preferredHeight: 30
            color: "black"
            border.color: Theme.alarmHigh
            border.width: 2
            radius: 4
            Text {
                id: escText
                anchors.centerIn: parent
                text: qsTr("ESCALATED")
                color: Theme.alarmHigh
                font.family: Theme.fontFamily
                font.pixelSize: 14
                font.bold: true
            }
        }
        // How many conditions still wait for someone: the bar walks through them with `A`.
        Item {
            id: count
            objectName: "unacknowledgedCount"
            visible: bar.unacknowledged > 0
            implicitWidth: visible ? countColumn.implicitWidth : 0
            implicitHeight: countColumn.implicitHeight
            Layout.preferredWidth: implicitWidth
            Layout.alignment: Qt.AlignVCenter
            Column {
                id: countColumn
                Text {
                    id: countNumber
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: bar.unacknowledged
                    color: bar.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: 22
                    font.bold: true
                }
                Text {
                    id: countCaption
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("unack.")
                    color: bar.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: 12
                    font.bold: true
                }
            }
        }
        Button {
            id: ackButton
            objectName: "ackButton"
            Layout.preferredHeight: Theme.touchTarget
            Layout.minimumWidth: Theme.touchTarget
            //: Acknowledge the alarm (IEC 60601-1-8: the nurse has seen it; it stops the sound, the alarm stays). [A] = keyboard key, keep it
            text: qsTr("Ack [A]")
            enabled: Station.alarmBar.topId.length > 0 && !Station.alarmBar.topAcknowledged
            font.pixelSize: 15
            onClicked: Station.alarmBar.acknowledgeTop()
        }
        // While audio is paused the top bar's AUDIO PAUSED indicator (with its countdown) takes this
        // place and ends the pause when tapped.
        Button {
            id: audioButton
            objectName: "audioPauseButton"
            visible: !Station.audio.paused
            implicitWidth: visible ? implicitContentWidth + leftPadding + rightPadding : 0
            Layout.preferredHeight: Theme.touchTarget
            Layout.minimumWidth: visible ? Theme.touchTarget : 0
            //: Silence the alarm sound for a while (audio paused, IEC 60601-1-8); the alarms stay shown. [P] = keyboard key
            text: qsTr("Audio pause [P]")
            font.pixelSize: 15
            onClicked: Station.audio.toggle()
        }
        Button {
            id: centreButton
            objectName: "alarmCentreButton"
            Layout.preferredHeight: Theme.touchTarget
            Layout.minimumWidth: Theme.touchTarget
            text: qsTr("Alarms [L]")
            font.pixelSize: 15
            onClicked: bar.openCentre()
        }
    }
}
