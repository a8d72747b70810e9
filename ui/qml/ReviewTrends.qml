import QtQuick
import QtQuick.Layouts
import Vigil.Ui

// Trends tab of the bed review: one panel per numeric group over the current stay (the default) or the
// last 1 / 8 / 24 / 96 h, alarms marked on the time axis. Zoom: wheel, pinch, + / - keys or buttons; pan: drag, arrow keys or buttons. A click sets a
// cursor that reads the values off every panel; a double click (or W) opens the waves at that time.
FocusScope {
    id: tab
    objectName: "reviewTrends"
    property ReviewModel review: null
    property real cursorTime: NaN
    signal showWaves(real time)
    signal openAlarm(string alarmId)

    readonly property var panels: review ? tab.withData(review.trendPanels) : []
    readonly property real legendWidth: 200
    readonly property real axisWidth: 70
    readonly property real spanMs: review ? review.viewEnd - review.viewStart : 0

    // The panels that have data. (A function taking the list: Qt 6.4's qmllint types the C++ QVariantList
    // property as such and knows no JS Array methods on it.)
    function withData(list) {
        return list.filter(p => p.hasData);
    }
    function fmtSpan(ms) {
        const m = Math.round(ms / 60000);
        return m >= 120 ? (m / 60).toFixed(m % 60 === 0 ? 0 : 1) + " h" : m + " min";
    }
    function fmtWindow(a, b) {
        const da = new Date(a), db = new Date(b);
        const sameDay = da.toDateString() === db.toDateString();
        return da.toLocaleString(Qt.locale(Station.ui.localeName), "ddd HH:mm") + " \u2013 "
               + (sameDay ? Qt.formatTime(db, "HH:mm") : db.toLocaleString(Qt.locale(Station.ui.localeName), "ddd HH:mm"));
    }

    Keys.onLeftPressed: review.pan(-0.25)
    Keys.onRightPressed: review.pan(0.25)
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal) {
            review.zoom(1.5);
        } else if (event.key === Qt.Key_Minus) {
            review.zoom(1 / 1.5);
        } else if (event.key === Qt.Key_Home) {
            review.resetView();
        } else if (event.key === Qt.Key_W && !isNaN(tab.cursorTime)) {
            tab.showWaves(tab.cursorTime);
        } else {
            return;
        }
        event.accepted = true;
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                // 0: the stay, from its start to now.
                model: [0, 1, 8, 24, 96]
                delegate: ReviewButton {
                    required property int modelData
                    objectName: modelData === 0 ? "rangeStay" : "range" + modelData
                    //: Range: the whole hospital stay of the patient in this bed (since admission)
                    text: modelData === 0 ? qsTr("Stay") : modelData + " h"
                    checkable: true
                    // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                    // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                    // `pragma ComponentBehavior: Bound` lets the tooling know).
                    checked: !!tab.review && tab.review.rangeHours === modelData // qmllint disable unqualified
                    implicitWidth: 88
                    // Re-selecting the current range reloads it: the way to catch up with a live bed.
                    onClicked: {
                        if (tab.review.rangeHours === modelData) // qmllint disable unqualified
                            tab.review.loadTrends();
                        else
                            tab.review.rangeHours = modelData;
                        checked = Qt.binding(() => !!tab.review && tab.review.rangeHours === modelData);
                    }
                }
            }
            Item { Layout.preferredWidth: 24 }
            ReviewButton { objectName: "zoomOut"; text: "\u2212"; font.pixelSize: 26; implicitWidth: 64; onClicked: tab.review.zoom(1 / 1.5) }
            ReviewButton { objectName: "zoomIn"; text: "+"; font.pixelSize: 26; implicitWidth: 64; onClicked: tab.review.zoom(1.5) }
            ReviewButton { objectName: "panLeft"; text: "\u25C0"; implicitWidth: 64; onClicked: tab.review.pan(-0.25) }
            ReviewButton { objectName: "panRight"; text: "\u25B6"; implicitWidth: 64; onClicked: tab.review.pan(0.25) }
            ReviewButton { objectName: "zoomReset"; text: qsTr("Whole range"); onClicked: tab.review.resetView() }
            Text {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                objectName: "viewLabel"
                text: tab.review && tab.review.loaded
                      ? tab.fmtWindow(tab.review.viewStart, tab.review.viewEnd) + "   (" + tab.fmtSpan(tab.spanMs) + ")"
                      : ""
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 20
                elide: Text.ElideRight
            }
            ReviewButton {
                objectName: "cursorWaves"
                visible: !isNaN(tab.cursorTime)
                text: qsTr("Waves at %1  [W]").arg(Qt.formatTime(new Date(tab.cursorTime), "HH:mm"))
                onClicked: tab.showWaves(tab.cursorTime)
            }
        }

        Item {
            id: chartArea
            Layout.fillWidth: true
            Layout.fillHeight: true
            readonly property real chartX: tab.legendWidth + tab.axisWidth
            readonly property real chartWidth: Math.max(1, width - chartX - 16)
            readonly property real markerHeight: 34
            readonly property real panelsHeight: Math.max(0, height - timeAxis.height - markerHeight - 4)
            readonly property real panelHeight: tab.panels.length ? panelsHeight / tab.panels.length : 0
            readonly property real msPerPx: tab.spanMs / chartWidth

            function xOf(t) { return chartX + (t - tab.review.viewStart) / msPerPx; }

            Binding {
                target: tab.review || null
                property: "chartPoints"
                value: Math.round(chartArea.chartWidth)
                when: tab.review !== null && chartArea.chartWidth > 100
            }

            Column {
                id: panelColumn
                width: parent.width
                Repeater {
                    model: tab.panels
                    delegate: Item {
                        id: panel
                        required property var modelData
                        required property int index
                        objectName: "panel_" + modelData.key
                        // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                        // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                        // `pragma ComponentBehavior: Bound` lets the tooling know).
                        width: panelColumn.width // qmllint disable unqualified
                        height: chartArea.panelHeight // qmllint disable unqualified
                        readonly property real plotTop: 8
                        readonly property real plotHeight: height - 16
                        readonly property color mainColor: trendView.colorFor(modelData.series[0])
                        function yOf(v) { return plotTop + (1 - (v - modelData.lo) / (modelData.hi - modelData.lo)) * plotHeight; }

                        Rectangle {
                            anchors.fill: parent
                            anchors.bottomMargin: 3
                            color: Theme.tile
                            border.color: Theme.tileBorder
                            radius: 4
                        }
                        // Legend: what, in which unit, and the values at the cursor.
                        Column {
                            x: 12
                            y: 6
                            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                            // `pragma ComponentBehavior: Bound` lets the tooling know).
                            width: tab.legendWidth - 16 // qmllint disable unqualified
                            spacing: 2
                            Row {
                                spacing: 8
                                Text {
                                    text: panel.modelData.label
                                    color: panel.mainColor
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Math.min(26, Math.max(16, panel.height * 0.22))
                                    font.bold: true
                                }
                                Text {
                                    anchors.baseline: parent.children[0].baseline
                                    text: panel.modelData.unit
                                    color: Theme.textDim
                                    font.family: Theme.fontFamily
                                    font.pixelSize: 16
                                }
                            }
                            Row {
                                spacing: 10
                                visible: panel.modelData.series.length > 1 || !isNaN(tab.cursorTime)
                                Repeater {
                                    model: panel.modelData.series
                                    delegate: Text {
                                        required property string modelData
                                        // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                                        // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                                        // `pragma ComponentBehavior: Bound` lets the tooling know).
                                        readonly property real v: isNaN(tab.cursorTime) ? NaN : trendView.valueAt(modelData, tab.cursorTime) // qmllint disable unqualified
                                        objectName: "readout_" + modelData
                                        text: (panel.modelData.series.length > 1 ? modelData.split("_").pop() + " " : "") // qmllint disable unqualified
                                              + (isNaN(tab.cursorTime) ? "" : isNaN(v) ? "--" : v.toFixed(panel.modelData.decimals))
                                        color: trendView.colorFor(modelData) // qmllint disable unqualified
                                        font.family: Theme.fontFamily
                                        font.pixelSize: isNaN(tab.cursorTime) ? 17 : 20 // qmllint disable unqualified
                                        font.bold: !isNaN(tab.cursorTime) // qmllint disable unqualified
                                    }
                                }
                            }
                        }
                        // Value scale and horizontal grid.
                        Repeater {
                            model: Math.round((panel.modelData.hi - panel.modelData.lo) / panel.modelData.step) + 1
                            delegate: Item {
                                required property int index
                                // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                                // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                                // `pragma ComponentBehavior: Bound` lets the tooling know).
                                readonly property real value: panel.modelData.lo + index * panel.modelData.step // qmllint disable unqualified
                                readonly property bool crowded: panel.plotHeight / Math.max(1, (panel.modelData.hi - panel.modelData.lo) / panel.modelData.step) < 22 // qmllint disable unqualified
                                y: panel.yOf(value) // qmllint disable unqualified
                                Rectangle { x: chartArea.chartX; width: chartArea.chartWidth; height: 1; color: "#1c2732" } // qmllint disable unqualified
                                Text {
                                    visible: !parent.crowded || parent.index % 2 === 0
                                    x: tab.legendWidth // qmllint disable unqualified
                                    width: tab.axisWidth - 8 // qmllint disable unqualified
                                    y: -height / 2
                                    horizontalAlignment: Text.AlignRight
                                    text: parent.value.toFixed(panel.modelData.step % 1 !== 0 ? 1 : 0) // qmllint disable unqualified
                                    color: Theme.textDim
                                    font.family: Theme.fontFamily
                                    font.pixelSize: 16
                                }
                            }
                        }
                        // Vertical grid at the time axis' ticks.
                        Repeater {
                            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                            // `pragma ComponentBehavior: Bound` lets the tooling know).
                            model: timeAxis.ticks // qmllint disable unqualified
                            delegate: Rectangle {
                                required property real modelData
                                x: chartArea.xOf(modelData) // qmllint disable unqualified
                                y: panel.plotTop // qmllint disable unqualified
                                width: 1
                                height: panel.plotHeight // qmllint disable unqualified
                                color: "#1c2732"
                            }
                        }
                        // Alarm onsets through the panels, faint: the markers below carry the colour.
                        Repeater {
                            model: tab.review && tab.review.alarms.count <= 300 ? tab.review.alarms : 0 // qmllint disable unqualified
                            delegate: Rectangle {
                                required property real time
                                required property int priority
                                readonly property real px: chartArea.xOf(time) // qmllint disable unqualified
                                visible: px >= chartArea.chartX && px <= chartArea.chartX + chartArea.chartWidth // qmllint disable unqualified
                                x: px
                                y: panel.plotTop // qmllint disable unqualified
                                width: 1
                                height: panel.plotHeight // qmllint disable unqualified
                                color: priority > Priority.None ? Theme.alarmColor(priority) : Theme.textDim
                                opacity: 0.45
                            }
                        }
                        ReviewTrendView {
                            id: trendView
                            objectName: "trend_" + panel.modelData.key
                            x: chartArea.chartX // qmllint disable unqualified
                            y: panel.plotTop
                            width: chartArea.chartWidth // qmllint disable unqualified
                            height: panel.plotHeight
                            trends: tab.review ? tab.review.trends : undefined // qmllint disable unqualified
                            series: panel.modelData.series
                            viewStart: tab.review ? tab.review.viewStart : 0 // qmllint disable unqualified
                            viewEnd: tab.review ? tab.review.viewEnd : 1 // qmllint disable unqualified
                            valueLow: panel.modelData.lo
                            valueHigh: panel.modelData.hi
                            lineWidth: 2.5
                        }
                    }
                }
            }

            // Alarm markers on the time axis, coloured by priority; tap one to review it.
            Item {
                id: markerRow
                objectName: "alarmMarkers"
                y: chartArea.panelsHeight + 2
                width: parent.width
                height: chartArea.markerHeight
                Text {
                    x: 12
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Alarms")
                    color: Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: 16
                }
                Repeater {
                    model: tab.review ? tab.review.alarms : 0
                    delegate: Item {
                        required property real time
                        required property int priority
                        required property string alarmId
                        required property string text
                        // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                        // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                        // `pragma ComponentBehavior: Bound` lets the tooling know).
                        readonly property real px: chartArea.xOf(time) // qmllint disable unqualified
                        visible: px >= chartArea.chartX - 2 && px <= chartArea.chartX + chartArea.chartWidth + 2 // qmllint disable unqualified
                        x: px - width / 2
                        width: Theme.touchTarget
                        height: markerRow.height // qmllint disable unqualified
                        // Higher priorities on top where markers overlap.
                        z: priority
                        Rectangle {
                            anchors.horizontalCenter: parent.horizontalCenter
                            y: 4
                            width: 12
                            height: parent.height - 8
                            radius: 2
                            color: parent.priority > Priority.None ? Theme.alarmColor(parent.priority) : Theme.textDim
                        }
                        MouseArea {
                            anchors.fill: parent
                            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                            // `pragma ComponentBehavior: Bound` lets the tooling know).
                            onClicked: tab.openAlarm(parent.alarmId) // qmllint disable unqualified
                        }
                    }
                }
            }

            ReviewTimeAxis {
                id: timeAxis
                objectName: "timeAxis"
                x: chartArea.chartX
                y: chartArea.panelsHeight + chartArea.markerHeight + 4
                width: chartArea.chartWidth
                start: tab.review ? tab.review.viewStart : 0
                end: tab.review ? tab.review.viewEnd : 1
                fontSize: 17
                minSpacing: 130
            }

            // The cursor: a click on any panel.
            Rectangle {
                objectName: "cursor"
                visible: !isNaN(tab.cursorTime) && x >= chartArea.chartX && x <= chartArea.chartX + chartArea.chartWidth
                x: isNaN(tab.cursorTime) ? -10 : chartArea.xOf(tab.cursorTime)
                width: 2
                height: chartArea.panelsHeight
                color: "#ffffff"
            }

            // Drag to pan, wheel or pinch to zoom, click for the cursor, double click for the waves.
            PinchArea {
                id: pinch
                x: chartArea.chartX
                width: chartArea.chartWidth
                height: chartArea.panelsHeight
                enabled: !!tab.review && tab.review.loaded
                onPinchUpdated: (p) => {
                    if (p.previousScale > 0)
                        tab.review.zoom(p.scale / p.previousScale, p.center.x / width);
                }
                MouseArea {
                    id: mouse
                    anchors.fill: parent
                    property real pressX: 0
                    property real startAtPress: 0
                    property real endAtPress: 0
                    property bool dragged: false
                    onPressed: (m) => {
                        pressX = m.x;
                        startAtPress = tab.review.viewStart;
                        endAtPress = tab.review.viewEnd;
                        dragged = false;
                        tab.forceActiveFocus();
                    }
                    onPositionChanged: (m) => {
                        const dx = m.x - pressX;
                        if (Math.abs(dx) > 6)
                            dragged = true;
                        if (dragged) {
                            const shift = -dx * chartArea.msPerPx;
                            tab.review.setView(startAtPress + shift, endAtPress + shift);
                        }
                    }
                    onClicked: (m) => {
                        if (!dragged)
                            tab.cursorTime = tab.review.viewStart + m.x * chartArea.msPerPx;
                    }
                    onDoubleClicked: (m) => tab.showWaves(tab.review.viewStart + m.x * chartArea.msPerPx)
                    onWheel: (w) => {
                        const steps = w.angleDelta.y / 120;
                        if (steps !== 0)
                            tab.review.zoom(Math.pow(1.25, steps), w.x / width);
                    }
                }
            }

            // First load: nothing to show yet.
            Column {
                objectName: "trendLoading"
                anchors.centerIn: parent
                spacing: 14
                visible: !!tab.review && tab.review.available && !tab.review.loaded && tab.review.trendLoading
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Loading trends\u2026")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: 28
                }
                ReviewProgress {
                    width: 420
                    value: tab.review ? tab.review.progress : 0
                }
            }
            Text {
                objectName: "noTrends"
                anchors.centerIn: parent
                width: parent.width * 0.8
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: !!tab.review && tab.review.loaded && tab.panels.length === 0 && !tab.review.trendLoading
                text: tab.review && tab.review.rangeHours > 0
                      ? qsTr("No trends archived for this bed in the last %1 h.").arg(tab.review.rangeHours)
                      : qsTr("No trends archived for this stay.")
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: 26
            }
        }
    }
}
