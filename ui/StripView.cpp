#include "StripView.h"

#include "WaveformView.h"

#include <QQuickWindow>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace vigil {

void fillStripColumns(LaneColumns &lane, std::span<const float> samples, double sampleRate,
                      double firstSampleS, double pxPerSec)
{
    const int width = lane.width();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::fill(lane.lo.begin(), lane.lo.end(), nan);
    std::fill(lane.hi.begin(), lane.hi.end(), nan);
    std::fill(lane.last.begin(), lane.last.end(), nan);
    const auto count = static_cast<std::int64_t>(samples.size());
    if (width <= 0 || count == 0 || !(sampleRate > 0) || !(pxPerSec > 0))
        return;
    // Fractional sample position at column edge c.
    const auto pos = [&](std::int64_t c) {
        return (static_cast<double>(c) / pxPerSec - firstSampleS) * sampleRate;
    };
    // The trace's value at fractional sample position f: only between two valid samples.
    const auto at = [&](double f, float &out) {
        const auto i0 = static_cast<std::int64_t>(std::floor(f));
        if (i0 < 0 || i0 >= count)
            return false;
        const float a = samples[static_cast<std::size_t>(i0)];
        const double frac = f - static_cast<double>(i0);
        if (frac <= 0.0) {
            out = a;
            return !std::isnan(a);
        }
        if (i0 + 1 >= count)
            return false;
        const float b = samples[static_cast<std::size_t>(i0 + 1)];
        if (std::isnan(a) || std::isnan(b))
            return false;
        out = static_cast<float>(a + (b - a) * frac);
        return true;
    };
    for (int c = 0; c < width; ++c) {
        const double fL = pos(c), fR = pos(c + 1);
        if (fR < 0.0 || fL > static_cast<double>(count - 1))
            continue;
        float lo = std::numeric_limits<float>::infinity(), hi = -lo, v = 0.f;
        bool any = false;
        const auto add = [&](float x) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
            any = true;
        };
        const auto first = std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil(fL)));
        const auto end = std::min<std::int64_t>(count, static_cast<std::int64_t>(std::ceil(fR)));
        float lastOwn = nan;
        for (std::int64_t i = first; i < end; ++i) {
            const float x = samples[static_cast<std::size_t>(i)];
            lastOwn = x;
            if (!std::isnan(x))
                add(x);
        }
        if (at(fL, v))
            add(v);
        // A sample exactly on the right edge belongs to the next column; only a line crossing it counts.
        if (fR != std::floor(fR) && at(fR, v))
            add(v);
        if (any) {
            lane.lo[static_cast<std::size_t>(c)] = lo;
            lane.hi[static_cast<std::size_t>(c)] = hi;
        }
        lane.last[static_cast<std::size_t>(c)] = lastOwn;
    }
    lane.lastHeadPx = width;
}

void stripScale(WaveId id, const LaneColumns &lane, float &lo, float &hi)
{
    const WaveInfo &info = waveInfo(id);
    lo = info.rangeLow;
    hi = info.rangeHigh;
    if (id != WaveId::Pleth && id != WaveId::Resp)
        return;
    float a = std::numeric_limits<float>::infinity(), b = -a;
    for (int c = 0; c < lane.width(); ++c) {
        if (!std::isnan(lane.lo[static_cast<std::size_t>(c)])) {
            a = std::min(a, lane.lo[static_cast<std::size_t>(c)]);
            b = std::max(b, lane.hi[static_cast<std::size_t>(c)]);
        }
    }
    if (a < b) {
        const float pad = (b - a) * 0.08f;
        lo = a - pad;
        hi = b + pad;
    }
}

// ------------------------------------------------------------------------------------------- node

// ------------------------------------------------------------------------------------------- item

StripView::StripView(QQuickItem *parent)
    : TraceItem(parent), m_viewStartMs(std::numeric_limits<double>::quiet_NaN())
{}

void StripView::changed()
{
    m_dirty = true;
    update();
}

void StripView::setStrip(const QVariant &strip)
{
    const auto s = strip.value<review::ReviewStrip>();
    if (s.data == m_strip.data)
        return;
    m_strip = s;
    updateLanes();
    emit stripChanged();
    emit viewChanged();
    changed();
}

void StripView::setWaves(const QStringList &keys)
{
    if (keys == m_waves)
        return;
    m_waves = keys;
    emit wavesChanged();
    updateLanes();
    changed();
}

void StripView::updateLanes()
{
    QStringList lanes;
    if (!m_waves.isEmpty()) {
        // Every requested lane, with or without data now: the layout must not jump while scrolling.
        lanes = m_waves;
    } else if (m_strip.data) {
        for (const WaveInfo &w : kWaves) {
            const auto *s = m_strip.data->find(w.id);
            if (s &&
                std::any_of(s->samples.begin(), s->samples.end(), [](float v) { return !std::isnan(v); }))
                lanes << review::waveKey(w.id);
        }
    }
    if (lanes != m_lanes) {
        m_lanes = lanes;
        emit lanesChanged();
    }
}

