#include "ArchiveReader.h"

#include "ChunkFormat.h"
#include "Schema.h"
#include "Sqlite.h"

#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cmath>

namespace vigil::archive {

namespace {

// One snapshot per API call (see the header).
class ReadTxn
{
public:
    explicit ReadTxn(sql::Db &db) : m_db(db) { m_db.exec("BEGIN"); }
    ~ReadTxn() { sqlite3_exec(m_db.handle(), "COMMIT", nullptr, nullptr, nullptr); }

private:
    sql::Db &m_db;
};

} // namespace

struct ArchiveReader::Statements
{
    sql::Stmt bedByKey, waveChunks, waveTails, numChunks, numTails;
};

std::unique_ptr<ArchiveReader> ArchiveReader::open(const QString &path, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("archive %1 does not exist").arg(path);
        return nullptr;
    }
    std::unique_ptr<ArchiveReader> r(new ArchiveReader);
    r->m_path = path;
    r->m_db = std::make_unique<sql::Db>();
    try {
        r->m_db->open(path, SQLITE_OPEN_READONLY);
        if (!schema::checkReadable(*r->m_db, error))
            return nullptr;
        r->m_db->exec("PRAGMA cache_size = -32768");
        sqlite3 *h = r->m_db->handle();
        r->m_st = std::make_unique<Statements>();
        r->m_st->bedByKey = sql::Stmt(h, "SELECT id FROM bed WHERE key = ?1");
        // start_us >= t1 - kMaxWaveChunkUs turns "overlaps [t1, t2)" into an index range.
        r->m_st->waveChunks = sql::Stmt(
            h, "SELECT id, stay_id, start_us, end_us, rate, n, gain, baseline, data FROM wave_chunk "
               "WHERE bed_id = ?1 AND channel = ?2 AND start_us >= ?3 AND start_us < ?4 AND end_us > ?5 "
               "ORDER BY start_us");
        // The tail tables have no index (it would cost the writer pages at every commit) and stay small:
        // one scan per call, for every channel at once.
        r->m_st->waveTails = sql::Stmt(
            h, "SELECT id, stay_id, start_us, end_us, rate, n, gain, baseline, data, channel FROM wave_tail "
               "WHERE bed_id = ?1 AND start_us < ?2 AND end_us > ?3");
        r->m_st->numChunks =
            sql::Stmt(h, "SELECT start_ms, data FROM numeric_chunk WHERE bed_id = ?1 AND nid = ?2 "
                         "AND start_ms >= ?3 AND start_ms < ?4 AND end_ms >= ?5 ORDER BY start_ms");
        r->m_st->numTails = sql::Stmt(h, "SELECT start_ms, data, nid FROM numeric_tail WHERE bed_id = ?1 "
                                         "AND start_ms < ?2 AND end_ms >= ?3 ORDER BY start_ms, id");
    } catch (const sql::SqlError &e) {
        *error = QStringLiteral("cannot read archive %1: %2").arg(path, QString::fromStdString(e.what()));
        return nullptr;
    }
    return r;
}

ArchiveReader::~ArchiveReader()
{
    m_st.reset(); // statements before the connection
}

sql::Db &ArchiveReader::connection()
{
    return *m_db;
}

qint64 ArchiveReader::bedId(const QString &key)
{
    auto &st = m_st->bedByKey;
    st.bind(1, key);
    const qint64 id = st.step() ? st.i64(0) : 0;
    st.reset();
    return id;
}

std::vector<BedRecord> ArchiveReader::beds()
{
    std::vector<BedRecord> out;
    m_error.clear();
    try {
        sql::Stmt st(m_db->handle(), "SELECT id, key, label FROM bed ORDER BY key");
        while (st.step())
            out.push_back({st.i64(0), st.text(1), st.text(2)});
    } catch (const sql::SqlError &e) {
        m_error = QString::fromStdString(e.what());
    }
    return out;
}

