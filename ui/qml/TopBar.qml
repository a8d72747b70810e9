import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// Station and ward, the alarm bar, the station-wide AUDIO PAUSED indicator with its countdown, the data
// sources, and the clock with the date. The alarm bar's text column has first claim on the width: when
// space runs short the source chips collapse to a count ("3 gateways", tap for the list), then the station
// name goes and the ward name shrinks, then the ward name goes (it is in the window title too); the alarm
// text never shrinks for them.
Rectangle {
    id: bar
    objectName: "topBar"
    signal openAlarmCentre()
    signal openSignIn()
    color: Theme.bar
    implicitHeight: 68

    readonly property real fixedWidth: row.anchors.leftMargin + row.anchors.rightMargin + 4 * row.spacing
                                       + alarmBar.fixedWidth + pausedIndicator.implicitWidth
                                       + clock.implicitWidth + languageChip.implicitWidth + row.spacing
                                       + (printStatus.visible ? printStatus.implicitWidth + row.spacing : 0)
                                       + (userChip.visible ? userChip.implicitWidth + row.spacing : 0)
                                       + (dicomChip.visible ? dicomChip.implicitWidth + row.spacing : 0)
    readonly property bool chipsCollapsed: Station.sources.count > 1 && width - fixedWidth - wardColumn.fullWidth
                                           - chipsRow.implicitWidth < alarmBar.textNeed
    // What is left for the ward column once the alarm text has its width: the ward and station names
    // in full, else the ward name alone, smaller and elided (at 1280x800), else nothing.
    readonly property real wardRoom: width - fixedWidth - alarmBar.textNeed
                                     - (chipsCollapsed ? sourceCount.implicitWidth : chipsRow.implicitWidth)
    readonly property bool wardCompact: wardRoom < wardColumn.fullWidth
    readonly property bool wardHidden: wardRoom < 100

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 10

        Column {
            id: wardColumn
            objectName: "wardName"
            // Measured at the full form's sizes (the shown text's size depends on the result).
            readonly property real fullWidth: Math.max(wardMetrics.advanceWidth, stationMetrics.advanceWidth) + row.spacing
            TextMetrics { id: wardMetrics; font.family: Theme.fontFamily; font.pixelSize: 20; font.bold: true; text: Station.wardName }
            TextMetrics { id: stationMetrics; font.family: Theme.fontFamily; font.pixelSize: 13; text: Station.stationName }
            visible: !bar.wardHidden
            Layout.alignment: Qt.AlignVCenter
            Text {
                id: wardText
                objectName: "wardNameText"
                width: bar.wardCompact ? bar.wardRoom - row.spacing : wardMetrics.advanceWidth + 1
                text: Station.wardName
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: bar.wardCompact ? 17 : 20
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                id: stationText
                visible: !bar.wardCompact
                text: Station.stationName
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: 13
            }
        }

        AlarmBar {
            id: alarmBar
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: 4
            Layout.bottomMargin: 4
            onOpenCentre: bar.openAlarmCentre()
        }

        // AUDIO PAUSED is a station-wide state (IEC 60601-1-8: time-limited, its remaining time disclosed):
        // shown as an indicator of its own, not only in the button's caption. Tap to end it early.
        Rectangle {
            id: pausedIndicator
            objectName: "audioPausedIndicator"
            visible: Station.audio.paused
            implicitWidth: visible ? pausedColumn.implicitWidth + 20 : 0
            Layout.preferredWidth: implicitWidth
            Layout.fillHeight: true
            Layout.topMargin: 4
            Layout.bottomMargin: 4
            color: "#2a2140"
            border.color: "white"
            border.width: 3
            radius: 6
            Column {
                id: pausedColumn
                anchors.centerIn: parent
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("AUDIO PAUSED [P]")
                    color: "white"
                    font.family: Theme.fontFamily
                    font.pixelSize: 14
                    font.bold: true
                }
                Text {
                    objectName: "audioPauseCountdown"
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: Theme.minSec(Station.audio.pauseRemaining)
                    color: "white"
                    font.family: Theme.fontFamily
                    font.pixelSize: 24
                    font.bold: true
                }
            }
            MouseArea {
                anchors.fill: parent
                onClicked: Station.audio.cancelPause()
            }
        }

        Item {
            id: sources
            Layout.fillHeight: true
            Layout.preferredWidth: bar.chipsCollapsed ? sourceCount.implicitWidth : chipsRow.implicitWidth
            clip: true
            // Hidden by opacity, not `visible`, so the row keeps its implicit width for the collapse rule.
            Row {
                id: chipsRow
                objectName: "sourceChips"
                anchors.verticalCenter: parent.verticalCenter
                spacing: 8
                opacity: bar.chipsCollapsed ? 0 : 1
                enabled: !bar.chipsCollapsed
                Repeater {
                    model: Station.sources
                    delegate: SourceChip {}
                }
            }
            // The collapsed form: how many sources, a dot for the worst state, tap for the chips.
            Rectangle {
                id: sourceCount
                objectName: "sourceCount"
                visible: bar.chipsCollapsed
                anchors.verticalCenter: parent.verticalCenter
                implicitWidth: countRow.implicitWidth + 20
                width: implicitWidth
                height: Theme.touchTarget
                radius: 6
                color: "#18212b"
                readonly property int up: Station.sources.connectedCount
                border.color: up < Station.sources.count ? Theme.error : "transparent"
                Row {
                    id: countRow
                    anchors.centerIn: parent
                    spacing: 8
                    Rectangle {
                        anchors.verticalCenter: parent.verticalCenter
                        width: 12; height: 12; radius: 6
                        color: sourceCount.up === Station.sources.count ? Theme.ok : Theme.error
                    }
                    Column {
                        anchors.verticalCenter: parent.verticalCenter
                        Text {
                            text: qsTr("%1 gateways").arg(Station.sources.count)
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: 16
                        }
                        Text {
                            visible: sourceCount.up < Station.sources.count
                            text: qsTr("%1 down").arg(Station.sources.count - sourceCount.up)
                            color: Theme.error
                            font.family: Theme.fontFamily
                            font.pixelSize: 14
                            font.bold: true
                        }
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: sourcePopup.open()
                }
                Popup {
                    id: sourcePopup
                    objectName: "sourceList"
                    y: sourceCount.height + 4
                    x: sourceCount.width - width
                    padding: 10
                    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; radius: 6 }
                    Column {
                        spacing: 6
                        Repeater {
                            model: sourcePopup.opened ? Station.sources : null
                            delegate: SourceChip {}
                        }
                    }
                }
            }
        }

        PrintStatusChip {
            id: printStatus
            Layout.alignment: Qt.AlignVCenter
        }

        DicomStatusChip {
            id: dicomChip
            Layout.alignment: Qt.AlignVCenter
        }

        UserChip {
            id: userChip
            Layout.alignment: Qt.AlignVCenter
            Layout.minimumWidth: implicitWidth
            onOpenSignIn: bar.openSignIn()
        }

        LanguageChip {
            id: languageChip
            Layout.alignment: Qt.AlignVCenter
            Layout.minimumWidth: implicitWidth
        }

        Column {
            id: clock
            objectName: "clock"
            Layout.alignment: Qt.AlignVCenter
            property date now: new Date()
            // The date too: at 03:00 after a night shift, or in a screenshot for an incident report.
            property string text: Qt.formatTime(now, "HH:mm:ss")
            Text {
                anchors.right: parent.right
                text: clock.text
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 26
                font.bold: true
            }
            Text {
                objectName: "clockDate"
                anchors.right: parent.right
                text: clock.now.toLocaleDateString(Qt.locale(Station.ui.localeName), "ddd d MMM yyyy") // the UI's language
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: 14
            }
            Timer {
                interval: 1000
                running: true
                repeat: true
                onTriggered: clock.now = new Date()
            }
        }
    }
}
