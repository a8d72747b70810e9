pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Vigil.Ui

// The hospital's DICOM node at a glance (top bar, when [dicom] is on): objects waiting for it and the
// last outcome. Tap for the node, the last result with the peer's reason when it refused, the objects it
// refused (each with "Discard"), "Retry now" and "Test connection" (C-ECHO, answered in the background).
Rectangle {
    id: chip
    objectName: "dicomStatus"
    readonly property var dicom: Station.dicom
    readonly property bool trouble: !dicom.lastOk
    property string actionMessage: "" // why "Retry now" or "Discard" was not accepted
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
        onClicked: {
            chip.actionMessage = ""
            details.open()
        }
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
                visible: chip.dicom.refusedObjects.length > 0
                //: Objects the hospital's DICOM node (PACS) refused; they stay in the send queue, listed below
                //: with the node's reason.
                text: qsTr("Refused by the node, kept in the queue:")
                color: Theme.warning
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: 15
            }
            // One row per refused object: its name and the node's reason, and "Discard" (a second tap
            // confirms; needs the print-and-export permission, checked again by the station).
            Repeater {
                model: chip.dicom.refusedObjects
                delegate: Item {
                    id: refusedRow
                    required property var modelData
                    property bool confirming: false
                    width: parent ? parent.width : 0
                    height: Math.max(reasonText.implicitHeight, discardButton.implicitHeight)
                    Connections {
                        target: details
                        function onClosed() { refusedRow.confirming = false } // a closed panel disarms
                    }
                    Text {
                        id: reasonText
                        anchors.left: parent.left
                        anchors.right: discardButton.left
                        anchors.rightMargin: 8
                        anchors.verticalCenter: parent.verticalCenter
                        //: A refused DICOM object: %1 its name, %2 the node's reason
                        text: qsTr("%1: %2").arg(refusedRow.modelData.name).arg(refusedRow.modelData.reason)
                        color: Theme.warning
                        wrapMode: Text.Wrap
                        maximumLineCount: 4
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: 14
                    }
                    ReviewButton {
                        id: discardButton
                        objectName: "dicomDiscard"
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        //: Take an object the PACS refused out of the send queue for good (it is never sent)
                        text: refusedRow.confirming ? qsTr("Confirm discard") : qsTr("Discard")
                        accent: Theme.warning
                        checked: refusedRow.confirming
                        enabled: Station.access.can("print_export")
                        onClicked: {
                            if (!refusedRow.confirming) {
                                refusedRow.confirming = true
                                return
                            }
                            refusedRow.confirming = false
                            chip.actionMessage = chip.dicom.discard(refusedRow.modelData.uid)
                        }
                    }
                }
            }
            ReviewButton {
                objectName: "dicomRetry"
                visible: chip.dicom.pending > 0
                //: Send the objects waiting for the PACS now instead of at their next retry
                text: qsTr("Retry now")
                onClicked: chip.actionMessage = chip.dicom.retryNow()
            }
            Text {
                objectName: "dicomActionMessage"
                width: parent.width
                visible: chip.actionMessage.length > 0
                text: chip.actionMessage
                color: Theme.warning
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: 15
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
