// The DICOM file viewer (`vigil dicom view FILE`): every channel of a waveform file in its own lane, drawn
// like full disclosure (StripView at 25 mm/s on a paper grid), one multiplex group at a time. The file and its
// channels come from app/DicomView.cpp as initial properties.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import Vigil.Ui
Window {
    id: root
    width: 1600; height: 900; visible: true; color: "black"
    property string windowTitle: ""
    title: windowTitle
    property var strips: []
    property var looks: []
    property var labels: []
    property real startMs: 0
    property real endMs: 0
    property string header: ""
    property string odd: ""
    property var groupOf: []
    property var groupNames: []
    property var groupStartMs: []
    property int group: 0
    // The lanes of the multiplex group shown (a 12-lead file's rhythm, then its median beats: Tab).
    readonly property var shown: {
        const out = [];
        for (let i = 0; i < groupOf.length; ++i)
            if (groupOf[i] === group)
                out.push(i);
        return out;
    }
    function nextGroup() {
        if (groupNames.length < 2) return;
        group = (group + 1) % groupNames.length;
        viewStart = groupStartMs[group];
    }
    property real viewStart: startMs
    property real pxPerSec: 100
    property real shownSeconds: 10
    function step(s) {
        viewStart = Math.max(startMs, Math.min(viewStart + s * 1000, endMs - shownSeconds * 1000));
    }
    Item {
        anchors.fill: parent
        focus: true
        Keys.onLeftPressed: root.step(-10)
        Keys.onRightPressed: root.step(10)
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_PageUp) root.step(-60);
            else if (event.key === Qt.Key_PageDown) root.step(60);
            else if (event.key === Qt.Key_Home) root.viewStart = root.startMs;
            else if (event.key === Qt.Key_Escape) Qt.quit();
            else if (event.key === Qt.Key_Tab) root.nextGroup();
            else return;
            event.accepted = true;
        }
    }
    Column {
        id: top
        x: 12; y: 8; width: parent.width - 24; spacing: 4
        Text { objectName: "header"; width: parent.width; text: root.header; color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: 22; elide: Text.ElideRight }
        Text {
            objectName: "window"
            width: parent.width
            text: Qt.formatDateTime(new Date(root.viewStart), "yyyy-MM-dd HH:mm:ss.zzz") + " \u2013 "
                  + Qt.formatTime(new Date(Math.min(root.endMs, root.viewStart + root.shownSeconds * 1000)), "HH:mm:ss.zzz")
                  + "   25 mm/s   " + qsTr("\u2190 \u2192 10 s   Page Up / Page Down 1 min   Home start   Esc close")
            color: Theme.textDim; font.family: Theme.fontFamily; font.pixelSize: 16
        }
        Text {
            objectName: "group"
            width: parent.width
            visible: root.groupNames.length > 1
            // %n: the group's channel count (plural forms per language).
            text: qsTr("Multiplex group %1 of %2: %3, %n channel(s)   Tab next group", "", root.shown.length).arg(root.group + 1).arg(root.groupNames.length).arg(root.groupNames[root.group])
            color: Theme.text; font.family: Theme.fontFamily; font.pixelSize: 18
        }
        Text { objectName: "odd"; width: parent.width; visible: root.odd.length > 0; text: root.odd; color: Theme.warning; font.family: Theme.fontFamily; font.pixelSize: 16; wrapMode: Text.Wrap; maximumLineCount: 2; elide: Text.ElideRight }
    }
    Item {
        id: area
        objectName: "lanes"
        anchors { left: parent.left; right: parent.right; top: top.bottom; bottom: parent.bottom; margins: 8 }
        clip: true
        Rectangle { anchors.fill: parent; color: Theme.tile; border.color: Theme.tileBorder }
        // Paper grid: 0.2 s and 1 s lines at 25 mm/s.
        Repeater {
            model: {
                const out = [];
                if (root.pxPerSec * 0.2 < 8) return out;
                for (let t = Math.ceil(root.viewStart / 200) * 200; t <= root.viewStart + root.shownSeconds * 1000 && out.length < 800; t += 200)
                    out.push(t);
                return out;
            }
            delegate: Rectangle {
                required property real modelData
                x: (modelData - root.viewStart) / 1000 * root.pxPerSec
                width: 1; height: area.height
                color: Math.round(modelData) % 1000 === 0 ? "#24313d" : "#141c24"
            }
        }
        Repeater {
            id: lanes
            model: root.shown
            delegate: Item {
                id: lane
                required property int modelData // the channel
                required property int index     // the lane
                y: index * area.height / Math.max(1, root.shown.length)
                width: area.width
                height: area.height / Math.max(1, root.shown.length)
                Rectangle { visible: lane.index > 0; width: parent.width; height: 1; color: Theme.tileBorder }
                StripView {
                    id: sv
                    objectName: "lane" + lane.index
                    anchors.fill: parent
                    strip: root.strips[lane.modelData]
                    waves: [root.looks[lane.modelData]]
                    viewStart: root.viewStart
                    lineWidth: 2
                    Component.onCompleted: if (lane.index === 0) {
                        root.pxPerSec = Qt.binding(() => sv.pixelsPerSecond);
                        root.shownSeconds = Qt.binding(() => sv.visibleSeconds);
                    }
                }
                Text {
                    x: 8; y: 2
                    text: root.labels[lane.modelData]
                    color: WavePalette.colorFor(root.looks[lane.modelData])
                    font.family: Theme.fontFamily
                    font.pixelSize: Math.max(12, Math.min(20, lane.height * 0.28))
                    font.bold: true
                    style: Text.Outline; styleColor: "#000000"
                }
            }
        }
    }
}
