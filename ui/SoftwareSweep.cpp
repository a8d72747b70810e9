#include "SoftwareSweep.h"

#include <QMutex>
#include <QPainter>
#include <QQuickWindow>
#include <QSGRendererInterface>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace vigil {

namespace {

QPainter *painterOf(QQuickWindow *window)
{
    QSGRendererInterface *ri = window ? window->rendererInterface() : nullptr;
    return ri ? static_cast<QPainter *>(ri->getResource(window, QSGRendererInterface::PainterResource))
              : nullptr;
}

// The renderer hands a render node the painter with its own state saved; the node sets the clip (in window
// coordinates, before the transform) and its transform.
void preparePainter(QPainter *p, const QSGRenderNode::RenderState *state, const QMatrix4x4 *matrix,
                    qreal opacity)
{
    p->resetTransform();
    if (const QRegion *clip = state->clipRegion())
        p->setClipRegion(*clip, Qt::ReplaceClip);
    if (matrix)
        p->setTransform(matrix->toTransform());
    p->setOpacity(opacity);
    p->setRenderHint(QPainter::Antialiasing, false);
    p->setPen(Qt::NoPen);
}

std::atomic<bool> g_damageOn{false};
QMutex g_damageMutex;
std::vector<QRect> g_damage;

} // namespace

void computeLaneRows(const LaneColumns &lane, int headColumn, const StripStyle &st, LaneRows &out)
{
    const int width = lane.width();
    if (static_cast<int>(out.row0.size()) != width)
        out.resize(width);
    const float span = std::max(1e-6f, st.scaleHi - st.scaleLo);
    const float k = (st.bottom - st.top) / span;
    const float yMin = st.top - st.halfLine, yMax = st.bottom + st.halfLine;
    for (int c = 0; c < width; ++c) {
        const auto i = static_cast<std::size_t>(c);
        const int ahead = ((c - headColumn) % width + width) % width;
        const bool erased = st.erase > 0 && ahead > 0 && ahead <= st.erase;
        const float lo = lane.lo[i], hi = lane.hi[i];
        if (erased || std::isnan(lo)) {
            out.row0[i] = 1;
            out.row1[i] = 0;
            continue;
        }
        // The same band edges as appendStrip(); row r is lit when r + 0.5 lies inside [top, bottom].
        const float top = std::clamp(st.bottom - (hi - st.scaleLo) * k - st.halfLine, yMin, yMax);
        const float bot = std::clamp(st.bottom - (lo - st.scaleLo) * k + st.halfLine, yMin, yMax);
        const int r0 = static_cast<int>(std::ceil(top - 0.5f));
        const int r1 = std::max(r0, static_cast<int>(std::floor(bot - 0.5f)));
        out.row0[i] = static_cast<std::int16_t>(r0);
        out.row1[i] = static_cast<std::int16_t>(r1);
    }
}

SweepTileNode::SweepTileNode(QQuickWindow *window, std::shared_ptr<const LaneRows> rows, const QRect &rect)
    : m_window(window), m_rows(std::move(rows)), m_rect(rect)
{}

void SweepTileNode::render(const RenderState *state)
{
    QPainter *p = painterOf(m_window);
    if (!p || !m_rows)
        return;
    preparePainter(p, state, matrix(), inheritedOpacity());
    const LaneRows &rows = *m_rows;
    const int end = std::min(m_rect.right() + 1, static_cast<int>(rows.row0.size()));
    const int rowTop = m_rect.top(), rowBottom = m_rect.bottom();
    // Neighbouring columns with the same rows (flat baselines) are one fill.
    int c = m_rect.left();
    while (c < end) {
        const auto i = static_cast<std::size_t>(c);
        const int r0 = std::max<int>(rows.row0[i], rowTop), r1 = std::min<int>(rows.row1[i], rowBottom);
        int run = 1;
        while (c + run < end && rows.row0[i + static_cast<std::size_t>(run)] == rows.row0[i] &&
               rows.row1[i + static_cast<std::size_t>(run)] == rows.row1[i])
            ++run;
        if (r0 <= r1)
            p->fillRect(QRect(c, r0, run, r1 - r0 + 1), rows.color);
        c += run;
    }
}

void PainterStripNode::setColor(const QColor &c)
{
    if (c != m_color) {
        m_color = c;
        markDirty(QSGNode::DirtyMaterial);
    }
}

void PainterStripNode::setVertices(const QSGGeometry::Point2D *v, int n)
{
    m_vertices.assign(v, v + std::max(0, n));
    markDirty(QSGNode::DirtyMaterial);
}

void PainterStripNode::render(const RenderState *state)
{
    QPainter *p = painterOf(m_window);
    if (!p)
        return;
    preparePainter(p, state, matrix(), inheritedOpacity());
    p->setBrush(m_color);
    // A triangle strip: triangle i is (v[i], v[i+1], v[i+2]); degenerate joins have no area.
    for (std::size_t i = 0; i + 2 < m_vertices.size(); ++i) {
        const QPointF t[3] = {{m_vertices[i].x, m_vertices[i].y},
                              {m_vertices[i + 1].x, m_vertices[i + 1].y},
                              {m_vertices[i + 2].x, m_vertices[i + 2].y}};
        const double area =
            (t[1].x() - t[0].x()) * (t[2].y() - t[0].y()) - (t[2].x() - t[0].x()) * (t[1].y() - t[0].y());
        if (std::abs(area) > 1e-6)
            p->drawConvexPolygon(t, 3);
    }
}

bool isSoftwareRendered(const QQuickWindow *window)
{
    const QSGRendererInterface *ri = window ? window->rendererInterface() : nullptr;
    return ri && ri->graphicsApi() == QSGRendererInterface::Software;
}

void enableDamageLog(bool on)
{
    g_damageOn = on;
    QMutexLocker lock(&g_damageMutex);
    g_damage.clear();
}

void logDamage(const QRect &windowRect)
{
    if (!g_damageOn.load(std::memory_order_relaxed))
        return;
    QMutexLocker lock(&g_damageMutex);
    g_damage.push_back(windowRect);
}

std::vector<QRect> takeDamage()
{
    QMutexLocker lock(&g_damageMutex);
    std::vector<QRect> out;
    out.swap(g_damage);
    return out;
}

} // namespace vigil
