// Archive benchmark: sustained writer load for a ward, bytes per bed-hour, and review-screen reads from a
// full-size archive. Figures and the commands used are recorded in docs/ARCHIVE.md.
//
//   bench_archive [--quick] [--beds N] [--hours H] [--sustain-seconds S] [--dir DIR] [--keep]
//                 [--archive PATH] [--synthetic]
//
// 1. Sustained load: N beds (32), each sending every 200 ms an update with ECG 500 Hz, pleth 125 Hz,
//    resp 62.5 Hz, ABP 125 Hz, and 8 numerics at 1 Hz. The data is pushed faster than real time, but with
//    a commit after every 200 ms of data, so the writer does exactly the work it does at real time
//    (same transactions, same tail segments). Writer CPU per simulated second = its CPU share of one core
//    at real time. Baseline in the same run: the same stream committed only every 4 s (one commit per
//    chunk, no tail segments) - the cost of acknowledging within 200 ms is the difference.
// 2. Full-size archive: H hours (96) x N beds written at accelerated speed through the same API (or
//    --archive PATH to reuse one), then timed reads: a 10 s strip of 4 channels and a 24 h trend of 8
//    numerics, at random beds and times. Baselines in the same run: the same reads with the index
//    disabled (NOT INDEXED: a full table scan, what a schema without indexes would do), and the decode-
//    only cost of the same chunks already in memory (a lower bound for any layout storing codec chunks).
//
// Signals are real when shared/data/wfdb is present (03700181: ECG, ABP, RESP; v102s: PLETH, decimated
// to the target rates), synthetic otherwise or with --synthetic.
#include "Archive.h"
#include "ArchiveReader.h"
#include "ChunkFormat.h"
#include "Sqlite.h"
#include "Wfdb.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStorageInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <thread>

using namespace vigil;
using namespace vigil::archive;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

struct Source
{
    WaveId id;
    double rate;
    double gain; // 0 = none (archived at the default resolution)
    int baseline;
    std::vector<float> samples; // physical units, looped
};

std::vector<float> decimate2(const std::vector<int32_t> &x, double gain, int baseline)
{
    std::vector<float> out;
    for (std::size_t i = 0; i + 1 < x.size(); i += 2)
        out.push_back(float((x[i] - baseline) / gain));
    return out;
}

std::vector<Source> realSources(bool *ok)
{
    *ok = false;
    const QString dir = QStringLiteral(VIGIL_SHARED_DATA "/wfdb");
    QString err;
    auto a = wfdb::Record::open(dir + QStringLiteral("/03700181.hea"), &err);
    auto b = wfdb::Record::open(dir + QStringLiteral("/v102s.hea"), &err);
    if (!a || !b)
        return {};
    std::vector<Source> s;
    auto phys = [](const wfdb::Record &r, int sig) {
        std::vector<float> v;
        const auto &si = r.header().signalInfos[std::size_t(sig)];
        for (int32_t x : r.samples(sig))
            v.push_back(r.isInvalid(sig, x) ? 0.0f : float((x - si.baseline) / si.gain));
        return v;
    };
    const auto &ai = a->header().signalInfos;
    s.push_back({WaveId::EcgII, 500, ai[0].gain, ai[0].baseline, phys(*a, 0)});
    s.push_back({WaveId::Abp, 125, ai[1].gain, ai[1].baseline, phys(*a, 1)});
    // RESP 125 -> 62.5 Hz and PLETH 250 -> 125 Hz by taking every other sample (the integers stay integers).
    s.push_back({WaveId::Resp, 62.5, ai[2].gain, ai[2].baseline,
                 decimate2(a->samples(2), ai[2].gain, ai[2].baseline)});
    const auto &bi = b->header().signalInfos;
    s.push_back({WaveId::Pleth, 125, bi[2].gain, bi[2].baseline,
                 decimate2(b->samples(2), bi[2].gain, bi[2].baseline)});
    // Drop the invalid tails that skew leaves, so the loops have no holes.
    for (Source &x : s)
        x.samples.resize(x.samples.size() - 8);
    *ok = true;
    return s;
}

