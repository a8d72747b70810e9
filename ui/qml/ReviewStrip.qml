import QtQuick
import Vigil.Ui

// An archived strip of one bed: the lanes of StripView with their labels, a paper-like time grid (1 s and
// 0.2 s lines at 25 mm/s), the marked time (alarm onset or the time jumped to), the clock underneath and
// a loading or no-data notice over it.
Item {
    id: stripRoot
    property var stripModel: null
    property bool fit: false
    property real pixelsPerMm: 0
    property string markerLabel: ""
    property string placeholder: qsTr("Loading waveforms\u2026")
    readonly property alias view: view
    readonly property real pxPerSec: view.pixelsPerSecond
    function xOf(t) { return (t - view.visibleStart) / 1000 * view.pixelsPerSecond; }

    Rectangle {
        anchors.fill: lanesArea
        color: Theme.tile
        border.color: Theme.tileBorder
    }

    Item {
        id: lanesArea
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: axis.top }
        clip: true

        // Grid: 0.2 s (5 mm at 25 mm/s) where it stays apart, and every second.
        Repeater {
            model: {
                const out = [];
                const sub = stripRoot.pxPerSec * 0.2 >= 14 ? 200 : 1000;
                if (stripRoot.pxPerSec * sub / 1000 < 8 || !(view.visibleEnd > view.visibleStart))
                    return out;
                for (let t = Math.ceil(view.visibleStart / sub) * sub; t <= view.visibleEnd && out.length < 800; t += sub)
                    out.push(t);
                return out;
            }
            delegate: Rectangle {
                required property real modelData
                readonly property bool major: Math.round(modelData) % 1000 === 0
                // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                // `pragma ComponentBehavior: Bound` lets the tooling know).
                x: stripRoot.xOf(modelData) // qmllint disable unqualified
                width: 1
                height: lanesArea.height // qmllint disable unqualified
                color: major ? "#24313d" : "#141c24"
            }
        }
        // Lane separators.
        Repeater {
            model: Math.max(0, view.lanes.length - 1)
            delegate: Rectangle {
                required property int index
                // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                // `pragma ComponentBehavior: Bound` lets the tooling know).
                y: (index + 1) * lanesArea.height / view.lanes.length // qmllint disable unqualified
                width: lanesArea.width // qmllint disable unqualified
                height: 1
                color: Theme.tileBorder
            }
        }

        StripView {
            id: view
            objectName: "stripView"
            anchors.fill: parent
            strip: stripRoot.stripModel ? stripRoot.stripModel.strip : undefined
            waves: stripRoot.stripModel ? stripRoot.stripModel.channels : []
            fit: stripRoot.fit
            pixelsPerMm: stripRoot.pixelsPerMm
            lineWidth: 2.5
        }

        Repeater {
            model: view.lanes
            delegate: Text {
                required property string modelData
                required property int index
                x: 8
                // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
                // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
                // `pragma ComponentBehavior: Bound` lets the tooling know).
                y: index * lanesArea.height / Math.max(1, view.lanes.length) + 4 // qmllint disable unqualified
                text: WavePalette.labelFor(modelData)
                color: WavePalette.colorFor(modelData)
                font.family: Theme.fontFamily
                font.pixelSize: 20
                font.bold: true
                style: Text.Outline
                styleColor: "#000000"
            }
        }

        // The marked time.
        Item {
            objectName: "marker"
            visible: !isNaN(view.marker) && x >= 0 && x <= lanesArea.width
            x: isNaN(view.marker) ? -100 : stripRoot.xOf(view.marker)
            height: lanesArea.height
            Rectangle { x: -1; width: 3; height: parent.height; color: Theme.focus }
            Rectangle {
                x: parent.x > lanesArea.width - width - 8 ? -width - 6 : 6
                y: 6
                width: markerText.implicitWidth + 16
                height: markerText.implicitHeight + 8
                radius: 4
                color: Theme.focus
                Text {
                    id: markerText
                    anchors.centerIn: parent
                    text: stripRoot.markerLabel.length ? stripRoot.markerLabel : Qt.formatTime(new Date(view.marker), "HH:mm:ss")
                    color: "#000000"
                    font.family: Theme.fontFamily
                    font.pixelSize: 18
                    font.bold: true
                }
            }
        }

        // Nothing to show yet, or nothing archived here.
        Rectangle {
            anchors.fill: parent
            color: "#000000"
            opacity: 0.55
            visible: !!stripRoot.stripModel && stripRoot.stripModel.loading && stripRoot.stripModel.loaded
        }
        Column {
            objectName: "stripLoading"
            anchors.centerIn: parent
            spacing: 12
            visible: !!stripRoot.stripModel && stripRoot.stripModel.loading
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: stripRoot.placeholder
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: 26
            }
            ReviewProgress { width: 320; indeterminate: true }
        }
        Text {
            objectName: "noWaves"
            anchors.centerIn: parent
            width: parent.width * 0.8
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: !!stripRoot.stripModel && stripRoot.stripModel.loaded && !stripRoot.stripModel.hasData && !stripRoot.stripModel.loading
            text: stripRoot.stripModel && stripRoot.stripModel.loaded
                  ? qsTr("No waveforms archived between %1 and %2.")
                        .arg(Qt.formatTime(new Date(stripRoot.stripModel.start), "HH:mm:ss"))
                        .arg(Qt.formatTime(new Date(stripRoot.stripModel.end), "HH:mm:ss"))
                  : ""
            color: Theme.textDim
            font.family: Theme.fontFamily
            font.pixelSize: 24
        }
    }

    ReviewTimeAxis {
        id: axis
        objectName: "stripAxis"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        start: view.visibleStart
        end: view.visibleEnd
        minSpacing: 120
        fontSize: 17
    }
}
