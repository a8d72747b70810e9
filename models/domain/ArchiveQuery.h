// ArchiveQuery: how the model layer reads a bed's history (trends, full-disclosure waves, alarms, stays)
// without knowing where it is stored. services/archive implements it over the SQLite archive; tests use
// fakes.
//
// Every method may be called from any worker thread, and from several threads at once: implementations
// give each calling thread its own connection (or serialise internally). Calls block on I/O, so the GUI
// thread never calls them. Failures return empty results and, when `error` is given, set it; an empty
// result without an error means "nothing archived there".
#pragma once

#include "Alarm.h"
#include "Vitals.h"

#include <QString>
#include <QtGlobal>

#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace vigil {

struct ArchiveTrendPoint
{
    qint64 timeMs = 0; // sample time, or the mean time of a decimation bucket
    double value = 0;  // the sample, or the bucket mean
    double min = 0;    // bucket extremes (= value for a raw sample)
    double max = 0;
};

struct ArchiveTrendSeries
{
    NumericId id = NumericId::Hr;
    qint64 rawCount = 0; // samples in the range before decimation
    std::vector<ArchiveTrendPoint> points;
};

struct ArchiveWaveStrip
{
    WaveId id = WaveId::EcgII;
    double sampleRate = 0;      // Hz
    qint64 startUs = 0;         // time of samples[0]; sample i is at startUs + i * 1e6 / sampleRate
    std::vector<float> samples; // in the channel's unit, NaN where nothing was archived
};

// One alarm, its lifecycle steps folded together.
struct ArchiveAlarmEntry
{
    QString alarmId;
    qint64 timeMs = 0;    // onset
    qint64 endTimeMs = 0; // 0 = no end archived (still active, or the end is outside the range)
    std::optional<alarms::Priority> priority; // the highest it reached; empty when never archived
    std::optional<alarms::Kind> kind;
    QString code;
    QString text; // as the nurse read it
    QString metric;
    double value = std::numeric_limits<double>::quiet_NaN(); // NaN = none
    double limitLow = std::numeric_limits<double>::quiet_NaN();
    double limitHigh = std::numeric_limits<double>::quiet_NaN();
    QString unit;
    qint64 acknowledgedMs = 0; // 0 = not acknowledged
    QString acknowledgedBy;    // who, when the source said
};

struct ArchiveStayInfo
{
    QString bedLabel;
    QString patientId; // empty = unknown patient
    QString patientName;
    qint64 fromMs = 0;
    std::optional<qint64> toMs; // empty while the stay is open
    qint64 lastDataMs = 0;      // latest archived sample of the stay (0 = none)
};

class ArchiveQuery
{
public:
    virtual ~ArchiveQuery() = default;

    // Stays of the bed overlapping [fromMs, toMs), oldest first.
    virtual std::vector<ArchiveStayInfo> stays(const QString &bedKey, qint64 fromMs, qint64 toMs,
                                               QString *error = nullptr) = 0;

    // Numerics with time in [t1Ms, t2Ms); maxPoints > 0 decimates each series to at most that many
    // equal-time buckets (mean, min, max), 0 returns every sample. One series per requested id that has
    // data.
    virtual std::vector<ArchiveTrendSeries> trend(const QString &bedKey, std::span<const NumericId> ids,
                                                  qint64 t1Ms, qint64 t2Ms, int maxPoints,
                                                  QString *error = nullptr) = 0;

    // Waveforms for [t1Us, t2Us): one strip per channel on its own sample grid, NaN where nothing was
    // archived. channels empty = every channel with data in the range.
    virtual std::vector<ArchiveWaveStrip> waveStrip(const QString &bedKey, qint64 t1Us, qint64 t2Us,
                                                    std::span<const WaveId> channels,
                                                    QString *error = nullptr) = 0;

    // Alarms of the bed with a lifecycle step in [t1Ms, t2Ms), oldest onset first.
    virtual std::vector<ArchiveAlarmEntry> alarms(const QString &bedKey, qint64 t1Ms, qint64 t2Ms,
                                                  QString *error = nullptr) = 0;
};

} // namespace vigil