std::vector<Source> syntheticSources()
{
    // 10 minutes of each, with heart rate variability and noise at a 12-bit monitor's resolution.
    QRandomGenerator rng(7);
    auto noise = [&](double amp) { return (rng.generateDouble() - 0.5) * 2 * amp; };
    std::vector<Source> s;
    const int secs = 600;
    Source ecg{WaveId::EcgII, 500, 200, 0, {}};
    Source abp{WaveId::Abp, 125, 10, 0, {}};
    Source resp{WaveId::Resp, 62.5, 1000, 0, {}};
    Source pleth{WaveId::Pleth, 125, 1000, 0, {}};
    double phase = 0;
    for (int i = 0; i < secs * 500; ++i) {
        const double t = i / 500.0;
        phase += (72 + 5 * std::sin(t * 0.1)) / 60.0 / 500.0;
        const double p = phase - std::floor(phase);
        const double v = 1.2 * std::exp(-std::pow((p - 0.3) / 0.012, 2)) -
                         0.15 * std::exp(-std::pow((p - 0.28) / 0.01, 2)) +
                         0.25 * std::exp(-std::pow((p - 0.55) / 0.05, 2)) +
                         0.1 * std::exp(-std::pow((p - 0.12) / 0.03, 2)) + 0.05 * std::sin(t * 1.3) +
                         noise(0.02);
        ecg.samples.push_back(float(std::round(v * 200) / 200));
        if (i % 4 == 0) {
            const double a = 80 + 40 * std::exp(-std::pow((p - 0.35) / 0.08, 2)) +
                             8 * std::exp(-std::pow((p - 0.6) / 0.05, 2)) + noise(0.5);
            abp.samples.push_back(float(std::round(a * 10) / 10));
            const double q = 0.5 + 0.4 * std::exp(-std::pow((p - 0.45) / 0.1, 2)) + noise(0.005);
            pleth.samples.push_back(float(std::round(q * 1000) / 1000));
        }
        if (i % 8 == 0)
            resp.samples.push_back(
                float(std::round((0.5 * std::sin(t * 2 * M_PI * 0.25) + noise(0.01)) * 1000) / 1000));
    }
    return {ecg, abp, resp, pleth};
}

const NumericId kBenchNumerics[] = {NumericId::Hr,     NumericId::SpO2,   NumericId::PulseRate,
                                    NumericId::AbpSys, NumericId::AbpDia, NumericId::AbpMean,
                                    NumericId::Rr,     NumericId::Temp};

// The update a bed sends for [startUs, startUs + seconds): every source, plus numerics at 1 Hz for the
// whole seconds inside it.
BedUpdate makeUpdate(const std::vector<Source> &src, int bed, qint64 baseUs, qint64 offsetUs, double seconds)
{
    BedUpdate u;
    u.bedKey = QStringLiteral("ward^%1").arg(bed + 1, 2, 10, QLatin1Char('0'));
    u.bedLabel = QStringLiteral("Bed %1").arg(bed + 1);
    u.sourceId = QStringLiteral("bench");
    for (const Source &s : src) {
        const auto first = qint64(std::llround(double(offsetUs) * s.rate / 1e6));
        const auto last = qint64(std::llround(double(offsetUs + qint64(seconds * 1e6)) * s.rate / 1e6));
        WaveBlock b;
        b.id = s.id;
        b.sampleRate = s.rate;
        b.startTimeUs = baseUs + qint64(std::llround(double(first) * 1e6 / s.rate));
        b.gain = s.gain;
        b.baseline = s.baseline;
        b.samples.resize(std::size_t(last - first));
        const auto n = qint64(s.samples.size());
        const qint64 shift = qint64(bed) * 7919; // beds are not in lockstep
        for (qint64 i = first; i < last; ++i)
            b.samples[std::size_t(i - first)] = s.samples[std::size_t((i + shift) % n)];
        u.waves.push_back(std::move(b));
    }
    const qint64 t0 = (baseUs + offsetUs) / 1000, t1 = t0 + qint64(seconds * 1000);
    for (qint64 t = (t0 + 999) / 1000 * 1000; t < t1; t += 1000) {
        const double k = double(t / 1000 % 3600);
        double vals[] = {72 + 6 * std::sin(k / 300 + bed),
                         97 + std::fmod(k, 3),
                         72 + 6 * std::sin(k / 300 + bed),
                         120 + 10 * std::sin(k / 900),
                         70 + 5 * std::sin(k / 900),
                         87 + 7 * std::sin(k / 900),
                         14 + std::fmod(k, 5),
                         36.6 + 0.1 * std::fmod(k / 60, 4)};
        for (int i = 0; i < 8; ++i)
            u.numerics.push_back(
                {kBenchNumerics[i], std::round(vals[i] * (i == 7 ? 10 : 1)) / (i == 7 ? 10 : 1), t});
    }
    return u;
}

