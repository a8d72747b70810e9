// Synthetic physiology engine. See Physiology.h for the contract.
//
// Structure: a 500 Hz tick loop. Beats and breaths are events generated a little ahead of the tick, each
// from the previous one and from the scenario-adjusted parameters at its own time, with their own PRNG
// streams; waves are evaluated from the events around the tick. Because nothing depends on where an
// advanceTo() call starts or stops, chunking cannot change the output.
//
// ECG: per beat a sum of Gaussians in time around the R wave (P, Q, R, S, T), the ECGSYN idea (McSharry et
// al. 2003) evaluated in closed form. T wave timing and width scale with sqrt(preceding RR), as QT does
// (Bazett). Leads I, II and V have their own amplitudes; III is II - I (Einthoven).
// Pleth and ABP: one pulse per beat, foot-to-foot, from a normalised shape (upstroke, systolic peak,
// dicrotic notch and wave, exponential diastolic run-off) that returns exactly to its diastolic level at
// the next foot, so consecutive beats join without steps.
#include "Physiology.h"

#include <algorithm>
#include <cmath>

namespace vigil::sim {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTickRate = 500.0; // the ECG rate; every other wave rate divides it
constexpr std::uint64_t kTicksPerSecond = 500;

constexpr bool ratesFitTick()
{
    for (const auto &w : kWaves) {
        const double d = kTickRate / w.defaultRate;
        if (d < 1.0 || d != static_cast<double>(static_cast<int>(d)))
            return false;
    }
    return true;
}
static_assert(ratesFitTick(), "every wave's default rate must divide the 500 Hz tick");

constexpr std::array<std::uint64_t, kWaveCount> kDecimation = [] {
    std::array<std::uint64_t, kWaveCount> d{};
    for (int w = 0; w < kWaveCount; ++w)
        d[w] = static_cast<std::uint64_t>(kTickRate / kWaves[w].defaultRate);
    return d;
}();

constexpr int idx(WaveId id)
{
    return static_cast<int>(id);
}

// ---------------------------------------------------------------------------------------------------------
// PRNG: xoshiro256** seeded through splitmix64. Normal deviates are Irwin-Hall sums of four uniforms: pure
// integer and IEEE arithmetic, so the sequence is the same with every compiler and standard library.

std::uint64_t splitmix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng
{
public:
    Rng() = default;
    Rng(std::uint64_t seed, std::uint64_t stream)
    {
        std::uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
        for (auto &s : m_s)
            s = splitmix64(x);
    }
    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Approximately standard normal, bounded at +-3.46.
    double normal() { return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508075688772; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> m_s{};
};

enum Stream : std::uint64_t {
    MorphStream = 1,
    BeatStream,
    BreathStream,
    EcgNoiseStream,
    WaveNoiseStream,
    NumericStream
};

// exp(-x^2/2) by table: the ECG needs ~15 of these per sample.
class GaussTable
{
public:
    static constexpr int kPerUnit = 256;
    static constexpr double kMax = 6.0;
    GaussTable()
    {
        for (int i = 0; i < kSize; ++i) {
            const double x = static_cast<double>(i) / kPerUnit;
            m_v[i] = std::exp(-0.5 * x * x);
        }
    }
    double operator()(double x) const
    {
        x = std::fabs(x);
        if (x >= kMax)
            return 0.0;
        const double p = x * kPerUnit;
        const int i = static_cast<int>(p);
        return m_v[i] + (p - i) * (m_v[i + 1] - m_v[i]);
    }

private:
    static constexpr int kSize = static_cast<int>(kMax * kPerUnit) + 2;
    std::array<double, kSize> m_v{};
};

const GaussTable &gaussTable()
{
    static const GaussTable table;
    return table;
}

// Fixed-capacity queue of events addressed by a serial number that only grows.
template <typename T, std::size_t N> class Ring
{
    static_assert((N & (N - 1)) == 0);

public:
    T &operator[](std::uint64_t serial) { return m_items[serial & (N - 1)]; }
    const T &operator[](std::uint64_t serial) const { return m_items[serial & (N - 1)]; }
    std::uint64_t begin() const { return m_begin; }
    std::uint64_t end() const { return m_end; }
    T &back() { return (*this)[m_end - 1]; }
    T &push()
    {
        if (m_end - m_begin == N)
            ++m_begin;
        return (*this)[m_end++];
    }
    void dropBefore(std::uint64_t serial) { m_begin = std::clamp(serial, m_begin, m_end); }

private:
    std::array<T, N> m_items{};
    std::uint64_t m_begin = 0, m_end = 0;
};

// Event times (R waves, pulse feet, breath onsets) as a monitor's rate averager keeps them.
class TimeHistory
{
public:
    void push(double t) { m_t[m_count++ % kCap] = t; }
    void clear() { m_count = 0; }
    int size() const { return static_cast<int>(std::min<std::uint64_t>(m_count, kCap)); }
    double last() const { return m_t[(m_count - 1) % kCap]; }
    // Mean of the last maxIntervals intervals (fewer if fewer are known); needs size() >= 2.
    double meanInterval(int maxIntervals) const
    {
        const int n = std::min(maxIntervals, size() - 1);
        return (last() - m_t[(m_count - 1 - n) % kCap]) / n;
    }

private:
    static constexpr std::uint64_t kCap = 16;
    std::array<double, kCap> m_t{};
    std::uint64_t m_count = 0;
};

double smoothstep(double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    return x * x * (3.0 - 2.0 * x);
}

// ---------------------------------------------------------------------------------------------------------
// Morphology per profile.

struct EcgComponent
{
    double offset;             // s from the R wave
    double sigL, sigR;         // s, before and after the centre (T waves rise slower than they fall)
    bool qtScaled;             // moves and widens with sqrt(RR)
    bool qrs;                  // takes the respiratory QRS amplitude modulation
    std::array<double, 3> amp; // mV in leads I, II, V
};
constexpr int kEcgComponents = 5;
using EcgTemplate = std::array<EcgComponent, kEcgComponents>;

struct ProfileModel
{
    EcgTemplate ecg;
    double rsa;          // peak fractional RR change with respiration
    double inspFraction; // inspiration / breath period (I:E about 1:1.5 in adults)
    int hrIntervals;     // RR intervals averaged for the HR numeric
};

// Adult: normal axis (~+60 deg), PR 160 ms, QRS ~90 ms, rS complex in V1.
constexpr ProfileModel kAdult{{{
                                  {-0.165, 0.022, 0.022, false, false, {0.06, 0.14, 0.05}},  // P
                                  {-0.028, 0.008, 0.008, false, true, {-0.03, -0.09, 0.0}},  // Q
                                  {0.000, 0.0095, 0.0095, false, true, {0.55, 1.05, 0.25}},  // R
                                  {0.026, 0.009, 0.011, false, true, {-0.10, -0.22, -0.75}}, // S
                                  {0.300, 0.055, 0.038, true, false, {0.18, 0.28, 0.08}},    // T
                              }},
                              0.035,
                              0.40,
                              8};
// Child: shorter PR and QRS, larger voltages, taller R in V1 and the normal juvenile T inversion there.
constexpr ProfileModel kPaediatric{{{
                                       {-0.135, 0.018, 0.018, false, false, {0.06, 0.15, 0.05}},
                                       {-0.022, 0.007, 0.007, false, true, {-0.04, -0.12, 0.0}},
                                       {0.000, 0.008, 0.008, false, true, {0.45, 1.20, 0.55}},
                                       {0.021, 0.008, 0.010, false, true, {-0.12, -0.25, -0.90}},
                                       {0.290, 0.050, 0.035, true, false, {0.15, 0.30, -0.12}},
                                   }},
                                   0.030,
                                   0.42,
                                   8};
// Neonate: right axis (deep S in I), dominant R in V1, PR ~100 ms, narrow QRS, little sinus arrhythmia.
constexpr ProfileModel kNeonatal{{{
                                     {-0.100, 0.015, 0.015, false, false, {0.04, 0.12, 0.05}},
                                     {-0.018, 0.006, 0.006, false, true, {-0.02, -0.06, 0.0}},
                                     {0.000, 0.0065, 0.0065, false, true, {0.25, 0.90, 0.90}},
                                     {0.017, 0.0065, 0.008, false, true, {-0.25, -0.15, -0.45}},
                                     {0.280, 0.045, 0.032, true, false, {0.10, 0.22, -0.08}},
                                 }},
                                 0.012,
                                 0.45,
                                 12};

const ProfileModel &profileModel(PatientProfile p)
{
    switch (p) {
    case PatientProfile::Paediatric:
        return kPaediatric;
    case PatientProfile::Neonatal:
        return kNeonatal;
    case PatientProfile::Adult:
        break;
    }
    return kAdult;
}

// Arterial pulse contour, times in s for an 0.8 s beat; scaled with sqrt(beat period) like ejection time.
struct PulseModel
{
    double tp;   // foot to systolic peak
    double tn;   // foot to dicrotic notch (end of ejection)
    double vn;   // notch height, fraction of pulse pressure
    double tau;  // diastolic run-off time constant
    double dicH; // dicrotic wave height
    double dicW; // dicrotic wave width
};
// The finger pulse is slower to rise and more damped than a radial line's.
constexpr PulseModel kPlethPulse{0.15, 0.34, 0.46, 0.45, 0.13, 0.15};
constexpr PulseModel kAbpPulse{0.10, 0.30, 0.58, 0.55, 0.16, 0.12};

// One beat's normalised pulse, 0 at the foot, 1 at the systolic peak, 0 again at the next foot (u = T).
struct PulseShape
{
    double tp = 0.1, tn = 0.3, vn = 0.5, invTau = 1.0, e0 = 0.0, norm = 1.0, dicH = 0.0, dicW = 0.1;

    static PulseShape make(double period, const PulseModel &m)
    {
        PulseShape s;
        const double k = std::clamp(std::sqrt(period / 0.8), 0.55, 1.25);
        s.tn = std::min(m.tn * k, 0.6 * period);
        s.tp = std::min(m.tp * k, 0.45 * s.tn);
        s.vn = m.vn;
        s.invTau = 1.0 / (m.tau * k);
        s.e0 = std::exp(-(period - s.tn) * s.invTau);
        s.norm = s.vn / (1.0 - s.e0);
        s.dicH = m.dicH;
        s.dicW = std::min(m.dicW * k, 0.8 * (period - s.tn));
        return s;
    }
    double operator()(double u) const
    {
        if (u <= 0.0)
            return 0.0;
        if (u < tp)
            return 0.5 * (1.0 - std::cos(kPi * u / tp));
        if (u < tn)
            return vn + (1.0 - vn) * 0.5 * (1.0 + std::cos(kPi * (u - tp) / (tn - tp)));
        const double x = u - tn;
        double v = norm * (std::exp(-x * invTau) - e0);
        if (x < dicW)
            v += dicH * std::sin(kPi * x / dicW);
        return std::max(v, 0.0);
    }
};

struct Beat
{
    double r = 0.0;  // R wave time
    double rr = 1.0; // to the next R wave
    std::array<double, kEcgComponents> centre{}, invSigL{}, invSigR{};
    std::array<std::array<double, 3>, kEcgComponents> amp{};
    double winStart = 0.0, winEnd = 0.0; // where this beat's ECG is non-negligible
    double plethFoot = 0.0, plethBase = 0.0, plethAmp = 0.0;
    double abpFoot = 0.0, abpSys = 0.0, abpDia = 0.0;
};

struct Breath
{
    double start = 0.0; // inspiration onset
    double period = 4.0;
    double ti = 1.6; // inspiration time
    double depth = 1.0;
    double invTauExp = 1.0; // expiratory flow decay
    double et = 0.0;        // end-tidal CO2 of this breath
    double co2Start = 0.0;  // airway CO2 when inspiration begins (the previous breath's end-tidal)
    double invTauRise = 1.0;
};

// Mean of the normalised impedance shape over a breath (0.5 over inspiration, ~0.28 over expiration):
// subtracting it centres the trace on zero as a high-pass front end would.
constexpr double kRespMean = 0.37;
// Fraction of the expiratory time constant: expiration decays through exp(-3.5) by the next breath.
constexpr double kExpDecay = 3.5;

struct Flags
{
    bool leadOff = false, sensorOff = false, disconnected = false;
};

using Interval = std::pair<double, double>;

bool inside(const std::vector<Interval> &v, double t)
{
    for (const auto &[a, b] : v) {
        if (t >= a && t < b)
            return true;
    }
    return false;
}

double roundTo(double v, double step)
{
    return std::round(v / step) * step;
}

} // namespace

// -------------------------------------------------------------------------------------------------------------

void PhysiologyOutput::clear()
{
    for (auto &w : waves)
        w.clear();
    for (auto &r : runs)
        r.clear();
    numerics.clear();
}

PhysiologyParams defaultParams(PatientProfile profile, std::uint64_t seed)
{
    Rng rng(seed, 0x9A7A);
    PhysiologyParams p;
    p.profile = profile;
    auto pick = [&](double lo, double hi) { return std::round(rng.uniform(lo, hi)); };
    switch (profile) {
    case PatientProfile::Adult:
        p.heartRate = pick(60, 95);
        p.spo2 = pick(95, 99);
        p.respRate = pick(12, 18);
        p.abpSys = pick(105, 138);
        p.abpDia = pick(62, 84);
        p.tempC = roundTo(rng.uniform(36.4, 37.3), 0.1);
        p.etco2 = pick(34, 42);
        p.pulseTransitS = rng.uniform(0.20, 0.25);
        break;
    case PatientProfile::Paediatric:
        p.heartRate = pick(90, 130);
        p.spo2 = pick(96, 99);
        p.respRate = pick(20, 30);
        p.abpSys = pick(90, 112);
        p.abpDia = pick(55, 70);
        p.tempC = roundTo(rng.uniform(36.5, 37.4), 0.1);
        p.etco2 = pick(34, 42);
        p.pulseTransitS = rng.uniform(0.15, 0.19);
        break;
    case PatientProfile::Neonatal:
        p.heartRate = pick(120, 160);
        p.spo2 = pick(93, 99);
        p.respRate = pick(35, 55);
        p.abpSys = pick(55, 75);
        p.abpDia = pick(30, 45);
        p.tempC = roundTo(rng.uniform(36.6, 37.4), 0.1);
        p.etco2 = pick(35, 45);
        p.pulseTransitS = rng.uniform(0.10, 0.13);
        break;
    }
    // A pulse pressure below ~25 mmHg in a stable patient would itself be alarming.
    p.abpDia = std::min(p.abpDia, p.abpSys - (profile == PatientProfile::Neonatal ? 20.0 : 30.0));
    // Cuff and line disagree by a few mmHg in either direction.
    p.nibpSys = p.abpSys + pick(-5, 5);
    p.nibpDia = p.abpDia + pick(-4, 4);
    p.hasAbp = rng.uniform() < 0.35;
    p.hasCo2 = rng.uniform() < 0.35;
    p.nibpCycleS = 300.0;
    p.firstNibpAtS = 8.0;
    return p;
}

// -------------------------------------------------------------------------------------------------------------

struct BedPhysiology::Impl
{
    struct Step
    {
        ScenarioKind kind;
        double start, end, value;
    };
    struct AbpBeat
    {
        double sys, dia, mean;
    };
    struct AbpAccum
    {
        double max = -kInf, min = kInf, sum = 0.0;
        int n = 0;
        bool whole = false;
    };

