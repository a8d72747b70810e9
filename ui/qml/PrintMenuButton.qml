import QtQuick
import QtQuick.Controls
import Vigil.Ui

// "Print…": a menu of the reports that fit where it sits (bed view: handover, alarm strip, event list;
// review page: strip of the reviewed moment, full disclosure of the shown range; top bar: ward summary),
// each opening the print preview. Keyboard: Enter/Space opens the menu, arrows choose, Enter opens.
ReviewButton {
    id: button
    objectName: "printMenuButton"
    // Each entry: { kind, label, from, to, trigger } (times in ms since the epoch; 0 = the default).
    property var entries: []
    property string bedKey
    property string bedLabel
    property string shortcut // e.g. "Ctrl+P": opens the menu from anywhere in the window while visible
    readonly property alias preview: printPreview
    text: qsTr("Print\u2026")
    onClicked: menu.open()

    Shortcut {
        sequence: button.shortcut
        context: Qt.ApplicationShortcut // as Main.qml's A, P, L: one station window
        enabled: button.shortcut.length > 0 && button.visible && !printPreview.opened
        onActivated: menu.open()
    }

    Menu {
        id: menu
        objectName: "printMenu"
        y: button.height
        Repeater {
            model: button.entries
            delegate: MenuItem {
                required property var modelData
                required property int index
                objectName: "printEntry" + index
                text: modelData.label
                font.pixelSize: 18
                height: Theme.touchTarget
                onTriggered: printPreview.show(modelData.kind, button.bedKey, modelData.from || 0, modelData.to || 0, // qmllint disable unqualified
                                               modelData.trigger || 0,
                                               button.bedLabel.length ? modelData.label + "  \u00B7  " + button.bedLabel // qmllint disable unqualified
                                                                      : modelData.label)
            }
        }
    }

    PrintPreview {
        id: printPreview
        onClosed: button.forceActiveFocus()
    }
}
