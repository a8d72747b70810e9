// Station file and command line: every error names the line and key; no silent defaults.
#include "CommandLine.h"
#include "StationConfig.h"

#include <QFile>
#include <QTest>

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
        o = parseCommandLine({QStringLiteral("vigil"), QStringLiteral("--help")}, &error);
        QVERIFY(o && o->help);
        for (const char *opt :
             {"--headless", "--state-file", "--self-test", "--demo-beds", "--config", "--help"})
            QVERIFY2(o->helpText.contains(QLatin1String(opt)), opt);
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
