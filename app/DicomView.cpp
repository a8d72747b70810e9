#include "DicomView.h"

#include "Archive.h"
#include "CommandArgs.h"
#include "DicomImport.h"
#include "DicomReader.h"
#include "Gui.h"
#include "Station.h"
#include "Ward.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace vigil {

namespace {

int fail(const QString &text, int code)
{
    std::fprintf(stderr, "vigil dicom view: %s\n", qPrintable(text));
    return code;
}

// A JavaScript string literal.
QString js(const QString &s)
{
    QString out = s;
    out.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\"")).replace(u'\n', u' ');
    return u'"' + out + u'"';
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

    QTemporaryDir tmp;
    if (!tmp.isValid())
        return fail(QStringLiteral("cannot create a temporary folder: %1").arg(tmp.errorString()), 1);
    const QString archivePath = tmp.filePath(QStringLiteral("view.sqlite"));
    const QString label = QFileInfo(file).completeBaseName().left(40);
    const QString bedKey = QStringLiteral("dicom^") + label;
    dicom::ImportResult res;
    {
        archive::ArchiveOptions o;
        o.waveRetentionHours = 1e7; // a recording may be years old: keep it
        o.numericRetentionDays = 1e6;
        auto a = archive::Archive::open(archivePath, o, &error);
        if (!a)
            return fail(error, 1);
        if (!dicom::importToArchive(*f, *a, bedKey, label, &res, &error))
            return fail(error, 1);
        if (!a->flush(60'000))
            return fail(QStringLiteral("the temporary archive did not take the samples"), 1);
    }
    for (const QString &n : res.notes)
        std::fprintf(stderr, "note: %s\n", qPrintable(n));

    // A station with no beds and no sources: the review page only needs its display settings.
    Station station(QStringLiteral("Vigil"), QStringLiteral("DICOM file"), DisplaySettings{},
                    std::make_unique<Ward>());
    QQmlApplicationEngine engine;
    prepareEngine(engine, &station, archivePath);
    const QString acquired = f->acquisitionUs > 0 ? QDateTime::fromMSecsSinceEpoch(f->acquisitionUs / 1000)
                                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                                  : QStringLiteral("unknown time");
    const QString title =
        QStringLiteral("%1 \u2014 %2 %3 \u2014 %4, acquired %5 \u2014 %6 channels")
            .arg(QFileInfo(file).fileName(), f->patientName, f->patientId, f->sopClassName, acquired)
            .arg(res.channels);
    const QString qml = QStringLiteral(R"(
import QtQuick
import QtQuick.Window
import Vigil.Ui
Window {
    width: 1600; height: 900; visible: true; color: "black"
    title: %1
    BedReview {
        id: page
        objectName: "page"
        anchors.fill: parent
        bedKey: %2
        bedLabel: %3
        focus: true
        onBack: Qt.quit()
        Component.onCompleted: Qt.callLater(() => page.showTab(1))
    }
}
)")
                            .arg(js(QStringLiteral("Vigil \u2014 ") + title), js(bedKey), js(label));
    engine.loadData(qml.toUtf8());
    auto *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        return fail(QStringLiteral("the review window did not load"), 1);
    std::printf("%s\n", qPrintable(title));
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
