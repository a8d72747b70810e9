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
#include <QUrl>

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
                                        QStringLiteral("--screenshot-delay"), QStringLiteral("--window-size"),
                                        QStringLiteral("--language")},
                                       {},
                                       {},
                                       false};
    const cli::CommandArgs p = cli::parseCommand(QStringList{QStringLiteral("view")} + args, spec);
    if (!p.error.isEmpty())
        return fail(p.error, 2);
    if (p.command.isEmpty() || p.wantsHelp()) {
        std::fputs(
            "usage: vigil dicom view FILE [--language en|de|fr|es] [--window-size WxH] [--screenshot PNG "
            "[--screenshot-delay S]] [--quit-after S]\n",
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
    // The language: --language, else the system's when Vigil has a catalogue for it, else English.
    if (!station.uiSettings()->setLanguage(p.value("--language")))
        return fail(QStringLiteral("unknown language '%1' (known: %2)")
                        .arg(p.value("--language"), UiSettings::knownLanguages().join(QStringLiteral(", "))),
                    2);
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
    //: %3 the kind of object (12-lead ECG...), %4 acquisition time, %n number of channels.
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
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Vigil/Ui/DicomViewer.qml")));
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