struct LoadResult
{
    double writerCpuS = 0;
    double producerCpuS = 0;
    double wallS = 0;
    quint64 walBytes = 0;
    quint64 commits = 0;
    qint64 fileBytes = 0;   // pages in use after close (freed tail pages are reused, so not counted)
    double liveStripMs = 0; // reads while the writer is open: the tail tables are full, as on a station
    double liveTrendMs = 0;
};

LoadResult sustained(const std::vector<Source> &src, const QString &path, int beds, double simSeconds,
                     double commitEvery)
{
    ArchiveOptions o;
    o.commitIntervalMs = 1'000'000; // commits come from flush(), one per simulated commit interval
    o.waveRetentionHours = 1e7;
    o.numericRetentionDays = 1e6;
    QString error;
    auto a = Archive::open(path, o, &error);
    if (!a)
        qFatal("%s", qPrintable(error));
    const qint64 baseUs = (QDateTime::currentMSecsSinceEpoch() - qint64(simSeconds * 1000) - 60'000) * 1000;
    const qint64 stepUs = 200'000;
    const int perCommit = std::max(1, int(std::lround(commitEvery * 1e6 / double(stepUs))));
    const auto t0 = Clock::now();
    const ArchiveHealth h0 = a->health();
    qint64 producerNs = 0;
    int step = 0;
    for (qint64 off = 0; off < qint64(simSeconds * 1e6); off += stepUs, ++step) {
        const qint64 c0 = threadCpuNs();
        for (int b = 0; b < beds; ++b)
            a->store(makeUpdate(src, b, baseUs, off, stepUs / 1e6));
        producerNs += threadCpuNs() - c0;
        if ((step + 1) % perCommit == 0)
            a->flush();
    }
    a->flush();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const ArchiveHealth h = a->health();
    LoadResult r;
    r.writerCpuS = double(h.writerCpuNs - h0.writerCpuNs) / 1e9;
    r.producerCpuS = double(producerNs) / 1e9;
    r.wallS = secondsSince(t0);
    r.walBytes = h.walFramesWritten * quint64(h.pageSize + 24);
    r.commits = h.commits - h0.commits;
    {
        auto reader = ArchiveReader::open(path, &error);
        const QString bed = QStringLiteral("ward^01");
        const qint64 endUs = baseUs + qint64(simSeconds * 1e6);
        const std::vector<WaveId> four{WaveId::EcgII, WaveId::Pleth, WaveId::Resp, WaveId::Abp};
        const std::vector<NumericId> eight(std::begin(kBenchNumerics), std::end(kBenchNumerics));
        reader->waveStrip(bed, endUs - 10'000'000, endUs, four); // warm the page cache, as the UI would
        auto t1 = Clock::now();
        reader->waveStrip(bed, endUs - 10'000'000, endUs, four);
        r.liveStripMs = secondsSince(t1) * 1000;
        t1 = Clock::now();
        reader->trend(bed, eight, baseUs / 1000, endUs / 1000, 1000);
        r.liveTrendMs = secondsSince(t1) * 1000;
    }
    a.reset(); // closes the last chunks and checkpoints
    sql::Db db;
    db.open(path, SQLITE_OPEN_READONLY);
    r.fileBytes =
        (db.scalar("PRAGMA page_count") - db.scalar("PRAGMA freelist_count")) * db.scalar("PRAGMA page_size");
    return r;
}

struct Stat
{
    double median = 0, p95 = 0, max = 0;
};

Stat stats(std::vector<double> v)
{
    Stat s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, std::size_t(std::ceil(v.size() * 0.95)) - 1)];
    s.max = v.back();
    return s;
}

