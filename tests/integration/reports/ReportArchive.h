// A real archive for the report tests and the report benchmark, written through the archive's own API
// (Archive::store, storeAlarmEvent, storeCondition, storeHandover), so the reports read exactly what a
// station would have written.
//
// Per bed: a patient ("Patient<N>, Test", id MRN<N>), ECG II 500 Hz (synthetic beats of 1 mV R waves),
// pleth 125 Hz, resp 62.5 Hz, numerics every 2 s (HR, SpO2, RR, ABP sys/dia/mean, etCO2), temperature
// every minute, NIBP every 15 min. Bed 1 (index 0) also has: a 2-minute lead-off at +20 min with no data
// at all (condition event "lead_off: ECG lead off"), a high-priority "HR HIGH 142" alarm at +30 min
// (escalated, acknowledged by nurse.kim after 25 s, ended after 60 s, limits 50-120), a medium "SPO2
// LOW 88" alarm at +40 min (limits 90-100), and a second HR alarm at +50 min with limits 50-130 (a limit
// change), plus a handover (unstable, notes).
#pragma once

#include "Archive.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cmath>
#include <thread>

namespace vigil::testing {

struct ReportArchiveOptions
{
    int beds = 2;
    double hours = 1.0;
    qint64 startMs = 0; // 0: hours + 10 min before now, on a whole minute
    QStringList keys;   // bed keys (and labels); empty: "bed1".. with labels "01".., `beds` of them
};

struct ReportArchiveInfo
{
    qint64 startMs = 0, endMs = 0;
    qint64 gapFromMs = 0, gapToMs = 0; // bed 1: no data (lead off)
    qint64 highAlarmMs = 0;
    qint64 mediumAlarmMs = 0;
    qint64 secondHrAlarmMs = 0;
};

inline float syntheticEcg(double t, double hr)
{
    const double period = 60.0 / hr;
    const double ph = std::fmod(t, period);
    auto g = [&](double c, double w, double a) { return a * std::exp(-0.5 * std::pow((ph - c) / w, 2)); };
    return float(g(0.10, 0.020, 0.12) - g(0.19, 0.008, 0.10) + g(0.21, 0.010, 1.0) - g(0.235, 0.008, 0.25) +
                 g(0.42, 0.040, 0.25));
}

inline ReportArchiveInfo writeReportArchive(const QString &path, const ReportArchiveOptions &o,
                                            QString *error)
{
    using namespace vigil::archive;
    ReportArchiveInfo info;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    info.startMs = o.startMs ? o.startMs : (now - qint64(o.hours * 3'600'000) - 600'000) / 60'000 * 60'000;
    info.endMs = info.startMs + qint64(o.hours * 3'600'000);
    const qint64 minute = 60'000;
    info.gapFromMs = info.startMs + 20 * minute;
    info.gapToMs = info.gapFromMs + 2 * minute;
    info.highAlarmMs = info.startMs + 30 * minute + 5'000;
    info.mediumAlarmMs = info.startMs + 40 * minute + 5'000;
    info.secondHrAlarmMs = info.startMs + 50 * minute + 5'000;

    ArchiveOptions ao;
    ao.commitIntervalMs = 500;
    ao.waveRetentionHours = 1e6;
    ao.numericRetentionDays = 1e6;
    auto a = Archive::open(path, ao, error);
    if (!a)
        return {};
    const qint64 stepMs = 10'000;
    const int beds = o.keys.isEmpty() ? o.beds : int(o.keys.size());
    for (qint64 t = info.startMs; t < info.endMs; t += stepMs) {
        for (int b = 0; b < beds; ++b) {
            if (b == 0 && t >= info.gapFromMs && t < info.gapToMs)
                continue; // lead off: nothing at all
            BedUpdate u;
            u.bedKey = o.keys.isEmpty() ? QStringLiteral("bed%1").arg(b + 1) : o.keys.at(b);
            u.bedLabel =
                o.keys.isEmpty() ? QStringLiteral("%1").arg(b + 1, 2, 10, QLatin1Char('0')) : o.keys.at(b);
            u.sourceId = QStringLiteral("test");
            u.patient = PatientInfo{QStringLiteral("MRN%1").arg(1000 + b + 1),
                                    QStringLiteral("Patient%1, Test").arg(b + 1),
                                    PatientProfile::Adult,
                                    {}};
            const double hrBase = 72 + 6 * b;
            auto hrAt = [&](qint64 ms) {
                if (b == 0 && ms >= info.highAlarmMs && ms < info.highAlarmMs + 60'000)
                    return 142.0;
                return hrBase + 8 * std::sin(double(ms - info.startMs) / 900'000.0);
            };
            for (qint64 s = t; s < t + stepMs; s += 2000) {
                const double hr = hrAt(s);
                u.numerics.push_back({NumericId::Hr, std::round(hr), s});
                double spo2 = 97 - (b % 3);
                if (b == 0 && s >= info.mediumAlarmMs && s < info.mediumAlarmMs + 40'000)
                    spo2 = 88;
                u.numerics.push_back({NumericId::SpO2, spo2, s});
                u.numerics.push_back({NumericId::Rr, 16.0 + (s / 2000) % 3, s});
                u.numerics.push_back({NumericId::AbpSys, 118.0 + (s / 4000) % 5, s});
                u.numerics.push_back({NumericId::AbpDia, 72.0 + (s / 6000) % 3, s});
                u.numerics.push_back({NumericId::AbpMean, 88.0, s});
                u.numerics.push_back({NumericId::EtCO2, 36.0 + (s / 10000) % 3, s});
            }
            if (t % minute == 0)
                u.numerics.push_back({NumericId::Temp, 37.0 + 0.1 * ((t / minute) % 5), t});
            if (t % (15 * minute) == 0) {
                u.numerics.push_back({NumericId::NibpSys, 124.0, t});
                u.numerics.push_back({NumericId::NibpDia, 76.0, t});
                u.numerics.push_back({NumericId::NibpMean, 92.0, t});
            }
            WaveBlock ecg{WaveId::EcgII, 500.0, t * 1000, {}, 200.0, 0};
            ecg.samples.resize(std::size_t(stepMs / 2));
            for (std::size_t i = 0; i < ecg.samples.size(); ++i) {
                const double ts = double(t - info.startMs) / 1000.0 + double(i) / 500.0;
                ecg.samples[i] = syntheticEcg(ts, hrAt(t));
            }
            WaveBlock pleth{WaveId::Pleth, 125.0, t * 1000, {}, 0, 0};
            pleth.samples.resize(std::size_t(stepMs / 8));
            for (std::size_t i = 0; i < pleth.samples.size(); ++i) {
                const double ts = double(t - info.startMs) / 1000.0 + double(i) / 125.0;
                pleth.samples[i] = float(0.5 + 0.4 * std::sin(2 * M_PI * ts * hrAt(t) / 60.0));
            }
            WaveBlock resp{WaveId::Resp, 62.5, t * 1000, {}, 0, 0};
            resp.samples.resize(std::size_t(stepMs * 625 / 10000));
            for (std::size_t i = 0; i < resp.samples.size(); ++i) {
                const double ts = double(t - info.startMs) / 1000.0 + double(i) / 62.5;
                resp.samples[i] = float(0.6 * std::sin(2 * M_PI * ts * 16 / 60.0));
            }
            u.waves = {std::move(ecg), std::move(pleth), std::move(resp)};
            a->store(u);
        }
        while (a->health().queuedBytes > (qint64(128) << 20))
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    // Bed 1's lead-off, alarms and handover.
    if (o.keys.isEmpty() && o.beds > 0 && o.hours >= 0.9) {
        const QString bed = QStringLiteral("bed1");
        a->storeCondition(bed, info.gapFromMs, true, QStringLiteral("lead_off"),
                          QStringLiteral("ECG lead off"));
        a->storeCondition(bed, info.gapToMs, false, QStringLiteral("lead_off"),
                          QStringLiteral("ECG lead off"));
        auto step = [&](const QString &id, AlarmStep s, qint64 at, qint64 onset, alarms::Priority p,
                        const QString &code, const QString &text, const QString &metric, double value,
                        double lo, double hi, const QString &unit, const QString &user = {}) {
            AlarmRecord r;
            r.alarmId = id;
            r.bedKey = bed;
            r.source = AlarmRecord::Source::Limit;
            r.code = code;
            r.text = text;
            r.metric = metric;
            r.priority = p;
            r.kind = alarms::Kind::Physiological;
            r.step = s;
            r.value = value;
            r.limitLow = lo;
            r.limitHigh = hi;
            r.unit = unit;
            r.timeMs = at;
            r.onsetMs = onset;
            r.user = user;
            a->storeAlarmEvent(r);
        };
        const auto H = alarms::Priority::High, M = alarms::Priority::Medium;
        const QString hrText = QStringLiteral("HR HIGH 142 > 120");
        step("a1", AlarmStep::Start, info.highAlarmMs, info.highAlarmMs, H, "hr_high", hrText, "hr", 142, 50,
             120, "/min");
        step("a1", AlarmStep::Escalate, info.highAlarmMs + 15'000, info.highAlarmMs, H, "hr_high", hrText,
             "hr", 142, 50, 120, "/min");
        step("a1", AlarmStep::Acknowledge, info.highAlarmMs + 25'000, info.highAlarmMs, H, "hr_high", hrText,
             "hr", 142, 50, 120, "/min", QStringLiteral("nurse.kim"));
        step("a1", AlarmStep::End, info.highAlarmMs + 60'000, info.highAlarmMs, H, "hr_high", hrText, "hr",
             142, 50, 120, "/min");
        const QString spText = QStringLiteral("SPO2 LOW 88 < 90");
        step("a2", AlarmStep::Start, info.mediumAlarmMs, info.mediumAlarmMs, M, "spo2_low", spText, "spo2",
             88, 90, 100, "%");
        step("a2", AlarmStep::End, info.mediumAlarmMs + 40'000, info.mediumAlarmMs, M, "spo2_low", spText,
             "spo2", 88, 90, 100, "%");
        const QString hr2 = QStringLiteral("HR HIGH 131 > 130");
        step("a3", AlarmStep::Start, info.secondHrAlarmMs, info.secondHrAlarmMs, M, "hr_high", hr2, "hr", 131,
             50, 130, "/min");
        step("a3", AlarmStep::End, info.secondHrAlarmMs + 20'000, info.secondHrAlarmMs, M, "hr_high", hr2,
             "hr", 131, 50, 130, "/min");
        a->storeEvent(bed, info.secondHrAlarmMs - 120'000, kLimitChange,
                      QStringLiteral("hr 50\u2013130 by dr.lee"));
        // NEWS2 changes as the station archives them (StationApp::recordNews2).
        a->storeEvent(bed, info.startMs + 60'000, QStringLiteral("news2"),
                      QStringLiteral("NEWS2 2 low; rr 0 spo2 0 o2 0 sbp 0 pulse 1 acvpu 0 temp 1"));
        a->storeEvent(bed, info.secondHrAlarmMs, QStringLiteral("news2"),
                      QStringLiteral("NEWS2 6 medium; rr 2 spo2 1 o2 0 sbp 0 pulse 3 acvpu 0 temp 0"));
        a->storeHandover({bed, info.endMs - 60'000, QStringLiteral("unstable"),
                          QStringLiteral("Recheck K+ at 16:00. Call Dr. Okafor if HR > 130 again."),
                          QStringLiteral("nurse.kim")});
    }
    if (!a->flush(600'000)) {
        *error = QStringLiteral("archive flush failed");
        return {};
    }
    return info;
}

} // namespace vigil::testing
