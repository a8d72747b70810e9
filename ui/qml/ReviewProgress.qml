import QtQuick
import Vigil.Ui

// A plain progress bar for archive loads (0..1); indeterminate shows a moving block.
Rectangle {
    id: bar
    property real value: 0
    property bool indeterminate: false
    implicitWidth: 300
    implicitHeight: 10
    radius: height / 2
    color: "#1f2a35"
    Rectangle {
        id: fill
        height: parent.height
        radius: parent.radius
        color: Theme.focus
        width: bar.indeterminate ? parent.width * 0.25 : parent.width * Math.max(0, Math.min(1, bar.value))
        // The animation drives its own property: a value source and a binding on x cannot be combined (the
        // binding was silently ignored), and a determinate bar now always starts at the left edge.
        property real slide
        x: bar.indeterminate ? slide : 0
        SequentialAnimation on slide {
            running: bar.indeterminate && bar.visible
            loops: Animation.Infinite
            NumberAnimation { from: 0; to: bar.width * 0.75; duration: 700 }
            NumberAnimation { from: bar.width * 0.75; to: 0; duration: 700 }
        }
    }
}
