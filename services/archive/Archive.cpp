#include "Archive.h"

#include "ChunkFormat.h"
#include "Schema.h"
#include "Sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QLoggingCategory>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

#include <cerrno>
#include <ctime>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcArchive, "vigil.archive")

namespace vigil::archive {

namespace {

using SteadyClock = std::chrono::steady_clock;
using Callback = std::function<void(bool)>;

struct Discharge
{
    QString bedKey;
    qint64 timeMs = 0;
};

struct Item
{
    quint64 ticket = 0;
    qint64 receivedMs = 0;
    qint64 bytes = 0;
    std::variant<BedUpdate, AlarmRecord, ArchiveEvent, Discharge> payload;
};

qint64 sizeOf(const BedUpdate &u)
{
    qint64 n = 256 + qint64(u.numerics.size() * sizeof(NumericSample));
    for (const WaveBlock &w : u.waves)
        n += 64 + qint64(w.samples.size() * sizeof(float));
    return n;
}

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

QString patientIdentity(const PatientInfo &p)
{
    return !p.id.isEmpty() ? p.id : p.name;
}

// The open chunk of one waveform channel of one bed, and the run of evenly spaced samples it belongs to.
// A run survives chunk boundaries and NaN gaps (sample times stay on its grid: anchor + k / rate); a
// discontinuity in time, rate or scaling starts a new run.
struct WaveSeries
{
    bool runValid = false;
    qint64 runAnchorUs = 0;
    qint64 runCount = 0; // samples of the run so far, NaN ones included
    double rate = 0;
    double gain = 0;
    int baseline = 0;
    int quant = 0;
    qint64 stayId = 0;

    qint64 chunkRunIndex = 0;          // run index of the open chunk's first sample
    std::vector<std::int32_t> samples; // the open chunk (empty = none open)
    std::size_t persisted = 0;         // leading samples already written as tail segments
    std::vector<qint64> tailIds;       // those segments' rows in wave_tail
    SteadyClock::time_point lastInput{};

    qint64 timeOf(qint64 runIndex) const
    {
        return runAnchorUs + qint64(std::llround(double(runIndex) * 1e6 / rate));
    }
};

struct NumericSeries
{
    qint64 stayId = 0;
    qint64 startMs = 0;
    std::vector<std::int32_t> offsets; // ms from startMs; empty = none open
    std::vector<double> values;
    std::size_t persisted = 0;
    std::vector<qint64> tailIds;
    SteadyClock::time_point lastInput{};
};

struct BedState
{
    qint64 id = 0;
    QString key;
    QString label;
    bool stayOpen = false;
    qint64 stayId = 0;
    QString patientIdent;
    QString patientName;
    PatientProfile profile = PatientProfile::Adult;
    std::array<WaveSeries, kWaveCount> waves;
    std::array<NumericSeries, kNumericCount> numerics;
};

// SQLite reports a failed write as SQLITE_FULL or SQLITE_IOERR_WRITE, and its errno is not reliable by
// the time the error reaches us (and belongs to whichever file failed). Ask the system instead.
QString diagnose(const sql::SqlError &e, const QString &path)
{
    const int primary = e.primary();
    const int err = e.systemErrno();
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        return QStringLiteral("archive file is damaged");
    const QByteArray dir = QFileInfo(path).absolutePath().toLocal8Bit();
    struct statvfs vfs
    {};
    if (statvfs(dir.constData(), &vfs) == 0) {
        if (vfs.f_flag & ST_RDONLY)
            return QStringLiteral("archive is on a read-only file system");
        const qint64 freeBytes = qint64(vfs.f_bavail) * qint64(vfs.f_frsize);
        if (primary == SQLITE_FULL || err == ENOSPC || freeBytes < (qint64(4) << 20))
            return QStringLiteral("disk full (%1 MB free)").arg(double(freeBytes) / 1e6, 0, 'f', 1);
    }
    rlimit rl{};
    if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        const qint64 limit = qint64(rl.rlim_cur);
        const qint64 biggest =
            std::max(QFileInfo(path).size(), QFileInfo(path + QStringLiteral("-wal")).size());
        if (err == EFBIG || biggest + (qint64(256) << 10) >= limit)
            return QStringLiteral("file size limit reached (%1 bytes; disk full for this process)")
                .arg(limit);
    }
    if (primary == SQLITE_READONLY || err == EROFS || err == EACCES || err == EPERM ||
        ::access(dir.constData(), W_OK) != 0)
        return QStringLiteral("archive is read-only / not writable");
    if (primary == SQLITE_FULL)
        return QStringLiteral("disk full");
    if (primary == SQLITE_IOERR)
        return QStringLiteral("I/O error");
    return QStringLiteral("write failed");
}

QString describeFailure(const sql::SqlError &e, const QString &path)
{
    return QStringLiteral("Archive write failed: %1 (%2): %3. Live monitoring continues; new data is kept in "
                          "memory and retried, and is not acknowledged until it is on disk.")
        .arg(diagnose(e, path), path, QString::fromStdString(e.what()));
}

} // namespace

struct Archive::Private
{
    QString path;
    ArchiveOptions opt;
    std::unique_ptr<QLockFile> lock;

    // ---- shared with producer threads (mutex)
    mutable std::mutex mutex;
    std::condition_variable cv;
    std::deque<Item> queue;
    qint64 queueBytes = 0;
    quint64 nextTicket = 0;
    std::vector<std::pair<quint64, Callback>> newWaiters;
    bool stop = false;
    bool urgent = false;
    ArchiveHealth healthState;
    std::function<void(const ArchiveHealth &)> healthCb;
    double waveRetentionHours = 96;
    double numericRetentionDays = 30;

    // ---- writer thread only
    sql::Db db;
    std::thread thread;
    std::deque<Item> pending;
    qint64 pendingBytes = 0;
    std::multimap<quint64, Callback> waiters;
    quint64 durable = 0;
    std::vector<std::pair<quint64, quint64>> dropped; // closed ranges of dropped tickets
    bool needRecovery = true;
    bool inError = false;
    SteadyClock::time_point lastCommit{};
    SteadyClock::time_point nextRetry{};
    SteadyClock::time_point nextPurge{};
    SteadyClock::time_point nextIdleCheck{};
    QHash<QString, BedState> beds;
    int walPages = 0;
    int mergedTails = 0; // logged once the merge is committed (a failing retry would repeat it)
    quint64 walFramesWritten = 0;
    std::vector<std::int32_t> scratch;

