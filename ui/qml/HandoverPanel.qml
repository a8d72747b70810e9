pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The bed's I-PASS handover (issue 10): illness severity (stable / watcher / unstable) and the nurse's
// action list / notes. Saved with Station.setHandover (stored in the archive under the station's user); the
// shift reports print it.
Popup {
    id: panel
    objectName: "handoverPanel"
    property int bedIndex: -1
    property string severity: ""
    property string error: ""
    parent: Overlay.overlay
    modal: true
    focus: true
    padding: 16
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.max(8, Math.round((parent.height - height) / 2)) : 0
    width: Math.min(parent ? parent.width - 16 : 760, 760)
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; border.width: 2; radius: 6 }

    onOpened: {
        const h = Station.handover(bedIndex);
        severity = h.severity || "";
        notes.text = h.notes || "";
        error = "";
    }

    ColumnLayout {
        width: parent.width
        spacing: 12
        Label {
            //: Shift handover report (nurse to nurse); I-PASS is the name of the handover method, keep it
            text: qsTr("Handover (I-PASS)")
            font.pixelSize: 22
            font.bold: true
            color: "white"
        }
        Label {
            text: qsTr("Illness severity")
            font.pixelSize: 16
            color: "white"
        }
        RowLayout {
            spacing: 8
            Repeater {
                model: ["stable", "watcher", "unstable"]
                Button {
                    required property string modelData
                    objectName: "severity_" + modelData
                    text: modelData
                    checkable: true
                    checked: panel.severity === modelData
                    font.pixelSize: 16
                    Layout.preferredHeight: Theme.touchTarget
                    onClicked: panel.severity = modelData
                }
            }
        }
        Label {
            text: qsTr("Action list and notes")
            font.pixelSize: 16
            color: "white"
        }
        TextArea {
            id: notes
            objectName: "handoverNotes"
            Layout.fillWidth: true
            Layout.preferredHeight: 160
            wrapMode: TextEdit.Wrap
            font.pixelSize: 16
        }
        Label {
            visible: panel.error.length > 0
            text: panel.error
            color: "#ff8080"
            font.pixelSize: 16
        }
        RowLayout {
            spacing: 8
            Button {
                objectName: "handoverSave"
                text: qsTr("Save")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: {
                    panel.error = Station.setHandover(panel.bedIndex, panel.severity, notes.text);
                    if (panel.error.length === 0)
                        panel.close();
                }
            }
            Button {
                text: qsTr("Cancel")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.close()
            }
        }
    }
}
