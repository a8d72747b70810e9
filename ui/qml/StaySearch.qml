pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// Find a patient's stay (issue 11, docs/ADT.md): by MRN or name, current and discharged stays of the
// census, current first; "Review" opens the bed's archive review on that stay's range (admission to
// discharge). Keyboard: type, Down/Up move in the list, Enter opens the review, Escape closes (or leaves
// the review).
Popup {
    id: search
    objectName: "staySearch"
    parent: Overlay.overlay
    modal: true
    focus: true
    padding: 16
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.max(8, Math.round((parent.height - height) / 2)) : 0
    width: reviewing ? (parent ? parent.width : 1280) : Math.min(parent ? parent.width - 16 : 900, 900)
    height: reviewing ? (parent ? parent.height : 800) : Math.min(parent ? parent.height - 16 : 640, 640)
    closePolicy: reviewing ? Popup.NoAutoClose : Popup.CloseOnEscape
    background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; border.width: 2; radius: 6 }

    property bool reviewing: false
    property var reviewed: ({})

    function openReview(row: int) {
        reviewed = results.get(row); // a var property: the row's keys are not known to the tooling
        if (!reviewed.bedKey)
            return;
        reviewing = true;
        stayReview.review.showStay(reviewed.reviewFrom, reviewed.reviewTo);
        stayReview.forceActiveFocus();
    }
    function dateText(ms: real): string {
        return Qt.formatDateTime(new Date(ms), "yyyy-MM-dd hh:mm");
    }

    onOpened: { reviewing = false; query.forceActiveFocus(); query.selectAll(); }
    onClosed: reviewing = false

    StaySearchModel {
        id: results
        census: Station.census
    }
    Timer { // searched a moment after the last key, not at every key
        id: debounce
        interval: 250
        onTriggered: results.search(query.text)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        visible: !search.reviewing
        Label {
            text: qsTr("Find a patient")
            font.pixelSize: 22
            font.bold: true
            color: "white"
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            TextField {
                id: query
                objectName: "staySearchText"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                font.pixelSize: 18
                //: Search field: a medical record number or part of a patient's name
                placeholderText: qsTr("MRN or name")
                onTextEdited: debounce.restart()
                onAccepted: {
                    if (list.currentIndex >= 0 && results.count > 0)
                        search.openReview(list.currentIndex);
                    else
                        results.search(text);
                }
                Keys.onDownPressed: list.incrementCurrentIndex()
                Keys.onUpPressed: list.decrementCurrentIndex()
            }
            BusyIndicator { running: results.busy; Layout.preferredHeight: 40; Layout.preferredWidth: 40 }
        }
        Label {
            visible: !results.busy && results.text.length > 0 && results.count === 0
            text: qsTr("No stay found for \u201C%1\u201D.").arg(results.text)
            color: "#a0a8b0"
            font.pixelSize: 16
        }
        ListView {
            id: list
            objectName: "staySearchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: results.rows
            currentIndex: count > 0 ? 0 : -1
            spacing: 4
            delegate: Rectangle {
                id: row
                required property int index
                required property var modelData
                readonly property string name: modelData["name"]
                readonly property string mrn: modelData["mrn"]
                readonly property string bedKey: modelData["bedKey"]
                readonly property string birthDate: modelData["birthDate"]
                readonly property bool current: modelData["current"]
                readonly property real admitMs: modelData["admitMs"]
                readonly property real endMs: modelData["endMs"]
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, rowText.implicitHeight + 12)
                radius: 4
                color: ListView.isCurrentItem ? "#1e2a38" : "#121a23"
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 10
                    anchors.rightMargin: 10
                    spacing: 10
                    Column {
                        id: rowText
                        Layout.fillWidth: true
                        Text {
                            width: parent.width
                            //: One search result: patient name, MRN and date of birth
                            text: qsTr("%1  \u00B7  MRN %2  \u00B7  born %3").arg(row.name).arg(row.mrn)
                                      .arg(row.birthDate.length ? row.birthDate : qsTr("unknown"))
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: 18
                            elide: Text.ElideRight
                        }
                        Text {
                            width: parent.width
                            text: row.current
                                  //: A current stay: bed and admission time
                                  ? qsTr("Bed %1, admitted %2, in the bed now").arg(row.bedKey).arg(search.dateText(row.admitMs))
                                  //: A past stay: bed, admission and discharge times
                                  : qsTr("Bed %1, %2 to %3 (discharged)").arg(row.bedKey).arg(search.dateText(row.admitMs))
                                        .arg(search.dateText(row.endMs))
                            color: row.current ? "#8fd18f" : Theme.textDim
                            font.family: Theme.fontFamily
                            font.pixelSize: 15
                            elide: Text.ElideRight
                        }
                    }
                    Button {
                        objectName: "stayReview" + row.index
                        text: qsTr("Review")
                        font.pixelSize: 16
                        Layout.preferredHeight: Theme.touchTarget
                        onClicked: search.openReview(row.index)
                    }
                }
                TapHandler { onTapped: list.currentIndex = row.index }
            }
        }
        Button {
            text: qsTr("Close")
            font.pixelSize: 16
            Layout.preferredHeight: Theme.touchTarget
            onClicked: search.close()
        }
    }

    // The stay's review: the bed's archive on the stay's range. An item, not a Loader: a bound inline
    // component cannot be instantiated by a Loader outside its creation context.
    BedReview {
        id: stayReview
        anchors.fill: parent
        visible: search.reviewing
        bedKey: search.reviewing ? (search.reviewed.bedKey || "") : ""
        onBack: { search.reviewing = false; query.forceActiveFocus(); }
    }
}
