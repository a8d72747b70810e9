import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The bed's alarm limits: every parameter the station alarms on, low and high. Changes are staged
// here, listed for a confirm step, and only then applied (Station.setLimit; a refusal is shown as the
// station words it). Limits the bedside monitor governs are shown as the device's, read-only. "Restore
// defaults" puts back the ward's defaults for this bed, also after a confirm step.
Popup {
    id: panel
    objectName: "limitsPanel"
    property int bedIndex: -1
    property var bed: null
    parent: Overlay.overlay
    modal: true
    focus: true
    padding: 16
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.max(8, Math.round((parent.height - height) / 2)) : 0
    width: Math.min(parent ? parent.width - 16 : 1000, 1000)
    height: Math.min(parent ? parent.height - 16 : 900, content.implicitHeight + 2 * padding)
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; border.width: 2; radius: 6 }

    readonly property var fallbackKeys: ["hr", "spo2", "pulse", "nibp_sys", "nibp_dia", "nibp_mean", "abp_sys",
                                          "abp_dia", "abp_mean", "rr", "temp", "etco2"]
    readonly property var fallbackLabels: ({ hr: "HR", spo2: "SpO\u2082", pulse: "Pulse", nibp_sys: "NIBP sys",
                                             nibp_dia: "NIBP dia", nibp_mean: "NIBP mean", abp_sys: "ABP sys",
                                             abp_dia: "ABP dia", abp_mean: "ABP mean", rr: "RR", temp: "Temp",
                                             etco2: "etCO\u2082" })
    readonly property var fallbackUnits: ({ hr: "/min", spo2: "%", pulse: "/min", rr: "/min", temp: "\u00B0C", etco2: "mmHg" })
    property var keys: []
    property var current: ({})  // key -> the station's limits map
    property var staged: ({})   // key -> {low, high} as edited, not yet applied
    property string mode: "edit" // "edit", "confirm" (changes listed), "restore" (restore defaults asked)
    property string error: ""

    function info(key) {
        const l = current[key] || {};
        return {
            low: l.low === undefined ? NaN : Number(l.low),
            high: l.high === undefined ? NaN : Number(l.high),
            source: l.source || "station",
            custom: !!l.custom,
            editable: l.editable === undefined ? (l.source || "station") !== "device" : !!l.editable,
            label: l.label || fallbackLabels[key] || key,
            unit: l.unit !== undefined ? l.unit : (fallbackUnits[key] || "mmHg"),
            decimals: l.decimals !== undefined ? l.decimals : (key === "temp" ? 1 : 0)
        };
    }
    function reload() {
        keys = Station.limitKeys ? Station.limitKeys() : fallbackKeys;
        const c = {};
        for (const k of keys)
            c[k] = Station.limits(bedIndex, k);
        current = c;
        staged = {};
        error = "";
    }
    function value(key, which) {
        const s = staged[key];
        return s ? s[which] : info(key)[which];
    }
    function step(key) {
        const d = info(key).decimals;
        return d > 0 ? Math.pow(10, -d) * (key === "temp" ? 1 : 1) : (key === "hr" || key === "pulse" || key.indexOf("_") > 0 ? 5 : 1);
    }
    function nudge(key, which, direction) {
        const i = info(key);
        let v = value(key, which);
        if (isNaN(v)) {
            // Turning a limit on: start from the other limit, else the bed's value, else 0.
            const other = value(key, which === "low" ? "high" : "low");
            const live = bed ? Number(bed[key]) : NaN;
            v = !isNaN(other) ? other + (which === "low" ? -10 : 10) * step(key) : !isNaN(live) ? live : 0;
        } else {
            v += direction * step(key);
        }
        v = Number(v.toFixed(i.decimals));
        const s = Object.assign({}, staged);
        s[key] = { low: which === "low" ? v : value(key, "low"), high: which === "high" ? v : value(key, "high") };
        staged = s;
    }
    function turnOff(key, which) {
        const s = Object.assign({}, staged);
        s[key] = { low: which === "low" ? NaN : value(key, "low"), high: which === "high" ? NaN : value(key, "high") };
        staged = s;
    }
    function same(a, b) { return (isNaN(a) && isNaN(b)) || a === b; }
    readonly property var changes: {
        const out = [];
        for (const k of keys) {
            const s = staged[k];
            if (!s)
                continue;
            const i = info(k);
            if (!same(s.low, i.low) || !same(s.high, i.high))
                out.push({ key: k, label: i.label, unit: i.unit, decimals: i.decimals,
                           fromLow: i.low, fromHigh: i.high, low: s.low, high: s.high });
        }
        return out;
    }
    function fmt(v, decimals) { return isNaN(v) ? qsTr("off") : Number(v).toFixed(decimals); }
    function apply() {
        const errors = [];
        for (const c of changes) {
            const e = Station.setLimit(bedIndex, c.key, c.low, c.high);
            if (e && e.length)
                errors.push(c.label + ": " + e);
        }
        reload();
        error = errors.join("\n");
        mode = "edit";
    }
    function restoreDefaults() {
        if (Station.restoreDefaultLimits) {
            const e = Station.restoreDefaultLimits(bedIndex);
            reload();
            error = (typeof e === "string") ? e : "";
        } else {
            reload();
            error = qsTr("Restoring defaults is not available in this station version");
        }
        mode = "edit";
    }

    onAboutToShow: { reload(); mode = "edit"; }

    component Cap: Text {
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: 17
        verticalAlignment: Text.AlignVCenter
    }
    component Step: Button {
        Layout.preferredWidth: Theme.touchTarget
        Layout.preferredHeight: Theme.touchTarget
        font.pixelSize: 20
    }

    ColumnLayout {
        id: content
        anchors.fill: parent
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Cap {
                Layout.fillWidth: true
                //: Title: the alarm limits (upper and lower thresholds) of bed %1
                text: qsTr("Alarm limits \u2014 %1").arg(panel.bed ? panel.bed.label + "  " + (panel.bed.patientName || "") : "")
                font.pixelSize: 22
                font.bold: true
                elide: Text.ElideRight
            }
            Button {
                objectName: "restoreDefaults"
                text: qsTr("Restore defaults")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                visible: panel.mode === "edit"
                onClicked: panel.mode = "restore"
            }
            Button {
                objectName: "limitsClose"
                text: qsTr("Close")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.close()
            }
        }
        Cap {
            objectName: "limitError"
            visible: text.length > 0
            Layout.fillWidth: true
            text: panel.error
            color: Theme.warning
            font.bold: true
            wrapMode: Text.Wrap
        }

        // Edit: one row per parameter.
        Flickable {
            visible: panel.mode === "edit"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: rows.implicitHeight
            contentHeight: rows.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: rows
                objectName: "limitRows"
                width: parent.width
                spacing: 2
                // Column headings over the low and the high controls.
                Row {
                    height: 26
                    Item { width: limitHeadings.labelW + 8; height: 1 }
                    Cap { width: limitHeadings.boundW; text: qsTr("Low limit"); color: Theme.textDim; font.pixelSize: 15; horizontalAlignment: Text.AlignHCenter }
                    Cap { width: limitHeadings.boundW; text: qsTr("High limit"); color: Theme.textDim; font.pixelSize: 15; horizontalAlignment: Text.AlignHCenter }
                    QtObject {
                        id: limitHeadings
                        // The widths of the first row's cells (every row has the same ones).
                        property real labelW: 200
                        property real boundW: 2 * Theme.touchTarget + 64 + Theme.touchTarget + 8 + 8 + 4 * 4 + 8
                    }
                }
                Repeater {
                    model: panel.keys
                    delegate: RowLayout {
                        id: limitRow
                        required property string modelData
                        readonly property string key: modelData
                        // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                        // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                        // `pragma ComponentBehavior: Bound` lets the tooling know).
                        readonly property var lim: panel.info(key) // qmllint disable unqualified
                        readonly property bool editable: lim.editable
                        width: rows.width // qmllint disable unqualified
                        height: Theme.touchTarget
                        spacing: 8
                        Cap {
                            objectName: "limitLabel_" + limitRow.key
                            text: limitRow.lim.label + "  " + limitRow.lim.unit
                            Layout.preferredWidth: Math.max(200, implicitWidth)
                            color: WavePalette.colorFor(limitRow.key.startsWith("abp") ? "abp" : limitRow.key)
                            font.bold: true
                        }
                        Repeater {
                            model: ["low", "high"]
                            delegate: RowLayout {
                                id: bound
                                required property string modelData
                                spacing: 4
                                Step {
                                    text: "\u2212"
                                    // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                                    // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                                    // `pragma ComponentBehavior: Bound` lets the tooling know).
                                    opacity: limitRow.editable ? 1 : 0 // qmllint disable unqualified
                                    enabled: limitRow.editable // qmllint disable unqualified
                                    onClicked: panel.nudge(limitRow.key, bound.modelData, -1) // qmllint disable unqualified
                                }
                                Cap {
                                    objectName: "limit_" + limitRow.key + "_" + bound.modelData // qmllint disable unqualified
                                    text: panel.fmt(panel.value(limitRow.key, bound.modelData), limitRow.lim.decimals) // qmllint disable unqualified
                                    horizontalAlignment: Text.AlignHCenter
                                    Layout.preferredWidth: Math.max(64, implicitWidth)
                                    color: panel.staged[limitRow.key] ? Theme.warning : Theme.text // qmllint disable unqualified
                                    font.bold: true
                                }
                                Step {
                                    text: "+"
                                    opacity: limitRow.editable ? 1 : 0 // qmllint disable unqualified
                                    enabled: limitRow.editable // qmllint disable unqualified
                                    onClicked: panel.nudge(limitRow.key, bound.modelData, 1) // qmllint disable unqualified
                                }
                                Button {
                                    text: qsTr("off")
                                    font.pixelSize: 14
                                    Layout.preferredWidth: Theme.touchTarget + 8
                                    Layout.preferredHeight: Theme.touchTarget
                                    opacity: limitRow.editable ? 1 : 0 // qmllint disable unqualified
                                    enabled: limitRow.editable && !isNaN(panel.value(limitRow.key, bound.modelData)) // qmllint disable unqualified
                                    onClicked: panel.turnOff(limitRow.key, bound.modelData) // qmllint disable unqualified
                                }
                                Item { Layout.preferredWidth: 8 }
                            }
                        }
                        Cap {
                            objectName: "limitSource_" + limitRow.key
                            Layout.fillWidth: true
                            text: limitRow.lim.source === "device" ? qsTr("set at bedside monitor")
                                  : limitRow.lim.custom ? qsTr("custom") : qsTr("ward default")
                            color: limitRow.lim.source === "device" ? Theme.warning : Theme.textDim
                            font.pixelSize: 15
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }
        }

        // Confirm: the changes, old to new.
        ColumnLayout {
            visible: panel.mode === "confirm"
            Layout.fillWidth: true
            spacing: 6
            Cap { text: qsTr("Apply these limit changes?"); font.bold: true; font.pixelSize: 20 }
            Repeater {
                model: panel.mode === "confirm" ? panel.changes : []
                delegate: Cap {
                    required property var modelData
                    text: "%1:  %2\u2013%3  \u2192  %4\u2013%5 %6".arg(modelData.label)
                          .arg(panel.fmt(modelData.fromLow, modelData.decimals)).arg(panel.fmt(modelData.fromHigh, modelData.decimals))
                          .arg(panel.fmt(modelData.low, modelData.decimals)).arg(panel.fmt(modelData.high, modelData.decimals))
                          .arg(modelData.unit)
                }
            }
        }
        Cap {
            visible: panel.mode === "restore"
            text: qsTr("Restore the ward's default limits for this bed? Limits set at the bedside monitor stay as they are.")
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Item { Layout.fillWidth: true }
            Button {
                objectName: "limitsDiscard"
                visible: panel.mode === "edit"
                enabled: panel.changes.length > 0
                text: qsTr("Discard changes")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.staged = {}
            }
            Button {
                objectName: "limitsReview"
                visible: panel.mode === "edit"
                enabled: panel.changes.length > 0
                text: panel.changes.length === 0 ? qsTr("Apply changes\u2026") : panel.changes.length === 1 ? qsTr("Apply 1 change\u2026")
                      : qsTr("Apply %1 changes\u2026").arg(panel.changes.length)
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.mode = "confirm"
            }
            Button {
                objectName: "limitsBack"
                visible: panel.mode !== "edit"
                text: qsTr("Back")
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.mode = "edit"
            }
            Button {
                objectName: "limitsConfirm"
                visible: panel.mode !== "edit"
                text: panel.mode === "restore" ? qsTr("Confirm: restore defaults") : qsTr("Confirm")
                highlighted: true
                font.pixelSize: 16
                Layout.preferredHeight: Theme.touchTarget
                onClicked: panel.mode === "restore" ? panel.restoreDefaults() : panel.apply()
            }
        }
    }
}