std::optional<BedRecord> ArchiveReader::findBed(const QString &keyOrLabel, QString *error)
{
    const std::vector<BedRecord> all = beds();
    for (const BedRecord &b : all) {
        if (b.key == keyOrLabel)
            return b;
    }
    std::optional<BedRecord> found;
    for (const BedRecord &b : all) {
        if (b.label.compare(keyOrLabel, Qt::CaseInsensitive) == 0) {
            if (found) {
                if (error)
                    *error = QStringLiteral("bed label '%1' is ambiguous (keys '%2' and '%3'): use the key")
                                 .arg(keyOrLabel, found->key, b.key);
                return std::nullopt;
            }
            found = b;
        }
    }
    if (!found && error) {
        QStringList known;
        for (const BedRecord &b : all)
            known << (b.label.isEmpty() ? b.key : QStringLiteral("%1 (%2)").arg(b.key, b.label));
        *error =
            QStringLiteral("no bed '%1' in the archive; beds: %2")
                .arg(keyOrLabel, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", ")));
    }
    return found;
}

std::vector<StayRecord> ArchiveReader::stays(const QString &bedKey, qint64 fromMs, qint64 toMs)
{
    std::vector<StayRecord> out;
    m_error.clear();
    try {
        ReadTxn txn(*m_db);
        sqlite3 *h = m_db->handle();
        sql::Stmt st(h, "SELECT s.id, b.key, b.label, s.patient_id, s.patient_name, s.profile, s.source, "
                        "s.start_ms, s.end_ms, s.bed_id FROM stay s JOIN bed b ON b.id = s.bed_id "
                        "WHERE (?1 IS NULL OR b.key = ?1) AND s.start_ms < ?3 AND (s.end_ms IS NULL OR "
                        "s.end_ms >= ?2) ORDER BY s.start_ms, s.id");
        st.bind(1, bedKey.isEmpty() ? QString() : bedKey).bind(2, fromMs).bind(3, toMs);
        // The stay's own newest chunk per channel: a backwards index walk bounded by the stay's extent.
        sql::Stmt lastWave(
            h, "SELECT end_us FROM wave_chunk WHERE bed_id = ?1 AND channel = ?2 AND start_us < ?3 "
               "AND start_us >= ?4 AND stay_id = ?5 ORDER BY start_us DESC LIMIT 1");
        sql::Stmt lastNum(h,
                          "SELECT end_ms FROM numeric_chunk WHERE bed_id = ?1 AND nid = ?2 AND start_ms < ?3 "
                          "AND start_ms >= ?4 AND stay_id = ?5 ORDER BY start_ms DESC LIMIT 1");
        sql::Stmt lastTail(h,
                           "SELECT max(e) FROM (SELECT max(end_us) / 1000 AS e FROM wave_tail WHERE "
                           "stay_id = ?1 UNION ALL SELECT max(end_ms) FROM numeric_tail WHERE stay_id = ?1)");
        while (st.step()) {
            StayRecord s;
            s.id = st.i64(0);
            s.bedKey = st.text(1);
            s.bedLabel = st.text(2);
            s.patientId = st.text(3);
            s.patientName = st.text(4);
            s.profile = PatientProfile(st.i64(5));
            s.sourceId = st.text(6);
            s.startMs = st.i64(7);
            if (!st.isNull(8))
                s.endMs = st.i64(8);
            const qint64 bed = st.i64(9);
            const qint64 limitMs = s.endMs ? *s.endMs + 1 : kEnd / 1000;
            qint64 last = 0;
            for (int c = 0; c < kWaveCount; ++c) {
                lastWave.bind(1, bed).bind(2, c).bind(3, limitMs * 1000);
                lastWave.bind(4, (s.startMs - 1000) * 1000 - kMaxWaveChunkUs).bind(5, s.id);
                if (lastWave.step())
                    last = std::max(last, lastWave.i64(0) / 1000);
                lastWave.reset();
            }
            for (int c = 0; c < kNumericCount; ++c) {
                lastNum.bind(1, bed).bind(2, c).bind(3, limitMs);
                lastNum.bind(4, s.startMs - 1000 - kMaxNumericChunkMs).bind(5, s.id);
                if (lastNum.step())
                    last = std::max(last, lastNum.i64(0));
                lastNum.reset();
            }
            lastTail.bind(1, s.id);
            if (lastTail.step() && !lastTail.isNull(0))
                last = std::max(last, lastTail.i64(0));
            lastTail.reset();
            s.lastDataMs = last >= s.startMs ? last : 0;
            out.push_back(std::move(s));
        }
    } catch (const sql::SqlError &e) {
        m_error = QString::fromStdString(e.what());
        out.clear();
    }
    return out;
}

