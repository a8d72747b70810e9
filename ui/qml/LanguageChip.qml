import QtQuick
import QtQuick.Controls
import Vigil.Ui

// The language of the screens (top bar): tap, choose; every text changes at once, no restart
// (Station.ui.setLanguage, docs/TRANSLATIONS.md). Each language is named in itself.
Rectangle {
    id: chip
    objectName: "languageChip"
    implicitWidth: Math.max(label.implicitWidth + 20, Theme.touchTarget) // a touch target, never squeezed
    implicitHeight: Theme.touchTarget
    radius: 6
    color: "#18212b"

    Text {
        id: label
        anchors.centerIn: parent
        text: Station.ui.language === "pseudo" ? "XX" : Station.ui.language.toUpperCase()
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: 16
        font.bold: true
    }
    MouseArea {
        anchors.fill: parent
        onClicked: languages.open()
    }
    Popup {
        id: languages
        objectName: "languageMenu"
        y: chip.height + 4
        x: chip.width - width
        padding: 8
        background: Rectangle { color: "#0d131a"; border.color: Theme.tileBorder; radius: 6 }
        Column {
            spacing: 4
            Repeater {
                model: Station.ui.languages
                delegate: Button {
                    required property var modelData
                    objectName: "language_" + modelData.code
                    width: 200
                    height: Theme.touchTarget
                    text: modelData.name
                    highlighted: Station.ui.language === modelData.code
                    onClicked: {
                        Station.ui.setLanguage(modelData.code);
                        languages.close(); // qmllint disable unqualified
                    }
                }
            }
        }
    }
}
