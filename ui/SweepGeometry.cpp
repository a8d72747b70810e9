#include "SweepGeometry.h"

#include <QQuickWindow>
#include <QScreen>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace vigil {

void LaneColumns::reset(int width)
{
    lo.assign(width, std::nanf(""));
    hi.assign(width, std::nanf(""));
    last.assign(width, std::nanf(""));
    lastHeadPx = -1.0;
}

void sweepColumns(LaneColumns &lane, const SampleRing &ring, double samplesPerPx, double headPx,
                  std::vector<float> &scratch)
{
    const int width = lane.width();
    if (width <= 0)
        return;
    double fromPx = lane.lastHeadPx < 0 ? headPx - width : std::floor(lane.lastHeadPx);
    if (headPx - fromPx > width)
        fromPx = headPx - width;
    if (fromPx > headPx)
        return;
    const auto firstCol = static_cast<std::int64_t>(std::floor(fromPx));
    const auto lastCol = static_cast<std::int64_t>(std::floor(headPx)); // the head's own column is partial
    const auto firstSample = static_cast<std::int64_t>(std::floor(firstCol * samplesPerPx)) - 1;
    const auto endSample = static_cast<std::int64_t>(std::floor(headPx * samplesPerPx));
    const auto count = static_cast<std::size_t>(std::max<std::int64_t>(0, endSample - firstSample));
    scratch.resize(count);
    if (firstSample >= 0) {
        ring.copy(static_cast<std::uint64_t>(firstSample), scratch);
    } else {
        std::fill(scratch.begin(), scratch.end(), std::nanf(""));
        const auto skip = static_cast<std::size_t>(-firstSample);
        if (skip < count)
            ring.copy(0, std::span<float>(scratch).subspan(skip));
    }
    const float nan = std::nanf("");
    for (std::int64_t col = firstCol; col <= lastCol; ++col) {
        const auto s0 = static_cast<std::int64_t>(std::floor(col * samplesPerPx));
        const auto s1 = std::min(static_cast<std::int64_t>(std::floor((col + 1) * samplesPerPx)), endSample);
        float lo = std::numeric_limits<float>::infinity(), hi = -lo, lastValue = nan;
        bool own = false;
        for (std::int64_t s = s0 - 1; s < s1; ++s) {
            const std::int64_t k = s - firstSample;
            if (k < 0 || k >= static_cast<std::int64_t>(count))
                continue;
            const float v = scratch[static_cast<std::size_t>(k)];
            if (s >= s0) {
                lastValue = v;
                own = own || !std::isnan(v);
            }
            if (std::isnan(v))
                continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        const auto slot = static_cast<std::size_t>(((col % width) + width) % width);
        // A column with no sample of its own (a gap) is not drawn, even if its neighbour has data.
        const bool drawn = own && lo <= hi;
        lane.lo[slot] = drawn ? lo : nan;
        lane.hi[slot] = drawn ? hi : nan;
        lane.last[slot] = lastValue;
    }
    lane.lastHeadPx = headPx;
}

namespace {

// Emits one run of drawn columns [first, last] as a strip, merging columns that a straight band edge
// reproduces within `tol` px: a "sleeve" that keeps, for the top and bottom edge separately, the range of
// slopes from the last kept column that stays within tolerance of every column since. When the range
// empties, the previous column is kept (at a value inside both ranges, so no merged column is more than
// tol away from its true edge).
struct Edge
{
    float lo, hi; // admissible slope range
};

int emitRun(QSGGeometry::Point2D *v, int n, const float *top, const float *bot, int first, int last,
            float tol, bool join)
{
    auto put = [&](int c, float yTop, float yBot) {
        const float x = static_cast<float>(c) + 0.5f;
        if (join && n > 0) {
            v[n] = v[n - 1];
            ++n;
            v[n++].set(x, yTop);
            join = false;
        }
        v[n++].set(x, yTop);
        v[n++].set(x, yBot);
    };
    int anchor = first;
    float aTop = top[first], aBot = bot[first];
    put(first, aTop, aBot);
    if (first == last)
        return n;
    Edge et{-1e9f, 1e9f}, eb{-1e9f, 1e9f};
    float lastTop = aTop, lastBot = aBot; // value to emit for the previous column if the sleeve breaks
    for (int c = first + 1; c <= last; ++c) {
        const float d = static_cast<float>(c - anchor);
        const Edge nt{std::max(et.lo, (top[c] - tol - aTop) / d), std::min(et.hi, (top[c] + tol - aTop) / d)};
        const Edge nb{std::max(eb.lo, (bot[c] - tol - aBot) / d), std::min(eb.hi, (bot[c] + tol - aBot) / d)};
        if (tol > 0 && nt.lo <= nt.hi && nb.lo <= nb.hi && c - anchor < 64) {
            et = nt;
            eb = nb;
            // Where the band would pass at c if it ended here: the slope closest to c's own edge.
            lastTop = aTop + std::clamp((top[c] - aTop) / d, et.lo, et.hi) * d;
            lastBot = aBot + std::clamp((bot[c] - aBot) / d, eb.lo, eb.hi) * d;
            continue;
        }
        if (c - 1 > anchor) {
            put(c - 1, lastTop, lastBot);
            anchor = c - 1;
            aTop = lastTop;
            aBot = lastBot;
            const float d1 = static_cast<float>(c - anchor);
            et = {(top[c] - tol - aTop) / d1, (top[c] + tol - aTop) / d1};
            eb = {(bot[c] - tol - aBot) / d1, (bot[c] + tol - aBot) / d1};
            lastTop = top[c];
            lastBot = bot[c];
            if (tol > 0)
                continue;
        }
        put(c, top[c], bot[c]);
        anchor = c;
        aTop = top[c];
        aBot = bot[c];
        et = {-1e9f, 1e9f};
        eb = {-1e9f, 1e9f};
        lastTop = aTop;
        lastBot = aBot;
    }
    if (anchor != last)
        put(last, lastTop, lastBot);
    return n;
}

} // namespace

int appendStrip(QSGGeometry::Point2D *v, int n, const LaneColumns &lane, int headColumn, const StripStyle &st)
{
    const int width = lane.width();
    const float span = std::max(1e-6f, st.scaleHi - st.scaleLo);
    const float k = (st.bottom - st.top) / span;
    const float yMin = st.top - st.halfLine, yMax = st.bottom + st.halfLine;
    thread_local std::vector<float> top, bot;
    top.resize(static_cast<std::size_t>(width));
    bot.resize(static_cast<std::size_t>(width));
    int runStart = -1;
    for (int c = 0; c <= width; ++c) {
        bool drawn = false;
        if (c < width) {
            const int ahead = ((c - headColumn) % width + width) % width;
            const bool erased = ahead > 0 && ahead <= st.erase;
            const float lo = lane.lo[c], hi = lane.hi[c];
            drawn = !erased && !std::isnan(lo);
            if (drawn) {
                top[c] = std::clamp(st.bottom - (hi - st.scaleLo) * k - st.halfLine, yMin, yMax);
                bot[c] = std::clamp(st.bottom - (lo - st.scaleLo) * k + st.halfLine, yMin, yMax);
            }
        }
        if (drawn && runStart < 0)
            runStart = c;
        if (!drawn && runStart >= 0) {
            // Runs after the first are joined to the strip with degenerate (zero-area) triangles.
            n = emitRun(v, n, top.data(), bot.data(), runStart, c - 1, st.tolerance, n > 0);
            runStart = -1;
        }
    }
    return n;
}

FlatStripNode::FlatStripNode() : m_geometry(QSGGeometry::defaultAttributes_Point2D(), 0)
{
    m_geometry.setDrawingMode(QSGGeometry::DrawTriangleStrip);
    m_geometry.setVertexDataPattern(QSGGeometry::StreamPattern);
    setGeometry(&m_geometry);
    setMaterial(&m_material);
}

void FlatStripNode::setColor(const QColor &c)
{
    if (m_material.color() != c) {
        m_material.setColor(c);
        markDirty(QSGNode::DirtyMaterial);
    }
}

void FlatStripNode::setVertices(const QSGGeometry::Point2D *v, int n)
{
    if (m_geometry.vertexCount() != n)
        m_geometry.allocate(n);
    if (n > 0)
        std::memcpy(m_geometry.vertexData(), v, sizeof(QSGGeometry::Point2D) * static_cast<std::size_t>(n));
    markDirty(QSGNode::DirtyGeometry);
}

std::optional<WaveId> waveIdFromKey(const QString &key)
{
    for (const WaveInfo &w : kWaves) {
        if (key == QLatin1String(w.key.data(), static_cast<qsizetype>(w.key.size())))
            return w.id;
    }
    return std::nullopt;
}

double screenPixelsPerMm(const QQuickWindow *window)
{
    const QScreen *screen = window ? window->screen() : nullptr;
    const double dpi = screen ? screen->physicalDotsPerInch() / screen->devicePixelRatio() : 96.0;
    const double ppm = dpi / 25.4;
    return (ppm >= 2.0 && ppm <= 12.0) ? ppm : 96.0 / 25.4;
}

} // namespace vigil