std::vector<TrendSeries> ArchiveReader::trend(const QString &bedKey, std::span<const NumericId> ids,
                                              qint64 t1Ms, qint64 t2Ms, int maxPoints)
{
    std::vector<TrendSeries> out;
    m_error.clear();
    try {
        ReadTxn txn(*m_db);
        const qint64 bed = bedId(bedKey);
        std::vector<std::int32_t> off;
        std::vector<double> val;
        std::string err;
        struct Sample
        {
            qint64 t;
            double v;
        };
        std::vector<Sample> samples;
        std::array<std::vector<Sample>, kNumericCount> tails;
        auto collect = [&](const sql::Stmt &st, std::vector<Sample> &into) {
            const qint64 start = st.i64(0);
            if (!decodeNumeric(st.blob(1), off, val, &err))
                return; // verify reports it; the rest of the trend is still worth showing
            for (std::size_t i = 0; i < off.size(); ++i) {
                const qint64 t = start + off[i];
                if (t >= t1Ms && t < t2Ms)
                    into.push_back({t, val[i]});
            }
        };
        if (bed) {
            auto &st = m_st->numTails;
            st.bind(1, bed).bind(2, t2Ms).bind(3, t1Ms);
            while (st.step()) {
                const qint64 nid = st.i64(2);
                if (nid >= 0 && nid < kNumericCount)
                    collect(st, tails[std::size_t(nid)]);
            }
            st.reset();
        }
        for (NumericId id : ids) {
            TrendSeries series{id, 0, {}};
            samples.clear();
            if (bed) {
                auto &st = m_st->numChunks;
                st.bind(1, bed)
                    .bind(2, int(id))
                    .bind(3, t1Ms - kMaxNumericChunkMs)
                    .bind(4, t2Ms)
                    .bind(5, t1Ms);
                while (st.step())
                    collect(st, samples);
                st.reset();
                const auto &tail = tails[std::size_t(id)];
                samples.insert(samples.end(), tail.begin(), tail.end());
            }
            // Chunks come in time order, so this is usually sorted already (tails, overlaps: not always).
            const auto byTime = [](const Sample &a, const Sample &b) { return a.t < b.t; };
            if (!std::is_sorted(samples.begin(), samples.end(), byTime))
                std::stable_sort(samples.begin(), samples.end(), byTime);
            // A retransmitted message can archive the same sample twice: keep one per instant.
            samples.erase(
                std::unique(samples.begin(), samples.end(),
                            [](const Sample &a, const Sample &b) { return a.t == b.t && a.v == b.v; }),
                samples.end());
            series.rawCount = qint64(samples.size());
            if (maxPoints <= 0 || qint64(samples.size()) <= maxPoints) {
                series.points.reserve(samples.size());
                for (const Sample &s : samples)
                    series.points.push_back({s.t, s.v, s.v, s.v});
            } else {
                const double span = double(t2Ms - t1Ms);
                std::size_t i = 0;
                while (i < samples.size()) {
                    const qint64 bucket = std::min<qint64>(
                        maxPoints - 1, qint64(double(samples[i].t - t1Ms) * maxPoints / span));
                    double sum = 0, sumT = 0, mn = samples[i].v, mx = samples[i].v;
                    std::size_t n = 0;
                    for (; i < samples.size(); ++i) {
                        const qint64 b = std::min<qint64>(
                            maxPoints - 1, qint64(double(samples[i].t - t1Ms) * maxPoints / span));
                        if (b != bucket)
                            break;
                        sum += samples[i].v;
                        sumT += double(samples[i].t - t1Ms);
                        mn = std::min(mn, samples[i].v);
                        mx = std::max(mx, samples[i].v);
                        ++n;
                    }
                    series.points.push_back(
                        {t1Ms + qint64(std::llround(sumT / double(n))), sum / double(n), mn, mx});
                }
            }
            out.push_back(std::move(series));
        }
    } catch (const sql::SqlError &e) {
        m_error = QString::fromStdString(e.what());
        out.clear();
    }
    return out;
}

