// IEC 60601-1-8 burst patterns: each is rendered to a WAV file, read back, and measured from the samples
// alone (envelope detection), never from the synthesiser's own numbers: pulse count, effective pulse
// duration, rise time, spacing, burst repetition, level spread between pulses, harmonic content, and the
// escalated variant's extra loudness. Set VIGIL_ALARM_WAV_DIR to keep the WAV files for listening.
#include "AlarmTones.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <deque>
#include <numbers>

using namespace vigil::audio;

namespace {

constexpr int kRate = 22050;
constexpr double kWindowMs = 2.5; // longer than one period of every fundamental used (>= 400 Hz)
constexpr double kTolMs = 2.0;

struct Pulse
{
    double startMs = 0; // 50 % of the rise
    double endMs = 0;   // 50 % of the fall
    double riseMs = 0;  // 10 % -> 90 %
    double rms = 0;
    double peak = 0;
};

// Envelope: the largest |sample| within a centred window of kWindowMs (sliding maximum).
std::vector<double> envelope(const std::vector<qint16> &x)
{
    const int half = static_cast<int>(kWindowMs * kRate / 2000.0);
    std::vector<double> env(x.size());
    std::deque<int> dq; // indices, |x| decreasing
    const int n = static_cast<int>(x.size());
    int next = 0;
    for (int i = 0; i < n; ++i) {
        while (next < n && next <= i + half) {
            while (!dq.empty() && std::abs(x[dq.back()]) <= std::abs(x[next]))
                dq.pop_back();
            dq.push_back(next++);
        }
        while (dq.front() < i - half)
            dq.pop_front();
        env[i] = std::abs(static_cast<double>(x[dq.front()]));
    }
    return env;
}

std::vector<Pulse> detectPulses(const std::vector<qint16> &x)
{
    const std::vector<double> env = envelope(x);
    const double globalPeak = *std::max_element(env.begin(), env.end());
    const double half = kWindowMs / 2.0;
    std::vector<Pulse> out;
    if (globalPeak <= 0)
        return out;
    const auto ms = [](std::size_t i) { return static_cast<double>(i) * 1000.0 / kRate; };
    for (std::size_t i = 0; i < env.size();) {
        if (env[i] < 0.5 * globalPeak) {
            ++i;
            continue;
        }
        std::size_t j = i;
        double peak = 0;
        while (j < env.size() && env[j] >= 0.5 * globalPeak) {
            peak = std::max(peak, env[j]);
            ++j;
        }
        Pulse p;
        // The centred window sees an edge half a window early (rise) or late (fall): correct for it.
        p.startMs = ms(i) + half;
        p.endMs = ms(j - 1) - half;
        std::size_t r10 = i, r90 = i;
        while (r10 > 0 && env[r10] > 0.1 * peak)
            --r10;
        while (r90 < j && env[r90] < 0.9 * peak)
            ++r90;
        p.riseMs = ms(r90) - ms(r10);
        double sum = 0;
        for (std::size_t k = i; k < j; ++k)
            sum += static_cast<double>(x[k]) * x[k];
        p.rms = std::sqrt(sum / static_cast<double>(j - i));
        p.peak = peak;
        out.push_back(p);
        i = j;
    }
    return out;
}

// Pulses grouped into bursts: a silence longer than 1 s separates bursts.
std::vector<std::vector<Pulse>> bursts(const std::vector<Pulse> &pulses)
{
    std::vector<std::vector<Pulse>> out;
    for (const Pulse &p : pulses) {
        if (out.empty() || p.startMs - out.back().back().endMs > 1000.0)
            out.emplace_back();
        out.back().push_back(p);
    }
    return out;
}

// Amplitude of frequency f in x[from, from + n) (Goertzel), normalised to a sine's amplitude.
double toneAmplitude(const std::vector<qint16> &x, std::size_t from, std::size_t n, double f)
{
    const double w = 2.0 * std::numbers::pi * f / kRate;
    double s1 = 0, s2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double hann = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / (n - 1));
        const double s0 = hann * x[from + i] + 2.0 * std::cos(w) * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - 2.0 * std::cos(w) * s1 * s2;
    return 2.0 * std::sqrt(std::max(0.0, power)) / (0.5 * static_cast<double>(n));
}

double db(double ratio)
{
    return 20.0 * std::log10(ratio);
}

} // namespace

