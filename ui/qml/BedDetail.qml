import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// One bed in full: every channel it has, larger, and all numerics. Esc or the back button returns.
Rectangle {
    id: detail
    objectName: "bedDetail"
    property int bedIndex: -1
    signal back()
    color: Theme.background
    focus: true

    // The bed's roles come from the model through an Instantiator-free lookup: a one-row view.
    Repeater {
        id: finder
        model: Station.beds
        delegate: Item {
            required property var model
            required property int index
            visible: false
            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
            // `pragma ComponentBehavior: Bound` lets the tooling know).
            Component.onCompleted: if (index === detail.bedIndex) detail.bed = model // qmllint disable unqualified
            onModelChanged: if (index === detail.bedIndex) detail.bed = model // qmllint disable unqualified
        }
    }
    property var bed: null
    readonly property var order: ["ecg_i", "ecg_ii", "ecg_iii", "ecg_v", "pleth", "resp", "abp", "co2"]
    readonly property var shownWaves: bed ? order.filter(w => (bed.waves || []).indexOf(w) >= 0) : []

    Keys.onEscapePressed: detail.back()
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_R) {
            detail.reviewing = true;
            event.accepted = true;
        }
    }
    property bool reviewing: false

    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 64
        color: "#121a23"
        Button {
            id: backButton
            objectName: "backButton"
            anchors { left: parent.left; leftMargin: 8; verticalCenter: parent.verticalCenter }
            height: Theme.touchTarget
            // Grows with a longer translation (pseudo-localised: 40 % longer) instead of eliding it.
            width: Math.max(160, implicitWidth)
            text: qsTr("\u25C0  Ward  (Esc)")
            font.pixelSize: 18
            onClicked: detail.back()
        }
        Button {
            id: reviewButton
            objectName: "reviewButton"
            anchors { left: backButton.right; leftMargin: 8; verticalCenter: parent.verticalCenter }
            height: Theme.touchTarget
            // Grows with a longer translation (pseudo-localised: 40 % longer) instead of eliding it.
            width: Math.max(170, implicitWidth)
            //: Opens the review of the bed's recorded history (full disclosure: waveforms, trends, alarms), not a clinical review. [R] = keyboard key
            text: qsTr("Review  [R]")
            font.pixelSize: 18
            onClicked: detail.reviewing = true
        }
        RowLayout {
            anchors { left: reviewButton.right; leftMargin: 20; right: parent.right; rightMargin: 12
                      top: parent.top; bottom: parent.bottom }
            spacing: 14
            Text {
                objectName: "detailPatient"
                Layout.fillWidth: true
                Layout.minimumWidth: 160
                // The admitted patient (census stay, docs/ADT.md) when there is one, else the monitor's.
                readonly property var stay: Station.census.stays.length >= 0 && detail.bed
                                            ? Station.census.stayOfBed(Station.beds.bedKey(detail.bedIndex)) : ({})
                readonly property string shownName: stay["mrn"] ? stay["name"] : (detail.bed ? detail.bed.patientName || "" : "")
                readonly property string shownId: stay["mrn"] ? stay["mrn"] : (detail.bed ? detail.bed.patientId || "" : "")
                text: detail.bed ? detail.bed.label + "    " + (shownName || qsTr("No patient"))
                                   + (shownId ? "  \u00B7  " + shownId : "") : ""
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 26
                font.bold: true
                elide: Text.ElideRight
            }
            Rectangle {
                objectName: "detailCategory"
                visible: categoryText.text.length > 0
                Layout.preferredWidth: categoryText.implicitWidth + 12
                Layout.preferredHeight: categoryText.implicitHeight + 4
                radius: 3
                color: "#c9d1d9"
                Text {
                    id: categoryText
                    anchors.centerIn: parent
                    text: detail.bed ? Theme.categoryName(detail.bed.category || "") : ""
                    color: "black"
                    font.family: Theme.fontFamily
                    font.pixelSize: 16
                    font.bold: true
                }
            }
            // The bed's alarms are paused: said here with the time left, steady, never flashing.
            Rectangle {
                objectName: "detailAlarmsPaused"
                readonly property int remaining: detail.bed ? (detail.bed.alarmPauseRemaining || 0) : 0
                visible: detail.bed ? (!!detail.bed.alarmPaused || remaining > 0) : false
                Layout.preferredWidth: pausedText.implicitWidth + 20
                Layout.preferredHeight: 44
                radius: 6
                color: "#3a3f47"
                border.color: "white"
                border.width: 2
                Text {
                    id: pausedText
                    anchors.centerIn: parent
                    text: qsTr("ALARMS PAUSED") + (parent.remaining > 0 ? "  " + Theme.minSec(parent.remaining) : "")
                    color: "white"
                    font.family: Theme.fontFamily
                    font.pixelSize: 22
                    font.bold: true
                }
            }
            Text {
                objectName: "detailAlarm"
                readonly property int prio: detail.bed ? (detail.bed.alarmPriority || Priority.None) : Priority.None
                Layout.maximumWidth: parent.width * 0.45
                text: prio > Priority.None ? Theme.priorityName(prio) + "  " + (detail.bed.alarmText || "") : (detail.bed ? (detail.bed.conditions || "") : "")
                color: prio > Priority.None ? Theme.alarmColor(prio) : Theme.warning
                opacity: prio > Priority.None && !Theme.alarmOn(prio) ? 0.45 : 1
                font.family: Theme.fontFamily
                font.pixelSize: 22
                font.bold: true
                elide: Text.ElideRight
            }
        }
    }

    WaveLanes {
        id: lanes
        objectName: "detailWaves"
        anchors { left: parent.left; top: header.bottom; bottom: parent.bottom; margins: 8 }
        // 62 %: the numerics column beside it needs room for the NEWS2 entries and the bed's action buttons in
        // longer languages (pseudo-localised, German) without wrapping them below the window at 1920x1080.
        width: parent.width * 0.62
        bed: detail.bedIndex
        waves: detail.shownWaves
        lineWidth: 2.5
        labelSize: 18
        cleared: detail.bed ? !!detail.bed.noData : false
    }
    Text {
        anchors.centerIn: lanes
        visible: detail.bed ? detail.bed.noData : false
        text: qsTr("NO DATA")
        color: Theme.warning
        font.pixelSize: 40
        font.bold: true
    }

    // The column scrolls only when its content is taller than the window (a small screen, a long
    // translation): the action buttons are then reachable rather than cut off below the screen.
    Flickable {
        id: numericsScroll
        objectName: "numericsScroll"
        anchors { left: lanes.right; right: parent.right; top: header.bottom; bottom: parent.bottom
                  leftMargin: 16; topMargin: 12; rightMargin: 12 }
        contentWidth: width
        contentHeight: numerics.implicitHeight
        interactive: contentHeight > height
        boundsBehavior: Flickable.StopAtBounds
        clip: interactive
        ScrollBar.vertical: ScrollBar { policy: numericsScroll.interactive ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff }
        Flow {
            id: numerics
            width: numericsScroll.width
            spacing: 14
            readonly property real cellW: (width - spacing) / 2
            // The three ABP values share one row: the column keeps room for the NEWS2 entries and the actions.
            readonly property real cellW3: (width - 2 * spacing) / 3
            Repeater {
                model: [
                    { key: "hr", label: "HR", unit: "/min", d: 0, size: 64 },
                    { key: "spo2", label: "SpO\u2082", unit: "%", d: 0, size: 64 },
                    { key: "pulse", label: "Pulse", unit: "/min", d: 0, size: 40 },
                    { key: "rr", label: "RR", unit: "/min", d: 0, size: 40 },
                    { key: "temp", label: "Temp", unit: "\u00B0C", d: 1, size: 40 },
                    { key: "etco2", label: "etCO\u2082", unit: "mmHg", d: 0, size: 40 },
                    { key: "abp_sys", label: "ABP sys", unit: "mmHg", d: 0, size: 32 },
                    { key: "abp_dia", label: "ABP dia", unit: "mmHg", d: 0, size: 32 },
                    { key: "abp_mean", label: "ABP mean", unit: "mmHg", d: 0, size: 32 }
                ]
                delegate: NumericBox {
                    required property var modelData
                    // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                    // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                    // `pragma ComponentBehavior: Bound` lets the tooling know).
                    width: modelData.key.startsWith("abp") ? numerics.cellW3 : numerics.cellW // qmllint disable unqualified
                    key: modelData.key
                    label: modelData.label
                    unit: modelData.unit
                    decimals: modelData.d
                    valueSize: modelData.size
                    color: WavePalette.colorFor(modelData.key.startsWith("abp") ? "abp" : modelData.key)
                    value: detail.bed ? detail.bed[modelData.key] : NaN // qmllint disable unqualified
                    stale: detail.bed ? detail.bed[modelData.key + "Stale"] : true // qmllint disable unqualified
                    time: detail.bed ? detail.bed[modelData.key + "Time"] : undefined // qmllint disable unqualified
                    blank: detail.bed ? (detail.bed[modelData.key + "Blank"] || "") : "" // qmllint disable unqualified
                    alarm: detail.bed ? (detail.bed[modelData.key + "Alarm"] || 0) : 0 // qmllint disable unqualified
                }
            }
            NibpBox {
                width: numerics.width
                height: implicitHeight + 10
                sys: detail.bed ? detail.bed.nibp_sys : NaN
                dia: detail.bed ? detail.bed.nibp_dia : NaN
                mean: detail.bed ? detail.bed.nibp_mean : NaN
                stale: detail.bed ? detail.bed.nibp_sysStale : true
                time: detail.bed ? detail.bed.nibp_sysTime : undefined
                blank: detail.bed ? (detail.bed.nibp_sysBlank || "") : ""
                alarm: detail.bed ? Math.max(detail.bed.nibp_sysAlarm || 0, detail.bed.nibp_diaAlarm || 0, detail.bed.nibp_meanAlarm || 0) : 0
                inline: false
                valueSize: 40
            }
            NewsPanel {
                width: numerics.width
                bedKey: detail.bedIndex >= 0 ? Station.beds.bedKey(detail.bedIndex) : ""
            }
            BedActions {
                width: numerics.width
                bedIndex: detail.bedIndex
                bed: detail.bed
            }
        }
    }

    // The bed's history (trends, full disclosure, alarm review) over the live view; Esc comes back here.
    Loader {
        id: reviewLoader
        anchors.fill: parent
        z: 20
        active: detail.reviewing
        sourceComponent: BedReview {
            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
            // `pragma ComponentBehavior: Bound` lets the tooling know).
            bedKey: Station.beds.bedKey(detail.bedIndex) // qmllint disable unqualified
            bedLabel: detail.bed ? detail.bed.label : "" // qmllint disable unqualified
            onBack: { detail.reviewing = false; detail.forceActiveFocus(); } // qmllint disable unqualified
        }
        onLoaded: (item as Item).forceActiveFocus()
    }
}
