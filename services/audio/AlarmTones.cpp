#include "AlarmTones.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

namespace vigil::audio {

namespace {

// Harmonic series 0, -3, -6, -9, -12 dB: four harmonics in 300-4000 Hz for every fundamental chosen
// below, all within 15 dB of the fundamental, as IEC 60601-1-8 asks so the sound is locatable and
// survives masking.
constexpr std::array<double, 5> kHarmonics{1.0, 0.7, 0.5, 0.35, 0.25};

// Normal loudness -7 dBFS; escalated +6 dB (IEC 60601-1-8 lets escalation raise the sound level).
constexpr double kNormalAmplitude = 0.45;
constexpr double kEscalatedAmplitude = 0.9;

// Raised-cosine ramps a quarter of t_d long: measured 10 %-90 % (as IEC 60601-1-8 measures rise time)
// that is 0.59 x 25 % = 15 % of t_d, in the middle of the standard's 10-20 %. Smooth ramps also keep the
// onset free of clicks.
constexpr double kRampFraction = 0.25;

std::vector<double> starts(double td, const std::vector<double> &spacings)
{
    std::vector<double> s{0.0};
    for (double gap : spacings)
        s.push_back(s.back() + td + gap);
    return s;
}

// Peak of the unit-envelope harmonic sum, so the burst peaks exactly at the requested amplitude.
double harmonicPeak(const PulseSpec &p)
{
    double peak = 0;
    constexpr int kSteps = 20000;
    for (int i = 0; i < kSteps; ++i) {
        const double ph = 2.0 * std::numbers::pi * i / kSteps;
        double v = 0;
        for (std::size_t k = 0; k < p.harmonics.size(); ++k)
            v += p.harmonics[k] * std::sin(static_cast<double>(k + 1) * ph);
        peak = std::max(peak, std::abs(v));
    }
    return peak;
}

void putLe16(QByteArray &b, quint16 v)
{
    b.append(static_cast<char>(v & 0xff));
    b.append(static_cast<char>(v >> 8));
}

void putLe32(QByteArray &b, quint32 v)
{
    putLe16(b, static_cast<quint16>(v & 0xffff));
    putLe16(b, static_cast<quint16>(v >> 16));
}

quint32 le32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return u[0] | (u[1] << 8) | (u[2] << 16) | (static_cast<quint32>(u[3]) << 24);
}

quint16 le16(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return static_cast<quint16>(u[0] | (u[1] << 8));
}

} // namespace

const char *patternName(BurstPattern pattern)
{
    switch (pattern) {
    case BurstPattern::None:
        return "none";
    case BurstPattern::Low:
        return "low";
    case BurstPattern::Medium:
        return "medium";
    case BurstPattern::High:
        return "high";
    case BurstPattern::MediumEscalated:
        return "medium-escalated";
    case BurstPattern::HighEscalated:
        return "high-escalated";
    }
    return "";
}

BurstSpec burstSpec(BurstPattern pattern)
{
    BurstSpec s;
    s.pattern = pattern;
    s.amplitude = (pattern == BurstPattern::HighEscalated || pattern == BurstPattern::MediumEscalated)
                      ? kEscalatedAmplitude
                      : kNormalAmplitude;
    switch (pattern) {
    case BurstPattern::High:
    case BurstPattern::HighEscalated: {
        // IEC 60601-1-8 table 4, HIGH: 10 pulses "x x x _ x x ___ x x x _ x x"; t_d 75-200 ms; spacing x
        // 50-125 ms; 3rd-4th and 8th-9th 2x + t_d; 5th-6th 0.35-1.30 s; interburst 2.5-15 s. Repeating
        // every 5 s leaves at most 2.5 s for the burst, hence t_d 100 ms and x 75 ms (burst 2.35 s).
        const double td = 100, x = 75;
        s.pulse = {660, kHarmonics, td, td * kRampFraction, td * kRampFraction};
        s.pulseStartsMs = starts(td, {x, x, 2 * x + td, x, 400, x, x, 2 * x + td, x});
        s.repeatMs = 5000;
        break;
    }
    case BurstPattern::Medium:
    case BurstPattern::MediumEscalated: {
        // MEDIUM: 3 pulses, t_d 125-250 ms, spacing y 125-250 ms, interburst 2.5-30 s.
        const double td = 150, y = 200;
        s.pulse = {520, kHarmonics, td, td * kRampFraction, td * kRampFraction};
        s.pulseStartsMs = starts(td, {y, y});
        s.repeatMs = 15000;
        break;
    }
    case BurstPattern::Low: {
        // LOW: 1 or 2 pulses, t_d 125-250 ms, not repeated (or > 15 s apart): one pulse, once.
        const double td = 200;
        s.pulse = {440, kHarmonics, td, td * kRampFraction, td * kRampFraction};
        s.pulseStartsMs = {0.0};
        s.repeatMs = 0;
        break;
    }
    case BurstPattern::None:
        s.amplitude = 0;
        break;
    }
    return s;
}

