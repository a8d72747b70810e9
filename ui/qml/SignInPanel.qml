import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// Sign-in (issue 12): user name + password, or badge + PIN on a touchscreen; the one-time code when the
// role needs it; TOTP enrolment with its QR code; the first administrator on a new station; lock and sign
// out. A panel under the top bar at the right edge: the alarm bar stays in view while it is open. The
// checks run off the GUI thread (Station.access); this panel only collects and shows.
Popup {
    id: panel
    objectName: "signInPanel"
    readonly property var access: Station.access
    property bool badgeMode: false
    width: 440
    padding: 16
    modal: false
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: "#0d131a"; border.color: Theme.focus; border.width: 2; radius: 8 }

    // Fields readable on the dark panel, touch-sized.
    component Field: TextField {
        id: field
        color: Theme.text
        placeholderTextColor: Theme.textDim
        font.family: Theme.fontFamily
        font.pixelSize: 18
        implicitHeight: Theme.touchTarget
        background: Rectangle {
            color: "#18212b"
            radius: 4
            border.color: field.activeFocus ? Theme.focus : Theme.tileBorder
            border.width: 2
        }
    }

    onOpened: (panel.badgeMode ? badge : userName).forceActiveFocus()

    function clearSecrets() {
        password.text = "";
        pin.text = "";
        code.text = "";
        adminPassword.text = "";
        enrolCode.text = "";
    }
    onClosed: { clearSecrets(); access.cancelSignIn(); }
    Connections {
        target: panel.access
        function onSessionChanged() {
            if (panel.access.signedIn && !panel.access.locked) {
                panel.clearSecrets();
                panel.close();
            }
        }
    }

    ColumnLayout {
        width: panel.availableWidth
        spacing: 10

        Text {
            Layout.fillWidth: true
            text: panel.access.needsFirstAdmin ? qsTr("New station: create the first administrator")
                  : panel.access.enrolUser.length > 0 ? qsTr("Enrol an authenticator for %1").arg(panel.access.enrolUser)
                  : panel.access.locked ? qsTr("Controls locked \u2014 sign in to unlock")
                  : panel.access.signedIn ? qsTr("Signed in: %1 (%2)").arg(panel.access.displayName).arg(panel.access.roleTitle)
                  : qsTr("Sign in")
            color: Theme.text
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: 20
            font.bold: true
        }

        // --- First start: the first administrator (no default password exists) ---
        ColumnLayout {
            visible: panel.access.needsFirstAdmin
            Layout.fillWidth: true
            Field { id: adminName; objectName: "adminName"; Layout.fillWidth: true; placeholderText: qsTr("User name") }
            Field {
                id: adminPassword
                objectName: "adminPassword"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("Password (8 characters or more)")
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Create administrator")
                enabled: !panel.access.busy && adminName.text.length > 0 && adminPassword.text.length >= 8
                onClicked: { panel.access.createFirstAdmin(adminName.text, adminPassword.text); adminPassword.text = ""; }
            }
        }

        // --- Enrolment: QR code, then one code to confirm ---
        ColumnLayout {
            visible: panel.access.enrolUser.length > 0
            Layout.fillWidth: true
            TotpQr {
                Layout.alignment: Qt.AlignHCenter
                rows: panel.access.enrolQr
            }
            Field {
                id: enrolCode
                objectName: "enrolCode"
                Layout.fillWidth: true
                inputMethodHints: Qt.ImhDigitsOnly
                maximumLength: 6
                placeholderText: qsTr("6-digit code from the app")
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Confirm")
                enabled: !panel.access.busy && enrolCode.text.length === 6
                onClicked: { panel.access.confirmEnrolment(enrolCode.text); enrolCode.text = ""; }
            }
        }

        // --- Sign in: password or badge + PIN, and the one-time code when asked ---
        ColumnLayout {
            visible: !panel.access.needsFirstAdmin && panel.access.enrolUser.length === 0
                     && (!panel.access.signedIn || panel.access.locked)
            Layout.fillWidth: true
            RowLayout {
                Layout.fillWidth: true
                Button {
                    Layout.fillWidth: true
                    text: qsTr("Password")
                    checkable: true
                    checked: !panel.badgeMode
                    onClicked: panel.badgeMode = false
                }
                Button {
                    Layout.fillWidth: true
                    //: Sign in with a staff badge (card) and a PIN
                    text: qsTr("Badge + PIN")
                    checkable: true
                    checked: panel.badgeMode
                    onClicked: panel.badgeMode = true
                }
            }
            Field {
                id: userName
                objectName: "signInUser"
                visible: !panel.badgeMode
                Layout.fillWidth: true
                text: panel.access.locked ? panel.access.userName : ""
                placeholderText: qsTr("User name")
            }
            Field {
                id: password
                objectName: "signInPassword"
                visible: !panel.badgeMode
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("Password")
                onAccepted: signInButton.clicked()
            }
            Field {
                id: badge
                objectName: "signInBadge"
                visible: panel.badgeMode
                Layout.fillWidth: true
                placeholderText: qsTr("Badge (scan or type)")
            }
            Field {
                id: pin
                objectName: "signInPin"
                visible: panel.badgeMode
                Layout.fillWidth: true
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                placeholderText: qsTr("PIN")
                onAccepted: signInButton.clicked()
            }
            Field {
                id: code
                objectName: "signInCode"
                visible: panel.access.needTotp
                Layout.fillWidth: true
                inputMethodHints: Qt.ImhDigitsOnly
                maximumLength: 6
                placeholderText: qsTr("One-time code")
                onAccepted: signInButton.clicked()
            }
            Button {
                id: signInButton
                objectName: "signInButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                text: panel.access.busy ? qsTr("Checking\u2026") : qsTr("Sign in")
                enabled: !panel.access.busy
                onClicked: panel.badgeMode ? panel.access.signInBadge(badge.text, pin.text, code.text)
                                           : panel.access.signIn(userName.text, password.text, code.text)
            }
        }

        // --- Signed in: lock now, sign out ---
        RowLayout {
            visible: panel.access.signedIn && !panel.access.locked
            Layout.fillWidth: true
            Button {
                objectName: "lockButton"
                Layout.fillWidth: true
                text: qsTr("Lock now")
                onClicked: { panel.access.lock(); panel.close(); }
            }
            Button {
                objectName: "signOutButton"
                Layout.fillWidth: true
                text: qsTr("Sign out")
                onClicked: { panel.access.signOut(); panel.close(); }
            }
        }

        // User management (administrator): opens the users screen.
        Button {
            objectName: "manageUsersButton"
            visible: panel.access.signedIn && !panel.access.locked && panel.access.can("user_management")
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            text: qsTr("Manage users\u2026")
            onClicked: { panel.close(); userAdmin.open(); }
        }
        UserAdminPanel {
            id: userAdmin
            parent: Overlay.overlay
        }

        Text {
            objectName: "signInMessage"
            Layout.fillWidth: true
            visible: text.length > 0
            text: panel.access.message
            color: Theme.warning
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: 15
        }
        Text {
            Layout.fillWidth: true
            visible: panel.access.autoLockS > 0 && panel.access.signedIn && !panel.access.locked
            text: qsTr("Locks after %1 min without input. Alarms always show and sound.").arg(Math.round(panel.access.autoLockS / 60))
            color: Theme.textDim
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: 13
        }
    }
}
