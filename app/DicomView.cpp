#include "DicomView.h"

#include "CommandArgs.h"
#include "DicomImport.h"
#include "DicomReader.h"
#include "Gui.h"
#include "ReviewData.h"
#include "Station.h"
#include "Ward.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

namespace vigil {

namespace {

int fail(const QString &text, int code)
{
    std::fprintf(stderr, "vigil dicom view: %s\n", qPrintable(text));
    return code;
}

} // namespace

int runDicomView(int argc, char *argv[], const QStringList &args)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    static const cli::CommandSpec spec{QStringLiteral("view"),
                                       {QStringLiteral("--screenshot"), QStringLiteral("--quit-after"),
                                        QStringLiteral("--screenshot-delay"),
                                        QStringLiteral("--window-size")},
                                       {},
                                       {},
                                       false};
    const cli::CommandArgs p = cli::parseCommand(QStringList{QStringLiteral("view")} + args, spec);
    if (!p.error.isEmpty())
        return fail(p.error, 2);
    if (p.command.isEmpty() || p.wantsHelp()) {
        std::fputs(
            "usage: vigil dicom view FILE [--window-size WxH] [--screenshot PNG [--screenshot-delay S]] "
            "[--quit-after S]\n",
            p.command.isEmpty() ? stderr : stdout);
        return p.command.isEmpty() ? 2 : 0;
    }
    const QString file = p.command;
    QString error;
    const auto f = dicom::readWaveformFile(file, &error);
    if (!f)
        return fail(error, 3);
    for (const QString &x : f->oddities)
        std::fprintf(stderr, "odd: %s\n", qPrintable(x));

    // Every channel of the file gets a lane (a 12-lead file shows 12), drawn by the full disclosure's
    // StripView at 25 mm/s on one shared time axis; the file is read, not imported, so channels the station
    // has no place for (aVR, V2..V6) are shown too.
    QStringList notes;
    const std::vector<dicom::ViewChannel> channels = dicom::channelsForView(*f, &notes);
    for (const QString &n : notes)
        std::fprintf(stderr, "note: %s\n", qPrintable(n));
    if (channels.empty())
        return fail(QStringLiteral("%1 has no channel with samples").arg(file), 3);
    qint64 startUs = channels.front().startUs, endUs = startUs;
    for (const auto &c : channels) {
        startUs = std::min(startUs, c.startUs);
        endUs = std::max(endUs, c.startUs + qint64(double(c.samples.size()) * 1e6 / c.rate));
    }
    QVariantList strips, looks, labels, groupOf, groupNames, groupStartMs;
    for (const auto &c : channels) {
        groupOf << c.group;
        while (groupNames.size() <= c.group) {
            groupNames << c.groupLabel;
            groupStartMs << double(c.startUs) / 1000.0;
        }
        groupStartMs[c.group] = std::min(groupStartMs[c.group].toDouble(), double(c.startUs) / 1000.0);
        auto data = std::make_shared<review::StripData>();
        data->t1Us = startUs;
        data->t2Us = endUs;
        ArchiveWaveStrip w;
        w.id = c.look;
        w.sampleRate = c.rate;
        w.startUs = c.startUs;
        w.samples = c.samples;
        data->waves.push_back(std::move(w));
        strips << QVariant::fromValue(review::ReviewStrip{std::move(data)});
        looks << review::waveKey(c.look);
        labels << (c.unit.isEmpty() ? c.label : QStringLiteral("%1  %2").arg(c.label, c.unit));
    }

    // A station with no beds and no sources: the strip items only need its display settings.
    Station station(QStringLiteral("Vigil"), QStringLiteral("DICOM file"), DisplaySettings{},
                    std::make_unique<Ward>());
    QQmlApplicationEngine engine;
    prepareEngine(engine, &station, {});
    const QString acquired = f->acquisitionUs > 0 ? QDateTime::fromMSecsSinceEpoch(f->acquisitionUs / 1000)
                                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                                  : QStringLiteral("unknown time");
    const QString title =
        QStringLiteral("%1 \u2014 %2 %3 \u2014 %4, acquired %5 \u2014 %6 channels")
            .arg(QFileInfo(file).fileName(), f->patientName, f->patientId, f->sopClassName, acquired)
            .arg(channels.size());
    //: The DICOM viewer's header: what the file is and who it belongs to. %1 patient, %2 patient id,
    //: %3 the kind of object (12-lead ECG...), %4 acquisition time, %5 number of channels.
    const QString header =
        QCoreApplication::translate("DicomView", "%1  %2  \u2014  %3, acquired %4  \u2014  %n channel(s)",
                                    nullptr, int(channels.size()))
            .arg(f->patientName.isEmpty() ? QStringLiteral("?") : f->patientName, f->patientId,
                 f->sopClassName, acquired);
    const QString odd = f->oddities.isEmpty()
                            ? QString()
                            : QCoreApplication::translate("DicomView", "Odd in this file: %1")
                                  .arg(f->oddities.join(QStringLiteral("; ")));
    engine.setInitialProperties({{QStringLiteral("strips"), strips},
                                 {QStringLiteral("looks"), looks},
                                 {QStringLiteral("labels"), labels},
                                 {QStringLiteral("windowTitle"), QStringLiteral("Vigil \u2014 ") + title},
                                 {QStringLiteral("groupOf"), groupOf},
                                 {QStringLiteral("groupNames"), groupNames},
                                 {QStringLiteral("groupStartMs"), groupStartMs},
                                 {QStringLiteral("startMs"), double(startUs) / 1000.0},
                                 {QStringLiteral("endMs"), double(endUs) / 1000.0},
                                 {QStringLiteral("header"), header},
                                 {QStringLiteral("odd"), odd}});
    const QString qml = QStringLiteral(R"(
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
            text: qsTr("Multiplex group %1 of %2: %3, %4 channels   Tab next group").arg(root.group + 1).arg(root.groupNames.length).arg(root.groupNames[root.group]).arg(root.shown.length)
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
)");
    engine.loadData(qml.toUtf8());
    auto *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        return fail(QStringLiteral("the viewer window did not load"), 1);
    std::printf("%s\n", qPrintable(title));
    for (std::size_t i = 0; i < channels.size(); ++i)
        std::printf("channel %zu: %s (group %d %s, %s, %g Hz, %zu samples)\n", i + 1,
                    qPrintable(channels[i].label), channels[i].group + 1, qPrintable(channels[i].groupLabel),
                    qPrintable(channels[i].unit), channels[i].rate, channels[i].samples.size());
    const QStringList size = p.value("--window-size").split(u'x');
    if (size.size() == 2 && size[0].toInt() > 0 && size[1].toInt() > 0)
        window->resize(size[0].toInt(), size[1].toInt());
    if (p.has("--screenshot")) {
        const double delay = p.has("--screenshot-delay") ? p.value("--screenshot-delay").toDouble() : 4.0;
        QTimer::singleShot(int(delay * 1000), window, [window, path = p.value("--screenshot")] {
            const QImage image = window->grabWindow();
            if (image.isNull() || !image.save(path))
                std::fprintf(stderr, "vigil dicom view: cannot save screenshot to %s\n", qPrintable(path));
            else
                std::printf("vigil: screenshot saved to %s\n", qPrintable(path));
        });
    }
    if (p.has("--quit-after"))
        QTimer::singleShot(int(p.value("--quit-after").toDouble() * 1000), &app, &QCoreApplication::quit);
    return app.exec();
}

} // namespace vigil
