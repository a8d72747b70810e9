import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// NEWS2 in the bed view: the aggregate and response, each parameter's value, age, source and sub-score,
// what is missing or stale, and the nurse's entries: consciousness (ACVPU), air or oxygen, SpO2 scale 2
// (recorded with who chose it), and a value the monitor does not measure. Every control is a button or a
// field (touch), reachable with Tab and worked with Space/Enter (keyboard); each calls Station.news.
ColumnLayout {
    id: panel
    objectName: "newsPanel"
    property string bedKey
    property var d: ({})
    property string error: ""
    spacing: 4
    function refresh() { panel.d = panel.bedKey ? Station.news.details(panel.bedKey) : ({}); }
    function did(result) { panel.error = result; panel.refresh(); }
    onBedKeyChanged: refresh()
    Timer { interval: 1000; running: panel.visible; repeat: true; onTriggered: panel.refresh() }

    readonly property bool complete: !!panel.d.complete
    readonly property int responseLevel: ["zero", "low", "low-medium", "medium", "high"].indexOf(panel.d.response || "zero")

    Rectangle {
        objectName: "newsHeader"
        Layout.fillWidth: true
        Layout.preferredHeight: 34
        radius: 4
        color: panel.complete ? Theme.newsColor(panel.responseLevel) : "transparent"
        border.color: Theme.textDim
        Text {
            anchors { left: parent.left; leftMargin: 8; right: parent.right; rightMargin: 8; verticalCenter: parent.verticalCenter }
            text: panel.d.total === undefined ? qsTr("NEWS2: no inputs yet")
                : panel.complete ? qsTr("NEWS2 %1 %2  %3").arg(panel.d.total)
                                       .arg(panel.d.trend > 0 ? "\u2191" : panel.d.trend < 0 ? "\u2193" : "\u2192")
                                       .arg(panel.d.responseText || panel.d.response)
                : qsTr("NEWS2 incomplete (\u2265%1): %2").arg(panel.d.total).arg(panel.d.missing)
            color: panel.complete && panel.responseLevel > 0 ? "black" : Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: 18
            font.bold: true
            elide: Text.ElideRight
        }
    }
    Text {
        objectName: "newsDeterioration"
        visible: (panel.d.deterioration || "").length > 0
        Layout.fillWidth: true
        text: qsTr("Deteriorating: %1").arg(panel.d.deterioration || "")
        color: Theme.warning
        font.family: Theme.fontFamily
        font.pixelSize: 14
        wrapMode: Text.Wrap
    }
    GridLayout {
        Layout.fillWidth: true
        columns: 4
        columnSpacing: 10
        rowSpacing: 1
        Repeater {
            model: panel.d.params || []
            delegate: Text {
                required property var modelData
                Layout.column: 0
                Layout.row: index
                required property int index
                text: modelData.label
                color: Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: 15
            }
        }
        Repeater {
            model: panel.d.params || []
            delegate: Text {
                required property var modelData
                required property int index
                Layout.column: 1
                Layout.row: index
                Layout.minimumWidth: 60
                text: modelData.text
                color: modelData.stale || modelData.missing ? Theme.stale : Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 15
                font.italic: modelData.stale
                font.bold: !modelData.stale
            }
        }
        Repeater {
            model: panel.d.params || []
            delegate: Text {
                required property var modelData
                required property int index
                Layout.column: 2
                Layout.row: index
                Layout.fillWidth: true
                text: modelData.missing ? qsTr("missing") : (modelData.stale ? qsTr("STALE ") : "") + modelData.time + "  " + modelData.source
                color: modelData.stale || modelData.missing ? Theme.warning : Theme.textDim
                font.family: Theme.fontFamily
                font.pixelSize: 13
                elide: Text.ElideRight
            }
        }
        Repeater {
            model: panel.d.params || []
            delegate: Rectangle {
                required property var modelData
                required property int index
                Layout.column: 3
                Layout.row: index
                Layout.preferredWidth: 26
                Layout.preferredHeight: 20
                // The chart's own cell colours: 1 light yellow, 2 orange, 3 red.
                color: modelData.sub === 3 ? "#e53935" : modelData.sub === 2 ? "#fb8c00" : modelData.sub === 1 ? "#fff59d" : "transparent"
                border.color: Theme.tileBorder
                Text {
                    anchors.centerIn: parent
                    text: parent.modelData.sub < 0 ? "\u2013" : parent.modelData.sub
                    color: parent.modelData.sub > 0 ? "black" : Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: 14
                    font.bold: true
                }
            }
        }
    }
    // Consciousness, air/O2, SpO2 scale: one tap each, recorded with the user and the time.
    Flow {
        Layout.fillWidth: true
        spacing: 4
        Repeater {
            model: ["A", "C", "V", "P", "U"]
            delegate: Button {
                required property string modelData
                objectName: "acvpu" + modelData
                // Line marked "disable unqualified": qmllint 6.4 reports ids of the enclosing document read from a
                // delegate (see BedTile.qml); the runtime finds them through the creation context.
                text: modelData
                width: 44
                height: Theme.touchTarget
                font.pixelSize: 16
                onClicked: panel.did(Station.news.setConsciousness(panel.bedKey, modelData)) // qmllint disable unqualified
            }
        }
        Button {
            objectName: "newsAir"
            text: qsTr("Air")
            height: Theme.touchTarget
            font.pixelSize: 16
            onClicked: panel.did(Station.news.setOxygen(panel.bedKey, false))
        }
        Button {
            objectName: "newsOxygen"
            text: qsTr("O\u2082")
            height: Theme.touchTarget
            font.pixelSize: 16
            onClicked: panel.did(Station.news.setOxygen(panel.bedKey, true))
        }
        Button {
            objectName: "newsScale2"
            text: panel.d.scale2 ? qsTr("SpO\u2082 scale 2 (%1) \u2192 scale 1").arg(panel.d.scale2By) : qsTr("SpO\u2082 scale 2\u2026")
            height: Theme.touchTarget
            font.pixelSize: 14
            onClicked: panel.did(Station.news.setScale2(panel.bedKey, !panel.d.scale2))
        }
    }
    // A value the monitor does not measure (or a manual reading): parameter, value, Enter.
    RowLayout {
        Layout.fillWidth: true
        spacing: 6
        ComboBox {
            id: paramBox
            objectName: "newsParam"
            //: Respiration rate (breaths per minute), a NEWS2 parameter. Short: a narrow column
            model: [{ key: "rr", text: qsTr("Resp rate") }, { key: "sbp", text: qsTr("Sys BP") },
                    { key: "pulse", text: qsTr("Pulse") }, { key: "temp", text: qsTr("Temp") },
                    { key: "spo2", text: qsTr("SpO\u2082") }]
            textRole: "text"
            valueRole: "key"
            // As wide as its longest parameter name (a longer translation is not cut in the closed box).
            implicitContentWidthPolicy: ComboBox.WidestText
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: 15
        }
        TextField {
            id: valueField
            objectName: "newsValue"
            Layout.preferredWidth: 90
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: 16
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            placeholderText: qsTr("value")
            onAccepted: enterButton.clicked()
        }
        Button {
            id: enterButton
            objectName: "newsEnter"
            text: qsTr("Enter")
            Layout.preferredHeight: Theme.touchTarget
            font.pixelSize: 16
            onClicked: {
                const v = Number(valueField.text.replace(",", "."));
                if (valueField.text.length === 0 || isNaN(v)) {
                    panel.error = qsTr("Type a number");
                    return;
                }
                panel.did(Station.news.enterValue(panel.bedKey, paramBox.currentValue, v));
                if (panel.error.length === 0)
                    valueField.text = "";
            }
        }
    }
    Text {
        objectName: "newsError"
        visible: panel.error.length > 0
        text: panel.error
        color: Theme.error
        font.family: Theme.fontFamily
        font.pixelSize: 14
    }
}
