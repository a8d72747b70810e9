// vigil: the central station program. See README.md and `vigil --help`.
#include "AlarmSoundPlayer.h"
#include "ArchiveCli.h"
#include "CommandLine.h"
#include "Gui.h"
#include "StateFile.h"
#include "StationApp.h"
#include "StationConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>

using namespace vigil;

namespace {

int fail(const QString &message, int code = 2)
{
    std::fprintf(stderr, "vigil: %s\n", qPrintable(message));
    return code;
}

// Applies command-line overrides on top of the station file.
void applyOverrides(StationConfig &cfg, const Options &o, bool embeddedDefault)
{
    // Sources on the command line replace the embedded demo simulator (but not a station file's sources),
    // so `vigil --headless --listen mllp://127.0.0.1:2575` shows only what arrives there.
    if (embeddedDefault && !o.demoBeds &&
        (!o.listens.isEmpty() || !o.gateways.isEmpty() || !o.replays.isEmpty()))
        cfg.sources.clear();
    int g = 0;
    auto addMllp = [&](const QString &url, bool listen) {
        SourceConfig s;
        s.id = QStringLiteral("gw%1").arg(++g);
        s.type = QStringLiteral("mllp");
        (listen ? s.listen : s.url) = url;
        s.name = listen ? QStringLiteral("Listen %1").arg(url.section(u'/', 2))
                        : QStringLiteral("Gateway %1").arg(url.section(u'/', 2));
        s.tlsCa = o.tlsCa;
        s.tlsCert = o.tlsCert;
        s.tlsKey = o.tlsKey;
        cfg.sources.push_back(s);
    };
    for (const QString &url : o.listens)
        addMllp(url, true);
    for (const QString &url : o.gateways)
        addMllp(url, false);
    if (o.demoBeds) {
        auto it = std::find_if(cfg.sources.begin(), cfg.sources.end(),
                               [](const SourceConfig &s) { return s.type == QLatin1String("simulator"); });
        if (it != cfg.sources.end()) {
            it->beds = *o.demoBeds;
        } else {
            SourceConfig s;
            s.id = QStringLiteral("sim");
            s.name = QStringLiteral("Simulator");
            s.type = QStringLiteral("simulator");
            s.beds = *o.demoBeds;
            cfg.sources.push_back(s);
        }
    }
    if (!o.alertManager.isEmpty()) {
        cfg.alertManager.url = o.alertManager;
        cfg.alertManager.tlsCa = o.tlsCa;
        cfg.alertManager.tlsCert = o.tlsCert;
        cfg.alertManager.tlsKey = o.tlsKey;
    }
    if (o.noArchive)
        cfg.archive.enabled = false;
    if (!o.archivePath.isEmpty()) {
        cfg.archive.enabled = true;
        cfg.archive.path = o.archivePath;
    }
    int n = 0;
    for (const QString &record : o.replays) {
        SourceConfig s;
        s.id = QStringLiteral("wfdb%1").arg(++n);
        s.type = QStringLiteral("wfdb");
        s.record = record;
        const QString base = QFileInfo(record).completeBaseName();
        s.name = QStringLiteral("WFDB %1").arg(base);
        s.bed = QStringLiteral("WFDB^%1").arg(base);
        s.bedLabel = QStringLiteral("WFDB %1").arg(base);
        cfg.sources.push_back(s);
    }
}

void quitOnSignals()
{
    // A file size limit must make the archive's writes fail (a technical alarm, monitoring continues), not
    // kill the station: without this, SIGXFSZ would end the process.
    std::signal(SIGXFSZ, SIG_IGN);
    // SIGINT/SIGTERM end the event loop so sources stop and the state file gets a last write.
    for (int sig : {SIGINT, SIGTERM})
        std::signal(
            sig, [](int) { QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection); });
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (args.size() > 1 && args[1] == QLatin1String("archive")) {
        // `vigil archive verify|export|stats`: the biomed and research side of the archive.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("vigil"));
        if (qEnvironmentVariableIsEmpty("VIGIL_ARCHIVE"))
            qputenv("VIGIL_ARCHIVE", (QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                      QStringLiteral("/archive.sqlite"))
                                         .toLocal8Bit());
        QTextStream out(stdout), err(stderr);
        return archive::runArchiveCommand(args.mid(2), out, err);
    }
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

