import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.Ui

// Full-disclosure tab: every archived wave of the bed at 25 mm/s, as on the live screen. Type a time
// ("03:12") and Go, or step with the buttons / arrow keys (10 s) and Page Up / Page Down (1 min).
FocusScope {
    id: disclosure
    objectName: "reviewDisclosure"
    property ReviewModel review: null
    property real pixelsPerMm: 0
    readonly property var stripModel: review ? review.disclosure : null
    property string jumpError: ""

    function jump() {
        if (!review)
            return;
        if (review.jumpToText(timeField.text)) {
            jumpError = "";
            disclosure.forceActiveFocus();
        } else {
            jumpError = qsTr("Type a time like 03:12 or 03:12:30");
        }
    }
    function step(s) {
        if (review)
            review.scroll(s);
    }
    // First visit: the newest archived data.
    function showIfEmpty() {
        if (review && review.available && stripModel && stripModel.requestedStart === 0)
            review.showLatest();
    }

    Keys.onLeftPressed: step(-10)
    Keys.onRightPressed: step(10)
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_PageUp) {
            step(-60);
        } else if (event.key === Qt.Key_PageDown) {
            step(60);
        } else if (event.key === Qt.Key_End) {
            review.showLatest();
        } else if (event.key === Qt.Key_G || event.key === Qt.Key_T) {
            timeField.forceActiveFocus();
            timeField.selectAll();
        } else {
            return;
        }
        event.accepted = true;
    }

    // The window length follows the width at 25 mm/s.
    Binding {
        target: disclosure.stripModel || null
        property: "seconds"
        value: stripArea.view.visibleSeconds
        when: disclosure.stripModel !== null && stripArea.view.width > 100
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Text {
                text: qsTr("Go to")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 20
            }
            TextField {
                id: timeField
                objectName: "jumpField"
                Layout.preferredWidth: 170
                Layout.preferredHeight: Theme.touchTarget
                placeholderText: "hh:mm"
                placeholderTextColor: Theme.stale
                font.family: Theme.fontFamily
                font.pixelSize: 22
                color: Theme.text
                inputMethodHints: Qt.ImhPreferNumbers
                background: Rectangle {
                    radius: 6
                    color: "#0b0f14"
                    border.width: timeField.activeFocus ? 3 : 1
                    border.color: timeField.activeFocus ? Theme.focus : Theme.tileBorder
                }
                onAccepted: disclosure.jump()
                Keys.onEscapePressed: (event) => { disclosure.forceActiveFocus(); event.accepted = true; }
            }
            ReviewButton { objectName: "goButton"; text: qsTr("Go"); implicitWidth: 72; onClicked: disclosure.jump() }
            Item { Layout.preferredWidth: 20 }
            ReviewButton { objectName: "back1m"; text: "\u00AB 1 min"; onClicked: disclosure.step(-60) }
            ReviewButton { objectName: "back10s"; text: "\u2039 10 s"; onClicked: disclosure.step(-10) }
            ReviewButton { objectName: "fwd10s"; text: "10 s \u203A"; onClicked: disclosure.step(10) }
            ReviewButton { objectName: "fwd1m"; text: "1 min \u00BB"; onClicked: disclosure.step(60) }
            ReviewButton {
                objectName: "latest"
                text: qsTr("Latest")
                onClicked: disclosure.review.showLatest()
            }
            Text {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                objectName: "windowLabel"
                horizontalAlignment: Text.AlignRight
                text: disclosure.jumpError.length ? disclosure.jumpError
                      : disclosure.stripModel && disclosure.stripModel.loaded
                        ? new Date(stripArea.view.visibleStart).toLocaleString(Qt.locale(Station.ui.localeName), "ddd HH:mm:ss") + " \u2013 "
                          + Qt.formatTime(new Date(stripArea.view.visibleEnd), "HH:mm:ss") + "   25 mm/s"
                        : ""
                color: disclosure.jumpError.length ? Theme.warning : Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 20
                elide: Text.ElideLeft
            }
        }

        ReviewStrip {
            id: stripArea
            objectName: "disclosureStrip"
            Layout.fillWidth: true
            Layout.fillHeight: true
            stripModel: disclosure.stripModel
            pixelsPerMm: disclosure.pixelsPerMm
            fit: false
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("\u2190 \u2192  10 s     Page Up / Page Down  1 min     G  go to a time     End  latest")
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: 16
        }
    }
}
