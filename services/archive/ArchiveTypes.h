// Value types of the full-disclosure archive: what goes in besides BedUpdate (alarm lifecycle steps,
// events), how the writer is configured and how it reports its health, and what the read API returns.
// The schema and the design behind it are in docs/ARCHIVE.md.
#pragma once

#include "Vitals.h"

#include <QString>
#include <QtGlobal>

#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace vigil::archive {

inline constexpr int kSchemaVersion = 2;
inline constexpr qint32 kApplicationId = 0x5647494C; // "VGIL": PRAGMA application_id of every archive

// Hard caps the readers rely on to turn "chunks overlapping [t1, t2)" into an index range: no chunk
// starts more than this before its last sample. The writer never exceeds them whatever the options say.
inline constexpr qint64 kMaxWaveChunkUs = 60'000'000;
inline constexpr qint64 kMaxNumericChunkMs = 120'000;

// One step in the life of one alarm. The alarm engine (and the PCD-04 gateway) write a row per step:
// start, escalation, acknowledge, silence, end, reset... all with the same alarmId. Kept general on
// purpose: anything the engine does not know is left at its default and stored as NULL/0.
struct AlarmRecord
{
    enum class Source : quint8 { Other, Gateway, Limit, Technical };
    enum class Kind : quint8 { Unknown, Physiological, Technical, Advisory };
    enum class Priority : quint8 { Unknown, None, Low, Medium, High };
    enum class Phase : quint8 {
        Unknown,
        Start,
        Continue,
        Update,
        Escalate,
        DeEscalate,
        Acknowledge,
        Silence,
        End,
        Reset
    };

    QString alarmId; // stable across every step of one alarm (PCD-04 OBR-3, or the engine's id)
    QString bedKey;  // empty for station-wide alarms
    Source source = Source::Other;
    QString code;   // what: MDC event REFID/number, limit id ("hr_high"), technical code ("lead_off")
    QString text;   // as the nurse read it
    QString metric; // the measurement in alarm (NumericInfo key or MDC REFID), empty if none
    Priority priority = Priority::Unknown;
    Kind kind = Kind::Unknown;
    Phase phase = Phase::Unknown;
    QString state; // device/engine state as reported ("active", "latched", "audio-paused"...)
    double value = std::numeric_limits<double>::quiet_NaN();     // NaN = none
    double limitLow = std::numeric_limits<double>::quiet_NaN();  // NaN = none
    double limitHigh = std::numeric_limits<double>::quiet_NaN(); // NaN = none
    QString unit;
    qint64 timeMs = 0;  // when this step happened (UTC ms)
    qint64 onsetMs = 0; // when the alarm began; 0 = unknown
    QString user;       // who acknowledged, silenced or reset it
};

QString toString(AlarmRecord::Source v);
QString toString(AlarmRecord::Kind v);
QString toString(AlarmRecord::Priority v);
QString toString(AlarmRecord::Phase v);

struct ArchiveEvent
{
    QString bedKey; // empty for station-wide events
    qint64 timeMs = 0;
    QString type; // "condition_on", "condition_off", "note", "discharge", ...
    QString text;
};

struct ArchiveOptions
{
    // Writer batching: a transaction every commitIntervalMs while data flows, earlier when this many
    // bytes are queued. Each commit is fsynced (synchronous=FULL), so this is also the ACK latency.
    int commitIntervalMs = 200;
    qint64 commitEarlyBytes = 4 << 20;
    // Upper bound of sample bytes applied in one transaction when catching up on a backlog.
    qint64 maxTransactionBytes = 32 << 20;
    // Waveform chunk length (capped at kMaxWaveChunkUs) and numeric chunk span (capped below
    // kMaxNumericChunkMs). An open chunk with no new data for idleCloseMs is closed.
    double waveChunkSeconds = 4.0;
    int numericChunkSeconds = 60;
    int idleCloseMs = 10'000;
    // Retention. Waveforms: waveRetentionHours; numerics, alarms, events and stays: numericRetentionDays.
    double waveRetentionHours = 96.0;
    double numericRetentionDays = 30.0;
    // Purging: a step deletes at most purgeStepRows rows, every purgeIntervalMs (sooner while a step
    // hits its limit, so a shortened retention catches up without long transactions).
    int purgeStepRows = 256;
    int purgeIntervalMs = 5000;
    // While the archive cannot be written the queue keeps growing; beyond this the oldest queued data is
    // dropped (and reported) rather than the station running out of memory.
    qint64 maxQueuedBytes = qint64(256) << 20;
    int retryIntervalMs = 2000;
    // Wall clock (UTC ms) for retention and for updates without a time; tests replace it.
    std::function<qint64()> clock;
};

struct ArchiveHealth
{
    bool ok = true;
    QString error; // what failed and what it means, for the technical alarm; empty when ok
    qint64 errorSinceMs = 0;
    quint64 lastTicket = 0;    // highest ticket handed out
    quint64 durableTicket = 0; // everything at or below is committed or was dropped
    quint64 queuedItems = 0;   // accepted, not yet committed
    qint64 queuedBytes = 0;
    quint64 droppedItems = 0; // discarded because the archive was unwritable for too long
    qint64 lastCommitMs = 0;  // wall time of the last successful commit
    quint64 commits = 0;
    quint64 failedCommits = 0;
    qint64 bytesOnDisk = 0; // database + WAL
    // Figures for benchmarks and the stats command.
    qint64 writerCpuNs = 0;       // CPU time the writer thread used
    quint64 walFramesWritten = 0; // pages appended to the WAL
    int pageSize = 4096;
    quint64 purgeSteps = 0;
    quint64 purgedRows = 0;
    int largestPurgeStep = 0;
};

// ---------------------------------------------------------------------------------------- read API

struct BedRecord
{
    qint64 id = 0;
    QString key;
    QString label;
};

struct StayRecord
{
    qint64 id = 0;
    QString bedKey;
    QString bedLabel;
    QString patientId; // empty = unknown patient
    QString patientName;
    PatientProfile profile = PatientProfile::Adult;
    QString sourceId;
    qint64 startMs = 0;
    std::optional<qint64> endMs; // empty while the stay is open
    qint64 lastDataMs = 0;       // latest archived sample of the stay's bed within the stay (0 = none)
};

struct TrendPoint
{
    qint64 timeMs = 0; // sample time, or the mean time of a decimation bucket
    double value = 0;  // the sample, or the bucket mean
    double min = 0;    // bucket extremes (= value for raw samples)
    double max = 0;
};

struct TrendSeries
{
    NumericId id;
    qint64 rawCount = 0; // samples in the range before decimation
    std::vector<TrendPoint> points;
};

struct WaveStrip
{
    WaveId id;
    double sampleRate = 0;      // Hz
    qint64 startUs = 0;         // time of samples[0]; sample i is at startUs + i * 1e6 / sampleRate
    std::vector<float> samples; // in the channel's unit, NaN where nothing was archived
    double gain = 0;            // adu = round(sample * gain + baseline) recovers the stored integers
    int baseline = 0;
};

} // namespace vigil::archive