    std::unique_ptr<QCoreApplication> app;
    if (o.headless || o.checkConfig || o.printDefaultConfig) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        if (o.selfTest && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
            qEnvironmentVariableIsEmpty("DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    if (o.printDefaultConfig) {
        QFile f(QStringLiteral(":/vigil/station.default.toml"));
        f.open(QIODevice::ReadOnly);
        std::fputs(f.readAll().constData(), stdout);
        return 0;
    }

    StationConfig config;
    if (!o.configPath.isEmpty()) {
        ConfigError cerr;
        auto loaded = loadStationConfig(o.configPath, &cerr);
        if (!loaded)
            return fail(cerr.toString());
        config = *loaded;
    } else {
        config = defaultStationConfig();
    }
    if (o.checkConfig || o.selfTest)
        config.archive.enabled = false; // neither needs the archive, and must not lock a running station's
    if (o.selfTest && !o.demoBeds) {
        Options small = o;
        small.demoBeds = 2;
        small.noArchive = true;
        applyOverrides(config, small, o.configPath.isEmpty());
    } else {
        applyOverrides(config, o, o.configPath.isEmpty());
    }

    StationApp station(config);
    if (!station.build(&error))
        return fail(error);
    if (o.checkConfig) {
        // A tier that needs a destination the station file does not give: say so (the station still
        // runs; such a tier only escalates the local signal).
        if (config.alertManager.url.isEmpty()) {
            for (int p = 0; p < alarms::kPriorityCount; ++p)
                for (const alarms::EscalationTier &tier : config.alarms.escalation[p])
                    if (tier.action == alarms::TierAction::AlertManager)
                        std::printf(
                            "%s: warning: [alarms.escalation] %s: the %lld s tier escalates to the alert "
                            "manager, but no [alert_manager] url is configured; it will only raise "
                            "the local signal\n",
                            qPrintable(config.origin.isEmpty() ? QStringLiteral("(embedded default)")
                                                               : config.origin),
                            qPrintable(alarms::nameOf(static_cast<alarms::Priority>(p))),
                            static_cast<long long>(tier.delayMs / 1000));
        }
        std::printf(
            "%s: OK (%zu beds listed, %zu sources)\n",
            qPrintable(config.origin.isEmpty() ? QStringLiteral("(embedded default)") : config.origin),
            config.beds.size(), config.sources.size());
        return 0;
    }

    if (o.selfTest) {
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
        QTimer::singleShot(1500, app.get(), &QCoreApplication::quit);
        app->exec();
        if (!qmlWarnings.isEmpty())
            return fail(QStringLiteral("self-test: QML warnings:\n%1").arg(qmlWarnings.join(u'\n')), 1);
        const int beds = station.station()->wardModel()->rowCount();
        station.stop();
        if (beds < 1)
            return fail(QStringLiteral("self-test: the model layer produced no beds"), 1);
        std::printf("self-test: OK (%d QML files compiled, main window created, %d beds live)\n", compiled,
                    beds);
        return 0;
    }

    quitOnSignals();
    station.start();

    std::unique_ptr<StateFileWriter> stateWriter;
    if (!o.stateFile.isEmpty()) {
        stateWriter = std::make_unique<StateFileWriter>(station.station(), o.stateFile);
        stateWriter->start();
    }
    if (o.quitAfterS > 0)
        QTimer::singleShot(static_cast<int>(o.quitAfterS * 1000), app.get(), &QCoreApplication::quit);

    // The loudspeaker follows the alarm engine: only the highest-priority pattern sounds, and a change
    // (a new condition, an escalation, an audio pause) takes effect at once.
    std::unique_ptr<audio::AlarmSoundPlayer> player;
    if (!o.headless) {
        player = std::make_unique<audio::AlarmSoundPlayer>();
        QObject::connect(player.get(), &audio::AlarmSoundPlayer::outputUnavailable, [](const QString &why) {
            qWarning("vigil: no alarm sound output (%s): alarms are visual only", qPrintable(why));
        });
        auto follow = [&player, &station] {
            const alarms::AudioDecision &a = station.station()->audio();
            player->setPattern(a.paused ? alarms::AudioPattern::None : a.pattern, a.generation);
        };
        QObject::connect(station.station(), &Station::audioChanged, player.get(), follow);
    }

    std::unique_ptr<QQmlApplicationEngine> engine;
    if (!o.headless) {
        engine = std::make_unique<QQmlApplicationEngine>();
        QQuickWindow *window = loadStationWindow(*engine, station.station(), &error,
                                                 station.archive() ? station.archivePath() : QString());
        if (!window)
            return fail(error, 1);
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
