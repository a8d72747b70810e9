// The station archives technical condition episodes end to end: a ward fed with a lead-off (as a
// device condition from an in-process source, and as a PCD-04 technical alarm from a gateway) and then
// its end; the station's alarm engine sees each, StationApp records one condition_on / condition_off
// pair per episode, and `vigil archive export --format events` lists the episode with bed, start, end,
// code and text.
#include "ArchiveCli.h"
#include "ArchiveReader.h"
#include "StationApp.h"
#include "StationConfig.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

BedUpdate update(const QString &bed, const QString &label, const QString &mrn)
{
    BedUpdate u;
    u.bedKey = bed;
    u.bedLabel = label;
    u.sourceId = QStringLiteral("test");
    u.patient = PatientInfo{mrn, QStringLiteral("Patient ") + mrn, PatientProfile::Adult};
    u.numerics.push_back({NumericId::SpO2, 97, QDateTime::currentMSecsSinceEpoch()});
    return u;
}

GatewayAlarm gatewayLeadOff(const QString &bed, bool start)
{
    GatewayAlarm a;
    a.sourceId = QStringLiteral("gw1");
    a.alarmId = QStringLiteral("gw-") + bed;
    a.bedKey = bed;
    a.eventRefId = QStringLiteral("MDC_EVT_LEAD_DISCONN");
    a.eventText = QStringLiteral("LEADS OFF");
    a.kind = alarms::Kind::Technical;
    a.priority = alarms::Priority::Medium;
    a.phase = start ? alarms::Phase::Start : alarms::Phase::End;
    a.state = start ? alarms::ReportedState::Active : alarms::ReportedState::Inactive;
    a.timeMs = QDateTime::currentMSecsSinceEpoch();
    a.decideMeaning();
    return a;
}

struct Row
{
    QString bed, label, type, startMs, endMs, code, text;
};

// One CSV line (RFC 4180: a quoted field may hold commas and doubled quotes; other events, e.g. NEWS2's,
// have commas in their text).
QStringList splitCsv(const QString &line)
{
    QStringList out;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar ch = line[i];
        if (quoted) {
            if (ch == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (ch == u'"') {
                quoted = false;
            } else {
                field += ch;
            }
        } else if (ch == u'"') {
            quoted = true;
        } else if (ch == u',') {
            out << field;
            field.clear();
        } else {
            field += ch;
        }
    }
    out << field;
    return out;
}

std::vector<Row> readRows(const QString &file)
{
    std::vector<Row> rows;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QStringList c = splitCsv(QString::fromUtf8(lines[i]));
        if (c.size() != 9)
            return {};
        rows.push_back({c[0], c[1], c[2], c[4], c[6], c[7], c[8]});
    }
    return rows;
}

} // namespace