    // prepared statements, (re)made on the writer thread
    sql::Stmt insBed, updBedLabel, insStay, endStay, updStayPatient, insWave, insWaveTail, delWaveTail,
        insNum, insNumTail, delNumTail, insAlarm, insEvent;

    qint64 nowMs() const { return opt.clock ? opt.clock() : QDateTime::currentMSecsSinceEpoch(); }

    void prepare();
    void run();
    bool transact(bool closeAll, bool purge, bool idle);
    void recover();
    void mergeWaveTails();
    void mergeNumericTails();
    void loadBeds();
    BedState &bed(const QString &key, const QString &label);
    void apply(const Item &item);
    void applyUpdate(const BedUpdate &u, qint64 receivedMs);
    void openStay(BedState &b, const PatientInfo *p, const QString &source, qint64 t);
    void closeStay(BedState &b, qint64 t);
    void appendWave(BedState &b, const WaveBlock &w, SteadyClock::time_point now);
    void appendNumeric(BedState &b, const NumericSample &n, SteadyClock::time_point now);
    void closeWave(BedState &b, WaveId id);
    void closeNumeric(BedState &b, NumericId id);
    void closeBedSeries(BedState &b, bool endRuns);
    void closeIdle(SteadyClock::time_point now);
    bool hasIdle(SteadyClock::time_point now) const;
    void writeTails();
    int purgeStep();
    void resolveWaiters();
    void failAllWaiters();
    bool isDropped(quint64 t) const;
    void dropForMemory();
    void publishHealth(bool notify);
    qint64 waveChunkSamples(double rate) const;
};

// ============================================================================================ writer

