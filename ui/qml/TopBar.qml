import QtQuick
import QtQuick.Layouts
import Vigil.Ui

// Station and ward, the alarm summary (filled by the alarm engine), data sources, and the clock.
Rectangle {
    id: bar
    signal openAlarmCentre()
    color: Theme.bar
    implicitHeight: 60
    // Changes at most 4 times a second (clock, alarm flashing): cached between changes.
    layer.enabled: true

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

        AlarmBar {
            id: alarmBar
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: 5
            Layout.bottomMargin: 5
            onOpenCentre: bar.openAlarmCentre()
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
