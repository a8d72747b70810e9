// TraceItem: the base of the three trace items (the live WaveformView, the review StripView and
// ReviewTrendView). What they share: the line width, one opaque flat-coloured FlatStripNode per lane or
// series under a plain root node, one reused vertex array sized for a strip of the item's width, and the
// physical scale (pixels per millimetre) from the configuration or the screen.
#pragma once

#include "SweepGeometry.h"

#include <QQuickItem>
#include <QSGGeometry>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace vigil {

class TraceItem : public QQuickItem
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(qreal lineWidth READ lineWidth WRITE setLineWidth NOTIFY lineWidthChanged)
public:
    explicit TraceItem(QQuickItem *parent = nullptr);

    qreal lineWidth() const { return m_lineWidth; }
    void setLineWidth(qreal w);

signals:
    void lineWidthChanged();

protected:
    // A style property changed: by default the next frame draws it; items that cache their columns
    // override this to rebuild them.
    virtual void styleChanged() { update(); }
    float halfLine() const { return static_cast<float>(m_lineWidth / 2.0); }

    // The root (made when oldNode is null) with exactly `count` strip children, in order: FlatStripNodes,
    // or on Qt Quick's software adaptation (no GPU) PainterStripNodes covering the item. Fill them with
    // fillStrip().
    QSGNode *syncStripNodes(QSGNode *oldNode, int count);
    static void fillStrip(QSGNode *node, const QColor &color, const QSGGeometry::Point2D *v, int n);
    // A vertex array with room for one strip of `width` columns (appendStrip's 4 * width + 8), reused
    // from frame to frame. Render thread only.
    QSGGeometry::Point2D *stripVertices(int width);
    // `configured` when set (> 0), else the window's screen's physical pixels per millimetre: sweep and
    // paper speeds (25 mm/s) are physical promises.
    double pixelsPerMmOr(double configured) const;

private:
    qreal m_lineWidth = 2.0;
    std::vector<QSGGeometry::Point2D> m_vertices;
};

} // namespace vigil
