// Central ECG analysis into the alarm engine (see EcgWiring.h).
#include "EcgWiring.h"
#include "AlarmText.h"

#include <QDateTime>

namespace vigil {

namespace {
class EcgTap : public IngestSink
{
public:
    EcgTap(ecg::EcgStation *analysis, IngestSink *next) : m_analysis(analysis), m_next(next) {}
    void deliver(BedUpdate &&update) override
    {
        if (!update.waves.empty() || !update.numerics.empty())
            m_analysis->feed(update);
        m_next->deliver(std::move(update));
    }
    void sourceStatusChanged(const SourceStatus &status) override { m_next->sourceStatusChanged(status); }

private:
    ecg::EcgStation *m_analysis;
    IngestSink *m_next;
};

alarms::Priority priorityOf(ecg::RhythmCall c)
{
    // Asystole, VF, VT and the extreme rates threaten life at once (IEC 60601-1-8: HIGH); a pause is MEDIUM.
    return c == ecg::RhythmCall::Pause ? alarms::Priority::Medium : alarms::Priority::High;
}
} // namespace

EcgWiring::EcgWiring(Station *station, ecg::EcgAnalysisConfig config, QObject *parent)
    : QObject(parent), m_station(station), m_analysis(std::move(config))
{
    connect(station, &Station::drained, this, &EcgWiring::poll);
}

EcgWiring::~EcgWiring() = default;

IngestSink *EcgWiring::tap(IngestSink *next)
{
    m_taps.push_back(std::make_unique<EcgTap>(&m_analysis, next));
    return m_taps.back().get();
}

void EcgWiring::poll()
{
    if (!m_analysis.config().enabled)
        return;
    alarms::AlarmEngine *engine = m_station->alarmEngine();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool changed = false;
    for (const ecg::EcgStation::BedResult &r : m_analysis.poll()) {
        // A bed the ward does not show (not in the station file) gets no condition: it would be invisible.
        if (m_station->ward()->indexOf(r.bedKey) < 0)
            continue;
        if (m_beatSink && !r.newBeatsUs.empty()) {
            auto &pending = m_pendingBeats[r.bedKey];
            pending.insert(pending.end(), r.newBeatsUs.begin(), r.newBeatsUs.end());
            if (pending.back() - pending.front() >= 10'000'000) {
                m_beatSink(r.bedKey, pending);
                pending.clear();
            }
        }
        auto &last = m_last[r.bedKey];
        for (int i = 0; i < ecg::kRhythmCallCount; ++i) {
            const auto c = static_cast<ecg::RhythmCall>(i);
            const bool on = r.status.active[std::size_t(i)];
            QString text = ecg::callText(c);
            if (on && c != ecg::RhythmCall::Asystole && c != ecg::RhythmCall::Pause &&
                c != ecg::RhythmCall::VentFib)
                text += QStringLiteral(" HR %1").arg(r.status.value[std::size_t(i)], 0, 'f', 0);
            engine->onDerivedCondition(r.bedKey, ecg::callCode(c), text, alarms::Kind::Physiological,
                                       priorityOf(c), on, r.status.value[std::size_t(i)],
                                       ecg::callDeviceRefIds(c), now);
            changed = changed || on != last[std::size_t(i)];
            last[std::size_t(i)] = on;
        }
        // Cross-check: the monitor's HR against the beats' HR (both recent, on the signal's clock).
        const ecg::EcgAnalysisConfig &cfg = m_analysis.config();
        const qint64 sigMs = r.status.signalTimeUs / 1000;
        bool mismatch = false;
        if (!r.hrFromBeats && std::isfinite(r.monitorHr) && std::isfinite(r.status.hr) && r.status.hr > 0 &&
            std::llabs(sigMs - r.monitorHrMs) <= 10'000) {
            const double diff = std::abs(r.monitorHr - r.status.hr);
            mismatch = diff > std::max(cfg.hrMismatchBpm, cfg.hrMismatchPct / 100.0 * r.status.hr);
        }
        qint64 &since = m_mismatchSinceMs[r.bedKey];
        if (!mismatch)
            since = 0;
        else if (since == 0)
            since = sigMs;
        const bool hrMismatch = mismatch && double(sigMs - since) >= cfg.hrMismatchS * 1e3;
        engine->onDerivedCondition(r.bedKey, QStringLiteral("ecg_hr_mismatch"),
                                   // English in the record; translated on screen through the AlarmText table
                                   // (models/domain/AlarmText.h).
                                   QStringLiteral("HR %1 differs from ECG beats %2 (central)")
                                       .arg(r.monitorHr, 0, 'f', 0)
                                       .arg(std::isfinite(r.status.hr) ? r.status.hr : 0.0, 0, 'f', 0),
                                   alarms::Kind::Technical, alarms::Priority::Low, hrMismatch, r.monitorHr,
                                   {}, now);
        changed = changed || hrMismatch != m_lastMismatch.value(r.bedKey);
        m_lastMismatch[r.bedKey] = hrMismatch;
        m_hrFromBeats[r.bedKey] = r.hrFromBeats;
        // Noise suppresses the calls; the nurse is told the central analysis is suspended, not left guessing.
        const bool noisy = r.status.noisy && !r.status.leadOff;
        engine->onDerivedCondition(r.bedKey, QStringLiteral("ecg_analysis_noise"),
                                   alarms::alarmText("ECG noisy: central analysis suspended"),
                                   alarms::Kind::Technical, alarms::Priority::Low, noisy, std::nan(""), {},
                                   now);
        changed = changed || noisy != last[ecg::kRhythmCallCount];
        last[ecg::kRhythmCallCount] = noisy;
    }
    if (changed)
        m_station->evaluateAlarms();
}

} // namespace vigil
