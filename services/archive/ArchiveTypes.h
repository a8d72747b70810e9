// Value types of the full-disclosure archive: what goes in besides BedUpdate (alarm lifecycle steps,
// events), how the writer is configured and how it reports its health, and what the read API returns.
// The schema and the design behind it are in docs/ARCHIVE.md.
#pragma once

#include "Alarm.h"
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

// A step in the lifecycle of one alarm as the archive records it. Not the PCD-04 event phase
// (alarms::Phase, what a device reports): this is what happened to the alarm at the station, including
// the user's actions (acknowledge, silence, reset). Stored as the integer (docs/ARCHIVE.md); the names are
// those of alarmStepName().
enum class AlarmStep : quint8 {
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

// One step in the life of one alarm. The alarm engine (and the PCD-04 gateway) write a row per step:
// start, escalation, acknowledge, silence, end, reset... all with the same alarmId. Kept general on
// purpose: anything the engine does not know is left at its default and stored as NULL/0. Priority and
// kind are the station's one alarm vocabulary (models/domain/Alarm.h); empty = not known.
struct AlarmRecord
{
    enum class Source : quint8 { Other, Gateway, Limit, Technical };

    QString alarmId; // stable across every step of one alarm (PCD-04 OBR-3, or the engine's id)
    QString bedKey;  // empty for station-wide alarms
    Source source = Source::Other;
    QString code;   // what: MDC event REFID/number, limit id ("hr_high"), technical code ("lead_off")
    QString text;   // as the nurse read it
    QString metric; // the measurement in alarm (NumericInfo key or MDC REFID), empty if none
    std::optional<alarms::Priority> priority;
    std::optional<alarms::Kind> kind;
    AlarmStep step = AlarmStep::Unknown;
    QString state; // device/engine state as reported ("active", "latched", "audio-paused"...)
    double value = std::numeric_limits<double>::quiet_NaN();     // NaN = none
    double limitLow = std::numeric_limits<double>::quiet_NaN();  // NaN = none
    double limitHigh = std::numeric_limits<double>::quiet_NaN(); // NaN = none
    QString unit;
    qint64 timeMs = 0;  // when this step happened (UTC ms)
    qint64 onsetMs = 0; // when the alarm began; 0 = unknown
    QString user;       // who acknowledged, silenced or reset it
};

// Names as the exports write them: "gateway"..., alarms::nameOf() for a known priority or kind and
// "unknown" otherwise, "start" "continue" "update" "escalate" "de-escalate" "acknowledge" "silence" "end"
// "reset" ("unknown").
QString toString(AlarmRecord::Source v);
QString toString(std::optional<alarms::Priority> v);
QString toString(std::optional<alarms::Kind> v);
QString alarmStepName(AlarmStep v);

// The integers the schema stores (alarm_event.priority, .kind), unchanged since schema version 1 so
// existing archives read the same: priority unknown 0, none 1, low 2, medium 3, high 4; kind unknown 0,
// physiological 1, technical 2, advisory 3. A value out of range reads as unknown.
int storedPriority(std::optional<alarms::Priority> p);
int storedKind(std::optional<alarms::Kind> k);
std::optional<alarms::Priority> priorityFromStored(qint64 v);
std::optional<alarms::Kind> kindFromStored(qint64 v);
AlarmStep alarmStepFromStored(qint64 v);

// Event types the archive gives a meaning to. A technical condition (alarms::tech codes such as
// "lead_off", or a device's own technical code) is one condition_on row when it starts and one
// condition_off row when it ends, its text stored as "<code>: <text>" (the format since schema 1).
inline const QString kConditionOn = QStringLiteral("condition_on");
inline const QString kConditionOff = QStringLiteral("condition_off");
inline const QString kNote = QStringLiteral("note");
inline const QString kDischarge = QStringLiteral("discharge");
// The nurse's handover (I-PASS illness severity and notes) for a bed: one event row per save, its text
// the JSON object {"severity","notes","user"}; the latest row at or before a time is the handover then.
inline const QString kHandover = QStringLiteral("handover");
// A station alarm limit changed by a user: text "<numeric key> <low>–<high> by <user>" (issue 10).
inline const QString kLimitChange = QStringLiteral("limit_change");

struct HandoverRecord
{
    QString bedKey;
    qint64 timeMs = 0;
    QString severity; // "stable", "watcher", "unstable" or empty (not assessed)
    QString notes;    // action list / notes as typed
    QString user;     // who saved it
};
QString handoverEventText(const HandoverRecord &h);
bool parseHandoverEventText(const QString &stored, HandoverRecord *h);

struct ArchiveEvent
{
    QString bedKey; // empty for station-wide events
    qint64 timeMs = 0;
    QString type; // kConditionOn, kConditionOff, kNote, kDischarge, ...
    QString code; // condition events: the condition's code (read from the stored text); else empty
    QString text; // what the nurse read (for condition events without the "<code>: " prefix)
};

// "<code>: <text>", the stored text of a condition event, and back (code empty when the text has no
// prefix; codes never contain ": ").
QString conditionEventText(const QString &code, const QString &text);
void splitConditionEventText(const QString &stored, QString *code, QString *text);

// One technical condition from its start to its end, folded from its condition_on / condition_off rows.
struct ConditionEpisode
{
    QString bedKey; // empty for station-wide conditions
    QString code;
    QString text;
    std::optional<qint64> startMs; // empty: started before anything archived (purged, or before the range)
    std::optional<qint64> endMs;   // empty: still present at the end of what was read
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
