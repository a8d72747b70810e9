#include "Playhead.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil {

bool channelSilent(qint64 nowMs, qint64 lastWriteMs, double displayDelayS)
{
    return nowMs - lastWriteMs > static_cast<qint64>((displayDelayS + kSilentAfterDelayS) * 1000);
}

double advancePlayhead(double play, const PlayheadStep &s)
{
    const double target = s.written - s.delayS * s.rate;
    if (play < 0)
        return std::max(0.0, target);
    if (s.silent)
        return play + s.dtS * s.rate;
    if (std::abs(target - play) > 2.0 * s.rate)
        return std::max(0.0, target);
    return std::min(s.written, play + s.dtS * s.rate + (target - play) * std::min(1.0, s.dtS * 2.0));
}

TraceScale autoScale(TraceScale current, std::span<const float> columnLo, std::span<const float> columnHi)
{
    float lo = std::numeric_limits<float>::infinity(), hi = -lo;
    const std::size_t n = std::min(columnLo.size(), columnHi.size());
    for (std::size_t c = 0; c < n; ++c) {
        if (!std::isnan(columnLo[c])) {
            lo = std::min(lo, columnLo[c]);
            hi = std::max(hi, columnHi[c]);
        }
    }
    if (!(lo < hi))
        return current;
    const float pad = (hi - lo) * kAutoScalePad;
    TraceScale next;
    next.lo = lo - pad < current.lo ? lo - pad : current.lo + (lo - pad - current.lo) * kAutoScaleShrink;
    next.hi = hi + pad > current.hi ? hi + pad : current.hi + (hi + pad - current.hi) * kAutoScaleShrink;
    return next;
}

} // namespace vigil
