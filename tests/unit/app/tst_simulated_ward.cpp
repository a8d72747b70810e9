// The embedded demo end to end without a window: the simulator on its own thread feeding the ward
// through the ingest path, numerics batched into the model, and the state file snapshot.
#include "StateFile.h"
#include "StationApp.h"
#include "StationConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestSimulatedWard : public QObject
{
    Q_OBJECT
private slots:
    void demoWardRunsAndWritesState()
    {
        StationConfig cfg = defaultStationConfig();
        cfg.sources[0].beds = 4;
        cfg.sources[0].scenarios = {QStringLiteral("2:lead_off@0.5+60")};
        StationApp app(cfg);
        QString error;
        QVERIFY2(app.build(&error), qPrintable(error));
        app.start();
        Station *station = app.station();
        QTRY_COMPARE_WITH_TIMEOUT(station->wardModel()->rowCount(), 4, 5000);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.json"));
        StateFileWriter writer(station, path);
        writer.start(200);
        QTest::qWait(3500);
        station->drainNow();

        const Ward &ward = *station->ward();
        for (int b = 0; b < 4; ++b) {
            const Bed *bed = ward.bed(b);
            QVERIFY(!bed->patient.name.isEmpty());
            QVERIFY(!bed->noData);
            // ~3.5 s at 125 Hz of pleth: the ring received what the simulator generated, in real time.
            const quint64 pleth = ward.samplesReceived(b, WaveId::Pleth);
            QVERIFY2(pleth > 300 && pleth < 600, qPrintable(QString::number(pleth)));
            QVERIFY(bed->numerics[int(NumericId::SpO2)].hasValue());
            const double spo2 = bed->numerics[int(NumericId::SpO2)].value;
            QVERIFY2(spo2 >= 85 && spo2 <= 100, qPrintable(QString::number(spo2)));
        }
        // Bed 2 has its ECG leads off: the condition is shown and no HR is reported.
        const Bed *leadOff = ward.bed(1);
        QCOMPARE(leadOff->conditions.size(), std::size_t(1));
        QCOMPARE(leadOff->conditions[0].code, QStringLiteral("lead_off"));
        const double hr = ward.bed(0)->numerics[int(NumericId::Hr)].value;
        QVERIFY2(hr > 30 && hr < 200, qPrintable(QString::number(hr)));

        QTRY_VERIFY_WITH_TIMEOUT(writer.writes() >= 3, 3000);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
        QVERIFY2(!doc.isNull(), qPrintable(perr.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root[QStringLiteral("format")].toString(), QStringLiteral("vigil-state"));
        QCOMPARE(root[QStringLiteral("version")].toInt(), 1);
        const QJsonArray beds = root[QStringLiteral("beds")].toArray();
        QCOMPARE(beds.size(), 4);
        const QJsonObject bed0 = beds[0].toObject();
        QCOMPARE(bed0[QStringLiteral("key")].toString(), QStringLiteral("SIM^01"));
        const QJsonObject spo2 =
            bed0[QStringLiteral("numerics")].toObject()[QStringLiteral("spo2")].toObject();
        QCOMPARE(spo2[QStringLiteral("unit")].toString(), QStringLiteral("%"));
        QVERIFY(spo2[QStringLiteral("value")].toDouble() > 80);
        QVERIFY(!spo2[QStringLiteral("time")].toString().isEmpty());
        const QJsonObject ecg = bed0[QStringLiteral("waves")].toObject()[QStringLiteral("ecg_ii")].toObject();
        QCOMPARE(ecg[QStringLiteral("sample_rate")].toDouble(), 500.0);
        QVERIFY(ecg[QStringLiteral("samples_received")].toDouble() > 1000);
        const QJsonArray sources = root[QStringLiteral("sources")].toArray();
        QCOMPARE(sources.size(), 1);
        QCOMPARE(sources[0].toObject()[QStringLiteral("state")].toString(), QStringLiteral("connected"));
        QVERIFY(sources[0].toObject()[QStringLiteral("messages")].toDouble() > 10);
        app.stop();
    }

    void disconnectIsSeenAsNoData()
    {
        StationConfig cfg = defaultStationConfig();
        cfg.noDataTimeoutS = 2;
        cfg.sources[0].beds = 2;
        cfg.sources[0].scenarios = {QStringLiteral("1:disconnect@1+60")};
        StationApp app(cfg);
        QString error;
        QVERIFY2(app.build(&error), qPrintable(error));
        app.start();
        QTRY_COMPARE_WITH_TIMEOUT(app.station()->wardModel()->rowCount(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(app.station()->ward()->bed(0)->noData, 6000);
        QVERIFY(!app.station()->ward()->bed(1)->noData);
        app.stop();
    }

    void badScenarioIsRejectedClearly()
    {
        StationConfig cfg = defaultStationConfig();
        cfg.sources[0].scenarios = {QStringLiteral("1:heartattack@10")};
        StationApp app(cfg);
        QString error;
        QVERIFY(!app.build(&error));
        QVERIFY2(error.contains(QStringLiteral("heartattack")), qPrintable(error));
    }

    void missingRecordIsRejectedClearly()
    {
        StationConfig cfg = defaultStationConfig();
        SourceConfig s;
        s.id = QStringLiteral("rep");
        s.type = QStringLiteral("wfdb");
        s.record = QStringLiteral("/nonexistent/rec");
        s.bed = QStringLiteral("X");
        cfg.sources.push_back(s);
        StationApp app(cfg);
        QString error;
        QVERIFY(!app.build(&error));
        QVERIFY2(error.contains(QStringLiteral("rep")) && error.contains(QStringLiteral("/nonexistent/rec")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSimulatedWard)
#include "tst_simulated_ward.moc"
