import QtQuick
import Vigil.Ui

// One bed in the ward overview: who is in it, the live waves, the numerics. The `model` object carries
// the WardModel roles (a plain object in tests).
Rectangle {
    id: tile
    required property var model
    required property int index
    property bool current: false
    property bool wavesRunning: true
    signal opened(int index)

    readonly property real s: Math.max(0.55, Math.min(width / 480, height / 250))
    readonly property var preferred: ["ecg_ii", "pleth", "resp", "abp"]
    readonly property var shownWaves: {
        const have = tile.model.waves || [];
        let out = tile.preferred.filter(w => have.indexOf(w) >= 0);
        if (out.indexOf("ecg_ii") < 0) {
            const ecg = have.filter(w => w.startsWith("ecg_"));
            if (ecg.length > 0)
                out.unshift(ecg[0]);
        }
        return out;
    }

    readonly property int alarmPriority: tile.model.alarmPriority || 0
    readonly property bool alarmOn: Theme.alarmOn(alarmPriority)
    color: Theme.tile
    // The tile's frame is its alarm indicator: the bed's highest signalling priority, flashing per IEC
    // 60601-1-8. Keyboard focus is drawn inside it, so focus never hides an alarm.
    border.width: alarmPriority > 0 ? 5 : (current ? 3 : 1)
    border.color: alarmPriority > 0 ? (alarmOn ? Theme.alarmColor(alarmPriority) : Qt.darker(Theme.alarmColor(alarmPriority), 2.2))
                                    : (current ? Theme.focus : Theme.tileBorder)
    Rectangle {
        visible: tile.current && tile.alarmPriority > 0
        anchors.fill: parent
        anchors.margins: tile.border.width
        color: "transparent"
        border.color: Theme.focus
        border.width: 2
        z: 5
    }
    radius: 4
    clip: true

    Accessible.role: Accessible.Button
    Accessible.name: tile.model.label + " " + (tile.model.patientName || "")

    // Header: bed label, patient, device conditions.
    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: tile.border.width }
        height: Math.round(30 * tile.s)
        color: "#121a23"
        // Cached as a texture: redrawn only when the bed or patient changes, not every wave frame (on a
        // software rasteriser, text redrawn 30-60 times a second costs more than the waves themselves).
        layer.enabled: true
        Text {
            id: bedLabel
            objectName: "bedLabel"
            anchors { left: parent.left; leftMargin: 8; verticalCenter: parent.verticalCenter }
            text: tile.model.label
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(20 * tile.s)
            font.bold: true
        }
        Text {
            id: patient
            objectName: "patient"
            anchors { left: bedLabel.right; leftMargin: 12; right: cond.left; rightMargin: 8
                      verticalCenter: parent.verticalCenter }
            text: (tile.model.patientName || qsTr("No patient")) + (tile.model.patientId ? "  \u00B7  " + tile.model.patientId : "")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(16 * tile.s)
            elide: Text.ElideRight
        }
        Text {
            id: cond
            objectName: "conditions"
            anchors { right: parent.right; rightMargin: 8; verticalCenter: parent.verticalCenter }
            width: Math.min(implicitWidth, parent.width * 0.4)
            // Device conditions raise technical alarms; the strip shows those. Without an alarm (paused,
            // or below every priority) the header still says what the device reports.
            text: tile.alarmPriority > 0 ? "" : (tile.model.conditions || "")
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(15 * tile.s)
            font.bold: true
            elide: Text.ElideRight
        }
    }

    // The bed's most important alarm, in its priority colour, flashing with the frame.
    Rectangle {
        id: alarmStrip
        objectName: "alarmStrip"
        visible: tile.alarmPriority > 0
        anchors { left: parent.left; top: header.bottom; leftMargin: tile.border.width }
        width: lanes.width + 4
        height: visible ? Math.round(26 * tile.s) : 0
        color: tile.alarmOn ? Theme.alarmColor(tile.alarmPriority) : "#1a1a1a"
        Text {
            objectName: "alarmText"
            anchors { left: parent.left; leftMargin: 8; right: parent.right; rightMargin: 8; verticalCenter: parent.verticalCenter }
            text: Theme.priorityName(tile.alarmPriority) + "  " + (tile.model.alarmText || "")
                  + ((tile.model.alarmCount || 0) > 1 ? "  (+" + (tile.model.alarmCount - 1) + ")" : "")
                  + (tile.model.alarmEscalated ? qsTr("  ESCALATED") : "")
                  + (tile.model.alarmAcknowledged ? "  \u2713" : "")
                  + (tile.model.alarmPaused ? qsTr("  ALARMS PAUSED") : "")
            color: tile.alarmOn ? "black" : Theme.alarmColor(tile.alarmPriority)
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(17 * tile.s)
            font.bold: true
            elide: Text.ElideRight
        }
    }

    WaveLanes {
        id: lanes
        objectName: "tileWaves"
        anchors { left: parent.left; top: alarmStrip.visible ? alarmStrip.bottom : header.bottom; bottom: parent.bottom; margins: 4 }
        width: (tile.width - 8) * 0.6
        bed: tile.index
        waves: tile.shownWaves
        lineWidth: Math.max(1.5, 2 * tile.s)
        labelSize: Math.round(13 * tile.s)
        running: tile.wavesRunning && !tile.model.noData
    }

    Text {
        objectName: "noData"
        anchors.centerIn: lanes
        visible: tile.model.noData
        text: qsTr("NO DATA")
        color: Theme.warning
        font.family: Theme.fontFamily
        font.pixelSize: Math.round(26 * tile.s)
        font.bold: true
    }

    // Numerics: the big two (HR, SpO2), then the rest in a grid.
    Item {
        id: numerics
        anchors { left: lanes.right; right: parent.right; top: header.bottom; bottom: parent.bottom
                  leftMargin: 8; rightMargin: 6; topMargin: 2 }
        opacity: tile.model.noData ? 0.55 : 1.0
        // Numerics change a few times a second at most: cache them between changes (see header).
        layer.enabled: true

        Grid {
            id: grid
            columns: 2
            columnSpacing: 10 * tile.s
            rowSpacing: 0
            width: parent.width
            NumericBox {
                width: grid.width / 2 - 5; key: "hr"; label: "HR"; unit: "/min"
                value: tile.model.hr; stale: tile.model.hrStale; time: tile.model.hrTime
                valueSize: Math.round(38 * tile.s)
            }
            NumericBox {
                width: grid.width / 2 - 5; key: "spo2"; label: "SpO\u2082"; unit: "%"
                value: tile.model.spo2; stale: tile.model.spo2Stale; time: tile.model.spo2Time
                valueSize: Math.round(38 * tile.s)
            }
            NumericBox {
                width: grid.width / 2 - 5; key: "rr"; label: "RR"; unit: "/min"
                value: tile.model.rr; stale: tile.model.rrStale; time: tile.model.rrTime
                valueSize: Math.round(24 * tile.s)
            }
            NumericBox {
                width: grid.width / 2 - 5; key: "pulse"; label: "Pulse"; unit: "/min"
                value: tile.model.pulse; stale: tile.model.pulseStale; time: tile.model.pulseTime
                valueSize: Math.round(24 * tile.s)
            }
            NumericBox {
                width: grid.width / 2 - 5; key: "temp"; label: "Temp"; unit: "\u00B0C"; decimals: 1
                value: tile.model.temp; stale: tile.model.tempStale; time: tile.model.tempTime
                valueSize: Math.round(20 * tile.s)
            }
            NumericBox {
                visible: !isNaN(tile.model.etco2)
                width: grid.width / 2 - 5; key: "etco2"; label: "etCO\u2082"; unit: "mmHg"
                value: tile.model.etco2; stale: tile.model.etco2Stale; time: tile.model.etco2Time
                valueSize: Math.round(20 * tile.s)
            }
        }
        Column {
            anchors { left: parent.left; right: parent.right; top: grid.bottom; topMargin: 2 * tile.s }
            spacing: 0
            NibpBox {
                sys: tile.model.nibp_sys; dia: tile.model.nibp_dia; mean: tile.model.nibp_mean
                stale: tile.model.nibp_sysStale; time: tile.model.nibp_sysTime
                valueSize: Math.round(20 * tile.s)
            }
            Text {
                visible: !isNaN(tile.model.abp_sys)
                objectName: "value_abp"
                text: "ABP %1/%2 (%3)".arg(Number(tile.model.abp_sys).toFixed(0)).arg(Number(tile.model.abp_dia).toFixed(0)).arg(Number(tile.model.abp_mean).toFixed(0))
                color: tile.model.abp_sysStale ? Theme.stale : WavePalette.colorFor("abp")
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(18 * tile.s)
                font.bold: !tile.model.abp_sysStale
            }
        }
    }

    MouseArea {
        anchors.fill: parent
        onClicked: tile.opened(tile.index)
    }
}
