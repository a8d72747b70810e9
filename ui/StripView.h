// StripView: a finished stretch of archived waveforms (full disclosure, alarm review), drawn with the look
// of the live WaveformView: per pixel column min/max (a QRS is never lost to decimation), one triangle
// strip per lane, one opaque flat-coloured node per lane, the live palette, lanes stacked as in the bed
// detail view. Unlike the live view nothing sweeps: the columns are filled once per strip, size or scale
// change, in updatePaintNode() (the render thread, with the GUI thread blocked in the sync).
//
// Time runs left to right at a physical speed (25 mm/s, as paper and the live ECG), or the whole strip is
// fitted to the width (the 60 s around an alarm). All lanes share one time axis, so respiration is drawn
// at the cardiac speed here: samples sparser than pixels are joined by interpolation, not dotted.
#pragma once

#include "ReviewData.h"
#include "SweepGeometry.h"
#include "TraceItem.h"

#include <QStringList>
#include <QVariant>

#include <span>
#include <vector>

namespace vigil {

// Fills every column of `lane` from a finished strip. Column c covers the time [c, c + 1) / pxPerSec
// seconds after the view's left edge; samples[0] lies at firstSampleS seconds after it (negative: before)
// and sample i at firstSampleS + i / sampleRate. A column takes the min/max of its own samples and of the
// trace where it crosses the column's edges (linear between two valid neighbouring samples), so steep
// edges stay connected and slow channels are drawn as lines; a column touching no valid stretch of trace
// stays NaN (a gap: the pen lifts).
void fillStripColumns(LaneColumns &lane, std::span<const float> samples, double sampleRate,
                      double firstSampleS, double pxPerSec);

// Vertical scale for a finished lane: the channel's fixed display range, or for pleth and respiration
// (no calibrated unit) the extremes of what is shown plus a margin, as the live view's autoscale settles.
void stripScale(WaveId id, const LaneColumns &lane, float &lo, float &hi);

// The base is named in full: Qt 6.4's qmltyperegistrar does not resolve an unqualified base class inside a
// namespace, and the qmltypes then have no prototype (qmllint knows none of the inherited properties).
class StripView : public vigil::TraceItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariant strip READ strip WRITE setStrip NOTIFY stripChanged)
    Q_PROPERTY(QStringList waves READ waves WRITE setWaves NOTIFY wavesChanged)
    Q_PROPERTY(QStringList lanes READ lanes NOTIFY lanesChanged)
    Q_PROPERTY(bool fit READ fit WRITE setFit NOTIFY scaleChanged)
    Q_PROPERTY(double mmPerSecond READ mmPerSecond WRITE setMmPerSecond NOTIFY scaleChanged)
    Q_PROPERTY(double pixelsPerMm READ pixelsPerMm WRITE setPixelsPerMm NOTIFY scaleChanged)
    Q_PROPERTY(double pixelsPerSecond READ pixelsPerSecond NOTIFY scaleChanged)
    Q_PROPERTY(double viewStart READ viewStart WRITE setViewStart NOTIFY viewChanged)
    Q_PROPERTY(double visibleStart READ visibleStart NOTIFY viewChanged)
    Q_PROPERTY(double visibleEnd READ visibleEnd NOTIFY viewChanged)
    Q_PROPERTY(double visibleSeconds READ visibleSeconds NOTIFY viewChanged)
    Q_PROPERTY(double marker READ marker NOTIFY stripChanged)
public:
    explicit StripView(QQuickItem *parent = nullptr);

    QVariant strip() const { return QVariant::fromValue(m_strip); }
    void setStrip(const QVariant &strip);
    QStringList waves() const { return m_waves; }
    void setWaves(const QStringList &keys);
    QStringList lanes() const { return m_lanes; }
    bool fit() const { return m_fit; }
    void setFit(bool fit);
    double mmPerSecond() const { return m_mmPerSecond; }
    void setMmPerSecond(double v);
    // 0 = from the screen's physical DPI, as the live view does when the station sets no pixels_per_mm.
    double pixelsPerMm() const { return m_pixelsPerMm; }
    void setPixelsPerMm(double v);
    double pixelsPerSecond() const;
    // Time (ms since the epoch) at the left edge when not fitting; NaN = the strip's start.
    double viewStart() const { return m_viewStartMs; }
    void setViewStart(double ms);
    double visibleStart() const;
    double visibleEnd() const;
    double visibleSeconds() const;
    double marker() const;

    Q_INVOKABLE double xForTime(double ms) const;
    Q_INVOKABLE double timeForX(double x) const;

signals:
    void stripChanged();
    void wavesChanged();
    void lanesChanged();
    void scaleChanged();
    void viewChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData &value) override;
    void styleChanged() override { changed(); }

private:
    void updateLanes();
    void changed();
    double effectivePixelsPerMm() const;

    review::ReviewStrip m_strip;
    QStringList m_waves;
    QStringList m_lanes;
    bool m_fit = false;
    double m_mmPerSecond = 25.0;
    double m_pixelsPerMm = 0.0;
    double m_viewStartMs;
    bool m_dirty = true;
    std::vector<LaneColumns> m_columns; // render-thread state
};

} // namespace vigil
