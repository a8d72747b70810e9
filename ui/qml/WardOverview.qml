import QtQuick
import Vigil.Ui

// The ward at a glance: every bed as a tile. Arrow keys move between beds, Enter opens one.
GridView {
    id: grid
    objectName: "wardGrid"
    signal openBed(int index)
    property bool wavesRunning: true

    readonly property int bedCount: count
    // Choose columns: first as few empty cells as the bed count allows (a full last row when a divisor
    // fits), then tiles near 1.6:1. The tile lays itself out wide or tall from its shape, so 32 beds at
    // 1920x1080 become 8 x 4 tall tiles and 16 beds 4 x 4 wide ones. The station file may fix the columns.
    readonly property int cols: {
        if (Station.display.columns > 0)
            return Station.display.columns;
        const n = Math.max(1, bedCount);
        let best = 1, bestErr = 1e9;
        for (let c = 1; c <= Math.min(8, n); ++c) {
            const rows = Math.ceil(n / c);
            const aspect = (width / c) / (height / rows);
            const err = Math.abs(Math.log(aspect / 1.6)) + (c * rows - n) * 0.5;
            if (err < bestErr) { bestErr = err; best = c; }
        }
        return best;
    }
    readonly property int rows: Math.max(1, Math.ceil(Math.max(1, bedCount) / cols))

    cellWidth: Math.floor(width / cols)
    cellHeight: Math.floor(height / rows)
    interactive: false
    focus: true
    keyNavigationEnabled: true
    highlightFollowsCurrentItem: false
    currentIndex: 0
    model: Station.beds

    delegate: Item {
        id: cell
        required property var model
        required property int index
        // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
        // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
        // `pragma ComponentBehavior: Bound` lets the tooling know).
        width: grid.cellWidth // qmllint disable unqualified
        height: grid.cellHeight // qmllint disable unqualified
        BedTile {
            anchors.fill: parent
            anchors.margins: 3
            model: cell.model
            index: cell.index
            current: grid.activeFocus && grid.currentIndex === cell.index // qmllint disable unqualified
            wavesRunning: grid.wavesRunning // qmllint disable unqualified
            onOpened: (i) => { grid.currentIndex = i; grid.openBed(i); }
        }
    }

    Keys.onReturnPressed: openBed(currentIndex)
    Keys.onEnterPressed: openBed(currentIndex)
    Keys.onSpacePressed: openBed(currentIndex)

    Text {
        anchors.centerIn: parent
        visible: grid.count === 0
        text: qsTr("Waiting for data from the ward's gateways\u2026")
        color: Theme.textDim
        font.family: Theme.fontFamily
        font.pixelSize: 28
    }
}
