// Station file and command line: every error names the line and key; no silent defaults.
#include "CommandLine.h"
#include "StationConfig.h"

#include <QFile>
#include <QTemporaryDir>

#include <QTest>
#include <limits>

using namespace vigil;

class TestConfig : public QObject
{
    Q_OBJECT
private:
    static QString errorOf(const char *text)
    {
        ConfigError e;
        const auto cfg = parseStationConfig(QByteArray(text), QStringLiteral("t.toml"), &e);
        return cfg ? QString() : e.toString();
    }

private slots:
    void embeddedDefaultIsValid()
    {
        const StationConfig cfg = defaultStationConfig();
        QCOMPARE(cfg.sources.size(), std::size_t(1));
        QCOMPARE(cfg.sources[0].type, QStringLiteral("simulator"));
        QCOMPARE(cfg.sources[0].beds, 16);
        QVERIFY(cfg.sources[0].scenarios.size() >= 6);
        QCOMPARE(cfg.display.ecgSweepMmPerS, 25.0);
        QCOMPARE(cfg.display.respSweepMmPerS, 6.25);
        QVERIFY(cfg.beds.empty());
    }

    void shippedExampleIsValid()
    {
        QFile f(QStringLiteral(VIGIL_SOURCE_DIR "/resources/station.example.toml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        ConfigError e;
        const auto cfg = parseStationConfig(f.readAll(), f.fileName(), &e);
        QVERIFY2(cfg, qPrintable(e.toString()));
        QVERIFY(!cfg->beds.empty());
    }

    void fullFile()
    {
        ConfigError e;
        const auto cfg =
            parseStationConfig(QByteArray("\n"
                                          "# comment\n"
                                          "[station]\n"
                                          "name = \"ICU Central\"   # trailing comment\n"
                                          "ward = \"ICU 3 \\\"West\\\"\"\n"
                                          "[display]\n"
                                          "columns = 4\n"
                                          "max_fps = 30\n"
                                          "[[bed]]\n"
                                          "key = \"ICU3W^301^A\"\n"
                                          "label = \"301A\"\n"
                                          "profile = \"paediatric\"\n"
                                          "[[bed]]\n"
                                          "key = \"ICU3W^302^A\"\n"
                                          "[[source]]\n"
                                          "id = \"sim\"\n"
                                          "type = \"simulator\"\n"
                                          "beds = 2\n"
                                          "scenarios = [\"1:tachycardia@10+20=150\", \"2:lead_off@5\"]\n"
                                          "\n"),
                               QStringLiteral("t.toml"), &e);
        QVERIFY2(cfg, qPrintable(e.toString()));
        QCOMPARE(cfg->stationName, QStringLiteral("ICU Central"));
        QCOMPARE(cfg->wardName, QStringLiteral("ICU 3 \"West\""));
        QCOMPARE(cfg->display.columns, 4);
        QCOMPARE(cfg->display.maxFps, 30);
        QCOMPARE(cfg->beds.size(), std::size_t(2));
        QCOMPARE(cfg->beds[0].profile, QStringLiteral("paediatric"));
        QCOMPARE(cfg->beds[1].label, QString()); // the ward uses the key when no label is given
        QCOMPARE(cfg->sources[0].scenarios.size(), 2);
    }

    void errorsNameLineAndKey_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << "[display]\ncolums = 3\n"
                                     << "t.toml:2: [display] colums: unknown key";
        QTest::newRow("out of range")
            << "[display]\nmax_fps = 500\n"
            << "t.toml:2: [display] max_fps: expected a whole number from 5 to 240, got 500";
        QTest::newRow("render path") << "[display]\nrender_path = \"fast\"\n"
                                     << "t.toml:2: [display] render_path: expected \"auto\", \"gpu\" or "
                                        "\"software\", got \"fast\"";
        QTest::newRow("not a number") << "[display]\n\nmax_fps = \"fast\"\n"
                                      << "t.toml:3: [display] max_fps: expected a whole number";
        QTest::newRow("unquoted string") << "[station]\nname = Central\n"
                                         << "t.toml:2: name: cannot read value 'Central'";
        QTest::newRow("unterminated") << "[station]\nname = \"Central\n"
                                      << "t.toml:2: name: unterminated string";
        QTest::newRow("unknown section") << "[alarmz]\n"
                                         << "t.toml:1: unknown section [alarmz]";
        QTest::newRow("single bed bracket") << "[bed]\n"
                                            << "t.toml:1: [bed] must be written [[bed]]";
        QTest::newRow("duplicate key") << "[station]\nname = \"a\"\nname = \"b\"\n"
                                       << "t.toml:3: name: set twice (first on line 2)";
        QTest::newRow("missing bed key") << "[[bed]]\nlabel = \"x\"\n"
                                         << "t.toml:1: [[bed]] key: required key is missing";
        QTest::newRow("duplicate bed") << "[[bed]]\nkey = \"a\"\n[[bed]]\nkey = \"a\"\n"
                                       << "t.toml:4: [[bed]] key: bed \"a\" is listed twice";
        QTest::newRow("bad profile") << "[[bed]]\nkey = \"a\"\nprofile = \"giant\"\n"
                                     << "t.toml:3: [[bed]] profile: expected \"adult\"";
        QTest::newRow("bad source type") << "[[source]]\nid = \"x\"\ntype = \"carrier-pigeon\"\n"
                                         << "t.toml:3: [[source]] type: unknown source type";
        QTest::newRow("wfdb needs record") << "[[source]]\nid = \"x\"\ntype = \"wfdb\"\nbed = \"b\"\n"
                                           << "t.toml:1: [[source]] record: required key is missing";
        QTest::newRow("garbage line") << "[station]\nthis is not toml\n"
                                      << "t.toml:2: expected 'key = value'";
        QTest::newRow("bool expected")
            << "[[source]]\nid = \"x\"\ntype = \"wfdb\"\nrecord = \"r\"\nbed = \"b\"\nloop = 1\n"
            << "t.toml:6: [[source]] loop: expected true or false";
    }
    void errorsNameLineAndKey()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString error = errorOf(text.toUtf8().constData());
        QVERIFY2(error.startsWith(expected), qPrintable(QStringLiteral("got: ") + error));
    }

