import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The print preview: the report's pages, built off the GUI thread (ReportPreview, from the archive) with
// a visible progress, one page at a time. Arrow keys, Page Up/Down or a swipe turn pages; Print queues it
// on the station's printer (Station.printing), PDF keeps a copy beside the archive. Esc closes.
Popup {
    id: popup
    objectName: "printPreview"
    property string title
    property alias kind: preview.kind
    property alias bedKey: preview.bedKey
    property alias fromMs: preview.fromMs
    property alias toMs: preview.toMs
    property alias triggerMs: preview.triggerMs
    property int page: 0
    readonly property alias pageCount: preview.pageCount
    readonly property alias busy: preview.busy
    property string notice
    property bool pacsWaiting: false // a send to PACS is being built: its outcome replaces the notice

    // Opens the preview of one report and starts building it.
    function show(kind, bedKey, fromMs, toMs, triggerMs, title) {
        preview.kind = kind;
        preview.bedKey = bedKey || "";
        preview.fromMs = fromMs || 0;
        preview.toMs = toMs || 0;
        preview.triggerMs = triggerMs || 0;
        popup.title = title;
        popup.page = 0;
        popup.notice = "";
        open();
        preview.build(96);
    }
    function turn(step) {
        page = Math.max(0, Math.min(pageCount - 1, page + step));
    }
    function printIt() {
        notice = Station.printing.print(preview.kind, preview.bedKey, preview.fromMs, preview.toMs, preview.triggerMs)
                 ? qsTr("Queued for the printer (%1)").arg(Station.printing.printerText)
                 : qsTr("No printer is configured on this station: use PDF");
    }
    // Strips and full-disclosure ranges leave as DICOM waveform objects, other reports as Encapsulated PDF.
    function sendToPacs() {
        const why = Station.dicom.send(preview.kind, preview.bedKey, preview.fromMs, preview.toMs, preview.triggerMs);
        pacsWaiting = why.length === 0;
        notice = why.length ? why : qsTr("Building for PACS (%1): the result shows here and on the PACS chip").arg(Station.dicom.node);
    }
    function savePdf() {
        const path = Station.printing.exportPdf(preview.kind, preview.bedKey, preview.fromMs, preview.toMs, preview.triggerMs);
        notice = path.length ? qsTr("PDF: %1").arg(path) : qsTr("PDF export is not available on this station");
    }

    Connections {
        target: Station.dicom
        function onChanged() {
            if (popup.pacsWaiting && Station.dicom.working === 0) {
                popup.pacsWaiting = false;
                popup.notice = Station.dicom.lastResult;
            }
        }
    }

    parent: Overlay.overlay
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    width: parent ? Math.round(parent.width * 0.8) : 800
    height: parent ? Math.round(parent.height * 0.94) : 600
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.round((parent.height - height) / 2) : 0
    padding: 12
    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; border.width: 2; radius: 8 }
    onClosed: preview.cancel()

    ReportPreview { id: preview }

    FocusScope {
        id: scope
        anchors.fill: parent
        focus: true
        Keys.onLeftPressed: popup.turn(-1)
        Keys.onRightPressed: popup.turn(1)
        Keys.onUpPressed: popup.turn(-1)
        Keys.onDownPressed: popup.turn(1)
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_PageUp) { popup.turn(-1); event.accepted = true; }
            else if (event.key === Qt.Key_PageDown) { popup.turn(1); event.accepted = true; }
            else if (event.key === Qt.Key_Home) { popup.page = 0; event.accepted = true; }
            else if (event.key === Qt.Key_End) { popup.page = Math.max(0, popup.pageCount - 1); event.accepted = true; }
        }

        RowLayout {
            id: header
            anchors { left: parent.left; right: parent.right; top: parent.top }
            spacing: 10
            Text {
                objectName: "previewTitle"
                Layout.fillWidth: true
                text: popup.title
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 22
                font.bold: true
                elide: Text.ElideRight
            }
            ReviewButton {
                objectName: "previewPrev"
                text: qsTr("\u25C0 Prev")
                enabled: popup.page > 0
                focusPolicy: Qt.NoFocus
                onClicked: popup.turn(-1)
            }
            Text {
                objectName: "previewPage"
                text: popup.pageCount > 0 ? qsTr("Page %1 of %2").arg(popup.page + 1).arg(popup.pageCount) : ""
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 18
                Layout.preferredWidth: 130
                horizontalAlignment: Text.AlignHCenter
            }
            ReviewButton {
                objectName: "previewNext"
                text: qsTr("Next \u25B6")
                enabled: popup.page < popup.pageCount - 1
                focusPolicy: Qt.NoFocus
                onClicked: popup.turn(1)
            }
            ReviewButton {
                objectName: "previewPrint"
                text: qsTr("Print")
                enabled: popup.pageCount > 0 && Station.printing.available && Station.printing.printerConfigured
                focusPolicy: Qt.NoFocus
                onClicked: popup.printIt()
            }
            ReviewButton {
                objectName: "previewPdf"
                text: qsTr("PDF")
                enabled: popup.pageCount > 0 && Station.printing.available
                focusPolicy: Qt.NoFocus
                onClicked: popup.savePdf()
            }
            ReviewButton {
                objectName: "previewPacs"
                //: Send the shown strip, range or report to the hospital's picture archive (DICOM)
                text: qsTr("Send to PACS")
                visible: Station.dicom.available
                enabled: popup.pageCount > 0
                focusPolicy: Qt.NoFocus
                onClicked: popup.sendToPacs()
            }
            ReviewButton {
                objectName: "previewClose"
                text: qsTr("Close (Esc)")
                focusPolicy: Qt.NoFocus
                onClicked: popup.close()
            }
        }

        Rectangle {
            id: sheet
            anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top; topMargin: 10; bottomMargin: 6 }
            color: "#1a222c"
            clip: true
            Image {
                id: pageImage
                objectName: "previewImage"
                anchors.fill: parent
                anchors.margins: 8
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                cache: false
                smooth: true
                source: popup.pageCount > 0 ? preview.pageUrl(popup.page) : ""
            }
            Column {
                anchors.centerIn: parent
                spacing: 12
                visible: popup.busy
                Text {
                    objectName: "previewProgressText"
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Building report\u2026 %1 %").arg(Math.round(preview.progress * 100))
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: 22
                }
                ReviewProgress {
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: 320
                    value: preview.progress
                    indeterminate: preview.progress <= 0
                }
            }
            Text {
                objectName: "previewError"
                anchors.centerIn: parent
                width: parent.width - 40
                visible: !popup.busy && preview.error.length > 0
                text: preview.error
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                color: Theme.warning
                font.family: Theme.fontFamily
                font.pixelSize: 20
            }
            // A swipe turns the page (touch screens).
            DragHandler {
                id: swipe
                target: null
                xAxis.enabled: true
                yAxis.enabled: false
                onActiveChanged: {
                    if (!active && Math.abs(translation.x) > 60)
                        popup.turn(translation.x < 0 ? 1 : -1);
                }
            }
        }

        Text {
            id: footer
            objectName: "previewNotice"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            height: 28
            text: popup.notice.length ? popup.notice
                  : qsTr("\u2190 \u2192 or swipe: turn pages    Printer: %1").arg(Station.printing.printerText)
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: 16
            elide: Text.ElideMiddle
            verticalAlignment: Text.AlignVCenter
        }
    }
}
