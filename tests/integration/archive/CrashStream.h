// The deterministic stream of updates archive_crash_child stores, shared with the test that checks what
// survived: update k of run r for bed b is a pure function of (r, b, k).
#pragma once

#include "ArchiveTypes.h"
#include "Ingest.h"

#include <cmath>
#include <cstdint>

namespace crashstream {

using namespace vigil;

inline constexpr qint64 kBaseUs = 1'700'000'000'000'000; // 2023-11-14T22:13:20Z
inline constexpr qint64 kBlockUs = 200'000;              // each update carries 0.2 s
inline constexpr int kEcgPerBlock = 100;                 // 500 Hz
inline constexpr int kSlowPerBlock = 25;                 // 125 Hz
inline constexpr double kAbpGain = 12.84;
inline constexpr int kAbpBaseline = -1605;

inline qint64 runStartUs(int run)
{
    return kBaseUs + qint64(run) * 3'600'000'000; // runs an hour apart never overlap
}

inline std::uint32_t mix(std::uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

// Integer sample i (counted from the run start) of channel c, bed b, run r.
inline std::int32_t adu(int run, int bed, int channel, qint64 i)
{
    const std::uint32_t h =
        mix(std::uint32_t(run * 7919 + bed * 104729 + channel * 15485863) ^ std::uint32_t(i));
    // A smooth wave plus a little noise, like a real trace: compresses realistically.
    const double base = std::sin(double(i) * 0.05 + bed) * 800.0;
    return std::int32_t(base) + std::int32_t(h % 41) - 20 + (channel == 1 ? 5000 : 0);
}

inline double hr(int run, int bed, int k)
{
    return 60 + (k + run) % 50 + bed;
}

inline double spo2(int k)
{
    return 95.5 + (k % 5) * 0.5;
}

inline QString bedKey(int bed)
{
    return QStringLiteral("crash-%1").arg(bed);
}

inline BedUpdate update(int run, int bed, int k)
{
    BedUpdate u;
    u.bedKey = bedKey(bed);
    u.bedLabel = QStringLiteral("Crash %1").arg(bed);
    u.sourceId = QStringLiteral("crash-child");
    u.patient = PatientInfo{QStringLiteral("P-%1-%2").arg(run).arg(bed), QStringLiteral("Run %1").arg(run),
                            PatientProfile::Adult};
    const qint64 start = runStartUs(run) + qint64(k) * kBlockUs;
    WaveBlock ecg{WaveId::EcgII, 500.0, start, {}, 200.0, 0};
    for (int i = 0; i < kEcgPerBlock; ++i)
        ecg.samples.push_back(float(adu(run, bed, 0, qint64(k) * kEcgPerBlock + i) / 200.0));
    // Pleth without a gain: archived at the default resolution of 1e-4.
    WaveBlock pleth{WaveId::Pleth, 125.0, start, {}, 0.0, 0};
    for (int i = 0; i < kSlowPerBlock; ++i)
        pleth.samples.push_back(float(adu(run, bed, 1, qint64(k) * kSlowPerBlock + i) / 10000.0));
    WaveBlock abp{WaveId::Abp, 125.0, start, {}, kAbpGain, kAbpBaseline};
    for (int i = 0; i < kSlowPerBlock; ++i)
        abp.samples.push_back(
            float((adu(run, bed, 2, qint64(k) * kSlowPerBlock + i) - kAbpBaseline) / kAbpGain));
    u.waves = {std::move(ecg), std::move(pleth), std::move(abp)};
    u.numerics.push_back({NumericId::Hr, hr(run, bed, k), start / 1000 + 100});
    u.numerics.push_back({NumericId::SpO2, spo2(k), start / 1000 + 100});
    return u;
}

inline bool hasAlarm(int k)
{
    return k % 25 == 0;
}

inline vigil::archive::AlarmRecord alarm(int run, int bed, int k)
{
    vigil::archive::AlarmRecord a;
    a.alarmId = QStringLiteral("R%1-B%2-K%3").arg(run).arg(bed).arg(k);
    a.bedKey = bedKey(bed);
    a.source = vigil::archive::AlarmRecord::Source::Limit;
    a.code = QStringLiteral("hr_high");
    a.step = vigil::archive::AlarmStep::Start;
    a.priority = vigil::alarms::Priority::Medium;
    a.value = hr(run, bed, k);
    a.timeMs = (runStartUs(run) + qint64(k) * kBlockUs) / 1000 + 150;
    return a;
}

} // namespace crashstream