class TestStationEvents : public QObject
{
    Q_OBJECT
private slots:
    void leadOffEpisodeReachesTheEventsExport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.db"));
        StationConfig cfg = defaultStationConfig();
        cfg.sources.clear();
        cfg.archive.enabled = true;
        cfg.archive.path = path;
        const qint64 from = QDateTime::currentMSecsSinceEpoch() - 1000;
        qint64 onAfter = 0, onBefore = 0, offAfter = 0, offBefore = 0;
        QHash<QString, QString> shownText; // bed -> the lead-off text shown when it started
        {
            StationApp app(cfg);
            QString error;
            QVERIFY2(app.build(&error), qPrintable(error));
            QVERIFY(app.archive());
            Station *station = app.station();
            Ward *ward = station->ward();

            // Bed 1: the monitor reports its leads off (a device condition), bed 2 the same through a
            // gateway (PCD-04), bed 3 both at once: one condition seen twice is one episode.
            BedUpdate b1 = update(QStringLiteral("icu^1^a"), QStringLiteral("ICU 1A"), QStringLiteral("M1"));
            BedUpdate b2 = update(QStringLiteral("icu^2^b"), QStringLiteral("ICU 2B"), QStringLiteral("M2"));
            BedUpdate b3 = update(QStringLiteral("icu^3^c"), QStringLiteral("ICU 3C"), QStringLiteral("M3"));
            for (BedUpdate *u : {&b1, &b2, &b3}) {
                BedUpdate copy = *u;
                app.archive()->store(copy);
                ward->deliver(std::move(copy));
            }
            station->drainNow();
            QTest::qWait(20);

            onAfter = QDateTime::currentMSecsSinceEpoch();
            const DeviceCondition leadOff{QStringLiteral("lead_off"), QStringLiteral("ECG LEADS OFF"), true};
            b1.numerics.clear();
            b1.conditions = {leadOff};
            ward->deliver(BedUpdate(b1));
            b2.numerics.clear();
            b2.alarms = {gatewayLeadOff(b2.bedKey, true)};
            ward->deliver(BedUpdate(b2));
            b3.numerics.clear();
            b3.conditions = {leadOff};
            ward->deliver(BedUpdate(b3));
            station->drainNow();
            for (const alarms::AlarmCondition &c : station->alarmEngine()->conditions()) {
                if (c.code == QLatin1String("lead_off") && c.state == alarms::State::Active)
                    shownText.insert(c.bedKey, c.text);
            }
            b3.conditions.clear();
            b3.alarms = {gatewayLeadOff(b3.bedKey, true)}; // the device's own report follows
            ward->deliver(BedUpdate(b3));
            station->drainNow();
            onBefore = QDateTime::currentMSecsSinceEpoch();

            // Every bed's lead-off is an active technical alarm now; the episode's text is what the
            // nurse read when it started (the device's text, or the station's for a PCD-04 code).
            for (const alarms::AlarmCondition &c : station->alarmEngine()->conditions()) {
                if (c.code == QLatin1String("lead_off") && c.state == alarms::State::Active &&
                    c.kind == alarms::Kind::Technical && !shownText.contains(c.bedKey))
                    shownText.insert(c.bedKey, c.text);
            }
            QCOMPARE(shownText.size(), 3);
            QCOMPARE(shownText.value(QStringLiteral("icu^2^b")),
                     alarms::technicalText(alarms::tech::LeadOff));

            QTest::qWait(50);
            offAfter = QDateTime::currentMSecsSinceEpoch();
            b1.conditions = {DeviceCondition{leadOff.code, leadOff.text, false}};
            ward->deliver(BedUpdate(b1));
            b2.alarms = {gatewayLeadOff(b2.bedKey, false)};
            ward->deliver(BedUpdate(b2));
            b3.alarms = {gatewayLeadOff(b3.bedKey, false)};
            b3.conditions = {DeviceCondition{leadOff.code, leadOff.text, false}};
            ward->deliver(BedUpdate(b3));
            station->drainNow();
            offBefore = QDateTime::currentMSecsSinceEpoch();
            app.stop(); // flushes the archive
        }

