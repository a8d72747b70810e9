import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// User management (issue 12), for a role with the "user_management" permission (the administrator):
// the users with their roles, add a user (initial password, role, optional badge + PIN), disable / enable,
// reset a password, enrol or remove the TOTP authenticator. Station.access.users does the work off the GUI
// thread, checks the permission on every action and audits it; this panel only collects and shows.
// Opened from the sign-in panel ("Manage users"); centred over the ward, the alarm bar stays in view.
Popup {
    id: panel
    objectName: "userAdminPanel"
    readonly property var access: Station.access
    readonly property var admin: Station.access.users
    property string selected: ""
    // Re-evaluated when the list changes (count) or another user is selected.
    readonly property var selectedUser: admin.count >= 0 && selected.length > 0 ? admin.user(selected) : ({})
    width: Math.min(parent ? parent.width - 40 : 1100, 1100)
    height: Math.min(parent ? parent.height - 140 : 760, 760)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? Math.max(70, (parent.height - height) / 2) : 0
    padding: 16
    modal: false
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { color: "#0d131a"; border.color: Theme.focus; border.width: 2; radius: 8 }

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
    component Action: Button {
        implicitHeight: Theme.touchTarget
        font.family: Theme.fontFamily
        font.pixelSize: 16
    }
    component Tag: Rectangle {
        id: tag
        property alias text: tagText.text
        property color tint: Theme.textDim
        implicitWidth: tagText.implicitWidth + 12
        implicitHeight: 24
        radius: 4
        color: "transparent"
        border.color: tint
        Text {
            id: tagText
            anchors.centerIn: parent
            color: tag.tint
            font.family: Theme.fontFamily
            font.pixelSize: 13
        }
    }

    function clearSecrets() {
        newPassword.text = "";
        newPin.text = "";
        resetField.text = "";
        enrolCode.text = "";
    }
    onOpened: { admin.refresh(); newName.forceActiveFocus(); }
    onClosed: { clearSecrets(); admin.cancelEnrolment(); }
    // Signing out or locking closes the screen (the permission goes with the session).
    Connections {
        target: panel.access
        function onSessionChanged() {
            if (!panel.access.can("user_management"))
                panel.close();
        }
    }
    Connections {
        target: panel.admin
        function onDone(action, user, ok) {
            if (ok && action === "user_create") {
                newName.text = "";
                newBadge.text = "";
                panel.selected = user;
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("Users")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 22
                font.bold: true
            }
            Action {
                objectName: "userAdminClose"
                text: qsTr("Close")
                onClicked: panel.close()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 16

            // --- The list ---
            ListView {
                id: list
                objectName: "userList"
                Layout.preferredWidth: 420
                Layout.fillHeight: true
                clip: true
                model: panel.admin
                spacing: 4
                delegate: Rectangle {
                    id: row
                    required property string name
                    required property string roleTitle
                    required property bool hasTotp
                    required property bool hasBadge
                    required property bool disabled
                    required property bool locked
                    objectName: "userRow_" + row.name
                    width: ListView.view.width
                    height: 64
                    radius: 6
                    // Lines marked "disable unqualified": qmllint 6.4 reports ids of the enclosing document read
                    // from a delegate; the runtime finds them through the creation context.
                    color: panel.selected === row.name ? "#1d3350" : "#18212b" // qmllint disable unqualified
                    border.color: panel.selected === row.name ? Theme.focus : Theme.tileBorder // qmllint disable unqualified
                    border.width: 2
                    Column {
                        anchors.left: parent.left
                        anchors.leftMargin: 12
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: 2
                        Text {
                            text: row.name
                            color: row.disabled ? Theme.stale : Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: 18
                            font.bold: true
                        }
                        Text {
                            text: row.roleTitle
                            color: Theme.textDim
                            font.family: Theme.fontFamily
                            font.pixelSize: 14
                        }
                    }
                    Row {
                        anchors.right: parent.right
                        anchors.rightMargin: 10
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: 6
                        //: Two-factor sign-in (a TOTP authenticator) is enrolled
                        Tag { visible: row.hasTotp; text: qsTr("2FA"); tint: Theme.ok }
                        //: The user has a staff badge for quick sign-in
                        Tag { visible: row.hasBadge; text: qsTr("Badge") }
                        Tag { visible: row.disabled; text: qsTr("Disabled"); tint: Theme.error }
                        //: Locked out after too many failed sign-ins
                        Tag { visible: row.locked; text: qsTr("Locked out"); tint: Theme.warning }
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: { panel.selected = row.name; panel.admin.cancelEnrolment(); } // qmllint disable unqualified
                    }
                }
                Text {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: panel.admin.available ? qsTr("No users") : qsTr("User management is not available on this station.")
                    color: Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: 16
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 8

                // --- Add a user ---
                Text {
                    text: qsTr("Add a user")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: 18
                    font.bold: true
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 8
                    rowSpacing: 8
                    Field { id: newName; objectName: "newUserName"; Layout.fillWidth: true; placeholderText: qsTr("User name") }
                    ComboBox {
                        id: newRole
                        objectName: "newUserRole"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget
                        font.pixelSize: 16
                        model: panel.admin.roleTitles
                        currentIndex: 0
                    }
                    Field {
                        id: newPassword
                        objectName: "newUserPassword"
                        Layout.fillWidth: true
                        echoMode: TextInput.Password
                        placeholderText: qsTr("Initial password (8 characters or more)")
                    }
                    Field { id: newBadge; objectName: "newUserBadge"; Layout.fillWidth: true; placeholderText: qsTr("Badge (optional)") }
                    Field {
                        id: newPin
                        objectName: "newUserPin"
                        Layout.fillWidth: true
                        visible: newBadge.text.length > 0
                        echoMode: TextInput.Password
                        inputMethodHints: Qt.ImhDigitsOnly
                        placeholderText: qsTr("PIN for the badge")
                    }
                    Action {
                        objectName: "addUserButton"
                        Layout.fillWidth: true
                        Layout.columnSpan: newPin.visible ? 1 : 2
                        text: qsTr("Add user")
                        enabled: !panel.admin.busy && newName.text.length > 0 && newPassword.text.length >= 8
                        onClicked: {
                            panel.admin.addUser(newName.text, panel.admin.roleKeys[newRole.currentIndex],
                                                newPassword.text, newBadge.text, newPin.text);
                            newPassword.text = "";
                            newPin.text = "";
                        }
                    }
                }

                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.tileBorder }

                // --- The selected user ---
                Text {
                    text: panel.selected.length > 0 ? qsTr("User %1").arg(panel.selected) : qsTr("Select a user in the list")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: 18
                    font.bold: true
                }
                ColumnLayout {
                    visible: panel.selected.length > 0
                    Layout.fillWidth: true
                    spacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        Action {
                            objectName: "toggleDisabledButton"
                            Layout.fillWidth: true
                            text: panel.selectedUser.disabled ? qsTr("Enable") : qsTr("Disable")
                            enabled: !panel.admin.busy
                            onClicked: panel.admin.setDisabled(panel.selected, !panel.selectedUser.disabled)
                        }
                        Action {
                            objectName: "enrolTotpButton"
                            Layout.fillWidth: true
                            text: panel.selectedUser.hasTotp ? qsTr("Re-enrol 2FA") : qsTr("Enrol 2FA")
                            enabled: !panel.admin.busy
                            onClicked: panel.admin.enrolTotp(panel.selected)
                        }
                        Action {
                            objectName: "removeTotpButton"
                            Layout.fillWidth: true
                            text: qsTr("Remove 2FA")
                            enabled: !panel.admin.busy && panel.selectedUser.hasTotp === true
                            onClicked: panel.admin.removeTotp(panel.selected)
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Field {
                            id: resetField
                            objectName: "resetPasswordField"
                            Layout.fillWidth: true
                            echoMode: TextInput.Password
                            placeholderText: qsTr("New password (8 characters or more)")
                        }
                        Action {
                            objectName: "resetPasswordButton"
                            text: qsTr("Reset password")
                            enabled: !panel.admin.busy && resetField.text.length >= 8
                            onClicked: { panel.admin.resetPassword(panel.selected, resetField.text); resetField.text = ""; }
                        }
                    }
                    // Enrolment: the user scans the code and types one code to confirm.
                    RowLayout {
                        visible: panel.admin.enrolUser.length > 0
                        Layout.fillWidth: true
                        spacing: 12
                        TotpQr {
                            objectName: "adminTotpQr"
                            Layout.preferredWidth: 220
                            Layout.preferredHeight: 220
                            rows: panel.admin.enrolQr
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            Field {
                                id: enrolCode
                                objectName: "adminEnrolCode"
                                Layout.fillWidth: true
                                inputMethodHints: Qt.ImhDigitsOnly
                                maximumLength: 6
                                placeholderText: qsTr("6-digit code from the app")
                            }
                            Action {
                                objectName: "adminEnrolConfirm"
                                Layout.fillWidth: true
                                text: qsTr("Confirm")
                                enabled: !panel.admin.busy && enrolCode.text.length === 6
                                onClicked: { panel.admin.confirmEnrolment(enrolCode.text); enrolCode.text = ""; }
                            }
                            Action {
                                Layout.fillWidth: true
                                text: qsTr("Cancel")
                                onClicked: panel.admin.cancelEnrolment()
                            }
                        }
                    }
                }
                Item { Layout.fillHeight: true }
                Text {
                    objectName: "userAdminMessage"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: panel.admin.busy ? qsTr("Working\u2026") : panel.admin.message
                    color: Theme.warning
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: 15
                }
            }
        }
    }
}
