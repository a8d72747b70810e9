import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// Alarm actions for one bed (acknowledge, alarm pause, reset latched) and its alarm limits. A limit change
// is a user action: the engine audits who changed what, when.
ColumnLayout {
    id: actions
    property int bedIndex: -1
    property var bed: null
    spacing: 8

    RowLayout {
        spacing: 8
        Button {
            objectName: "ackBedButton"
            text: qsTr("Acknowledge bed [A]")
            font.pixelSize: 16
            Layout.preferredHeight: Theme.touchTarget
            enabled: actions.bed && actions.bed.alarmCount > 0 && !actions.bed.alarmAcknowledged
            onClicked: Station.acknowledgeBed(actions.bedIndex)
        }
        Button {
            objectName: "pauseBedButton"
            text: actions.bed && actions.bed.alarmPaused ? qsTr("Resume alarms") : qsTr("Pause bed alarms")
            font.pixelSize: 16
            Layout.preferredHeight: Theme.touchTarget
            onClicked: actions.bed && actions.bed.alarmPaused ? Station.resumeAlarms(actions.bedIndex)
                                                              : Station.pauseAlarms(actions.bedIndex)
        }
        Button {
            objectName: "resetBedButton"
            text: qsTr("Reset latched")
            font.pixelSize: 16
            Layout.preferredHeight: Theme.touchTarget
            onClicked: Station.resetBed(actions.bedIndex)
        }
    }

    Text {
        text: qsTr("Alarm limits")
        color: Theme.textDim
        font.family: Theme.fontFamily
        font.pixelSize: 16
    }
    Text {
        id: limitError
        objectName: "limitError"
        visible: text.length > 0
        color: Theme.warning
        font.pixelSize: 15
    }
    Repeater {
        model: [
            { key: "hr", label: "HR", step: 5 }, { key: "spo2", label: "SpO\u2082", step: 1 },
            { key: "rr", label: "RR", step: 1 }, { key: "nibp_sys", label: "NIBP sys", step: 5 },
            { key: "temp", label: "Temp", step: 0.5 }
        ]
        delegate: RowLayout {
            id: limitRow
            required property var modelData
            property var lim: Station.limits(actions.bedIndex, modelData.key)
            spacing: 6
            function fmt(v) { return isNaN(v) ? qsTr("off") : Number(v).toFixed(modelData.step < 1 ? 1 : 0) }
            function change(which, delta) {
                const low = which === "low" ? (isNaN(lim.low) ? 0 : lim.low + delta) : lim.low;
                const high = which === "high" ? (isNaN(lim.high) ? 0 : lim.high + delta) : lim.high;
                limitError.text = Station.setLimit(actions.bedIndex, modelData.key, low, high);
                lim = Station.limits(actions.bedIndex, modelData.key);
            }
            Text { text: limitRow.modelData.label; color: WavePalette.colorFor(limitRow.modelData.key); font.pixelSize: 17; Layout.preferredWidth: 90 }
            Button { text: "\u2212"; font.pixelSize: 18; Layout.preferredWidth: 48; Layout.preferredHeight: 44; onClicked: limitRow.change("low", -limitRow.modelData.step) }
            Text { text: limitRow.fmt(limitRow.lim.low); color: Theme.text; font.pixelSize: 17; horizontalAlignment: Text.AlignHCenter; Layout.preferredWidth: 56 }
            Button { text: "+"; font.pixelSize: 18; Layout.preferredWidth: 48; Layout.preferredHeight: 44; onClicked: limitRow.change("low", limitRow.modelData.step) }
            Text { text: "\u2013"; color: Theme.textDim; font.pixelSize: 17 }
            Button { text: "\u2212"; font.pixelSize: 18; Layout.preferredWidth: 48; Layout.preferredHeight: 44; onClicked: limitRow.change("high", -limitRow.modelData.step) }
            Text { text: limitRow.fmt(limitRow.lim.high); color: Theme.text; font.pixelSize: 17; horizontalAlignment: Text.AlignHCenter; Layout.preferredWidth: 56 }
            Button { text: "+"; font.pixelSize: 18; Layout.preferredWidth: 48; Layout.preferredHeight: 44; onClicked: limitRow.change("high", limitRow.modelData.step) }
        }
    }
}
