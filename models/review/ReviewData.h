// What the review screens draw, as immutable snapshots built on a worker thread and handed to the GUI
// thread in one piece. Items in ui/ (ReviewTrendView, StripView) read them straight from the QVariant the
// ReviewModel exposes, so QML passes them along without ever converting thousands of points to JS.
#pragma once

#include "ArchiveQuery.h"

#include <QMetaType>
#include <QString>

#include <limits>
#include <memory>
#include <span>
#include <vector>

namespace vigil::review {

inline constexpr qint64 kNoMarker = std::numeric_limits<qint64>::min();

// One trend panel of the review screen: numerics that share a unit and a vertical scale.
struct TrendPanelDef
{
    const char *key;
    const char *label; // UTF-8
    const char *unit;  // UTF-8
    std::vector<NumericId> ids;
    double defaultLo, defaultHi; // the scale a normal patient fits in; data outside widens it
};
const std::vector<TrendPanelDef> &trendPanels();
// Every numeric some panel shows.
std::vector<NumericId> trendNumerics();

// Numerics of one time span at one resolution.
struct TrendLayer
{
    qint64 t1Ms = 0, t2Ms = 0; // what was asked for: no data inside means none was archived
    int maxPoints = 0;         // 0 = raw samples
    std::vector<ArchiveTrendSeries> series;
    const ArchiveTrendSeries *find(NumericId id) const;
};

// The whole range at chart resolution, and optionally the zoomed-in part at finer resolution: the view
// draws the detail where it has it and the overview elsewhere, so panning never shows a blank chart while
// the finer data loads.
struct TrendData
{
    std::shared_ptr<const TrendLayer> overview;
    std::shared_ptr<const TrendLayer> detail; // null = none
};

struct StripData
{
    qint64 t1Us = 0, t2Us = 0;   // the window asked for
    qint64 markerUs = kNoMarker; // the alarm or jump time, drawn as a cursor
    std::vector<ArchiveWaveStrip> waves;
    const ArchiveWaveStrip *find(WaveId id) const;
    bool hasSamples() const; // any non-NaN sample at all
};

// Cheap to copy (a shared pointer): what QML holds in a `var` and passes to the items.
struct ReviewTrends
{
    std::shared_ptr<const TrendData> data;
};
struct ReviewStrip
{
    std::shared_ptr<const StripData> data;
};

// Equal-time buckets over [t1Ms, t2Ms): mean at the mean time, min and max of the bucket's own extremes.
// Leaves the series alone when it already has at most maxPoints points. A query that does not decimate
// (or decimates coarser than asked) must never hand the GUI thread millions of points.
void decimate(ArchiveTrendSeries &series, qint64 t1Ms, qint64 t2Ms, int maxPoints);

// A "nice" axis range containing [lo, hi] and the default range, with its tick step.
struct AxisRange
{
    double lo = 0, hi = 1, step = 1;
};
AxisRange niceRange(double dataLo, double dataHi, double defaultLo, double defaultHi);

QString numericKey(NumericId id);
QString waveKey(WaveId id);

} // namespace vigil::review

Q_DECLARE_METATYPE(vigil::review::ReviewTrends)
Q_DECLARE_METATYPE(vigil::review::ReviewStrip)
