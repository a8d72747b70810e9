// Reports: what one report reads from the archive, and the figures derived from it (hourly medians,
// alarm counts, time to acknowledge, limit changes, gaps with their reasons). No painting here.
#pragma once

#include "ArchiveReader.h"
#include "ArchiveTypes.h"

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace vigil::reports {

// One stretch of a channel (or of the whole bed) without data, and why.
struct Gap
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString reason; // "not admitted", "lead off: ...", "no data archived"
};

// A trend series reduced for a chart (equal time buckets: mean, min, max) plus its raw samples' hourly
// statistics.
struct NumericSeries
{
    NumericId id = NumericId::Hr;
    std::vector<archive::TrendPoint> points; // decimated for the chart
    qint64 rawCount = 0;
    std::optional<archive::TrendPoint> latest; // latest raw sample (value, time)
};

struct HourStats
{
    qint64 hourStartMs = 0;
    // Per numeric: median, min, max of the raw samples in the hour; count 0 = none.
    std::array<int, kNumericCount> count{};
    std::array<double, kNumericCount> median{}, min{}, max{};
};

// One alarm folded from its lifecycle steps.
struct AlarmSummary
{
    QString alarmId;
    QString code, text, metric, unit;
    std::optional<alarms::Priority> priority;
    std::optional<alarms::Kind> kind;
    qint64 onsetMs = 0;
    std::optional<qint64> endMs;
    std::optional<qint64> ackMs;
    QString ackBy;
    int escalations = 0;
    double value = std::numeric_limits<double>::quiet_NaN(); // worst value reported
    double limitLow = std::numeric_limits<double>::quiet_NaN();
    double limitHigh = std::numeric_limits<double>::quiet_NaN();
};

struct LimitChange
{
    qint64 timeMs = 0;
    QString metric;
    QString change; // "60-120 -> 50-120 /min"
    QString who;    // empty = not recorded
    QString source; // "alarm record" or the event type
};

struct Handover
{
    QString severity; // stable / watcher / unstable, empty = not set
    QString notes;
    QString by;
    qint64 timeMs = 0;
};

// One NEWS2 record the station archived (event "news2", written when a bed's score changes).
struct News2Point
{
    qint64 timeMs = 0;
    int total = 0;
    bool complete = false; // false: "incomplete", total is a lower bound
    QString response;      // "low", "low-medium", "medium", "high" as the station names them
};

struct PatientData
{
    archive::BedRecord bed;
    std::optional<archive::StayRecord> stay; // the stay covering most of the period
    std::vector<archive::StayRecord> stays;  // every stay overlapping the period
    qint64 fromMs = 0, toMs = 0;
    std::vector<NumericSeries> series; // only numerics with data
    std::vector<HourStats> hours;
    std::vector<archive::AlarmRecord> alarmSteps;
    std::vector<AlarmSummary> alarms;
    std::vector<archive::ArchiveEvent> events;
    std::vector<archive::ConditionEpisode> conditions;
    std::vector<LimitChange> limitChanges;
    std::vector<Gap> noData; // stretches with no numerics at all
    qint64 noDataMs = 0;
    std::optional<Handover> handover;
    std::vector<News2Point> news2; // in the period, oldest first
};

// Parses the station's "news2" event text: "NEWS2 5 medium; rr 2 ..." or "NEWS2 incomplete (>=3; ...); ...".
std::optional<News2Point> parseNews2(const archive::ArchiveEvent &e);

// Times with no numerics for longer than this count as a gap.
inline constexpr qint64 kNumericGapMs = 30'000;

// Reads everything a patient handover needs. chartPoints: buckets per chart series.
PatientData readPatient(archive::ArchiveReader &reader, const archive::BedRecord &bed, qint64 fromMs,
                        qint64 toMs, int chartPoints = 600);

// Why there are no samples in [t1, t2) on this bed: not admitted, a technical condition, or nothing
// archived.
QString gapReason(const PatientData &p, qint64 t1Ms, qint64 t2Ms);
// Gap reason without a PatientData (strip / disclosure reports).
QString gapReason(const std::vector<archive::StayRecord> &stays,
                  const std::vector<archive::ArchiveEvent> &events, qint64 t1Ms, qint64 t2Ms);

std::vector<AlarmSummary> foldAlarms(const std::vector<archive::AlarmRecord> &steps);
std::vector<archive::ConditionEpisode> foldConditions(const std::vector<archive::ArchiveEvent> &events);

// Median of onset -> acknowledge over the acknowledged alarms, nullopt when none was acknowledged.
std::optional<qint64> medianTimeToAckMs(const std::vector<AlarmSummary> &alarms);

// Text helpers shared by the report pages.
QString fmtTime(qint64 ms);     // "14:05:12"
QString fmtDateTime(qint64 ms); // "2026-12-05 14:05"
QString fmtDuration(qint64 ms); // "1 h 05 min", "35 s"
QString fmtValue(NumericId id, double v);
QString priorityName(std::optional<alarms::Priority> p);

} // namespace vigil::reports
