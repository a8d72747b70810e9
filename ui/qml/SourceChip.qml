import QtQuick
import QtQuick.Controls
import Vigil.Ui

// One data source in the top bar: a state dot, its name, and an INSECURE badge for plaintext links.
Rectangle {
    id: chip
    required property string name
    required property string state
    required property bool secure
    required property string lastError
    required property string url
    required property var since
    required property var messages
    required property var errors
    required property var resends
    required property var lastMessage
    radius: 6
    color: "#18212b"
    border.color: chip.state === "error" ? Theme.error : "transparent"
    implicitWidth: row.implicitWidth + 20
    implicitHeight: Theme.touchTarget

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

    // Tap for the link's details: what support staff ask first when a bed goes quiet.
    MouseArea {
        anchors.fill: parent
        onClicked: details.open()
    }
    Popup {
        id: details
        objectName: "sourceDetails"
        y: chip.height + 4
        x: Math.min(0, (chip.parent ? chip.parent.width : 0) - width)
        padding: 12
        background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; radius: 6 }
        Column {
            spacing: 4
            Repeater {
                model: [
                    qsTr("Address: %1%2").arg(chip.url).arg(chip.secure ? qsTr(" (TLS)") : qsTr(" (plaintext)")),
                    qsTr("State: %1 since %2").arg(chip.state).arg(Qt.formatTime(chip.since, "HH:mm:ss")),
                    qsTr("Messages: %1   Errors: %2   Resent: %3").arg(chip.messages).arg(chip.errors).arg(chip.resends),
                    qsTr("Last message: %1").arg(chip.lastMessage ? Qt.formatTime(chip.lastMessage, "HH:mm:ss") : qsTr("none")),
                    chip.lastError.length ? qsTr("Last error: %1").arg(chip.lastError) : ""
                ]
                delegate: Text {
                    required property string modelData
                    visible: modelData.length > 0
                    text: modelData
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: 16
                    width: Math.min(implicitWidth, 640)
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
