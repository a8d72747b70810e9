import QtQuick
import QtQuick.Controls
import Vigil.Ui

// The hospital's DICOM node at a glance (top bar, when [dicom] is on): objects waiting for it and the
// last outcome. Tap for the node, the last result with the peer's reason when it refused, and "Test
// connection" (C-ECHO, answered in the background).
Rectangle {
    id: chip
    objectName: "dicomStatus"
    readonly property var dicom: Station.dicom
    readonly property bool trouble: !dicom.lastOk
    visible: dicom.available
    implicitWidth: visible ? label.implicitWidth + 24 : 0
    implicitHeight: Theme.touchTarget
    radius: 6
    color: "#18212b"
    border.color: trouble ? Theme.warning : "transparent"
    border.width: 2

    Text {
        id: label
        objectName: "dicomStatusText"
        anchors.centerIn: parent
        //: The hospital's picture archive (DICOM node); keep "PACS" as is in most languages
        text: qsTr("PACS") + (chip.dicom.pending + chip.dicom.working > 0
                              ? qsTr("  %1 waiting").arg(chip.dicom.pending + chip.dicom.working) : "")
              + (chip.trouble ? " \u26A0" : "")
        color: chip.trouble ? Theme.warning : Theme.text
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
        objectName: "dicomStatusDetails"
        y: chip.height + 4
        x: chip.width - width
        width: 520
        padding: 12
        background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; radius: 6 }
        Column {
            width: parent.width
            spacing: 8
            Text {
                width: parent.width
                text: qsTr("DICOM node: %1").arg(chip.dicom.node)
                color: Theme.text
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: 16
            }
            Text {
                width: parent.width
                text: qsTr("%1 waiting to be sent, %2 being built").arg(chip.dicom.pending).arg(chip.dicom.working)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 16
            }
            Text {
                objectName: "dicomLastResult"
                width: parent.width
                visible: chip.dicom.lastResult.length > 0
                text: chip.dicom.lastResult
                color: chip.dicom.lastOk ? Theme.text : Theme.warning
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: 15
            }
            Text {
                objectName: "dicomRefused"
                width: parent.width
                visible: chip.dicom.refused.length > 0
                //: Objects the hospital's DICOM node (PACS) refused; they stay in the send queue. %1: one line per
                //: object with the node's reason.
                text: qsTr("Refused by the node, kept in the queue:\n%1").arg(chip.dicom.refused.join("\n"))
                color: Theme.warning
                wrapMode: Text.Wrap
                maximumLineCount: 8
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: 14
            }
            ReviewButton {
                objectName: "dicomEcho"
                text: chip.dicom.echoBusy ? qsTr("Testing\u2026") : qsTr("Test connection")
                enabled: !chip.dicom.echoBusy
                onClicked: chip.dicom.echo()
            }
            Text {
                objectName: "dicomEchoResult"
                width: parent.width
                visible: chip.dicom.echoResult.length > 0
                text: chip.dicom.echoResult
                color: Theme.textDim
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: 15
            }
        }
    }
}
