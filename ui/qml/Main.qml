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
    // Dark controls to match the station theme (the default style would draw light buttons).
    palette.window: "#111820"
    palette.windowText: Theme.text
    palette.base: "#0b0f14"
    palette.text: Theme.text
    palette.button: "#1e2a36"
    palette.buttonText: Theme.text
    palette.highlight: Theme.focus
    palette.highlightedText: "black"
    palette.mid: "#2c3a48"
    palette.light: "#2c3a48"
    palette.dark: "#0b0f14"
    title: Station.stationName + " \u2014 " + Station.wardName
    property int detailBed: -1
    property bool wavesUnavailable: false

    header: TopBar {
        onOpenAlarmCentre: alarmCentre.open()
        onOpenSignIn: signIn.open()
    }

    // Sign-in, enrolment, lock and sign out (issue 12): under the top bar, at the right edge.
    SignInPanel {
        id: signIn
        x: parent.width - width - 8
        y: 8
    }

    // One clock for every alarm indicator: 250 ms ticks give HIGH 2 Hz (250 on / 250 off) and MEDIUM
    // 0.5 Hz (1 s on / 1 s off), both at 50 % duty.
    Timer {
        id: flash
        property int tick: 0
        interval: 250
        running: true
        repeat: true
        onTriggered: {
            tick = (tick + 1) % 8;
            Theme.highOn = (tick % 2) === 0;
            Theme.mediumOn = tick < 4;
        }
    }

    AlarmCentre {
        id: alarmCentre
        // At least 1240 px wide (every column readable at 1280x800), centred.
        width: Math.min(parent.width - 16, Math.max(Math.round(parent.width * 0.88), 1240))
        height: Math.round(parent.height * 0.82)
        x: Math.round((parent.width - width) / 2)
        y: 8
    }

    // One key press from any view (IEC 60601-1-8 asks for fast access to acknowledge and audio pause).
    Shortcut {
        sequence: "A"
        context: Qt.ApplicationShortcut
        onActivated: root.detailBed >= 0 ? Station.acknowledgeBed(root.detailBed) : Station.alarmBar.acknowledgeTop()
    }
    Shortcut {
        sequence: "P"
        context: Qt.ApplicationShortcut
        onActivated: Station.audio.toggle()
    }
    Shortcut {
        sequence: "L"
        context: Qt.ApplicationShortcut
        onActivated: alarmCentre.opened ? alarmCentre.close() : alarmCentre.open()
    }

    Rectangle {
        objectName: "archiveProblem"
        visible: Station.archiveProblem.length > 0 && !root.wavesUnavailable
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: 40
        color: Theme.warning
        z: 10
        Text {
            anchors.centerIn: parent
            text: qsTr("ARCHIVE: %1 \u2014 live monitoring continues; call biomed").arg(Station.archiveProblem)
            color: "black"
            font.family: Theme.fontFamily
            font.pixelSize: 18
            font.bold: true
        }
    }

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
            // Lines marked "disable unqualified": qmllint 6.4 reports every id of the enclosing document read from a
            // delegate or inline component; the runtime finds it through the creation context (only Qt 6.5's
            // `pragma ComponentBehavior: Bound` lets the tooling know).
            bedIndex: root.detailBed // qmllint disable unqualified
            onBack: root.detailBed = -1 // qmllint disable unqualified
        }
        onLoaded: (item as Item).forceActiveFocus()
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

    // After an automatic restart (crash, power cut): when, so the nurse knows the gap (docs/INSTALL.md).
    RestartNote {
        anchors { left: parent.left; bottom: parent.bottom; margins: 8 }
        z: 9
    }

    // The on-screen keyboard, above popups, never over the alarm bar (the header).
    KeyboardPanel {
        parent: Overlay.overlay
        minTop: root.header ? root.header.height : 0
    }

    onDetailBedChanged: if (detailBed < 0) overview.forceActiveFocus()
    Component.onCompleted: overview.forceActiveFocus()
}
