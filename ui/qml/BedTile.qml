import QtQuick
import Vigil.Ui

// One bed in the ward overview: who is in it (bed, patient category, patient), the live waves, and every
// numeric the bed has. The `model` object carries the WardModel roles (a plain object in tests).
//
// Two forms, chosen from the tile's shape:
//   wide (16 beds at 1920x1080 and 1280x800): waves left, numerics right;
//   tall (32 beds at 1920x1080, 8 x 4):       waves on top, numerics below across the full width.
// All numeric sizes come from `sizes` (below): the largest HR/SpO2 size that lets the numerics panel fit
// its share of the tile, with the secondary values, labels and row gap that go with it.
// At the reference display (Theme.mmPerPx: 24-inch 1920x1080, 92 dpi, 0.276 mm/px; digit height 0.73 em,
// so 0.20 mm per px of font size), as measured by tests/ui/tst_layout:
//   32 beds 1920x1080: HR, SpO2, Temp 26 px = 5.2 mm digits; Pulse, RR, etCO2, NIBP, ABP 19 px = 3.8 mm;
//                      labels 10 px = 2.0 mm.
//   16 beds 1920x1080: HR, SpO2 36 px = 7.3 mm; the others 26 px = 5.2 mm; labels 14 px = 2.8 mm.
//   16 beds 1280x800:  HR, SpO2 24 px = 4.8 mm; the others 17 px = 3.4 mm; labels 10 px = 2.0 mm
//                      (on a 15.6-inch 1280x800 panel, 97 dpi, 5 % less).
//   32 beds 1280x800:  nothing fits the rule; HR 12 px = 2.4 mm, labels 10 px without their units
//                      (NumericBox drops a unit that does not fit): legible close up, not at 1 m.
// 10 arcmin at 1 m is 2.9 mm: every value is legible at 1 m; HR and SpO2 reach the 16 arcmin (4.7 mm) of
// comfortable reading in every layout.
Rectangle {
    id: tile
    objectName: "bedTile"
    required property var model
    required property int index
    property bool current: false
    property bool wavesRunning: true
    signal opened(int index)

    // Tall only when the tile is about square or portrait (8 x 4 at 1920x1080); wider tiles keep the waves
    // beside the numerics, where they get the height.
    readonly property bool tall: width < height * 1.05
    readonly property int headerH: Math.max(22, Math.min(34, Math.round(height * (tall ? 0.1 : 0.12))))
    readonly property int frame: border.width
    // The numeric sizes: the largest HR/SpO2 size `b` (px) for which the numerics panel fits its share
    // of the tile, with the secondary value size `sv`, label `lb`, unit `un` and row gap that go with it.
    // Widths are worst-case estimates in DejaVu Sans em (three-digit values, "188/188 (188)" = 7.9 em,
    // an inline label column 3.0-3.4 em); the layout test checks the real text against its box.
    readonly property int innerW: width - 2 * 5
    readonly property int stripH: Math.round(headerH * 0.85)
    readonly property real panelW: tall ? innerW - 10 : Math.min(Math.floor(0.6 * innerW), 400)
    // Tall tiles keep at least two wave lanes of 22 px under the header and the alarm strip.
    readonly property int panelMaxH: tall ? height - 2 * 5 - headerH - stripH - (2 * 22 + 8)
                                          : height - 2 * 5 - headerH - 8
    readonly property var sizes: {
        const perRow = tall ? 3 : 2;
        for (let bb = 48; bb > 12; --bb) {
            const lb = Math.max(10, Math.round(bb * 0.4)), un = Math.max(9, Math.round(lb * 0.85));
            const gap = Math.max(1, Math.round(bb * 0.06));
            const cell = (panelW - (perRow - 1) * gap) / perRow;
            // The secondary value: as large as the two-line label column of an inline row allows without
            // a taller row (wide), or as the stacked middle row's cells allow (tall); and as the pressure
            // row allows.
            const sv = Math.floor(Math.min(Math.max(Math.round(bb * 0.64), lb + un),
                                           tall ? cell / 2.2 : (cell - 3.0 * lb - 6) / 2.45,
                                           (panelW - 3.4 * lb - 8) / 7.9));
            const bigH = Math.ceil(1.17 * lb) + Math.ceil(1.17 * bb);
            const midH = Math.ceil(1.17 * lb) + Math.ceil(1.17 * sv);
            const smallH = Math.ceil(1.17 * Math.max(lb + un, sv));
            const height = tall ? bigH + midH + 2 * smallH + 3 * gap : bigH + 4 * smallH + 4 * gap;
            // Big cells hold a three-digit value (2.1 em; "36.8" 2.45 em) and "Temp  \u00B0C"; tall's middle row
            // "etCO\u2082  mmHg" (6.4 em of label).
            if (2.45 * bb <= cell && 4.8 * lb <= cell && (!tall || 6.4 * lb <= cell) && sv >= 10 && height <= panelMaxH)
                return { b: bb, sv: sv, lb: lb, gap: gap };
        }
        return { b: 12, sv: 10, lb: 10, gap: 1 };
    }
    readonly property real b: sizes.b
    // Kept for callers that size other text from the tile (lane labels, NO DATA).
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
    // The numerics the bed has: a parameter is shown when it has ever been measured or its wave exists.
    function has(key) { return !isNaN(tile.model[key]) || (tile.model[key + "Blank"] || "").length > 0; }
    readonly property bool hasEtco2: has("etco2") || (tile.model.waves || []).indexOf("co2") >= 0
    readonly property bool hasAbp: has("abp_sys") || (tile.model.waves || []).indexOf("abp") >= 0

    readonly property int alarmPriority: tile.model.alarmPriority || Priority.None
    readonly property int pauseRemaining: tile.model.alarmPauseRemaining || 0
    readonly property bool paused: tile.model.alarmPaused || pauseRemaining > 0
    readonly property bool alarmOn: Theme.alarmOn(alarmPriority)
    color: Theme.tile
    // The tile's frame is its alarm indicator: the bed's highest signalling priority, flashing per IEC
    // 60601-1-8. A bed whose alarms are paused has a steady grey frame (nothing flashes for it).
    // Keyboard focus is drawn inside the frame, so focus never hides an alarm.
    border.width: paused ? 4 : alarmPriority > Priority.None ? 5 : (current ? 3 : 1)
    border.color: paused ? Theme.textDim
                : alarmPriority > Priority.None ? (alarmOn ? Theme.alarmColor(alarmPriority) : Qt.darker(Theme.alarmColor(alarmPriority), 2.2))
                                    : (current ? Theme.focus : Theme.tileBorder)
    Rectangle {
        visible: tile.current && (tile.alarmPriority > Priority.None || tile.paused)
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

    // Header: bed label, patient category, patient, custom-limits mark, device conditions.
    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: tile.frame }
        height: tile.headerH
        color: "#121a23"
        // Cached as a texture: redrawn only when the bed or patient changes, not every wave frame (on a
        // software rasteriser, text redrawn 30-60 times a second costs more than the waves themselves).
        // Not on Qt Quick's software path: there only changed items are repainted anyway, and a layer is
        // re-grabbed and repainted every frame.
        layer.enabled: GraphicsInfo.api !== GraphicsInfo.Software
        readonly property int fontSize: Math.round(tile.headerH * 0.62)
        Text {
            id: bedLabel
            objectName: "bedLabel"
            anchors { left: parent.left; leftMargin: 6; verticalCenter: parent.verticalCenter }
            text: tile.model.label
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: header.fontSize
            font.bold: true
        }
        Rectangle {
            id: categoryTag
            objectName: "category"
            visible: categoryText.text.length > 0
            anchors { left: bedLabel.right; leftMargin: 6; verticalCenter: parent.verticalCenter }
            width: visible ? categoryText.implicitWidth + 8 : 0
            height: categoryText.implicitHeight + 2
            radius: 3
            color: tile.model.category === "neonatal" ? "#f2a7d8" : tile.model.category === "paediatric" ? "#9fd7ff" : "#c9d1d9"
            Text {
                id: categoryText
                anchors.centerIn: parent
                text: Theme.categoryName(tile.model.category || "")
                color: "black"
                font.family: Theme.fontFamily
                font.pixelSize: Math.max(10, Math.round(header.fontSize * 0.72))
                font.bold: true
            }
        }
        // Issue 16: a bed of another station (read from the cluster) says so, with its owning station.
        Rectangle {
            id: remoteTag
            objectName: "remoteTag"
            readonly property string owner: (tile.model.source || "").startsWith("cluster:") ? tile.model.source.substring(8) : ""
            visible: owner.length > 0
            anchors { left: categoryTag.right; leftMargin: visible ? 6 : 0; verticalCenter: parent.verticalCenter }
            width: visible ? Math.min(remoteText.implicitWidth + 8, Math.round(header.width * 0.28)) : 0
            height: remoteText.implicitHeight + 2
            radius: 3
            color: "#2d2550"
            border.color: "#a58cff"
            Text {
                id: remoteText
                anchors.centerIn: parent
                width: Math.min(implicitWidth, remoteTag.width - 8)
                elide: Text.ElideRight
                //: Marks a bed monitored by another central station (shown here through the hospital cluster); %1 is that station's name.
                text: qsTr("Remote \u00B7 %1").arg(remoteTag.owner)
                color: "#e4dcff"
                font.family: Theme.fontFamily
                font.pixelSize: Math.max(10, Math.round(header.fontSize * 0.72))
                font.bold: true
            }
        }
        Text {
            id: patient
            objectName: "patient"
            anchors { left: remoteTag.right; leftMargin: 6; right: newsBadge.left; rightMargin: 6
                      verticalCenter: parent.verticalCenter }
            // The admitted patient (census stay, docs/ADT.md) when there is one, else what the monitor reports.
            readonly property var stay: Station.census.stays.length >= 0 ? Station.census.stayOfBed(tile.model.bedKey || "") : ({})
            readonly property string shownName: stay["mrn"] ? stay["name"] : (tile.model.patientName || "")
            readonly property string shownId: stay["mrn"] ? stay["mrn"] : (tile.model.patientId || "")
            text: (shownName || qsTr("No patient")) + (shownId && !tile.tall ? "  \u00B7  " + shownId : "")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(header.fontSize * 0.85)
            elide: Text.ElideRight
        }
        NewsBadge {
            id: newsBadge
            anchors { right: limitsTag.left; rightMargin: visible ? 6 : 0; verticalCenter: parent.verticalCenter }
            total: tile.model.newsTotal === undefined ? -1 : tile.model.newsTotal
            complete: !!tile.model.newsComplete
            response: tile.model.newsResponse || 0
            trend: tile.model.newsTrend || 0
            fontSize: Math.max(10, Math.round(header.fontSize * 0.72))
            compact: tile.width < 420
            maxWidth: Math.round(tile.width * 0.34)
        }
        // The bed alarms on limits a user set for this patient, not the ward's defaults.
        Rectangle {
            id: limitsTag
            objectName: "customLimits"
            visible: !!tile.model.customLimits
            anchors { right: cond.left; rightMargin: cond.width > 0 ? 6 : 0; verticalCenter: parent.verticalCenter }
            width: visible ? limitsText.implicitWidth + 8 : 0
            height: limitsText.implicitHeight + 2
            radius: 3
            color: "transparent"
            border.color: Theme.text
            border.width: 1
            Text {
                id: limitsText
                anchors.centerIn: parent
                text: tile.width > 400 ? qsTr("CUSTOM LIMITS") : qsTr("LIM*")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Math.max(10, Math.round(header.fontSize * 0.7))
                font.bold: true
            }
        }
        Text {
            id: cond
            objectName: "conditions"
            anchors { right: parent.right; rightMargin: text.length ? 6 : 0; verticalCenter: parent.verticalCenter }
            width: text.length ? Math.min(implicitWidth, parent.width * 0.35) : 0
            // Device conditions raise technical alarms; the strip shows those. Without an alarm (paused,
            // or below every priority) the header still says what the device reports.
            text: tile.alarmPriority > Priority.None ? "" : (tile.model.conditions || "")
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(header.fontSize * 0.8)
            font.bold: true
            elide: Text.ElideRight
        }
    }

    // The bed's most important alarm, in its priority colour, flashing with the frame; or, while the
    // bed's alarms are paused, ALARMS PAUSED with the time left (steady, never flashing).
    Rectangle {
        id: alarmStrip
        objectName: "alarmStrip"
        visible: tile.alarmPriority > Priority.None || tile.paused
        anchors { left: parent.left; top: header.bottom; leftMargin: tile.frame }
        width: tile.tall ? tile.width - 2 * tile.frame : lanes.width + 4
        height: visible ? tile.stripH : 0
        color: tile.paused ? "#3a3f47" : tile.alarmOn ? Theme.alarmColor(tile.alarmPriority) : "#1a1a1a"
        Text {
            objectName: "alarmText"
            visible: !tile.paused
            anchors { left: parent.left; leftMargin: 6; right: parent.right; rightMargin: 6; verticalCenter: parent.verticalCenter }
            text: Theme.priorityName(tile.alarmPriority) + "  " + (tile.model.alarmText || "")
                  + ((tile.model.alarmCount || 0) > 1 ? "  (+" + (tile.model.alarmCount - 1) + ")" : "")
                  + (tile.model.alarmEscalated ? qsTr("  ESCALATED") : "")
                  + (tile.model.alarmAcknowledged ? "  \u2713" : "")
            color: tile.alarmOn ? "black" : Theme.alarmColor(tile.alarmPriority)
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(parent.height * 0.72)
            font.bold: true
            // Beside the numerics (wide tiles) the strip is narrow: the text comes down to 11 px before it
            // is cut.
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 11
            elide: Text.ElideRight
        }
        Text {
            objectName: "alarmsPaused"
            visible: tile.paused
            anchors { left: parent.left; leftMargin: 6; verticalCenter: parent.verticalCenter }
            text: qsTr("ALARMS PAUSED") + (tile.pauseRemaining > 0 ? "  " + Theme.minSec(tile.pauseRemaining) : "")
            color: "white"
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(parent.height * 0.72)
            font.bold: true
        }
    }

    WaveLanes {
        id: lanes
        objectName: "tileWaves"
        anchors { left: parent.left; top: alarmStrip.visible ? alarmStrip.bottom : header.bottom
                  leftMargin: 4 + tile.frame; topMargin: 2 }
        width: tile.tall ? tile.width - 2 * tile.frame - 8 : tile.width - 2 * tile.frame - numerics.width - 16
        height: tile.tall ? numerics.y - y - 4 : tile.height - y - tile.frame - 4
        bed: tile.index
        // As many lanes as stay at least 26 px high.
        waves: tile.shownWaves.slice(0, Math.max(1, Math.floor(height / 26)))
        lineWidth: Math.max(1.5, 2 * tile.s)
        labelSize: Math.max(11, Math.round(0.45 * tile.b))
        running: tile.wavesRunning && !tile.model.noData
        cleared: !!tile.model.noData
    }

    Text {
        objectName: "noData"
        anchors.centerIn: lanes
        visible: !!tile.model.noData
        text: qsTr("NO DATA")
        color: Theme.warning
        font.family: Theme.fontFamily
        font.pixelSize: Math.max(16, Math.round(tile.b * 0.8))
        font.bold: true
    }

    // Numerics. Wide: [HR SpO2] [Pulse RR] [Temp etCO2] [NIBP] [ABP]. Tall: [HR SpO2 Temp] [Pulse RR
    // etCO2] [NIBP] [ABP]. Each numeric is one item placed in its slot (column, row) for the form.
    Item {
        id: numerics
        objectName: "numerics"
        readonly property real big: tile.sizes.b
        readonly property real small: tile.sizes.sv
        readonly property real label: tile.sizes.lb
        readonly property int perRow: tile.tall ? 3 : 2
        readonly property int gap: tile.sizes.gap
        readonly property real cellW: (width - (perRow - 1) * gap) / perRow
        readonly property real bigH: hrBox.implicitHeight
        readonly property real midH: rrBox.implicitHeight // tall: the stacked middle row; wide: inline
        readonly property real smallH: nibpBox.implicitHeight
        function xOf(col) { return col * (cellW + gap); }
        function yOf(row) { return row === 0 ? 0 : bigH + gap + (row === 1 ? 0 : midH + gap + (row - 2) * (smallH + gap)); }
        x: tile.tall ? 10 : tile.width - 5 - 4 - width
        y: tile.tall ? tile.height - 5 - 4 - height : header.y + header.height + 4
        width: tile.panelW
        // Room for ABP whether or not the bed has it, so every tile's numerics sit at the same place.
        height: yOf(tile.tall ? 4 : 5) - gap
        opacity: tile.model.noData ? 0.55 : 1.0
        // Numerics change a few times a second at most: cache them between changes (see header).
        layer.enabled: GraphicsInfo.api !== GraphicsInfo.Software

        component Num: NumericBox {
            property int col: 0
            property int row: 0
            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
            // `pragma ComponentBehavior: Bound` lets the tooling know).
            x: numerics.xOf(col) // qmllint disable unqualified
            y: numerics.yOf(row) // qmllint disable unqualified
            width: numerics.cellW // qmllint disable unqualified
            value: tile.model[key] // qmllint disable unqualified
            stale: !!tile.model[key + "Stale"] // qmllint disable unqualified
            time: tile.model[key + "Time"] // qmllint disable unqualified
            blank: tile.model[key + "Blank"] || "" // qmllint disable unqualified
            alarm: tile.model[key + "Alarm"] || 0 // qmllint disable unqualified
            valueSize: inline ? numerics.small : numerics.big // qmllint disable unqualified
            labelSize: numerics.label // qmllint disable unqualified
        }
        component Pressure: NumericBox {
            property string prefix
            property int row: 0
            y: numerics.yOf(row) // qmllint disable unqualified
            width: numerics.width // qmllint disable unqualified
            inline: true
            triple: [tile.model[prefix + "_sys"], tile.model[prefix + "_dia"], tile.model[prefix + "_mean"]] // qmllint disable unqualified
            stale: !!tile.model[prefix + "_sysStale"] // qmllint disable unqualified
            time: tile.model[prefix + "_sysTime"] // qmllint disable unqualified
            blank: tile.model[prefix + "_sysBlank"] || "" // qmllint disable unqualified
            alarm: Math.max(tile.model[prefix + "_sysAlarm"] || 0, tile.model[prefix + "_diaAlarm"] || 0, // qmllint disable unqualified
                            tile.model[prefix + "_meanAlarm"] || 0)
            valueSize: numerics.small // qmllint disable unqualified
            labelSize: numerics.label // qmllint disable unqualified
        }

        Num { id: hrBox; key: "hr"; label: "HR"; unit: "/min" }
        Num { key: "spo2"; label: "SpO\u2082"; unit: "%"; col: 1 }
        Num { key: "pulse"; label: "Pulse"; unit: "/min"; inline: !tile.tall; valueSize: numerics.small; col: 0; row: 1 }
        Num { id: rrBox; key: "rr"; label: "RR"; unit: "/min"; inline: !tile.tall; valueSize: numerics.small; col: 1; row: 1 }
        Num { key: "temp"; label: "Temp"; unit: "\u00B0C"; decimals: 1; inline: !tile.tall; col: tile.tall ? 2 : 0; row: tile.tall ? 0 : 2 }
        Num { key: "etco2"; label: "etCO\u2082"; unit: "mmHg"; inline: !tile.tall; valueSize: numerics.small; visible: tile.hasEtco2; col: tile.tall ? 2 : 1; row: tile.tall ? 1 : 2 }
        Pressure { id: nibpBox; prefix: "nibp"; key: "nibp"; label: "NIBP"; unit: "mmHg"; showTime: true; color: "#f0f0f0"; row: tile.tall ? 2 : 3 }
        Pressure { prefix: "abp"; key: "abp"; label: "ABP"; unit: "mmHg"; color: WavePalette.colorFor("abp"); visible: tile.hasAbp; row: tile.tall ? 3 : 4 }
    }

    MouseArea {
        anchors.fill: parent
        onClicked: tile.opened(tile.index)
    }
}
