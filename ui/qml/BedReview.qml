import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// The archive review of one bed, full window: Trends | Full disclosure | Alarms. Everything is read on
// worker threads by the page's own ReviewModel (its archive comes from the engine that creates it, which
// the composition root gives it); without an archive the page says so. Esc or the back button returns.
Rectangle {
    id: page
    objectName: "bedReview"
    property string bedKey
    property string bedLabel // shown until the archive has told the bed's label
    property real pixelsPerMm: Station.display.pixelsPerMm
    property int tab: 0 // 0 trends, 1 full disclosure, 2 alarms
    readonly property alias review: reviewModel
    signal back()
    color: Theme.background
    focus: true

    ReviewModel {
        id: reviewModel
        bedKey: page.bedKey
    }
    // The model drops everything when the bed changes; ask for the new bed's data once it has.
    // The "type" suppressions: Qt 6.4's QtQml qmltypes declare Qt.callLater as a QJSValue property, though it
    // is a method (qmllint: "may or may not be a method").
    onBedKeyChanged: if (reviewModel.available && bedKey.length) Qt.callLater(reviewModel.loadTrends) // qmllint disable type
    // Later, so the chart's width has reached chartPoints before the first read.
    Component.onCompleted: if (reviewModel.available && bedKey.length) Qt.callLater(reviewModel.loadTrends) // qmllint disable type

    function showTab(i) {
        tab = i;
        const target = [trendsTab, disclosureTab, alarmsTab][i];
        if (i === 1)
            disclosureTab.showIfEmpty();
        target.forceActiveFocus();
    }
    function showWavesAt(t) {
        reviewModel.jumpTo(t);
        showTab(1);
    }

    Keys.onEscapePressed: page.back()
    Shortcut { sequence: "Ctrl+1"; enabled: page.visible; onActivated: page.showTab(0) }
    Shortcut { sequence: "Ctrl+2"; enabled: page.visible; onActivated: page.showTab(1) }
    Shortcut { sequence: "Ctrl+3"; enabled: page.visible; onActivated: page.showTab(2) }

    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 72
        color: "#121a23"
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            spacing: 16
            ReviewButton {
                id: backButton
                objectName: "backButton"
                text: qsTr("\u25C0  Back  (Esc)")
                Layout.preferredWidth: Math.max(170, implicitWidth) // a longer translation is not elided
                onClicked: page.back()
            }
            Column {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignVCenter
                Text {
                    objectName: "reviewTitle"
                    width: parent.width
                    //: Title of the history review of bed %1 (recorded waveforms, trends, alarms)
                    text: qsTr("Review  \u00B7  %1").arg(reviewModel.bedLabel.length ? reviewModel.bedLabel : (page.bedLabel.length ? page.bedLabel : page.bedKey))
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: 26
                    font.bold: true
                    elide: Text.ElideRight
                }
                Text {
                    objectName: "reviewPatient"
                    width: parent.width
                    visible: text.length > 0
                    text: reviewModel.patientText
                    color: Theme.textDim
                    font.family: Theme.fontFamily
                    font.pixelSize: 18
                    elide: Text.ElideRight
                }
            }
            Row {
                id: tabs
                objectName: "reviewTabs"
                spacing: 6
                Repeater {
                    //: Tab: graphs of the vital signs over hours (trend view)
                    model: [qsTr("Trends"), qsTr("Full disclosure"), qsTr("Alarms")]
                    delegate: ReviewButton {
                        required property string modelData
                        required property int index
                        objectName: "tab" + index
                        // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                        // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                        // `pragma ComponentBehavior: Bound` lets the tooling know).
                        text: modelData + (index === 2 && reviewModel.alarms.count > 0 ? "  " + reviewModel.alarms.count : "") // qmllint disable unqualified
                        checkable: true
                        checked: page.tab === index // qmllint disable unqualified
                        enabled: reviewModel.available // qmllint disable unqualified
                        implicitWidth: Math.max(150, contentItem.implicitWidth + 32)
                        onClicked: {
                            page.showTab(index); // qmllint disable unqualified
                            checked = Qt.binding(() => page.tab === index);
                        }
                    }
                }
            }
            PrintMenuButton {
                readonly property var shown: reviewModel.disclosure
                bedKey: page.bedKey
                bedLabel: page.bedLabel
                //: Print a strip: a paper recording of the waveforms (ECG) around the moment shown
                entries: [{ kind: "strip", label: qsTr("Alarm strip of this moment"),
                            trigger: shown && shown.start > 0 ? Math.round((shown.start + shown.end) / 2) : Date.now() - 22000 },
                          { kind: "disclosure", label: qsTr("Full disclosure of the shown range"),
                            from: shown ? shown.start : 0, to: shown ? shown.end : 0 }]
            }
            Row {
                objectName: "loadingIndicator"
                spacing: 10
                Layout.preferredWidth: 190
                Layout.alignment: Qt.AlignVCenter
                opacity: reviewModel.loading ? 1 : 0
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: reviewModel.trendLoading && reviewModel.progress < 1
                          ? qsTr("Loading %1 %").arg(Math.round(reviewModel.progress * 100)) : qsTr("Loading\u2026")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: 18
                }
                ReviewProgress {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 60
                    value: reviewModel.progress
                    indeterminate: !reviewModel.trendLoading
                }
            }
        }
    }

    Item {
        id: content
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: errorBar.top; margins: 12 }
        visible: reviewModel.available

        ReviewTrends {
            id: trendsTab
            anchors.fill: parent
            visible: page.tab === 0
            focus: page.tab === 0
            review: reviewModel
            onShowWaves: (t) => page.showWavesAt(t)
            onOpenAlarm: (id) => { page.showTab(2); alarmsTab.select(id); }
        }
        ReviewDisclosure {
            id: disclosureTab
            anchors.fill: parent
            visible: page.tab === 1
            focus: page.tab === 1
            review: reviewModel
            pixelsPerMm: page.pixelsPerMm
        }
        ReviewAlarms {
            id: alarmsTab
            anchors.fill: parent
            visible: page.tab === 2
            focus: page.tab === 2
            review: reviewModel
            pixelsPerMm: page.pixelsPerMm
            onShowWaves: (t) => page.showWavesAt(t)
        }
    }

    Column {
        objectName: "noArchive"
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 900)
        spacing: 16
        visible: !reviewModel.available
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("No archive available")
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: 40
            font.bold: true
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("This station is not keeping an archive, so the history of %1 cannot be reviewed. "
                       + "Live monitoring is not affected.").arg(page.bedLabel.length ? page.bedLabel : page.bedKey)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: 22
        }
    }

    Rectangle {
        id: errorBar
        objectName: "errorBar"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        readonly property bool shown: reviewModel.available && reviewModel.error.length > 0
        height: shown ? 44 : 0
        visible: shown
        color: "#3a2a00"
        Text {
            anchors.fill: parent
            anchors.leftMargin: 16
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Archive: %1").arg(reviewModel.error)
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: 18
            elide: Text.ElideRight
        }
    }
}
