import QtQuick
import Vigil.Ui

// One data source in the top bar: a state dot, its name, and an INSECURE badge for plaintext links.
Rectangle {
    id: chip
    required property string name
    required property string state
    required property bool secure
    required property string lastError
    radius: 6
    color: "#18212b"
    border.color: chip.state === "error" ? Theme.error : "transparent"
    implicitWidth: row.implicitWidth + 20
    implicitHeight: 36

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 8
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: 12; height: 12; radius: 6
            color: chip.state === "connected" || chip.state === "listening" ? Theme.ok
                 : chip.state === "connecting" ? Theme.warning : Theme.error
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            text: chip.name + (chip.state === "connected" || chip.state === "listening" ? "" : " \u2013 " + chip.state)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: 16
        }
        Rectangle {
            visible: !chip.secure
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.warning
            radius: 3
            width: insecure.implicitWidth + 8; height: insecure.implicitHeight + 2
            Text {
                id: insecure
                anchors.centerIn: parent
                text: qsTr("INSECURE")
                color: "black"
                font.family: Theme.fontFamily
                font.pixelSize: 12
                font.bold: true
            }
        }
    }
}