    // Ordinary TOML 1.0 that the former hand-written subset refused.
    void ordinaryToml()
    {
        ConfigError e;
        const auto cfg = parseStationConfig(
            QByteArray("station.name = \"ICU Central\"   # dotted key at the top level\n"
                       "station.ward = \"\"\"ICU 3 \\\n"
                       "      West\"\"\"\n" // multi-line string, line-ending backslash
                       "display = { columns = 4, max_fps = 30 }\n"
                       "alert_manager = { url = 'mllp://127.0.0.1:2600', reply_timeout_s = 5 }\n"
                       "bed = [ { key = \"A\" }, { key = \"B\", profile = \"neonatal\" } ]\n"
                       "[archive]\n"
                       "path = '/var/lib/vigil/archive.sqlite'\n"
                       "numeric_days = 1_0\n"
                       "[alarms.limits.adult]\n"
                       "hr = [45, 130]\n"
                       "[alarms]\n"
                       "audio_pause_s = 90\n"
                       "[[source]]\n"
                       "id = \"sim\"\n"
                       "type = \"simulator\"\n"
                       "scenarios = [\n"
                       "  \"1:tachycardia@10+20=150\",  # comment inside an array\n"
                       "  \"2:lead_off@5\",\n"
                       "]\n"),
            QStringLiteral("t.toml"), &e);
        QVERIFY2(cfg, qPrintable(e.toString()));
        QCOMPARE(cfg->stationName, QStringLiteral("ICU Central"));
        QCOMPARE(cfg->wardName, QStringLiteral("ICU 3 West"));
        QCOMPARE(cfg->display.columns, 4);
        QCOMPARE(cfg->display.maxFps, 30);
        QCOMPARE(cfg->alertManager.url, QStringLiteral("mllp://127.0.0.1:2600"));
        QCOMPARE(cfg->alertManager.replyTimeoutS, 5.0);
        QCOMPARE(cfg->beds.size(), std::size_t(2));
        QCOMPARE(cfg->beds[1].profile, QStringLiteral("neonatal"));
        QCOMPARE(cfg->archive.path, QStringLiteral("/var/lib/vigil/archive.sqlite"));
        QCOMPARE(cfg->archive.numericDays, 10.0);
        QCOMPARE(cfg->alarms.audioPauseMs, qint64(90000));
        QCOMPARE(cfg->sources.size(), std::size_t(1));
        QCOMPARE(cfg->sources[0].scenarios.size(), 2);
    }

