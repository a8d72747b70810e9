// Pan-Tompkins QRS detection, streaming, any sample rate (see QrsDetector.h).
#include "QrsDetector.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigil::ecg {

namespace {
constexpr double kLowCutHz = 5.0;
constexpr double kHighCutHz = 15.0;
constexpr double kLearnS = 2.0;
constexpr double kWarmS = 0.5; // filters settle after a gap before peaks count
} // namespace

QrsDetector::QrsDetector(double sampleRate) : m_fs(sampleRate)
{
    m_lp = Biquad::lowPass(std::min(kHighCutHz, 0.45 * m_fs), m_fs);
    m_hp = Biquad::highPass(kLowCutHz, m_fs);
    const auto ringLen = static_cast<std::size_t>(2.0 * m_fs) + 8;
    m_raw.assign(ringLen, 0.f);
    m_bp.assign(ringLen, 0.f);
    m_der.assign(ringLen, 0.f);
    m_mwiLen = std::max(1, static_cast<int>(std::lround(0.150 * m_fs)));
    m_sq.assign(static_cast<std::size_t>(m_mwiLen), 0.f);
    m_peakHold = std::max(1, static_cast<int>(std::lround(0.180 * m_fs)));
    m_refractory = static_cast<int>(std::lround(0.200 * m_fs));
    m_tWaveWindow = static_cast<int>(std::lround(0.360 * m_fs));
}

void QrsDetector::reset()
{
    m_hp.reset();
    m_lp.reset();
    m_mwiSum = 0;
    std::fill(m_sq.begin(), m_sq.end(), 0.f);
    m_valid = 0;
    m_cand = {0, -1};
    m_falling = false;
    m_rr.clear();
    m_sinceQrs.clear();
}

void QrsDetector::push(float x, std::vector<Beat> &out)
{
    const std::int64_t n = m_n++;
    const auto ri = static_cast<std::size_t>(n % std::int64_t(m_raw.size()));
    if (!std::isfinite(x)) {
        m_raw[ri] = m_bp[ri] = m_der[ri] = 0.f;
        if (m_valid != 0)
            reset();
        return;
    }
    ++m_valid;
    m_raw[ri] = x;
    const double bp = m_lp.step(m_hp.step(double(x)));
    m_bp[ri] = static_cast<float>(bp);
    if (m_valid > static_cast<std::int64_t>(kWarmS * m_fs)) {
        m_band.max = std::max(m_band.max, std::abs(bp));
        m_band.sumSq += bp * bp;
        ++m_band.n;
    }
    // Five-point derivative (needs 4 previous band-passed samples; zero until the filters have them).
    double d = 0;
    if (m_valid > 4)
        d = (2 * bp + ring(m_bp, n - 1) - ring(m_bp, n - 3) - 2 * ring(m_bp, n - 4)) * m_fs / 8.0;
    m_der[ri] = static_cast<float>(d);
    const double sq = d * d;
    const auto si = static_cast<std::size_t>(n % m_mwiLen);
    m_mwiSum += sq - m_sq[si];
    m_sq[si] = static_cast<float>(sq);
    if (m_mwiSum < 0)
        m_mwiSum = 0;
    const double y = m_mwiSum / m_mwiLen;

    if (m_valid < static_cast<std::int64_t>(kWarmS * m_fs))
        return;
    if (m_learning) {
        m_learnMax = std::max(m_learnMax, y);
        m_learnSum += y;
        ++m_learnCount;
    }

    // Local maxima of the integrated signal: a candidate becomes a peak when nothing larger follows within
    // m_peakHold; then the signal must fall and rise again before the next candidate starts.
    if (m_falling) {
        if (y > m_prevY) {
            m_falling = false;
            m_cand = {n, y};
        }
    } else if (y > m_cand.value) {
        m_cand = {n, y};
    } else if (n - m_cand.at >= m_peakHold) {
        const Peak p = m_cand;
        m_falling = true;
        if (m_learning)
            m_learnPeaks.push_back(p);
        else
            onPeak(p, out);
    }
    m_prevY = y;

    if (m_learning && m_learnCount >= static_cast<std::int64_t>(kLearnS * m_fs)) {
        m_learning = false;
        m_spki = 0.25 * m_learnMax;
        m_npki = 0.5 * (m_learnSum / double(m_learnCount));
        for (const Peak &p : m_learnPeaks)
            onPeak(p, out);
        m_learnPeaks.clear();
    }

    // Search-back: no QRS for 166 % of the mean R-R: the largest peak since then above THRESHOLD I2.
    if (!m_learning && m_lastQrs >= 0 && !m_rr.empty() && !m_sinceQrs.empty()) {
        double mean = 0;
        for (auto r : m_rr)
            mean += double(r);
        mean /= double(m_rr.size());
        if (double(n - m_lastQrs) > 1.66 * mean) {
            const double thr2 = 0.5 * (m_npki + 0.25 * (m_spki - m_npki));
            const Peak *best = nullptr;
            for (const Peak &p : m_sinceQrs)
                if (p.at - m_lastQrs > m_refractory && p.value > thr2 && (!best || p.value > best->value))
                    best = &p;
            if (best) {
                const Peak p = *best;
                m_spki = 0.25 * p.value + 0.75 * m_spki;
                acceptQrs(p, true, out);
            } else {
                m_sinceQrs.clear(); // nothing there; later peaks are judged as they come
            }
        }
    }
}

