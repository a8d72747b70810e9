// VF filter and QRS width (see VentricularDetector.h).
#include "VentricularDetector.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigil::ecg {

namespace {
constexpr double kRingS = 5.0;
constexpr double kSettleS = 0.5; // the filters settle after a start or a gap
} // namespace

VentricularDetector::VentricularDetector(double sampleRate) : m_fs(sampleRate)
{
    m_lp = Biquad::lowPass(std::min(30.0, 0.45 * m_fs), m_fs);
    m_hp = Biquad::highPass(1.0, m_fs);
    m_ring.assign(static_cast<std::size_t>(kRingS * m_fs) + 8, 0.f);
}

void VentricularDetector::push(float x)
{
    const std::int64_t n = m_n++;
    const auto ri = static_cast<std::size_t>(n % std::int64_t(m_ring.size()));
    if (!std::isfinite(x)) {
        m_ring[ri] = 0.f;
        m_valid = 0;
        m_hp.reset();
        m_lp.reset();
        return;
    }
    ++m_valid;
    m_ring[ri] = static_cast<float>(m_lp.step(m_hp.step(double(x))));
}

VentricularDetector::VfWindow VentricularDetector::vfWindow(double windowS) const
{
    VfWindow w;
    const auto len = static_cast<std::int64_t>(windowS * m_fs);
    if (m_valid < len + static_cast<std::int64_t>(kSettleS * m_fs) || len + 2 >= std::int64_t(m_ring.size()))
        return w;
    const std::int64_t from = m_n - len;
    double sumAbs = 0, sumDiff = 0, sumSq = 0;
    for (std::int64_t i = from; i < m_n; ++i) {
        const double v = at(i);
        sumAbs += std::abs(v);
        sumSq += v * v;
        if (i > from)
            sumDiff += std::abs(v - at(i - 1));
    }
    w.rmsMv = std::sqrt(sumSq / double(len));
    if (sumDiff <= 0)
        return w;
    const auto half = static_cast<std::int64_t>(std::floor(std::numbers::pi * sumAbs / sumDiff + 0.5));
    if (half < 1 || half >= len / 2)
        return w;
    double num = 0, den = 0;
    for (std::int64_t i = from + half; i < m_n; ++i) {
        const double a = at(i), b = at(i - half);
        num += std::abs(a + b);
        den += std::abs(a) + std::abs(b);
    }
    if (den <= 0)
        return w;
    w.valid = true;
    w.leakage = num / den;
    w.freqHz = m_fs / (2.0 * double(half));
    return w;
}

double VentricularDetector::qrsWidthMs(std::int64_t sample) const
{
    const auto reach = static_cast<std::int64_t>(0.120 * m_fs);
    const std::int64_t from = sample - reach, to = sample + reach;
    // The whole stretch must be valid signal still in the ring.
    if (from < 1 || to >= m_n || m_n - from >= std::int64_t(m_ring.size()) || m_n - from > m_valid)
        return std::nan("");
    const auto core = static_cast<std::int64_t>(0.050 * m_fs);
    double steepest = 0;
    for (std::int64_t i = sample - core; i <= sample + core; ++i)
        steepest = std::max(steepest, double(std::abs(at(i) - at(i - 1))));
    if (steepest <= 0)
        return std::nan("");
    const double thr = 0.15 * steepest;
    std::int64_t onset = sample, offset = sample;
    for (std::int64_t i = from; i <= sample; ++i)
        if (std::abs(at(i) - at(i - 1)) >= thr) {
            onset = i - 1;
            break;
        }
    for (std::int64_t i = to; i >= sample; --i)
        if (std::abs(at(i) - at(i - 1)) >= thr) {
            offset = i;
            break;
        }
    return double(offset - onset) * 1000.0 / m_fs;
}

} // namespace vigil::ecg
