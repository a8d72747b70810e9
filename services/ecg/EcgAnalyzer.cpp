// Per-bed ECG analysis: beats, HR, lead-off and noise, the central-derived rhythm calls (see EcgAnalyzer.h).
#include "EcgAnalyzer.h"

#include <QStringList>

#include <algorithm>

namespace vigil::ecg {

namespace {
// The detector reports a beat up to ~330 ms after its R wave (integration window plus peak hold): gaps are
// measured up to the newest sample minus this, so a normal beat still in the pipeline never reads as a pause.
constexpr qint64 kDetectionLatencyUs = 400'000;
constexpr qint64 kJudgeEveryUs = 250'000;
constexpr int kRangeChunks = 8; // of 250 ms: the 2 s range window
} // namespace

QString callCode(RhythmCall c)
{
    switch (c) {
    case RhythmCall::Asystole:
        return QStringLiteral("ecg_asystole");
    case RhythmCall::Pause:
        return QStringLiteral("ecg_pause");
    case RhythmCall::ExtremeBrady:
        return QStringLiteral("ecg_brady_extreme");
    case RhythmCall::ExtremeTachy:
        return QStringLiteral("ecg_tachy_extreme");
    case RhythmCall::Count:
        break;
    }
    return {};
}

QString callText(RhythmCall c)
{
    switch (c) {
    case RhythmCall::Asystole:
        return QStringLiteral("Asystole (central)");
    case RhythmCall::Pause:
        return QStringLiteral("Pause (central)");
    case RhythmCall::ExtremeBrady:
        return QStringLiteral("Extreme brady (central)");
    case RhythmCall::ExtremeTachy:
        return QStringLiteral("Extreme tachy (central)");
    case RhythmCall::Count:
        break;
    }
    return {};
}

QStringList callDeviceRefIds(RhythmCall c)
{
    switch (c) {
    case RhythmCall::Asystole:
        return {QStringLiteral("MDC_EVT_ECG_ASYSTOLE")};
    case RhythmCall::Pause:
        return {QStringLiteral("MDC_EVT_ECG_PAUSE"), QStringLiteral("MDC_EVT_ECG_BEAT_MISSED")};
    case RhythmCall::ExtremeBrady:
        return {QStringLiteral("MDC_EVT_ECG_BRADY_EXTREME"), QStringLiteral("MDC_EVT_ECG_SINUS_BRADY")};
    case RhythmCall::ExtremeTachy:
        return {QStringLiteral("MDC_EVT_ECG_TACHY_EXTREME"), QStringLiteral("MDC_EVT_ECG_SINUS_TACHY")};
    case RhythmCall::Count:
        break;
    }
    return {};
}

EcgAnalyzer::EcgAnalyzer(double sampleRate, EcgAnalysisConfig config)
    : m_det(sampleRate), m_cfg(std::move(config))
{}

void EcgAnalyzer::push(const float *x, std::size_t n, qint64 startTimeUs)
{
    if (n == 0)
        return;
    const double periodUs = 1e6 / sampleRate();
    if (!m_started) {
        m_started = true;
        m_t0Us = m_startUs = startTimeUs;
        m_blockStartUs = startTimeUs;
        m_blockMin = m_blockMax = std::isfinite(x[0]) ? x[0] : 0.f;
    } else {
        const qint64 expected = sampleTimeUs(m_det.samplesSeen());
        if (startTimeUs > expected + qint64(1.5 * periodUs)) {
            // A gap: no signal. Up to 10 s is filled with NaN (the detector resets); beyond, the timeline
            // jumps.
            const auto missing = static_cast<std::int64_t>(double(startTimeUs - expected) / periodUs);
            static const float kNan = std::nanf("");
            std::vector<Beat> out;
            for (std::int64_t i = 0; i < std::min<std::int64_t>(missing, std::int64_t(10 * sampleRate()));
                 ++i)
                m_det.push(kNan, out);
            m_lastInvalidUs = startTimeUs;
            // The detector relearns after the gap, as after a start: its first seconds are not judged
            // (a gateway outage must not end in a "noisy" call on the signal that comes back).
            m_startUs = startTimeUs;
            m_t0Us = startTimeUs - static_cast<qint64>(double(m_det.samplesSeen()) * periodUs);
        } else if (startTimeUs < expected - qint64(1.5 * periodUs)) {
            const auto overlap = static_cast<std::size_t>(double(expected - startTimeUs) / periodUs + 0.5);
            if (overlap >= n)
                return;
            x += overlap, n -= overlap, startTimeUs = expected;
        }
    }
    std::vector<Beat> out;
    for (std::size_t i = 0; i < n; ++i) {
        const float v = x[i];
        const std::int64_t s = m_det.samplesSeen();
        const qint64 t = sampleTimeUs(s);
        if (!std::isfinite(v)) {
            m_lastInvalidUs = t;
        } else {
            m_blockMin = std::min(m_blockMin, v);
            m_blockMax = std::max(m_blockMax, v);
        }
        m_det.push(v, out);
        for (const Beat &b : out) {
            m_beats.push_back(b);
            m_beatTimes.push_back(sampleTimeUs(b.sample));
            while (int(m_beatTimes.size()) > m_cfg.rateBeats + 1)
                m_beatTimes.pop_front();
        }
        out.clear();
        if (t - m_blockStartUs >= kJudgeEveryUs) {
            m_minmax.emplace_back(m_blockMin, m_blockMax);
            while (int(m_minmax.size()) > kRangeChunks)
                m_minmax.pop_front();
            m_blockStartUs = t;
            m_blockMin = m_blockMax = std::isfinite(v) ? v : 0.f;
            judge(t);
        }
    }
    m_status.signalTimeUs = sampleTimeUs(m_det.samplesSeen() - 1);
}

std::vector<qint64> EcgAnalyzer::takeBeats()
{
    std::vector<qint64> r;
    for (; m_taken < m_beats.size(); ++m_taken)
        r.push_back(sampleTimeUs(m_beats[m_taken].sample));
    return r;
}

RhythmStatus EcgAnalyzer::status() const
{
    return m_status;
}

void EcgAnalyzer::judge(qint64 t)
{
    RhythmStatus s;
    s.signal = true;
    s.signalTimeUs = t;
    // Noise: many more integrated-signal peaks than a heart makes, or a saturated / moving trace.
    float lo = 0, hi = 0;
    bool first = true;
    for (const auto &[mn, mx] : m_minmax) {
        lo = first ? mn : std::min(lo, mn);
        hi = first ? mx : std::max(hi, mx);
        first = false;
    }
    m_band.push_back(m_det.takeBandStats());
    while (int(m_band.size()) > kRangeChunks)
        m_band.pop_front();
    double bandMax = 0, bandSq = 0;
    std::int64_t bandN = 0;
    for (const auto &b : m_band)
        bandMax = std::max(bandMax, b.max), bandSq += b.sumSq, bandN += b.n;
    if (bandN > 0 && int(m_band.size()) == kRangeChunks) {
        s.bandRmsMv = std::sqrt(bandSq / double(bandN));
        s.crest = s.bandRmsMv > 0 ? bandMax / s.bandRmsMv : 0;
    }
    // The crest factor of a spike train falls with its rate (sqrt of the duty cycle): when the recent R-R
    // intervals are regular (an organised rhythm; noise gives irregular detections), the limit is scaled to
    // the rate, so a regular fast rhythm is not mistaken for noise.
    double crestLimit = m_cfg.noisyCrest;
    if (m_beatTimes.size() >= 6) {
        std::vector<double> rr;
        for (std::size_t i = 1; i < m_beatTimes.size(); ++i)
            rr.push_back(double(m_beatTimes[i] - m_beatTimes[i - 1]) / 1e6);
        double mean = 0, var = 0;
        for (double r : rr)
            mean += r;
        mean /= double(rr.size());
        for (double r : rr)
            var += (r - mean) * (r - mean);
        const double cv = std::sqrt(var / double(rr.size())) / mean;
        if (cv < 0.08 && t - m_beatTimes.back() < 2'000'000)
            crestLimit *= std::min(1.0, std::sqrt(mean / 0.8));
    }
    // Not judged before the detector has learnt and seen a few beats (the first 4 s after a start).
    const bool crestNoise =
        t - m_startUs >= 4'000'000 && s.bandRmsMv > m_cfg.noiseFloorMv && s.crest < crestLimit;
    const bool learnt = t - m_startUs >= 4'000'000;
    if (learnt &&
        (m_det.recentPeaks() > m_cfg.noisyPeaksPer3s || (hi - lo) > m_cfg.noisyRangeMv || crestNoise))
        m_lastNoisyUs = t;
    s.noisy = m_lastNoisyUs > 0 && double(t - m_lastNoisyUs) < m_cfg.noiseHoldS * 1e6;
    s.leadOff = m_lastInvalidUs > 0 && t - m_lastInvalidUs < 1'000'000;
    // The first 4 s after a start are not analysable: the detector learns, the noise detector fills its
    // window.
    const bool usable = !s.noisy && !s.leadOff && t - m_startUs >= 4'000'000;

    // The time without QRS on a usable signal: since the last beat, a stretch of no signal or noise, or the
    // start, whichever is latest; measured up to the newest sample minus the detector's latency.
    const qint64 lastBeat = m_beatTimes.empty() ? 0 : m_beatTimes.back();
    // After the start the detector learns its thresholds for 2.5 s: no QRS can be reported before that.
    const qint64 since = std::max({lastBeat, m_lastInvalidUs, m_lastNoisyUs, m_startUs + 2'500'000});
    const double quietS = double(t - kDetectionLatencyUs - since) / 1e6;
    if (usable && quietS >= m_cfg.asystoleS) {
        s.active[int(RhythmCall::Asystole)] = true;
        s.value[int(RhythmCall::Asystole)] = quietS;
        s.hr = 0;
    } else if (usable && quietS >= m_cfg.pauseS) {
        m_pauseSeenUs = t;
        m_lastPauseS = quietS;
    }
    if (usable && !s.active[int(RhythmCall::Asystole)] && m_pauseSeenUs > 0 &&
        double(t - m_pauseSeenUs) <= m_cfg.pauseHoldS * 1e6) {
        s.active[int(RhythmCall::Pause)] = true;
        s.value[int(RhythmCall::Pause)] = m_lastPauseS;
    }
    // HR: median of the last R-R intervals, when the beats are recent.
    if (usable && !s.active[int(RhythmCall::Asystole)] && m_beatTimes.size() >= 5 &&
        t - m_beatTimes.back() < 3'000'000 + kDetectionLatencyUs) {
        std::vector<qint64> rr;
        for (std::size_t i = 1; i < m_beatTimes.size(); ++i)
            rr.push_back(m_beatTimes[i] - m_beatTimes[i - 1]);
        std::nth_element(rr.begin(), rr.begin() + long(rr.size() / 2), rr.end());
        const qint64 med = rr[rr.size() / 2];
        if (med > 0)
            s.hr = 60e6 / double(med);
        if (s.hr < m_cfg.bradyBpm) {
            s.active[int(RhythmCall::ExtremeBrady)] = true;
            s.value[int(RhythmCall::ExtremeBrady)] = s.hr;
        }
        if (s.hr > m_cfg.tachyBpm) {
            s.active[int(RhythmCall::ExtremeTachy)] = true;
            s.value[int(RhythmCall::ExtremeTachy)] = s.hr;
        }
    }
    m_status = s;
}

// --- EcgStation
// ------------------------------------------------------------------------------------------------

void EcgStation::feed(const BedUpdate &update)
{
    if (!m_cfg.enabled)
        return;
    const WaveBlock *pick = nullptr;
    for (const WaveBlock &b : update.waves) {
        if (b.id > WaveId::EcgV || b.samples.empty())
            continue;
        const auto key = waveInfo(b.id).key;
        if (m_cfg.lead == QLatin1String(key.data(), qsizetype(key.size()))) {
            pick = &b;
            break;
        }
        if (!pick)
            pick = &b;
    }
    if (!pick)
        return;
    std::shared_ptr<Bed> bed;
    {
        std::lock_guard lock(m_mutex);
        auto &slot = m_beds[update.bedKey];
        if (!slot) {
            slot = std::make_shared<Bed>();
            slot->lead = pick->id;
        }
        bed = slot;
    }
    std::lock_guard lock(bed->mutex);
    if (pick->id != bed->lead) {
        // Keep the lead chosen first unless the configured one appears.
        const auto key = waveInfo(pick->id).key;
        if (m_cfg.lead != QLatin1String(key.data(), qsizetype(key.size())))
            return;
        bed->lead = pick->id;
        bed->analyzer.reset();
    }
    if (!bed->analyzer || bed->analyzer->sampleRate() != pick->sampleRate)
        bed->analyzer = std::make_unique<EcgAnalyzer>(pick->sampleRate, m_cfg);
    bed->analyzer->push(pick->samples.data(), pick->samples.size(), pick->startTimeUs);
}

std::vector<EcgStation::BedResult> EcgStation::poll()
{
    std::vector<std::pair<QString, std::shared_ptr<Bed>>> beds;
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_beds.cbegin(); it != m_beds.cend(); ++it)
            beds.emplace_back(it.key(), it.value());
    }
    std::vector<BedResult> out;
    out.reserve(beds.size());
    for (auto &[key, bed] : beds) {
        std::lock_guard lock(bed->mutex);
        if (!bed->analyzer)
            continue;
        BedResult r{key, bed->analyzer->status(), bed->analyzer->takeBeats()};
        const auto k = waveInfo(bed->lead).key;
        r.status.lead = QString::fromLatin1(k.data(), qsizetype(k.size()));
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace vigil::ecg