class TestAlarmTones : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    // Renders, writes, reads back: the analysis only ever sees what a WAV file holds.
    std::vector<qint16> viaWav(BurstPattern p, double durationMs)
    {
        const std::vector<qint16> rendered = renderPattern(p, kRate, durationMs);
        const QString keep = qEnvironmentVariable("VIGIL_ALARM_WAV_DIR");
        const QString dir = keep.isEmpty() ? m_tmp.path() : keep;
        QDir().mkpath(dir);
        const QString path = dir + QStringLiteral("/alarm-%1.wav").arg(QLatin1String(patternName(p)));
        QString error;
        if (!writeWav(path, rendered, kRate, &error))
            qFatal("writeWav: %s", qPrintable(error));
        std::vector<qint16> back;
        int rate = 0;
        if (!readWav(path, &back, &rate, &error))
            qFatal("readWav: %s", qPrintable(error));
        if (rate != kRate || back != rendered)
            qFatal("WAV round trip changed the samples");
        return back;
    }

    void checkCommon(const std::vector<Pulse> &pulses)
    {
        double lo = 1e9, hi = 0;
        for (const Pulse &p : pulses) {
            lo = std::min(lo, p.rms);
            hi = std::max(hi, p.rms);
        }
        // IEC 60601-1-8: pulses of a burst within 10 dB of each other.
        QVERIFY2(db(hi / lo) < 10.0, qPrintable(QStringLiteral("spread %1 dB").arg(db(hi / lo))));
    }