double QrsDetector::slopeBefore(std::int64_t at) const
{
    double m = 0;
    const std::int64_t from = std::max<std::int64_t>(0, at - m_mwiLen - std::int64_t(0.05 * m_fs));
    for (std::int64_t i = from; i <= at; ++i)
        m = std::max(m, std::abs(ring(m_der, i)));
    return m;
}

std::int64_t QrsDetector::locateR(std::int64_t mwiPeak, float *amp) const
{
    // The QRS lies within the integration window before the integrated peak.
    const std::int64_t from = std::max<std::int64_t>(0, mwiPeak - m_mwiLen - std::int64_t(0.05 * m_fs));
    std::int64_t bpAt = mwiPeak;
    double best = -1;
    for (std::int64_t i = from; i <= mwiPeak; ++i) {
        const double v = std::abs(ring(m_bp, i));
        if (v > best)
            best = v, bpAt = i;
    }
    *amp = static_cast<float>(best);
    // The band-pass delays the wave by a few samples: the R wave is the largest raw deflection (from the
    // local mean) just before the band-passed one.
    const std::int64_t r0 = std::max<std::int64_t>(0, bpAt - std::int64_t(0.07 * m_fs));
    const std::int64_t r1 = std::min<std::int64_t>(m_n - 1, bpAt + std::int64_t(0.01 * m_fs));
    const std::int64_t m0 = std::max<std::int64_t>(0, bpAt - std::int64_t(0.15 * m_fs));
    const std::int64_t m1 = std::min<std::int64_t>(m_n - 1, bpAt + std::int64_t(0.05 * m_fs));
    double mean = 0;
    for (std::int64_t i = m0; i <= m1; ++i)
        mean += ring(m_raw, i);
    mean /= double(m1 - m0 + 1);
    std::int64_t rAt = bpAt;
    best = -1;
    for (std::int64_t i = r0; i <= r1; ++i) {
        const double v = std::abs(ring(m_raw, i) - mean);
        if (v > best)
            best = v, rAt = i;
    }
    return rAt;
}

void QrsDetector::acceptQrs(const Peak &p, bool searchBack, std::vector<Beat> &out)
{
    if (m_lastQrs >= 0) {
        m_rr.push_back(p.at - m_lastQrs);
        if (m_rr.size() > 8)
            m_rr.pop_front();
    }
    m_lastQrs = p.at;
    m_lastQrsSlope = slopeBefore(p.at);
    std::erase_if(m_sinceQrs, [&](const Peak &q) { return q.at <= p.at; });
    float amp = 0;
    const std::int64_t r = locateR(p.at, &amp);
    if (m_lastEmittedR >= 0 && r - m_lastEmittedR < m_refractory)
        return;
    m_lastEmittedR = r;
    out.push_back({r, amp, searchBack});
}

void QrsDetector::onPeak(const Peak &p, std::vector<Beat> &out)
{
    const double thr1 = m_npki + 0.25 * (m_spki - m_npki);
    const double thr2 = 0.5 * thr1;
    if (p.value > thr2) {
        m_recentPeaks.push_back(p.at);
    }
    while (!m_recentPeaks.empty() && m_recentPeaks.front() < p.at - std::int64_t(3 * m_fs))
        m_recentPeaks.pop_front();

    bool qrs = false;
    if (p.value > thr1 && (m_lastQrs < 0 || p.at - m_lastQrs > m_refractory)) {
        qrs = true;
        // T wave or QRS? Within 360 ms of the last QRS, a slope under half of its slope is a T wave.
        if (m_lastQrs >= 0 && p.at - m_lastQrs < m_tWaveWindow && slopeBefore(p.at) < 0.5 * m_lastQrsSlope)
            qrs = false;
    }
    if (qrs) {
        m_spki = 0.125 * p.value + 0.875 * m_spki;
        acceptQrs(p, false, out);
    } else {
        m_npki = 0.125 * p.value + 0.875 * m_npki;
        if (m_lastQrs < 0 || p.at - m_lastQrs > m_refractory)
            m_sinceQrs.push_back(p);
    }
}

} // namespace vigil::ecg
