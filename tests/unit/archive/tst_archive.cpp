// Full-disclosure archive: WFDB round trip through the ingest path, read API, retention, migrations,
// corruption detection and the command line. Crash safety and disk-full are integration tests
// (tests/integration/archive).
#include "Archive.h"
#include "ArchiveCli.h"
#include "ArchiveReader.h"
#include "ArchiveTools.h"
#include "ChunkFormat.h"
#include "SharedData.h"
#include "WaveCodec.h"
#include "Wfdb.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <cmath>
#include <mutex>

using namespace vigil;
using namespace vigil::archive;

namespace {

QString dataDir()
{
    return vigil::test::sharedDataPath(QStringLiteral("wfdb"));
}

constexpr qint64 kT0Ms = 1'700'000'000'000; // 2023-11-14T22:13:20Z

// Builds the BedUpdates a WfdbReplaySource would deliver for the whole record, one per tick of
// blockSeconds: every mapped signal as a WaveBlock with its gain and baseline, consecutive start times.
std::vector<BedUpdate> replayUpdates(const wfdb::Record &rec, const QString &bedKey, qint64 startUs,
                                     double blockSeconds, std::vector<int> *signalOfChannel)
{
    struct Ch
    {
        int signal;
        WaveId id;
        double rate;
        qint64 delivered = 0;
    };
    std::vector<Ch> chans;
    signalOfChannel->assign(kWaveCount, -1);
    for (int s = 0; s < rec.signalCount(); ++s) {
        const auto id = wfdb::waveIdForSignal(rec.header().signalInfos[std::size_t(s)]);
        if (!id || (*signalOfChannel)[std::size_t(*id)] >= 0)
            continue;
        (*signalOfChannel)[std::size_t(*id)] = s;
        chans.push_back({s, *id, rec.sampleRate(s)});
    }
    std::vector<BedUpdate> out;
    for (int tick = 1;; ++tick) {
        const double recordS = tick * blockSeconds;
        BedUpdate u;
        u.bedKey = bedKey;
        u.bedLabel = QStringLiteral("Replay ") + rec.header().recordName;
        u.sourceId = QStringLiteral("wfdb:") + bedKey;
        bool more = false;
        for (Ch &c : chans) {
            const std::vector<int32_t> &x = rec.samples(c.signal);
            const qint64 due = std::min<qint64>(qint64(std::floor(recordS * c.rate)), qint64(x.size()));
            if (due < qint64(x.size()))
                more = true;
            if (due <= c.delivered)
                continue;
            const wfdb::SignalInfo &si = rec.header().signalInfos[std::size_t(c.signal)];
            WaveBlock b;
            b.id = c.id;
            b.sampleRate = c.rate;
            b.startTimeUs = startUs + qint64(std::llround(double(c.delivered) * 1e6 / c.rate));
            b.gain = si.gain;
            b.baseline = si.baseline;
            for (qint64 i = c.delivered; i < due; ++i) {
                const int32_t adu = x[std::size_t(i)];
                b.samples.push_back(rec.isInvalid(c.signal, adu) ? std::nanf("")
                                                                 : float((adu - si.baseline) / si.gain));
            }
            c.delivered = due;
            u.waves.push_back(std::move(b));
        }
        if (!u.waves.empty()) {
            if (out.empty())
                u.patient =
                    PatientInfo{rec.header().recordName, QStringLiteral("WFDB ") + rec.header().recordName,
                                PatientProfile::Adult};
            u.numerics.push_back({NumericId::Hr, 60.0 + tick % 20, startUs / 1000 + qint64(recordS * 1000)});
            out.push_back(std::move(u));
        }
        if (!more)
            break;
    }
    return out;
}

ArchiveOptions testOptions()
{
    ArchiveOptions o;
    o.commitIntervalMs = 20;
    // Test data is timestamped in 2023: without this the purge would remove it while a test runs.
    o.waveRetentionHours = 1e7;
    o.numericRetentionDays = 1e6;
    return o;
}

std::unique_ptr<Archive> openArchive(const QString &path, const ArchiveOptions &o = testOptions())
{
    QString error;
    auto a = Archive::open(path, o, &error);
    if (!a)
        qWarning("Archive::open: %s", qPrintable(error));
    return a;
}

int runCli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
{
    QString o, e;
    QTextStream os(&o), es(&e);
    const int code = runArchiveCommand(args, os, es);
    os.flush();
    es.flush();
    if (out)
        *out = o;
    if (err)
        *err = e;
    return code;
}

BedUpdate simpleUpdate(const QString &bed, qint64 startUs, int n, double rate, const QString &patient = {})
{
    BedUpdate u;
    u.bedKey = bed;
    u.bedLabel = bed.toUpper();
    u.sourceId = QStringLiteral("test");
    if (!patient.isEmpty())
        u.patient = PatientInfo{patient, QStringLiteral("Name of ") + patient, PatientProfile::Adult};
    WaveBlock b;
    b.id = WaveId::EcgII;
    b.sampleRate = rate;
    b.startTimeUs = startUs;
    b.gain = 200;
    for (int i = 0; i < n; ++i)
        b.samples.push_back(float(((startUs / 1000 + i) % 400) - 200) / 200.0f);
    u.waves.push_back(std::move(b));
    return u;
}

// White-noise-like ECG: compresses poorly, so every chunk is large and unique in the file.
BedUpdate noisyUpdate(const QString &bed, qint64 startUs, int n, double rate)
{
    BedUpdate u = simpleUpdate(bed, startUs, n, rate);
    quint32 x = quint32(startUs / 1000);
    for (float &v : u.waves[0].samples) {
        x = x * 1664525u + 1013904223u;
        v = float(int(x >> 20) - 2048) / 200.0f;
    }
    return u;
}

qint64 scalar(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    qint64 v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

bool execSql(const QString &path, const QByteArray &sql, QString *error = nullptr)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    char *msg = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK && error)
        *error = QString::fromUtf8(msg);
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

} // namespace

class TstArchive : public QObject
{
    Q_OBJECT

private slots:
    void chunkFormats();
    void roundTripWfdb_data();
    void roundTripWfdb();
    void durabilityOrderAndHealth();
    void tailsAreReadable();
    void staysFollowPatients();
    void trendDecimation();
    void waveStripGapsAreNaN();
    void alarmLifecycleAndEvents();
    void storedAlarmCodesUnchanged();
    void conditionEpisodesFold();
    void eventsExportListsEpisodes();
    void exportsCarryUnitsForEveryChannel();
    void retentionPurgesInSmallSteps();
    void openEmptyFileCreatesSchema();
    void migratesFromV1();
    void refusesNewerSchema();
    void refusesForeignDatabase();
    void secondWriterIsRefused();
    void verifyDetectsFlippedByte();
    void cliArgumentsAndCsvExport();
};

void TstArchive::chunkFormats()
{
    // Numerics: decimal values go through the scaled path, anything else raw; both exact.
    for (const std::vector<double> &vals : {std::vector<double>{60, 61.5, 62.25, 98.6, -3.5},
                                            std::vector<double>{M_PI, 1e-9, 12345.678901234}}) {
        std::vector<int32_t> off;
        for (std::size_t i = 0; i < vals.size(); ++i)
            off.push_back(int32_t(i * 1000));
        const auto blob = encodeNumeric(off, vals);
        std::vector<int32_t> o2;
        std::vector<double> v2;
        std::string err;
        QVERIFY2(decodeNumeric(blob, o2, v2, &err), err.c_str());
        QCOMPARE(o2, off);
        for (std::size_t i = 0; i < vals.size(); ++i)
            QCOMPARE(v2[i], vals[i]); // exact
    }
    QCOMPARE(toAdu(0.123456f, 1000.0, 0), 123);
    QCOMPARE(toAdu(-1e30f, 1000.0, 0), -2147483647);
}

