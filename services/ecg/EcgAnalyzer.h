// ECG analysis at the central, per bed: QRS detection (QrsDetector, Pan-Tompkins), heart rate from the
// detected beats, a lead-off and noise detector, and the central-derived rhythm calls: asystole, pause,
// extreme bradycardia and extreme tachycardia, and ventricular fibrillation (VF filter leakage, Kuo &
// Dillman) and ventricular tachycardia (a run of fast wide QRS complexes) from VentricularDetector. The VF/VT
// validation and its limits (no annotated VF/VT record in the shared data) are in docs/EWS.md.
//
// Every judgement runs on signal time (the samples' own timestamps), so a WFDB record analysed offline and
// the live stream give the same calls. EcgStation runs one analyzer per bed behind a mutex: source threads
// feed it waveform blocks, the GUI thread polls the statuses a few times a second.
#pragma once

#include "Ingest.h"
#include "QrsDetector.h"
#include "VentricularDetector.h"

#include <QHash>
#include <QString>
#include <QtGlobal>

#include <array>
#include <cmath>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace vigil::ecg {

struct EcgAnalysisConfig
{
    bool enabled = true;
    QString lead = QStringLiteral("ecg_ii"); // WaveInfo key; the first ECG lead seen when the bed has not it
    double asystoleS = 4.0;                  // no QRS for this long (3-10 s)
    double pauseS = 2.5;                     // an R-R interval over this (1-5 s), while shorter than asystole
    double pauseHoldS = 5.0;                 // a pause stays called this long after the beats resume
    double bradyBpm = 35.0;                  // extreme bradycardia: HR below
    double tachyBpm = 180.0;                 // extreme tachycardia: HR above
    int rateBeats = 8;                       // HR: median R-R of the last beats
    int noisyPeaksPer3s = 14;                // integrated-signal peaks in 3 s above which the lead is noise
    double noisyRangeMv = 8.0;               // peak-to-peak in 2 s above which the lead is saturated/moving
    double noiseHoldS = 3.0;                 // noise stays judged this long after it stops
    // Noise: over 2 s, the band-passed (5-15 Hz) signal's crest factor (peak / RMS) below this while its
    // RMS is above noiseFloorMv. QRS complexes are sparse spikes (crest 5-10); noise and artefact fill
    // the band (crest 2-4); a flat line (asystole) is below the floor and stays analysable.
    double noisyCrest = 3.2;
    double noiseFloorMv = 0.03;
    // Ventricular fibrillation: over 4 s the VF filter leakage below vfLeakage, the mean frequency within
    // vfMinHz..vfMaxHz and the RMS at least vfMinRmsMv, continuously for vfConfirmS. Noise by the crest or
    // peak count does not suppress it (VF is exactly what they see as noise); lead-off and a saturated or
    // moving trace do.
    bool ventricular = true; // VF and VT calls
    double vfLeakage = 0.40;
    double vfMinHz = 2.5, vfMaxHz = 9.0;
    double vfMinRmsMv = 0.05;
    double vfConfirmS = 3.0;
    // Ventricular tachycardia: the last vtBeats beats all wide (QRS >= vtWidthMs and >= the patient's own
    // narrow width + vtWidenMs) at a median rate of at least vtBpm.
    double vtBpm = 120.0;
    int vtBeats = 6;
    double vtWidthMs = 120.0;
    double vtWidenMs = 40.0;
    double vtMaxBpm = 250.0; // faster is ventricular flutter / VF: left to the VF filter
    double vtMaxRrCv = 0.10; // R-R coefficient of variation over the run: VT is regular
    // HR from the beats: when a bed's ECG arrives without the monitor's HR for hrFallbackS, the beats' HR
    // is added to the bed's updates as its HR numeric (once a second); while the monitor's HR is there, the
    // two are cross-checked: a difference over max(hrMismatchBpm, hrMismatchPct of the beats' HR) held for
    // hrMismatchS raises a LOW technical condition.
    bool hrFromBeats = true;
    double hrFallbackS = 10.0;
    double hrMismatchBpm = 10.0, hrMismatchPct = 20.0, hrMismatchS = 30.0;
};

enum class RhythmCall : quint8 { Asystole, Pause, ExtremeBrady, ExtremeTachy, VentFib, VentTachy, Count };
inline constexpr int kRhythmCallCount = static_cast<int>(RhythmCall::Count);
// "ecg_asystole" "ecg_pause" "ecg_brady_extreme" "ecg_tachy_extreme" "ecg_vfib" "ecg_vtach"
QString callCode(RhythmCall c);
QString callText(RhythmCall c); // "Asystole (central)" ...
// The MDC REFIDs a device uses for the same condition: the gateway's report and the central's call are one
// condition (duplicate suppression).
QStringList callDeviceRefIds(RhythmCall c);

