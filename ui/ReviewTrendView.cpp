#include "ReviewTrendView.h"

#include "WaveformView.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil {

void fillTrendColumns(LaneColumns &lane, std::span<const ArchiveTrendPoint> points, double viewStartMs,
                      double msPerPx, double maxGapMs, int firstCol, int endCol, int tick,
                      double tickHalfValue)
{
    firstCol = std::max(0, firstCol);
    endCol = std::min(lane.width(), endCol);
    if (firstCol >= endCol || !(msPerPx > 0))
        return;
    const auto expand = [&](int c, float lo, float hi) {
        if (c < firstCol || c >= endCol)
            return;
        float &l = lane.lo[static_cast<std::size_t>(c)];
        float &h = lane.hi[static_cast<std::size_t>(c)];
        l = std::isnan(l) ? lo : std::min(l, lo);
        h = std::isnan(h) ? hi : std::max(h, hi);
    };
    const auto xOf = [&](const ArchiveTrendPoint &p) {
        return (static_cast<double>(p.timeMs) - viewStartMs) / msPerPx;
    };
    const auto valid = [](const ArchiveTrendPoint &p) { return !std::isnan(p.value); };
    const std::size_t n = points.size();
    for (std::size_t i = 0; i < n; ++i) {
        const ArchiveTrendPoint &p = points[i];
        if (!valid(p))
            continue;
        const double x = xOf(p);
        const bool joinedPrev =
            i > 0 && valid(points[i - 1]) && static_cast<double>(p.timeMs - points[i - 1].timeMs) <= maxGapMs;
        const bool joinedNext = i + 1 < n && valid(points[i + 1]) &&
                                static_cast<double>(points[i + 1].timeMs - p.timeMs) <= maxGapMs;
        if (joinedNext) {
            const ArchiveTrendPoint &q = points[i + 1];
            const double xb = xOf(q);
            if (xb >= firstCol && x < endCol) {
                const auto c0 = static_cast<int>(std::max<double>(firstCol, std::floor(x)));
                const auto c1 = static_cast<int>(std::min<double>(endCol - 1, std::floor(xb)));
                const double dx = xb - x;
                for (int c = c0; c <= c1; ++c) {
                    // The part of the segment inside column c, by its end values.
                    const double a = std::max<double>(c, x), b = std::min<double>(c + 1, xb);
                    const double fa = dx > 0 ? (a - x) / dx : 0.0, fb = dx > 0 ? (b - x) / dx : 1.0;
                    const auto va = static_cast<float>(p.value + (q.value - p.value) * fa);
                    const auto vb = static_cast<float>(p.value + (q.value - p.value) * fb);
                    expand(c, std::min(va, vb), std::max(va, vb));
                }
            }
        }
        if (x < firstCol - 1 - tick || x >= endCol + 1 + tick)
            continue;
        const auto c = static_cast<int>(std::floor(x));
        const auto v = static_cast<float>(p.value);
        const float lo = std::min(v, static_cast<float>(std::isnan(p.min) ? p.value : p.min));
        const float hi = std::max(v, static_cast<float>(std::isnan(p.max) ? p.value : p.max));
        expand(c, lo, hi);
        if (tick > 0 || (!joinedPrev && !joinedNext)) {
            const int half = std::max(1, tick);
            const auto dv = static_cast<float>(tick > 0 ? tickHalfValue : 0.0);
            for (int k = c - half; k <= c + half; ++k)
                expand(k, v - dv, v + dv);
        }
    }
}

namespace {

std::optional<NumericId> numericFromKey(const QString &key)
{
    for (const NumericInfo &n : kNumerics) {
        if (key == QLatin1String(n.key.data(), static_cast<qsizetype>(n.key.size())))
            return n.id;
    }
    return std::nullopt;
}

// Joined when closer than the numeric's own refresh margin, or than the decimation bucket (neighbouring
// buckets of a continuous series are one bucket apart, however coarse).
double maxGapMs(NumericId id, const review::TrendLayer &layer)
{
    const double bucket =
        layer.maxPoints > 0 ? static_cast<double>(layer.t2Ms - layer.t1Ms) / layer.maxPoints : 0.0;
    return std::max(numericInfo(id).stalePeriodS * 1500.0, bucket * 2.5);
}

bool episodic(NumericId id)
{
    return numericInfo(id).stalePeriodS >= 600.0;
}

} // namespace

ReviewTrendView::ReviewTrendView(QQuickItem *parent) : TraceItem(parent) {}

void ReviewTrendView::setTrends(const QVariant &v)
{
    const auto t = v.value<review::ReviewTrends>();
    if (t.data == m_trends.data)
        return;
    m_trends = t;
    emit trendsChanged();
    update();
}

void ReviewTrendView::setSeries(const QStringList &keys)
{
    if (keys == m_series)
        return;
    m_series = keys;
    emit seriesChanged();
    update();
}

void ReviewTrendView::setViewStart(double ms)
{
    if (ms == m_viewStart)
        return;
    m_viewStart = ms;
    emit viewChanged();
    update();
}