namespace {

WaveChunkRecord chunkFrom(const sql::Stmt &st, bool tail, WaveId channel)
{
    WaveChunkRecord c;
    c.id = st.i64(0);
    c.tail = tail;
    c.stayId = st.i64(1);
    c.channel = channel;
    c.startUs = st.i64(2);
    c.endUs = st.i64(3);
    c.rate = st.dbl(4);
    c.count = st.i64(5);
    c.gain = st.dbl(6);
    c.baseline = int(st.i64(7));
    const auto blob = st.blob(8);
    c.data.assign(blob.begin(), blob.end());
    return c;
}

} // namespace

std::vector<WaveChunkRecord> ArchiveReader::tailsLocked(qint64 bed, qint64 t1Us, qint64 t2Us)
{
    std::vector<WaveChunkRecord> out;
    auto &st = m_st->waveTails;
    st.bind(1, bed).bind(2, t2Us).bind(3, t1Us);
    while (st.step()) {
        const qint64 ch = st.i64(9);
        if (ch >= 0 && ch < kWaveCount)
            out.push_back(chunkFrom(st, true, WaveId(ch)));
    }
    st.reset();
    return out;
}

std::vector<WaveChunkRecord> ArchiveReader::chunksLocked(qint64 bed, WaveId channel, qint64 t1Us, qint64 t2Us,
                                                         const std::vector<WaveChunkRecord> &tails)
{
    std::vector<WaveChunkRecord> out;
    auto &st = m_st->waveChunks;
    st.bind(1, bed).bind(2, int(channel)).bind(3, t1Us - kMaxWaveChunkUs).bind(4, t2Us).bind(5, t1Us);
    while (st.step())
        out.push_back(chunkFrom(st, false, channel));
    st.reset();
    for (const WaveChunkRecord &t : tails) {
        if (t.channel == channel)
            out.push_back(t);
    }
    std::stable_sort(out.begin(), out.end(), [](const WaveChunkRecord &a, const WaveChunkRecord &b) {
        return a.startUs < b.startUs;
    });
    return out;
}

std::vector<WaveChunkRecord> ArchiveReader::waveChunks(qint64 bed, WaveId channel, qint64 t1Us, qint64 t2Us)
{
    m_error.clear();
    try {
        ReadTxn txn(*m_db);
        return chunksLocked(bed, channel, t1Us, t2Us, tailsLocked(bed, t1Us, t2Us));
    } catch (const sql::SqlError &e) {
        m_error = QString::fromStdString(e.what());
    }
    return {};
}

