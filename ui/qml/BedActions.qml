import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// Alarm actions for one bed: acknowledge, alarm pause (with the time left), reset latched, and the alarm
// limits panel. Buttons wrap to a second line rather than cut their captions.
Flow {
    id: actions
    property int bedIndex: -1
    property var bed: null
    spacing: 8
    readonly property int pauseRemaining: bed ? (bed.alarmPauseRemaining || 0) : 0
    readonly property bool paused: bed ? (!!bed.alarmPaused || pauseRemaining > 0) : false

    Button {
        objectName: "ackBedButton"
        text: qsTr("Acknowledge bed [A]")
        font.pixelSize: 16
        height: Theme.touchTarget
        enabled: !!actions.bed && (actions.bed.alarmCount || 0) > 0 && !actions.bed.alarmAcknowledged
        onClicked: Station.acknowledgeBed(actions.bedIndex)
    }
    Button {
        objectName: "pauseBedButton"
        text: actions.paused ? qsTr("Resume alarms (paused %1)").arg(Theme.minSec(actions.pauseRemaining))
                             : qsTr("Pause bed alarms")
        font.pixelSize: 16
        height: Theme.touchTarget
        onClicked: actions.paused ? Station.resumeAlarms(actions.bedIndex) : Station.pauseAlarms(actions.bedIndex)
    }
    Button {
        objectName: "resetBedButton"
        text: qsTr("Reset latched")
        font.pixelSize: 16
        height: Theme.touchTarget
        onClicked: Station.resetBed(actions.bedIndex)
    }
    Button {
        objectName: "limitsButton"
        text: qsTr("Alarm limits\u2026") + (actions.bed && actions.bed.customLimits ? qsTr("  (custom)") : "")
        font.pixelSize: 16
        height: Theme.touchTarget
        onClicked: limitsPanel.open()
    }

    Button {
        objectName: "handoverButton"
        text: qsTr("Handover\u2026")
        font.pixelSize: 16
        height: Theme.touchTarget
        onClicked: handoverPanel.open()
    }

    Button {
        objectName: "patientButton"
        //: Opens the bed's patient: admit, edit, transfer, discharge
        text: !!actions.stay.mrn ? qsTr("Patient…") : qsTr("Admit…")
        font.pixelSize: 16
        height: Theme.touchTarget
        onClicked: patientPanel.open()
    }
    Button {
        objectName: "vitalsButton"
        text: qsTr("Validate vitals…")
        font.pixelSize: 16
        height: Theme.touchTarget
        visible: !!actions.stay.mrn
        onClicked: vitalsPanel.open()
    }
    readonly property string bedKey: bed ? Station.beds.bedKey(bedIndex) : ""
    // The bed's stay (re-read when the census changes).
    readonly property var stay: Station.census.stays.length >= 0 ? Station.census.stayOfBed(bedKey) : ({})
    PatientPanel {
        id: patientPanel
        bedKey: actions.bedKey
        bedLabel: actions.bed ? actions.bed.label : ""
    }
    VitalsPanel {
        id: vitalsPanel
        bedKey: actions.bedKey
        bedLabel: actions.bed ? actions.bed.label : ""
    }

    HandoverPanel {
        id: handoverPanel
        bedIndex: actions.bedIndex
    }

    PrintMenuButton {
        bedKey: actions.bed ? Station.beds.bedKey(actions.bedIndex) : ""
        bedLabel: actions.bed ? actions.bed.label : ""
        text: qsTr("Print\u2026 [Ctrl+P]")
        shortcut: "Ctrl+P"
        entries: [{ kind: "patient", label: qsTr("Handover (shift report)") },
                  { kind: "strip", label: qsTr("Alarm strip (last 20 s)"), trigger: Date.now() - 22000 },
                  { kind: "events", label: qsTr("Event list") }]
    }

    LimitsPanel {
        id: limitsPanel
        bedIndex: actions.bedIndex
        bed: actions.bed
    }
}
