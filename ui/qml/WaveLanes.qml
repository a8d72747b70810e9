import QtQuick
import Vigil.Ui

// Waveform lanes of one bed with each lane's label at its top left. The traces are one WaveformView.
Item {
    id: lanes
    property int bed: -1
    property var waves: []
    property real lineWidth: 2
    property real labelSize: 14
    property bool running: true
    // NO DATA: the lanes draw nothing (no frozen trace); see WaveformView.cleared.
    property bool cleared: false
    property alias waveView: view

    WaveformView {
        id: view
        objectName: "waveform"
        anchors.fill: parent
        station: Station
        bed: lanes.bed
        waves: lanes.waves
        lineWidth: lanes.lineWidth
        running: lanes.running && lanes.visible
        cleared: lanes.cleared
    }
    Repeater {
        model: lanes.waves
        delegate: Text {
            required property string modelData
            required property int index
            x: 4
            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
            // `pragma ComponentBehavior: Bound` lets the tooling know).
            y: index * lanes.height / Math.max(1, lanes.waves.length) + 1 // qmllint disable unqualified
            text: WavePalette.labelFor(modelData)
            color: WavePalette.colorFor(modelData)
            font.family: Theme.fontFamily
            font.pixelSize: lanes.labelSize // qmllint disable unqualified
        }
    }
}