void TstArchive::roundTripWfdb_data()
{
    QTest::addColumn<QString>("record");
    QTest::newRow("100") << QStringLiteral("100");
    QTest::newRow("v102s") << QStringLiteral("v102s");
    QTest::newRow("03700181 multi-rate") << QStringLiteral("03700181");
}

void TstArchive::roundTripWfdb()
{
    QFETCH(QString, record);
    const QString hea = dataDir() + u'/' + record + QStringLiteral(".hea");
    VIGIL_REQUIRE_SHARED_DATA(hea);
    QString error;
    const std::optional<wfdb::Record> rec = wfdb::Record::open(hea, &error);
    QVERIFY2(rec, qPrintable(error));

    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("station.vigil-archive"));
    std::vector<int> signalOf;
    const qint64 startUs = kT0Ms * 1000;
    const std::vector<BedUpdate> updates =
        replayUpdates(*rec, QStringLiteral("replay^") + record, startUs, 0.25, &signalOf);
    {
        auto archive = openArchive(path);
        QVERIFY(archive);
        std::atomic<quint64> lastOk{0};
        std::atomic<bool> anyFalse{false};
        quint64 ticket = 0;
        for (const BedUpdate &u : updates) {
            ticket = archive->store(u);
            if (ticket % 500 == 0) {
                archive->notifyDurable(ticket, [&lastOk, &anyFalse, ticket](bool ok) {
                    ok ? void(lastOk = ticket) : void(anyFalse = true);
                });
            }
        }
        QVERIFY(archive->flush());
        QVERIFY(!anyFalse);
        QVERIFY(archive->health().ok);
        QCOMPARE(archive->health().durableTicket, ticket);
    }
    // Export through the command line, as biomed staff would.
    const qint64 endMs = kT0Ms + qint64(std::ceil(rec->durationS() * 1000)) + 1000;
    const QString outHea = tmp.filePath(QStringLiteral("out/exported.hea"));
    QString out, err;
    const int code =
        runCli({QStringLiteral("export"), QStringLiteral("--archive"), path, QStringLiteral("--bed"),
                QStringLiteral("Replay ") + record, QStringLiteral("--from"), QString::number(kT0Ms),
                QStringLiteral("--to"), QString::number(endMs), QStringLiteral("--format"),
                QStringLiteral("wfdb"), QStringLiteral("--out"), outHea},
               &out, &err);
    QVERIFY2(code == 0, qPrintable(err));
    const std::optional<wfdb::Record> back = wfdb::Record::open(outHea, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY2(back->verifyChecksums(&error), qPrintable(error));

    int compared = 0;
    for (int e = 0; e < back->signalCount(); ++e) {
        const wfdb::SignalInfo &bi = back->header().signalInfos[std::size_t(e)];
        const auto id = wfdb::waveIdForSignal(bi);
        QVERIFY2(id, qPrintable(bi.description));
        const int s = signalOf[std::size_t(*id)];
        QVERIFY(s >= 0);
        const wfdb::SignalInfo &oi = rec->header().signalInfos[std::size_t(s)];
        QCOMPARE(back->sampleRate(e), rec->sampleRate(s));
        QVERIFY(std::fabs(bi.gain - oi.gain) < 1e-9 * oi.gain);
        QCOMPARE(bi.baseline, oi.baseline);
        const std::vector<int32_t> &a = rec->samples(s);
        const std::vector<int32_t> &b = back->samples(e);
        QVERIFY(b.size() <= a.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            const bool invA = rec->isInvalid(s, a[i]);
            if (i >= b.size()) {
                // The export ends with the last archived sample: only invalid samples may be missing.
                QVERIFY2(invA, qPrintable(QStringLiteral("signal %1 sample %2 missing").arg(s).arg(i)));
                continue;
            }
            const bool invB = back->isInvalid(e, b[i]);
            if (invA != invB || (!invA && a[i] != b[i]))
                QFAIL(qPrintable(QStringLiteral("%1 signal %2 sample %3: original %4, exported %5")
                                     .arg(record)
                                     .arg(s)
                                     .arg(i)
                                     .arg(a[i])
                                     .arg(b[i])));
            ++compared;
        }
    }
    QVERIFY(compared > 0);
    qInfo("%s: %d samples compared, all equal", qPrintable(record), compared);

    // The read API gives the same integers back through gain/baseline.
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const auto strips =
        reader->waveStrip(QStringLiteral("replay^") + record, startUs + 1'000'000, startUs + 3'000'000);
    QVERIFY(!strips.empty());
    for (const WaveStrip &st : strips) {
        const int s = signalOf[std::size_t(st.id)];
        const std::vector<int32_t> &a = rec->samples(s);
        const auto k0 = qint64(std::llround(double(st.startUs - startUs) * st.sampleRate / 1e6));
        QCOMPARE(qint64(st.samples.size()), qint64(std::llround(2.0 * st.sampleRate)));
        for (std::size_t i = 0; i < st.samples.size(); ++i) {
            const int32_t orig = a[std::size_t(k0) + i];
            if (rec->isInvalid(s, orig)) {
                QVERIFY(std::isnan(st.samples[i]));
            } else {
                QCOMPARE(int32_t(std::lround(st.samples[i] * st.gain + st.baseline)), orig);
            }
        }
    }
    QString verifyOut;
    QCOMPARE(runCli({QStringLiteral("verify"), QStringLiteral("--archive"), path}, &verifyOut), 0);
    QVERIFY(verifyOut.contains(QStringLiteral("result: OK")));
}

