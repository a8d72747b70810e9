// vigil: the central station program. See README.md and `vigil --help`. The decisions live in
// vigil_app_core (StationSetup, StationApp, ShutdownSignals); this file only runs them in order.
#include "AlarmSoundPlayer.h"
#include "ArchiveCli.h"
#include "AuditCommand.h"
#include "CommandLine.h"
#include "DicomCommand.h"
#include "Gui.h"
#include "RenderPath.h"
#include "ReportCommand.h"
#include "SelfTestArchive.h"
#include "ShutdownSignals.h"
#include "StateFile.h"
#include "StationApp.h"
#include "StationSetup.h"
#include "UiWiring.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace vigil;

namespace {

int fail(const QString &message, int code = 2)
{
    std::fprintf(stderr, "vigil: %s\n", qPrintable(message));
    return code;
}

// `vigil archive verify|export|stats`: the biomed and research side of the archive.
int runArchiveCommand(int argc, char *argv[], const QStringList &args)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    if (qEnvironmentVariableIsEmpty("VIGIL_ARCHIVE"))
        qputenv("VIGIL_ARCHIVE", (QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                  QStringLiteral("/archive.sqlite"))
                                     .toLocal8Bit());
    QTextStream out(stdout), err(stderr);
    const int rc = archive::runArchiveCommand(args.mid(2), out, err);
    vigil::auditArchiveCommand(args.mid(2), rc, err); // issue 12: archive tool use is audited
    return rc;
}

// `vigil audit verify|export`: the audit trail's checks (docs/SECURITY.md).
int runAuditCommand(int argc, char *argv[], const QStringList &args)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QTextStream out(stdout), err(stderr);
    return vigil::runAuditCommand(args.mid(2), out, err);
}

// `vigil report ...`: a QApplication because Qt Charts (QGraphicsWidget) needs one; offscreen when there is
// no display, so it runs from cron or a biomed shell.
int runReportCommand(int argc, char *argv[], const QStringList &args)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QTextStream out(stdout), err(stderr);
    return vigil::runReportCommand(args.mid(2), out, err);
}