    // [dicom] (docs/CONFIG.md): the node, TLS, UID root and the queue's timing; inconsistent settings are
    // errors naming the key.
    void dicomSection()
    {
        ConfigError e;
        const auto cfg = parseStationConfig(
            QByteArray("[dicom]\nenabled = true\ncalled_ae = 'PACS'\nhost = 'pacs.example'\n"
                       "port = 2762\ntls = true\ntls_ca = '/etc/ca.pem'\n"
                       "uid_root = '1.2.826.0.1.3680043.9.7777'\nretry_initial_s = 2\n"
                       "unreachable_condition_s = 60\n"),
            QStringLiteral("t.toml"), &e);
        QVERIFY2(cfg, qPrintable(e.toString()));
        QVERIFY(cfg->dicom.enabled && cfg->dicom.tls);
        QCOMPARE(cfg->dicom.calledAe, QStringLiteral("PACS"));
        QCOMPARE(cfg->dicom.callingAe, QStringLiteral("VIGIL"));
        QCOMPARE(cfg->dicom.port, 2762);
        QCOMPARE(cfg->dicom.retryInitialS, 2.0);
        QCOMPARE(cfg->dicom.unreachableConditionS, 60.0);
        QVERIFY(defaultStationConfig().dicom.enabled == false);
        const std::pair<const char *, const char *> bad[] = {
            {"[dicom]\nenabled = true\n", "enabled"},
            {"[dicom]\ntls = true\n", "tls"},
            {"[dicom]\nuid_root = '1.02.3'\n", "uid_root"},
            {"[dicom]\ncalling_ae = 'THIS_AE_TITLE_IS_TOO_LONG'\n", "calling_ae"},
            {"[dicom]\nretry_initial_s = 10\nretry_max_s = 5\n", "retry_max_s"},
            {"[dicom]\ntls_cert = 'c.pem'\n", "tls_cert"},
            {"[dicom]\nport = 0\n", "port"},
        };
        for (const auto &[text, key] : bad) {
            const QString error = errorOf(text);
            QVERIFY2(error.contains(QLatin1String(key)),
                     qPrintable(QString::fromLatin1(text) + QStringLiteral(" -> ") + error));
        }
    }

