import QtQuick
import QtQuick.Layouts
import Vigil.Ui

// Station and ward, the alarm summary (filled by the alarm engine), data sources, and the clock.
Rectangle {
    id: bar
    color: Theme.bar
    implicitHeight: 56

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        spacing: 16

        Column {
            Layout.alignment: Qt.AlignVCenter
            Text {
                text: Station.wardName
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 22
                font.bold: true
            }
            Text {
                text: Station.stationName
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: 14
            }
        }

        Rectangle {
            objectName: "alarmSummary"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: 6
            Layout.bottomMargin: 6
            radius: 6
            color: "#0b0f14"
            Text {
                anchors.centerIn: parent
                text: Station.alarmSummary.length > 0 ? Station.alarmSummary : qsTr("No active alarms")
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: 18
            }
        }

        Row {
            spacing: 8
            Layout.alignment: Qt.AlignVCenter
            Repeater {
                model: Station.sources
                delegate: SourceChip {}
            }
        }

        Text {
            id: clock
            objectName: "clock"
            Layout.alignment: Qt.AlignVCenter
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: 28
            font.bold: true
            text: Qt.formatTime(new Date(), "HH:mm:ss")
            Timer {
                interval: 1000
                running: true
                repeat: true
                onTriggered: clock.text = Qt.formatTime(new Date(), "HH:mm:ss")
            }
        }
    }
}
