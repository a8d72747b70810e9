#include "SweepGeometry.h"

#include <algorithm>
#include <cmath>
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

int appendStrip(QSGGeometry::Point2D *v, int n, const LaneColumns &lane, int headColumn,
                const StripStyle &st)
{
    const int width = lane.width();
    const float span = std::max(1e-6f, st.scaleHi - st.scaleLo);
    const float k = (st.bottom - st.top) / span;
    const float yMin = st.top - st.halfLine, yMax = st.bottom + st.halfLine;
    bool inRun = false;
    bool pendingJoin = n > 0; // a previous lane's strip ends at v[n-1]
    for (int c = 0; c < width; ++c) {
        const int ahead = ((c - headColumn) % width + width) % width;
        const bool erased = ahead > 0 && ahead <= st.erase;
        const float lo = lane.lo[c], hi = lane.hi[c];
        if (erased || std::isnan(lo)) {
            if (inRun)
                pendingJoin = true;
            inRun = false;
            continue;
        }
        const float yTop = std::clamp(st.bottom - (hi - st.scaleLo) * k - st.halfLine, yMin, yMax);
        const float yBot = std::clamp(st.bottom - (lo - st.scaleLo) * k + st.halfLine, yMin, yMax);
        const float x = static_cast<float>(c) + 0.5f;
        if (pendingJoin && n > 0) {
            // Two repeated vertices make zero-area triangles: the strip jumps without drawing.
            v[n] = v[n - 1];
            ++n;
            v[n].set(x, yTop);
            ++n;
        }
        pendingJoin = false;
        inRun = true;
        v[n++].set(x, yTop);
        v[n++].set(x, yBot);
    }
    return n;
}

} // namespace vigil