struct RhythmStatus
{
    double hr = std::nan(""); // from the beats; 0 during asystole; NaN when unknown or suppressed
    bool signal = false;      // ECG samples arrive on the analysed lead
    bool leadOff = false;     // the lead carries no signal (NaN samples)
    bool noisy = false;       // noise: calls suppressed
    std::array<bool, kRhythmCallCount> active{};
    std::array<double, kRhythmCallCount> value{}; // HR, or the seconds without QRS
    qint64 signalTimeUs = 0;                      // time of the newest analysed sample
    double crest = 0, bandRmsMv = 0;              // the noise detector's measures (diagnostics)
    double vfLeakage = 1, vfFreqHz = 0;           // the VF filter over the last 4 s (diagnostics)
    double lastWidthMs = std::nan("");            // QRS width of the newest beat
    QString lead;
};

class EcgAnalyzer
{
public:
    EcgAnalyzer(double sampleRate, EcgAnalysisConfig config = {});
    double sampleRate() const { return m_det.sampleRate(); }
    // Samples (mV, NaN = no signal) starting at startTimeUs. A block that does not continue the previous
    // one restarts the timeline (the gap counts as no signal).
    void push(const float *x, std::size_t n, qint64 startTimeUs);
    // Beats detected since the last call, as times (µs since the epoch).
    std::vector<qint64> takeBeats();
    const std::vector<Beat> &allBeats() const { return m_beats; }         // sample indices (offline analysis)
    const std::vector<float> &allWidthsMs() const { return m_allWidths; } // QRS width per beat (NaN unknown)
    RhythmStatus status() const;                                          // as of the newest sample pushed
    qint64 sampleTimeUs(std::int64_t sample) const
    {
        return m_t0Us + static_cast<qint64>(std::llround(double(sample) * 1e6 / sampleRate()));
    }

private:
    void judge(qint64 tUs);
    void onBeatWidth(qint64 beatUs, double widthMs);
    double ownWidthMs() const;
    bool ventricularRun(qint64 tUs, double *bpm, double *rrCv) const;
    QrsDetector m_det;
    VentricularDetector m_vent;
    EcgAnalysisConfig m_cfg;
    qint64 m_t0Us = 0; // time of sample 0
    bool m_started = false;
    std::vector<Beat> m_beats;
    std::vector<float> m_allWidths;
    std::size_t m_taken = 0;
    std::deque<qint64> m_beatTimes; // the last rateBeats+1
    struct Wide
    {
        qint64 timeUs;
        double widthMs;
    };
    std::deque<Wide> m_widths;              // the last vtBeats beats with their QRS widths
    std::deque<double> m_narrowWidths;      // the patient's own QRS widths (learnt)
    qint64 m_vfSinceUs = 0, m_vfLastUs = 0; // VF-like since; last VF-like judgement
    qint64 m_lastInvalidUs = 0, m_lastNoisyUs = 0, m_startUs = 0;
    std::deque<std::pair<float, float>> m_minmax; // per 0.25 s: min and max (the 2 s range)
    std::deque<QrsDetector::BandStats> m_band;    // per 0.25 s
    float m_blockMin = 0, m_blockMax = 0;
    qint64 m_blockStartUs = 0;
    qint64 m_pauseSeenUs = 0; // last time a pause was present
    double m_lastPauseS = 0;
    RhythmStatus m_status;
};

// One analyzer per bed; thread-safe. Source threads call feed(); the GUI thread calls poll().
class EcgStation
{
public:
    explicit EcgStation(EcgAnalysisConfig config = {}) : m_cfg(std::move(config)) {}
    const EcgAnalysisConfig &config() const { return m_cfg; }
    // The update's ECG block of the analysed lead, if any; notes the monitor's HR; adds the beats' HR as
    // the HR numeric when the monitor sends none (hrFromBeats).
    void feed(BedUpdate &update);
    struct BedResult
    {
        QString bedKey;
        RhythmStatus status;
        std::vector<qint64> newBeatsUs;
        double monitorHr = std::nan(""); // the monitor's latest HR
        qint64 monitorHrMs = 0;          // its measurement time
        bool hrFromBeats = false;        // the beats' HR stands in for the monitor's
    };
    std::vector<BedResult> poll();

private:
    struct Bed
    {
        std::unique_ptr<EcgAnalyzer> analyzer;
        WaveId lead = WaveId::EcgII;
        double monitorHr = std::nan("");
        qint64 monitorHrMs = 0, firstEcgMs = 0, lastAddedMs = 0;
        bool hrFromBeats = false;
        std::mutex mutex;
    };
    EcgAnalysisConfig m_cfg;
    std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Bed>> m_beds;
};

} // namespace vigil::ecg