void Archive::Private::prepare()
{
    sqlite3 *h = db.handle();
    insBed = sql::Stmt(h, "INSERT INTO bed(key, label) VALUES (?1, ?2)");
    updBedLabel = sql::Stmt(h, "UPDATE bed SET label = ?2 WHERE id = ?1");
    insStay = sql::Stmt(h, "INSERT INTO stay(bed_id, patient_id, patient_name, profile, start_ms, source) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    endStay = sql::Stmt(h, "UPDATE stay SET end_ms = ?2 WHERE id = ?1");
    updStayPatient = sql::Stmt(h, "UPDATE stay SET patient_name = ?2, profile = ?3 WHERE id = ?1");
    insWave =
        sql::Stmt(h, "INSERT INTO wave_chunk(bed_id, stay_id, channel, start_us, end_us, rate, n, gain, "
                     "baseline, quant, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    insWaveTail =
        sql::Stmt(h, "INSERT INTO wave_tail(bed_id, stay_id, channel, start_us, end_us, rate, n, gain, "
                     "baseline, quant, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    delWaveTail = sql::Stmt(h, "DELETE FROM wave_tail WHERE id = ?1");
    insNum = sql::Stmt(h, "INSERT INTO numeric_chunk(bed_id, nid, start_ms, seq, stay_id, end_ms, n, data) "
                          "VALUES (?1, ?2, ?3, (SELECT coalesce(max(seq) + 1, 0) FROM numeric_chunk WHERE "
                          "bed_id = ?1 AND nid = ?2 AND start_ms = ?3), ?4, ?5, ?6, ?7)");
    insNumTail = sql::Stmt(h, "INSERT INTO numeric_tail(bed_id, stay_id, nid, start_ms, end_ms, n, data) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    delNumTail = sql::Stmt(h, "DELETE FROM numeric_tail WHERE id = ?1");
    insAlarm =
        sql::Stmt(h, "INSERT INTO alarm_event(bed_id, stay_id, alarm_id, t_ms, onset_ms, source, kind, "
                     "priority, phase, state, code, text, metric, value, limit_low, limit_high, unit, "
                     "user) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                     "?16, ?17, ?18)");
    insEvent =
        sql::Stmt(h, "INSERT INTO event(bed_id, stay_id, t_ms, type, text) VALUES (?1, ?2, ?3, ?4, ?5)");
}

qint64 Archive::Private::waveChunkSamples(double rate) const
{
    const double seconds = std::clamp(opt.waveChunkSeconds, 0.05, kMaxWaveChunkUs / 1e6 - 1.0);
    // The cap keeps an absurd rate from exceeding the codec's chunk limit.
    return std::clamp<qint64>(qint64(std::floor(seconds * rate + 0.5)), 1, qint64(1) << 22);
}

void Archive::Private::run()
{
    const auto start = SteadyClock::now();
    nextPurge = start + std::chrono::milliseconds(std::min(opt.purgeIntervalMs, 1000));
    nextIdleCheck = start + std::chrono::seconds(1);
    std::unique_lock lk(mutex);
    for (;;) {
        if (!stop && !urgent && newWaiters.empty() && queueBytes < opt.commitEarlyBytes) {
            SteadyClock::time_point deadline;
            if (inError) {
                // Nothing is attempted before the retry time (purge and idle checks included), so wait
                // for it rather than for an already elapsed purge or idle deadline.
                deadline = nextRetry;
            } else {
                deadline = std::min(nextPurge, nextIdleCheck);
                if (!queue.empty() || !pending.empty())
                    deadline =
                        std::min(deadline, lastCommit + std::chrono::milliseconds(opt.commitIntervalMs));
            }
            cv.wait_until(lk, deadline, [&] {
                return stop || urgent || !newWaiters.empty() || queueBytes >= opt.commitEarlyBytes;
            });
        }
        while (!queue.empty()) {
            pending.push_back(std::move(queue.front()));
            queue.pop_front();
        }
        pendingBytes += queueBytes;
        queueBytes = 0;
        for (auto &w : newWaiters)
            waiters.emplace(w.first, std::move(w.second));
        newWaiters.clear();
        const bool stopping = stop;
        const bool urgentNow = urgent;
        urgent = false;
        lk.unlock();

        resolveWaiters();
        const auto now = SteadyClock::now();
        const bool retryOk = !inError || now >= nextRetry || urgentNow || stopping;
        const bool commitDue = !pending.empty() && retryOk &&
                               (urgentNow || stopping || pendingBytes >= opt.commitEarlyBytes ||
                                now >= lastCommit + std::chrono::milliseconds(opt.commitIntervalMs));
        const bool purgeDue = now >= nextPurge && retryOk;
        bool idleDue = false;
        if (now >= nextIdleCheck) {
            nextIdleCheck = now + std::chrono::seconds(1);
            idleDue = retryOk && hasIdle(now);
        }
        if (commitDue || purgeDue || idleDue) {
            bool ok = transact(false, purgeDue, idleDue);
            // A backlog larger than one transaction: keep going while it succeeds.
            while (ok && !pending.empty() && (pendingBytes >= opt.commitEarlyBytes || stopping || urgentNow))
                ok = transact(false, false, false);
        }
        if (stopping) {
            if (!inError || !pending.empty())
                transact(true, false, false);
            if (!pending.empty() || inError) {
                qCWarning(lcArchive, "archive closed with %zu items not written", pending.size());
                failAllWaiters();
            }
            lk.lock();
            for (auto &w : newWaiters)
                w.second(false);
            newWaiters.clear();
            lk.unlock();
            if (!inError)
                sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
            publishHealth(false);
            return;
        }
        if (inError)
            dropForMemory();
        publishHealth(false);
        lk.lock();
    }
}

bool Archive::Private::transact(bool closeAll, bool purge, bool idle)
{
    std::size_t n = 0;
    qint64 bytes = 0;
    quint64 last = durable;
    try {
        db.exec("BEGIN IMMEDIATE");
        if (needRecovery)
            recover();
        for (; n < pending.size(); ++n) {
            if (n > 0 && bytes >= opt.maxTransactionBytes)
                break;
            apply(pending[n]);
            bytes += pending[n].bytes;
            last = pending[n].ticket;
        }
        if (closeAll && n == pending.size()) {
            for (BedState &b : beds)
                closeBedSeries(b, true);
        } else if (idle) {
            closeIdle(SteadyClock::now());
        }
        writeTails();
        int purged = 0;
        if (purge)
            purged = purgeStep();
        db.exec("COMMIT");
        const auto now = SteadyClock::now();
        lastCommit = now;
        if (purge) {
            // A full step means there is more: continue one commit interval later, still one small step at
            // a time, so catching up after a shortened retention never monopolises the writer.
            nextPurge = now + std::chrono::milliseconds(purged >= opt.purgeStepRows ? opt.commitIntervalMs
                                                                                    : opt.purgeIntervalMs);
        }
    } catch (const std::exception &ex) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        const auto *sqlErr = dynamic_cast<const sql::SqlError *>(&ex);
        const sql::SqlError e = sqlErr ? *sqlErr : sql::SqlError(SQLITE_ERROR, 0, ex.what());
        // The in-memory chunk and stay state may describe rows that were just rolled back: rebuild it from
        // the file at the next attempt, and re-apply the same items.
        beds.clear();
        needRecovery = true;
        const QString msg = describeFailure(e, path);
        const bool was = inError;
        inError = true;
        nextRetry = SteadyClock::now() + std::chrono::milliseconds(opt.retryIntervalMs);
        {
            std::lock_guard g(mutex);
            if (!was) {
                healthState.errorSinceMs = QDateTime::currentMSecsSinceEpoch();
            }
            healthState.ok = false;
            healthState.error = msg;
            ++healthState.failedCommits;
        }
        if (!was)
            qCWarning(lcArchive, "%s", qUtf8Printable(msg));
        failAllWaiters();
        publishHealth(!was);
        return false;
    }
    pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(n));
    pendingBytes -= bytes;
    durable = std::max(durable, last);
    const bool recovered = inError;
    inError = false;
    {
        std::lock_guard g(mutex);
        healthState.durableTicket = durable;
        healthState.queuedBytes = pendingBytes;
        ++healthState.commits;
        healthState.lastCommitMs = QDateTime::currentMSecsSinceEpoch();
        if (recovered) {
            healthState.ok = true;
            healthState.error.clear();
            healthState.errorSinceMs = 0;
        }
    }
    if (recovered)
        qCInfo(lcArchive, "archive writes succeed again");
    if (mergedTails) {
        qCInfo(lcArchive, "merged %d waveform tail segments left by the previous session", mergedTails);
        mergedTails = 0;
    }
    resolveWaiters();
    if (walPages >= 1000) {
        // We own the WAL hook, so SQLite's auto-checkpoint is off: checkpoint here, on this thread. PASSIVE
        // never waits for readers; whatever they still use is copied at a later one.
        const int rc =
            sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcArchive, "checkpoint failed: %s", sqlite3_errmsg(db.handle()));
    }
    publishHealth(recovered);
    return true;
}

void Archive::Private::recover()
{
    mergeWaveTails();
    mergeNumericTails();
    loadBeds();
}

// Tail segments left by a crash or a failed commit are valid data; fold each channel's run of them into
// one ordinary chunk so the tail tables stay small.
void Archive::Private::mergeWaveTails()
{
    sql::Stmt sel(db.handle(), "SELECT bed_id, stay_id, channel, start_us, rate, gain, baseline, quant, data "
                               "FROM wave_tail ORDER BY bed_id, channel, start_us, id");
    struct Group
    {
        qint64 bed = -1, stay = -1, channel = -1, start = 0;
        double rate = 0, gain = 0;
        int baseline = 0, quant = 0;
        std::vector<std::int32_t> samples;
    } g;
    std::vector<std::int32_t> dec;
    std::string err;
    auto flush = [&] {
        if (g.samples.empty())
            return;
        const std::vector<std::uint8_t> blob = encodeWave(g.samples, false);
        const qint64 end = g.start + qint64(std::llround(double(g.samples.size()) * 1e6 / g.rate));
        insWave.bind(1, g.bed).bind(2, g.stay).bind(3, g.channel).bind(4, g.start).bind(5, end);
        insWave.bind(6, g.rate).bind(7, qint64(g.samples.size())).bind(8, g.gain).bind(9, g.baseline);
        insWave.bind(10, g.quant).bindBlob(11, blob).run();
        g.samples.clear();
    };
    int merged = 0;
    while (sel.step()) {
        if (!decodeWave(sel.blob(8), dec, &err)) {
            qCWarning(lcArchive, "dropping a damaged tail segment: %s", err.c_str());
            continue;
        }
        const qint64 bedId = sel.i64(0), stay = sel.i64(1), ch = sel.i64(2), start = sel.i64(3);
        const double rate = sel.dbl(4), gain = sel.dbl(5);
        const int baseline = int(sel.i64(6)), quant = int(sel.i64(7));
        const double period = 1e6 / rate;
        const double expected = double(g.start) + double(g.samples.size()) * period;
        const bool joins = !g.samples.empty() && bedId == g.bed && ch == g.channel && stay == g.stay &&
                           rate == g.rate && gain == g.gain && baseline == g.baseline && quant == g.quant &&
                           std::fabs(double(start) - expected) <= std::max(1.0, 0.5 * period) &&
                           double(g.samples.size() + dec.size()) * period < double(kMaxWaveChunkUs);
        if (!joins) {
            flush();
            g = Group{bedId, stay, ch, start, rate, gain, baseline, quant, {}};
        }
        g.samples.insert(g.samples.end(), dec.begin(), dec.end());
        ++merged;
    }
    flush();
    db.exec("DELETE FROM wave_tail");
    mergedTails = merged;
}

void Archive::Private::mergeNumericTails()
{
    sql::Stmt sel(db.handle(), "SELECT bed_id, stay_id, nid, start_ms, data FROM numeric_tail "
                               "ORDER BY bed_id, nid, start_ms, id");
    qint64 bed = -1, stay = -1, nid = -1, start = 0;
    std::vector<std::int32_t> offsets, off;
    std::vector<double> values, val;
    std::string err;
    auto flush = [&] {
        if (offsets.empty())
            return;
        const std::vector<std::uint8_t> blob = encodeNumeric(offsets, values);
        insNum.bind(1, bed).bind(2, nid).bind(3, start).bind(4, stay).bind(5, start + offsets.back());
        insNum.bind(6, qint64(offsets.size())).bindBlob(7, blob).run();
        offsets.clear();
        values.clear();
    };
    while (sel.step()) {
        if (!decodeNumeric(sel.blob(4), off, val, &err) || off.empty())
            continue;
        const qint64 b = sel.i64(0), s = sel.i64(1), id = sel.i64(2), t = sel.i64(3);
        const bool joins = !offsets.empty() && b == bed && s == stay && id == nid &&
                           t + off.back() - start < kMaxNumericChunkMs && t >= start + offsets.back();
        if (!joins) {
            flush();
            bed = b;
            stay = s;
            nid = id;
            start = t;
        }
        for (std::size_t i = 0; i < off.size(); ++i) {
            offsets.push_back(std::int32_t(t + off[i] - start));
            values.push_back(val[i]);
        }
    }
    flush();
    db.exec("DELETE FROM numeric_tail");
}

void Archive::Private::loadBeds()
{
    beds.clear();
    sql::Stmt sel(db.handle(), "SELECT id, key, label FROM bed");
    sql::Stmt stay(db.handle(),
                   "SELECT id, patient_id, patient_name, profile FROM stay WHERE bed_id = ?1 AND "
                   "end_ms IS NULL ORDER BY start_ms DESC, id DESC LIMIT 1");
    while (sel.step()) {
        BedState b;
        b.id = sel.i64(0);
        b.key = sel.text(1);
        b.label = sel.text(2);
        stay.bind(1, b.id);
        if (stay.step()) {
            b.stayOpen = true;
            b.stayId = stay.i64(0);
            b.patientName = stay.text(2);
            const QString id = stay.text(1);
            b.patientIdent = !id.isEmpty() ? id : b.patientName;
            b.profile = PatientProfile(stay.i64(3));
        }
        stay.reset();
        beds.insert(b.key, std::move(b));
    }
    needRecovery = false;
}

BedState &Archive::Private::bed(const QString &key, const QString &label)
{
    auto it = beds.find(key);
    if (it == beds.end()) {
        insBed.bind(1, key).bind(2, label.isNull() ? QStringLiteral("") : label).run();
        BedState b;
        b.id = sqlite3_last_insert_rowid(db.handle());
        b.key = key;
        b.label = label;
        it = beds.insert(key, std::move(b));
    } else if (!label.isEmpty() && label != it->label) {
        updBedLabel.bind(1, it->id).bind(2, label).run();
        it->label = label;
    }
    return *it;
}

void Archive::Private::apply(const Item &item)
{
    if (const auto *u = std::get_if<BedUpdate>(&item.payload)) {
        if (!u->bedKey.isEmpty())
            applyUpdate(*u, item.receivedMs);
    } else if (const auto *a = std::get_if<AlarmRecord>(&item.payload)) {
        qint64 bedId = 0, stayId = 0;
        if (!a->bedKey.isEmpty()) {
            BedState &b = bed(a->bedKey, {});
            bedId = b.id;
            stayId = b.stayOpen ? b.stayId : 0;
        }
        auto &s = insAlarm;
        bedId ? s.bind(1, bedId) : s.bindNull(1);
        stayId ? s.bind(2, stayId) : s.bindNull(2);
        s.bind(3, a->alarmId.isNull() ? QStringLiteral("") : a->alarmId);
        s.bind(4, a->timeMs ? a->timeMs : item.receivedMs);
        a->onsetMs ? s.bind(5, a->onsetMs) : s.bindNull(5);
        s.bind(6, int(a->source)).bind(7, storedKind(a->kind)).bind(8, storedPriority(a->priority));
        s.bind(9, int(a->step));
        s.bind(10, a->state).bind(11, a->code.isNull() ? QStringLiteral("") : a->code).bind(12, a->text);
        s.bind(13, a->metric).bindOptional(14, a->value).bindOptional(15, a->limitLow);
        s.bindOptional(16, a->limitHigh).bind(17, a->unit).bind(18, a->user).run();
    } else if (const auto *e = std::get_if<ArchiveEvent>(&item.payload)) {
        qint64 bedId = 0, stayId = 0;
        if (!e->bedKey.isEmpty()) {
            BedState &b = bed(e->bedKey, {});
            bedId = b.id;
            stayId = b.stayOpen ? b.stayId : 0;
        }
        bedId ? insEvent.bind(1, bedId) : insEvent.bindNull(1);
        stayId ? insEvent.bind(2, stayId) : insEvent.bindNull(2);
        insEvent.bind(3, e->timeMs ? e->timeMs : item.receivedMs);
        insEvent.bind(4, e->type.isEmpty() ? QStringLiteral("note") : e->type).bind(5, e->text).run();
    } else if (const auto *d = std::get_if<Discharge>(&item.payload)) {
        BedState &b = bed(d->bedKey, {});
        if (b.stayOpen) {
            closeBedSeries(b, true);
            const qint64 t = d->timeMs ? d->timeMs : item.receivedMs;
            closeStay(b, t);
            insEvent.bind(1, b.id).bind(2, b.stayId).bind(3, t).bind(4, QStringLiteral("discharge"));
            insEvent.bind(5, b.patientName).run();
        }
    }
}

void Archive::Private::applyUpdate(const BedUpdate &u, qint64 receivedMs)
{
    BedState &b = bed(u.bedKey, u.bedLabel);
    qint64 t0 = std::numeric_limits<qint64>::max();
    for (const NumericSample &n : u.numerics)
        t0 = std::min(t0, n.timeMs);
    for (const WaveBlock &w : u.waves)
        t0 = std::min(t0, w.startTimeUs / 1000);
    if (t0 == std::numeric_limits<qint64>::max())
        t0 = receivedMs;

    if (u.patient) {
        const QString ident = patientIdentity(*u.patient);
        if (!ident.isEmpty()) {
            if (!b.stayOpen || b.patientIdent != ident) {
                // A different patient on the bed: what came before belongs to the previous stay.
                closeBedSeries(b, true);
                if (b.stayOpen)
                    closeStay(b, t0);
                openStay(b, &*u.patient, u.sourceId, t0);
            } else if (u.patient->name != b.patientName || u.patient->profile != b.profile) {
                updStayPatient.bind(1, b.stayId)
                    .bind(2, u.patient->name)
                    .bind(3, int(u.patient->profile))
                    .run();
                b.patientName = u.patient->name;
                b.profile = u.patient->profile;
            }
        }
    }
    if (!b.stayOpen)
        openStay(b, nullptr, u.sourceId, t0);

    const auto now = SteadyClock::now();
    for (const WaveBlock &w : u.waves)
        appendWave(b, w, now);
    for (const NumericSample &n : u.numerics)
        appendNumeric(b, n, now);
    // u.conditions are not archived here: the station records every technical condition, whichever path
    // it came by (device report, PCD-04 alarm, its own detection), as one episode from its alarm engine
    // (storeCondition), so a lead-off reported twice is still one episode.
}

void Archive::Private::openStay(BedState &b, const PatientInfo *p, const QString &source, qint64 t)
{
    insStay.bind(1, b.id);
    if (p) {
        insStay.bind(2, p->id.isEmpty() ? QString() : p->id).bind(3, p->name).bind(4, int(p->profile));
    } else {
        insStay.bindNull(2).bindNull(3).bind(4, 0);
    }
    insStay.bind(5, t).bind(6, source).run();
    b.stayId = sqlite3_last_insert_rowid(db.handle());
    b.stayOpen = true;
    b.patientIdent = p ? patientIdentity(*p) : QString();
    b.patientName = p ? p->name : QString();
    b.profile = p ? p->profile : PatientProfile::Adult;
}

void Archive::Private::closeStay(BedState &b, qint64 t)
{
    endStay.bind(1, b.stayId).bind(2, t).run();
    b.stayOpen = false;
    b.patientIdent.clear();
    b.patientName.clear();
}

void Archive::Private::appendWave(BedState &b, const WaveBlock &w, SteadyClock::time_point now)
{
    if (!(w.sampleRate > 0) || !std::isfinite(w.sampleRate) || w.samples.empty())
        return;
    const int idx = int(w.id);
    if (idx < 0 || idx >= kWaveCount)
        return;
    WaveSeries &s = b.waves[std::size_t(idx)];
    const bool sourceScale = w.gain > 0 && std::isfinite(w.gain);
    const double gain = sourceScale ? w.gain : defaultGain(w.id);
    const int baseline = sourceScale ? w.baseline : 0;
    const double period = 1e6 / w.sampleRate;
    const bool contiguous =
        s.runValid && s.rate == w.sampleRate && s.gain == gain && s.baseline == baseline &&
        s.stayId == b.stayId &&
        std::fabs(double(w.startTimeUs - s.runAnchorUs) - double(s.runCount) * period) <= 0.5 * period;
    if (!contiguous) {
        closeWave(b, w.id);
        s.runValid = true;
        s.runAnchorUs = w.startTimeUs;
        s.runCount = 0;
        s.rate = w.sampleRate;
        s.gain = gain;
        s.baseline = baseline;
        s.quant = sourceScale ? 0 : 1;
        s.stayId = b.stayId;
    }
    const std::size_t chunkSamples = std::size_t(waveChunkSamples(s.rate));
    for (float x : w.samples) {
        if (std::isnan(x)) {
            // No data: a gap, which the chunk layout expresses by ending the chunk here.
            if (!s.samples.empty())
                closeWave(b, w.id);
            ++s.runCount;
            continue;
        }
        if (s.samples.empty()) {
            s.chunkRunIndex = s.runCount;
            s.samples.reserve(chunkSamples);
        }
        s.samples.push_back(toAdu(x, gain, baseline));
        ++s.runCount;
        if (s.samples.size() >= chunkSamples)
            closeWave(b, w.id);
    }
    s.lastInput = now;
}

void Archive::Private::closeWave(BedState &b, WaveId id)
{
    WaveSeries &s = b.waves[std::size_t(id)];
    if (s.samples.empty())
        return;
    const std::vector<std::uint8_t> blob = encodeWave(s.samples, false);
    const qint64 n = qint64(s.samples.size());
    insWave.bind(1, b.id).bind(2, s.stayId).bind(3, int(id)).bind(4, s.timeOf(s.chunkRunIndex));
    insWave.bind(5, s.timeOf(s.chunkRunIndex + n)).bind(6, s.rate).bind(7, n).bind(8, s.gain);
    insWave.bind(9, s.baseline).bind(10, s.quant).bindBlob(11, blob).run();
    for (qint64 rowId : s.tailIds)
        delWaveTail.bind(1, rowId).run();
    s.tailIds.clear();
    s.samples.clear();
    s.persisted = 0;
}

void Archive::Private::appendNumeric(BedState &b, const NumericSample &n, SteadyClock::time_point now)
{
    const int idx = int(n.id);
    if (idx < 0 || idx >= kNumericCount || !std::isfinite(n.value))
        return;
    NumericSeries &s = b.numerics[std::size_t(idx)];
    const qint64 spanMs = std::min<qint64>(qint64(opt.numericChunkSeconds) * 1000, kMaxNumericChunkMs - 1);
    if (!s.offsets.empty() && (s.stayId != b.stayId || n.timeMs < s.startMs + s.offsets.back() ||
                               n.timeMs - s.startMs >= spanMs || s.offsets.size() >= 512))
        closeNumeric(b, n.id);
    if (s.offsets.empty()) {
        s.startMs = n.timeMs;
        s.stayId = b.stayId;
    }
    s.offsets.push_back(std::int32_t(n.timeMs - s.startMs));
    s.values.push_back(n.value);
    s.lastInput = now;
}

void Archive::Private::closeNumeric(BedState &b, NumericId id)
{
    NumericSeries &s = b.numerics[std::size_t(id)];
    if (s.offsets.empty())
        return;
    const std::vector<std::uint8_t> blob = encodeNumeric(s.offsets, s.values);
    insNum.bind(1, b.id).bind(2, int(id)).bind(3, s.startMs).bind(4, s.stayId);
    insNum.bind(5, s.startMs + s.offsets.back()).bind(6, qint64(s.offsets.size())).bindBlob(7, blob).run();
    for (qint64 rowId : s.tailIds)
        delNumTail.bind(1, rowId).run();
    s.tailIds.clear();
    s.offsets.clear();
    s.values.clear();
    s.persisted = 0;
}

void Archive::Private::closeBedSeries(BedState &b, bool endRuns)
{
    for (int i = 0; i < kWaveCount; ++i) {
        closeWave(b, WaveId(i));
        if (endRuns)
            b.waves[std::size_t(i)].runValid = false;
    }
    for (int i = 0; i < kNumericCount; ++i)
        closeNumeric(b, NumericId(i));
}

void Archive::Private::closeIdle(SteadyClock::time_point now)
{
    const auto limit = std::chrono::milliseconds(opt.idleCloseMs);
    for (BedState &b : beds) {
        for (int i = 0; i < kWaveCount; ++i) {
            if (!b.waves[std::size_t(i)].samples.empty() && now - b.waves[std::size_t(i)].lastInput > limit)
                closeWave(b, WaveId(i));
        }
        for (int i = 0; i < kNumericCount; ++i) {
            if (!b.numerics[std::size_t(i)].offsets.empty() &&
                now - b.numerics[std::size_t(i)].lastInput > limit)
                closeNumeric(b, NumericId(i));
        }
    }
}

bool Archive::Private::hasIdle(SteadyClock::time_point now) const
{
    const auto limit = std::chrono::milliseconds(opt.idleCloseMs);
    for (const BedState &b : beds) {
        for (const WaveSeries &s : b.waves) {
            if (!s.samples.empty() && now - s.lastInput > limit)
                return true;
        }
        for (const NumericSeries &s : b.numerics) {
            if (!s.offsets.empty() && now - s.lastInput > limit)
                return true;
        }
    }
    return false;
}

// Makes the unwritten part of every open chunk durable, as a tail segment. This is what lets a commit
// acknowledge samples long before their chunk is complete.
void Archive::Private::writeTails()
{
    for (BedState &b : beds) {
        for (int i = 0; i < kWaveCount; ++i) {
            WaveSeries &s = b.waves[std::size_t(i)];
            if (s.samples.size() <= s.persisted)
                continue;
            const std::span<const std::int32_t> part(s.samples.data() + s.persisted,
                                                     s.samples.size() - s.persisted);
            const std::vector<std::uint8_t> blob = encodeWave(part, true);
            const qint64 first = s.chunkRunIndex + qint64(s.persisted);
            auto &st = insWaveTail;
            st.bind(1, b.id).bind(2, s.stayId).bind(3, i).bind(4, s.timeOf(first));
            st.bind(5, s.timeOf(first + qint64(part.size()))).bind(6, s.rate).bind(7, qint64(part.size()));
            st.bind(8, s.gain).bind(9, s.baseline).bind(10, s.quant).bindBlob(11, blob).run();
            s.tailIds.push_back(sqlite3_last_insert_rowid(db.handle()));
            s.persisted = s.samples.size();
        }
        for (int i = 0; i < kNumericCount; ++i) {
            NumericSeries &s = b.numerics[std::size_t(i)];
            if (s.offsets.size() <= s.persisted)
                continue;
            const std::size_t k = s.persisted, count = s.offsets.size() - k;
            const qint64 start = s.startMs + s.offsets[k];
            std::vector<std::int32_t> off(count);
            for (std::size_t j = 0; j < count; ++j)
                off[j] = std::int32_t(s.startMs + s.offsets[k + j] - start);
            const std::vector<std::uint8_t> blob =
                encodeNumeric(off, std::span<const double>(s.values.data() + k, count));
            insNumTail.bind(1, b.id).bind(2, s.stayId).bind(3, i).bind(4, start).bind(5, start + off.back());
            insNumTail.bind(6, qint64(count)).bindBlob(7, blob).run();
            s.tailIds.push_back(sqlite3_last_insert_rowid(db.handle()));
            s.persisted = s.offsets.size();
        }
    }
}

int Archive::Private::purgeStep()
{
    double waveH, numD;
    {
        std::lock_guard g(mutex);
        waveH = waveRetentionHours;
        numD = numericRetentionDays;
    }
    const qint64 now = nowMs();
    const qint64 waveCutUs = (now - qint64(waveH * 3'600'000.0)) * 1000;
    const qint64 numCutMs = now - qint64(numD * 86'400'000.0);
    int budget = std::max(1, opt.purgeStepRows);
    int deleted = 0;
    sqlite3 *h = db.handle();
    auto take = [&](sql::Stmt &st) {
        st.run();
        const int k = sqlite3_changes(h);
        deleted += k;
        budget -= k;
    };
    sql::Stmt waves(h, "DELETE FROM wave_chunk WHERE id IN (SELECT id FROM wave_chunk WHERE bed_id = ?1 AND "
                       "channel = ?2 AND start_us < ?3 AND end_us <= ?3 ORDER BY start_us LIMIT ?4)");
    sql::Stmt nums(
        h, "DELETE FROM numeric_chunk WHERE bed_id = ?1 AND nid = ?2 AND start_ms IN (SELECT start_ms "
           "FROM numeric_chunk WHERE bed_id = ?1 AND nid = ?2 AND start_ms < ?3 AND end_ms < ?3 "
           "ORDER BY start_ms LIMIT ?4)");
    for (const BedState &b : std::as_const(beds)) {
        for (int c = 0; c < kWaveCount && budget > 0; ++c) {
            waves.bind(1, b.id).bind(2, c).bind(3, waveCutUs).bind(4, budget);
            take(waves);
        }
        for (int c = 0; c < kNumericCount && budget > 0; ++c) {
            nums.bind(1, b.id).bind(2, c).bind(3, numCutMs).bind(4, budget);
            take(nums);
        }
        if (budget <= 0)
            break;
    }
    if (budget > 0) {
        sql::Stmt alarms(h, "DELETE FROM alarm_event WHERE id IN (SELECT id FROM alarm_event WHERE t_ms < ?1 "
                            "ORDER BY t_ms LIMIT ?2)");
        alarms.bind(1, numCutMs).bind(2, budget);
        take(alarms);
    }
    if (budget > 0) {
        sql::Stmt events(h,
                         "DELETE FROM event WHERE id IN (SELECT id FROM event WHERE t_ms < ?1 ORDER BY t_ms "
                         "LIMIT ?2)");
        events.bind(1, numCutMs).bind(2, budget);
        take(events);
    }
    if (budget > 0) {
        sql::Stmt stays(h, "DELETE FROM stay WHERE id IN (SELECT id FROM stay WHERE end_ms IS NOT NULL AND "
                           "end_ms < ?1 LIMIT ?2)");
        stays.bind(1, numCutMs).bind(2, budget);
        take(stays);
    }
    std::lock_guard g(mutex);
    ++healthState.purgeSteps;
    healthState.purgedRows += quint64(deleted);
    healthState.largestPurgeStep = std::max(healthState.largestPurgeStep, deleted);
    return deleted;
}

bool Archive::Private::isDropped(quint64 t) const
{
    for (const auto &r : dropped) {
        if (t >= r.first && t <= r.second)
            return true;
    }
    return false;
}

void Archive::Private::resolveWaiters()
{
    while (!waiters.empty() && waiters.begin()->first <= durable) {
        auto node = waiters.extract(waiters.begin());
        node.mapped()(!isDropped(node.key()));
    }
    if (inError)
        failAllWaiters();
}

void Archive::Private::failAllWaiters()
{
    // Ticket order, as promised, even for failures.
    while (!waiters.empty()) {
        auto node = waiters.extract(waiters.begin());
        node.mapped()(node.key() <= durable && !isDropped(node.key()));
    }
}

void Archive::Private::dropForMemory()
{
    qint64 queued;
    {
        std::lock_guard g(mutex);
        queued = queueBytes;
    }
    quint64 count = 0;
    while (!pending.empty() && pendingBytes + queued > opt.maxQueuedBytes) {
        const Item &it = pending.front();
        if (!dropped.empty() && dropped.back().second + 1 == it.ticket)
            dropped.back().second = it.ticket;
        else
            dropped.emplace_back(it.ticket, it.ticket);
        durable = std::max(durable, it.ticket);
        pendingBytes -= it.bytes;
        pending.pop_front();
        ++count;
    }
    if (count) {
        std::lock_guard g(mutex);
        healthState.droppedItems += count;
        healthState.durableTicket = durable;
        healthState.queuedBytes = pendingBytes;
    }
    if (dropped.size() > 4096)
        dropped.erase(dropped.begin(), dropped.begin() + 2048); // old ranges nobody will ask about again
}

void Archive::Private::publishHealth(bool notify)
{
    std::function<void(const ArchiveHealth &)> cb;
    ArchiveHealth copy;
    {
        std::lock_guard g(mutex);
        healthState.durableTicket = durable;
        healthState.writerCpuNs = threadCpuNs();
        healthState.walFramesWritten = walFramesWritten;
        healthState.queuedBytes = pendingBytes;
        if (notify && healthCb) {
            cb = healthCb;
            copy = healthState;
        }
    }
    if (cb)
        cb(copy);
}

// ============================================================================================ public

Archive::Archive(std::unique_ptr<Private> dd) : d(std::move(dd)) {}

std::unique_ptr<Archive> Archive::open(const QString &path, const ArchiveOptions &options, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    auto d = std::make_unique<Private>();
    d->path = QFileInfo(path).absoluteFilePath();
    d->opt = options;
    d->opt.commitIntervalMs = std::max(1, d->opt.commitIntervalMs);
    d->opt.retryIntervalMs = std::max(10, d->opt.retryIntervalMs);
    d->opt.purgeIntervalMs = std::max(10, d->opt.purgeIntervalMs);
    d->opt.numericChunkSeconds = std::max(1, d->opt.numericChunkSeconds);
    d->waveRetentionHours = options.waveRetentionHours;
    d->numericRetentionDays = options.numericRetentionDays;

    const QFileInfo fi(d->path);
    if (!QDir().mkpath(fi.absolutePath())) {
        *error = QStringLiteral("cannot create the archive folder %1").arg(fi.absolutePath());
        return nullptr;
    }
    // Two writers on one file would each believe they own the open chunks and stays.
    d->lock = std::make_unique<QLockFile>(d->path + QStringLiteral(".lock"));
    d->lock->setStaleLockTime(0);
    if (!d->lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        d->lock->getLockInfo(&pid, &host, &app);
        *error =
            d->lock->error() == QLockFile::LockFailedError
                ? QStringLiteral("archive %1 is already open for writing by %2 (pid %3 on %4)")
                      .arg(d->path, app)
                      .arg(pid)
                      .arg(host)
                : QStringLiteral("cannot create the lock file %1.lock (folder not writable?)").arg(d->path);
        return nullptr;
    }
    try {
        d->db.open(d->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (!schema::prepareForWriting(d->db, error))
            return nullptr;
        d->prepare();
        d->healthState.pageSize = int(d->db.scalar("PRAGMA page_size"));
    } catch (const sql::SqlError &e) {
        *error = QStringLiteral("cannot open archive %1: %2").arg(d->path, QString::fromStdString(e.what()));
        return nullptr;
    }
    Private *p = d.get();
    sqlite3_wal_hook(
        d->db.handle(),
        [](void *ctx, sqlite3 *, const char *, int pages) {
            auto *self = static_cast<Private *>(ctx);
            self->walFramesWritten += quint64(pages >= self->walPages ? pages - self->walPages : pages);
            self->walPages = pages;
            return SQLITE_OK;
        },
        p);
    d->thread = std::thread([p] { p->run(); });
    return std::unique_ptr<Archive>(new Archive(std::move(d)));
}

Archive::~Archive()
{
    {
        std::lock_guard g(d->mutex);
        d->stop = true;
    }
    d->cv.notify_all();
    if (d->thread.joinable())
        d->thread.join();
}

namespace {

template <typename T> quint64 enqueue(Archive::Private &d, T &&payload, qint64 bytes, qint64 nowMs)
{
    std::unique_lock lk(d.mutex);
    const quint64 ticket = ++d.nextTicket;
    d.queue.push_back(Item{ticket, nowMs, bytes, std::forward<T>(payload)});
    d.queueBytes += bytes;
    d.healthState.lastTicket = ticket;
    const bool wake = d.queueBytes >= d.opt.commitEarlyBytes;
    lk.unlock();
    if (wake)
        d.cv.notify_one();
    return ticket;
}

} // namespace

quint64 Archive::store(const BedUpdate &update)
{
    return enqueue(*d, BedUpdate(update), sizeOf(update), d->nowMs());
}

quint64 Archive::storeAlarmEvent(const AlarmRecord &alarm)
{
    return enqueue(*d, AlarmRecord(alarm), 512, d->nowMs());
}

quint64 Archive::storeEvent(const QString &bedKey, qint64 timeMs, const QString &type, const QString &text)
{
    return enqueue(*d, ArchiveEvent{bedKey, timeMs, type, {}, text}, 256 + text.size() * 2, d->nowMs());
}

quint64 Archive::storeCondition(const QString &bedKey, qint64 timeMs, bool on, const QString &code,
                                const QString &text)
{
    return storeEvent(bedKey, timeMs, on ? kConditionOn : kConditionOff, conditionEventText(code, text));
}

quint64 Archive::discharge(const QString &bedKey, qint64 timeMs)
{
    return enqueue(*d, Discharge{bedKey, timeMs}, 64, d->nowMs());
}

void Archive::notifyDurable(quint64 ticket, std::function<void(bool ok)> done)
{
    {
        std::lock_guard g(d->mutex);
        d->newWaiters.emplace_back(ticket, std::move(done));
    }
    d->cv.notify_one();
}

bool Archive::flush(int timeoutMs)
{
    quint64 ticket;
    {
        std::lock_guard g(d->mutex);
        ticket = d->nextTicket;
        if (ticket == 0)
            return true;
        d->urgent = true;
    }
    struct Shared
    {
        std::mutex m;
        std::condition_variable cv;
        bool done = false;
        bool ok = false;
    };
    auto shared = std::make_shared<Shared>();
    notifyDurable(ticket, [shared](bool ok) {
        std::lock_guard g(shared->m);
        shared->done = true;
        shared->ok = ok;
        shared->cv.notify_all();
    });
    std::unique_lock lk(shared->m);
    if (!shared->cv.wait_for(lk, std::chrono::milliseconds(timeoutMs), [&] { return shared->done; }))
        return false;
    return shared->ok;
}

ArchiveHealth Archive::health() const
{
    ArchiveHealth h;
    {
        std::lock_guard g(d->mutex);
        h = d->healthState;
        h.queuedItems = h.lastTicket - h.durableTicket;
        h.queuedBytes += d->queueBytes; // healthState holds the writer's part
    }
    h.bytesOnDisk = QFileInfo(d->path).size() + QFileInfo(d->path + QStringLiteral("-wal")).size();
    return h;
}

void Archive::setHealthCallback(std::function<void(const ArchiveHealth &)> callback)
{
    std::lock_guard g(d->mutex);
    d->healthCb = std::move(callback);
}

void Archive::setRetention(double waveHours, double numericDays)
{
    std::lock_guard g(d->mutex);
    d->waveRetentionHours = waveHours;
    d->numericRetentionDays = numericDays;
}

QString Archive::path() const
{
    return d->path;
}

} // namespace vigil::archive
