import QtQuick
import QtQuick.Controls
import Vigil.Ui

// The station window: top bar, ward overview, and the bed detail view on demand.
ApplicationWindow {
    id: root
    objectName: "stationWindow"
    visible: true
    width: 1920
    height: 1080
    minimumWidth: 1024
    minimumHeight: 640
    color: Theme.background
    title: Station.stationName + " \u2014 " + Station.wardName
    property int detailBed: -1
    property bool wavesUnavailable: false

    header: TopBar {}

    WardOverview {
        id: overview
        anchors.fill: parent
        visible: root.detailBed < 0
        wavesRunning: visible
        onOpenBed: (i) => root.detailBed = i
    }

    Loader {
        id: detailLoader
        anchors.fill: parent
        active: root.detailBed >= 0
        sourceComponent: BedDetail {
            bedIndex: root.detailBed
            onBack: root.detailBed = -1
        }
        onLoaded: item.forceActiveFocus()
    }

    Rectangle {
        objectName: "wavesUnavailable"
        visible: root.wavesUnavailable
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: 48
        color: Theme.error
        z: 10
        Text {
            anchors.centerIn: parent
            text: qsTr("WAVEFORMS UNAVAILABLE: no OpenGL renderer on this PC. Numerics are live; call biomed.")
            color: "white"
            font.family: Theme.fontFamily
            font.pixelSize: 20
            font.bold: true
        }
    }

    onDetailBedChanged: if (detailBed < 0) overview.forceActiveFocus()
    Component.onCompleted: overview.forceActiveFocus()
}
