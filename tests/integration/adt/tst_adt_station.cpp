// The census's patient is the station's patient (issue 11, docs/ADT.md): the running station (StationApp,
// its archive and its ADT listener) is sent HL7 v2.5 ADT by python3-hl7's `mllp_send` while a monitor on the
// bed names another patient. After the A01 the bed tile, the alarm bar and a patient report built from the
// archive show the admitted patient (name, MRN); the monitor's later data stays in the ADT stay (no silent
// re-attribution); the archive's stay table holds the admission (source "adt") and its end; an A02 takes
// the patient and her custom limits to the new bed and returns the old bed to the monitor's patient and the
// profile's defaults; the A03 discharge does the same to the new bed, recorded in the archive.
#include "ArchiveReader.h"
#include "Report.h"
#include "StationApp.h"
#include "StationConfig.h"
#include "WardModel.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {

const QString kBed = QStringLiteral("ICU^1^A");

BedUpdate monitorUpdate(double hr)
{
    BedUpdate u;
    u.bedKey = kBed;
    u.sourceId = QStringLiteral("monitor");
    u.patient =
        PatientInfo{QStringLiteral("MON1"), QStringLiteral("Monitor, Mona"), PatientProfile::Adult, {}};
    u.numerics.push_back({NumericId::Hr, hr, QDateTime::currentMSecsSinceEpoch()});
    return u;
}

QString adtMessage(const QString &trigger, const QString &controlId, const QString &bed = kBed)
{
    const QString ts = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    return QStringLiteral("MSH|^~\\&|HIS|HOSP|VIGIL|ICU|%1||ADT^%2^ADT_A01|%3|P|2.5|||||||UNICODE UTF-8\r"
                          "EVN|%2|%1\r"
                          "PID|1||MRN100^^^HOSP^MR||Müller^Jürgen||19700101|M\r"
                          "PV1|1|I|%4||||1234^House^Greg\r")
        .arg(ts, trigger, controlId, bed);
}

