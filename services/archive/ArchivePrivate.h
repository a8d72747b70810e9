// Internal to the archive writer (services/archive/Archive*.cpp): the state its parts share. Not installed,
// not included outside this folder. The parts, one job each:
//   Archive.cpp          public API: open and close, the queue that store() fills, tickets, flush, health
//   ArchiveWriter.cpp    the writer thread: when to commit, transactions, failure and retry, answering
//                        tickets in order, the memory bound on a backlog
//   ArchiveChunks.cpp    applying queued items: beds, stays, waveform and numeric chunks, tail segments
//   ArchiveRecovery.cpp  after a crash or a failed commit: tail segments merged, open stays reloaded
//   ArchiveRetention.cpp purging what is older than the retention, one bounded step per commit
#pragma once

#include "Archive.h"
#include "Sqlite.h"

#include <QDateTime>
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
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcArchive)

namespace vigil::archive {

namespace writer {

using SteadyClock = std::chrono::steady_clock;
using Callback = std::function<void(bool)>;

struct Discharge
{
    QString bedKey;
    qint64 timeMs = 0;
};

// The census names the bed's patient (Archive::admit).
struct Admission
{
    QString bedKey;
    PatientInfo patient;
    QString source;
    qint64 timeMs = 0;
};

struct Item
{
    quint64 ticket = 0;
    qint64 receivedMs = 0;
    qint64 bytes = 0;
    std::variant<BedUpdate, AlarmRecord, ArchiveEvent, Discharge, Admission> payload;
};

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
    bool census = false; // the open stay's patient comes from the census: monitors do not change it
    std::array<WaveSeries, kWaveCount> waves;
    std::array<NumericSeries, kNumericCount> numerics;
};

} // namespace writer

// Shared by the producers (the members under "mutex") and the writer thread (the rest).
struct Archive::Private
{
    using SteadyClock = writer::SteadyClock;
    using Callback = writer::Callback;
    using Item = writer::Item;
    using BedState = writer::BedState;
    using Admission = writer::Admission;

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
    sql::Stmt insBed, updBedLabel, insStay, endStay, updStayPatient, updStayIdentity, insWave, insWaveTail,
        delWaveTail, insNum, insNumTail, delNumTail, insAlarm, insEvent;

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
    void applyAdmission(const Admission &a, qint64 receivedMs);
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

// Why a write failed, in words for the technical condition (disk full, read-only, file size limit...).
QString describeFailure(const sql::SqlError &e, const QString &path);

} // namespace vigil::archive