    // Dates and times are TOML values like any other: no key of the station file takes one, so they are
    // reported as the wrong type, with line and key, not as a syntax error.
    // The listener limits a site may tune (scanners, floods, one connection per bed); defaults from the link.
    void linkLimits()
    {
        ConfigError e;
        const auto defaults =
            parseStationConfig("[[source]]\nid = \"g\"\ntype = \"mllp\"\nlisten = \"mllp://127.0.0.1:0\"\n",
                               QStringLiteral("t.toml"), &e);
        QVERIFY2(defaults, qPrintable(e.toString()));
        QCOMPARE(defaults->sources.at(0).maxFrameBytes, double(1 << 20));
        QCOMPARE(defaults->sources.at(0).maxConnectionsPerPeer, 128);
        const auto cfg = parseStationConfig("[[source]]\nid = \"g\"\ntype = \"mllp\"\n"
                                            "listen = \"mllp://127.0.0.1:0\"\nhandshake_timeout_s = 5\n"
                                            "max_pending_handshakes = 8\nmax_connections = 40\n"
                                            "max_connections_per_peer = 20\nidle_timeout_s = 0\n"
                                            "silent_timeout_s = 12\nresend_memory = 0\n",
                                            QStringLiteral("t.toml"), &e);
        QVERIFY2(cfg, qPrintable(e.toString()));
        const SourceConfig &s = cfg->sources.at(0);
        QCOMPARE(s.handshakeTimeoutS, 5.0);
        QCOMPARE(s.maxPendingHandshakes, 8);
        QCOMPARE(s.maxConnections, 40);
        QCOMPARE(s.maxConnectionsPerPeer, 20);
        QCOMPARE(s.idleTimeoutS, 0.0);
        QCOMPARE(s.silentTimeoutS, 12.0);
        QCOMPARE(s.resendMemory, 0);
        QVERIFY(
            errorOf("[[source]]\nid = \"g\"\ntype = \"mllp\"\nlisten = \"mllp://127.0.0.1:0\"\n"
                    "max_connections = 0\n")
                .startsWith(QStringLiteral("t.toml:5: [[source]] max_connections: expected a whole number")));
    }

    void datesAreReadAndReportedByType()
    {
        QCOMPARE(errorOf("[station]\nname = 2026-12-05T10:00:00Z\n"),
                 QStringLiteral("t.toml:2: [station] name: expected a \"string\", got the date-time "
                                "2026-12-05T10:00:00Z"));
        const QString alarm = errorOf("[alarms]\naudio_pause_s = 07:30:00\n");
        QVERIFY2(alarm.startsWith(QStringLiteral("t.toml:2: [alarms] audio_pause_s: expected a number")),
                 qPrintable(alarm));
        const QString display = errorOf("[display]\ncolumns = 1979-05-27\n");
        QVERIFY2(
            display.startsWith(QStringLiteral("t.toml:2: [display] columns: expected a whole number from 0 "
                                              "to 8, got the date 1979-05-27")),
            qPrintable(display));
    }