std::vector<qint16> renderBurst(const BurstSpec &spec, int sampleRate)
{
    if (spec.pulseStartsMs.empty() || sampleRate <= 0)
        return {};
    const PulseSpec &p = spec.pulse;
    const double lead = p.riseMs / 2.0; // burst time 0 = start of the first rise
    const double pulseLen = p.effectiveMs + (p.riseMs + p.fallMs) / 2.0; // rise start to fall end
    const double totalMs = lead + spec.pulseStartsMs.back() + p.effectiveMs + p.fallMs / 2.0;
    const auto total = static_cast<std::size_t>(std::ceil(totalMs * sampleRate / 1000.0));
    std::vector<double> buf(total, 0.0);
    const double scale = spec.amplitude / harmonicPeak(p);
    for (double s50 : spec.pulseStartsMs) {
        const double t0 = s50 + lead - p.riseMs / 2.0; // rise start in ms
        const auto first = static_cast<std::size_t>(std::ceil(t0 * sampleRate / 1000.0));
        for (std::size_t i = first; i < total; ++i) {
            const double tau = i * 1000.0 / sampleRate - t0; // ms into the pulse
            if (tau >= pulseLen)
                break;
            double env = 1.0;
            if (tau < p.riseMs)
                env = 0.5 * (1.0 - std::cos(std::numbers::pi * tau / p.riseMs));
            else if (tau > pulseLen - p.fallMs)
                env = 0.5 * (1.0 + std::cos(std::numbers::pi * (tau - (pulseLen - p.fallMs)) / p.fallMs));
            const double ts = tau / 1000.0;
            double v = 0;
            for (std::size_t k = 0; k < p.harmonics.size(); ++k)
                v += p.harmonics[k] *
                     std::sin(2.0 * std::numbers::pi * p.fundamentalHz * static_cast<double>(k + 1) * ts);
            buf[i] += env * v * scale;
        }
    }
    std::vector<qint16> out(total);
    for (std::size_t i = 0; i < total; ++i)
        out[i] = static_cast<qint16>(std::lround(std::clamp(buf[i], -1.0, 1.0) * 32767.0));
    return out;
}

std::vector<qint16> renderCycle(BurstPattern pattern, int sampleRate)
{
    const BurstSpec spec = burstSpec(pattern);
    std::vector<qint16> burst = renderBurst(spec, sampleRate);
    if (spec.repeatMs > 0) {
        const auto period = static_cast<std::size_t>(std::llround(spec.repeatMs * sampleRate / 1000.0));
        burst.resize(std::max(period, burst.size()), 0);
    }
    return burst;
}

std::vector<qint16> renderPattern(BurstPattern pattern, int sampleRate, double durationMs)
{
    const auto total = static_cast<std::size_t>(std::llround(durationMs * sampleRate / 1000.0));
    std::vector<qint16> out(total, 0);
    const std::vector<qint16> cycle = renderCycle(pattern, sampleRate);
    if (cycle.empty())
        return out;
    const bool repeat = burstSpec(pattern).repeatMs > 0;
    for (std::size_t at = 0; at < total; at += cycle.size()) {
        std::copy_n(cycle.begin(), std::min(cycle.size(), total - at),
                    out.begin() + static_cast<std::ptrdiff_t>(at));
        if (!repeat)
            break;
    }
    return out;
}

QByteArray wavBytes(const std::vector<qint16> &samples, int sampleRate)
{
    const auto dataBytes = static_cast<quint32>(samples.size() * 2);
    QByteArray b;
    b.reserve(44 + static_cast<qsizetype>(dataBytes));
    b.append("RIFF");
    putLe32(b, 36 + dataBytes);
    b.append("WAVEfmt ");
    putLe32(b, 16);
    putLe16(b, 1); // PCM
    putLe16(b, 1); // mono
    putLe32(b, static_cast<quint32>(sampleRate));
    putLe32(b, static_cast<quint32>(sampleRate) * 2);
    putLe16(b, 2);
    putLe16(b, 16);
    b.append("data");
    putLe32(b, dataBytes);
    for (qint16 s : samples)
        putLe16(b, static_cast<quint16>(s));
    return b;
}

bool writeWav(const QString &path, const std::vector<qint16> &samples, int sampleRate, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(wavBytes(samples, sampleRate)) < 0 || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

bool readWav(const QString &path, std::vector<qint16> *samples, int *sampleRate, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(f.errorString());
    const QByteArray b = f.readAll();
    if (b.size() < 12 || !b.startsWith("RIFF") || b.mid(8, 4) != "WAVE")
        return fail(QStringLiteral("not a RIFF/WAVE file"));
    qsizetype pos = 12;
    bool haveFmt = false;
    while (pos + 8 <= b.size()) {
        const QByteArray id = b.mid(pos, 4);
        const quint32 len = le32(b.constData() + pos + 4);
        const qsizetype body = pos + 8;
        if (body + static_cast<qsizetype>(len) > b.size())
            return fail(QStringLiteral("truncated chunk"));
        if (id == "fmt ") {
            if (len < 16 || le16(b.constData() + body) != 1 || le16(b.constData() + body + 2) != 1 ||
                le16(b.constData() + body + 14) != 16)
                return fail(QStringLiteral("only PCM 16-bit mono is supported"));
            *sampleRate = static_cast<int>(le32(b.constData() + body + 4));
            haveFmt = true;
        } else if (id == "data") {
            if (!haveFmt)
                return fail(QStringLiteral("data before fmt"));
            samples->resize(len / 2);
            for (quint32 i = 0; i < len / 2; ++i)
                (*samples)[i] = static_cast<qint16>(le16(b.constData() + body + 2 * i));
            return true;
        }
        pos = body + len + (len & 1);
    }
    return fail(QStringLiteral("no data chunk"));
}

} // namespace vigil::audio
