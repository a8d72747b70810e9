import QtQuick
import QtQuick.Controls
import Vigil.Ui

// The print queue at a glance (top bar): the printer's state, jobs waiting and failed. Tap for details
// and the ward summary's print preview.
Rectangle {
    id: chip
    objectName: "printStatus"
    readonly property var printing: Station.printing
    readonly property bool trouble: printing.failed > 0 || (printing.printerConfigured && !printing.printerReady)
    visible: printing.available
    implicitWidth: visible ? label.implicitWidth + 24 : 0
    implicitHeight: Theme.touchTarget
    radius: 6
    color: "#18212b"
    border.color: printing.failed > 0 ? Theme.error : trouble ? Theme.warning : "transparent"
    border.width: 2

    Text {
        id: label
        objectName: "printStatusText"
        anchors.centerIn: parent
        text: (chip.printing.printerConfigured ? (chip.printing.printerReady ? qsTr("Printer") : qsTr("Printer \u26A0"))
                                               : qsTr("PDF only"))
              + (chip.printing.queued > 0 ? qsTr("  %1 queued").arg(chip.printing.queued) : "")
              + (chip.printing.failed > 0 ? qsTr("  %1 failed").arg(chip.printing.failed) : "")
        color: chip.printing.failed > 0 ? Theme.error : chip.trouble ? Theme.warning : Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: 16
        font.bold: chip.trouble
    }
    MouseArea {
        anchors.fill: parent
        onClicked: details.open()
    }
    Popup {
        id: details
        objectName: "printStatusDetails"
        y: chip.height + 4
        x: chip.width - width
        width: 460
        padding: 12
        background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; radius: 6 }
        Column {
            width: parent.width
            spacing: 8
            Text {
                width: parent.width
                text: qsTr("Printer: %1").arg(chip.printing.printerText)
                color: Theme.text
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: 16
            }
            Text {
                width: parent.width
                text: qsTr("%1 waiting, %2 failed").arg(chip.printing.queued).arg(chip.printing.failed)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 16
            }
            Text {
                width: parent.width
                visible: chip.printing.lastFailure.length > 0
                text: qsTr("Last failure: %1").arg(chip.printing.lastFailure)
                color: Theme.error
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: 15
            }
            PrintMenuButton {
                entries: [{ kind: "ward", label: qsTr("Ward shift summary") },
                          { kind: "events", label: qsTr("Ward event list") }]
            }
        }
    }
}