std::vector<WaveStrip> ArchiveReader::waveStrip(const QString &bedKey, qint64 t1Us, qint64 t2Us,
                                                std::span<const WaveId> channels)
{
    std::vector<WaveStrip> out;
    m_error.clear();
    if (t2Us <= t1Us)
        return out;
    try {
        ReadTxn txn(*m_db);
        const qint64 bed = bedId(bedKey);
        const bool all = channels.empty();
        std::array<WaveId, kWaveCount> everyChannel{};
        for (int c = 0; c < kWaveCount; ++c)
            everyChannel[std::size_t(c)] = WaveId(c);
        const std::span<const WaveId> wanted = all ? std::span<const WaveId>(everyChannel) : channels;
        std::vector<std::int32_t> adu;
        std::string err;
        const std::vector<WaveChunkRecord> tails =
            bed ? tailsLocked(bed, t1Us, t2Us) : std::vector<WaveChunkRecord>{};
        for (WaveId ch : wanted) {
            std::vector<WaveChunkRecord> chunks;
            if (bed)
                chunks = chunksLocked(bed, ch, t1Us, t2Us, tails);
            WaveStrip strip;
            strip.id = ch;
            if (chunks.empty()) {
                if (all)
                    continue;
                strip.sampleRate = waveInfo(ch).defaultRate;
                strip.gain = defaultGain(ch);
                strip.startUs = t1Us;
                const auto count = qint64(std::ceil(double(t2Us - t1Us) * strip.sampleRate / 1e6 - 1e-9));
                strip.samples.assign(std::size_t(std::max<qint64>(0, count)), std::nanf(""));
                out.push_back(std::move(strip));
                continue;
            }
            // The grid of the first chunk, extended over [t1, t2): exact for every chunk of the same run,
            // within half a sample for chunks of another run (after a gap or a restart).
            const WaveChunkRecord &first = chunks.front();
            const double rate = first.rate;
            strip.sampleRate = rate;
            strip.gain = first.gain;
            strip.baseline = first.baseline;
            const double perUs = rate / 1e6;
            const auto k0 = qint64(std::ceil(double(t1Us - first.startUs) * perUs - 1e-6));
            const auto k1 = qint64(std::ceil(double(t2Us - first.startUs) * perUs - 1e-6));
            strip.startUs = first.startUs + qint64(std::llround(double(k0) / perUs));
            const qint64 count = std::max<qint64>(0, k1 - k0);
            strip.samples.assign(std::size_t(count), std::nanf(""));
            for (const WaveChunkRecord &c : chunks) {
                if (!decodeWave(c.data, adu, &err))
                    continue; // shown as a gap; verify names the chunk
                const double inv = 1.0 / c.gain;
                if (c.rate == rate) {
                    const qint64 base = qint64(std::llround(double(c.startUs - first.startUs) * perUs)) - k0;
                    const qint64 lo = std::max<qint64>(0, -base);
                    const qint64 hi = std::min<qint64>(qint64(adu.size()), count - base);
                    for (qint64 i = lo; i < hi; ++i)
                        strip.samples[std::size_t(base + i)] =
                            float(double(adu[std::size_t(i)] - c.baseline) * inv);
                } else {
                    for (std::size_t i = 0; i < adu.size(); ++i) {
                        const double t = double(c.startUs - first.startUs) + double(i) * 1e6 / c.rate;
                        const qint64 k = qint64(std::llround(t * perUs)) - k0;
                        if (k >= 0 && k < count)
                            strip.samples[std::size_t(k)] = float(double(adu[i] - c.baseline) * inv);
                    }
                }
            }
            out.push_back(std::move(strip));
        }
    } catch (const sql::SqlError &e) {
        m_error = QString::fromStdString(e.what());
        out.clear();
    }
    return out;
}