// Chunks of the strip read without the index: what a schema without it costs.
double stripNoIndex(const QString &path, qint64 bedId, qint64 t1, qint64 t2, int *chunks)
{
    sql::Db db;
    db.open(path, SQLITE_OPEN_READONLY);
    const auto t0 = Clock::now();
    sql::Stmt st(db.handle(),
                 "SELECT channel, start_us, data FROM wave_chunk NOT INDEXED WHERE bed_id = ?1 AND "
                 "channel IN (1, 4, 5, 6) AND start_us < ?2 AND end_us > ?3");
    st.bind(1, bedId).bind(2, t2).bind(3, t1);
    std::vector<int32_t> adu;
    std::string err;
    *chunks = 0;
    while (st.step()) {
        decodeWave(st.blob(2), adu, &err);
        ++*chunks;
    }
    return secondsSince(t0);
}

double numericBytesPerValue(const QString &path)
{
    sql::Db db;
    db.open(path, SQLITE_OPEN_READONLY);
    sql::Stmt st(db.handle(), "SELECT sum(length(data)) * 1.0 / sum(n) FROM numeric_chunk");
    return st.step() ? st.dbl(0) : 0.0;
}

// The obvious alternative to numeric chunks: one indexed row per sample (the v1 schema). Built for one
// bed and range from what the archive returns, then read back the same way the trend reads.
struct RowBaseline
{
    double readMs = 0;
    double bytesPerValue = 0;
};

