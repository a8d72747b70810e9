import QtQuick
import Vigil.Ui

// "Restarted at 14:02 after an unexpected stop": the station was restarted by its supervisor (systemd)
// after a crash or a power cut; the archive holds the technical event. Tap to dismiss.
Rectangle {
    id: note
    objectName: "restartNote"
    property bool dismissed: false
    visible: Station.ui.restartNote.length > 0 && !dismissed
    implicitWidth: text.implicitWidth + 24
    implicitHeight: Math.max(Theme.touchTarget, text.implicitHeight + 12)
    radius: 6
    color: "#2a2110"
    border.color: Theme.warning
    border.width: 2
    Text {
        id: text
        anchors.centerIn: parent
        text: Station.ui.restartNote
        color: Theme.warning
        font.family: Theme.fontFamily
        font.pixelSize: 16
        font.bold: true
    }
    MouseArea {
        anchors.fill: parent
        onClicked: note.dismissed = true
    }
}
