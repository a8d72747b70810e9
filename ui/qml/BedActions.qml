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
        //: The bed's alarms are paused (alarm paused, IEC 60601-1-8: not signalled) for %1 more (mm:ss); press to turn them back on
        text: actions.paused ? qsTr("Resume alarms (paused %1)").arg(Theme.minSec(actions.pauseRemaining))
                             //: Turn this bed's alarms off for a few minutes (alarm paused: e.g. while washing the patient), not a pause in the ECG
                             : qsTr("Pause bed alarms")
        font.pixelSize: 16
        height: Theme.touchTarget
        onClicked: actions.paused ? Station.resumeAlarms(actions.bedIndex) : Station.pauseAlarms(actions.bedIndex)
    }
    Button {
        objectName: "resetBedButton"
        //: Clear this bed's latched alarms (alarms that stay on after their cause ended until a nurse resets them)
        text: qsTr("Reset latched")
        font.pixelSize: 16
        height: Theme.touchTarget
        onClicked: Station.resetBed(actions.bedIndex)
    }
    Button {
        objectName: "limitsButton"
        //: Opens the bed's alarm limits (upper and lower thresholds of each vital sign)
        text: qsTr("Alarm limits\u2026") + (actions.bed && actions.bed.customLimits ? qsTr("  (custom)") : "")
        font.pixelSize: 16
        height: Theme.touchTarget
        onClicked: limitsPanel.open()
    }

    Button {
        objectName: "handoverButton"
        //: Opens the shift handover notes of this patient (nurse-to-nurse report at shift change)
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
        //: Opens the vital signs to check and chart into the patient's record (EHR) as validated
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
                  //: Print a strip: a paper recording of the waveforms (ECG) of the last 20 seconds
                  { kind: "strip", label: qsTr("Alarm strip (last 20 s)"), trigger: Date.now() - 22000 },
                  //: Print the list of the bed's alarms and events
                  { kind: "events", label: qsTr("Event list") }]
    }

    LimitsPanel {
        id: limitsPanel
        bedIndex: actions.bedIndex
        bed: actions.bed
    }
}