    PhysiologyParams base;
    std::vector<ScenarioStep> script;
    std::vector<Step> steps;
    std::vector<Interval> leadOffs, sensorOffs, disconnects, apnoeas;
    const ProfileModel *model = &kAdult;

    // Per-bed constants, drawn once from the seed.
    EcgTemplate ecg{};
    double rsa = 0.0, lfAmp = 0.0, lfFreq = 0.1, lfPhase = 0.0, rrJitter = 0.006;
    double ptt = 0.22, abpPat = 0.15;
    double plethGain = 0.55, respGain = 0.8;
    std::array<double, 3> wanderResp{}, wanderDrift{};
    double driftW1 = 0.0, driftP1 = 0.0, driftW2 = 0.0, driftP2 = 0.0;
    double tempPhase = 0.0;

    Rng beatRng, breathRng, ecgRng, waveRng, numRng;
    Ring<Beat, 64> beats;
    Ring<Breath, 64> breaths;
    double breathCursor = 0.0; // when the next breath may start

    std::uint64_t tick = 0;
    std::uint64_t ecgFirst = 0, passBeat = 0, plethSeg = 0, abpSeg = 0, cardSeg = 0;
    std::uint64_t breathCur = 0, passBreath = 0;
    std::uint64_t beatCount = 0, breathCount = 0;
    PulseShape plethShape, abpShape;
    std::uint64_t plethShapeSeg = ~0ull, abpShapeSeg = ~0ull;