    void moreErrorsNameLineAndKey_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("repeated single section") << "[[display]]\ncolumns = 2\n"
                                                 << "t.toml:1: [[display]] must be written [display]";
        QTest::newRow("section twice") << "[display]\n[display]\n"
                                       << "t.toml:2: section [display] appears twice";
        QTest::newRow("top-level key and [station]") << "name = \"a\"\n[station]\nname = \"b\"\n"
                                                     << "t.toml:3: name: set twice (first on line 1)";
        QTest::newRow("unknown top-level key") << "nmae = \"a\"\n"
                                               << "t.toml:1: [station] nmae: unknown key";
        QTest::newRow("section as a value") << "display = 3\n"
                                            << "t.toml:1: display: expected a section [display]";
        QTest::newRow("repeated section as a value") << "\nbed = 3\n"
                                                     << "t.toml:2: bed: expected [[bed]] tables, got a value";
        QTest::newRow("unknown table array") << "[[beds]]\n"
                                             << "t.toml:1: unknown table [[beds]]";
        QTest::newRow("inline table unknown key") << "display = { colums = 3 }\n"
                                                  << "t.toml:1: [display] colums: unknown key";
        QTest::newRow("alarm key") << "\n[alarms.limits.adult]\nhr = [130, 45]\n"
                                   << "t.toml:3: [alarms.limits.adult] hr: low limit must be below";
        QTest::newRow("nested alarm array")
            << "[alarms]\nlatch_codes = [[\"a\"]]\n"
            << "t.toml:2: [alarms] latch_codes: nested arrays are not supported";
        QTest::newRow("syntax error keeps toml++ words") << "[display]\ncolumns = 1__2\n"
                                                         << "t.toml:2: columns: column ";
    }
    void moreErrorsNameLineAndKey()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString error = errorOf(text.toUtf8().constData());
        QVERIFY2(error.startsWith(expected), qPrintable(QStringLiteral("got: ") + error));
    }

    // The attack run crashed the former parser (stack overflow) on arrays nested 30 000 deep. toml++
    // bounds value nesting; key nesting ([a.b.b.b...], a.b.b... = 1) it does not, and a 1 MiB header
    // overflowed its stack: both are refused before toml++ sees them.
    void deepNestingIsAnErrorNotACrash_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const int n = 30000;
        QTest::newRow("arrays") << QByteArray("[station]\nname = ") + QByteArray(n, '[') + QByteArray(n, ']')
                                << "t.toml:2: name: values nested deeper than 32 levels";
        QByteArray tables("x = ");
        for (int i = 0; i < n; ++i)
            tables += "{a=";
        tables += '1' + QByteArray(n, '}');
        QTest::newRow("inline tables") << tables << "t.toml:1: x: values nested deeper than 32 levels";
        QByteArray header("\n[alarms");
        QByteArray dotted("\n\nalarms");
        for (int i = 0; i < 500000; ++i) {
            header += ".b";
            if (i < n)
                dotted += ".b";
        }
        QTest::newRow("table header, 1 MiB") << header + "]\n"
                                             << "t.toml:2: keys nested deeper than 32 levels";
        QTest::newRow("dotted key") << dotted + " = 1\n"
                                    << "t.toml:3: alarms";
        QByteArray quoted("a");
        for (int i = 0; i < 40; ++i)
            quoted += ".\"q\"";
        QTest::newRow("quoted parts count") << quoted + " = 1\n"
                                            << "t.toml:1: a";
    }
    void deepNestingIsAnErrorNotACrash()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        ConfigError e;
        QVERIFY(!parseStationConfig(text, QStringLiteral("t.toml"), &e));
        QVERIFY2(e.toString().startsWith(expected), qPrintable(e.toString().left(300)));
        QVERIFY2(e.toString().contains(QLatin1String("nested deeper than 32 levels")),
                 qPrintable(e.toString().left(300)));
    }

    // Dots in strings, comments, numbers and dates are not key levels.
    void dotsOutsideKeysAreNotNesting()
    {
        QByteArray text("[station]\nname = \"");
        text += QByteArray(100, '.') + "\"  # " + QByteArray(100, '.') + "\n";
        text += "ward = '''\n" + QByteArray(100, '.') + "'''\n";
        text += "[display]\ndisplay_delay_s = 0.5\n";
        ConfigError e;
        QVERIFY2(parseStationConfig(text, QStringLiteral("t.toml"), &e), qPrintable(e.toString()));
    }

    void fileSizeIsBounded()
    {
        // Just under the limit is read; one byte over is refused, naming the file and the limit.
        QByteArray text("[station]\nname = \"x\"\n");
        text += QByteArray(ConfigDocument::kMaxBytes - text.size() - 1, '#') + '\n';
        ConfigError e;
        QVERIFY2(parseStationConfig(text, QStringLiteral("t.toml"), &e), qPrintable(e.toString()));
        text += ' ';
        QVERIFY(!parseStationConfig(text, QStringLiteral("t.toml"), &e));
        QCOMPARE(e.toString(),
                 QStringLiteral("t.toml: the station file is larger than 1048576 bytes (1 MiB), "
                                "the most it may be"));
        // A 200 MB file is refused without reading it into memory.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.toml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(200LL << 20));
        f.close();
        QVERIFY(!loadStationConfig(path, &e));
        QVERIFY2(e.toString().startsWith(path + QStringLiteral(": the station file is larger than")),
                 qPrintable(e.toString()));
    }

    // A 1 MiB file of [[bed]] tables (48 000 beds) took 10 s to check; a ward has at most 128 beds, and
    // each source is a thread.
    void repeatedSectionsAreBounded()
    {
        QByteArray beds, sources;
        for (int i = 0; i <= Ward::kMaxBeds; ++i) {
            beds += QStringLiteral("[[bed]]\nkey = \"b%1\"\n").arg(i).toUtf8();
            sources += QStringLiteral("[[source]]\nid = \"s%1\"\ntype = \"simulator\"\n").arg(i).toUtf8();
        }
        const int lastHeader = 2 * Ward::kMaxBeds + 1;
        QCOMPARE(
            errorOf(beds.constData()),
            QStringLiteral("t.toml:%1: [[bed]]: more than 128 beds (the most a ward has)").arg(lastHeader));
        QCOMPARE(errorOf(sources.constData()),
                 QStringLiteral("t.toml:%1: [[source]]: more than 128 sources (one per bed at most)")
                     .arg(3 * Ward::kMaxBeds + 1));
        beds.truncate(beds.lastIndexOf("[[bed]]"));
        QCOMPARE(errorOf(beds.constData()), QString());
    }

    void missingFile()
    {
        ConfigError e;
        QVERIFY(!loadStationConfig(QStringLiteral("/nonexistent/station.toml"), &e));
        QVERIFY(e.toString().contains(QStringLiteral("cannot read the station file")));
    }

    void commandLine()
    {
        QString error;
        auto o = parseCommandLine({QStringLiteral("vigil"), QStringLiteral("--headless"),
                                   QStringLiteral("--demo-beds"), QStringLiteral("32"),
                                   QStringLiteral("--state-file"), QStringLiteral("/tmp/s.json")},
                                  &error);
        QVERIFY2(o, qPrintable(error));
        QVERIFY(o->headless);
        QCOMPARE(o->demoBeds.value_or(0), 32);
        QCOMPARE(o->stateFile, QStringLiteral("/tmp/s.json"));

        QVERIFY(!parseCommandLine(
            {QStringLiteral("vigil"), QStringLiteral("--demo-beds"), QStringLiteral("65")}, &error));
        QVERIFY2(error.contains(QStringLiteral("--demo-beds")) && error.contains(QStringLiteral("65")),
                 qPrintable(error));
        QVERIFY(!parseCommandLine(
            {QStringLiteral("vigil"), QStringLiteral("--demo-beds"), QStringLiteral("x")}, &error));
        QVERIFY(!parseCommandLine({QStringLiteral("vigil"), QStringLiteral("--frobnicate")}, &error));
        QVERIFY2(error.contains(QStringLiteral("frobnicate")), qPrintable(error));
        QVERIFY(!parseCommandLine({QStringLiteral("vigil"), QStringLiteral("stray")}, &error));
        QVERIFY(!parseCommandLine(
            {QStringLiteral("vigil"), QStringLiteral("--window-size"), QStringLiteral("big")}, &error));
        o = parseCommandLine(
            {QStringLiteral("vigil"), QStringLiteral("--window-size"), QStringLiteral("1280x800")}, &error);
        QVERIFY(o);
        QCOMPARE(o->windowSize, QSize(1280, 800));
        // --quit-after becomes one QTimer interval in int milliseconds: a larger value is refused, not
        // converted out of range (undefined behaviour).
        QVERIFY(!parseCommandLine(
            {QStringLiteral("vigil"), QStringLiteral("--quit-after"), QStringLiteral("1e7")}, &error));
        QVERIFY2(error.contains(QStringLiteral("--quit-after")), qPrintable(error));
        o = parseCommandLine({QStringLiteral("vigil"), QStringLiteral("--quit-after"), QStringLiteral("2e6")},
                             &error);
        QVERIFY(o && o->quitAfterS * 1000 <= std::numeric_limits<int>::max());
        o = parseCommandLine({QStringLiteral("vigil"), QStringLiteral("--help")}, &error);
        QVERIFY(o && o->help);
        for (const char *opt :
             {"--headless", "--state-file", "--self-test", "--demo-beds", "--config", "--help"})
            QVERIFY2(o->helpText.contains(QLatin1String(opt)), opt);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
