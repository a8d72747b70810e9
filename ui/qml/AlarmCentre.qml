import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The alarm centre: every active and recent alarm, signalling first, then priority, then newest; per alarm
// where (bed, or "Station" for the station's own conditions), the patient, the condition, value against
// limit, onset, duration, state, and the actions the alarm allows.
//
// Rows never move under a pointer or a finger: while the pointer is over the list, a press or a flick is
// under way, and for 2 s after, the list model is held (`Station.alarms.held`); it then keeps its rows in
// place and counts what it has not applied (`pendingChanges`), shown as "N updates waiting". Letting go
// releases it and the list catches up at once.
Popup {
    id: centre
    objectName: "alarmCentre"
    modal: true
    focus: true
    padding: 0
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; radius: 6 }

    function fmtDuration(s) {
        s = Math.max(0, Math.round(s || 0));
        return s >= 3600 ? Math.floor(s / 3600) + "h" + ("0" + Math.floor(s % 3600 / 60)).slice(-2)
                         : Math.floor(s / 60) + ":" + ("0" + s % 60).slice(-2);
    }
    function fmtOnset(ms) {
        if (!ms)
            return "";
        const t = new Date(ms);
        const now = new Date();
        return t.toDateString() === now.toDateString() ? Qt.formatTime(t, "HH:mm:ss") : Qt.formatDateTime(t, "d MMM HH:mm");
    }

    // Holding the list: pointer over it, a press, a flick, and 2 s after the last of them.
    readonly property bool touching: hover.hovered || press.active || list.moving
    onTouchingChanged: if (!touching) linger.restart()
    Timer { id: linger; interval: 2000 }
    readonly property bool hold: centre.visible && (touching || linger.running)
    readonly property bool canHold: Station.alarms && ("held" in Station.alarms)
    function applyHold() {
        if (canHold && Station.alarms.held !== hold)
            Station.alarms.held = hold;
    }
    onHoldChanged: applyHold()
    onClosed: { linger.stop(); applyHold(); }
    readonly property int pending: Station.alarms.pendingChanges || 0

    // Column widths shared by the header and the rows; condition and patient share what is left.
    // Wide enough for the header in every language ("Priorität" is wider than the HIGH/MED/LOW chips).
    readonly property int wPrio: Math.max(70, Math.ceil(prioHeader.advanceWidth) + 4)
    TextMetrics {
        id: prioHeader
        font.family: Theme.fontFamily
        font.pixelSize: 15
        font.bold: true
        text: qsTr("Priority")
    }
    readonly property int wBed: 96
    readonly property int wValue: 160
    readonly property int wOnset: Math.max(86, Math.ceil(onsetHeader.advanceWidth) + 4)
    readonly property int wDur: Math.max(84, Math.ceil(durHeader.advanceWidth) + 4)
    TextMetrics {
        id: onsetHeader
        font: prioHeader.font
        text: qsTr("Onset")
    }
    TextMetrics {
        id: durHeader
        font: prioHeader.font
        text: qsTr("Duration")
    }
    readonly property int wState: 170
    readonly property int wActions: 2 * 76 + 6
    readonly property int colSpacing: 10
    readonly property real wFlex: list.width - 20 - 8 - wPrio - wBed - wValue - wOnset - wDur - wState - wActions - 8 * colSpacing
    readonly property real wPatient: Math.floor(wFlex * 0.42)
    readonly property real wCond: wFlex - wPatient

    component Cell: Text {
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: 17
        elide: Text.ElideRight
        verticalAlignment: Text.AlignVCenter
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Text {
                Layout.fillWidth: true
                text: qsTr("Alarms \u2014 %1 signalling, %2 unacknowledged").arg(Station.alarmBar.signallingCount)
                      .arg(Station.alarmBar.unacknowledgedCount)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 24
                font.bold: true
                elide: Text.ElideRight
            }
            // The list is standing still for the user; say so, and that it catches up on release.
            Rectangle {
                objectName: "pendingMarker"
                visible: centre.hold && centre.pending > 0
                Layout.preferredHeight: 40
                Layout.preferredWidth: pendingText.implicitWidth + 24
                radius: 6
                color: Theme.warning
                Text {
                    id: pendingText
                    anchors.centerIn: parent
                    text: (centre.pending === 1 ? qsTr("1 update waiting") : qsTr("%1 updates waiting").arg(centre.pending))
                          + qsTr(" \u2014 release to refresh")
                    color: "black"
                    font.family: Theme.fontFamily
                    font.pixelSize: 17
                    font.bold: true
                }
            }
            Button {
                objectName: "alarmCentreClose"
                text: qsTr("Close [Esc]")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: centre.close()
            }
        }

        // Column headers, aligned with the row cells below.
        Row {
            objectName: "alarmHeaders"
            Layout.fillWidth: true
            leftPadding: 20
            spacing: centre.colSpacing
            Repeater {
                model: [
                    [qsTr("Priority"), centre.wPrio], [qsTr("Bed"), centre.wBed], [qsTr("Patient"), centre.wPatient],
                    [qsTr("Condition"), centre.wCond], [qsTr("Value"), centre.wValue], [qsTr("Onset"), centre.wOnset],
                    [qsTr("Duration"), centre.wDur], [qsTr("State"), centre.wState], [qsTr("Actions"), centre.wActions]
                ]
                delegate: Text {
                    required property var modelData
                    width: modelData[1]
                    text: modelData[0]
                    color: Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: 15
                    font.bold: true
                    elide: Text.ElideRight
                }
            }
        }

        ListView {
            id: list
            objectName: "alarmList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: Station.alarms
            keyNavigationEnabled: true
            focus: true
            boundsBehavior: Flickable.StopAtBounds
            HoverHandler { id: hover }
            PointHandler { id: press }
            delegate: Rectangle {
                id: row
                required property int index
                required property var model
                readonly property string alarmId: model.alarmId || ""
                readonly property int priority: model.priority || Priority.None
                readonly property string alarmState: model.state || ""
                readonly property bool paused: !!model.alarmPaused
                readonly property string resetBy: model.resetBy || ""
                readonly property bool live: alarmState !== "inactive"
                readonly property bool canAck: model.canAcknowledge !== undefined ? !!model.canAcknowledge
                                                                                   : (live && !model.acknowledged)
                readonly property bool canReset: model.canReset !== undefined ? !!model.canReset : alarmState === "latched"
                width: ListView.view.width
                height: 56
                radius: 4
                color: ListView.isCurrentItem ? "#1b2530" : "#121a23"
                Rectangle {
                    width: 10; height: parent.height; radius: 2
                    color: Theme.alarmColor(row.priority)
                    opacity: row.live && !row.paused && Theme.alarmOn(row.priority) ? 1 : (row.live ? 0.35 : 0.2)
                }
                Row {
                    anchors.fill: parent
                    anchors.leftMargin: 20
                    // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                    // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                    // `pragma ComponentBehavior: Bound` lets the tooling know).
                    spacing: centre.colSpacing // qmllint disable unqualified
                    Cell {
                        width: centre.wPrio; height: parent.height // qmllint disable unqualified
                        text: Theme.priorityName(row.priority)
                        color: Theme.alarmColor(row.priority)
                        font.bold: true
                    }
                    Cell {
                        objectName: "alarmWhere"
                        width: centre.wBed; height: parent.height // qmllint disable unqualified
                        text: row.model.where || (row.model.bedKey ? row.model.bedLabel : qsTr("Station"))
                        font.bold: true
                    }
                    Cell {
                        width: centre.wPatient; height: parent.height // qmllint disable unqualified
                        text: row.model.patientName || ""
                    }
                    Cell {
                        objectName: "alarmCondition"
                        width: centre.wCond; height: parent.height // qmllint disable unqualified
                        text: row.model.text || ""
                        color: row.live ? Theme.text : Theme.textDim
                    }
                    Cell {
                        width: centre.wValue; height: parent.height // qmllint disable unqualified
                        text: row.model.valueText || ""
                    }
                    Cell {
                        width: centre.wOnset; height: parent.height // qmllint disable unqualified
                        text: centre.fmtOnset(row.model.startMs) // qmllint disable unqualified
                        color: Theme.textDim
                        font.pixelSize: 16
                    }
                    Cell {
                        width: centre.wDur; height: parent.height // qmllint disable unqualified
                        text: centre.fmtDuration(row.model.durationS) // qmllint disable unqualified
                        color: Theme.textDim
                        font.pixelSize: 16
                    }
                    Cell {
                        objectName: "alarmState"
                        width: centre.wState; height: parent.height // qmllint disable unqualified
                        //: Alarm state: the bed's alarms are paused (not signalled at all for a while), not a pause in the ECG
                        text: (row.paused ? qsTr("paused") : row.resetBy.length ? qsTr("reset (%1)").arg(row.resetBy)
                                                                                    : (row.model.stateText || row.alarmState))
                              + (row.model.escalated ? qsTr(" \u00B7 escalated") : "")
                              + (row.model.acknowledged ? qsTr(" \u00B7 ack %1").arg(row.model.acknowledgedBy || "") : "")
                              + (row.model.delivery ? " \u00B7 " + (row.model.deliveryName || row.model.delivery) : "")
                        color: row.paused || row.resetBy.length ? Theme.text : Theme.textDim
                        font.pixelSize: 15
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                    }
                    Item {
                        // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                        // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                        // `pragma ComponentBehavior: Bound` lets the tooling know).
                        width: centre.wActions; height: parent.height // qmllint disable unqualified
                        Button {
                            objectName: "ackAlarm"
                            visible: row.canAck
                            anchors.verticalCenter: parent.verticalCenter
                            width: 76; height: Theme.touchTarget
                            //: Short for acknowledge an alarm (the nurse has seen it). Narrow button
                            text: qsTr("Ack"); font.pixelSize: 15
                            onClicked: Station.acknowledge(row.alarmId)
                        }
                        Button {
                            objectName: "resetAlarm"
                            visible: row.canReset
                            x: 82
                            anchors.verticalCenter: parent.verticalCenter
                            width: 76; height: Theme.touchTarget
                            //: Clear a latched alarm whose cause has ended (IEC 60601-1-8 alarm reset). Narrow button
                            text: qsTr("Reset"); font.pixelSize: 15
                            onClicked: Station.reset(row.alarmId)
                        }
                    }
                }
            }
            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No alarms")
                color: Theme.textDim
                font.pixelSize: 22
            }
        }
    }
}