std::vector<AlarmRecord> ArchiveReader::alarms(const QString &bedKey, qint64 t1Ms, qint64 t2Ms, int limit)
{
    std::vector<AlarmRecord> out;
    m_error.clear();
    try {
        ReadTxn txn(*m_db);
        // Newest first with LIMIT, then reversed: "the last N steps" is what a history list shows.
        // Separate statements for one bed and the ward, so each gets its own index.
        const std::string cols =
            "SELECT b.key, a.alarm_id, a.t_ms, a.onset_ms, a.source, a.kind, a.priority, "
            "a.phase, a.state, a.code, a.text, a.metric, a.value, a.limit_low, a.limit_high, "
            "a.unit, a.user FROM alarm_event a LEFT JOIN bed b ON b.id = a.bed_id WHERE ";
        const std::string tail = "a.t_ms >= ?2 AND a.t_ms < ?3 ORDER BY a.t_ms DESC, a.id DESC LIMIT ?4";
        sql::Stmt st(m_db->handle(), bedKey.isEmpty() ? cols + tail : cols + "a.bed_id = ?1 AND " + tail);
        if (!bedKey.isEmpty())
            st.bind(1, bedId(bedKey));
        st.bind(2, t1Ms).bind(3, t2Ms);
        st.bind(4, qint64(limit > 0 ? limit : -1));
        while (st.step()) {
            AlarmRecord a;
            a.bedKey = st.text(0);
            a.alarmId = st.text(1);
            a.timeMs = st.i64(2);
            a.onsetMs = st.isNull(3) ? 0 : st.i64(3);
            a.source = AlarmRecord::Source(st.i64(4));
            a.kind = kindFromStored(st.i64(5));
            a.priority = priorityFromStored(st.i64(6));
            a.step = alarmStepFromStored(st.i64(7));
            a.state = st.text(8);
            a.code = st.text(9);
            a.text = st.text(10);
            a.metric = st.text(11);
            a.value = st.dblOrNaN(12);
            a.limitLow = st.dblOrNaN(13);
            a.limitHigh = st.dblOrNaN(14);
            a.unit = st.text(15);
            a.user = st.text(16);
            out.push_back(std::move(a));
        }
        std::reverse(out.begin(), out.end());
    } catch (const sql::SqlError &e) {
        m_error = QString::fromStdString(e.what());
        out.clear();
    }
    return out;
}

std::vector<ArchiveEvent> ArchiveReader::events(const QString &bedKey, qint64 t1Ms, qint64 t2Ms)
{
    std::vector<ArchiveEvent> out;
    m_error.clear();
    try {
        ReadTxn txn(*m_db);
        const std::string cols = "SELECT b.key, e.t_ms, e.type, e.text FROM event e LEFT JOIN bed b ON "
                                 "b.id = e.bed_id WHERE ";
        const std::string tail = "e.t_ms >= ?2 AND e.t_ms < ?3 ORDER BY e.t_ms, e.id";
        sql::Stmt st(m_db->handle(), bedKey.isEmpty() ? cols + tail : cols + "e.bed_id = ?1 AND " + tail);
        if (!bedKey.isEmpty())
            st.bind(1, bedId(bedKey));
        st.bind(2, t1Ms).bind(3, t2Ms);
        while (st.step()) {
            ArchiveEvent e{st.text(0), st.i64(1), st.text(2), {}, st.text(3)};
            if (e.type == kConditionOn || e.type == kConditionOff)
                splitConditionEventText(st.text(3), &e.code, &e.text);
            out.push_back(std::move(e));
        }
    } catch (const sql::SqlError &e) {
        m_error = QString::fromStdString(e.what());
        out.clear();
    }
    return out;
}

std::optional<HandoverRecord> ArchiveReader::handover(const QString &bedKey, qint64 atMs)
{
    m_error.clear();
    try {
        ReadTxn txn(*m_db);
        sql::Stmt st(m_db->handle(), "SELECT t_ms, text FROM event WHERE bed_id = ?1 AND type = ?2 AND "
                                     "t_ms <= ?3 ORDER BY t_ms DESC, id DESC LIMIT 1");
        st.bind(1, bedId(bedKey)).bind(2, kHandover).bind(3, atMs);
        if (st.step()) {
            HandoverRecord h;
            h.bedKey = bedKey;
            h.timeMs = st.i64(0);
            if (parseHandoverEventText(st.text(1), &h))
                return h;
        }
    } catch (const sql::SqlError &e) {
        m_error = QString::fromStdString(e.what());
    }
    return std::nullopt;
}

} // namespace vigil::archive
