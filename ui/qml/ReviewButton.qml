import QtQuick
import QtQuick.Controls
import Vigil.Ui

// A button of the review page: dark, at least a touch target high, a clear checked state (the selected
// range or tab) and a visible focus ring for keyboard use.
Button {
    id: control
    property color accent: Theme.focus
    implicitHeight: Theme.touchTarget
    implicitWidth: Math.max(Theme.touchTarget, contentItem.implicitWidth + 28)
    font.family: Theme.fontFamily
    font.pixelSize: 18
    focusPolicy: Qt.StrongFocus
    contentItem: Text {
        text: control.text
        font: control.font
        color: !control.enabled ? Theme.stale : control.checked ? "#000000" : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: 6
        color: control.checked ? control.accent : control.down ? "#2a3642" : control.hovered ? "#1f2a35" : "#18212b"
        border.width: control.visualFocus ? 3 : 1
        border.color: control.visualFocus ? "#ffffff" : Theme.tileBorder
    }
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()
}
