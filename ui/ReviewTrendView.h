// ReviewTrendView: one panel of archived numerics (HR, or NIBP sys/dia/mean...) over the review's time
// window, drawn like the waves: per pixel column min/max of the trend (a bucket's extremes stay visible,
// so a 30 s desaturation inside a 96 h chart is a spike, not averaged away), one opaque flat-coloured
// strip per series. Points closer than the numeric's refresh period (or the decimation bucket) are joined;
// beyond that the line breaks, so a gap in monitoring is seen as a gap. Episodic numerics (NIBP) also get
// a short tick at each measurement.
//
// Not Qt Charts: its QML ChartView needs a QApplication (it crashes under the station's QGuiApplication
// and under QtQuickTest), draws through QGraphicsScene into a texture, and would redraw every series on
// each pan step on the GUI thread. Here the data arrives decimated from the worker and a pan only maps
// a few thousand points to columns in the render sync.
#pragma once

#include "ReviewData.h"
#include "StripView.h"

#include "TraceItem.h"

#include <QColor>
#include <QStringList>

#include <span>
#include <vector>

namespace vigil {

// Fills columns [firstCol, endCol) of `lane` (others untouched) from trend points. Column c covers
// [viewStartMs + c * msPerPx, viewStartMs + (c + 1) * msPerPx). Consecutive points at most maxGapMs apart
// are joined by a line; each point contributes its bucket min/max to its column; a point joined to
// neither neighbour, and every point when tick > 0, is widened to a mark 2 * max(1, tick) + 1 columns wide
// and 2 * tickHalfValue (in value units) high.
void fillTrendColumns(LaneColumns &lane, std::span<const ArchiveTrendPoint> points, double viewStartMs,
                      double msPerPx, double maxGapMs, int firstCol, int endCol, int tick = 0,
                      double tickHalfValue = 0.0);

// The base is named in full: Qt 6.4's qmltyperegistrar does not resolve an unqualified base class inside a
// namespace, and the qmltypes then have no prototype (qmllint knows none of the inherited properties).
class ReviewTrendView : public vigil::TraceItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariant trends READ trends WRITE setTrends NOTIFY trendsChanged)
    Q_PROPERTY(QStringList series READ series WRITE setSeries NOTIFY seriesChanged)
    Q_PROPERTY(double viewStart READ viewStart WRITE setViewStart NOTIFY viewChanged)
    Q_PROPERTY(double viewEnd READ viewEnd WRITE setViewEnd NOTIFY viewChanged)
    Q_PROPERTY(double valueLow READ valueLow WRITE setValueLow NOTIFY scaleChanged)
    Q_PROPERTY(double valueHigh READ valueHigh WRITE setValueHigh NOTIFY scaleChanged)
public:
    explicit ReviewTrendView(QQuickItem *parent = nullptr);

    QVariant trends() const { return QVariant::fromValue(m_trends); }
    void setTrends(const QVariant &v);
    QStringList series() const { return m_series; }
    void setSeries(const QStringList &keys);
    double viewStart() const { return m_viewStart; }
    void setViewStart(double ms);
    double viewEnd() const { return m_viewEnd; }
    void setViewEnd(double ms);
    double valueLow() const { return m_lo; }
    void setValueLow(double v);
    double valueHigh() const { return m_hi; }
    void setValueHigh(double v);

    // The colour of a numeric's trend: its wave's colour as in the live view; a mean is drawn dimmer than
    // the systolic and diastolic it sits between.
    Q_INVOKABLE static QColor colorFor(const QString &numericKey);
    Q_INVOKABLE static QString labelFor(const QString &numericKey);
    // Value of a series at a time (nearest point within its join distance), for the cursor read-out; NaN
    // when there is none.
    Q_INVOKABLE double valueAt(const QString &numericKey, double timeMs) const;

signals:
    void trendsChanged();
    void seriesChanged();
    void viewChanged();
    void scaleChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    review::ReviewTrends m_trends;
    QStringList m_series;
    double m_viewStart = 0, m_viewEnd = 1;
    double m_lo = 0, m_hi = 100;
    LaneColumns m_columns; // render thread
};

} // namespace vigil