void ReviewTrendView::setViewEnd(double ms)
{
    if (ms == m_viewEnd)
        return;
    m_viewEnd = ms;
    emit viewChanged();
    update();
}

void ReviewTrendView::setValueLow(double v)
{
    if (v == m_lo)
        return;
    m_lo = v;
    emit scaleChanged();
    update();
}

void ReviewTrendView::setValueHigh(double v)
{
    if (v == m_hi)
        return;
    m_hi = v;
    emit scaleChanged();
    update();
}

QColor ReviewTrendView::colorFor(const QString &key)
{
    QString base = key;
    for (const char *prefix : {"abp", "nibp"}) {
        if (key.startsWith(QLatin1String(prefix)))
            base = QLatin1String(prefix);
    }
    QColor c = WaveformView::colorFor(base);
    if (key.endsWith(QLatin1String("_mean")))
        c = c.darker(165);
    return c;
}

QString ReviewTrendView::labelFor(const QString &key)
{
    const auto id = numericFromKey(key);
    if (!id)
        return key;
    const auto label = numericInfo(*id).label;
    return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
}

double ReviewTrendView::valueAt(const QString &key, double timeMs) const
{
    const auto id = numericFromKey(key);
    if (!id || !m_trends.data)
        return std::numeric_limits<double>::quiet_NaN();
    const review::TrendLayer *layer = m_trends.data->overview.get();
    if (const auto &detail = m_trends.data->detail; detail && timeMs >= detail->t1Ms && timeMs < detail->t2Ms)
        layer = detail.get();
    const ArchiveTrendSeries *s = layer ? layer->find(*id) : nullptr;
    if (!s || s->points.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const auto it = std::lower_bound(s->points.begin(), s->points.end(), timeMs,
                                     [](const ArchiveTrendPoint &p, double t) { return p.timeMs < t; });
    const ArchiveTrendPoint *best = nullptr;
    for (auto j : {it, it == s->points.begin() ? it : std::prev(it)}) {
        if (j == s->points.end())
            continue;
        if (!best || std::abs(j->timeMs - timeMs) < std::abs(best->timeMs - timeMs))
            best = &*j;
    }
    if (!best || std::abs(best->timeMs - timeMs) > maxGapMs(*id, *layer) / 2)
        return std::numeric_limits<double>::quiet_NaN();
    return best->value;
}

void ReviewTrendView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size())
        update();
}

QSGNode *ReviewTrendView::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    const int width = static_cast<int>(std::floor(this->width()));
    const int count = static_cast<int>(m_series.size());
    const bool drawable = width >= 8 && height() >= 8 && count > 0 && m_trends.data &&
                          m_trends.data->overview && m_viewEnd > m_viewStart;
    QSGNode *root = syncStripNodes(oldNode, drawable ? count : 0);
    if (!drawable)
        return root;

    const double msPerPx = (m_viewEnd - m_viewStart) / width;
    QSGGeometry::Point2D *vertices = stripVertices(width);
    const review::TrendLayer &overview = *m_trends.data->overview;
    const review::TrendLayer *detail = m_trends.data->detail.get();
    const float lineHalf = halfLine();
    // Episodic readings (NIBP) are marked by a small block, about 8 px high, on their line.
    const double tickHalfValue = height() > 0 ? 4.0 * (m_hi - m_lo) / height() : 0.0;

    QSGNode *node = root->firstChild();
    for (int si = 0; si < count; ++si, node = node->nextSibling()) {
        m_columns.reset(width);
        int n = 0;
        if (const auto id = numericFromKey(m_series[si])) {
            const int tick = episodic(*id) ? 3 : 0;
            if (const ArchiveTrendSeries *s = overview.find(*id))
                fillTrendColumns(m_columns, s->points, m_viewStart, msPerPx, maxGapMs(*id, overview), 0,
                                 width, tick, tickHalfValue);
            if (detail) {
                // The finer data replaces the overview wherever it covers whole columns.
                const int c0 =
                    std::max(0, static_cast<int>(std::ceil((detail->t1Ms - m_viewStart) / msPerPx)));
                const int c1 =
                    std::min(width, static_cast<int>(std::floor((detail->t2Ms - m_viewStart) / msPerPx)));
                for (int c = c0; c < c1; ++c) {
                    m_columns.lo[static_cast<std::size_t>(c)] = std::nanf("");
                    m_columns.hi[static_cast<std::size_t>(c)] = std::nanf("");
                }
                if (const ArchiveTrendSeries *s = detail->find(*id))
                    fillTrendColumns(m_columns, s->points, m_viewStart, msPerPx, maxGapMs(*id, *detail), c0,
                                     c1, tick, tickHalfValue);
            }
            StripStyle style;
            style.top = lineHalf + 1.0f;
            style.bottom = static_cast<float>(height()) - lineHalf - 1.0f;
            style.scaleLo = static_cast<float>(m_lo);
            style.scaleHi = static_cast<float>(m_hi);
            style.halfLine = lineHalf;
            style.erase = 0;
            n = appendStrip(vertices, 0, m_columns, 0, style);
        }
        fillStrip(node, colorFor(m_series[si]), vertices, n);
    }
    return root;
}

} // namespace vigil