void TstArchive::durabilityOrderAndHealth()
{
    QTemporaryDir tmp;
    auto archive = openArchive(tmp.filePath(QStringLiteral("a.db")));
    QVERIFY(archive);
    std::mutex m;
    std::vector<std::pair<quint64, bool>> fired;
    std::vector<quint64> tickets;
    // As an HL7 session does: store, then ask for durability of that ticket.
    for (int i = 0; i < 50; ++i) {
        const quint64 t =
            archive->store(simpleUpdate(QStringLiteral("bed1"), (kT0Ms + i * 100) * 1000, 50, 500));
        tickets.push_back(t);
        archive->notifyDurable(t, [&, t](bool ok) {
            std::lock_guard g(m);
            fired.emplace_back(t, ok);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        [&] {
            std::lock_guard g(m);
            return fired.size();
        }(),
        tickets.size(), 10000);
    for (std::size_t i = 0; i < fired.size(); ++i) {
        QVERIFY(fired[i].second);
        QCOMPARE(fired[i].first, tickets[i]); // in ticket order
    }
    // Tickets strictly increase across kinds of items.
    const quint64 a =
        archive->storeEvent(QStringLiteral("bed1"), kT0Ms, QStringLiteral("note"), QStringLiteral("x"));
    const quint64 b = archive->storeAlarmEvent(AlarmRecord{});
    QVERIFY(b == a + 1 && a > tickets.back());
    QVERIFY(archive->flush());
    const ArchiveHealth h = archive->health();
    QVERIFY(h.ok);
    QVERIFY(h.error.isEmpty());
    QCOMPARE(h.durableTicket, b);
    QCOMPARE(h.queuedItems, quint64(0));
    QVERIFY(h.commits > 0);
    QVERIFY(h.lastCommitMs > 0);
    QVERIFY(h.bytesOnDisk > 0);
    // A ticket that is already durable still gets its answer (on the writer thread).
    std::atomic<int> late{-1};
    archive->notifyDurable(tickets.front(), [&](bool ok) { late = ok ? 1 : 0; });
    QTRY_COMPARE(late.load(), 1);
}

void TstArchive::tailsAreReadable()
{
    // A chunk still filling is durable and readable as tail segments before it is complete.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    ArchiveOptions o = testOptions();
    o.waveChunkSeconds = 30;
    auto archive = openArchive(path, o);
    QVERIFY(archive);
    const qint64 t0 = kT0Ms * 1000;
    for (int i = 0; i < 10; ++i)
        archive->store(simpleUpdate(QStringLiteral("bed1"), t0 + i * 200'000, 100, 500));
    QVERIFY(archive->flush());
    QVERIFY(scalar(path, "SELECT count(*) FROM wave_tail") > 0);
    QCOMPARE(scalar(path, "SELECT count(*) FROM wave_chunk"), 0);
    QString error;
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const WaveId ecg = WaveId::EcgII;
    auto strips = reader->waveStrip(QStringLiteral("bed1"), t0, t0 + 2'000'000, std::span(&ecg, 1));
    QCOMPARE(strips.size(), std::size_t(1));
    QCOMPARE(strips[0].samples.size(), std::size_t(1000));
    for (float v : strips[0].samples)
        QVERIFY(!std::isnan(v));
    // Closing the archive turns the tail into one chunk and empties the tail table.
    archive.reset();
    QCOMPARE(scalar(path, "SELECT count(*) FROM wave_tail"), 0);
    QCOMPARE(scalar(path, "SELECT count(*) FROM wave_chunk"), 1);
    strips = reader->waveStrip(QStringLiteral("bed1"), t0, t0 + 2'000'000, std::span(&ecg, 1));
    QCOMPARE(strips[0].samples.size(), std::size_t(1000));
    for (float v : strips[0].samples)
        QVERIFY(!std::isnan(v));
}

void TstArchive::staysFollowPatients()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    auto archive = openArchive(path);
    QVERIFY(archive);
    const qint64 t0 = kT0Ms * 1000;
    archive->store(simpleUpdate(QStringLiteral("b1"), t0, 500, 500)); // unknown
    archive->store(
        simpleUpdate(QStringLiteral("b1"), t0 + 1'000'000, 500, 500, QStringLiteral("P1"))); // admit P1
    archive->store(
        simpleUpdate(QStringLiteral("b1"), t0 + 2'000'000, 500, 500, QStringLiteral("P1"))); // same
    archive->store(
        simpleUpdate(QStringLiteral("b1"), t0 + 3'000'000, 500, 500, QStringLiteral("P2"))); // change
    archive->discharge(QStringLiteral("b1"), kT0Ms + 4000);
    archive->store(simpleUpdate(QStringLiteral("b1"), t0 + 5'000'000, 500, 500)); // unknown again
    QVERIFY(archive->flush());
    QString error;
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const std::vector<StayRecord> stays = reader->stays(QStringLiteral("b1"));
    QCOMPARE(stays.size(), std::size_t(4));
    QVERIFY(stays[0].patientId.isEmpty());
    QCOMPARE(stays[0].startMs, kT0Ms);
    QCOMPARE(stays[0].endMs.value_or(-1), kT0Ms + 1000);
    QCOMPARE(stays[1].patientId, QStringLiteral("P1"));
    QCOMPARE(stays[1].patientName, QStringLiteral("Name of P1"));
    QCOMPARE(stays[1].endMs.value_or(-1), kT0Ms + 3000);
    QCOMPARE(stays[1].lastDataMs, kT0Ms + 3000);
    QCOMPARE(stays[2].patientId, QStringLiteral("P2"));
    QCOMPARE(stays[2].endMs.value_or(-1), kT0Ms + 4000);
    QVERIFY(stays[3].patientId.isEmpty());
    QVERIFY(!stays[3].endMs);
    QCOMPARE(stays[3].lastDataMs, kT0Ms + 6000);
    QCOMPARE(stays[3].bedLabel, QStringLiteral("B1"));
    // Chunks belong to the stay of their time (once closed, the last open chunk is a chunk too).
    archive.reset();
    QCOMPARE(scalar(path, "SELECT count(DISTINCT stay_id) FROM wave_chunk"), 4);
    const auto events = reader->events(QStringLiteral("b1"), 0, ArchiveReader::kEnd);
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events[0].type, QStringLiteral("discharge"));
}

void TstArchive::trendDecimation()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    auto archive = openArchive(path);
    QVERIFY(archive);
    // One hour of HR and SpO2 at 1 Hz, in updates of 10 s.
    for (int u = 0; u < 360; ++u) {
        BedUpdate up;
        up.bedKey = QStringLiteral("b1");
        for (int i = 0; i < 10; ++i) {
            const int s = u * 10 + i;
            up.numerics.push_back({NumericId::Hr, 60.0 + (s % 60), kT0Ms + s * 1000});
            up.numerics.push_back({NumericId::SpO2, 97.5, kT0Ms + s * 1000});
        }
        archive->store(up);
    }
    QVERIFY(archive->flush());
    QString error;
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const std::vector<NumericId> ids{NumericId::Hr, NumericId::SpO2, NumericId::Temp};
    auto raw = reader->trend(QStringLiteral("b1"), ids, kT0Ms, kT0Ms + 3'600'000, 0);
    QCOMPARE(raw.size(), std::size_t(3));
    QCOMPARE(raw[0].points.size(), std::size_t(3600));
    QCOMPARE(raw[0].points[61].value, 61.0);
    QCOMPARE(raw[0].points[61].timeMs, kT0Ms + 61'000);
    QCOMPARE(raw[1].points[100].value, 97.5);
    QVERIFY(raw[2].points.empty());
    auto dec = reader->trend(QStringLiteral("b1"), ids, kT0Ms, kT0Ms + 3'600'000, 60);
    QCOMPARE(dec[0].points.size(), std::size_t(60));
    QCOMPARE(dec[0].rawCount, qint64(3600));
    for (const TrendPoint &p : dec[0].points) {
        QCOMPARE(p.min, 60.0);
        QCOMPARE(p.max, 119.0);
        QCOMPARE(p.value, 89.5);
    }
    // Partial range: only samples inside [t1, t2).
    auto part = reader->trend(QStringLiteral("b1"), ids, kT0Ms + 59'500, kT0Ms + 62'000, 0);
    QCOMPARE(part[0].points.size(), std::size_t(2));
    QCOMPARE(part[0].points[0].timeMs, kT0Ms + 60'000);
}

void TstArchive::waveStripGapsAreNaN()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    auto archive = openArchive(path);
    QVERIFY(archive);
    const qint64 t0 = kT0Ms * 1000;
    archive->store(simpleUpdate(QStringLiteral("b1"), t0, 500, 500));             // [0, 1) s
    archive->store(simpleUpdate(QStringLiteral("b1"), t0 + 2'000'000, 500, 500)); // [2, 3) s, after a gap
    BedUpdate withNaN =
        simpleUpdate(QStringLiteral("b1"), t0 + 3'000'000, 500, 500); // contiguous, NaN inside
    for (int i = 100; i < 150; ++i)
        withNaN.waves[0].samples[std::size_t(i)] = std::nanf("");
    WaveBlock pleth; // no gain: archived at the default resolution
    pleth.id = WaveId::Pleth;
    pleth.sampleRate = 125;
    pleth.startTimeUs = t0 + 3'000'000;
    for (int i = 0; i < 125; ++i)
        pleth.samples.push_back(0.5f + 0.25f * std::sin(i * 0.1f));
    withNaN.waves.push_back(pleth);
    archive->store(withNaN);
    QVERIFY(archive->flush());
    QString error;
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    auto strips = reader->waveStrip(QStringLiteral("b1"), t0 + 500'000, t0 + 4'000'000);
    QCOMPARE(strips.size(), std::size_t(2));
    const WaveStrip &ecg = strips[0];
    QCOMPARE(ecg.id, WaveId::EcgII);
    QCOMPARE(ecg.sampleRate, 500.0);
    QCOMPARE(ecg.startUs, t0 + 500'000);
    QCOMPARE(ecg.samples.size(), std::size_t(1750));
    auto at = [&](double s) { return ecg.samples[std::size_t(std::llround((s - 0.5) * 500))]; };
    QVERIFY(!std::isnan(at(0.5)));
    QVERIFY(!std::isnan(at(0.998)));
    QVERIFY(std::isnan(at(1.0)));
    QVERIFY(std::isnan(at(1.998)));
    QVERIFY(!std::isnan(at(2.0)));
    QVERIFY(!std::isnan(at(3.198)));
    QVERIFY(std::isnan(at(3.2)));
    QVERIFY(std::isnan(at(3.298)));
    QVERIFY(!std::isnan(at(3.3)));
    QCOMPARE(ecg.samples[0], float(((kT0Ms + 250) % 400) - 200) / 200.0f);
    const WaveStrip &pl = strips[1];
    QCOMPARE(pl.id, WaveId::Pleth);
    QCOMPARE(pl.gain, defaultGain(WaveId::Pleth));
    // The strip covers the whole request on the channel's grid: NaN up to the first pleth sample.
    QCOMPARE(pl.startUs, t0 + 504'000);
    QCOMPARE(pl.samples.size(), std::size_t(437));
    QVERIFY(std::isnan(pl.samples[311]));
    for (int i = 0; i < 125; ++i)
        QVERIFY(std::fabs(pl.samples[std::size_t(312 + i)] - pleth.samples[std::size_t(i)]) <=
                0.5 / pl.gain + 1e-7);
    // A requested channel without data comes back as NaN at its default rate.
    const WaveId abp = WaveId::Abp;
    auto none = reader->waveStrip(QStringLiteral("b1"), t0, t0 + 1'000'000, std::span(&abp, 1));
    QCOMPARE(none.size(), std::size_t(1));
    QCOMPARE(none[0].samples.size(), std::size_t(125));
    QVERIFY(std::isnan(none[0].samples[0]));
}

void TstArchive::alarmLifecycleAndEvents()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    auto archive = openArchive(path);
    QVERIFY(archive);
    archive->store(simpleUpdate(QStringLiteral("b1"), kT0Ms * 1000, 10, 500, QStringLiteral("P1")));
    AlarmRecord a;
    a.alarmId = QStringLiteral("A-1");
    a.bedKey = QStringLiteral("b1");
    a.source = AlarmRecord::Source::Limit;
    a.code = QStringLiteral("hr_high");
    a.text = QStringLiteral("HR 142 > 120");
    a.metric = QStringLiteral("hr");
    a.priority = vigil::alarms::Priority::Medium;
    a.kind = vigil::alarms::Kind::Physiological;
    a.value = 142;
    a.limitHigh = 120;
    a.unit = QStringLiteral("/min");
    a.onsetMs = kT0Ms + 1000;
    const struct
    {
        AlarmStep step;
        qint64 dt;
        const char *user;
    } steps[] = {{AlarmStep::Start, 1000, ""},
                 {AlarmStep::Escalate, 20000, ""},
                 {AlarmStep::Acknowledge, 30000, "nurse.b"},
                 {AlarmStep::End, 60000, ""},
                 {AlarmStep::Reset, 61000, "nurse.b"}};
    for (const auto &s : steps) {
        a.step = s.step;
        a.timeMs = kT0Ms + s.dt;
        a.user = QString::fromLatin1(s.user);
        a.priority = s.step == AlarmStep::Escalate ? vigil::alarms::Priority::High : a.priority;
        archive->storeAlarmEvent(a);
    }
    AlarmRecord tech;
    tech.alarmId = QStringLiteral("T-1");
    tech.bedKey = QStringLiteral("b2");
    tech.source = AlarmRecord::Source::Technical;
    tech.kind = vigil::alarms::Kind::Technical;
    tech.code = QStringLiteral("lead_off");
    tech.step = AlarmStep::Start;
    tech.timeMs = kT0Ms + 5000;
    archive->storeAlarmEvent(tech);
    // Device conditions in an update are not archived by the archive itself: the station records each
    // technical condition once, as an episode, from its alarm engine (storeCondition, below).
    BedUpdate cond;
    cond.bedKey = QStringLiteral("b1");
    cond.conditions.push_back({QStringLiteral("lead_off"), QStringLiteral("ECG lead off"), true});
    archive->store(cond);
    cond.conditions[0].active = false;
    archive->store(cond);
    archive->storeCondition(QStringLiteral("b1"), kT0Ms + 6000, true, QStringLiteral("lead_off"),
                            QStringLiteral("ECG lead off"));
    archive->storeCondition(QStringLiteral("b1"), kT0Ms + 8000, false, QStringLiteral("lead_off"),
                            QStringLiteral("ECG lead off"));
    archive->storeEvent(QStringLiteral("b1"), kT0Ms + 7000, QStringLiteral("note"),
                        QStringLiteral("turned, \"left\""));
    QVERIFY(archive->flush());

    QString error;
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const auto bedAlarms = reader->alarms(QStringLiteral("b1"), kT0Ms, kT0Ms + 100'000);
    QCOMPARE(bedAlarms.size(), std::size_t(5));
    QVERIFY(bedAlarms[0].step == AlarmStep::Start);
    QVERIFY(bedAlarms[1].priority == vigil::alarms::Priority::High);
    QCOMPARE(bedAlarms[2].user, QStringLiteral("nurse.b"));
    QVERIFY(bedAlarms[2].step == AlarmStep::Acknowledge);
    QVERIFY(bedAlarms[4].step == AlarmStep::Reset);
    QCOMPARE(bedAlarms[0].value, 142.0);
    QCOMPARE(bedAlarms[0].limitHigh, 120.0);
    QVERIFY(std::isnan(bedAlarms[0].limitLow));
    QCOMPARE(bedAlarms[0].onsetMs, kT0Ms + 1000);
    QCOMPARE(bedAlarms[0].bedKey, QStringLiteral("b1"));
    const auto ward = reader->alarms({}, kT0Ms, kT0Ms + 100'000);
    QCOMPARE(ward.size(), std::size_t(6));
    QCOMPARE(ward[1].alarmId, QStringLiteral("T-1"));
    const auto last2 = reader->alarms({}, kT0Ms, kT0Ms + 100'000, 2);
    QCOMPARE(last2.size(), std::size_t(2));
    QVERIFY(last2[1].step == AlarmStep::Reset);
    const auto events = reader->events(QStringLiteral("b1"), 0, ArchiveReader::kEnd);
    QCOMPARE(events.size(), std::size_t(3));
    QCOMPARE(events[0].type, QStringLiteral("condition_on"));
    QCOMPARE(events[0].timeMs, kT0Ms + 6000);
    QCOMPARE(events[0].code, QStringLiteral("lead_off"));
    QCOMPARE(events[0].text, QStringLiteral("ECG lead off"));
    QCOMPARE(events[1].type, QStringLiteral("note"));
    QCOMPARE(events[1].text, QStringLiteral("turned, \"left\""));
    QVERIFY(events[1].code.isEmpty());
    QCOMPARE(events[2].type, QStringLiteral("condition_off"));
    QCOMPARE(events[2].timeMs, kT0Ms + 8000);
    QCOMPARE(events[2].code, QStringLiteral("lead_off"));
    // Stored as before (schema 1 and 2): "<code>: <text>", so older archives read the same way.
    QCOMPARE(scalar(path, "SELECT count(*) FROM event WHERE type = 'condition_on' AND text = 'lead_off: ECG "
                          "lead off'"),
             1);
}

void TstArchive::storedAlarmCodesUnchanged()
{
    // The schema stores priority, kind and step as integers; the domain enums are numbered differently
    // (Priority::None is 0 there, "unknown" 1..). Files written before and after must mean the same.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    const std::optional<vigil::alarms::Priority> priorities[] = {
        std::nullopt, vigil::alarms::Priority::None, vigil::alarms::Priority::Low,
        vigil::alarms::Priority::Medium, vigil::alarms::Priority::High};
    const std::optional<vigil::alarms::Kind> kinds[] = {std::nullopt, vigil::alarms::Kind::Physiological,
                                                        vigil::alarms::Kind::Technical,
                                                        vigil::alarms::Kind::Advisory};
    {
        auto archive = openArchive(path);
        QVERIFY(archive);
        for (int i = 0; i < 10; ++i) {
            AlarmRecord a;
            a.alarmId = QStringLiteral("A%1").arg(i);
            a.bedKey = QStringLiteral("b1");
            a.code = QStringLiteral("x");
            a.priority = priorities[i % 5];
            a.kind = kinds[i % 4];
            a.step = AlarmStep(i);
            a.timeMs = kT0Ms + i;
            archive->storeAlarmEvent(a);
        }
        QVERIFY(archive->flush());
    }
    for (int i = 0; i < 10; ++i) {
        const QByteArray where = " FROM alarm_event WHERE alarm_id = 'A" + QByteArray::number(i) + "'";
        QCOMPARE(scalar(path, ("SELECT priority" + where).constData()), qint64(i % 5)); // unknown 0 .. high 4
        QCOMPARE(scalar(path, ("SELECT kind" + where).constData()), qint64(i % 4)); // unknown 0 .. advisory 3
        QCOMPARE(scalar(path, ("SELECT phase" + where).constData()), qint64(i));    // unknown 0 .. reset 9
    }
    QString error;
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const auto back = reader->alarms(QStringLiteral("b1"), kT0Ms, kT0Ms + 100);
    QCOMPARE(back.size(), std::size_t(10));
    const char *const stepNames[] = {"unknown",     "start",       "continue", "update", "escalate",
                                     "de-escalate", "acknowledge", "silence",  "end",    "reset"};
    for (int i = 0; i < 10; ++i) {
        QVERIFY(back[std::size_t(i)].priority == priorities[i % 5]);
        QVERIFY(back[std::size_t(i)].kind == kinds[i % 4]);
        QVERIFY(back[std::size_t(i)].step == AlarmStep(i));
        QCOMPARE(alarmStepName(back[std::size_t(i)].step), QString::fromLatin1(stepNames[i]));
    }
    // The names the exports write, as before.
    QCOMPARE(toString(std::optional<vigil::alarms::Priority>()), QStringLiteral("unknown"));
    QCOMPARE(toString(priorities[4]), QStringLiteral("high"));
    QCOMPARE(toString(kinds[2]), QStringLiteral("technical"));
    // Out-of-range integers (a newer writer) read as unknown, never as a wrong value.
    QVERIFY(!priorityFromStored(5) && !kindFromStored(4) && !priorityFromStored(-1));
    QVERIFY(alarmStepFromStored(10) == AlarmStep::Unknown);
}

void TstArchive::conditionEpisodesFold()
{
    const auto ev = [](const char *bed, qint64 t, const char *type, const char *code) {
        return ArchiveEvent{QString::fromLatin1(bed), t, QString::fromLatin1(type), QString::fromLatin1(code),
                            QStringLiteral("text of ") + QString::fromLatin1(code)};
    };
    const std::vector<ConditionEpisode> eps = conditionEpisodes({
        ev("b1", 100, "condition_off", "sensor_off"), // its start was purged
        ev("b1", 200, "condition_on", "lead_off"),
        ev("b2", 250, "condition_on", "lead_off"), // another bed: its own episode
        ev("b1", 300, "condition_on", "lead_off"), // reported again while present: same episode
        ev("b1", 350, "note", ""), ev("b1", 400, "condition_off", "lead_off"),
        ev("b1", 500, "condition_on", "lead_off"), // a second episode
    });
    QCOMPARE(eps.size(), std::size_t(4));
    QCOMPARE(eps[0].code, QStringLiteral("sensor_off"));
    QVERIFY(!eps[0].startMs);
    QCOMPARE(*eps[0].endMs, qint64(100));
    QCOMPARE(eps[1].bedKey, QStringLiteral("b1"));
    QCOMPARE(*eps[1].startMs, qint64(200));
    QCOMPARE(*eps[1].endMs, qint64(400));
    QCOMPARE(eps[1].text, QStringLiteral("text of lead_off"));
    QCOMPARE(eps[2].bedKey, QStringLiteral("b2"));
    QVERIFY(!eps[2].endMs);
    QCOMPARE(*eps[3].startMs, qint64(500));
    QVERIFY(!eps[3].endMs);
}

void TstArchive::eventsExportListsEpisodes()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    {
        auto archive = openArchive(path);
        QVERIFY(archive);
        BedUpdate u = simpleUpdate(QStringLiteral("icu^1^a"), kT0Ms * 1000, 500, 500, QStringLiteral("P1"));
        u.bedLabel = QStringLiteral("ICU 1A");
        archive->store(u);
        archive->storeCondition(QStringLiteral("icu^1^a"), kT0Ms + 2000, true, QStringLiteral("lead_off"),
                                QStringLiteral("ECG lead off"));
        archive->storeCondition(QStringLiteral("icu^1^a"), kT0Ms + 3000, true, QStringLiteral("sensor_off"),
                                QStringLiteral("SpO2 sensor off"));
        archive->storeCondition(QStringLiteral("icu^1^a"), kT0Ms + 4500, false, QStringLiteral("lead_off"),
                                QStringLiteral("ECG lead off"));
        archive->storeEvent(QStringLiteral("icu^1^a"), kT0Ms + 5000, QStringLiteral("note"),
                            QStringLiteral("suctioned, \"clear\""));
        archive->storeCondition({}, kT0Ms + 1000, true, QStringLiteral("link_down"),
                                QStringLiteral("gw1: gateway link down"));
        archive->storeCondition({}, kT0Ms + 1500, false, QStringLiteral("link_down"),
                                QStringLiteral("gw1: gateway link down"));
        archive->storeCondition(QStringLiteral("icu^2^b"), kT0Ms + 2500, true, QStringLiteral("no_data"),
                                QStringLiteral("No data"));
        QVERIFY(archive->flush());
    }
    const auto exportEventsCli = [&](const QStringList &extra, QByteArray *csv) {
        const QString file = tmp.filePath(QStringLiteral("ev/out.csv"));
        QFile::remove(file);
        QString out, err;
        const int code = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--archive"), path,
                                            QStringLiteral("--format"), QStringLiteral("events"),
                                            QStringLiteral("--out"), file} +
                                    extra,
                                &out, &err);
        QFile f(file);
        if (code == 0 && f.open(QIODevice::ReadOnly))
            *csv = f.readAll();
        return code;
    };
    const QByteArray header = "bed,bed_label,type,start_utc,start_ms,end_utc,end_ms,code,text\n";
    const QByteArray leadOff = "icu^1^a,ICU 1A,condition,2023-11-14T22:13:22.000Z,1700000002000,"
                               "2023-11-14T22:13:24.500Z,1700000004500,lead_off,ECG lead off\n";
    const QByteArray sensorOff =
        "icu^1^a,ICU 1A,condition,2023-11-14T22:13:23.000Z,1700000003000,,,sensor_off,SpO2 sensor off\n";
    const QByteArray note = "icu^1^a,ICU 1A,note,2023-11-14T22:13:25.000Z,1700000005000,"
                            "2023-11-14T22:13:25.000Z,1700000005000,,\"suctioned, \"\"clear\"\"\"\n";
    QByteArray csv;
    const QStringList bed{QStringLiteral("--bed"), QStringLiteral("ICU 1A")};
    QCOMPARE(exportEventsCli(bed + QStringList{QStringLiteral("--from"), QString::number(kT0Ms),
                                               QStringLiteral("--to"), QString::number(kT0Ms + 10'000)},
                             &csv),
             0);
    QCOMPARE(csv, header + leadOff + sensorOff + note);
    // A range starting inside the lead-off episode still lists it, with its real start.
    QCOMPARE(exportEventsCli(bed + QStringList{QStringLiteral("--from"), QString::number(kT0Ms + 4000),
                                               QStringLiteral("--to"), QString::number(kT0Ms + 10'000)},
                             &csv),
             0);
    QCOMPARE(csv, header + leadOff + sensorOff + note);
    // After its end it is gone; the sensor is still off, so that episode stays.
    QCOMPARE(exportEventsCli(bed + QStringList{QStringLiteral("--from"), QString::number(kT0Ms + 4600),
                                               QStringLiteral("--to"), QString::number(kT0Ms + 4900)},
                             &csv),
             0);
    QCOMPARE(csv, header + sensorOff);
    // Without --bed: the whole ward, station-wide conditions with an empty bed.
    QCOMPARE(exportEventsCli({QStringLiteral("--from"), QString::number(kT0Ms), QStringLiteral("--to"),
                              QString::number(kT0Ms + 10'000)},
                             &csv),
             0);
    QCOMPARE(csv, header +
                      ",,condition,2023-11-14T22:13:21.000Z,1700000001000,2023-11-14T22:13:21.500Z,"
                      "1700000001500,link_down,gw1: gateway link down\n" +
                      leadOff +
                      "icu^2^b,,condition,2023-11-14T22:13:22.500Z,1700000002500,,,no_data,No data\n" +
                      sensorOff + note);
    // The CSV export's events file is the same table.
    QString out, err;
    QCOMPARE(runCli({QStringLiteral("export"), QStringLiteral("--archive"), path, QStringLiteral("--bed"),
                     QStringLiteral("icu^1^a"), QStringLiteral("--from"), QString::number(kT0Ms),
                     QStringLiteral("--to"), QString::number(kT0Ms + 10'000), QStringLiteral("--format"),
                     QStringLiteral("csv"), QStringLiteral("--out"), tmp.filePath(QStringLiteral("c/x.csv"))},
                    &out, &err),
             0);
    QFile ev(tmp.filePath(QStringLiteral("c/x_events.csv")));
    QVERIFY(ev.open(QIODevice::ReadOnly));
    QCOMPARE(ev.readAll(), header + leadOff + sensorOff + note);
}

void TstArchive::exportsCarryUnitsForEveryChannel()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    {
        auto archive = openArchive(path);
        QVERIFY(archive);
        // One second of every channel the station knows, and every numeric.
        BedUpdate u;
        u.bedKey = QStringLiteral("icu^1^a");
        u.bedLabel = QStringLiteral("ICU 1A");
        u.sourceId = QStringLiteral("test");
        for (const WaveInfo &w : kWaves) {
            WaveBlock b;
            b.id = w.id;
            b.sampleRate = w.id == WaveId::Resp || w.id == WaveId::Co2 ? 62.5 : w.defaultRate;
            b.startTimeUs = kT0Ms * 1000;
            for (int i = 0; i < int(b.sampleRate * 2); ++i)
                b.samples.push_back(float(w.rangeLow + (w.rangeHigh - w.rangeLow) * (i % 10) / 10.0));
            u.waves.push_back(std::move(b));
        }
        for (const NumericInfo &n : kNumerics)
            u.numerics.push_back({n.id, 50, kT0Ms + 100});
        archive->store(u);
    }
    const auto expectedUnit = [](WaveId id) {
        const auto u = waveInfo(id).unit;
        return u.empty() ? QStringLiteral("NU") : QString::fromUtf8(u.data(), qsizetype(u.size()));
    };
    QCOMPARE(expectedUnit(WaveId::Pleth), QStringLiteral("NU")); // Vitals.h gives pleth its unit
    const QStringList range{QStringLiteral("--archive"), path,
                            QStringLiteral("--bed"),     QStringLiteral("icu^1^a"),
                            QStringLiteral("--from"),    QString::number(kT0Ms),
                            QStringLiteral("--to"),      QString::number(kT0Ms + 5000)};
    QString out, err;
    const QString hea = tmp.filePath(QStringLiteral("w/rec.hea"));
    QCOMPARE(runCli(QStringList{QStringLiteral("export")} + range +
                        QStringList{QStringLiteral("--format"), QStringLiteral("wfdb"),
                                    QStringLiteral("--out"), hea},
                    &out, &err),
             0);
    // The header text itself: every signal line names its unit after the gain ("200(0)/mV"); a line
    // without one would mean mV to any WFDB reader.
    QFile hf(hea);
    QVERIFY(hf.open(QIODevice::ReadOnly));
    const QList<QByteArray> heaLines = hf.readAll().split('\n');
    int signalLines = 0;
    for (const QByteArray &line : heaLines) {
        if (!line.startsWith("rec.dat"))
            continue;
        const QList<QByteArray> f = line.split(' ');
        QVERIFY2(f.size() >= 3 && f[2].contains('/'), line.constData());
        const QByteArray unit = f[2].mid(f[2].indexOf('/') + 1);
        QVERIFY2(!unit.isEmpty(), line.constData());
        ++signalLines;
    }
    QCOMPARE(signalLines, kWaveCount);
    QString error;
    const auto rec = wfdb::Record::open(hea, &error);
    QVERIFY2(rec, qPrintable(error));
    QCOMPARE(rec->signalCount(), kWaveCount);
    for (const wfdb::SignalInfo &si : rec->header().signalInfos) {
        const auto id = wfdb::waveIdForSignal(si);
        QVERIFY2(id, qPrintable(si.description));
        QCOMPARE(si.units, expectedUnit(*id));
    }

    QCOMPARE(runCli(QStringList{QStringLiteral("export")} + range +
                        QStringList{QStringLiteral("--format"), QStringLiteral("csv"),
                                    QStringLiteral("--out"), tmp.filePath(QStringLiteral("c/bed.csv"))},
                    &out, &err),
             0);
    for (const char *file : {"c/bed_waves.csv", "c/bed_numerics.csv"}) {
        QFile f(tmp.filePath(QString::fromLatin1(file)));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> cols = f.readLine().trimmed().split(',');
        QCOMPARE(cols.size(), 2 + (QByteArray(file).contains("waves") ? kWaveCount : kNumericCount));
        for (qsizetype c = 2; c < cols.size(); ++c) {
            QVERIFY2(cols[c].endsWith(']') && !cols[c].endsWith("[]"), cols[c].constData());
            if (QByteArray(file).contains("waves"))
                QVERIFY(cols[c].endsWith(" [" + expectedUnit(WaveId(c - 2)).toUtf8() + ']'));
        }
    }
}

void TstArchive::retentionPurgesInSmallSteps()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    const qint64 now = kT0Ms + 10LL * 86'400'000; // the archive's clock: 10 days after the data
    ArchiveOptions o = testOptions();
    o.clock = [now] { return now; };
    o.waveChunkSeconds = 1;
    o.purgeStepRows = 10;
    o.purgeIntervalMs = 20;
    o.idleCloseMs = 200;         // so the last numeric chunk closes (and becomes purgeable) quickly
    o.waveRetentionHours = 1000; // nothing to purge at first
    auto archive = openArchive(path, o);
    QVERIFY(archive);
    // 100 s of ECG (100 one-second chunks) and HR, 10 days old; and 5 s of ECG that is recent.
    for (int s = 0; s < 100; ++s) {
        BedUpdate u = simpleUpdate(QStringLiteral("b1"), (kT0Ms + s * 1000) * 1000, 500, 500);
        u.numerics.push_back({NumericId::Hr, 70, kT0Ms + s * 1000});
        archive->store(u);
    }
    for (int s = 0; s < 5; ++s)
        archive->store(simpleUpdate(QStringLiteral("b1"), (now - 10'000 + s * 1000) * 1000, 500, 500));
    QVERIFY(archive->flush());
    QTRY_COMPARE(scalar(path, "SELECT count(*) FROM wave_chunk"), 105);
    const quint64 purgedBefore = archive->health().purgedRows;
    QCOMPARE(purgedBefore, quint64(0));

    archive->setRetention(96, 30); // the defaults: waveforms 96 h, numerics 30 days
    QTRY_COMPARE_WITH_TIMEOUT(scalar(path, "SELECT count(*) FROM wave_chunk"), 5, 10000);
    const ArchiveHealth h = archive->health();
    QCOMPARE(h.purgedRows, quint64(100));
    QVERIFY2(h.largestPurgeStep <= 10, qPrintable(QString::number(h.largestPurgeStep)));
    QVERIFY(h.purgeSteps >= 10);
    // Numerics are kept (30 days), recent waveforms too.
    QString error;
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const NumericId hr = NumericId::Hr;
    QCOMPARE(reader->trend(QStringLiteral("b1"), std::span(&hr, 1), kT0Ms, kT0Ms + 100'000)[0].points.size(),
             std::size_t(100));
    QVERIFY(reader->stays(QStringLiteral("b1")).size() == 1);
    // Shorter numeric retention: numerics go too, again in small steps.
    archive->setRetention(96, 5);
    QTRY_COMPARE_WITH_TIMEOUT(scalar(path, "SELECT count(*) FROM numeric_chunk"), 0, 10000);
    QVERIFY(archive->health().largestPurgeStep <= 10);
}

void TstArchive::openEmptyFileCreatesSchema()
{
    // "Version 0": a zero-length file, and an SQLite file without tables.
    QTemporaryDir tmp;
    const QString empty = tmp.filePath(QStringLiteral("zero.db"));
    QFile f(empty);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QVERIFY(openArchive(empty));
    QCOMPARE(scalar(empty, "PRAGMA user_version"), qint64(kSchemaVersion));
    QCOMPARE(scalar(empty, "PRAGMA application_id"), qint64(kApplicationId));
    const QString blank = tmp.filePath(QStringLiteral("blank.db"));
    QVERIFY(execSql(blank, "PRAGMA user_version = 0"));
    QVERIFY(openArchive(blank));
    QCOMPARE(scalar(blank, "PRAGMA user_version"), qint64(kSchemaVersion));
    QString error;
    QVERIFY(ArchiveReader::open(blank, &error));
}

void TstArchive::migratesFromV1()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("v1.db"));
    QFile fixture(QStringLiteral(VIGIL_SOURCE_DIR "/tests/unit/archive/fixtures/archive_v1.sql"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QString error;
    QVERIFY2(execSql(path, fixture.readAll(), &error), qPrintable(error));
    // One ECG chunk of stay 2 (bed icu^1^a), 2 s at 250 Hz, as v1 stored it.
    std::vector<int32_t> adu(500);
    for (std::size_t i = 0; i < adu.size(); ++i)
        adu[i] = int32_t((i * 37) % 300) - 150;
    const std::vector<uint8_t> blob = codec::encode(adu);
    {
        sqlite3 *db = nullptr;
        sqlite3_open(path.toUtf8().constData(), &db);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(
            db,
            "INSERT INTO wave_chunk(stay_id, channel, start_us, rate, n, gain, baseline, data) "
            "VALUES (2, 1, 1600000700000000, 250, 500, 200, 0, ?1)",
            -1, &st, nullptr);
        sqlite3_bind_blob(st, 1, blob.data(), int(blob.size()), SQLITE_STATIC);
        QCOMPARE(sqlite3_step(st), SQLITE_DONE);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    QCOMPARE(scalar(path, "PRAGMA user_version"), 1);
    {
        auto archive = openArchive(path);
        QVERIFY(archive);
        QCOMPARE(scalar(path, "PRAGMA user_version"), qint64(kSchemaVersion));
        // Still writable after the migration.
        archive->store(simpleUpdate(QStringLiteral("icu^1^a"), 1'600'000'800'000'000, 100, 500,
                                    QStringLiteral("MRN002")));
        QVERIFY(archive->flush());
    }
    QCOMPARE(scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('numeric', 'alarm')"), 0);
    auto reader = ArchiveReader::open(path, &error);
    QVERIFY2(reader, qPrintable(error));
    const NumericId hr = NumericId::Hr, spo2 = NumericId::SpO2;
    auto t =
        reader->trend(QStringLiteral("icu^1^a"), std::span(&hr, 1), 1'600'000'000'000, 1'600'001'000'000);
    QCOMPARE(t[0].points.size(), std::size_t(150));
    for (int i = 0; i < 150; ++i)
        QCOMPARE(t[0].points[std::size_t(i)].value, 60 + (i % 7) * 1.5);
    t = reader->trend(QStringLiteral("icu^2^b"), std::span(&spo2, 1), 1'600'000'000'000, 1'600'001'000'000);
    QCOMPARE(t[0].points.size(), std::size_t(50));
    QCOMPARE(t[0].points[49].timeMs, qint64(1'600'000'098'000));
    const WaveId ecg = WaveId::EcgII;
    auto w = reader->waveStrip(QStringLiteral("icu^1^a"), 1'600'000'700'000'000, 1'600'000'702'000'000,
                               std::span(&ecg, 1));
    QCOMPARE(w[0].samples.size(), std::size_t(500));
    for (std::size_t i = 0; i < 500; ++i)
        QCOMPARE(int32_t(std::lround(w[0].samples[i] * 200)), adu[i]);
    const auto alarms = reader->alarms({}, 0, ArchiveReader::kEnd);
    QCOMPARE(alarms.size(), std::size_t(4)); // start+ack+end of alarm 1, start of alarm 2
    QVERIFY(alarms[0].step == AlarmStep::Start);
    QVERIFY(alarms[0].priority == vigil::alarms::Priority::High);
    QVERIFY(alarms[2].step == AlarmStep::Acknowledge);
    QCOMPARE(alarms[2].user, QStringLiteral("nurse.a"));
    QVERIFY(alarms[3].step == AlarmStep::End);
    QCOMPARE(alarms[1].bedKey, QStringLiteral("icu^2^b"));
    const auto stays = reader->stays(QStringLiteral("icu^1^a"));
    QCOMPARE(stays.size(), std::size_t(2));
    QCOMPARE(stays[0].patientName, QStringLiteral("Doe, Jane"));
    QCOMPARE(reader->events(QStringLiteral("icu^1^a"), 0, ArchiveReader::kEnd).size(), std::size_t(1));
    QCOMPARE(verifyArchive(*reader).ok(), true);
}

void TstArchive::refusesNewerSchema()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("future.db"));
    QVERIFY(execSql(path, "PRAGMA application_id = 1447512396; PRAGMA user_version = 99; "
                          "CREATE TABLE future_things(x);"));
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    QString error;
    QVERIFY(!Archive::open(path, testOptions(), &error));
    QVERIFY2(error.contains(QStringLiteral("version 99 is newer")), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before); // untouched, still in rollback-journal mode
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QVERIFY(!ArchiveReader::open(path, &error));
    QVERIFY(error.contains(QStringLiteral("newer")));
    QString err;
    QCOMPARE(runCli({QStringLiteral("stats"), QStringLiteral("--archive"), path}, nullptr, &err), 3);
    QVERIFY(err.contains(QStringLiteral("newer")));
}

void TstArchive::refusesForeignDatabase()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("other.db"));
    QVERIFY(execSql(path, "CREATE TABLE customers(name TEXT);"));
    QString error;
    QVERIFY(!Archive::open(path, testOptions(), &error));
    QVERIFY2(error.contains(QStringLiteral("not a Vigil archive")), qPrintable(error));
}

void TstArchive::secondWriterIsRefused()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    auto first = openArchive(path);
    QVERIFY(first);
    QString error;
    QVERIFY(!Archive::open(path, testOptions(), &error));
    QVERIFY2(error.contains(QStringLiteral("already open")), qPrintable(error));
    first.reset();
    QVERIFY(openArchive(path));
}

void TstArchive::verifyDetectsFlippedByte()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    {
        auto archive = openArchive(path);
        QVERIFY(archive);
        for (int i = 0; i < 20; ++i)
            archive->store(noisyUpdate(QStringLiteral("b1"), (kT0Ms + i * 1000) * 1000, 500, 500));
    } // closed: checkpointed into the main file
    QString out;
    QCOMPARE(runCli({QStringLiteral("verify"), QStringLiteral("--archive"), path}, &out), 0);
    QVERIFY(out.contains(QStringLiteral("damaged chunks: 0")));

    // Find one chunk's bytes in the file and flip a bit in the middle of its payload.
    QByteArray chunk;
    {
        sqlite3 *db = nullptr;
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "SELECT data FROM wave_chunk ORDER BY id LIMIT 1 OFFSET 2", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        chunk =
            QByteArray(static_cast<const char *>(sqlite3_column_blob(st, 0)), sqlite3_column_bytes(st, 0));
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    QVERIFY(chunk.size() > 64);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    const qsizetype at = bytes.indexOf(chunk);
    QVERIFY(at > 0);
    QCOMPARE(bytes.indexOf(chunk, at + 1), qsizetype(-1));
    bytes[at + chunk.size() / 2] = char(bytes[at + chunk.size() / 2] ^ 0x10);
    QVERIFY(f.seek(0));
    QCOMPARE(f.write(bytes), bytes.size());
    f.close();

    QString err;
    QCOMPARE(runCli({QStringLiteral("verify"), QStringLiteral("--archive"), path}, &out, &err), 1);
    QVERIFY2(out.contains(QStringLiteral("damaged chunks: 1")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("result: DAMAGED")));
    QVERIFY(out.contains(QStringLiteral("integrity_check: ok"))); // SQLite itself sees nothing wrong
    QVERIFY(out.contains(QStringLiteral("ecg_ii")));
}

void TstArchive::cliArgumentsAndCsvExport()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("a.db"));
    {
        auto archive = openArchive(path);
        QVERIFY(archive);
        BedUpdate u = simpleUpdate(QStringLiteral("icu^1^a"), kT0Ms * 1000, 500, 500, QStringLiteral("P1"));
        u.bedLabel = QStringLiteral("ICU 1A");
        WaveBlock pleth;
        pleth.id = WaveId::Pleth;
        pleth.sampleRate = 125;
        pleth.startTimeUs = kT0Ms * 1000;
        pleth.samples.assign(125, 0.5f);
        u.waves.push_back(pleth);
        u.numerics.push_back({NumericId::Hr, 72, kT0Ms + 500});
        archive->store(u);
    }
    QString out, err;
    QCOMPARE(runCli({}, &out, &err), 2);
    QCOMPARE(runCli({QStringLiteral("frobnicate")}, &out, &err), 2);
    QCOMPARE(runCli({QStringLiteral("verify"), QStringLiteral("--bogus")}, &out, &err), 2);
    QCOMPARE(runCli({QStringLiteral("stats"), QStringLiteral("--archive"),
                     tmp.filePath(QStringLiteral("nope.db"))},
                    &out, &err),
             3);
    QVERIFY(err.contains(QStringLiteral("does not exist")));
    const QStringList base{QStringLiteral("export"), QStringLiteral("--archive"), path};
    QCOMPARE(runCli(base + QStringList{QStringLiteral("--bed"), QStringLiteral("ICU 1A")}, &out, &err), 2);
    QCOMPARE(
        runCli(base + QStringList{QStringLiteral("--bed"), QStringLiteral("x"), QStringLiteral("--from"),
                                  QStringLiteral("yesterday"), QStringLiteral("--to"), QStringLiteral("1"),
                                  QStringLiteral("--format"), QStringLiteral("csv")},
               &out, &err),
        2);
    QVERIFY(err.contains(QStringLiteral("cannot read --from")));
    const QStringList range{QStringLiteral("--from"), QStringLiteral("2023-11-14T22:13:20Z"),
                            QStringLiteral("--to"), QString::number(kT0Ms + 5000)};
    QCOMPARE(runCli(base + range +
                        QStringList{QStringLiteral("--bed"), QStringLiteral("ICU 1A"),
                                    QStringLiteral("--format"), QStringLiteral("xml")},
                    &out, &err),
             2);
    QCOMPARE(runCli(base + range +
                        QStringList{QStringLiteral("--bed"), QStringLiteral("ICU 9"),
                                    QStringLiteral("--format"), QStringLiteral("csv")},
                    &out, &err),
             2);
    QVERIFY2(err.contains(QStringLiteral("no bed 'ICU 9'")) && err.contains(QStringLiteral("icu^1^a")),
             qPrintable(err));

    const QString csv = tmp.filePath(QStringLiteral("exp/bed.csv"));
    QCOMPARE(
        runCli(base + range +
                   QStringList{QStringLiteral("--bed"), QStringLiteral("icu 1a"), QStringLiteral("--format"),
                               QStringLiteral("csv"), QStringLiteral("--out"), csv},
               &out, &err),
        0);
    QFile waves(tmp.filePath(QStringLiteral("exp/bed_waves.csv")));
    QVERIFY(waves.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = waves.readAll().split('\n');
    QCOMPARE(lines[0], QByteArray("time_utc,time_us,II [mV],Pleth [NU]"));
    QCOMPARE(lines.size(), 500 + 2); // header, 500 instants (pleth shares every 4th), trailing newline
    QVERIFY(lines[1].startsWith("2023-11-14T22:13:20.000Z,1700000000000000,"));
    QVERIFY(lines[1].endsWith(",0.5"));
    QVERIFY(lines[2].endsWith(",")); // no pleth sample at 2 ms
    QFile nums(tmp.filePath(QStringLiteral("exp/bed_numerics.csv")));
    QVERIFY(nums.open(QIODevice::ReadOnly));
    QCOMPARE(nums.readAll(),
             QByteArray("time_utc,time_ms,HR [/min]\n2023-11-14T22:13:20.500Z,1700000000500,72\n"));
    QVERIFY(QFileInfo::exists(tmp.filePath(QStringLiteral("exp/bed_alarms.csv"))));

    QCOMPARE(runCli({QStringLiteral("stats"), QStringLiteral("--archive"), path}, &out, &err), 0);
    QVERIFY2(out.contains(QStringLiteral("bytes per bed-hour")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("ecg_ii")));
}

VIGIL_TEST_GUILESS_MAIN(TstArchive)
#include "tst_archive.moc"
