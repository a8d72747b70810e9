import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The alarm centre: every active and recent alarm, highest priority first, then newest; per alarm the
// bed, text, value against its limit, duration, state, and who acknowledged it.
Popup {
    id: centre
    objectName: "alarmCentre"
    modal: true
    focus: true
    padding: 0
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; radius: 6 }

    function fmtDuration(s) {
        s = Math.max(0, Math.round(s));
        return s >= 3600 ? Math.floor(s / 3600) + "h" + ("0" + Math.floor(s % 3600 / 60)).slice(-2)
                         : Math.floor(s / 60) + ":" + ("0" + s % 60).slice(-2);
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("Alarms \u2014 %1 signalling").arg(Station.signallingCount)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 24
                font.bold: true
            }
            Button { text: qsTr("Close [Esc]"); font.pixelSize: 16; Layout.preferredHeight: Theme.touchTarget; onClicked: centre.close() }
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
            delegate: Rectangle {
                id: row
                required property int index
                required property string alarmId
                required property string bedLabel
                required property string text
                required property int priority
                required property var model
                required property string valueText
                required property real durationS
                required property bool acknowledged
                required property string acknowledgedBy
                required property bool escalated
                required property string delivery
                width: ListView.view.width
                height: 56
                radius: 4
                color: ListView.isCurrentItem ? "#1b2530" : "#121a23"
                readonly property bool live: row.model.state !== "inactive"
                Rectangle {
                    width: 10; height: parent.height; radius: 2
                    color: Theme.alarmColor(row.priority)
                    opacity: row.live && Theme.alarmOn(row.priority) ? 1 : (row.live ? 0.35 : 0.2)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 20
                    anchors.rightMargin: 8
                    spacing: 14
                    Text { text: Theme.priorityName(row.priority); color: Theme.alarmColor(row.priority); font.pixelSize: 18; font.bold: true; Layout.preferredWidth: 60 }
                    Text { text: row.bedLabel; color: Theme.text; font.pixelSize: 18; font.bold: true; Layout.preferredWidth: 130; elide: Text.ElideRight }
                    Text { text: row.text; color: row.live ? Theme.text : Theme.textDim; font.pixelSize: 18; Layout.fillWidth: true; elide: Text.ElideRight }
                    Text { text: row.valueText; color: Theme.text; font.pixelSize: 18; Layout.preferredWidth: 120 }
                    Text { text: centre.fmtDuration(row.durationS); color: Theme.textDim; font.pixelSize: 16; Layout.preferredWidth: 70 }
                    Text {
                        text: row.model.state + (row.escalated ? qsTr(" \u00B7 escalated") : "") + (row.delivery ? " \u00B7 " + row.delivery : "")
                              + (row.acknowledged ? qsTr(" \u00B7 ack %1").arg(row.acknowledgedBy) : "")
                        color: Theme.textDim; font.pixelSize: 15; Layout.preferredWidth: 280; elide: Text.ElideRight
                    }
                    Button {
                        text: qsTr("Ack"); font.pixelSize: 15
                        Layout.preferredHeight: Theme.touchTarget - 4
                        enabled: row.live && !row.acknowledged
                        onClicked: Station.acknowledge(row.alarmId)
                    }
                    Button {
                        text: qsTr("Reset"); font.pixelSize: 15
                        Layout.preferredHeight: Theme.touchTarget - 4
                        enabled: row.model.state === "latched"
                        onClicked: Station.reset(row.alarmId)
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