    Flags flags;
    TimeHistory hrHist, pulseHist, rrHist;
    std::array<AbpBeat, 8> abpHist{};
    std::uint64_t abpCount = 0;
    AbpAccum abpCur;
    std::uint64_t co2Breath = 0;
    double rrSince = 0.0; // since when breaths could have been seen (start, end of a disconnect)
    double co2Max = 0.0, lastEt = 0.0;
    bool co2Whole = false, lastEtValid = false;
    double spo2Noise = 0.0, tempNoise = 0.0;
    double nextNibp = kInf;

    Impl(PhysiologyParams p, std::uint64_t seed, std::vector<ScenarioStep> s);

    PhysiologyParams effectiveAt(double t) const;
    Flags flagsAt(double t) const;
    double breathingResumesAt(double t) const;
    double respShape(const Breath &b, double u) const;
    double respModulation(double t) const;
    void fillBeat(Beat &b, double r, double prevRr);
    void ensureBeats(double horizon);
    void ensureBreaths(double horizon);
    double apnoeaThreshold() const;
    bool apnoeaDetected(double t) const;
    void perSecond(double t, PhysiologyOutput &out);
    void step(PhysiologyOutput &out);
};

namespace {

void append(PhysiologyOutput &out, WaveId id, std::uint64_t sample, float v)
{
    const int w = idx(id);
    auto &samples = out.waves[w];
    auto &runs = out.runs[w];
    if (runs.empty() || runs.back().firstSample + runs.back().count != sample ||
        runs.back().offset + runs.back().count != samples.size())
        runs.push_back({sample, samples.size(), 0});
    samples.push_back(v);
    ++runs.back().count;
}

void emitNumeric(PhysiologyOutput &out, NumericId id, double value, double t)
{
    out.numerics.push_back({id, value, t});
}

} // namespace

BedPhysiology::Impl::Impl(PhysiologyParams p, std::uint64_t seed, std::vector<ScenarioStep> s)
    : base(p), script(std::move(s)), model(&profileModel(p.profile)), beatRng(seed, BeatStream),
      breathRng(seed, BreathStream), ecgRng(seed, EcgNoiseStream), waveRng(seed, WaveNoiseStream),
      numRng(seed, NumericStream)
{
    for (const auto &st : script) {
        const double end = st.durationS > 0.0 ? st.startS + st.durationS : kInf;
        const double value = std::isnan(st.value) ? scenarioDefaultValue(st.kind, base) : st.value;
        steps.push_back({st.kind, st.startS, end, value});
        switch (st.kind) {
        case ScenarioKind::LeadOff:
            leadOffs.emplace_back(st.startS, end);
            break;
        case ScenarioKind::SensorOff:
            sensorOffs.emplace_back(st.startS, end);
            break;
        case ScenarioKind::Disconnect:
            disconnects.emplace_back(st.startS, end);
            break;
        case ScenarioKind::Apnoea:
            apnoeas.emplace_back(st.startS, end);
            break;
        default:
            break;
        }
    }

    Rng morph(seed, MorphStream);
    ecg = model->ecg;
    const double rScale = morph.uniform(0.85, 1.2);
    const double tScale = morph.uniform(0.85, 1.15);
    const double axis = morph.uniform(-0.2, 0.2); // electrical axis differs between patients
    const double vScale = morph.uniform(0.8, 1.2);
    for (auto &c : ecg) {
        const double gain = c.qrs ? rScale : (c.offset > 0.0 ? tScale : 1.0);
        c.amp[0] *= gain * (1.0 + axis);
        c.amp[1] *= gain;
        c.amp[2] *= gain * vScale;
    }
    rsa = model->rsa * morph.uniform(0.7, 1.3);
    lfAmp = 0.012 * morph.uniform(0.6, 1.4); // Mayer waves, ~0.1 Hz baroreflex oscillation
    lfFreq = morph.uniform(0.08, 0.12);
    lfPhase = morph.uniform(0.0, kTwoPi);
    ptt = std::clamp(base.pulseTransitS, 0.03, 0.6);
    abpPat = ptt * 0.65; // a radial line sees the pulse earlier than the finger
    plethGain = morph.uniform(0.5, 0.62);
    respGain = morph.uniform(0.7, 1.0);
    wanderResp = {morph.uniform(0.01, 0.03), morph.uniform(0.02, 0.05), morph.uniform(0.015, 0.04)};
    wanderDrift = {morph.uniform(0.01, 0.025), morph.uniform(0.01, 0.03), morph.uniform(0.01, 0.03)};
    driftW1 = kTwoPi * morph.uniform(0.02, 0.05);
    driftP1 = morph.uniform(0.0, kTwoPi);
    driftW2 = kTwoPi * morph.uniform(0.11, 0.19);
    driftP2 = morph.uniform(0.0, kTwoPi);
    tempPhase = morph.uniform(0.0, kTwoPi);

    // The recording starts somewhere inside a breath and a beat: one breath and a few beats before t = 0
    // give every wave its history (T wave tails, the pulse in progress) from the first sample.
    const PhysiologyParams e0 = effectiveAt(0.0);
    if (e0.respRate >= 1.0) {
        Breath &b = breaths.push();
        b.period = 60.0 / std::min(e0.respRate, 150.0);
        b.start = -morph.uniform(0.05, 0.95) * b.period;
        b.ti = model->inspFraction * b.period;
        b.invTauExp = kExpDecay / (b.period - b.ti);
        b.et = e0.etco2;
        b.co2Start = e0.etco2;
        b.invTauRise = 1.0 / std::min(0.08, (b.period - b.ti) / 8.0);
        breathCursor = b.start + b.period;
    } else {
        Breath &b = breaths.push(); // a "breath" long over: the first tick sees no breathing
        b.start = -kInf;
        b.period = 1.0;
        breathCursor = 0.0;
    }
    ensureBreaths(4.0);

    // The lead-in beats are evenly spaced so that the first real R wave lands 0.2-0.7 RR after t = 0,
    // clear of the start of the record.
    const double rr0 = 60.0 / std::clamp(e0.heartRate, 20.0, 300.0);
    const int leadIn = 3 + static_cast<int>(std::ceil(ptt * 1.1 / rr0)); // pulse feet before t = 0 too
    double r = -(leadIn - 0.2 - morph.uniform(0.0, 0.5)) * rr0;
    for (int i = 0; i < leadIn; ++i, r += rr0) {
        Beat &b = beats.push();
        fillBeat(b, r, rr0);
        b.rr = rr0;
    }
    ensureBeats(1.5);

    flags = flagsAt(0.0);
    nextNibp = base.firstNibpAtS >= 0.0 ? base.firstNibpAtS : kInf;
    tempNoise = 0.03 * numRng.normal();
}

PhysiologyParams BedPhysiology::Impl::effectiveAt(double t) const
{
    PhysiologyParams p = base;
    // Weight of a step at t: ramps in over rampIn, holds, ramps back out over rampOut after its end.
    const auto weight = [t](const Step &s, double rampIn, double rampOut) {
        if (t <= s.start)
            return 0.0;
        if (t < s.end)
            return smoothstep((t - s.start) / rampIn);
        return smoothstep((s.end - s.start) / rampIn) * (1.0 - smoothstep((t - s.end) / rampOut));
    };
    for (const auto &s : steps) {
        switch (s.kind) {
        case ScenarioKind::Tachycardia:
        case ScenarioKind::Bradycardia:
            p.heartRate += weight(s, 20.0, 20.0) * (s.value - p.heartRate);
            break;
        case ScenarioKind::Desaturation:
            p.spo2 += weight(s, 40.0, 30.0) * (s.value - p.spo2);
            break;
        case ScenarioKind::Hypotension: {
            const double ref = base.hasAbp ? base.abpSys : base.nibpSys;
            const double f = 1.0 + weight(s, 30.0, 30.0) * (s.value / std::max(ref, 1.0) - 1.0);
            p.abpSys *= f;
            p.abpDia *= f;
            p.nibpSys *= f;
            p.nibpDia *= f;
            break;
        }
        case ScenarioKind::Sepsis:
        case ScenarioKind::RespDecline: {
            if (t <= s.start)
                break;
            // Linear over the step's duration, then held: a slow decline, no smoothstep plateau.
            const double span = std::isfinite(s.end) ? s.end - s.start : 3600.0;
            const double w = std::clamp((t - s.start) / std::max(span, 1.0), 0.0, 1.0);
            if (s.kind == ScenarioKind::Sepsis) {
                p.heartRate *= 1.0 + 0.45 * w;
                p.respRate += 14.0 * w;
                p.tempC += 2.1 * w;
                const double f = 1.0 - 0.28 * w;
                p.abpSys *= f;
                p.abpDia *= f;
                p.nibpSys *= f;
                p.nibpDia *= f;
                p.spo2 -= 6.0 * w;
            } else {
                p.respRate += 16.0 * w;
                p.spo2 -= 9.0 * w;
                p.heartRate *= 1.0 + 0.20 * w;
            }
            break;
        }
        case ScenarioKind::Apnoea: {
            if (t <= s.start)
                break;
            // Oxygen stores last ~25 s on room air before SpO2 falls (~20 %/min); CO2 rises ~6 mmHg/min.
            const double held = std::min(t, s.end) - s.start;
            double drop = std::clamp((held - 25.0) * 0.33, 0.0, 35.0);
            double rise = std::min(held * 0.1, 25.0);
            if (t > s.end) {
                drop *= 1.0 - smoothstep((t - s.end) / 30.0);
                rise *= std::exp(-(t - s.end) / 30.0); // washed out over a minute or two
            }
            p.spo2 -= drop;
            p.etco2 += rise;
            break;
        }
        default:
            break;
        }
    }
    return p;
}

Flags BedPhysiology::Impl::flagsAt(double t) const
{
    return {inside(leadOffs, t), inside(sensorOffs, t), inside(disconnects, t)};
}

double BedPhysiology::Impl::breathingResumesAt(double t) const
{
    bool moved = true;
    while (moved) {
        moved = false;
        for (const auto &[a, b] : apnoeas) {
            if (t >= a && t < b) {
                t = b;
                moved = true;
            }
        }
    }
    return t;
}

// Normalised thoracic impedance over a breath: 0 at end-expiration, depth at end-inspiration.
double BedPhysiology::Impl::respShape(const Breath &b, double u) const
{
    if (u < b.ti)
        return b.depth * 0.5 * (1.0 - std::cos(kPi * u / b.ti));
    const double e0 = std::exp(-kExpDecay);
    return b.depth * (std::exp(-(u - b.ti) * b.invTauExp) - e0) / (1.0 - e0);
}

// Lung volume around its mean at time t; 0 when not breathing. Drives RSA, pulsus paradoxus and the
// respiratory modulation of ECG and pleth amplitudes.
double BedPhysiology::Impl::respModulation(double t) const
{
    for (std::uint64_t s = breaths.end(); s-- > breaths.begin();) {
        const Breath &b = breaths[s];
        if (b.start <= t)
            return t - b.start < b.period ? respShape(b, t - b.start) - kRespMean * b.depth : 0.0;
    }
    return 0.0;
}

void BedPhysiology::Impl::fillBeat(Beat &b, double r, double prevRr)
{
    const PhysiologyParams e = effectiveAt(r);
    const double m = respModulation(r);
    b.r = r;
    const double hr = std::clamp(e.heartRate, 20.0, 300.0);
    // Heart rate rises with inspiration (RSA), plus a ~0.1 Hz baroreflex component and a little jitter.
    // RSA is vagal: it fades as the rate climbs above the patient's resting rate (vagal withdrawal).
    const double vagal = std::min(1.0, std::pow(std::max(base.heartRate, 20.0) / hr, 2.0));
    const double variation = -2.0 * rsa * vagal * m + lfAmp * std::sin(kTwoPi * lfFreq * r + lfPhase) +
                             rrJitter * beatRng.normal();
    b.rr = std::max(60.0 / hr * (1.0 + variation), 0.2);

    const double k = std::sqrt(std::clamp(prevRr, 0.2, 2.0));
    const double qrsGain = 1.0 + 0.08 * m + 0.01 * beatRng.normal();
    for (int c = 0; c < kEcgComponents; ++c) {
        const EcgComponent &tc = ecg[c];
        const double scale = tc.qtScaled ? k : 1.0;
        b.centre[c] = r + tc.offset * scale;
        b.invSigL[c] = 1.0 / (tc.sigL * scale);
        b.invSigR[c] = 1.0 / (tc.sigR * scale);
        const double g = tc.qrs ? qrsGain : 1.0;
        for (int l = 0; l < 3; ++l)
            b.amp[c][l] = tc.amp[l] * g;
    }
    b.winStart = b.centre[0] - GaussTable::kMax / b.invSigL[0];
    b.winEnd = b.centre[kEcgComponents - 1] + GaussTable::kMax / b.invSigR[kEcgComponents - 1];

    // Transit time lengthens a little in inspiration as intrathoracic pressure falls.
    b.plethFoot = r + ptt * (1.0 + 0.04 * m) + 0.002 * beatRng.normal();
    b.abpFoot = r + abpPat * (1.0 + 0.04 * m) + 0.001 * beatRng.normal();
    // Peripheral vasoconstriction shrinks the finger pulse when pressure falls.
    const double perfusion = std::clamp(e.nibpSys / std::max(base.nibpSys, 1.0), 0.35, 1.0);
    b.plethAmp = plethGain * perfusion * (1.0 - 0.15 * m);
    b.plethBase = 0.17 + 0.06 * m;
    // Spontaneous inspiration lowers systolic pressure by a few mmHg (normal pulsus paradoxus).
    b.abpSys = e.abpSys - 6.0 * m + 0.6 * beatRng.normal();
    b.abpDia = e.abpDia - 2.0 * m + 0.4 * beatRng.normal();
}

void BedPhysiology::Impl::ensureBeats(double horizon)
{
    while (beats[beats.end() - 1].r <= horizon) {
        const Beat &prev = beats[beats.end() - 1];
        const double r = prev.r + prev.rr;
        const double prevRr = prev.rr;
        fillBeat(beats.push(), r, prevRr);
    }
}

void BedPhysiology::Impl::ensureBreaths(double horizon)
{
    while (breathCursor <= horizon) {
        const double c = breathingResumesAt(breathCursor);
        if (c != breathCursor) {
            breathCursor = c;
            continue;
        }
        const PhysiologyParams e = effectiveAt(c);
        if (e.respRate < 1.0) {
            breathCursor = c + 1.0;
            continue;
        }
        const Breath prev = breaths[breaths.end() - 1];
        Breath &b = breaths.push();
        b.start = c;
        b.period =
            std::clamp(60.0 / std::min(e.respRate, 150.0) * (1.0 + 0.06 * breathRng.normal()), 0.3, 60.0);
        b.ti = b.period * std::clamp(model->inspFraction * (1.0 + 0.05 * breathRng.normal()), 0.25, 0.6);
        b.depth = std::clamp(1.0 + 0.08 * breathRng.normal(), 0.7, 1.3);
        b.invTauExp = kExpDecay / (b.period - b.ti);
        b.et = std::max(e.etco2 + 0.6 * breathRng.normal(), 0.0);
        // After a pause the airway has washed out to room air.
        const double prevEnd = prev.start + prev.period;
        b.co2Start = prev.et * std::exp(-std::max(c - prevEnd, 0.0) / 0.4);
        // Alveolar gas reaches the sensor within ~0.1-0.2 s of expiration starting (phase II).
        b.invTauRise = 1.0 / std::min(0.08, (b.period - b.ti) / 8.0);
        breathCursor = c + b.period;
    }
}

// A monitor declares apnoea when no breath has started for several expected breath periods.
double BedPhysiology::Impl::apnoeaThreshold() const
{
    const double interval = rrHist.size() >= 2 ? rrHist.meanInterval(4) : 4.0;
    return std::max(10.0, 3.0 * interval);
}

bool BedPhysiology::Impl::apnoeaDetected(double t) const
{
    return t - (rrHist.size() >= 1 ? rrHist.last() : rrSince) > apnoeaThreshold();
}

void BedPhysiology::Impl::perSecond(double t, PhysiologyOutput &out)
{
    // Noise processes advance every second whether or not anything is emitted.
    spo2Noise = 0.7 * spo2Noise + 0.35 * numRng.normal();
    if (flags.disconnected)
        return;
    const PhysiologyParams e = effectiveAt(t);
    if (!flags.leadOff && hrHist.size() >= 3)
        emitNumeric(out, NumericId::Hr, std::round(60.0 / hrHist.meanInterval(model->hrIntervals)), t);
    if (!flags.sensorOff && pulseHist.size() >= 3) {
        emitNumeric(out, NumericId::SpO2, std::round(std::clamp(e.spo2 + spo2Noise, 50.0, 100.0)), t);
        emitNumeric(out, NumericId::PulseRate, std::round(60.0 / pulseHist.meanInterval(model->hrIntervals)),
                    t);
    }
    if (base.hasAbp && abpCount >= 2) {
        const int n = static_cast<int>(std::min<std::uint64_t>(abpCount, 4));
        double sys = 0.0, dia = 0.0, mean = 0.0;
        for (int i = 0; i < n; ++i) {
            const AbpBeat &b = abpHist[(abpCount - 1 - i) % abpHist.size()];
            sys += b.sys;
            dia += b.dia;
            mean += b.mean;
        }
        emitNumeric(out, NumericId::AbpSys, std::round(sys / n), t);
        emitNumeric(out, NumericId::AbpDia, std::round(dia / n), t);
        emitNumeric(out, NumericId::AbpMean, std::round(mean / n), t);
    }
    const bool apnoea = apnoeaDetected(t);
    if (apnoea)
        emitNumeric(out, NumericId::Rr, 0.0, t);
    else if (rrHist.size() >= 2)
        emitNumeric(out, NumericId::Rr, std::round(60.0 / rrHist.meanInterval(4)), t);
    if (base.hasCo2) {
        if (apnoea)
            emitNumeric(out, NumericId::EtCO2, 0.0, t);
        else if (lastEtValid)
            emitNumeric(out, NumericId::EtCO2, std::round(lastEt), t);
    }
}

void BedPhysiology::Impl::step(PhysiologyOutput &out)
{
    const std::uint64_t k = tick;
    const double t = static_cast<double>(k) / kTickRate;
    ensureBreaths(t + 4.0);
    ensureBeats(t + 1.5);

    const Flags f = flagsAt(t);
    if (f.disconnected && !flags.disconnected) {
        // A reconnected monitor starts its averages afresh.
        hrHist.clear();
        pulseHist.clear();
        rrHist.clear();
        abpCount = 0;
        lastEtValid = false;
    }
    if (f.leadOff && !flags.leadOff)
        hrHist.clear();
    if (f.sensorOff && !flags.sensorOff)
        pulseHist.clear();
    flags = f;
    const bool live = !f.disconnected;
    if (!live)
        rrSince = t;

    // Numerics at t see only what was generated before t.
    if (k > 0 && k % kTicksPerSecond == 0)
        perSecond(t, out);
    if (k % (30 * kTicksPerSecond) == kTicksPerSecond) {
        tempNoise = 0.6 * tempNoise + 0.03 * numRng.normal();
        if (live) {
            const double temp =
                effectiveAt(t).tempC + 0.08 * std::sin(kTwoPi * t / 5400.0 + tempPhase) + tempNoise;
            emitNumeric(out, NumericId::Temp, roundTo(temp, 0.1), t);
        }
    }
    if (t >= nextNibp - 1e-9) {
        const double when = nextNibp;
        if (live) {
            const PhysiologyParams e = effectiveAt(when);
            const double sys = std::round(e.nibpSys + 3.0 * numRng.normal());
            const double dia = std::round(std::min(e.nibpDia + 2.0 * numRng.normal(), sys - 5.0));
            emitNumeric(out, NumericId::NibpSys, sys, when);
            emitNumeric(out, NumericId::NibpDia, dia, when);
            // An oscillometric cuff measures the mean at maximal oscillation; dia + PP/3 is close to it.
            emitNumeric(out, NumericId::NibpMean, std::round(dia + (sys - dia) / 3.0), when);
        }
        if (base.nibpCycleS > 0.0) {
            while (nextNibp <= t + 1e-9)
                nextNibp += base.nibpCycleS;
        } else {
            nextNibp = kInf;
        }
    }

    while (breathCur + 1 < breaths.end() && breaths[breathCur + 1].start <= t)
        ++breathCur;
    const Breath &br = breaths[breathCur];
    const double bu = t - br.start;
    const bool breathing = bu < br.period;
    const double shape = breathing ? respShape(br, bu) : 0.0;
    while (beats[cardSeg + 1].r <= t)
        ++cardSeg;
    while (beats[ecgFirst].winEnd < t)
        ++ecgFirst;

    if (live) {
        if (f.leadOff) {
            const float nan = std::numeric_limits<float>::quiet_NaN();
            for (WaveId id : {WaveId::EcgI, WaveId::EcgII, WaveId::EcgIII, WaveId::EcgV})
                append(out, id, k, nan);
        } else {
            const GaussTable &gauss = gaussTable();
            std::array<double, 3> v{};
            for (std::uint64_t s = ecgFirst; s < beats.end(); ++s) {
                const Beat &b = beats[s];
                if (b.winStart > t)
                    break;
                for (int c = 0; c < kEcgComponents; ++c) {
                    const double dx = t - b.centre[c];
                    const double g = gauss(dx * (dx < 0.0 ? b.invSigL[c] : b.invSigR[c]));
                    if (g == 0.0)
                        continue;
                    v[0] += g * b.amp[c][0];
                    v[1] += g * b.amp[c][1];
                    v[2] += g * b.amp[c][2];
                }
            }
            // Baseline wander: chest movement and slow electrode-skin drift.
            const double drift1 = std::sin(driftW1 * t + driftP1), drift2 = std::sin(driftW2 * t + driftP2);
            for (int l = 0; l < 3; ++l) {
                v[l] += wanderResp[l] * (shape - kRespMean) + wanderDrift[l] * (drift1 + 0.5 * drift2) +
                        0.005 * ecgRng.normal();
            }
            const float leadI = static_cast<float>(v[0]);
            const float leadII = static_cast<float>(v[1]);
            append(out, WaveId::EcgI, k, leadI);
            append(out, WaveId::EcgII, k, leadII);
            append(out, WaveId::EcgIII, k, leadII - leadI); // Einthoven: III = II - I
            append(out, WaveId::EcgV, k, static_cast<float>(v[2]));
        }
    }

    if (k % kDecimation[idx(WaveId::Pleth)] == 0) {
        while (beats[plethSeg + 1].plethFoot <= t) {
            ++plethSeg;
            if (live && !f.sensorOff)
                pulseHist.push(beats[plethSeg].plethFoot);
        }
        if (live) {
            float value = std::numeric_limits<float>::quiet_NaN();
            if (!f.sensorOff) {
                const Beat &b = beats[plethSeg];
                const Beat &nb = beats[plethSeg + 1];
                const double period = nb.plethFoot - b.plethFoot;
                if (plethShapeSeg != plethSeg) {
                    plethShape = PulseShape::make(period, kPlethPulse);
                    plethShapeSeg = plethSeg;
                }
                const double u = t - b.plethFoot;
                const double v = b.plethBase + (nb.plethBase - b.plethBase) * (u / period) +
                                 b.plethAmp * plethShape(u) + 0.002 * waveRng.normal();
                value = static_cast<float>(std::clamp(v, 0.0, 1.0));
            }
            append(out, WaveId::Pleth, k / kDecimation[idx(WaveId::Pleth)], value);
        }
    }

    if (k % kDecimation[idx(WaveId::Abp)] == 0) {
        while (beats[abpSeg + 1].abpFoot <= t) {
            ++abpSeg;
            if (abpCur.whole && abpCur.n > 0) {
                abpHist[abpCount++ % abpHist.size()] = {abpCur.max, abpCur.min, abpCur.sum / abpCur.n};
            }
            abpCur = AbpAccum{};
            abpCur.whole = true;
        }
        if (live && base.hasAbp) {
            const Beat &b = beats[abpSeg];
            const Beat &nb = beats[abpSeg + 1];
            const double period = nb.abpFoot - b.abpFoot;
            if (abpShapeSeg != abpSeg) {
                abpShape = PulseShape::make(period, kAbpPulse);
                abpShapeSeg = abpSeg;
            }
            const double u = t - b.abpFoot;
            const double p = b.abpDia + (nb.abpDia - b.abpDia) * (u / period) +
                             (b.abpSys - b.abpDia) * abpShape(u) + 0.25 * waveRng.normal();
            abpCur.max = std::max(abpCur.max, p);
            abpCur.min = std::min(abpCur.min, p);
            abpCur.sum += p;
            ++abpCur.n;
            append(out, WaveId::Abp, k / kDecimation[idx(WaveId::Abp)], static_cast<float>(p));
        } else {
            abpCur.whole = false;
        }
    }

    if (k % kDecimation[idx(WaveId::Resp)] == 0 && live) {
        // Cardiogenic oscillation: the heart's motion shows on thoracic impedance, most visibly in apnoea.
        const Beat &cb = beats[cardSeg];
        const double cardiac = 0.025 * std::sin(kTwoPi * (t - cb.r) / cb.rr);
        const double v = respGain * (shape - kRespMean) + cardiac + 0.004 * waveRng.normal();
        append(out, WaveId::Resp, k / kDecimation[idx(WaveId::Resp)], static_cast<float>(v));
    }

    if (k % kDecimation[idx(WaveId::Co2)] == 0 && base.hasCo2) {
        if (co2Breath != breathCur) {
            // Inspiration onset ends the previous exhalation: its peak is the end-tidal value.
            if (co2Whole && co2Max > 0.0) {
                lastEt = co2Max;
                lastEtValid = true;
            }
            co2Breath = breathCur;
            co2Max = 0.0;
            co2Whole = true;
        }
        if (live) {
            double c;
            if (!breathing) {
                c = br.et * std::exp(-(bu - br.period) / 0.4);
            } else if (bu < br.ti) {
                c = br.co2Start * std::exp(-bu / 0.05); // fresh gas clears the sensor at once
            } else {
                const double x = bu - br.ti;
                const double te = br.period - br.ti;
                // Phase II rise, then the alveolar plateau with its slight upslope (phase III).
                c = br.et * (1.0 - std::exp(-x * br.invTauRise)) * (0.88 + 0.12 * x / te);
            }
            c = std::max(c + 0.12 * waveRng.normal(), 0.0);
            co2Max = std::max(co2Max, c);
            append(out, WaveId::Co2, k / kDecimation[idx(WaveId::Co2)], static_cast<float>(c));
        } else {
            co2Whole = false;
        }
    }

    // Events inside this tick's sample interval [t, t + 2 ms).
    const double tEnd = static_cast<double>(k + 1) / kTickRate;
    while (beats[passBeat].r < tEnd) {
        const double r = beats[passBeat].r;
        if (r >= 0.0) {
            ++beatCount;
            if (live && !f.leadOff)
                hrHist.push(r);
        }
        ++passBeat;
    }
    while (passBreath < breaths.end() && breaths[passBreath].start < tEnd) {
        const double s = breaths[passBreath].start;
        if (s >= 0.0) {
            ++breathCount;
            if (live) {
                // The first breath after an apnoea starts a new rate average, not a 60 s "interval".
                if (rrHist.size() >= 1 && s - rrHist.last() > apnoeaThreshold())
                    rrHist.clear();
                rrHist.push(s);
            }
        }
        ++passBreath;
    }

    beats.dropBefore(std::min({ecgFirst, passBeat, plethSeg, abpSeg, cardSeg}));
    breaths.dropBefore(std::min(breathCur, passBreath));
}

// -------------------------------------------------------------------------------------------------------------

BedPhysiology::BedPhysiology(PhysiologyParams params, std::uint64_t seed, std::vector<ScenarioStep> script)
    : m_d(std::make_unique<Impl>(params, seed, std::move(script)))
{}

BedPhysiology::~BedPhysiology() = default;
BedPhysiology::BedPhysiology(BedPhysiology &&) noexcept = default;
BedPhysiology &BedPhysiology::operator=(BedPhysiology &&) noexcept = default;

void BedPhysiology::advanceTo(double tS, PhysiologyOutput &out)
{
    // A tiny tolerance so that 0.1 + 0.2 asks for the same samples as 0.3.
    const double end = std::ceil(tS * kTickRate - 1e-6);
    if (end > static_cast<double>(m_d->tick)) {
        const auto endTick = static_cast<std::uint64_t>(end);
        while (m_d->tick < endTick) {
            m_d->step(out);
            ++m_d->tick;
        }
    }
    out.leadOff = m_d->flags.leadOff;
    out.sensorOff = m_d->flags.sensorOff;
    out.disconnected = m_d->flags.disconnected;
}

std::uint64_t BedPhysiology::beatsGenerated() const
{
    return m_d->beatCount;
}
std::uint64_t BedPhysiology::breathsGenerated() const
{
    return m_d->breathCount;
}
double BedPhysiology::timeS() const
{
    return static_cast<double>(m_d->tick) / kTickRate;
}
const PhysiologyParams &BedPhysiology::params() const
{
    return m_d->base;
}
const std::vector<ScenarioStep> &BedPhysiology::script() const
{
    return m_d->script;
}
PhysiologyParams BedPhysiology::effectiveParams(double tS) const
{
    return m_d->effectiveAt(tS);
}

} // namespace vigil::sim
