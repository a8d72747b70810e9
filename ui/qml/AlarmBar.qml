import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The station-wide alarm indicator: the highest active priority (flashing per IEC 60601-1-8, visible
// from across the room), the most important alarm with its bed, and the actions a nurse needs in one tap:
// acknowledge, audio pause (with its countdown), the alarm centre.
Rectangle {
    id: bar
    objectName: "alarmBar"
    signal openCentre()
    readonly property int priority: Station.topAlarmPriority
    readonly property bool on: Theme.alarmOn(priority)
    color: priority > 0 && on ? Theme.alarmColor(priority) : "#0b0f14"
    border.color: Theme.alarmColor(priority)
    border.width: priority > 0 ? 3 : 0
    radius: 6
    readonly property color ink: priority > 0 && on ? "black" : (priority > 0 ? Theme.alarmColor(priority) : Theme.textDim)

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 10
        anchors.rightMargin: 6
        spacing: 10
        Text {
            objectName: "alarmBarText"
            Layout.fillWidth: true
            elide: Text.ElideRight
            text: bar.priority > 0
                  ? Theme.priorityName(bar.priority) + "   " + Station.topAlarmBed + "   " + Station.topAlarmText
                    + (Station.signallingCount > 1 ? qsTr("   (+%1 more)").arg(Station.signallingCount - 1) : "")
                    + (Station.topAlarmAcknowledged ? qsTr("   \u2713 acknowledged") : "")
                  : qsTr("No active alarms")
            color: bar.ink
            font.family: Theme.fontFamily
            font.pixelSize: 20
            font.bold: bar.priority > 0
        }
        Rectangle {
            visible: Station.escalated
            objectName: "escalatedBanner"
            color: "black"
            border.color: Theme.alarmHigh
            border.width: 2
            radius: 4
            Layout.preferredHeight: 34
            Layout.preferredWidth: escText.implicitWidth + 16
            Text {
                id: escText
                anchors.centerIn: parent
                text: qsTr("ESCALATED")
                color: Theme.alarmHigh
                font.family: Theme.fontFamily
                font.pixelSize: 16
                font.bold: true
            }
        }
        Button {
            objectName: "ackButton"
            Layout.preferredHeight: Theme.touchTarget - 6
            text: qsTr("Acknowledge [A]")
            enabled: Station.topAlarmId.length > 0 && !Station.topAlarmAcknowledged
            font.pixelSize: 15
            onClicked: Station.acknowledgeTop()
        }
        Button {
            objectName: "audioPauseButton"
            Layout.preferredHeight: Theme.touchTarget - 6
            text: Station.audioPaused
                  ? qsTr("Audio paused %1:%2 [P]").arg(Math.floor(Station.audioPauseRemaining / 60))
                        .arg(("0" + Station.audioPauseRemaining % 60).slice(-2))
                  : qsTr("Audio pause [P]")
            highlighted: Station.audioPaused
            font.pixelSize: 15
            onClicked: Station.audioPaused ? Station.cancelAudioPause() : Station.pauseAudio()
        }
        Button {
            objectName: "alarmCentreButton"
            Layout.preferredHeight: Theme.touchTarget - 6
            text: qsTr("Alarms (%1) [L]").arg(Station.alarms.count)
            font.pixelSize: 15
            onClicked: bar.openCentre()
        }
    }
}