        const QString out = dir.filePath(QStringLiteral("events.csv"));
        QString text, err;
        QTextStream os(&text), es(&err);
        const int code = archive::runArchiveCommand(
            {QStringLiteral("archive"), QStringLiteral("export"), QStringLiteral("--archive"), path,
             QStringLiteral("--format"), QStringLiteral("events"), QStringLiteral("--from"),
             QString::number(from), QStringLiteral("--to"), QString::number(offBefore + 60'000),
             QStringLiteral("--out"), out},
            os, es);
        es.flush();
        QVERIFY2(code == 0, qPrintable(err));
        QFile raw(out);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        qInfo("%s", raw.readAll().constData());

        const std::vector<Row> rows = readRows(out);
        for (const char *bed : {"icu^1^a", "icu^2^b", "icu^3^c"}) {
            std::vector<Row> leadOff;
            for (const Row &r : rows)
                if (r.bed == QLatin1String(bed) && r.code == QLatin1String("lead_off"))
                    leadOff.push_back(r);
            QVERIFY2(leadOff.size() == 1, bed); // one episode, even when reported twice (bed 3)
            const Row &r = leadOff[0];
            QCOMPARE(r.type, QStringLiteral("condition"));
            QVERIFY(!r.text.isEmpty());
            QCOMPARE(r.text, shownText.value(QString::fromLatin1(bed)));
            QVERIFY2(!r.startMs.isEmpty() && !r.endMs.isEmpty(), bed);
            const qint64 start = r.startMs.toLongLong(), end = r.endMs.toLongLong();
            QVERIFY2(start >= onAfter && start <= onBefore, bed);
            QVERIFY2(end >= offAfter && end <= offBefore, bed);
        }
        QCOMPARE(rows[0].label.isEmpty(), false);

        // The lifecycle steps of the same alarms are archived too, with the domain's vocabulary.
        QString error;
        auto reader = archive::ArchiveReader::open(path, &error);
        QVERIFY2(reader, qPrintable(error));
        bool sawTechnicalStart = false;
        for (const archive::AlarmRecord &a : reader->alarms(QStringLiteral("icu^1^a"), from, offBefore + 1)) {
            if (a.code == QLatin1String("lead_off") && a.step == archive::AlarmStep::Start) {
                sawTechnicalStart = true;
                QVERIFY(a.kind == alarms::Kind::Technical);
                QVERIFY(a.priority.has_value());
            }
        }
        QVERIFY(sawTechnicalStart);
    }

    // Issue 10: the nurse's handover (severity, notes) and a station limit change (who, what) are stored
    // in the archive from the Station's invokables, where the shift reports read them.
    void handoverAndLimitChangeReachTheArchive()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.db"));
        StationConfig cfg = defaultStationConfig();
        cfg.sources.clear();
        cfg.archive.enabled = true;
        cfg.archive.path = path;
        const qint64 from = QDateTime::currentMSecsSinceEpoch() - 1000;
        {
            StationApp app(cfg);
            QString error;
            QVERIFY2(app.build(&error), qPrintable(error));
            Station *station = app.station();
            BedUpdate b = update(QStringLiteral("icu^1^a"), QStringLiteral("ICU 1A"), QStringLiteral("M1"));
            app.archive()->store(b);
            station->ward()->deliver(std::move(b));
            station->drainNow();
            const int row = 0;
            station->setUser(QStringLiteral("nurse.ada"));
            QVERIFY(!station->setHandover(row, QStringLiteral("critical"), {}).isEmpty()); // not I-PASS
            QCOMPARE(station->setHandover(row, QStringLiteral("watcher"), QStringLiteral("Wean O2 by noon")),
                     QString());
            QCOMPARE(station->handover(row).value(QStringLiteral("severity")).toString(),
                     QStringLiteral("watcher"));
            QCOMPARE(station->setLimit(row, QStringLiteral("hr"), 45, 125), QString());
            app.stop();
        }
        QString error;
        auto reader = archive::ArchiveReader::open(path, &error);
        QVERIFY2(reader, qPrintable(error));
        const auto h = reader->handover(QStringLiteral("icu^1^a"));
        QVERIFY(h);
        QCOMPARE(h->severity, QStringLiteral("watcher"));
        QCOMPARE(h->notes, QStringLiteral("Wean O2 by noon"));
        QCOMPARE(h->user, QStringLiteral("nurse.ada"));
        bool limit = false;
        for (const auto &e :
             reader->events(QStringLiteral("icu^1^a"), from, QDateTime::currentMSecsSinceEpoch() + 1))
            if (e.type == archive::kLimitChange)
                limit = e.text == QStringLiteral("hr 45\u2013125 by nurse.ada");
        QVERIFY(limit);
    }
};

QTEST_GUILESS_MAIN(TestStationEvents)
#include "tst_station_events.moc"