void StripView::setFit(bool fit)
{
    if (fit == m_fit)
        return;
    m_fit = fit;
    emit scaleChanged();
    emit viewChanged();
    changed();
}

void StripView::setMmPerSecond(double v)
{
    if (!(v > 0) || qFuzzyCompare(v, m_mmPerSecond))
        return;
    m_mmPerSecond = v;
    emit scaleChanged();
    emit viewChanged();
    changed();
}

void StripView::setPixelsPerMm(double v)
{
    if (qFuzzyCompare(v + 1.0, m_pixelsPerMm + 1.0))
        return;
    m_pixelsPerMm = v;
    emit scaleChanged();
    emit viewChanged();
    changed();
}

void StripView::setViewStart(double ms)
{
    if ((std::isnan(ms) && std::isnan(m_viewStartMs)) || ms == m_viewStartMs)
        return;
    m_viewStartMs = ms;
    emit viewChanged();
    changed();
}

double StripView::effectivePixelsPerMm() const
{
    return pixelsPerMmOr(m_pixelsPerMm);
}

double StripView::pixelsPerSecond() const
{
    if (m_fit) {
        const double s =
            m_strip.data ? static_cast<double>(m_strip.data->t2Us - m_strip.data->t1Us) / 1e6 : 0.0;
        return s > 0 && width() > 0 ? width() / s : 1.0;
    }
    return std::max(0.1, m_mmPerSecond * effectivePixelsPerMm());
}

double StripView::visibleStart() const
{
    if (!m_strip.data)
        return std::isnan(m_viewStartMs) ? 0.0 : m_viewStartMs;
    const double stripStart = static_cast<double>(m_strip.data->t1Us) / 1000.0;
    return m_fit || std::isnan(m_viewStartMs) ? stripStart : m_viewStartMs;
}

double StripView::visibleSeconds() const
{
    return width() / pixelsPerSecond();
}

double StripView::visibleEnd() const
{
    return visibleStart() + visibleSeconds() * 1000.0;
}

double StripView::marker() const
{
    if (!m_strip.data || m_strip.data->markerUs == review::kNoMarker)
        return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(m_strip.data->markerUs) / 1000.0;
}

double StripView::xForTime(double ms) const
{
    return (ms - visibleStart()) / 1000.0 * pixelsPerSecond();
}

double StripView::timeForX(double x) const
{
    return visibleStart() + x / pixelsPerSecond() * 1000.0;
}

void StripView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size()) {
        if (m_fit)
            emit scaleChanged();
        emit viewChanged();
        changed();
    }
}

void StripView::itemChange(ItemChange change, const ItemChangeData &value)
{
    if (change == ItemSceneChange) {
        emit scaleChanged();
        emit viewChanged();
        m_dirty = true;
    }
    QQuickItem::itemChange(change, value);
}

QSGNode *StripView::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    const int width = static_cast<int>(std::floor(this->width()));
    const int laneCount = static_cast<int>(m_lanes.size());
    const bool drawable = width >= 8 && height() >= 8 && laneCount > 0 && m_strip.data;
    QSGNode *root = syncStripNodes(oldNode, drawable ? laneCount : 0);
    if (!drawable)
        return root;
    if (!m_dirty && static_cast<int>(m_columns.size()) == laneCount)
        return root;
    m_dirty = false;

    const double pxPerSec = pixelsPerSecond();
    const auto leftUs = static_cast<qint64>(std::llround(visibleStart() * 1000.0));
    const double laneH = height() / laneCount;
    m_columns.resize(static_cast<std::size_t>(laneCount));
    QSGGeometry::Point2D *vertices = stripVertices(width);

    QSGNode *node = root->firstChild();
    for (int li = 0; li < laneCount; ++li, node = node->nextSibling()) {
        LaneColumns &cols = m_columns[static_cast<std::size_t>(li)];
        cols.reset(width);
        const auto id = waveIdFromKey(m_lanes[li]);
        int n = 0;
        if (const ArchiveWaveStrip *s = id ? m_strip.data->find(*id) : nullptr) {
            const double firstS = static_cast<double>(s->startUs - leftUs) / 1e6;
            fillStripColumns(cols, s->samples, s->sampleRate, firstS, pxPerSec);
            StripStyle style;
            style.top = static_cast<float>(li * laneH + 2.0);
            style.bottom = static_cast<float>((li + 1) * laneH - 2.0);
            stripScale(*id, cols, style.scaleLo, style.scaleHi);
            style.halfLine = halfLine();
            style.erase = 0; // a finished strip has no sweep head
            n = appendStrip(vertices, 0, cols, 0, style);
        }
        fillStrip(node, WaveformView::colorFor(m_lanes[li]), vertices, n);
    }
    return root;
}

} // namespace vigil
