// The live waves on Qt Quick's software adaptation (PCs without a GPU): damage-only drawing.
//
// The software renderer repaints, and its backing store presents, only the union of the dirty nodes'
// rectangles (a node's rect is its dirty area; Qt 6.4's QSGSoftwareRenderableNode, QSGRenderNode with
// BoundedRectRendering). One node for a whole lane would repaint and present the whole lane every frame;
// a node whose rect moved with the sweep would make the renderer repaint its previous rect from the nodes
// below it (erasing the trace drawn there). So each lane is cut into fixed tiles of a few pixel columns,
// one SweepTileNode each, and a frame marks dirty only the tiles whose pixel rows changed: the columns the
// sweep head passed and the columns the erase bar newly covers (plus a whole lane when auto-scale changes
// its range). A tile paints its columns with QPainter fills clipped to the renderer's dirty region; it is
// not opaque, so the renderer first repaints what lies below (the tile background), then the trace.
//
// The rows of a column come from the same LaneColumns (min/max per column: no QRS lost) and StripStyle
// (scale, erase bar, line width) as the GPU path's triangle strip: pixel row r is lit when its centre
// lies inside [top, bottom] of the column's band, which is what the rasteriser does with the strip.
#pragma once

#include "SweepGeometry.h"

#include <QColor>
#include <QRect>
#include <QSGRenderNode>

#include <cstdint>
#include <memory>
#include <vector>

class QQuickWindow;

namespace vigil {

// The pixel rows of each column of one lane: row0[c] > row1[c] means nothing is drawn in column c.
struct LaneRows
{
    std::vector<std::int16_t> row0, row1;
    QColor color;
    void resize(int width)
    {
        row0.assign(static_cast<std::size_t>(width), 1);
        row1.assign(static_cast<std::size_t>(width), 0);
    }
};

// Fills out (resized to the lane's width) from the columns, with the erase bar ahead of headColumn.
void computeLaneRows(const LaneColumns &lane, int headColumn, const StripStyle &style, LaneRows &out);

// Compares two row sets column by column; calls dirty(firstTile) for every tile of tileWidth columns
// that differs. Returns the number of differing columns.
template <typename F> int diffTiles(const LaneRows &a, const LaneRows &b, int tileWidth, F &&dirty)
{
    const int width = static_cast<int>(a.row0.size());
    int changed = 0;
    for (int t = 0; t < width; t += tileWidth) {
        const int end = std::min(width, t + tileWidth);
        bool tileDirty = false;
        for (int c = t; c < end; ++c) {
            const auto i = static_cast<std::size_t>(c);
            const bool va = a.row0[i] <= a.row1[i], vb = b.row0[i] <= b.row1[i];
            if (va != vb || (va && (a.row0[i] != b.row0[i] || a.row1[i] != b.row1[i]))) {
                ++changed;
                tileDirty = true;
            }
        }
        if (tileDirty)
            dirty(t / tileWidth);
    }
    return changed;
}

// One tile of a lane: columns [x0, x0 + width) and rows [top, top + height) in item coordinates. Reads the
// lane's rows (shared with the item's render-thread state; only written during the scene-graph sync).
class SweepTileNode : public QSGRenderNode
{
public:
    SweepTileNode(QQuickWindow *window, std::shared_ptr<const LaneRows> rows, const QRect &rect);
    StateFlags changedStates() const override { return {}; }
    RenderingFlags flags() const override { return BoundedRectRendering; }
    QRectF rect() const override { return m_rect; }
    void render(const RenderState *state) override;

private:
    QQuickWindow *m_window;
    std::shared_ptr<const LaneRows> m_rows;
    QRect m_rect;
};

// The triangle strip of a FlatStripNode painted with QPainter, for the review items (StripView,
// ReviewTrendView) on the software adaptation. They change only when the view changes, so the whole item
// rect is their dirty area.
class PainterStripNode : public QSGRenderNode
{
public:
    explicit PainterStripNode(QQuickWindow *window) : m_window(window) {}
    void setColor(const QColor &c);
    void setVertices(const QSGGeometry::Point2D *v, int n);
    void setRect(const QRectF &r) { m_rect = r; }
    StateFlags changedStates() const override { return {}; }
    RenderingFlags flags() const override { return BoundedRectRendering; }
    QRectF rect() const override { return m_rect; }
    void render(const RenderState *state) override;

private:
    QQuickWindow *m_window;
    QColor m_color;
    std::vector<QSGGeometry::Point2D> m_vertices;
    QRectF m_rect;
};

// True when the window draws with Qt Quick's software adaptation (QPainter into a backing store).
bool isSoftwareRendered(const QQuickWindow *window);

// Damage bookkeeping for the benchmark: the window rectangles of the tiles marked dirty since the last
// call (GUI/render thread safe). Collected only after enableDamageLog(true).
void enableDamageLog(bool on);
void logDamage(const QRect &windowRect);
std::vector<QRect> takeDamage();

} // namespace vigil
