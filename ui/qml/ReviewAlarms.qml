import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// Alarms tab: the bed's alarm history over the review range, newest first. Selecting one (tap, or the
// arrow keys and Enter) shows its waves from 30 s before to 30 s after the onset, the onset marked.
FocusScope {
    id: alarmsTab
    objectName: "reviewAlarms"
    property ReviewModel review: null
    property real pixelsPerMm: 0
    signal showWaves(real time)
    readonly property var stripModel: review ? review.alarmStrip : null

    function fmtWhen(t) {
        const d = new Date(t);
        return d.toDateString() === new Date().toDateString() ? Qt.formatTime(d, "HH:mm:ss")
                                                              : d.toLocaleString(Qt.locale(Station.ui.localeName), "ddd dd.MM.  HH:mm:ss"); // weekday in the UI language
    }
    function fmtDuration(ms) {
        const s = Math.max(0, Math.round(ms / 1000));
        return s >= 3600 ? Math.floor(s / 3600) + " h " + ("0" + Math.floor(s % 3600 / 60)).slice(-2) + " min"
                         : s >= 60 ? Math.floor(s / 60) + " min " + ("0" + s % 60).slice(-2) + " s" : s + " s";
    }
    function select(alarmId) {
        const row = review.alarms.indexOf(alarmId);
        if (row >= 0) {
            list.currentIndex = row;
            list.positionViewAtIndex(row, ListView.Contain);
            review.reviewAlarm(alarmId);
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 12

        Rectangle {
            Layout.preferredWidth: Math.min(620, parent.width * 0.36)
            Layout.fillHeight: true
            color: Theme.tile
            border.color: list.activeFocus ? Theme.focus : Theme.tileBorder
            border.width: list.activeFocus ? 2 : 1
            radius: 4

            ListView {
                id: list
                objectName: "alarmHistory"
                anchors.fill: parent
                anchors.margins: 6
                clip: true
                spacing: 4
                focus: true
                keyNavigationEnabled: true
                currentIndex: -1
                model: alarmsTab.review ? alarmsTab.review.alarms : 0
                highlightMoveDuration: 0
                Keys.onReturnPressed: if (currentIndex >= 0) alarmsTab.review.reviewAlarm(alarmsTab.review.alarms.alarmIdAt(currentIndex))
                Keys.onEnterPressed: if (currentIndex >= 0) alarmsTab.review.reviewAlarm(alarmsTab.review.alarms.alarmIdAt(currentIndex))
                // Moving through the list shows each alarm's waves: what a nurse stepping through a night expects.
                onCurrentIndexChanged: if (currentIndex >= 0 && activeFocus) alarmsTab.review.reviewAlarm(alarmsTab.review.alarms.alarmIdAt(currentIndex))
                ScrollBar.vertical: ScrollBar { width: 14; policy: ScrollBar.AsNeeded }

                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string alarmId
                    required property real time
                    required property real endTime
                    required property int priority
                    required property string priorityText
                    required property string text
                    required property string detail
                    required property bool acknowledged
                    required property string acknowledgedBy
                    required property real acknowledgedTime
                    // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                    // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                    // `pragma ComponentBehavior: Bound` lets the tooling know).
                    readonly property bool reviewed: !!alarmsTab.review && alarmsTab.review.reviewedAlarmId === alarmId // qmllint disable unqualified
                    objectName: "alarmRow_" + index
                    width: ListView.view.width - 16
                    height: Math.max(Theme.touchTarget + 20, info.implicitHeight + 14)
                    radius: 4
                    color: reviewed ? "#1d2b3a" : ListView.isCurrentItem ? "#18222d" : "#111820"
                    border.width: reviewed ? 2 : 0
                    border.color: Theme.focus
                    Rectangle {
                        width: 10
                        height: parent.height
                        radius: 2
                        color: row.priority > Priority.None ? Theme.alarmColor(row.priority) : Theme.textDim
                    }
                    Column {
                        id: info
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                                  leftMargin: 22; rightMargin: 10 }
                        spacing: 2
                        RowLayout {
                            width: parent.width
                            spacing: 12
                            Text {
                                // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                                // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                                // `pragma ComponentBehavior: Bound` lets the tooling know).
                                text: alarmsTab.fmtWhen(row.time) // qmllint disable unqualified
                                color: Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: 20
                                font.bold: true
                            }
                            Text {
                                text: row.priority > Priority.None ? Theme.priorityName(row.priority) : row.priorityText
                                color: row.priority > Priority.None ? Theme.alarmColor(row.priority) : Theme.textDim
                                font.family: Theme.fontFamily
                                font.pixelSize: 17
                                font.bold: true
                            }
                            Item { Layout.fillWidth: true }
                            Text {
                                // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                                // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                                // `pragma ComponentBehavior: Bound` lets the tooling know).
                                text: row.endTime > row.time ? alarmsTab.fmtDuration(row.endTime - row.time) : "" // qmllint disable unqualified
                                color: Theme.textDim
                                font.family: Theme.fontFamily
                                font.pixelSize: 16
                            }
                        }
                        Text {
                            width: parent.width
                            text: row.text + (row.detail.length ? "   " + row.detail : "")
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: 19
                            elide: Text.ElideRight
                        }
                        Text {
                            visible: row.acknowledged
                            width: parent.width
                            text: qsTr("Acknowledged %1%2").arg(Qt.formatTime(new Date(row.acknowledgedTime), "HH:mm:ss"))
                                                          .arg(row.acknowledgedBy.length ? qsTr(" by %1").arg(row.acknowledgedBy) : "")
                            color: Theme.textDim
                            font.family: Theme.fontFamily
                            font.pixelSize: 16
                            elide: Text.ElideRight
                        }
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: {
                            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                            // `pragma ComponentBehavior: Bound` lets the tooling know).
                            list.currentIndex = row.index; // qmllint disable unqualified
                            list.forceActiveFocus();
                            alarmsTab.review.reviewAlarm(row.alarmId);
                        }
                    }
                }

                Text {
                    objectName: "noAlarms"
                    anchors.centerIn: parent
                    width: parent.width - 40
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    visible: list.count === 0 && !!alarmsTab.review && alarmsTab.review.loaded
                    text: alarmsTab.review && alarmsTab.review.rangeHours > 0
                          ? qsTr("No alarms in the last %1 h.").arg(alarmsTab.review.rangeHours)
                          : qsTr("No alarms in this stay.")
                    color: Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: 22
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            id: stripPane
            spacing: 10
            readonly property var current: {
                const r = alarmsTab.review;
                if (!r || !r.reviewedAlarmId.length)
                    return null;
                const i = r.alarms.indexOf(r.reviewedAlarmId);
                return i >= 0 ? { time: r.alarms.timeAt(i) } : null;
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Text {
                    Layout.fillWidth: true
                    objectName: "alarmStripTitle"
                    text: stripPane.current
                          ? qsTr("Onset %1   \u00B7   30 s before to 30 s after").arg(alarmsTab.fmtWhen(stripPane.current.time))
                          : qsTr("Choose an alarm to see its waves")
                    color: stripPane.current ? Theme.text : Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: 22
                    elide: Text.ElideRight
                }
                ReviewButton {
                    objectName: "openInDisclosure"
                    enabled: stripPane.current !== null
                    text: qsTr("Open in full disclosure")
                    onClicked: alarmsTab.showWaves(stripPane.current.time)
                }
            }
            ReviewStrip {
                id: stripArea
                objectName: "alarmStripView"
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: !!alarmsTab.stripModel && (alarmsTab.stripModel.loaded || alarmsTab.stripModel.loading)
                stripModel: alarmsTab.stripModel
                pixelsPerMm: alarmsTab.pixelsPerMm
                fit: true
                markerLabel: qsTr("Onset %1").arg(Qt.formatTime(new Date(stripArea.view.marker), "HH:mm:ss"))
            }
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: !stripArea.visible
                Text {
                    anchors.centerIn: parent
                    text: list.count > 0 ? qsTr("Select an alarm in the list (\u2191 \u2193, Enter)") : ""
                    color: Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: 22
                }
            }
        }
    }
}
