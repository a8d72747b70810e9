// Archives for the DICOM tests and the benchmark: a synthetic ward (ECG leads, ABP, a gap) and a WFDB
// record replayed into a bed the way WfdbReplaySource delivers it. Also the runners for the external
// checkers (dciodvfy, dcmdump, /usr/bin/python3 with pydicom).
#pragma once

#include "Archive.h"
#include "Wfdb.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <cmath>
#include <memory>

namespace vigil::dicomtest {

inline constexpr qint64 kT0Ms = 1'700'000'000'000; // 2023-11-14T22:13:20Z

inline archive::ArchiveOptions archiveOptions()
{
    archive::ArchiveOptions o;
    o.commitIntervalMs = 20;
    o.waveRetentionHours = 1e7; // the data is from 2023
    o.numericRetentionDays = 1e6;
    return o;
}

// Exactly representable value k / gain for the stored integer k.
inline float onGrid(double v, double gain)
{
    return float(std::round(v * gain) / gain);
}

struct SyntheticOptions
{
    double seconds = 12;
    double ecgRate = 500;
    double abpRate = 125;
    bool abp = true;
    bool gap = true; // 0.5 s without ECG II in the middle
    // Pleth (gain 1000 adu per unit), respiration (1000 adu/Ohm) and CO2 (100 adu/mmHg); 0 Hz: none.
    // Rates that give whole samples per 0.25 s block.
    double plethRate = 0;
    double respRate = 0;
    double co2Rate = 0;
    QString bedKey = QStringLiteral("bed1");
    QString bedLabel = QStringLiteral("Bed 1");
    QString patientId = QStringLiteral("P123");
    QString patientName = QStringLiteral("Doe, Jane");
};

// Blocks of 0.25 s: ECG I, II, III, V (gain 1000 adu/mV) and, optionally, ABP (gain 100 adu/mmHg).
inline bool buildSynthetic(archive::Archive &a, const SyntheticOptions &o)
{
    const qint64 t0Us = kT0Ms * 1000;
    const int blocks = int(o.seconds * 4);
    for (int b = 0; b < blocks; ++b) {
        BedUpdate u;
        u.bedKey = o.bedKey;
        u.bedLabel = o.bedLabel;
        u.sourceId = QStringLiteral("test");
        if (b == 0)
            u.patient = PatientInfo{o.patientId, o.patientName, PatientProfile::Adult, {}};
        const WaveId ecg[] = {WaveId::EcgI, WaveId::EcgII, WaveId::EcgIII, WaveId::EcgV};
        for (int l = 0; l < 4; ++l) {
            if (o.gap && ecg[l] == WaveId::EcgII && b >= blocks / 2 && b < blocks / 2 + 2)
                continue;
            WaveBlock w;
            w.id = ecg[l];
            w.sampleRate = o.ecgRate;
            const int n = int(o.ecgRate / 4);
            w.startTimeUs = t0Us + qint64(b) * 250'000;
            w.gain = 1000;
            for (int i = 0; i < n; ++i) {
                const double t = (b * n + i) / o.ecgRate;
                w.samples.push_back(onGrid(
                    1.2 * std::sin(2 * M_PI * 1.1 * t + l) * std::exp(-std::fmod(t, 0.9) * 4) + 0.05 * l,
                    1000));
            }
            u.waves.push_back(std::move(w));
        }
        if (o.abp) {
            WaveBlock w;
            w.id = WaveId::Abp;
            w.sampleRate = o.abpRate;
            const int n = int(o.abpRate / 4);
            w.startTimeUs = t0Us + qint64(b) * 250'000;
            w.gain = 100;
            for (int i = 0; i < n; ++i) {
                const double t = (b * n + i) / o.abpRate;
                w.samples.push_back(onGrid(90 + 30 * std::sin(2 * M_PI * 1.2 * t), 100));
            }
            u.waves.push_back(std::move(w));
        }
        const struct
        {
            WaveId id;
            double rate, gain;
            double (*f)(double t);
        } others[] = {
            {WaveId::Pleth, o.plethRate, 1000,
             [](double t) { return 0.5 + 0.4 * std::sin(2 * M_PI * 1.2 * t); }},
            {WaveId::Resp, o.respRate, 1000, [](double t) { return 0.8 * std::sin(2 * M_PI * 0.25 * t); }},
            {WaveId::Co2, o.co2Rate, 100,
             [](double t) { return std::fmod(t, 4.0) < 2.0 ? 38.0 + 0.5 * t / 12 : 0.3; }},
        };
        for (const auto &w0 : others) {
            if (w0.rate <= 0)
                continue;
            WaveBlock w;
            w.id = w0.id;
            w.sampleRate = w0.rate;
            const int n = int(w0.rate / 4);
            w.startTimeUs = t0Us + qint64(b) * 250'000;
            w.gain = w0.gain;
            for (int i = 0; i < n; ++i)
                w.samples.push_back(onGrid(w0.f((b * n + i) / w0.rate), w0.gain));
            u.waves.push_back(std::move(w));
        }
        a.store(u);
    }
    return a.flush();
}

// The whole record, in 0.25 s blocks with the record's gain and baseline (as WfdbReplaySource does).
inline bool replayWfdb(archive::Archive &a, const wfdb::Record &rec, const QString &bedKey,
                       const QString &bedLabel)
{
    struct Ch
    {
        int signal;
        WaveId id;
        double rate;
        qint64 delivered = 0;
    };
    std::vector<Ch> chans;
    std::vector<bool> used(kWaveCount, false);
    for (int s = 0; s < rec.signalCount(); ++s) {
        const auto id = wfdb::waveIdForSignal(rec.header().signalInfos[std::size_t(s)]);
        if (!id || used[std::size_t(*id)])
            continue;
        used[std::size_t(*id)] = true;
        chans.push_back({s, *id, rec.sampleRate(s)});
    }
    const qint64 t0Us = kT0Ms * 1000;
    for (int tick = 1;; ++tick) {
        const double recordS = tick * 0.25;
        BedUpdate u;
        u.bedKey = bedKey;
        u.bedLabel = bedLabel;
        u.sourceId = QStringLiteral("wfdb:") + bedKey;
        if (tick == 1)
            u.patient = PatientInfo{rec.header().recordName,
                                    QStringLiteral("WFDB ") + rec.header().recordName,
                                    PatientProfile::Adult,
                                    {}};
        bool more = false;
        for (Ch &c : chans) {
            const std::vector<int32_t> &x = rec.samples(c.signal);
            const qint64 due = std::min<qint64>(qint64(std::floor(recordS * c.rate)), qint64(x.size()));
            if (due < qint64(x.size()))
                more = true;
            if (due <= c.delivered)
                continue;
            const wfdb::SignalInfo &si = rec.header().signalInfos[std::size_t(c.signal)];
            WaveBlock b;
            b.id = c.id;
            b.sampleRate = c.rate;
            b.startTimeUs = t0Us + qint64(std::llround(double(c.delivered) * 1e6 / c.rate));
            b.gain = si.gain;
            b.baseline = si.baseline;
            for (qint64 i = c.delivered; i < due; ++i) {
                const int32_t adu = x[std::size_t(i)];
                b.samples.push_back(rec.isInvalid(c.signal, adu) ? std::nanf("")
                                                                 : float((adu - si.baseline) / si.gain));
            }
            c.delivered = due;
            u.waves.push_back(std::move(b));
        }
        if (!u.waves.empty())
            a.store(u);
        if (!more)
            break;
    }
    return a.flush(120'000);
}

struct Run
{
    int code = -1;
    QString out;
};

inline Run run(const QString &program, const QStringList &args, int timeoutMs = 60'000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10'000)) {
        r.out = QStringLiteral("cannot start %1").arg(program);
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.out = QStringLiteral("%1 timed out").arg(program);
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAll());
    return r;
}

// dciodvfy's error lines ("Error - ..."); warnings are returned separately.
inline QStringList dciodvfyLines(const QString &file, const QString &kind, QString *all = nullptr)
{
    const Run r = run(QStringLiteral("dciodvfy"), {QStringLiteral("-new"), file});
    if (all)
        *all = r.out;
    QStringList out;
    for (const QString &l : r.out.split(u'\n'))
        if (l.startsWith(kind))
            out << l;
    return out;
}

} // namespace vigil::dicomtest
