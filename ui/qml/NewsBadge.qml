import QtQuick
import Vigil.Ui

// NEWS2 on a bed tile: the aggregate in its clinical-response colour (RCP 2017: 0, 1-4 low, a 3 in a
// single parameter low-medium, 5-6 medium, 7+ high) and the trend arrow (worse, steady, better over the
// configured window). An incomplete score (an input missing or stale) is not shown as a number to act on:
// the badge says "incomplete" in grey on wide tiles; on narrow tiles (where "NEWS2 5 ↑" is "NEWS 5↑") an
// incomplete score shows nothing, so the patient's name keeps the room (on a 32-bed ward a grey "NEWS ?" on
// every tile cut every name to its initial); the bed view lists what is missing or stale.
// The badge takes at most a third of the header, so the bed, category and patient stay readable.
Rectangle {
    id: badge
    objectName: "newsBadge"
    property int total: -1
    property bool complete: false
    property int response: 0 // 0 zero, 1 low, 2 low-medium, 3 medium, 4 high
    property int trend: 0
    property int fontSize: 14
    property bool compact: false
    property real maxWidth: 200
    readonly property bool shown: total >= 0 && (complete || !compact)
    visible: shown
    width: shown ? Math.min(label.implicitWidth + 10, maxWidth) : 0
    height: label.implicitHeight + 2
    radius: 3
    color: !complete ? "transparent" : Theme.newsColor(response)
    border.color: complete ? Qt.darker(color, 1.4) : Theme.textDim
    border.width: 1
    // A translation too long for the badge turns it into the short form instead of eliding it.
    readonly property bool fullFits: incompleteMetrics.advanceWidth + 10 <= maxWidth
    TextMetrics {
        id: incompleteMetrics
        font.family: Theme.fontFamily
        font.pixelSize: badge.fontSize
        font.italic: true
        text: qsTr("NEWS2 incomplete")
    }
    readonly property string arrow: trend > 0 ? "\u2191" : trend < 0 ? "\u2193" : "\u2192"
    Text {
        id: label
        objectName: "newsText"
        anchors.centerIn: parent
        width: Math.min(implicitWidth, badge.maxWidth - 10)
        elide: Text.ElideRight
        text: badge.complete ? (badge.compact ? qsTr("NEWS %1%2") : qsTr("NEWS2 %1 %2")).arg(badge.total).arg(badge.arrow)
                             : badge.compact || !badge.fullFits ? qsTr("NEWS ?") : qsTr("NEWS2 incomplete")
        color: badge.complete ? (badge.response === 0 ? Theme.text : "black") : Theme.textDim
        font.family: Theme.fontFamily
        font.pixelSize: badge.fontSize
        font.bold: badge.complete
        font.italic: !badge.complete
    }
}
