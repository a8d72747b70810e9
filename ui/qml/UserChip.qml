import QtQuick
import QtQuick.Controls
import Vigil.Ui

// Who is signed in (top bar): name and role, "Viewer" when nobody is, LOCKED when the controls locked.
// Locking shows here, in the top bar, and nowhere over the ward or the alarm bar: the live ward, the
// alarms and their sound go on exactly as before. Tap to sign in, unlock, lock or sign out.
Rectangle {
    id: chip
    objectName: "userChip"
    signal openSignIn()
    readonly property var access: Station.access
    visible: access.enforcing
    implicitWidth: visible ? Math.max(labels.implicitWidth + 24, 120) : 0
    implicitHeight: Theme.touchTarget
    radius: 6
    color: access.locked ? "#3a2a00" : "#18212b"
    border.color: access.locked ? Theme.warning : access.signedIn ? Theme.focus : Theme.tileBorder
    border.width: 2

    Column {
        id: labels
        anchors.centerIn: parent
        Text {
            objectName: "userChipName"
            anchors.horizontalCenter: parent.horizontalCenter
            text: chip.access.locked ? qsTr("\u{1F512} LOCKED") : chip.access.signedIn ? chip.access.displayName
                                                                                     : qsTr("Sign in")
            color: chip.access.locked ? Theme.warning : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: 16
            font.bold: true
        }
        Text {
            objectName: "userChipRole"
            anchors.horizontalCenter: parent.horizontalCenter
            //: The role shown under the user's name; "Viewer" when nobody is signed in
            text: chip.access.locked ? chip.access.displayName
                                     : chip.access.signedIn ? chip.access.roleTitle : qsTr("Viewer")
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: 12
        }
    }
    MouseArea {
        anchors.fill: parent
        onClicked: chip.openSignIn()
    }
}
