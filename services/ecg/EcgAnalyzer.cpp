// Per-bed ECG analysis: beats, HR, lead-off and noise, the central-derived rhythm calls (see EcgAnalyzer.h).
#include "EcgAnalyzer.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

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
    case RhythmCall::VentFib:
        return QStringLiteral("ecg_vfib");
    case RhythmCall::VentTachy:
        return QStringLiteral("ecg_vtach");
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
    case RhythmCall::VentFib:
        return QStringLiteral("VFib (central)");
    case RhythmCall::VentTachy:
        return QStringLiteral("VTach (central)");
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
    case RhythmCall::VentFib:
        return {QStringLiteral("MDC_EVT_ECG_V_FIB"), QStringLiteral("MDC_EVT_ECG_V_FIB_TACHY")};
    case RhythmCall::VentTachy:
        return {QStringLiteral("MDC_EVT_ECG_V_TACHY"), QStringLiteral("MDC_EVT_ECG_V_FIB_TACHY")};
    case RhythmCall::Count:
        break;
    }
    return {};
}

EcgAnalyzer::EcgAnalyzer(double sampleRate, EcgAnalysisConfig config)
    : m_det(sampleRate), m_vent(sampleRate), m_cfg(std::move(config))
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
                 ++i) {
                m_det.push(kNan, out);
                m_vent.push(kNan);
            }
            m_lastInvalidUs = startTimeUs;
            // The detector relearns after the gap, as after a start: its first seconds are not judged
            // (a gateway outage must not end in a "noisy" call on the signal that comes back).
            m_startUs = startTimeUs;
            m_t0Us = startTimeUs - static_cast<qint64>(double(m_det.samplesSeen()) * periodUs);
        } else if (startTimeUs < expected - qint64(1.5 * periodUs)) {
            const auto overlap =
                static_cast<std::size_t>(std::llround(double(expected - startTimeUs) / periodUs));
            if (overlap >= n)
                return;
            x += overlap; // the block now starts at the expected time
            n -= overlap;
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
        m_vent.push(v);
        for (const Beat &b : out) {
            m_beats.push_back(b);
            const qint64 bt = sampleTimeUs(b.sample);
            m_beatTimes.push_back(bt);
            while (int(m_beatTimes.size()) > m_cfg.rateBeats + 1)
                m_beatTimes.pop_front();
            onBeatWidth(bt, m_vent.qrsWidthMs(b.sample));
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

void EcgAnalyzer::onBeatWidth(qint64 beatUs, double widthMs)
{
    m_widths.push_back({beatUs, widthMs});
    m_allWidths.push_back(static_cast<float>(widthMs));
    while (int(m_widths.size()) > std::max(2, m_cfg.vtBeats))
        m_widths.pop_front();
    m_status.lastWidthMs = widthMs;
    // The patient's own width is learnt like a monitor's template: the first 16 beats after the start,
    // then every beat within 20 ms of it (slow drift is followed, a sudden wide rhythm is not). A bundle
    // branch block is then the patient's normal, not VT. Starting in VT learns VT (as a monitor's learning
    // does): docs/EWS.md.
    if (std::isfinite(widthMs)) {
        if (m_narrowWidths.size() < 16 || std::abs(widthMs - ownWidthMs()) <= 20.0) {
            m_narrowWidths.push_back(widthMs);
            while (m_narrowWidths.size() > 31)
                m_narrowWidths.pop_front();
        }
    }
}

double EcgAnalyzer::ownWidthMs() const
{
    if (m_narrowWidths.size() < 8)
        return 0;
    std::vector<double> w(m_narrowWidths.begin(), m_narrowWidths.end());
    std::nth_element(w.begin(), w.begin() + long(w.size() / 2), w.end());
    return w[w.size() / 2];
}

bool EcgAnalyzer::ventricularRun(qint64 t, double *bpm, double *rrCv) const
{
    if (int(m_widths.size()) < m_cfg.vtBeats || m_cfg.vtBeats < 2 ||
        t - m_widths.back().timeUs > 2'000'000 + kDetectionLatencyUs)
        return false;
    const double own = ownWidthMs();
    const double wide = std::max(m_cfg.vtWidthMs, own + m_cfg.vtWidenMs);
    std::vector<qint64> rr;
    for (std::size_t i = 0; i < m_widths.size(); ++i) {
        if (!std::isfinite(m_widths[i].widthMs) || m_widths[i].widthMs < wide)
            return false;
        if (i > 0)
            rr.push_back(m_widths[i].timeUs - m_widths[i - 1].timeUs);
    }
    double mean = 0, var = 0;
    for (const qint64 r : rr)
        mean += double(r);
    mean /= double(rr.size());
    for (const qint64 r : rr)
        var += (double(r) - mean) * (double(r) - mean);
    *rrCv = mean > 0 ? std::sqrt(var / double(rr.size())) / mean : 1.0;
    std::nth_element(rr.begin(), rr.begin() + long(rr.size() / 2), rr.end());
    const qint64 med = rr[rr.size() / 2];
    if (med <= 0)
        return false;
    *bpm = 60e6 / double(med);
    // Monomorphic VT is regular; an irregular "run" is extra detections on noise or a wide-complex rhythm
    // with ectopy. Over vtMaxBpm the complexes are flutter/fibrillation waves: the VF filter judges them.
    const bool r = *bpm >= m_cfg.vtBpm && *bpm <= m_cfg.vtMaxBpm && *rrCv <= m_cfg.vtMaxRrCv;
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

    // Ventricular fibrillation: judged before the noise suppression (the noise measures see VF as noise),
    // but not on a lead that is off, saturated or moving, nor while the detector learns.
    const VentricularDetector::VfWindow vf = m_vent.vfWindow(4.0);
    s.vfLeakage = vf.leakage;
    s.vfFreqHz = vf.freqHz;
    const bool vfLike = m_cfg.ventricular && learnt && !s.leadOff && (hi - lo) <= m_cfg.noisyRangeMv &&
                        vf.valid && vf.leakage < m_cfg.vfLeakage && vf.freqHz >= m_cfg.vfMinHz &&
                        vf.freqHz <= m_cfg.vfMaxHz && vf.rmsMv >= m_cfg.vfMinRmsMv;
    if (vfLike) {
        if (m_vfSinceUs == 0)
            m_vfSinceUs = t;
        m_vfLastUs = t;
    } else {
        m_vfSinceUs = 0;
    }
    // Once called, VF stays until the signal has not looked like VF for 2 s (no flicker on one window).
    const bool vfWasOn = m_status.active[int(RhythmCall::VentFib)];
    // A regular run of fast wide complexes is VT even where the VF filter sees a narrow band (monomorphic
    // VT is nearly sinusoidal): the run decides, VF is the disorganised rest.
    double vtBpm = 0, vtCv = 1;
    const bool vtRun = m_cfg.ventricular && learnt && !s.leadOff && ventricularRun(t, &vtBpm, &vtCv);
    // Fast VF makes the QRS detector pick every second wave (its 200 ms refractory period) in a regular
    // "run": when the oscillation is much faster than the run (VF filter frequency over 1.6 x the run's
    // rate), the run is not VT.
    const bool vtRegular = vtRun && vtCv < 0.08 && !(vf.valid && vf.freqHz * 60.0 > 1.6 * vtBpm);
    const bool vfOn = !vtRegular && ((vfLike && double(t - m_vfSinceUs) >= m_cfg.vfConfirmS * 1e6) ||
                                     (vfWasOn && m_vfLastUs > 0 && t - m_vfLastUs < 2'000'000 && !s.leadOff));
    s.active[int(RhythmCall::VentFib)] = vfOn;
    s.value[int(RhythmCall::VentFib)] = vf.freqHz * 60.0;
    s.lastWidthMs = m_status.lastWidthMs;
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
    // Ventricular tachycardia: a run of fast wide complexes on a usable signal.
    if (vtRun && !vfOn && (usable || vtRegular) && !(vfLike && !vtRegular)) {
        s.active[int(RhythmCall::VentTachy)] = true;
        s.value[int(RhythmCall::VentTachy)] = vtBpm;
        s.active[int(RhythmCall::ExtremeTachy)] = false; // the same fast rate, named by its origin
    }
    if (vfOn) {
        // Fibrillation waves are not beats: no HR, and no rate or pause call of them.
        s.hr = std::nan("");
        for (const RhythmCall c :
             {RhythmCall::Asystole, RhythmCall::Pause, RhythmCall::ExtremeBrady, RhythmCall::ExtremeTachy})
            s.active[std::size_t(c)] = false;
    }
    m_status = s;
}

// --- EcgStation
// ------------------------------------------------------------------------------------------------

void EcgStation::feed(BedUpdate &update)
{
    if (!m_cfg.enabled)
        return;
    const NumericSample *monitorHr = nullptr;
    for (const NumericSample &n : update.numerics)
        if (n.id == NumericId::Hr)
            monitorHr = &n;
    if (monitorHr) {
        std::shared_ptr<Bed> bed;
        {
            std::lock_guard lock(m_mutex);
            auto &slot = m_beds[update.bedKey];
            if (!slot)
                slot = std::make_shared<Bed>();
            bed = slot;
        }
        std::lock_guard lock(bed->mutex);
        bed->monitorHr = monitorHr->value;
        bed->monitorHrMs = monitorHr->timeMs;
    }
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

    // HR from the beats, on the signal's clock: stands in when the monitor's HR has been missing for
    // hrFallbackS (or never came) while ECG arrives.
    const qint64 nowMs = bed->analyzer->status().signalTimeUs / 1000;
    if (bed->firstEcgMs == 0)
        bed->firstEcgMs = nowMs;
    const qint64 monitorAgeMs = nowMs - std::max(bed->monitorHrMs, bed->firstEcgMs);
    bed->hrFromBeats = m_cfg.hrFromBeats && !monitorHr && double(monitorAgeMs) >= m_cfg.hrFallbackS * 1e3;
    const double hr = bed->analyzer->status().hr;
    if (bed->hrFromBeats && std::isfinite(hr) && nowMs - bed->lastAddedMs >= 1000) {
        update.numerics.push_back({NumericId::Hr, std::round(hr), nowMs});
        bed->lastAddedMs = nowMs;
    }
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
        BedResult r{key,
                    bed->analyzer->status(),
                    bed->analyzer->takeBeats(),
                    bed->monitorHr,
                    bed->monitorHrMs,
                    bed->hrFromBeats};
        const auto k = waveInfo(bed->lead).key;
        r.status.lead = QString::fromLatin1(k.data(), qsizetype(k.size()));
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace vigil::ecg
