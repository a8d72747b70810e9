// The geometry of a sweep-mode trace, apart from the Qt Quick item so it can be unit-tested.
//
// A lane of W pixel columns shows W / pxPerSec seconds. Sample n of a channel at `rate` lies at absolute
// pixel position x = n / rate * pxPerSec; it is drawn in column x mod W. Left of the head the columns
// hold the current sweep, right of it the previous one, and a few columns just ahead of the head are
// blank (the erase bar). Each column keeps the min and max of its samples (plus the previous column's last
// sample, so steep edges stay connected): decimation never drops a QRS spike or a pacer pulse.
#pragma once

#include "SampleRing.h"

#include "Vitals.h"

#include <QColor>
#include <QSGFlatColorMaterial>
#include <QSGGeometry>
#include <QSGGeometryNode>
#include <QString>

#include <optional>

#include <vector>

class QQuickWindow;

namespace vigil {

struct LaneColumns
{
    std::vector<float> lo, hi, last;
    double lastHeadPx = -1.0; // absolute head position the columns were last filled up to
    void reset(int width);
    int width() const { return static_cast<int>(lo.size()); }
};

// Fills the columns the head swept over since lastHeadPx (all of them after a reset or a jump of more
// than a sweep) up to headPx. samplesPerPx = rate / pxPerSec. scratch is reused to avoid allocation.
void sweepColumns(LaneColumns &lane, const SampleRing &ring, double samplesPerPx, double headPx,
                  std::vector<float> &scratch);

struct StripStyle
{
    float top = 0, bottom = 100;    // lane's vertical extent in item coordinates
    float scaleLo = 0, scaleHi = 1; // value shown at bottom / top
    float halfLine = 1;             // half the line thickness
    int erase = 12;                 // erase bar width in columns
    // Columns whose band edges lie within this many pixels of a straight line between kept columns are
    // merged into one quad. A software rasteriser pays per triangle; flat baselines and smooth curves need
    // few. 0 keeps every column.
    float tolerance = 0.35f;
};

// Appends a triangle strip for one lane to out[n...]: two vertices per drawn column, degenerate joins
// across breaks (gaps, the erase bar, the wrap at the right edge). Returns the new vertex count.
// `out` must have room for 4 * width + 8 more vertices.
int appendStrip(QSGGeometry::Point2D *out, int n, const LaneColumns &lane, int headColumn,
                const StripStyle &style);

// One opaque flat-coloured triangle-strip node per lane or series: no blending, depth-tested, and
// same-coloured nodes across all items batch into few draw calls. Both matter most on a software
// rasteriser (Mesa llvmpipe), where every blended fragment costs CPU. Used by the live WaveformView, the
// review StripView and ReviewTrendView.
class FlatStripNode : public QSGGeometryNode
{
public:
    FlatStripNode();
    void setColor(const QColor &c);
    // Copies n vertices (allocate() discards contents, so callers build them in their own array).
    void setVertices(const QSGGeometry::Point2D *v, int n);

private:
    QSGGeometry m_geometry;
    QSGFlatColorMaterial m_material;
};

// The wave a key of the station file / QML names ("ecg_ii", "pleth"...).
std::optional<WaveId> waveIdFromKey(const QString &key);

// Pixels per millimetre of the window's screen, for physical sweep speeds (25 mm/s). The screen's physical
// DPI is trusted only within sane bounds (virtual screens report anything); otherwise 96 dpi.
double screenPixelsPerMm(const QQuickWindow *window);

} // namespace vigil
