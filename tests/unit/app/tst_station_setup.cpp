// What main() used to decide inline: the configuration a command line asks for (station file or embedded
// default, then the overrides), the --check-config report, and the loudspeaker following the engine.
#include "AlarmSoundPlayer.h"
#include "StationApp.h"
#include "StationSetup.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestStationSetup : public QObject
{
    Q_OBJECT
private:
    static Options options(QStringList args)
    {
        args.prepend(QStringLiteral("vigil"));
        QString error;
        const auto o = parseCommandLine(args, &error);
        if (!o)
            qFatal("bad test command line: %s", qPrintable(error));
        return *o;
    }
    static StationConfig fileConfig()
    {
        ConfigError e;
        auto cfg =
            parseStationConfig("[[source]]\nid = \"sim\"\ntype = \"simulator\"\nbeds = 3\n"
                               "[[source]]\nid = \"w\"\ntype = \"wfdb\"\nrecord = \"r\"\nbed = \"b\"\n",
                               QStringLiteral("s.toml"), &e);
        if (!cfg)
            qFatal("%s", qPrintable(e.toString()));
        return *cfg;
    }

private slots:
    void listenReplacesTheEmbeddedDemo()
    {
        StationConfig cfg = defaultStationConfig();
        applyOverrides(
            cfg,
            options({QStringLiteral("--listen"), QStringLiteral("mllps://0.0.0.0:2575"),
                     QStringLiteral("--gateway"), QStringLiteral("mllp://10.1.2.3:3000"),
                     QStringLiteral("--tls-ca"), QStringLiteral("ca.pem"), QStringLiteral("--tls-cert"),
                     QStringLiteral("c.pem"), QStringLiteral("--tls-key"), QStringLiteral("k.pem")}),
            true);
        QCOMPARE(cfg.sources.size(), std::size_t(2));
        const SourceConfig &l = cfg.sources[0];
        QCOMPARE(l.id, QStringLiteral("gw1"));
        QCOMPARE(l.type, QStringLiteral("mllp"));
        QCOMPARE(l.listen, QStringLiteral("mllps://0.0.0.0:2575"));
        QVERIFY(l.url.isEmpty());
        QCOMPARE(l.name, QStringLiteral("Listen 0.0.0.0:2575"));
        QCOMPARE(l.tlsCa, QStringLiteral("ca.pem"));
        QCOMPARE(l.tlsCert, QStringLiteral("c.pem"));
        QCOMPARE(l.tlsKey, QStringLiteral("k.pem"));
        const SourceConfig &g = cfg.sources[1];
        QCOMPARE(g.id, QStringLiteral("gw2"));
        QCOMPARE(g.url, QStringLiteral("mllp://10.1.2.3:3000"));
        QCOMPARE(g.name, QStringLiteral("Gateway 10.1.2.3:3000"));
    }

    void aStationFilesSourcesAreKept()
    {
        StationConfig cfg = fileConfig();
        applyOverrides(cfg, options({QStringLiteral("--listen"), QStringLiteral("mllp://127.0.0.1:2575")}),
                       false);
        QCOMPARE(cfg.sources.size(), std::size_t(3));
        QCOMPARE(cfg.sources[0].id, QStringLiteral("sim"));
        QCOMPARE(cfg.sources[2].listen, QStringLiteral("mllp://127.0.0.1:2575"));
    }

    void demoBeds()
    {
        // Resizes the simulator there is...
        StationConfig cfg = fileConfig();
        applyOverrides(cfg, options({QStringLiteral("--demo-beds"), QStringLiteral("7")}), false);
        QCOMPARE(cfg.sources.size(), std::size_t(2));
        QCOMPARE(cfg.sources[0].beds, 7);
        // ...or adds one; with --demo-beds the embedded demo is kept beside a --listen.
        cfg = defaultStationConfig();
        cfg.sources.clear();
        applyOverrides(cfg, options({QStringLiteral("--demo-beds"), QStringLiteral("5")}), false);
        QCOMPARE(cfg.sources.size(), std::size_t(1));
        QCOMPARE(cfg.sources[0].type, QStringLiteral("simulator"));
        QCOMPARE(cfg.sources[0].id, QStringLiteral("sim"));
        QCOMPARE(cfg.sources[0].beds, 5);
        cfg = defaultStationConfig();
        applyOverrides(cfg,
                       options({QStringLiteral("--demo-beds"), QStringLiteral("2"),
                                QStringLiteral("--listen"), QStringLiteral("mllp://127.0.0.1:2575")}),
                       true);
        QCOMPARE(cfg.sources.size(), std::size_t(2));
        QCOMPARE(cfg.sources[0].beds, 2);
    }

    void archiveAndAlertManager()
    {
        StationConfig cfg = defaultStationConfig();
        QVERIFY(cfg.archive.enabled);
        applyOverrides(cfg, options({QStringLiteral("--no-archive")}), true);
        QVERIFY(!cfg.archive.enabled);
        cfg.archive.enabled = false;
        applyOverrides(cfg,
                       options({QStringLiteral("--archive"), QStringLiteral("/tmp/a.sqlite"),
                                QStringLiteral("--alert-manager"), QStringLiteral("mllp://127.0.0.1:2600"),
                                QStringLiteral("--tls-ca"), QStringLiteral("ca.pem")}),
                       true);
        QVERIFY(cfg.archive.enabled);
        QCOMPARE(cfg.archive.path, QStringLiteral("/tmp/a.sqlite"));
        QCOMPARE(cfg.alertManager.url, QStringLiteral("mllp://127.0.0.1:2600"));
        QCOMPARE(cfg.alertManager.tlsCa, QStringLiteral("ca.pem"));
        QCOMPARE(cfg.sources.size(), std::size_t(1)); // the demo stays: no source on the command line
    }

    void replay()
    {
        StationConfig cfg = defaultStationConfig();
        applyOverrides(cfg,
                       options({QStringLiteral("--replay"), QStringLiteral("/data/mitdb/100.hea"),
                                QStringLiteral("--replay"), QStringLiteral("/data/mitdb/101")}),
                       true);
        QCOMPARE(cfg.sources.size(), std::size_t(2));
        QCOMPARE(cfg.sources[0].id, QStringLiteral("wfdb1"));
        QCOMPARE(cfg.sources[0].type, QStringLiteral("wfdb"));
        QCOMPARE(cfg.sources[0].record, QStringLiteral("/data/mitdb/100.hea"));
        QCOMPARE(cfg.sources[0].bed, QStringLiteral("WFDB^100"));
        QCOMPARE(cfg.sources[0].bedLabel, QStringLiteral("WFDB 100"));
        QCOMPARE(cfg.sources[1].id, QStringLiteral("wfdb2"));
        QCOMPARE(cfg.sources[1].bed, QStringLiteral("WFDB^101"));
    }

    void stationConfigForACommandLine()
    {
        QString error;
        // --check-config and --self-test never open the archive; --self-test runs a small ward.
        auto cfg = stationConfigFor(options({QStringLiteral("--check-config")}), &error);
        QVERIFY2(cfg, qPrintable(error));
        QVERIFY(!cfg->archive.enabled);
        QCOMPARE(cfg->sources[0].beds, 16);
        cfg = stationConfigFor(options({QStringLiteral("--self-test")}), &error);
        QVERIFY(cfg && !cfg->archive.enabled);
        QCOMPARE(cfg->sources[0].beds, 2);
        cfg = stationConfigFor(
            options({QStringLiteral("--self-test"), QStringLiteral("--demo-beds"), QStringLiteral("4")}),
            &error);
        QVERIFY(cfg && !cfg->archive.enabled);
        QCOMPARE(cfg->sources[0].beds, 4);
        cfg = stationConfigFor(options({QStringLiteral("--headless")}), &error);
        QVERIFY(cfg && cfg->archive.enabled);

        // A station file, then the overrides; a wrong one names file, line and key.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.toml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[station]\nname = \"ICU\"\n[[source]]\nid = \"sim\"\ntype = \"simulator\"\n");
        f.close();
        cfg = stationConfigFor(options({QStringLiteral("--config"), path, QStringLiteral("--listen"),
                                        QStringLiteral("mllp://127.0.0.1:2575")}),
                               &error);
        QVERIFY2(cfg, qPrintable(error));
        QCOMPARE(cfg->stationName, QStringLiteral("ICU"));
        QCOMPARE(cfg->origin, path);
        QCOMPARE(cfg->sources.size(), std::size_t(2)); // a station file's simulator stays
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("[display]\n\ncolumns = 99\n");
        f.close();
        QVERIFY(!stationConfigFor(options({QStringLiteral("--config"), path}), &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(":3: [display] columns:")), qPrintable(error));
    }

    void checkConfigReport()
    {
        StationConfig cfg = defaultStationConfig();
        const QString report = vigil::checkConfigReport(cfg);
        QVERIFY2(
            report.contains(QStringLiteral("(embedded default): warning: [alarms.escalation] high: the 40 s "
                                           "tier escalates to the alert manager")),
            qPrintable(report));
        QVERIFY2(report.endsWith(QStringLiteral("(embedded default): OK (0 beds listed, 1 sources)\n")),
                 qPrintable(report));
        cfg.alertManager.url = QStringLiteral("mllp://127.0.0.1:1");
        cfg.origin = QStringLiteral("s.toml");
        QCOMPARE(
            vigil::checkConfigReport(cfg),
            QStringLiteral("s.toml: [print] printer (none: PDF only), A4 portrait, auto-print strips: high, "
                           "pre-trigger 15 s, printer-unavailable condition after 60 s\n"
                           "s.toml: [shifts] none (no automatic ward summary)\n"
                           "s.toml: OK (0 beds listed, 1 sources)\n"));
        // [print] and [shifts] as read (issue 10).
        cfg.print.printer = QStringLiteral("ward4b");
        cfg.print.duplex = true;
        cfg.print.autoPrintStrips = {};
        cfg.shifts.times = {QStringLiteral("07:00"), QStringLiteral("19:00")};
        cfg.shifts.printWardSummary = true;
        const QString printing = vigil::checkConfigReport(cfg);
        QVERIFY2(printing.contains(
                     QStringLiteral("[print] printer ward4b, A4 portrait duplex, auto-print strips: off")),
                 qPrintable(printing));
        QVERIFY2(printing.contains(
                     QStringLiteral("[shifts] 07:00, 19:00 (system time zone), ward summary kept as PDF "
                                    "and printed")),
                 qPrintable(printing));
    }

    // The loudspeaker plays what the engine decides, and stops for an audio pause.
    void playerFollowsTheAlarmEngine()
    {
        StationConfig cfg = defaultStationConfig();
        cfg.sources.clear();
        cfg.archive.enabled = false;
        StationApp app(cfg);
        QString error;
        QVERIFY2(app.build(&error), qPrintable(error));
        Station *station = app.station();
        audio::AlarmSoundPlayer player;
        followAlarmAudio(station, &player);
        QCOMPARE(player.pattern(), alarms::AudioPattern::None);
        station->setArchiveProblem(QStringLiteral("disk full")); // a technical alarm that sounds
        QTRY_VERIFY(station->audio().pattern != alarms::AudioPattern::None);
        QCOMPARE(player.pattern(), station->audio().pattern);
        QVERIFY(station->pauseAudio());
        QTRY_COMPARE(player.pattern(), alarms::AudioPattern::None);
        station->cancelAudioPause();
        QTRY_VERIFY(player.pattern() != alarms::AudioPattern::None);
    }
};

QTEST_GUILESS_MAIN(TestStationSetup)
#include "tst_station_setup.moc"
