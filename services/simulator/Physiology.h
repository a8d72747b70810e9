// Deterministic synthetic physiology for one bed: ECG (I, II, III, V), pleth, respiration impedance, ABP
// and CO2 waveforms, and the numerics a bedside monitor would derive from them.
//
// The engine is plain C++ (no Qt) and allocation-free in steady state, so one thread can run a ward of
// simulated beds. Everything is a pure function of (params, seed, script): output is bit-identical however
// advanceTo() calls are chunked, because every value depends only on its sample index and on event
// schedules (beats, breaths) that are generated in time order from their own seeded PRNG streams.
//
// Time is "simulation seconds" from 0. Waves are sampled at WaveInfo::defaultRate (all rates divide the
// 500 Hz ECG rate, so every sample falls on a 2 ms tick). Numerics are derived from what was generated:
// HR from the R waves emitted on the ECG, pulse rate from the pleth pulses, RR from the breaths, ABP
// sys/dia/mean from the pressure samples, etCO2 from the capnogram.
#pragma once

#include "Vitals.h"

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::sim {

struct PhysiologyParams
{
    PatientProfile profile = PatientProfile::Adult;
    double heartRate = 72.0;                // /min
    double spo2 = 97.0;                     // %
    double respRate = 15.0;                 // /min; <= 0 means the patient does not breathe
    double abpSys = 120.0, abpDia = 75.0;   // mmHg, invasive arterial line (used when hasAbp)
    double nibpSys = 118.0, nibpDia = 74.0; // mmHg, cuff
    double tempC = 36.9;
    double etco2 = 38.0; // mmHg (used when hasCo2)
    bool hasAbp = false;
    bool hasCo2 = false;
    double nibpCycleS = 300.0;   // <= 0: a single measurement at firstNibpAtS
    double firstNibpAtS = 8.0;   // < 0: no NIBP at all
    double pulseTransitS = 0.22; // R wave to the foot of the finger pleth pulse
};

// Plausible values for the profile, varied by seed (adult HR 60-95, paediatric 90-130, neonatal
// 120-160...). About a third of the beds get an arterial line and a capnograph.
PhysiologyParams defaultParams(PatientProfile profile, std::uint64_t seed);

enum class ScenarioKind : std::uint8_t {
    Tachycardia,  // value: target HR /min
    Bradycardia,  // value: target HR /min
    Desaturation, // value: target SpO2 %
    Apnoea,       // no value; SpO2 falls and CO2 accumulates while it lasts
    Hypotension,  // value: target systolic mmHg (ABP and NIBP; diastolic follows proportionally)
    LeadOff,      // no value; ECG channels NaN, no HR (respiration impedance carries on)
    SensorOff,    // no value; pleth NaN, no SpO2 or pulse rate
    Disconnect,   // no value; no samples and no numerics at all
    // Slow decline, sepsis-like (no value): over the step's duration (default 60 min) HR rises by 45 %,
    // RR by 14 /min, temperature by 2.1 C, systolic pressure falls by 28 % and SpO2 by 6 points, linearly,
    // then holds (it does not resolve by itself). NEWS2 climbs a step at a time over the duration, before
    // the usual limits alarm. "sepsis@5m+90m".
    Sepsis,
    // Slow respiratory decline (no value): over the duration (default 60 min) RR rises by 16 /min and SpO2
    // falls by 9 points, HR rises by 20 %, then holds. "resp_decline@0+2h".
    RespDecline,
};

struct ScenarioStep
{
    ScenarioKind kind = ScenarioKind::Tachycardia;
    double startS = 0.0;
    double durationS = 0.0;                                  // <= 0: until the end
    double value = std::numeric_limits<double>::quiet_NaN(); // NaN: scenarioDefaultValue()
};

// "tachycardia", "lead_off"...: the names the parser accepts and formatScenarioStep() writes.
std::string_view scenarioKindName(ScenarioKind kind);
bool scenarioKindTakesValue(ScenarioKind kind);
// The target a step without "=value" ramps to, for this patient; NaN for kinds that take no value.
double scenarioDefaultValue(ScenarioKind kind, const PhysiologyParams &base);

// Grammar: kind@start[+duration][=value], e.g. "tachycardia@60+120=150", "lead_off@30+20",
// "apnoea@2m+30s", "sepsis@5m+90m" (durations also in hours: "2h"). Times are seconds, or minutes with an
// "m"/"min" suffix. Kind names are case-insensitive; '-' may stand for '_'; "apnea" and "desat" are accepted.
// On failure returns nullopt and, if error is given, a message naming the offending part.
std::optional<ScenarioStep> parseScenarioStep(std::string_view text, std::string *error = nullptr);
// Several steps separated by ',', ';' or whitespace. Empty text is an empty script.
std::optional<std::vector<ScenarioStep>> parseScenario(std::string_view text, std::string *error = nullptr);
// Canonical text that parseScenarioStep() reads back to the same step.
std::string formatScenarioStep(const ScenarioStep &step);

// A stretch of consecutive samples of one wave inside PhysiologyOutput::waves[w]: samples
// [offset, offset + count) of the vector are sample numbers firstSample, firstSample + 1... of that wave
// (time = sample number / WaveInfo::defaultRate). A wave has one run per call unless a disconnect starts
// or ends inside it; runs appended across calls without clear() merge when contiguous.
struct WaveRun
{
    std::uint64_t firstSample = 0;
    std::size_t offset = 0;
    std::size_t count = 0;
    bool operator==(const WaveRun &) const = default;
};

struct PhysiologyOutput
{
    // Samples at each wave's WaveInfo::defaultRate, in WaveInfo::unit (pleth 0..1). NaN while lead off
    // (ECG) or sensor off (pleth). ABP and CO2 stay empty when the bed has no such measurement.
    std::array<std::vector<float>, kWaveCount> waves;
    std::array<std::vector<WaveRun>, kWaveCount> runs;
    struct Numeric
    {
        NumericId id;
        double value;
        double timeS; // simulation time of the measurement
        bool operator==(const Numeric &) const = default;
    };
    std::vector<Numeric> numerics; // in time order, emitted when measured
    // State at the end of the last advanceTo().
    bool leadOff = false;
    bool sensorOff = false;
    bool disconnected = false;
    // Keeps the capacity, so a caller that reuses one output does not allocate per call.
    void clear();
};

class BedPhysiology
{
public:
    BedPhysiology(PhysiologyParams params, std::uint64_t seed, std::vector<ScenarioStep> script = {});
    ~BedPhysiology();
    BedPhysiology(BedPhysiology &&) noexcept;
    BedPhysiology &operator=(BedPhysiology &&) noexcept;
    BedPhysiology(const BedPhysiology &) = delete;
    BedPhysiology &operator=(const BedPhysiology &) = delete;

    // Generates every sample and numeric with time < tS not generated yet, appending to out.
    void advanceTo(double tS, PhysiologyOutput &out);

    // R waves / inspiration onsets that occurred before timeS(), whether or not they were observable
    // (lead off, disconnect).
    std::uint64_t beatsGenerated() const;
    std::uint64_t breathsGenerated() const;
    // Time of the next sample to generate: everything before it has been produced.
    double timeS() const;
    const PhysiologyParams &params() const;
    const std::vector<ScenarioStep> &script() const;
    // The scenario-adjusted targets at time t (heart rate, SpO2, pressures...), before beat-to-beat
    // variability and measurement noise.
    PhysiologyParams effectiveParams(double tS) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace vigil::sim