private slots:
    void wavRoundTrip()
    {
        const std::vector<qint16> s{0, 1, -1, 32767, -32768, 1234};
        const QString path = m_tmp.filePath(QStringLiteral("rt.wav"));
        QVERIFY(writeWav(path, s, 8000));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray b = f.readAll();
        QCOMPARE(b.size(), 44 + 12);
        QVERIFY(b.startsWith("RIFF"));
        QCOMPARE(b.mid(8, 8), QByteArray("WAVEfmt "));
        std::vector<qint16> back;
        int rate = 0;
        QVERIFY(readWav(path, &back, &rate));
        QCOMPARE(rate, 8000);
        QVERIFY(back == s);
        QString err;
        QVERIFY(!readWav(m_tmp.filePath(QStringLiteral("missing.wav")), &back, &rate, &err));
        QVERIFY(!err.isEmpty());
    }

    void highPriorityBurst()
    {
        const auto x = viaWav(BurstPattern::High, 15000);
        const auto pulses = detectPulses(x);
        const auto b = bursts(pulses);
        QCOMPARE(b.size(), std::size_t(3)); // every 5 s
        for (const auto &burst : b) {
            QCOMPARE(burst.size(), std::size_t(10));
            for (const Pulse &p : burst) {
                const double td = p.endMs - p.startMs;
                QVERIFY2(std::abs(td - 100.0) <= kTolMs, qPrintable(QString::number(td)));
                QVERIFY(td >= 75 && td <= 200); // IEC range for HIGH
                QVERIFY2(p.riseMs >= 0.10 * td && p.riseMs <= 0.20 * td,
                         qPrintable(QString::number(p.riseMs)));
            }
            // "x x x _ x x ___ x x x _ x x": spacing end of one pulse to start of the next.
            const double expected[] = {75, 75, 250, 75, 400, 75, 75, 250, 75};
            for (int k = 0; k < 9; ++k) {
                const double gap = burst[k + 1].startMs - burst[k].endMs;
                QVERIFY2(std::abs(gap - expected[k]) <= kTolMs,
                         qPrintable(QStringLiteral("gap %1: %2 ms").arg(k + 1).arg(gap)));
            }
            QVERIFY(expected[0] >= 50 && expected[0] <= 125);   // x
            QVERIFY(expected[4] >= 350 && expected[4] <= 1300); // 5th-6th
            checkCommon(burst);
        }
        for (std::size_t k = 1; k < b.size(); ++k) {
            QVERIFY(std::abs((b[k].front().startMs - b[k - 1].front().startMs) - 5000.0) <= 1.0);
            const double interburst = b[k].front().startMs - b[k - 1].back().endMs;
            QVERIFY2(interburst >= 2500.0 && interburst <= 15000.0, qPrintable(QString::number(interburst)));
        }
    }

    void mediumPriorityBurst()
    {
        const auto x = viaWav(BurstPattern::Medium, 31000);
        const auto b = bursts(detectPulses(x));
        QCOMPARE(b.size(), std::size_t(3)); // at 0, 15 and 30 s
        for (const auto &burst : b) {
            QCOMPARE(burst.size(), std::size_t(3));
            for (const Pulse &p : burst) {
                const double td = p.endMs - p.startMs;
                QVERIFY2(std::abs(td - 150.0) <= kTolMs, qPrintable(QString::number(td)));
                QVERIFY(td >= 125 && td <= 250);
                QVERIFY(p.riseMs >= 0.10 * td && p.riseMs <= 0.20 * td);
            }
            for (int k = 0; k < 2; ++k) {
                const double gap = burst[k + 1].startMs - burst[k].endMs;
                QVERIFY2(std::abs(gap - 200.0) <= kTolMs, qPrintable(QString::number(gap)));
            }
            checkCommon(burst);
        }
        QVERIFY(std::abs((b[1].front().startMs - b[0].front().startMs) - 15000.0) <= 1.0);
        QVERIFY(std::abs((b[2].front().startMs - b[1].front().startMs) - 15000.0) <= 1.0);
        const double interburst = b[1].front().startMs - b[0].back().endMs;
        QVERIFY(interburst >= 2500.0 && interburst <= 30000.0);
    }

    void lowPriorityPlaysOnce()
    {
        const auto x = viaWav(BurstPattern::Low, 20000);
        const auto pulses = detectPulses(x);
        QCOMPARE(pulses.size(), std::size_t(1));
        const double td = pulses[0].endMs - pulses[0].startMs;
        QVERIFY2(std::abs(td - 200.0) <= kTolMs, qPrintable(QString::number(td)));
        QVERIFY(td >= 125 && td <= 250);
        QVERIFY(pulses[0].riseMs >= 0.10 * td && pulses[0].riseMs <= 0.20 * td);
    }

    void escalatedIsLouderWithSameTiming()
    {
        const auto normal = detectPulses(viaWav(BurstPattern::High, 5000));
        const auto loud = detectPulses(viaWav(BurstPattern::HighEscalated, 5000));
        QCOMPARE(loud.size(), normal.size());
        for (std::size_t k = 0; k < loud.size(); ++k) {
            QVERIFY(std::abs(loud[k].startMs - normal[k].startMs) <= 1.0);
            QVERIFY(std::abs(loud[k].endMs - normal[k].endMs) <= 1.0);
            const double gain = db(loud[k].rms / normal[k].rms);
            QVERIFY2(gain >= 5.5 && gain <= 6.5, qPrintable(QString::number(gain)));
        }
        const auto medLoud = detectPulses(viaWav(BurstPattern::MediumEscalated, 2000));
        QCOMPARE(medLoud.size(), std::size_t(3));
        // No clipping even at the escalated level.
        const auto x = renderPattern(BurstPattern::HighEscalated, kRate, 5000);
        QVERIFY(*std::max_element(x.begin(), x.end()) < 32767);
        QVERIFY(*std::min_element(x.begin(), x.end()) > -32767);
    }

    void harmonicContent_data()
    {
        QTest::addColumn<int>("pattern");
        QTest::newRow("high") << int(BurstPattern::High);
        QTest::newRow("medium") << int(BurstPattern::Medium);
        QTest::newRow("low") << int(BurstPattern::Low);
    }

    void harmonicContent()
    {
        QFETCH(int, pattern);
        const auto p = static_cast<BurstPattern>(pattern);
        const auto x = viaWav(p, 1000);
        const auto pulses = detectPulses(x);
        QVERIFY(!pulses.empty());
        // Analyse the plateau of the first pulse; find the fundamental as the strongest of 150-1000 Hz.
        const double f0 = burstSpec(p).pulse.fundamentalHz;
        QVERIFY(f0 >= 150 && f0 <= 1000);
        const auto from = static_cast<std::size_t>((pulses[0].startMs + 20) * kRate / 1000);
        const auto n = static_cast<std::size_t>((pulses[0].endMs - pulses[0].startMs - 40) * kRate / 1000);
        const double a1 = toneAmplitude(x, from, n, f0);
        const double offPeak = toneAmplitude(x, from, n, f0 * 1.5);
        QVERIFY(db(a1 / offPeak) > 20); // it is a harmonic series, not noise
        int inBand = 0;
        for (int k = 1; k <= 5; ++k) {
            const double f = k * f0;
            const double rel = db(toneAmplitude(x, from, n, f) / a1);
            if (f >= 300 && f <= 4000 && std::abs(rel) <= 15.0)
                ++inBand;
        }
        QVERIFY2(inBand >= 4, qPrintable(QStringLiteral("%1 components in 300-4000 Hz").arg(inBand)));
    }

    void cycleLoopsSeamlessly()
    {
        // The player loops renderCycle(): its length must be the repetition period exactly.
        QCOMPARE(renderCycle(BurstPattern::High, kRate).size(), std::size_t(5 * kRate));
        QCOMPARE(renderCycle(BurstPattern::Medium, kRate).size(), std::size_t(15 * kRate));
        const auto low = renderCycle(BurstPattern::Low, kRate);
        QVERIFY(low.size() < std::size_t(kRate)); // once: just the pulse
        QVERIFY(renderCycle(BurstPattern::None, kRate).empty());
    }
};

QTEST_GUILESS_MAIN(TestAlarmTones)
#include "tst_alarm_tones.moc"