RowBaseline trendRowPerSample(ArchiveReader &reader, const QString &dir, const BedRecord &bed,
                              const std::vector<NumericId> &ids, qint64 t1, qint64 t2, int trials)
{
    const QString path = dir + QStringLiteral("/row-per-sample.db");
    QFile::remove(path);
    sql::Db db;
    db.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("CREATE TABLE numeric(bed_id INTEGER, nid INTEGER, t_ms INTEGER, value REAL)");
    db.exec("CREATE INDEX numeric_time ON numeric(bed_id, nid, t_ms)");
    db.exec("BEGIN");
    qint64 rows = 0;
    {
        sql::Stmt ins(db.handle(), "INSERT INTO numeric VALUES (?1, ?2, ?3, ?4)");
        for (const TrendSeries &s : reader.trend(bed.key, ids, t1, t2, 0)) {
            for (const TrendPoint &p : s.points) {
                ins.bind(1, bed.id).bind(2, int(s.id)).bind(3, p.timeMs).bind(4, p.value).run();
                ++rows;
            }
        }
    }
    db.exec("COMMIT");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    RowBaseline r;
    r.bytesPerValue = double(db.scalar("PRAGMA page_count") * db.scalar("PRAGMA page_size")) /
                      double(std::max<qint64>(1, rows));
    std::vector<double> ms;
    sql::Stmt sel(db.handle(),
                  "SELECT t_ms, value FROM numeric WHERE bed_id = ?1 AND nid = ?2 AND t_ms >= ?3 AND "
                  "t_ms < ?4 ORDER BY t_ms");
    for (int i = 0; i < trials; ++i) {
        const auto t0 = Clock::now();
        std::vector<TrendPoint> pts;
        for (NumericId id : ids) {
            pts.clear();
            sel.bind(1, bed.id).bind(2, int(id)).bind(3, t1).bind(4, t2);
            while (sel.step())
                pts.push_back({sel.i64(0), sel.dbl(1), sel.dbl(1), sel.dbl(1)});
            sel.reset();
        }
        ms.push_back(secondsSince(t0) * 1000);
    }
    std::sort(ms.begin(), ms.end());
    r.readMs = ms[ms.size() / 2];
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&](const char *name, double def) {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toDouble() : def;
    };
    auto text = [&](const char *name) {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : QString();
    };
    const bool quick = args.contains(QStringLiteral("--quick"));
    const int beds = int(value("--beds", quick ? 8 : 32));
    const double hours = value("--hours", quick ? 0.5 : 96);
    const double sustainS = value("--sustain-seconds", quick ? 20 : 300);
    const bool keep = args.contains(QStringLiteral("--keep"));
    QTemporaryDir tmpDir(text("--dir").isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_archive-XXXXXX")
                                                 : text("--dir") + QStringLiteral("/bench_archive-XXXXXX"));
    tmpDir.setAutoRemove(!keep);
    const QString dir = tmpDir.path();

    bool real = false;
    std::vector<Source> src;
    if (!args.contains(QStringLiteral("--synthetic")))
        src = realSources(&real);
    if (!real)
        src = syntheticSources();
    std::printf("bench_archive: %d beds, signals %s, work dir %s\n", beds,
                real ? "real (03700181 ECG/ABP/RESP, v102s PLETH)" : "synthetic", qPrintable(dir));

    // ------------------------------------------------------------------------------ 1. sustained load
    const LoadResult fast = sustained(src, dir + QStringLiteral("/sustained-200ms.db"), beds, sustainS, 0.2);
    const LoadResult slow = sustained(src, dir + QStringLiteral("/sustained-4s.db"), beds, sustainS, 4.0);
    const double bedHours = beds * sustainS / 3600;
    std::printf(
        "\n1. sustained load, %d beds x %.0f s simulated (ECG 500, pleth 125, resp 62.5, ABP 125 Hz, 8 "
        "numerics at 1 Hz)\n",
        beds, sustainS);
    std::printf("   %-34s %12s %12s %12s %10s\n", "", "writer CPU", "WAL MB/s", "commits/s", "wall s");
    for (const auto &[name, r] : {std::pair{"commit every 200 ms (ACK latency)", fast},
                                  std::pair{"baseline: commit every 4 s", slow}}) {
        std::printf("   %-34s %10.2f %% %12.3f %12.1f %10.1f\n", name, 100 * r.writerCpuS / sustainS,
                    double(r.walBytes) / sustainS / 1e6, double(r.commits) / sustainS, r.wallS);
    }
    std::printf(
        "   writer CPU share of one core at real time: %.2f %% (target < 5 %%); 200 ms durability costs "
        "%.2fx the 4 s baseline\n",
        100 * fast.writerCpuS / sustainS, fast.writerCpuS / std::max(1e-9, slow.writerCpuS));
    std::printf("   producer (store() copies) CPU: %.3f %% of one core\n",
                100 * fast.producerCpuS / sustainS);
    std::printf("   archive size: %.3f MB per bed-hour (%.1f MB of pages in use for %.2f bed-hours)\n",
                double(fast.fileBytes) / 1e6 / bedHours, double(fast.fileBytes) / 1e6, bedHours);
    std::printf(
        "   reads on the live archive (tail tables full): 10 s strip of 4 channels %.2f ms, trend of 8 "
        "numerics over the run %.2f ms\n",
        fast.liveStripMs, fast.liveTrendMs);

    // ----------------------------------------------------------------------- 2. full-size archive
    QString path = text("--archive");
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    qint64 dataStartUs = 0, dataEndUs = 0;
    if (path.isEmpty()) {
        path = dir + QStringLiteral("/full.db");
        const double estimateGb = double(fast.fileBytes) / bedHours * beds * hours / 1e9;
        const QStorageInfo disk(dir);
        std::printf("\n2. building %.1f h x %d beds (estimated %.2f GB; %.1f GB free)\n", hours, beds,
                    estimateGb, double(disk.bytesAvailable()) / 1e9);
        if (estimateGb * 1.3e9 > double(disk.bytesAvailable()))
            qFatal("not enough disk space for the archive: use --hours or --dir");
        ArchiveOptions o;
        o.commitIntervalMs = 500;
        o.waveRetentionHours = hours + 48; // the build takes a while: nothing may age out meanwhile
        o.numericRetentionDays = 1e6;
        QString error;
        auto a = Archive::open(path, o, &error);
        if (!a)
            qFatal("%s", qPrintable(error));
        dataEndUs = (nowMs - 60'000) * 1000;
        dataStartUs = dataEndUs - qint64(hours * 3600e6);
        const qint64 stepUs = 10'000'000;
        const auto t0 = Clock::now();
        qint64 lastReport = 0;
        for (qint64 off = 0; off < dataEndUs - dataStartUs; off += stepUs) {
            for (int b = 0; b < beds; ++b)
                a->store(makeUpdate(src, b, dataStartUs, off, stepUs / 1e6));
            while (a->health().queuedBytes > (qint64(256) << 20))
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            if (off / 3'600'000'000 != lastReport) {
                lastReport = off / 3'600'000'000;
                std::printf("   %lld h written, %.0f s, %.2f GB\r", (long long)lastReport, secondsSince(t0),
                            double(a->health().bytesOnDisk) / 1e9);
                std::fflush(stdout);
            }
        }
        a->flush(600'000);
        const ArchiveHealth h = a->health();
        a.reset();
        const qint64 bytes = QFileInfo(path).size();
        std::printf(
            "   built in %.0f s (writer CPU %.0f s = %.0fx real time); %.2f GB = %.3f MB per bed-hour\n",
            secondsSince(t0), double(h.writerCpuNs) / 1e9, hours * 3600 / (double(h.writerCpuNs) / 1e9),
            double(bytes) / 1e9, double(bytes) / 1e6 / (beds * hours));
    } else {
        sql::Db db;
        db.open(path, SQLITE_OPEN_READONLY);
        dataStartUs = db.scalar("SELECT min(start_us) FROM wave_chunk");
        dataEndUs = db.scalar("SELECT max(end_us) FROM wave_chunk");
        std::printf("\n2. reusing %s (%.1f h)\n", qPrintable(path), double(dataEndUs - dataStartUs) / 3600e6);
    }

    QString error;
    auto reader = ArchiveReader::open(path, &error);
    if (!reader)
        qFatal("%s", qPrintable(error));
    const std::vector<BedRecord> bedList = reader->beds();
    QRandomGenerator rng(42);
    const std::vector<WaveId> four{WaveId::EcgII, WaveId::Pleth, WaveId::Resp, WaveId::Abp};
    const std::vector<NumericId> eight(std::begin(kBenchNumerics), std::end(kBenchNumerics));
    const int trials = quick ? 10 : 50;
    std::vector<double> stripMs, stripDecodeMs, trendMs, trendRawMs;
    qint64 stripSamples = 0;
    for (int i = 0; i < trials; ++i) {
        const BedRecord &bed = bedList[std::size_t(rng.bounded(int(bedList.size())))];
        const qint64 t1 =
            dataStartUs + qint64(rng.generateDouble() * double(dataEndUs - dataStartUs - 10'000'000));
        auto t0 = Clock::now();
        const auto strips = reader->waveStrip(bed.key, t1, t1 + 10'000'000, four);
        stripMs.push_back(secondsSince(t0) * 1000);
        for (const WaveStrip &s : strips)
            stripSamples += qint64(
                std::count_if(s.samples.begin(), s.samples.end(), [](float v) { return !std::isnan(v); }));
        // Lower bound: the same chunks, already in memory, only decoded.
        std::vector<std::vector<uint8_t>> blobs;
        for (WaveId c : four)
            for (WaveChunkRecord &k : reader->waveChunks(bed.id, c, t1, t1 + 10'000'000))
                blobs.push_back(std::move(k.data));
        t0 = Clock::now();
        std::vector<int32_t> adu;
        std::string err;
        for (const auto &b : blobs)
            decodeWave(b, adu, &err);
        stripDecodeMs.push_back(secondsSince(t0) * 1000);
    }
    const double span = double(dataEndUs - dataStartUs) / 1e3;
    const qint64 trendSpan = std::min<qint64>(86'400'000, qint64(span));
    for (int i = 0; i < trials; ++i) {
        const BedRecord &bed = bedList[std::size_t(rng.bounded(int(bedList.size())))];
        const qint64 t1 =
            dataStartUs / 1000 + qint64(rng.generateDouble() * std::max(0.0, span - double(trendSpan)));
        auto t0 = Clock::now();
        const auto tr = reader->trend(bed.key, eight, t1, t1 + trendSpan, 1000);
        trendMs.push_back(secondsSince(t0) * 1000);
        t0 = Clock::now();
        const auto raw = reader->trend(bed.key, eight, t1, t1 + trendSpan, 0);
        trendRawMs.push_back(secondsSince(t0) * 1000);
        if (tr.size() != 8 || raw[0].points.empty())
            qFatal("trend read returned no data");
    }
    // No-index baselines: a full scan per read, so only a few.
    std::vector<double> stripScanMs;
    for (int i = 0; i < (quick ? 1 : 3); ++i) {
        const BedRecord &bed = bedList[std::size_t(rng.bounded(int(bedList.size())))];
        const qint64 t1 =
            dataStartUs + qint64(rng.generateDouble() * double(dataEndUs - dataStartUs - 10'000'000));
        int n = 0;
        stripScanMs.push_back(stripNoIndex(path, bed.id, t1, t1 + 10'000'000, &n) * 1000);
    }
    const qint64 rowT1 = dataStartUs / 1000 + qint64(std::max(0.0, span - double(trendSpan)) / 2);
    const RowBaseline rowBase =
        trendRowPerSample(*reader, dir, bedList.front(), eight, rowT1, rowT1 + trendSpan, quick ? 3 : 10);
    const Stat s = stats(stripMs), sd = stats(stripDecodeMs), ss = stats(stripScanMs);
    const Stat t = stats(trendMs), tr = stats(trendRawMs);
    std::printf("\n   reads from %.1f h x %zu beds (%d random reads each; ms)\n", span / 3.6e6,
                bedList.size(), trials);
    std::printf("   %-44s %9s %9s %9s %26s\n", "", "median", "p95", "max", "baseline (median), ratio");
    std::printf("   %-44s %9.2f %9.2f %9.2f   no index %9.1f  %7.0fx faster\n",
                "10 s strip, 4 channels (target < 50)", s.median, s.p95, s.max, ss.median,
                ss.median / s.median);
    std::printf("   %-44s %9s %9s %9s   decode only %6.2f  %7.1fx of it\n", "", "", "", "", sd.median,
                s.median / std::max(1e-6, sd.median));
    std::printf("   %-44s %9.2f %9.2f %9.2f\n",
                qPrintable(QStringLiteral("%1 h trend, 8 numerics, 1000 pts (< 100)").arg(trendSpan / 3.6e6)),
                t.median, t.p95, t.max);
    std::printf("   %-44s %9.2f %9.2f %9.2f   row/sample %7.1f  %7.1fx faster\n", "same trend, every sample",
                tr.median, tr.p95, tr.max, rowBase.readMs, rowBase.readMs / tr.median);
    std::printf(
        "   (row-per-sample baseline: indexed table (bed, nid, t) -> value, %.1f bytes per value; numeric "
        "chunks: %.2f bytes per value)\n",
        rowBase.bytesPerValue, numericBytesPerValue(path));
    std::printf("   (%.0f samples per strip on average)\n", double(stripSamples) / trials);
    const bool pass = s.p95 < 50 && t.p95 < 100 && 100 * fast.writerCpuS / sustainS < 5;
    std::printf("\nresult: %s\n", pass ? "targets met" : "TARGETS MISSED");
    if (keep)
        std::printf("kept %s\n", qPrintable(dir));
    return 0;
}
