#include "ArchiveTools.h"

#include "ChunkFormat.h"
#include "Sqlite.h"
#include "WaveCodec.h"
#include "Wfdb.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace vigil::archive {

namespace {

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString isoUs(qint64 us)
{
    return isoMs(us >= 0 ? us / 1000 : -((-us + 999) / 1000));
}

QString channelName(int c)
{
    if (c < 0 || c >= kWaveCount)
        return QStringLiteral("channel %1").arg(c);
    return QString::fromUtf8(waveInfo(WaveId(c)).key.data(), qsizetype(waveInfo(WaveId(c)).key.size()));
}

QString numericName(int c)
{
    if (c < 0 || c >= kNumericCount)
        return QStringLiteral("numeric %1").arg(c);
    return QString::fromUtf8(numericInfo(NumericId(c)).key.data(),
                             qsizetype(numericInfo(NumericId(c)).key.size()));
}

QString sv(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Every exported channel carries a unit. A channel without one in Vitals.h is dimensionless: "NU",
// normalised units, as PhysioNet records write PLETH. (An empty WFDB unit would mean mV to a reader.)
QString unitOf(std::string_view unit)
{
    return unit.empty() ? QStringLiteral("NU") : sv(unit);
}

QByteArray csvField(const QString &s)
{
    QByteArray b = s.toUtf8();
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

QByteArray num(double v)
{
    return std::isnan(v) ? QByteArray() : QByteArray::number(v, 'g', 10);
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// A channel's archived samples in [t1, t2) as integer samples on its grid.
struct ChannelData
{
    WaveId id;
    double rate = 0;
    double gain = 0;
    int baseline = 0;
    struct Run
    {
        qint64 startUs;
        std::vector<std::int32_t> adu;
    };
    std::vector<Run> runs; // chunks, converted to the channel's gain/baseline, clipped to [t1, t2)
};

std::vector<ChannelData> loadChannels(ArchiveReader &reader, qint64 bedId, qint64 t1Us, qint64 t2Us,
                                      QStringList &notes, QString *error)
{
    std::vector<ChannelData> out;
    std::vector<std::int32_t> adu;
    std::string err;
    for (int c = 0; c < kWaveCount; ++c) {
        const std::vector<WaveChunkRecord> chunks = reader.waveChunks(bedId, WaveId(c), t1Us, t2Us);
        if (!reader.lastError().isEmpty()) {
            *error = reader.lastError();
            return {};
        }
        if (chunks.empty())
            continue;
        ChannelData ch;
        ch.id = WaveId(c);
        ch.rate = chunks.front().rate;
        ch.gain = chunks.front().gain;
        ch.baseline = chunks.front().baseline;
        bool skippedRate = false, rescaled = false, damaged = false;
        for (const WaveChunkRecord &k : chunks) {
            if (k.rate != ch.rate) {
                skippedRate = true;
                continue;
            }
            if (!decodeWave(k.data, adu, &err)) {
                damaged = true;
                continue;
            }
            const double period = 1e6 / k.rate;
            // Clip to [t1, t2).
            auto first = qint64(std::ceil(double(t1Us - k.startUs) / period - 1e-6));
            first = std::max<qint64>(0, first);
            auto last = qint64(std::ceil(double(t2Us - k.startUs) / period - 1e-6));
            last = std::min<qint64>(qint64(adu.size()), last);
            if (last <= first)
                continue;
            ChannelData::Run run;
            run.startUs = k.startUs + qint64(std::llround(double(first) * period));
            run.adu.assign(adu.begin() + first, adu.begin() + last);
            if (k.gain != ch.gain || k.baseline != ch.baseline) {
                rescaled = true;
                for (std::int32_t &v : run.adu)
                    v = std::int32_t(std::llround((double(v) - k.baseline) / k.gain * ch.gain + ch.baseline));
            }
            ch.runs.push_back(std::move(run));
        }
        const QString name = channelName(c);
        if (skippedRate)
            notes << QStringLiteral("%1: chunks at a rate other than %2 Hz were left out")
                         .arg(name)
                         .arg(ch.rate);
        if (rescaled)
            notes << QStringLiteral("%1: chunks with another gain/baseline were converted to %2 adu/unit")
                         .arg(name)
                         .arg(ch.gain);
        if (damaged)
            notes << QStringLiteral("%1: damaged chunks were left out (run verify)").arg(name);
        if (!ch.runs.empty())
            out.push_back(std::move(ch));
    }
    return out;
}

qint64 gcd64(qint64 a, qint64 b)
{
    return std::gcd(a, b);
}

} // namespace

// ================================================================================================ verify

VerifyReport verifyArchive(ArchiveReader &reader, bool quick, int maxListed)
{
    VerifyReport rep;
    sql::Db &db = reader.connection();
    auto problem = [&](const QString &s) {
        if (rep.problems.size() < maxListed)
            rep.problems << s;
        else if (rep.problems.size() == maxListed)
            rep.problems << QStringLiteral("... (more problems not listed)");
    };
    try {
        {
            sql::Stmt st(db.handle(), quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
            while (st.step())
                rep.integrityMessages << st.text(0);
            rep.integrityOk = rep.integrityMessages == QStringList{QStringLiteral("ok")};
            if (rep.integrityOk)
                rep.integrityMessages.clear();
        }
        sql::Db &d = db;
        d.exec("BEGIN");
        std::map<qint64, QString> bedKeys;
        {
            sql::Stmt st(d.handle(), "SELECT id, key FROM bed");
            while (st.step())
                bedKeys[st.i64(0)] = st.text(1);
        }
        auto where = [&](qint64 bed, const QString &ch, qint64 startUs) {
            return QStringLiteral("bed %1 %2 at %3").arg(bedKeys[bed], ch, isoUs(startUs));
        };
        std::vector<std::int32_t> adu;
        std::string err;
        for (int tail = 0; tail < 2; ++tail) {
            sql::Stmt st(d.handle(),
                         tail ? "SELECT id, bed_id, channel, start_us, end_us, rate, n, gain, data FROM "
                                "wave_tail ORDER BY bed_id, channel, start_us"
                              : "SELECT id, bed_id, channel, start_us, end_us, rate, n, gain, data FROM "
                                "wave_chunk ORDER BY bed_id, channel, start_us");
            qint64 prevBed = -1, prevCh = -1, prevEnd = 0;
            double prevPeriod = 0;
            while (st.step()) {
                const qint64 id = st.i64(0), bed = st.i64(1), ch = st.i64(2), start = st.i64(3),
                             end = st.i64(4);
                const double rate = st.dbl(5);
                const qint64 n = st.i64(6);
                const QString label =
                    (tail ? QStringLiteral("tail segment %1").arg(id) : QStringLiteral("chunk %1").arg(id)) +
                    QStringLiteral(" (") + where(bed, channelName(int(ch)), start) + QStringLiteral(")");
                (tail ? rep.waveTails : rep.waveChunks)++;
                if (!(rate > 0) || !(st.dbl(7) != 0)) {
                    ++rep.badChunks;
                    problem(label + QStringLiteral(": invalid rate or gain"));
                    continue;
                }
                if (!decodeWave(st.blob(8), adu, &err)) {
                    ++rep.badChunks;
                    problem(label + QStringLiteral(": ") + QString::fromStdString(err));
                    continue;
                }
                if (qint64(adu.size()) != n) {
                    ++rep.badChunks;
                    problem(label + QStringLiteral(": holds %1 samples, row says %2").arg(adu.size()).arg(n));
                    continue;
                }
                const double period = 1e6 / rate;
                if (std::fabs(double(end - start) - double(n) * period) > 1.0) {
                    ++rep.badChunks;
                    problem(label + QStringLiteral(": end time disagrees with its sample count"));
                }
                rep.samples += n;
                if (bed == prevBed && ch == prevCh && !tail) {
                    const double hole = double(start - prevEnd);
                    if (hole > 0.5 * std::max(period, prevPeriod)) {
                        ++rep.gaps;
                        rep.gapSeconds += hole / 1e6;
                        if (rep.gapList.size() < maxListed)
                            rep.gapList << QStringLiteral("bed %1 %2: %3 s from %4")
                                               .arg(bedKeys[bed], channelName(int(ch)))
                                               .arg(hole / 1e6, 0, 'f', 3)
                                               .arg(isoUs(prevEnd));
                    } else if (hole < -0.5 * period) {
                        ++rep.overlaps;
                    }
                }
                prevBed = bed;
                prevCh = ch;
                prevEnd = end;
                prevPeriod = period;
            }
        }
        std::vector<std::int32_t> off;
        std::vector<double> val;
        for (int tail = 0; tail < 2; ++tail) {
            sql::Stmt st(d.handle(), tail ? "SELECT bed_id, nid, start_ms, n, data FROM numeric_tail"
                                          : "SELECT bed_id, nid, start_ms, n, data FROM numeric_chunk");
            while (st.step()) {
                (tail ? rep.numericTails : rep.numericChunks)++;
                const QString label =
                    QStringLiteral("numeric %1 chunk (bed %2 at %3)")
                        .arg(numericName(int(st.i64(1))), bedKeys[st.i64(0)], isoMs(st.i64(2)));
                if (!decodeNumeric(st.blob(4), off, val, &err)) {
                    ++rep.badChunks;
                    problem(label + QStringLiteral(": ") + QString::fromStdString(err));
                } else if (qint64(off.size()) != st.i64(3)) {
                    ++rep.badChunks;
                    problem(label + QStringLiteral(": sample count disagrees with the row"));
                }
            }
        }
        d.exec("COMMIT");
    } catch (const sql::SqlError &e) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        rep.integrityOk = false;
        rep.problems
            << QStringLiteral("reading the archive failed: %1").arg(QString::fromStdString(e.what()));
    }
    return rep;
}

// ================================================================================================ export

bool exportWfdb(ArchiveReader &reader, const BedRecord &bed, qint64 t1Us, qint64 t2Us, const QString &dir,
                const QString &recordName, ExportResult *result, QString *error)
{
    ExportResult local;
    ExportResult &res = result ? *result : local;
    QString dummy;
    if (!error)
        error = &dummy;
    std::vector<ChannelData> chans = loadChannels(reader, bed.id, t1Us, t2Us, res.notes, error);
    if (!error->isEmpty())
        return false;
    if (chans.empty()) {
        *error = QStringLiteral("bed %1 has no waveforms between %2 and %3")
                     .arg(bed.key, isoUs(t1Us), isoUs(t2Us));
        return false;
    }
    // Frame rate: the greatest common divisor of the channel rates (in mHz), so every channel has a whole
    // number of samples per frame (500 and 125 Hz: 125 Hz frames, 4 and 1 samples per frame).
    qint64 g = 0;
    for (const ChannelData &c : chans) {
        const double milli = c.rate * 1000.0;
        if (std::fabs(milli - std::round(milli)) > 1e-6) {
            *error = QStringLiteral("%1: sample rate %2 Hz cannot be written as WFDB samples per frame")
                         .arg(channelName(int(c.id)))
                         .arg(c.rate);
            return false;
        }
        g = gcd64(g, qint64(std::llround(milli)));
    }
    if (g <= 0) {
        // Every rate below 0.0005 Hz (a damaged archive): no samples per frame to write.
        *error = QStringLiteral("no channel has a usable sample rate");
        return false;
    }
    const double frameHz = double(g) / 1000.0;
    qint64 startUs = std::numeric_limits<qint64>::max(), endUs = std::numeric_limits<qint64>::min();
    for (const ChannelData &c : chans) {
        startUs = std::min(startUs, c.runs.front().startUs);
        const ChannelData::Run &r = c.runs.back();
        endUs = std::max(endUs, r.startUs + qint64(std::llround(double(r.adu.size()) * 1e6 / c.rate)));
    }
    // Counted in samples, not from the (µs-rounded) end time, so rounding cannot add a frame.
    qint64 frames = 0;
    for (const ChannelData &c : chans) {
        const qint64 spf = std::llround(c.rate * 1000.0) / g;
        const ChannelData::Run &r = c.runs.back();
        const qint64 endIndex =
            qint64(std::llround(double(r.startUs - startUs) * c.rate / 1e6)) + qint64(r.adu.size());
        frames = std::max(frames, (endIndex + spf - 1) / spf);
    }
    constexpr std::int32_t kInvalid = -32768; // format 16's invalid sample, as writeRecord expects it

    wfdb::Header h;
    h.recordName = recordName;
    h.frameFrequency = frameHz;
    h.counterFrequency = frameHz;
    h.numFrames = frames;
    const QDateTime base = QDateTime::fromMSecsSinceEpoch(startUs / 1000, Qt::UTC);
    h.baseTime =
        base.toString(base.time().msec() ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss"));
    h.baseDate = base.toString(QStringLiteral("dd/MM/yyyy"));
    h.comments << QStringLiteral("Vigil archive export: bed %1 (%2), %3 to %4 UTC")
                      .arg(bed.key, bed.label, isoUs(startUs), isoUs(endUs));
    std::vector<std::vector<std::int32_t>> samples;
    for (ChannelData &c : chans) {
        const int spf = int(std::llround(c.rate * 1000.0) / g);
        std::vector<std::int32_t> s(std::size_t(frames * spf), kInvalid);
        const double perUs = c.rate / 1e6;
        qint64 maxAbs = 0;
        for (const ChannelData::Run &r : c.runs) {
            const qint64 base0 = qint64(std::llround(double(r.startUs - startUs) * perUs));
            for (std::size_t i = 0; i < r.adu.size(); ++i) {
                const qint64 k = base0 + qint64(i);
                if (k >= 0 && k < qint64(s.size())) {
                    s[std::size_t(k)] = r.adu[i];
                    maxAbs = std::max<qint64>(maxAbs, std::abs(qint64(r.adu[i])));
                }
            }
        }
        double gain = c.gain;
        int baseline = c.baseline;
        if (maxAbs > 32767) {
            // Format 16 holds 16 bits; divide by the smallest power of ten that fits (and say so).
            qint64 div = 10;
            while (maxAbs / div > 32767)
                div *= 10;
            for (std::int32_t &v : s) {
                if (v != kInvalid)
                    v = std::int32_t(std::llround(double(v) / double(div)));
            }
            gain /= double(div);
            baseline = int(std::llround(double(baseline) / double(div)));
            res.notes << QStringLiteral(
                             "%1: values exceed 16 bits; exported at 1/%2 of the archived resolution")
                             .arg(channelName(int(c.id)))
                             .arg(div);
        }
        wfdb::SignalInfo si;
        si.fileName = recordName + QStringLiteral(".dat");
        si.format = 16;
        si.samplesPerFrame = spf;
        si.gain = gain;
        si.baseline = baseline;
        si.units = unitOf(waveInfo(c.id).unit);
        si.adcResolution = 16;
        si.adcZero = 0;
        si.description = sv(waveInfo(c.id).label);
        h.signalInfos.push_back(si);
        samples.push_back(std::move(s));
    }
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create folder %1").arg(dir);
        return false;
    }
    if (!wfdb::writeRecord(dir, recordName, h, samples, error))
        return false;
    res.files << QDir(dir).filePath(recordName + QStringLiteral(".hea"))
              << QDir(dir).filePath(recordName + QStringLiteral(".dat"));
    res.startUs = startUs;
    res.frames = frames;
    return true;
}

bool exportCsv(ArchiveReader &reader, const BedRecord &bed, qint64 t1Us, qint64 t2Us,
               const QString &wavesPath, ExportResult *result, QString *error)
{
    ExportResult local;
    ExportResult &res = result ? *result : local;
    QString dummy;
    if (!error)
        error = &dummy;
    const QFileInfo fi(wavesPath);
    if (!QDir().mkpath(fi.absolutePath())) {
        *error = QStringLiteral("cannot create folder %1").arg(fi.absolutePath());
        return false;
    }
    QString stem = fi.absoluteFilePath();
    if (stem.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        stem.chop(4);
    if (stem.endsWith(QLatin1String("_waves")))
        stem.chop(6);

    // Waves: k-way merge of the channels' sample instants; channels sampled at the same microsecond share
    // a row, the others leave their cell empty.
    std::vector<ChannelData> chans = loadChannels(reader, bed.id, t1Us, t2Us, res.notes, error);
    if (!error->isEmpty())
        return false;
    QByteArray out = "time_utc,time_us";
    for (const ChannelData &c : chans)
        out += ',' +
               csvField(QStringLiteral("%1 [%2]").arg(sv(waveInfo(c.id).label), unitOf(waveInfo(c.id).unit)));
    out += '\n';
    struct Cursor
    {
        std::size_t run = 0, i = 0;
    };
    std::vector<Cursor> cur(chans.size());
    auto timeAt = [&](std::size_t c) -> qint64 {
        const ChannelData &ch = chans[c];
        if (cur[c].run >= ch.runs.size())
            return std::numeric_limits<qint64>::max();
        const ChannelData::Run &r = ch.runs[cur[c].run];
        return r.startUs + qint64(std::llround(double(cur[c].i) * 1e6 / ch.rate));
    };
    std::vector<qint64> next(chans.size());
    for (std::size_t c = 0; c < chans.size(); ++c)
        next[c] = timeAt(c);
    // A bed with numerics but no waveforms gives a header-only waves file (and must not read past end()).
    while (!next.empty()) {
        const qint64 t = *std::min_element(next.begin(), next.end());
        if (t == std::numeric_limits<qint64>::max())
            break;
        out += isoUs(t).toLatin1() + ',' + QByteArray::number(t);
        for (std::size_t c = 0; c < chans.size(); ++c) {
            out += ',';
            if (next[c] != t)
                continue;
            const ChannelData &ch = chans[c];
            const std::int32_t v = ch.runs[cur[c].run].adu[cur[c].i];
            out += num((double(v) - ch.baseline) / ch.gain);
            if (++cur[c].i >= ch.runs[cur[c].run].adu.size()) {
                ++cur[c].run;
                cur[c].i = 0;
            }
            next[c] = timeAt(c);
        }
        out += '\n';
    }
    const QString wavesFile = stem + QStringLiteral("_waves.csv");
    if (!writeFile(wavesFile, out, error))
        return false;
    res.files << wavesFile;

    // Numerics: one row per instant, one column per numeric that has data.
    const qint64 t1Ms = t1Us / 1000, t2Ms = (t2Us + 999) / 1000;
    std::vector<NumericId> ids;
    ids.reserve(kNumericCount);
    for (int i = 0; i < kNumericCount; ++i)
        ids.push_back(NumericId(i));
    const std::vector<TrendSeries> trends = reader.trend(bed.key, ids, t1Ms, t2Ms, 0);
    std::vector<const TrendSeries *> used;
    for (const TrendSeries &t : trends) {
        if (!t.points.empty())
            used.push_back(&t);
    }
    std::map<qint64, std::vector<double>> rows;
    for (std::size_t k = 0; k < used.size(); ++k) {
        for (const TrendPoint &p : used[k]->points) {
            auto &row = rows[p.timeMs];
            row.resize(used.size(), std::nan(""));
            row[k] = p.value;
        }
    }
    out = "time_utc,time_ms";
    for (const TrendSeries *t : used)
        out += ',' + csvField(QStringLiteral("%1 [%2]").arg(sv(numericInfo(t->id).label),
                                                            unitOf(numericInfo(t->id).unit)));
    out += '\n';
    for (const auto &[t, vals] : rows) {
        out += isoMs(t).toLatin1() + ',' + QByteArray::number(t);
        for (std::size_t k = 0; k < used.size(); ++k)
            out += ',' + (k < vals.size() ? num(vals[k]) : QByteArray());
        out += '\n';
    }
    const QString numFile = stem + QStringLiteral("_numerics.csv");
    if (!writeFile(numFile, out, error))
        return false;
    res.files << numFile;

    out = "time_utc,time_ms,alarm_id,phase,priority,kind,source,code,text,metric,value,limit_low,limit_high,"
          "unit,"
          "state,user,onset_utc\n";
    for (const AlarmRecord &a : reader.alarms(bed.key, t1Ms, t2Ms)) {
        out += isoMs(a.timeMs).toLatin1() + ',' + QByteArray::number(a.timeMs) + ',' + csvField(a.alarmId) +
               ',' + alarmStepName(a.step).toUtf8() + ',' + toString(a.priority).toUtf8() + ',' +
               toString(a.kind).toUtf8() + ',' + toString(a.source).toUtf8() + ',' + csvField(a.code) + ',' +
               csvField(a.text) + ',' + csvField(a.metric) + ',' + num(a.value) + ',' + num(a.limitLow) +
               ',' + num(a.limitHigh) + ',' + csvField(a.unit) + ',' + csvField(a.state) + ',' +
               csvField(a.user) + ',' + (a.onsetMs ? isoMs(a.onsetMs).toLatin1() : QByteArray()) + '\n';
    }
    const QString alarmFile = stem + QStringLiteral("_alarms.csv");
    if (!writeFile(alarmFile, out, error))
        return false;
    res.files << alarmFile;

    const QString eventFile = stem + QStringLiteral("_events.csv");
    if (!exportEvents(reader, bed.key, t1Ms, t2Ms, eventFile, &res, error))
        return false;
    if (!chans.empty()) {
        res.startUs = chans.front().runs.front().startUs;
        for (const ChannelData &c : chans)
            res.startUs = std::min(res.startUs, c.runs.front().startUs);
    }
    return true;
}

std::vector<ConditionEpisode> conditionEpisodes(const std::vector<ArchiveEvent> &events)
{
    std::vector<ConditionEpisode> out;
    std::map<std::pair<QString, QString>, std::size_t> open; // (bed, code) -> its episode in out
    for (const ArchiveEvent &e : events) {
        const bool on = e.type == kConditionOn;
        if (!on && e.type != kConditionOff)
            continue;
        const std::pair<QString, QString> key{e.bedKey, e.code};
        const auto it = open.find(key);
        if (on) {
            // Present already: a repeated start (a second report of the same condition) changes nothing.
            if (it != open.end())
                continue;
            open.emplace(key, out.size());
            out.push_back({e.bedKey, e.code, e.text, e.timeMs, std::nullopt});
        } else if (it != open.end()) {
            out[it->second].endMs = e.timeMs;
            open.erase(it);
        } else {
            // Its start is not in what was read (purged by retention, or the archive began mid-episode).
            out.push_back({e.bedKey, e.code, e.text, std::nullopt, e.timeMs});
        }
    }
    return out;
}

bool exportEvents(ArchiveReader &reader, const QString &bedKey, qint64 t1Ms, qint64 t2Ms, const QString &path,
                  ExportResult *result, QString *error)
{
    ExportResult local;
    ExportResult &res = result ? *result : local;
    QString dummy;
    if (!error)
        error = &dummy;
    // From the beginning: an episode that started before the range and lasts into it belongs in it.
    const std::vector<ArchiveEvent> events = reader.events(bedKey, ArchiveReader::kBegin, t2Ms);
    if (!reader.lastError().isEmpty()) {
        *error = reader.lastError();
        return false;
    }
    std::map<QString, QString> labels;
    for (const BedRecord &b : reader.beds())
        labels[b.key] = b.label;
    struct Row
    {
        qint64 sortMs;
        QString bed, type, code, text;
        std::optional<qint64> startMs, endMs;
    };
    std::vector<Row> rows;
    for (const ConditionEpisode &c : conditionEpisodes(events)) {
        if ((c.startMs && *c.startMs >= t2Ms) || (c.endMs && *c.endMs < t1Ms))
            continue;
        rows.push_back({c.startMs ? *c.startMs : *c.endMs, c.bedKey, QStringLiteral("condition"), c.code,
                        c.text, c.startMs, c.endMs});
    }
    for (const ArchiveEvent &e : events) {
        if (e.type == kConditionOn || e.type == kConditionOff || e.timeMs < t1Ms)
            continue;
        rows.push_back({e.timeMs, e.bedKey, e.type, e.code, e.text, e.timeMs, e.timeMs});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.sortMs < b.sortMs; });
    const auto time = [](const std::optional<qint64> &t) {
        return t ? isoMs(*t).toLatin1() + ',' + QByteArray::number(*t) : QByteArray(",");
    };
    QByteArray out = "bed,bed_label,type,start_utc,start_ms,end_utc,end_ms,code,text\n";
    for (const Row &r : rows) {
        out += csvField(r.bed) + ',' + csvField(labels[r.bed]) + ',' + csvField(r.type) + ',' +
               time(r.startMs) + ',' + time(r.endMs) + ',' + csvField(r.code) + ',' + csvField(r.text) + '\n';
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create folder %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    if (!writeFile(path, out, error))
        return false;
    res.files << path;
    return true;
}

// ================================================================================================= stats

QString archiveStats(ArchiveReader &reader, QString *error)
{
    QString s;
    sql::Db &db = reader.connection();
    try {
        const QFileInfo fi(reader.path());
        const qint64 walSize = QFileInfo(reader.path() + QStringLiteral("-wal")).size();
        const qint64 pageSize = db.scalar("PRAGMA page_size");
        const qint64 pages = db.scalar("PRAGMA page_count");
        const qint64 freePages = db.scalar("PRAGMA freelist_count");
        s += QStringLiteral("archive      %1\n").arg(fi.absoluteFilePath());
        s += QStringLiteral("file size    %1 MB (+ %2 MB WAL), %3 pages of %4 B, %5 free\n")
                 .arg(double(fi.size()) / 1e6, 0, 'f', 1)
                 .arg(double(walSize) / 1e6, 0, 'f', 1)
                 .arg(pages)
                 .arg(pageSize)
                 .arg(freePages);
        s += QStringLiteral("schema       version %1\n").arg(db.scalar("PRAGMA user_version"));
        db.exec("BEGIN");
        s += QStringLiteral("beds         %1\n").arg(db.scalar("SELECT count(*) FROM bed"));
        s += QStringLiteral("stays        %1 (%2 open)\n")
                 .arg(db.scalar("SELECT count(*) FROM stay"))
                 .arg(db.scalar("SELECT count(*) FROM stay WHERE end_ms IS NULL"));
        s += QStringLiteral("alarm steps  %1\n").arg(db.scalar("SELECT count(*) FROM alarm_event"));
        s += QStringLiteral("events       %1\n").arg(db.scalar("SELECT count(*) FROM event"));

        struct Acc
        {
            qint64 chunks = 0, samples = 0, bytes = 0;
            double seconds = 0;
            qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
        };
        std::map<int, Acc> perChannel;
        std::map<qint64, std::map<int, double>> bedChannelSeconds;
        qint64 waveBytes = 0;
        {
            sql::Stmt st(db.handle(),
                         "SELECT bed_id, channel, count(*), sum(n), sum(length(data)), sum(n / rate), "
                         "min(start_us), max(end_us) FROM wave_chunk GROUP BY bed_id, channel");
            while (st.step()) {
                Acc &a = perChannel[int(st.i64(1))];
                a.chunks += st.i64(2);
                a.samples += st.i64(3);
                a.bytes += st.i64(4);
                a.seconds += st.dbl(5);
                a.first = std::min(a.first, st.i64(6));
                a.last = std::max(a.last, st.i64(7));
                bedChannelSeconds[st.i64(0)][int(st.i64(1))] += st.dbl(5);
                waveBytes += st.i64(4);
            }
        }
        s += QStringLiteral("\nwaveforms    chunks      samples   MB     bits/sample  hours   span (UTC)\n");
        for (const auto &[c, a] : perChannel) {
            s += QStringLiteral("  %1 %2 %3 %4 %5 %6   %7 .. %8\n")
                     .arg(channelName(c), -10)
                     .arg(a.chunks, 9)
                     .arg(a.samples, 12)
                     .arg(double(a.bytes) / 1e6, 8, 'f', 1)
                     .arg(a.samples ? double(a.bytes) * 8 / double(a.samples) : 0.0, 8, 'f', 2)
                     .arg(a.seconds / 3600, 8, 'f', 1)
                     .arg(isoUs(a.first), isoUs(a.last));
        }
        const qint64 tails = db.scalar("SELECT count(*) FROM wave_tail");
        s += QStringLiteral("  tail segments (chunks still filling): %1\n").arg(tails);
        qint64 numBytes = 0, numSamples = 0, numChunks = 0;
        {
            sql::Stmt st(db.handle(),
                         "SELECT count(*), sum(n), sum(length(data)), min(start_ms), max(end_ms) "
                         "FROM numeric_chunk");
            if (st.step()) {
                numChunks = st.i64(0);
                numSamples = st.i64(1);
                numBytes = st.i64(2);
                s += QStringLiteral("\nnumerics     %1 chunks, %2 values, %3 MB (%4 bytes/value)")
                         .arg(numChunks)
                         .arg(numSamples)
                         .arg(double(numBytes) / 1e6, 0, 'f', 1)
                         .arg(numSamples ? double(numBytes) / double(numSamples) : 0.0, 0, 'f', 2);
                if (numChunks)
                    s += QStringLiteral(", %1 .. %2").arg(isoMs(st.i64(3)), isoMs(st.i64(4)));
                s += u'\n';
            }
        }
        // A bed-hour is an hour in which the bed sent waveforms: its best-covered channel's hours.
        double bedHours = 0;
        for (const auto &[bed, chans] : bedChannelSeconds) {
            double best = 0;
            for (const auto &[c, secs] : chans)
                best = std::max(best, secs);
            bedHours += best / 3600;
        }
        if (bedHours > 0) {
            s += QStringLiteral("\nbytes per bed-hour: %1 MB waveforms + %2 MB numerics (%3 bed-hours)\n")
                     .arg(double(waveBytes) / bedHours / 1e6, 0, 'f', 2)
                     .arg(double(numBytes) / bedHours / 1e6, 0, 'f', 3)
                     .arg(bedHours, 0, 'f', 1);
        }
        db.exec("COMMIT");
    } catch (const sql::SqlError &e) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        if (error)
            *error = QString::fromStdString(e.what());
        return {};
    }
    return s;
}

} // namespace vigil::archive
