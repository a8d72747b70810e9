import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// User management (issue 12), for a role with the "user_management" permission (the administrator):
// the users with their roles, add a user (initial password, role, optional badge + PIN), disable / enable,
// delete (after a confirmation), change the role or the display name, reset a password, enrol or remove
// the TOTP authenticator. Own account: no delete, no role change (the model refuses too, with the reason).
// Station.access.users does the work off the GUI thread, checks the permission on every action and audits
// it; this panel only collects and shows.
// Opened from the sign-in panel ("Manage users"); centred over the ward, the alarm bar stays in view.
Popup {
    id: panel
    objectName: "userAdminPanel"
    readonly property var access: Station.access
    readonly property var admin: Station.access.users
    property string selected: ""
    property bool confirmingDelete: false
    // Re-evaluated when the list changes (count) or another user is selected.
    readonly property var selectedUser: admin.count >= 0 && selected.length > 0 ? admin.user(selected) : ({})
    // The role box and the display-name field start from the selected user (again after each change).
    onSelectedUserChanged: {
        roleBox.currentIndex = Math.max(0, admin.roleKeys.indexOf(selectedUser.roleKey || ""));
        displayNameField.text = selectedUser.displayName || "";
    }
    onSelectedChanged: confirmingDelete = false
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
    // A button that looks disabled when it is (the window palette has no disabled colours): dim text on
    // no fill with a faint border, against light text on a filled button. Keyboard focus: a blue border.
    component Action: Button {
        id: action
        property bool danger: false
        implicitHeight: Theme.touchTarget
        font.family: Theme.fontFamily
        font.pixelSize: 16
        contentItem: Text {
            text: action.text
            font: action.font
            color: !action.enabled ? Theme.stale : action.danger ? Theme.error : Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }
        background: Rectangle {
            implicitWidth: 100
            radius: 4
            color: !action.enabled ? "transparent" : action.down ? "#2c3a48" : "#1e2a36"
            border.width: action.visualFocus ? 2 : 1
            border.color: action.visualFocus ? Theme.focus
                        : !action.enabled ? "#1c242d"
                        : action.danger ? Theme.error : "#3a4a5a"
        }
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
    // Up / Down in the list: the previous / next user (the list's own current item is not used, so a
    // refresh never changes who is selected).
    function selectStep(step) {
        let row = -1;
        for (let i = 0; i < admin.count; ++i)
            if (admin.nameAt(i) === selected)
                row = i;
        const next = Math.max(0, Math.min(admin.count - 1, row < 0 ? 0 : row + step));
        if (admin.count > 0 && admin.nameAt(next) !== selected) {
            selected = admin.nameAt(next);
            admin.cancelEnrolment();
            list.positionViewAtIndex(next, ListView.Contain);
        }
    }
    function applyDisplayName() {
        if (!admin.busy && displayNameField.text !== (selectedUser.displayName || ""))
            admin.setDisplayName(selected, displayNameField.text);
    }
    onOpened: { admin.refresh(); newName.forceActiveFocus(); }
    onClosed: { clearSecrets(); admin.cancelEnrolment(); confirmingDelete = false; }
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
            if (ok && action === "user_delete" && user === panel.selected)
                panel.selected = "";
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
                activeFocusOnTab: true
                keyNavigationEnabled: false
                Keys.onUpPressed: panel.selectStep(-1)
                Keys.onDownPressed: panel.selectStep(1)
                // Keyboard focus on the list: a blue frame (Up / Down choose the user).
                Rectangle {
                    z: 2
                    anchors.fill: parent
                    color: "transparent"
                    visible: list.activeFocus
                    border.color: Theme.focus
                    border.width: 2
                    radius: 6
                }
                delegate: Rectangle {
                    id: row
                    required property string name
                    required property string roleTitle
                    required property string displayName
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
                            text: row.displayName.length > 0 ? row.roleTitle + " \u00b7 " + row.displayName : row.roleTitle
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
                        onClicked: { panel.selected = row.name; panel.admin.cancelEnrolment(); list.forceActiveFocus(); } // qmllint disable unqualified
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
                        visible: !panel.confirmingDelete
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
                        Action {
                            objectName: "deleteUserButton"
                            Layout.fillWidth: true
                            danger: true
                            text: qsTr("Delete user\u2026")
                            enabled: !panel.admin.busy && panel.selected !== panel.access.userName
                            onClicked: {
                                panel.admin.cancelEnrolment();
                                panel.confirmingDelete = true;
                                cancelDelete.forceActiveFocus();
                            }
                        }
                    }
                    // Deleting asks once more; Cancel has the keyboard focus so Enter does not delete.
                    RowLayout {
                        Layout.fillWidth: true
                        visible: panel.confirmingDelete
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("Delete %1? They can no longer sign in; their audit records stay.").arg(panel.selected)
                            color: Theme.text
                            wrapMode: Text.Wrap
                            font.family: Theme.fontFamily
                            font.pixelSize: 15
                        }
                        Action {
                            objectName: "confirmDeleteButton"
                            danger: true
                            text: qsTr("Delete %1").arg(panel.selected)
                            enabled: !panel.admin.busy
                            onClicked: {
                                panel.confirmingDelete = false;
                                panel.admin.deleteUser(panel.selected);
                            }
                        }
                        Action {
                            id: cancelDelete
                            objectName: "cancelDeleteButton"
                            text: qsTr("Cancel")
                            onClicked: panel.confirmingDelete = false
                        }
                    }
                    Text {
                        objectName: "ownAccountNote"
                        Layout.fillWidth: true
                        visible: panel.selected === panel.access.userName
                        text: qsTr("This is your own account: another administrator deletes it or changes its role.")
                        color: Theme.textDim
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: 14
                    }
                    // Role and display name give way to the enrolment's QR code (the panel has room for one).
                    RowLayout {
                        Layout.fillWidth: true
                        visible: panel.admin.enrolUser.length === 0
                        ComboBox {
                            id: roleBox
                            objectName: "changeRoleBox"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchTarget
                            font.pixelSize: 16
                            model: panel.admin.roleTitles
                        }
                        Action {
                            objectName: "changeRoleButton"
                            text: qsTr("Change role")
                            enabled: !panel.admin.busy && panel.selected !== panel.access.userName
                                     && panel.admin.roleKeys[roleBox.currentIndex] !== panel.selectedUser.roleKey
                            onClicked: panel.admin.setRole(panel.selected, panel.admin.roleKeys[roleBox.currentIndex])
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: panel.admin.enrolUser.length === 0
                        Field {
                            id: displayNameField
                            objectName: "displayNameField"
                            Layout.fillWidth: true
                            maximumLength: 64
                            placeholderText: qsTr("Display name (optional)")
                            onAccepted: panel.applyDisplayName()
                        }
                        Action {
                            objectName: "changeDisplayNameButton"
                            text: qsTr("Change display name")
                            enabled: !panel.admin.busy && displayNameField.text !== (panel.selectedUser.displayName || "")
                            onClicked: panel.applyDisplayName()
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
