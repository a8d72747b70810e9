import QtQuick
import QtCharts

// Baseline: the same ward drawn the way Qt's oscilloscope example draws waves — one ChartView per bed,
// a LineSeries per channel, replace() with the visible window's points every frame.
Rectangle {
    id: root
    color: "black"
    property int beds: 16
    property int cols: 4
    property bool openGL: true
    Grid {
        anchors.fill: parent
        columns: root.cols
        Repeater {
            model: root.beds
            delegate: ChartView {
                id: chart
                objectName: "chart" + index
                required property int index
                width: root.width / root.cols
                height: root.height / Math.ceil(root.beds / root.cols)
                antialiasing: false
                legend.visible: false
                backgroundColor: "#0b0f14"
                margins { top: 2; bottom: 2; left: 2; right: 2 }
                ValueAxis { id: ax; min: 0; max: 4; visible: false }
                ValueAxis { id: ay; min: -4; max: 4; visible: false }
                LineSeries { name: "ecg"; axisX: ax; axisY: ay; useOpenGL: root.openGL; color: "#39e86b" }
                LineSeries { name: "pleth"; axisX: ax; axisY: ay; useOpenGL: root.openGL; color: "#3cd7ff" }
                LineSeries { name: "resp"; axisX: ax; axisY: ay; useOpenGL: root.openGL; color: "#ffd84d" }
                LineSeries { name: "abp"; axisX: ax; axisY: ay; useOpenGL: root.openGL; color: "#ff5a5a" }
            }
        }
    }
}
