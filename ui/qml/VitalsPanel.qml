pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// Validate vitals for the EHR (issue 11, docs/ADT.md "Charting"): the bed's current values with their
// times; the nurse may correct a value (a reason is then required) and sends them as validated
// (ORU^R01, OBX-11 F, OBX-16 her). Keyboard: Tab through the values, Enter sends, Escape closes.
Popup {
    id: panel
    objectName: "vitalsPanel"
    property string bedKey: ""
    property string bedLabel: ""
    property var vitals: []
    property string error: ""
    property bool sending: false
    parent: Overlay.overlay
    modal: true
    focus: true
    padding: 16
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.max(8, Math.round((parent.height - height) / 2)) : 0
    width: Math.min(parent ? parent.width - 16 : 760, 760)
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; border.width: 2; radius: 6 }

    function send() {
        const out = [];
        for (let i = 0; i < rows.count; ++i) {
            const row = rows.itemAt(i);
            if (!row || !row.include)
                continue;
            const v = panel.vitals[i];
            const typed = Number(row.valueText);
            if (isNaN(typed)) {
                panel.error = qsTr("%1: not a number").arg(v.label);
                return;
            }
            const entry = { key: v.key, value: typed, timeMs: v.timeMs };
            if (typed !== v.value) {
                entry.measured = v.value;
                entry.reason = row.reasonText;
            }
            out.push(entry);
        }
        panel.sending = true;
        Station.census.validateVitals(panel.bedKey, out);
    }

    onOpened: {
        vitals = Station.census.currentVitals(bedKey);
        error = vitals.length === 0 ? qsTr("No current vitals on this bed.") : "";
        sending = false;
    }

    Connections {
        target: Station.census
        function onActionFinished(action: string, ok: bool, reason: string) {
            if (!panel.visible || !panel.sending || action !== "validateVitals")
                return;
            panel.sending = false;
            if (ok)
                panel.close();
            else
                panel.error = reason;
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: 10
        Label {
            //: Title; %1 is the bed's label. Validated vitals go to the electronic health record
            text: qsTr("Validate vitals for the EHR \u2014 %1").arg(panel.bedLabel)
            font.pixelSize: 22
            font.bold: true
            color: "white"
        }
        Repeater {
            id: rows
            model: panel.vitals
            RowLayout {
                id: row
                required property var modelData
                required property int index
                property bool include: check.checked
                property alias valueText: value.text
                property alias reasonText: reason.text
                spacing: 8
                CheckBox { id: check; checked: true; Layout.preferredHeight: Theme.touchTarget }
                Label {
                    text: row.modelData.label
                    color: "white"
                    font.pixelSize: 16
                    Layout.preferredWidth: 90
                }
                TextField {
                    id: value
                    objectName: "vital_" + row.modelData.key
                    text: Number(row.modelData.value).toFixed(row.modelData.decimals)
                    font.pixelSize: 16
                    Layout.preferredWidth: 100
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    onAccepted: panel.send()
                }
                Label { text: row.modelData.unit; color: "white"; font.pixelSize: 14; Layout.preferredWidth: 60 }
                Label {
                    text: new Date(row.modelData.timeMs).toLocaleTimeString(Qt.locale(), "HH:mm:ss")
                    color: "#a0a8b0"
                    font.pixelSize: 14
                }
                TextField {
                    id: reason
                    visible: Number(value.text) !== Number(Number(row.modelData.value).toFixed(row.modelData.decimals))
                    //: Why the nurse corrected the measured value
                    placeholderText: qsTr("Reason for the correction")
                    font.pixelSize: 16
                    Layout.fillWidth: true
                }
            }
        }
        Label {
            visible: panel.error.length > 0
            text: panel.error
            color: "#ff8080"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            font.pixelSize: 16
        }
        RowLayout {
            spacing: 8
            Button {
                objectName: "vitalsSend"
                //: Confirm the vital signs and send them to the patient's record (EHR charting)
                text: qsTr("Validate and chart")
                enabled: panel.vitals.length > 0 && !panel.sending
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.send()
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