// --self-test: every QML file compiles, the window loads and runs 1.5 s without a QML warning.
int runSelfTest(QCoreApplication &app, StationApp &station)
{
    QString error;
    QQmlApplicationEngine engine;
    prepareEngine(engine, station.station());
    const int compiled = compileAllQml(engine, &error);
    if (compiled < 0)
        return fail(QStringLiteral("self-test: QML error: %1").arg(error), 1);
    station.start();
    QQuickWindow *window = loadStationWindow(engine, station.station(), &error);
    if (!window)
        return fail(QStringLiteral("self-test: %1").arg(error), 1);
    // Any QML warning while the window runs (a broken binding, a missing role) fails the self-test.
    QStringList qmlWarnings;
    QObject::connect(&engine, &QQmlEngine::warnings, [&qmlWarnings](const QList<QQmlError> &list) {
        for (const auto &e : list)
            qmlWarnings << e.toString();
    });
    QTimer::singleShot(1500, &app, &QCoreApplication::quit);
    app.exec();
    if (!qmlWarnings.isEmpty())
        return fail(QStringLiteral("self-test: QML warnings:\n%1").arg(qmlWarnings.join(u'\n')), 1);
    const int beds = station.station()->wardModel()->rowCount();
    station.stop();
    if (beds < 1)
        return fail(QStringLiteral("self-test: the model layer produced no beds"), 1);
    std::printf("self-test: OK (%d QML files compiled, main window created, %d beds live)\n", compiled, beds);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (args.size() > 1 && args[1] == QLatin1String("archive"))
        return runArchiveCommand(argc, argv, args);
    if (args.size() > 1 && args[1] == QLatin1String("dicom")) // `vigil dicom ...`: docs/DICOM.md
        return dicomMain(argc, argv);
    if (args.size() > 1 && args[1] == QLatin1String("audit"))
        return runAuditCommand(argc, argv, args);
    if (args.size() > 1 && args[1] == QLatin1String("report"))
        return runReportCommand(argc, argv, args);
    QString error;
    const auto options = parseCommandLine(args, &error);
    if (!options)
        return fail(error + QStringLiteral("\nTry 'vigil --help'."));
    const Options &o = *options;
    if (o.help) {
        std::fputs(qPrintable(o.helpText), stdout);
        return 0;
    }
    if (o.version) {
        std::printf("vigil %s\n", VIGIL_VERSION);
        return 0;
    }

    // The station is a QApplication: the reports draw with Qt Charts and print through QPrinter (Qt
    // Widgets). A headless station with an archive can print too (alarm strips, shift summaries), so it is
    // one on the offscreen platform; without an archive (nothing to report) it stays a QCoreApplication.
    std::unique_ptr<QCoreApplication> app;
    if (o.checkConfig || o.printDefaultConfig || (o.headless && o.noArchive)) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else if (o.headless) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        // The on-screen keyboard (Qt Virtual Keyboard): Station.ui decides when it shows (docs/INSTALL.md).
        if (qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
            qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
        if (o.selfTest && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
            qEnvironmentVariableIsEmpty("DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    if (o.printDefaultConfig) {
        QFile f(QStringLiteral(":/vigil/station.default.toml"));
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("the embedded default station file is missing"), 1);
        std::fputs(f.readAll().constData(), stdout);
        return 0;
    }

    const auto config = stationConfigFor(o, &error);
    if (!config)
        return fail(error);
    StationApp station(*config);
    if (!station.build(&error))
        return fail(error);
    if (!applyUiConfig(station.station(), config->ui, o.language, &error))
        return fail(error);
    if (o.checkConfig) {
        std::fputs(qPrintable(checkConfigReport(*config)), stdout);
        return 0;
    }
    if (o.selfTest && !o.noArchive) { // the archive the station would open (read only: docs/INSTALL.md)
        QString archiveSummary;
        if (!checkArchiveForSelfTest(selfTestArchivePath(o, *config), &archiveSummary))
            return fail(QStringLiteral("self-test: ") + archiveSummary, 1);
        std::printf("self-test: %s\n", qPrintable(archiveSummary));
    }
    if (o.selfTest)
        return runSelfTest(*app, station);

    ShutdownSignals::ignoreFileSizeLimitSignal();
    ShutdownSignals shutdown; // SIGINT/SIGTERM quit the loop below; the teardown after it runs
    station.start();
    // A run that did not end cleanly is reported on screen and in the archive (restarted by systemd).
    std::unique_ptr<RunMarker> runMarker;
    if (station.archive()) {
        runMarker = std::make_unique<RunMarker>(QFileInfo(station.archivePath()).absolutePath());
        runMarker->report(station.station(), station.archive());
    }

    std::unique_ptr<StateFileWriter> stateWriter;
    if (!o.stateFile.isEmpty()) {
        stateWriter = std::make_unique<StateFileWriter>(station.station(), o.stateFile);
        stateWriter->start();
    }
    if (o.quitAfterS > 0)
        QTimer::singleShot(static_cast<int>(o.quitAfterS * 1000), app.get(), &QCoreApplication::quit);

    std::unique_ptr<audio::AlarmSoundPlayer> player;
    std::unique_ptr<QQmlApplicationEngine> engine;
    if (!o.headless) {
        player = makeAlarmSoundPlayer(station.station());
        const RenderPathDecision renderPath = applyRenderPath(config->renderPath);
        std::fprintf(stderr, "vigil: drawing with %s (%s)\n",
                     renderPath.software ? "the software path" : "the GPU", qPrintable(renderPath.reason));
        engine = std::make_unique<QQmlApplicationEngine>();
        retranslateOnLanguageChange(station.station(), *engine); // the language switches without a restart
        QQuickWindow *window = loadStationWindow(*engine, station.station(), &error,
                                                 station.archive() ? station.archivePath() : QString());
        if (!window)
            return fail(error, 1);
        if (station.printing())
            station.printing()->installPreview(*engine); // print previews render from the archive
        if (o.windowSize.isValid())
            window->resize(o.windowSize);
        if (o.fullscreen)
            window->showFullScreen();
        if (!o.screenshotPath.isEmpty()) {
            QTimer::singleShot(
                static_cast<int>(o.screenshotDelayS * 1000), window, [window, path = o.screenshotPath] {
                    const QImage image = window->grabWindow();
                    if (image.isNull() || !image.save(path))
                        std::fprintf(stderr, "vigil: cannot save screenshot to %s\n", qPrintable(path));
                    else
                        std::printf("vigil: screenshot saved to %s\n", qPrintable(path));
                });
        }
    }

    const int rc = app->exec();
    player.reset();
    engine.reset();
    station.stop();
    if (stateWriter)
        stateWriter->writeNow();
    return rc;
}