// mllp_send (python3-hl7) from a message file, as an interface engine would; returns MSA-1.
QString send(const QString &dir, quint16 port, const QString &message)
{
    const QString path = dir + QStringLiteral("/msg.hl7");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write("\x0b" + message.toUtf8() + "\x1c\r");
    f.close();
    QProcess p;
    p.start(QStringLiteral("mllp_send"), {QStringLiteral("-p"), QString::number(port), QStringLiteral("-f"),
                                          path, QStringLiteral("127.0.0.1")});
    // The station answers on its ADT thread; keep the GUI thread's event loop running meanwhile.
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 20'000)
        QTest::qWait(20);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const auto m = QRegularExpression(QStringLiteral("MSA\\|(A[AER])")).match(out);
    return m.hasMatch() ? m.captured(1) : out;
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    p.waitForFinished(30'000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestAdtStation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("mllp_send")).isEmpty())
            QSKIP("mllp_send (python3-hl7) missing");
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) missing");
    }

    void admittedPatientEverywhere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("archive.sqlite"));
        StationConfig cfg = defaultStationConfig();
        cfg.sources.clear();
        cfg.beds = {{kBed, QStringLiteral("1A")}, {QStringLiteral("ICU^2^A"), QStringLiteral("2A")}};
        cfg.archive.enabled = true;
        cfg.archive.path = path;
        quint16 freePort = 0;
        {
            QTcpServer probe; // a free loopback port for the ADT listener
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            freePort = probe.serverPort();
        }
        cfg.adt.listen = {QStringLiteral("mllp://127.0.0.1:%1").arg(freePort)};
        qint64 admittedAfter = 0, shownAfter = 0, dischargedAfter = 0;
        {
            StationApp app(cfg);
            QString error;
            QVERIFY2(app.build(&error), qPrintable(error));
            app.start();
            QTRY_VERIFY_WITH_TIMEOUT(!app.adt()->ports().isEmpty(), 10'000);
            const quint16 port = app.adt()->ports().front();
            Station *station = app.station();
            Ward *ward = station->ward();
            const int row = ward->indexOf(kBed);
            QVERIFY(row >= 0);

            // The monitor's patient first; a nurse sets custom HR limits.
            BedUpdate u = monitorUpdate(80);
            app.archive()->store(u);
            ward->deliver(std::move(u));
            station->drainNow();
            QCOMPARE(ward->bed(row)->shownPatient().id, QStringLiteral("MON1"));
            alarms::AlarmEngine *engine = station->alarmEngine();
            const alarms::Limits defaults = engine->limits(kBed, NumericId::Hr);
            QVERIFY(engine->setLimit(kBed, NumericId::Hr, 55, 95, QStringLiteral("nurse")));
            QVERIFY(engine->customLimits(kBed));

            // A01 from the hospital: the admitted patient is the one shown, the monitor's kept beside.
            QTest::qWait(50);
            admittedAfter = QDateTime::currentMSecsSinceEpoch();
            QCOMPARE(send(dir.path(), port, adtMessage(QStringLiteral("A01"), QStringLiteral("C1"))),
                     QStringLiteral("AA"));
            QTRY_COMPARE_WITH_TIMEOUT(ward->bed(row)->shownPatient().name, QStringLiteral("Müller, Jürgen"),
                                      10'000);
            QCOMPARE(ward->bed(row)->shownPatient().id, QStringLiteral("MRN100"));
            shownAfter = QDateTime::currentMSecsSinceEpoch(); // the station shows the admission from here
            QCOMPARE(ward->bed(row)->patient.id, QStringLiteral("MON1"));
            const QModelIndex tile = station->wardModel()->index(row);
            QCOMPARE(tile.data(WardModel::PatientNameRole).toString(), QStringLiteral("Müller, Jürgen"));
            QCOMPARE(tile.data(WardModel::PatientIdRole).toString(), QStringLiteral("MRN100"));
            // The monitor still names MON1: the identity mismatch is the top condition, and the alarm bar
            // names the admitted patient.
            QTRY_VERIFY_WITH_TIMEOUT(station->alarmBar()->topPatient() == QStringLiteral("Müller, Jürgen"),
                                     10'000);

            // More data from the monitor (still naming MON1): it belongs to the ADT stay.
            QTest::qWait(50);
            for (int i = 0; i < 3; ++i) {
                BedUpdate more = monitorUpdate(81 + i);
                app.archive()->store(more);
                ward->deliver(std::move(more));
                station->drainNow();
                QTest::qWait(20);
            }

            // A02 to bed 2: the patient and her custom limits move there; bed 1 is back to the monitor's
            // patient and the defaults.
            const QString bed2 = QStringLiteral("ICU^2^A");
            const int row2 = ward->indexOf(bed2);
            QVERIFY(row2 >= 0);
            dischargedAfter = QDateTime::currentMSecsSinceEpoch(); // bed 1's ADT stay ends here
            QCOMPARE(send(dir.path(), port, adtMessage(QStringLiteral("A02"), QStringLiteral("C2"), bed2)),
                     QStringLiteral("AA"));
            QTRY_COMPARE_WITH_TIMEOUT(ward->bed(row2)->shownPatient().name, QStringLiteral("Müller, Jürgen"),
                                      10'000);
            QVERIFY(!ward->bed(row)->admitted.has_value());
            QCOMPARE(ward->bed(row)->shownPatient().id, QStringLiteral("MON1"));
            QCOMPARE(engine->limits(bed2, NumericId::Hr).low, 55.0);
            QCOMPARE(engine->limits(bed2, NumericId::Hr).high, 95.0);
            QVERIFY(!engine->customLimits(kBed));
            QCOMPARE(engine->limits(kBed, NumericId::Hr).low, defaults.low);
            QCOMPARE(engine->limits(kBed, NumericId::Hr).high, defaults.high);

            // A03 on bed 2: empty, its limits the profile's defaults again.
            QCOMPARE(send(dir.path(), port, adtMessage(QStringLiteral("A03"), QStringLiteral("C3"), bed2)),
                     QStringLiteral("AA"));
            QTRY_VERIFY_WITH_TIMEOUT(!ward->bed(row2)->admitted.has_value(), 10'000);
            QVERIFY(!engine->customLimits(bed2));
            QCOMPARE(engine->limits(bed2, NumericId::Hr).low, defaults.low);
            QCOMPARE(engine->limits(bed2, NumericId::Hr).high, defaults.high);
            app.stop(); // flushes the archive
        }

        // The archive's stay table: the monitor's stay ended at the admission, the ADT stay (source "adt",
        // MRN and name) holds the later data and ended at the discharge.
        QString error;
        const auto reader = archive::ArchiveReader::open(path, &error);
        QVERIFY2(reader, qPrintable(error));
        const auto stays = reader->stays(kBed);
        for (const auto &st : stays)
            qInfo("stay %lld %s %s %lld..%lld last %lld", st.id, qPrintable(st.patientId),
                  qPrintable(st.sourceId), st.startMs, st.endMs.value_or(-1), st.lastDataMs);
        qInfo("admitted after %lld, shown after %lld, discharged after %lld", admittedAfter, shownAfter,
              dischargedAfter);
        QVERIFY(stays.size() >= 2);
        const archive::StayRecord *adt = nullptr;
        int adtStays = 0;
        for (const auto &s : stays)
            if (s.patientId == QLatin1String("MRN100")) {
                adt = &s;
                ++adtStays;
            }
        QCOMPARE(adtStays, 1);
        QCOMPARE(adt->patientName, QStringLiteral("Müller, Jürgen"));
        QCOMPARE(adt->sourceId, QStringLiteral("adt"));
        QVERIFY(adt->startMs >= admittedAfter);
        QVERIFY(adt->endMs && *adt->endMs >= dischargedAfter);
        QVERIFY(adt->lastDataMs >= admittedAfter); // the monitor's data after the admission is in it
        for (const auto &s : stays)
            QVERIFY2(!(s.patientId == QLatin1String("MON1") && s.startMs > admittedAfter),
                     "the monitor's patient opened a stay during the admission");
        bool limitsRecorded = false;
        for (const auto &e : reader->events(kBed, admittedAfter, QDateTime::currentMSecsSinceEpoch() + 1000))
            limitsRecorded |=
                e.type == QLatin1String("limit_change") && e.text.contains(QLatin1String("defaults"));
        QVERIFY(limitsRecorded);
        const auto stays2 = reader->stays(QStringLiteral("ICU^2^A"));
        QCOMPARE(stays2.size(), std::size_t(1)); // the transferred patient's stay in bed 2, ended by A03
        QCOMPARE(stays2.front().patientId, QStringLiteral("MRN100"));
        QVERIFY(stays2.front().endMs.has_value());

        // A patient report built from the archive after the A01 names the admitted patient.
        reports::ReportRequest req;
        req.kind = reports::ReportKind::Patient;
        req.archivePath = path;
        req.bedKey = kBed;
        req.fromMs = shownAfter;
        req.toMs = dischargedAfter;
        req.generatedBy = QStringLiteral("test");
        const QString pdf = dir.filePath(QStringLiteral("patient.pdf"));
        const reports::ReportResult r = reports::renderPdf(req, pdf);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("Müller, Jürgen")), qPrintable(text.left(600)));
        QVERIFY2(text.contains(QStringLiteral("MRN100")), qPrintable(text.left(600)));
        QVERIFY2(!text.contains(QStringLiteral("Monitor, Mona")), qPrintable(text.left(600)));
    }
};

QTEST_MAIN(TestAdtStation)
#include "tst_adt_station.moc"
