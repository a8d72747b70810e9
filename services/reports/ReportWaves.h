// Reports: waveforms on paper (ECG paper at true scale, other waves at their own labelled scale,
// compressed full-disclosure lanes) and trend charts drawn with Qt Charts.
#pragma once

#include "ArchiveTypes.h"
#include "ReportData.h"
#include "ReportLayout.h"

#include <QPicture>

#include <atomic>
#include <functional>

namespace vigil::reports {

inline constexpr double kEcgMmPerS = 25.0;
inline constexpr double kEcgMmPerMv = 10.0;

// Why a stretch [t1, t2) (ms) has no samples.
using GapReasonFn = std::function<QString(qint64, qint64)>;

// One ECG strip at true scale (25 mm/s, 10 mm/mV, 1/5 mm grid, 1 mV calibration pulse) of `seconds`
// from strip.startUs + offsetS, wrapped into rows that fit the width. `title` is printed above it.
std::unique_ptr<Block> ecgStripBlock(const QString &title, archive::WaveStrip strip, double seconds,
                                     GapReasonFn reason, double widthMm);

// An alarm strip: every channel at the same time scale (25 mm/s), ECG on ECG paper, the others on a
// labelled lane at their own scale; rows wrap to the width. markMs: the trigger, drawn as a line.
std::unique_ptr<Block> multiLaneBlock(std::vector<archive::WaveStrip> strips, qint64 t0Us, double seconds,
                                      GapReasonFn reason, double widthMm, qint64 markMs);

// Full disclosure: one compressed lane of one channel from t0Us for `seconds`, with time marks.
std::unique_ptr<Block> disclosureLaneBlock(const archive::WaveStrip &strip, qint64 t0Us, double seconds,
                                           GapReasonFn reason);

struct ChartSeries
{
    QString label;
    QColor colour;
    std::vector<archive::TrendPoint> points;
    bool scatter = false; // episodic measurements (NIBP): points, not a line
};

struct AlarmMark
{
    qint64 timeMs;
    std::optional<alarms::Priority> priority;
};

struct ChartSpec
{
    QString title; // "HR /min"
    qint64 fromMs = 0, toMs = 0;
    std::vector<ChartSeries> series;
    std::vector<AlarmMark> marks;
    std::vector<Gap> gaps;
};

// A Qt Charts chart painted into a QPicture of sizePx (device pixels) with fonts for `pxPerMm`. Qt Charts
// is built on QGraphicsWidget, a Qt Widgets class that may only be used on the GUI thread: called from
// any other thread, the chart is built and recorded on the application's thread (a blocking queued call)
// and the caller replays the recorded vectors. docs/REPORTS.md says why. While it waits, it watches the
// cancel flag of the report this thread builds (ChartCancelScope): a GUI thread that stops a worker
// cancels it and then waits for it, so a chart must not wait for the GUI thread forever; a cancelled
// wait returns an empty picture.
QPicture chartPicture(const ChartSpec &spec, QSizeF sizePx, double pxPerMm);

// Makes `cancel` the flag chartPicture() watches on this thread, for the scope's lifetime.
class ChartCancelScope
{
public:
    explicit ChartCancelScope(const std::atomic_bool *cancel);
    ~ChartCancelScope();
    ChartCancelScope(const ChartCancelScope &) = delete;
    ChartCancelScope &operator=(const ChartCancelScope &) = delete;

private:
    const std::atomic_bool *m_previous;
};

std::unique_ptr<Block> chartBlock(ChartSpec spec, double heightMm);

} // namespace vigil::reports
