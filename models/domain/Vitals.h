// Domain value types shared by models/ and services/: what a bed measures.
// No Qt GUI or QML here; this header is included on every thread.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace vigil {

// Waveform channels a central station shows. The MDC codes are those of IHE PCD waveform content
// (docs/STANDARDS-NOTES.md section 4).
enum class WaveId : std::uint8_t { EcgI, EcgII, EcgIII, EcgV, Pleth, Resp, Abp, Co2, Count };
inline constexpr int kWaveCount = static_cast<int>(WaveId::Count);

struct WaveInfo
{
    WaveId id;
    std::string_view key;   // stable identifier used in config and the state file
    std::string_view label; // what the nurse reads next to the trace
    std::string_view unit;
    std::uint32_t mdcCode;
    std::string_view mdcRefId;
    double defaultRate;        // Hz, what the simulator and benchmarks generate
    float rangeLow, rangeHigh; // default display scale, in unit
    double defaultSweepMmPerS; // 25 mm/s for cardiac waves, 6.25 mm/s for respiration
};

inline constexpr std::array<WaveInfo, kWaveCount> kWaves{{
    {WaveId::EcgI, "ecg_i", "I", "mV", 131329, "MDC_ECG_ELEC_POTL_I", 500.0, -0.8f, 1.6f, 25.0},
    {WaveId::EcgII, "ecg_ii", "II", "mV", 131330, "MDC_ECG_ELEC_POTL_II", 500.0, -0.8f, 1.6f, 25.0},
    {WaveId::EcgIII, "ecg_iii", "III", "mV", 131389, "MDC_ECG_ELEC_POTL_III", 500.0, -0.8f, 1.6f, 25.0},
    {WaveId::EcgV, "ecg_v", "V", "mV", 131331, "MDC_ECG_ELEC_POTL_V1", 500.0, -0.8f, 1.6f, 25.0},
    {WaveId::Pleth, "pleth", "Pleth", "NU", 150452, "MDC_PULS_OXIM_PLETH", 125.0, 0.0f, 1.0f, 25.0},
    {WaveId::Resp, "resp", "Resp", "Ohm", 151780, "MDC_IMPED_TTHOR", 62.5, -1.0f, 1.0f, 6.25},
    {WaveId::Abp, "abp", "ABP", "mmHg", 150036, "MDC_PRESS_BLD_ART_ABP", 125.0, 0.0f, 160.0f, 25.0},
    {WaveId::Co2, "co2", "CO2", "mmHg", 151724, "MDC_AWAY_CO2", 62.5, 0.0f, 50.0f, 6.25},
}};

constexpr const WaveInfo &waveInfo(WaveId id)
{
    return kWaves[static_cast<int>(id)];
}

// Numerics. stalePeriodS: a value older than this is shown as stale, never as current.
enum class NumericId : std::uint8_t {
    Hr,
    SpO2,
    PulseRate,
    NibpSys,
    NibpDia,
    NibpMean,
    AbpSys,
    AbpDia,
    AbpMean,
    Rr,
    Temp,
    EtCO2,
    Count
};
inline constexpr int kNumericCount = static_cast<int>(NumericId::Count);

struct NumericInfo
{
    NumericId id;
    std::string_view key;
    std::string_view label;
    std::string_view unit;
    std::uint32_t mdcCode;
    std::string_view mdcRefId;
    int decimals;
    double stalePeriodS; // expected refresh period times a margin
};

inline constexpr std::array<NumericInfo, kNumericCount> kNumerics{{
    {NumericId::Hr, "hr", "HR", "/min", 147842, "MDC_ECG_HEART_RATE", 0, 10.0},
    {NumericId::SpO2, "spo2", "SpO2", "%", 150456, "MDC_PULS_OXIM_SAT_O2", 0, 10.0},
    {NumericId::PulseRate, "pulse", "Pulse", "/min", 149530, "MDC_PULS_OXIM_PULS_RATE", 0, 10.0},
    // NIBP is episodic: a measurement stays valid for its cycle (15 min default) plus a margin.
    {NumericId::NibpSys, "nibp_sys", "NIBP sys", "mmHg", 150021, "MDC_PRESS_BLD_NONINV_SYS", 0, 1200.0},
    {NumericId::NibpDia, "nibp_dia", "NIBP dia", "mmHg", 150022, "MDC_PRESS_BLD_NONINV_DIA", 0, 1200.0},
    {NumericId::NibpMean, "nibp_mean", "NIBP mean", "mmHg", 150023, "MDC_PRESS_BLD_NONINV_MEAN", 0, 1200.0},
    {NumericId::AbpSys, "abp_sys", "ABP sys", "mmHg", 150037, "MDC_PRESS_BLD_ART_ABP_SYS", 0, 10.0},
    {NumericId::AbpDia, "abp_dia", "ABP dia", "mmHg", 150038, "MDC_PRESS_BLD_ART_ABP_DIA", 0, 10.0},
    {NumericId::AbpMean, "abp_mean", "ABP mean", "mmHg", 150039, "MDC_PRESS_BLD_ART_ABP_MEAN", 0, 10.0},
    {NumericId::Rr, "rr", "RR", "/min", 151562, "MDC_RESP_RATE", 0, 20.0},
    {NumericId::Temp, "temp", "Temp", "\u00B0C", 150364, "MDC_TEMP_BODY", 1, 120.0},
    {NumericId::EtCO2, "etco2", "etCO2", "mmHg", 151708, "MDC_CONC_AWAY_CO2_ET", 0, 20.0},
}};

constexpr const NumericInfo &numericInfo(NumericId id)
{
    return kNumerics[static_cast<int>(id)];
}

enum class PatientProfile : std::uint8_t { Adult, Paediatric, Neonatal };

} // namespace vigil
