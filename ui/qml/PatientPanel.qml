pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The bed's patient (issue 11, docs/ADT.md): admit (typed), edit the stay, transfer to another bed,
// discharge (confirmed), and the identity mismatch between the monitor and the stay. Touch targets and
// keyboard: Tab moves between fields, Enter saves, Escape closes. Actions go to Station.census; its
// answer (actionFinished) closes the panel or shows the reason.
Popup {
    id: panel
    objectName: "patientPanel"
    property string bedKey: ""
    property string bedLabel: ""
    property var stay: ({})
    property string error: ""
    property bool confirmDischarge: false
    property string pending: ""
    readonly property bool admitted: !!stay.mrn
    readonly property var mismatch: {
        const list = Station.census.mismatches;
        for (let i = 0; i < list.length; ++i)
            if (list[i].bedKey === panel.bedKey)
                return list[i];
        return null;
    }
    parent: Overlay.overlay
    modal: true
    focus: true
    padding: 16
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.max(8, Math.round((parent.height - height) / 2)) : 0
    width: Math.min(parent ? parent.width - 16 : 820, 820)
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; border.width: 2; radius: 6 }

    function load() {
        stay = Station.census.stayOfBed(bedKey);
        mrn.text = stay.mrn || "";
        family.text = stay.family || "";
        given.text = stay.given || "";
        dob.text = stay.birthDate || "";
        sex.currentIndex = Math.max(0, ["", "F", "M", "O", "U"].indexOf(stay.sex || ""));
        attending.text = stay.attending || "";
        allergies.text = stay.allergies || "";
        visit.text = stay.visit || "";
        error = "";
        confirmDischarge = false;
        mrn.forceActiveFocus();
    }
    function patient() {
        return { mrn: mrn.text, family: family.text, given: given.text, birthDate: dob.text,
                 sex: ["", "F", "M", "O", "U"][sex.currentIndex], attending: attending.text,
                 allergies: allergies.text, visit: visit.text };
    }
    function save() {
        if (mrn.text.trim().length === 0) {
            error = qsTr("The medical record number is required.");
            return;
        }
        if (dob.text.length > 0 && !/^\d{4}-\d{2}-\d{2}$/.test(dob.text)) {
            error = qsTr("Date of birth as YYYY-MM-DD.");
            return;
        }
        pending = admitted ? "update" : "admit";
        if (admitted)
            Station.census.update(bedKey, patient());
        else
            Station.census.admit(bedKey, patient());
    }

    onOpened: load()

    Connections {
        target: Station.census
        function onActionFinished(action: string, ok: bool, reason: string) {
            if (!panel.visible || action !== panel.pending)
                return;
            panel.pending = "";
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
            //: Title of the patient panel; %1 is the bed's label
            text: (panel.admitted ? qsTr("Patient \u2014 %1") : qsTr("Admit a patient \u2014 %1")).arg(panel.bedLabel)
            font.pixelSize: 22
            font.bold: true
            color: "white"
        }
        Label {
            visible: !!panel.stay.source
            //: Where the stay came from: adt (hospital system), manual (typed here) or unadmitted (data only)
            text: qsTr("Source: %1").arg(panel.stay.source || "")
            font.pixelSize: 14
            color: "#a0a8b0"
        }
        Rectangle {
            visible: panel.mismatch !== null
            Layout.fillWidth: true
            implicitHeight: mismatchCol.implicitHeight + 16
            color: "#3a2a00"
            radius: 4
            ColumnLayout {
                id: mismatchCol
                x: 8
                y: 8
                width: parent.width - 16
                Label {
                    //: Technical condition: the monitor reports another patient than the one admitted to the bed
                    text: panel.mismatch ? qsTr("Identity mismatch: the monitor reports %1 (%2), the bed's stay is %3 (%4).")
                                           .arg(panel.mismatch.gatewayId).arg(panel.mismatch.gatewayName)
                                           .arg(panel.mismatch.stayMrn).arg(panel.mismatch.stayName) : ""
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pixelSize: 16
                    color: "#ffd060"
                }
                RowLayout {
                    Button {
                        objectName: "acceptGatewayIdentity"
                        text: qsTr("Use the monitor's patient")
                        font.pixelSize: 16
                        Layout.preferredHeight: Theme.touchTarget
                        onClicked: { panel.pending = "resolveMismatch"; Station.census.resolveMismatch(panel.bedKey, true); }
                    }
                    Button {
                        objectName: "keepStayIdentity"
                        text: qsTr("Keep the admitted patient")
                        font.pixelSize: 16
                        Layout.preferredHeight: Theme.touchTarget
                        onClicked: { panel.pending = "resolveMismatch"; Station.census.resolveMismatch(panel.bedKey, false); }
                    }
                }
            }
        }
        GridLayout {
            columns: 4
            columnSpacing: 10
            rowSpacing: 8
            Layout.fillWidth: true
            Label { text: qsTr("MRN"); color: "white"; font.pixelSize: 16 }
            TextField { id: mrn; objectName: "patientMrn"; Layout.fillWidth: true; font.pixelSize: 16; onAccepted: panel.save() }
            Label { text: qsTr("Visit"); color: "white"; font.pixelSize: 16 }
            TextField { id: visit; Layout.fillWidth: true; font.pixelSize: 16; onAccepted: panel.save() }
            Label { text: qsTr("Family name"); color: "white"; font.pixelSize: 16 }
            TextField { id: family; objectName: "patientFamily"; Layout.fillWidth: true; font.pixelSize: 16; onAccepted: panel.save() }
            Label { text: qsTr("Given name"); color: "white"; font.pixelSize: 16 }
            TextField { id: given; objectName: "patientGiven"; Layout.fillWidth: true; font.pixelSize: 16; onAccepted: panel.save() }
            //: Date of birth; the patient's age sets the alarm defaults (adult, paediatric, neonatal)
            Label { text: qsTr("Date of birth"); color: "white"; font.pixelSize: 16 }
            TextField { id: dob; objectName: "patientDob"; placeholderText: "YYYY-MM-DD"; Layout.fillWidth: true; font.pixelSize: 16; onAccepted: panel.save() }
            Label { text: qsTr("Sex"); color: "white"; font.pixelSize: 16 }
            ComboBox {
                id: sex
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                font.pixelSize: 16
                model: [qsTr("unknown"), qsTr("female"), qsTr("male"), qsTr("other"), qsTr("undisclosed")]
            }
            Label { text: qsTr("Attending"); color: "white"; font.pixelSize: 16 }
            TextField { id: attending; Layout.fillWidth: true; font.pixelSize: 16; onAccepted: panel.save() }
            Label { text: qsTr("Allergies"); color: "white"; font.pixelSize: 16 }
            TextField { id: allergies; Layout.fillWidth: true; font.pixelSize: 16; onAccepted: panel.save() }
        }
        Label {
            visible: dob.text.length > 0 && dob.text !== (panel.stay.birthDate || "")
            text: qsTr("A changed date of birth can change the alarm defaults of this bed (adult, paediatric, neonatal).")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            color: "#ffd060"
            font.pixelSize: 14
        }
        RowLayout {
            visible: panel.admitted
            spacing: 8
            //: Move the admitted patient to another bed (transfer)
            Label { text: qsTr("Transfer to"); color: "white"; font.pixelSize: 16 }
            ComboBox {
                id: target
                objectName: "transferTarget"
                Layout.preferredWidth: 220
                Layout.preferredHeight: Theme.touchTarget
                font.pixelSize: 16
                model: {
                    const beds = [];
                    for (let i = 0; i < Station.beds.count; ++i) {
                        const key = Station.beds.bedKey(i);
                        const other = Station.census.stayOfBed(key);
                        if (key !== panel.bedKey && !other["mrn"])
                            beds.push(key);
                    }
                    return beds;
                }
            }
            Button {
                objectName: "transferButton"
                //: Button: move the admitted patient to the bed chosen (transfer)
                text: qsTr("Transfer")
                enabled: target.currentIndex >= 0
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: { panel.pending = "transfer"; Station.census.transfer(panel.bedKey, target.currentText); }
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
                objectName: "patientSave"
                //: Button: admit the patient to this bed (start the stay)
                text: panel.admitted ? qsTr("Save") : qsTr("Admit")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.save()
            }
            Button {
                objectName: "dischargeButton"
                visible: panel.admitted
                //: Button: the patient leaves the ward (discharge; ends the stay)
                text: panel.confirmDischarge ? qsTr("Confirm discharge") : qsTr("Discharge\u2026")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: {
                    if (!panel.confirmDischarge) {
                        panel.confirmDischarge = true;
                        return;
                    }
                    panel.pending = "discharge";
                    Station.census.discharge(panel.bedKey);
                }
            }
            Button {
                text: qsTr("Cancel")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.close()
            }
            Button {
                objectName: "findPatientButton"
                //: Opens the search for current and discharged stays by MRN or name
                text: qsTr("Find a patient…")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: staySearch.open()
            }
        }
        Label {
            visible: panel.confirmDischarge
            text: qsTr("Discharge ends the stay; its data stays in the archive and the bed's alarms return to the defaults.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            color: "#a0a8b0"
            font.pixelSize: 14
        }
    }

    StaySearch { id: staySearch }
}
