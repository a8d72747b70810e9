// Synthetic physiology: determinism, numerics derived from the generated signals, scenarios, parser.
#include "Physiology.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>
#include <numeric>

using namespace vigil;
using namespace vigil::sim;

namespace {

PhysiologyParams adult72()
{
    PhysiologyParams p = defaultParams(PatientProfile::Adult, 7);
    p.heartRate = 72.0;
    p.respRate = 15.0;
    p.spo2 = 97.0;
    p.abpSys = 120.0;
    p.abpDia = 75.0;
    p.nibpSys = 118.0;
    p.nibpDia = 74.0;
    p.etco2 = 38.0;
    p.hasAbp = true;
    p.hasCo2 = true;
    p.pulseTransitS = 0.22;
    return p;
}

std::vector<ScenarioStep> script(std::string_view text)
{
    std::string error;
    auto steps = parseScenario(text, &error);
    if (!steps)
        qFatal("bad test script: %s", error.c_str());
    return *steps;
}

PhysiologyOutput run(BedPhysiology &bed, double untilS)
{
    PhysiologyOutput out;
    bed.advanceTo(untilS, out);
    return out;
}

const std::vector<float> &wave(const PhysiologyOutput &out, WaveId id)
{
    return out.waves[static_cast<int>(id)];
}
double rate(WaveId id)
{
    return waveInfo(id).defaultRate;
}

struct Sample
{
    double t, v;
};

std::vector<Sample> numerics(const PhysiologyOutput &out, NumericId id, double fromS = 0.0,
                             double toS = 1e300)
{
    std::vector<Sample> r;
    for (const auto &n : out.numerics) {
        if (n.id == id && n.timeS >= fromS && n.timeS < toS)
            r.push_back({n.timeS, n.value});
    }
    return r;
}

double mean(const std::vector<Sample> &s)
{
    double sum = 0.0;
    for (const auto &x : s)
        sum += x.v;
    return s.empty() ? std::nan("") : sum / s.size();
}

// Independent peak detector: the maximum of every excursion above threshold, at least refractoryS apart,
// in seconds from the first sample.
std::vector<double> peakTimes(const std::vector<float> &x, double sampleRate, float threshold,
                              double refractoryS)
{
    std::vector<double> peaks;
    const int refractory = static_cast<int>(refractoryS * sampleRate);
    int last = -refractory;
    for (std::size_t i = 1; i + 1 < x.size(); ++i) {
        if (!(x[i] > threshold) || static_cast<int>(i) - last < refractory)
            continue;
        if (x[i - 1] > threshold) { // an excursion cut by the start of the record
            while (i + 1 < x.size() && x[i] > threshold)
                ++i;
            continue;
        }
        std::size_t best = i;
        while (i + 1 < x.size() && x[i] > threshold) {
            if (x[i] > x[best])
                best = i;
            ++i;
        }
        if (i + 1 >= x.size())
            continue; // an excursion cut by the end of the record
        // Parabolic interpolation through the top three samples: the peak's time to a fraction of a sample.
        const double y0 = x[best - 1], y1 = x[best], y2 = x[best + 1];
        const double curvature = y0 - 2.0 * y1 + y2;
        const double offset = curvature < 0.0 ? 0.5 * (y0 - y2) / curvature : 0.0;
        peaks.push_back((static_cast<double>(best) + offset) / sampleRate);
        last = static_cast<int>(best);
    }
    return peaks;
}

// R waves the test's own detector finds in lead II. The bed runs 1 s past untilS so that no QRS near untilS
// is cut by the end of the record; call it after reading beatsGenerated() at untilS.
std::vector<double> detectedBeats(BedPhysiology &bed, PhysiologyOutput &out, double untilS, float threshold,
                                  double refractoryS)
{
    bed.advanceTo(untilS + 1.0, out);
    return peakTimes(wave(out, WaveId::EcgII), rate(WaveId::EcgII), threshold, refractoryS);
}

// The detected R waves before untilS are exactly the generated beats. One within a millisecond of untilS
// may land on either side of it, sampled and interpolated.
bool sameBeats(const std::vector<double> &r, double untilS, std::uint64_t beats)
{
    const auto before = static_cast<std::int64_t>(std::lower_bound(r.begin(), r.end(), untilS) - r.begin());
    const bool edge = std::any_of(r.begin(), r.end(), [&](double t) { return std::fabs(t - untilS) < 1e-3; });
    const std::int64_t diff = before - static_cast<std::int64_t>(beats);
    if (diff != 0)
        qWarning("detected %lld R waves before %.1f s, generated %llu", static_cast<long long>(before),
                 untilS, static_cast<unsigned long long>(beats));
    return diff == 0 || (edge && std::abs(diff) <= 1);
}

bool bitIdentical(const PhysiologyOutput &a, const PhysiologyOutput &b)
{
    for (int w = 0; w < kWaveCount; ++w) {
        if (a.waves[w].size() != b.waves[w].size() || a.runs[w] != b.runs[w])
            return false;
        if (!a.waves[w].empty() &&
            std::memcmp(a.waves[w].data(), b.waves[w].data(), a.waves[w].size() * sizeof(float)) != 0)
            return false;
    }
    return a.numerics == b.numerics && a.leadOff == b.leadOff && a.sensorOff == b.sensorOff &&
           a.disconnected == b.disconnected;
}

bool allNaN(const std::vector<float> &x, std::size_t from, std::size_t to)
{
    return std::all_of(x.begin() + from, x.begin() + to, [](float v) { return std::isnan(v); });
}
bool noneNaN(const std::vector<float> &x, std::size_t from, std::size_t to)
{
    return std::none_of(x.begin() + from, x.begin() + to, [](float v) { return std::isnan(v); });
}

} // namespace

class TestPhysiology : public QObject
{
    Q_OBJECT

private slots:
    void determinism()
    {
        const auto steps = script("tachycardia@10+20, lead_off@15+3, apnoea@20+15, disconnect@40+2");
        BedPhysiology a(adult72(), 42, steps), b(adult72(), 42, steps);
        QVERIFY(bitIdentical(run(a, 60.0), run(b, 60.0)));
        QCOMPARE(a.beatsGenerated(), b.beatsGenerated());
        QCOMPARE(a.breathsGenerated(), b.breathsGenerated());
    }

    void chunkingInvariance()
    {
        const auto steps = script(
            "tachycardia@5+20=140, lead_off@12.3+4, sensor_off@20+3, apnoea@25+15, disconnect@33.33+5.5");
        BedPhysiology whole(adult72(), 9, steps), tenths(adult72(), 9, steps), ragged(adult72(), 9, steps);
        const PhysiologyOutput ref = run(whole, 60.0);

        PhysiologyOutput outTenths;
        for (int i = 0; i < 600; ++i)
            tenths.advanceTo((i + 1) / 10.0, outTenths);
        QVERIFY(bitIdentical(ref, outTenths));

        // Irregular chunks, some shorter than one sample, some landing between samples.
        PhysiologyOutput outRagged;
        std::uint32_t lcg = 12345;
        double t = 0.0;
        while (t < 60.0) {
            lcg = lcg * 1664525u + 1013904223u;
            t = std::min(60.0, t + 0.0005 + (lcg >> 8) % 300000 / 1e6);
            ragged.advanceTo(t, outRagged);
        }
        QVERIFY(bitIdentical(ref, outRagged));
        QCOMPARE(ragged.beatsGenerated(), whole.beatsGenerated());
        QCOMPARE(ragged.timeS(), whole.timeS());

        // Disconnect splits every wave into two runs, at its exact start and end.
        for (int w = 0; w < kWaveCount; ++w) {
            const auto &runs = ref.runs[w];
            QCOMPARE(runs.size(), std::size_t(2));
            const double r = kWaves[w].defaultRate;
            QCOMPARE(runs[0].firstSample, std::uint64_t(0));
            QCOMPARE(runs[0].count, std::size_t(std::ceil(33.33 * r - 1e-6)));
            QCOMPARE(runs[1].firstSample, std::uint64_t(std::ceil(38.83 * r - 1e-6)));
            QCOMPARE(runs[1].offset, runs[0].count);
            QCOMPARE(runs[1].firstSample + runs[1].count, std::uint64_t(60.0 * r));
        }
    }

    void seedsDiffer()
    {
        BedPhysiology a(adult72(), 1), b(adult72(), 2);
        const auto oa = run(a, 20.0), ob = run(b, 20.0);
        const auto &ia = wave(oa, WaveId::EcgII), &ib = wave(ob, WaveId::EcgII);
        QCOMPARE(ia.size(), ib.size());
        int differ = 0;
        for (std::size_t i = 0; i < ia.size(); ++i)
            differ += ia[i] != ib[i];
        QVERIFY(differ > static_cast<int>(ia.size() * 9 / 10));

        const auto p1 = defaultParams(PatientProfile::Adult, 1), p2 = defaultParams(PatientProfile::Adult, 2);
        QVERIFY(p1.heartRate != p2.heartRate || p1.abpSys != p2.abpSys || p1.respRate != p2.respRate);
    }

    void defaultParamsPerProfile()
    {
        struct Range
        {
            PatientProfile profile;
            double hrLo, hrHi, rrLo, rrHi;
        };
        for (const Range r : {Range{PatientProfile::Adult, 60, 95, 12, 18},
                              Range{PatientProfile::Paediatric, 90, 130, 20, 30},
                              Range{PatientProfile::Neonatal, 120, 160, 35, 55}}) {
            double lo = 1e9, hi = -1e9;
            int abp = 0;
            for (std::uint64_t seed = 0; seed < 200; ++seed) {
                const auto p = defaultParams(r.profile, seed);
                QCOMPARE(p.profile, r.profile);
                QVERIFY(p.heartRate >= r.hrLo && p.heartRate <= r.hrHi);
                QVERIFY(p.respRate >= r.rrLo && p.respRate <= r.rrHi);
                QVERIFY(p.abpSys - p.abpDia >= 20.0);
                QVERIFY(p.spo2 >= 90.0 && p.spo2 <= 100.0);
                QVERIFY(p.tempC > 36.0 && p.tempC < 37.6);
                lo = std::min(lo, p.heartRate);
                hi = std::max(hi, p.heartRate);
                abp += p.hasAbp;
            }
            QVERIFY(hi - lo > (r.hrHi - r.hrLo) / 2); // varied by seed, over most of the range
            QVERIFY(abp > 20 && abp < 180);
        }
    }

    void heartRateFromGeneratedBeats()
    {
        BedPhysiology bed(adult72(), 3);
        PhysiologyOutput out;
        bed.advanceTo(60.0, out);
        QCOMPARE(wave(out, WaveId::EcgII).size(), std::size_t(30000));
        const double beats = static_cast<double>(bed.beatsGenerated());
        QVERIFY2(beats >= 69 && beats <= 75, qPrintable(QString::number(beats)));

        // The test's own R-wave detector on lead II finds exactly the beats the engine generated.
        const auto r = detectedBeats(bed, out, 60.0, 0.6f, 0.25);
        QVERIFY(sameBeats(r, 60.0, static_cast<std::uint64_t>(beats)));
        const auto &ii = wave(out, WaveId::EcgII);

        const auto hr = numerics(out, NumericId::Hr, 0.0, 60.0);
        QVERIFY(hr.size() >= 55);
        QVERIFY2(std::fabs(mean(hr) - 60.0 * beats / 60.0) <= 2.0, qPrintable(QString::number(mean(hr))));
        // Each HR value is the mean of the last 8 RR intervals among the detected R waves before it.
        for (const auto &h : hr) {
            const auto end = std::lower_bound(r.begin(), r.end(), h.t);
            const int n = std::min<int>(8, static_cast<int>(end - r.begin()) - 1);
            QVERIFY(n >= 2);
            const double expected = 60.0 / ((*(end - 1) - *(end - 1 - n)) / n);
            QVERIFY2(std::fabs(h.v - expected) <= 1.0,
                     qPrintable(QString("%1 vs %2").arg(h.v).arg(expected)));
        }

        // Beat-to-beat variability: sinus arrhythmia of a few percent, not a metronome, not chaos.
        std::vector<double> rr;
        for (std::size_t i = 1; i < r.size(); ++i)
            rr.push_back(r[i] - r[i - 1]);
        const double m = std::accumulate(rr.begin(), rr.end(), 0.0) / rr.size();
        double var = 0.0;
        for (double x : rr)
            var += (x - m) * (x - m);
        const double cv = std::sqrt(var / rr.size()) / m;
        QVERIFY2(cv > 0.01 && cv < 0.08, qPrintable(QString::number(cv)));

        // R amplitude in lead II around 1 mV.
        std::vector<float> amps;
        for (double t : r)
            amps.push_back(ii[static_cast<std::size_t>(std::lround(t * 500.0))]);
        std::sort(amps.begin(), amps.end());
        const float median = amps[amps.size() / 2];
        QVERIFY2(median > 0.7f && median < 1.6f, qPrintable(QString::number(median)));
    }

    void otherProfiles_data()
    {
        QTest::addColumn<int>("profile");
        QTest::newRow("paediatric") << static_cast<int>(PatientProfile::Paediatric);
        QTest::newRow("neonatal") << static_cast<int>(PatientProfile::Neonatal);
    }
    void otherProfiles()
    {
        QFETCH(int, profile);
        const auto params = defaultParams(static_cast<PatientProfile>(profile), 11);
        BedPhysiology bed(params, 11);
        PhysiologyOutput out;
        bed.advanceTo(60.0, out);
        const double beats = static_cast<double>(bed.beatsGenerated());
        QVERIFY(std::fabs(beats - params.heartRate) <= 0.06 * params.heartRate);
        QVERIFY(std::fabs(mean(numerics(out, NumericId::Hr)) - beats) <= 2.0);
        QVERIFY(std::fabs(mean(numerics(out, NumericId::Rr, 20.0)) - params.respRate) <= 3.0);
        QVERIFY(
            sameBeats(detectedBeats(bed, out, 60.0, 0.5f, 0.15), 60.0, static_cast<std::uint64_t>(beats)));
    }

    void einthoven()
    {
        BedPhysiology bed(adult72(), 5, script("lead_off@3+1"));
        const auto out = run(bed, 10.0);
        const auto &i = wave(out, WaveId::EcgI), &ii = wave(out, WaveId::EcgII),
                   &iii = wave(out, WaveId::EcgIII);
        QCOMPARE(iii.size(), ii.size());
        for (std::size_t k = 0; k < ii.size(); ++k) {
            if (std::isnan(ii[k]))
                QVERIFY(std::isnan(i[k]) && std::isnan(iii[k]));
            else
                QCOMPARE(iii[k], ii[k] - i[k]);
        }
    }

    void plethFollowsR()
    {
        auto params = adult72();
        BedPhysiology bed(params, 4);
        const auto out = run(bed, 60.0);
        const auto r = peakTimes(wave(out, WaveId::EcgII), 500.0, 0.6f, 0.25);
        const auto &pleth = wave(out, WaveId::Pleth);
        QCOMPARE(pleth.size(), std::size_t(60 * 125));
        const auto [lo, hi] = std::minmax_element(pleth.begin(), pleth.end());
        QVERIFY(*lo >= 0.0f && *hi <= 1.0f);
        const auto p = peakTimes(pleth, rate(WaveId::Pleth), *lo + 0.65f * (*hi - *lo), 0.25);
        QVERIFY(std::fabs(static_cast<double>(p.size()) - r.size()) <= 1.0);
        double minDelay = 1e9, maxDelay = -1e9;
        for (double tp : p) {
            const auto after = std::lower_bound(r.begin(), r.end(), tp);
            if (after == r.begin())
                continue;
            const double delay = tp - *(after - 1);
            minDelay = std::min(minDelay, delay);
            maxDelay = std::max(maxDelay, delay);
        }
        qInfo("R to pleth peak: %.0f-%.0f ms (transit to foot %.0f ms)", minDelay * 1e3, maxDelay * 1e3,
              params.pulseTransitS * 1e3);
        QVERIFY(minDelay >= params.pulseTransitS + 0.05);
        QVERIFY(maxDelay <= params.pulseTransitS + 0.3);
        QVERIFY(maxDelay - minDelay < 0.05);

        const auto pulse = numerics(out, NumericId::PulseRate);
        QVERIFY(pulse.size() >= 55);
        QVERIFY(std::fabs(mean(pulse) - mean(numerics(out, NumericId::Hr))) <= 1.5);
        const auto spo2 = numerics(out, NumericId::SpO2);
        QVERIFY(spo2.size() >= 55);
        QVERIFY(std::fabs(mean(spo2) - params.spo2) <= 1.0);
    }

    void respRateFromBreaths()
    {
        BedPhysiology bed(adult72(), 6);
        const auto out = run(bed, 120.0);
        const double breaths = static_cast<double>(bed.breathsGenerated());
        QVERIFY2(std::fabs(breaths - 30.0) <= 3.0, qPrintable(QString::number(breaths)));
        const auto rr = numerics(out, NumericId::Rr);
        QVERIFY(rr.size() >= 110);
        QVERIFY2(std::fabs(mean(rr) - breaths / 2.0) <= 1.5, qPrintable(QString::number(mean(rr))));

        // Count inspirations in the impedance wave with hysteresis.
        const auto &resp = wave(out, WaveId::Resp);
        QCOMPARE(resp.size(), std::size_t(120 * 62.5));
        int rises = 0;
        bool low = false;
        for (float v : resp) {
            if (v < -0.15f)
                low = true;
            else if (v > 0.15f && low) {
                ++rises;
                low = false;
            }
        }
        QVERIFY2(std::abs(rises - static_cast<int>(breaths)) <= 1, qPrintable(QString::number(rises)));
    }

    void abpAndCapnogram()
    {
        BedPhysiology bed(adult72(), 8);
        const auto out = run(bed, 60.0);
        const auto sys = numerics(out, NumericId::AbpSys), dia = numerics(out, NumericId::AbpDia),
                   map = numerics(out, NumericId::AbpMean);
        QVERIFY(sys.size() >= 55 && dia.size() == sys.size() && map.size() == sys.size());
        QVERIFY2(std::fabs(mean(sys) - 120.0) <= 4.0, qPrintable(QString::number(mean(sys))));
        QVERIFY2(std::fabs(mean(dia) - 75.0) <= 4.0, qPrintable(QString::number(mean(dia))));
        QVERIFY(mean(map) > mean(dia) + 5 && mean(map) < mean(sys) - 15);
        const auto &abp = wave(out, WaveId::Abp);
        QCOMPARE(abp.size(), std::size_t(60 * 125));
        const auto [lo, hi] = std::minmax_element(abp.begin(), abp.end());
        QVERIFY(*hi > 115.0f && *hi < 132.0f && *lo > 62.0f && *lo < 80.0f);

        const auto &co2 = wave(out, WaveId::Co2);
        QCOMPARE(co2.size(), std::size_t(60 * 62.5));
        for (std::size_t from = 0; from + 625 <= co2.size(); from += 625) { // every 10 s
            const auto [cLo, cHi] = std::minmax_element(co2.begin() + from, co2.begin() + from + 625);
            QVERIFY(*cLo < 1.0f); // inspired gas carries no CO2
            QVERIFY(*cHi > 34.0f && *cHi < 42.0f);
        }
        const auto et = numerics(out, NumericId::EtCO2);
        QVERIFY(et.size() >= 50);
        QVERIFY(std::fabs(mean(et) - 38.0) <= 2.5);
    }

    void tachycardiaAndBradycardia_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<double>("target");
        QTest::newRow("tachycardia") << "tachycardia@20+100=150" << 150.0;
        QTest::newRow("bradycardia") << "bradycardia@20+100=40" << 40.0;
        QTest::newRow("tachycardia default")
            << "tachycardia@20+100" << scenarioDefaultValue(ScenarioKind::Tachycardia, adult72());
    }
    void tachycardiaAndBradycardia()
    {
        QFETCH(QString, step);
        QFETCH(double, target);
        BedPhysiology bed(adult72(), 10, script(step.toStdString()));
        PhysiologyOutput out;
        bed.advanceTo(190.0, out);
        const auto beats = bed.beatsGenerated();
        QVERIFY(sameBeats(detectedBeats(bed, out, 190.0, 0.6f, 0.2), 190.0, beats));
        for (const auto &h : numerics(out, NumericId::Hr, 60.0, 120.0))
            QVERIFY2(std::fabs(h.v - target) <= 4.0, qPrintable(QString("%1 at %2 s").arg(h.v).arg(h.t)));
        for (const auto &h : numerics(out, NumericId::Hr, 0.0, 20.0))
            QVERIFY(std::fabs(h.v - 72.0) <= 5.0);
        // Back to baseline once the ramp out is over.
        for (const auto &h : numerics(out, NumericId::Hr, 160.0, 190.0))
            QVERIFY2(std::fabs(h.v - 72.0) <= 5.0, qPrintable(QString("%1 at %2 s").arg(h.v).arg(h.t)));
        // Smooth: no jump of more than a few /min between consecutive seconds.
        const auto hr = numerics(out, NumericId::Hr);
        for (std::size_t i = 1; i < hr.size(); ++i)
            QVERIFY(std::fabs(hr[i].v - hr[i - 1].v) <= 12.0);
    }

    void desaturation()
    {
        BedPhysiology bed(adult72(), 12, script("desaturation@10+120=85"));
        const auto out = run(bed, 200.0);
        for (const auto &s : numerics(out, NumericId::SpO2, 0.0, 10.0))
            QVERIFY(std::fabs(s.v - 97.0) <= 2.0);
        const auto low = numerics(out, NumericId::SpO2, 60.0, 130.0);
        QVERIFY(low.size() >= 65);
        for (const auto &s : low)
            QVERIFY2(std::fabs(s.v - 85.0) <= 2.0, qPrintable(QString("%1 at %2 s").arg(s.v).arg(s.t)));
        for (const auto &s : numerics(out, NumericId::SpO2, 170.0))
            QVERIFY(std::fabs(s.v - 97.0) <= 2.0);
        // A ramp, not a step: values in between appear on the way down.
        QVERIFY(!numerics(out, NumericId::SpO2, 15.0, 45.0).empty());
        const auto mid = numerics(out, NumericId::SpO2, 25.0, 35.0);
        QVERIFY(
            std::all_of(mid.begin(), mid.end(), [](const Sample &s) { return s.v > 86.0 && s.v < 96.0; }));
    }

    void leadOff()
    {
        BedPhysiology bed(adult72(), 13, script("lead_off@20+15"));
        PhysiologyOutput out;
        bed.advanceTo(25.0, out);
        QVERIFY(out.leadOff && !out.sensorOff && !out.disconnected);
        bed.advanceTo(60.0, out);
        QVERIFY(!out.leadOff);
        for (WaveId id : {WaveId::EcgI, WaveId::EcgII, WaveId::EcgIII, WaveId::EcgV}) {
            const auto &x = wave(out, id);
            QVERIFY(noneNaN(x, 0, 20 * 500));
            QVERIFY(allNaN(x, 20 * 500, 35 * 500));
            QVERIFY(noneNaN(x, 35 * 500, x.size()));
        }
        QVERIFY(noneNaN(wave(out, WaveId::Pleth), 0, 60 * 125));
        QVERIFY(numerics(out, NumericId::Hr, 20.0, 35.0).empty());
        QVERIFY(!numerics(out, NumericId::Hr, 35.0, 40.0).empty()); // back within a few beats
        QCOMPARE(numerics(out, NumericId::PulseRate, 20.0, 35.0).size(), std::size_t(15));
    }

    void sensorOff()
    {
        BedPhysiology bed(adult72(), 14, script("sensor_off@20+15"));
        PhysiologyOutput out;
        bed.advanceTo(30.0, out);
        QVERIFY(out.sensorOff && !out.leadOff);
        bed.advanceTo(60.0, out);
        const auto &pleth = wave(out, WaveId::Pleth);
        QVERIFY(noneNaN(pleth, 0, 20 * 125));
        QVERIFY(allNaN(pleth, 20 * 125, 35 * 125));
        QVERIFY(noneNaN(pleth, 35 * 125, pleth.size()));
        QVERIFY(numerics(out, NumericId::SpO2, 20.0, 35.0).empty());
        QVERIFY(numerics(out, NumericId::PulseRate, 20.0, 35.0).empty());
        QVERIFY(!numerics(out, NumericId::SpO2, 35.0, 40.0).empty());
        QCOMPARE(numerics(out, NumericId::Hr, 20.0, 35.0).size(), std::size_t(15));
    }

    void apnoea()
    {
        BedPhysiology bed(adult72(), 15, script("apnoea@30+60"));
        PhysiologyOutput out;
        bed.advanceTo(36.0, out);
        const auto breathsAtStop = bed.breathsGenerated();
        bed.advanceTo(90.0, out);
        QCOMPARE(bed.breathsGenerated(), breathsAtStop); // the breath in progress at 30 s completes, no more
        bed.advanceTo(150.0, out);
        QVERIFY(bed.breathsGenerated() > breathsAtStop + 10);

        const auto rrDuring = numerics(out, NumericId::Rr, 55.0, 90.0);
        QVERIFY(!rrDuring.empty());
        QVERIFY(std::all_of(rrDuring.begin(), rrDuring.end(), [](const Sample &s) { return s.v == 0.0; }));
        const auto etDuring = numerics(out, NumericId::EtCO2, 55.0, 90.0);
        QVERIFY(std::all_of(etDuring.begin(), etDuring.end(), [](const Sample &s) { return s.v == 0.0; }));
        for (const auto &s : numerics(out, NumericId::Rr, 0.0, 30.0))
            QVERIFY(s.v > 10.0 && s.v < 20.0);
        for (const auto &s : numerics(out, NumericId::Rr, 110.0))
            QVERIFY2(s.v > 10.0 && s.v < 20.0, qPrintable(QString("%1 at %2").arg(s.v).arg(s.t)));

        // Flat respiration (only cardiogenic ripple) and flat capnogram.
        const auto &resp = wave(out, WaveId::Resp);
        const auto [rLo, rHi] = std::minmax_element(resp.begin() + 45 * 62.5, resp.begin() + 88 * 62.5);
        QVERIFY2(*rHi - *rLo < 0.1f, qPrintable(QString::number(*rHi - *rLo)));
        const auto &co2 = wave(out, WaveId::Co2);
        QVERIFY(*std::max_element(co2.begin() + 45 * 62.5, co2.begin() + 88 * 62.5) < 1.5f);
        // Oxygen runs out: SpO2 falls late in the pause; CO2 has accumulated when breathing resumes.
        QVERIFY(mean(numerics(out, NumericId::SpO2, 85.0, 92.0)) < 92.0);
        QVERIFY(mean(numerics(out, NumericId::EtCO2, 100.0, 110.0)) > 40.0);

        // A patient who never breathes shows RR 0 once the monitor has waited long enough.
        auto still = adult72();
        still.respRate = 0.0;
        BedPhysiology none(still, 15);
        const auto quiet = run(none, 30.0);
        QCOMPARE(none.breathsGenerated(), std::uint64_t(0));
        QVERIFY(numerics(quiet, NumericId::Rr, 0.0, 10.0).empty());
        const auto zero = numerics(quiet, NumericId::Rr, 15.0);
        QCOMPARE(zero.size(), std::size_t(15));
        QVERIFY(std::all_of(zero.begin(), zero.end(), [](const Sample &s) { return s.v == 0.0; }));
    }

    void disconnect()
    {
        BedPhysiology bed(adult72(), 16, script("disconnect@20+10"));
        PhysiologyOutput out;
        bed.advanceTo(25.0, out);
        QVERIFY(out.disconnected);
        bed.advanceTo(60.0, out);
        QVERIFY(!out.disconnected);
        for (int w = 0; w < kWaveCount; ++w) {
            const double r = kWaves[w].defaultRate;
            QCOMPARE(out.runs[w].size(), std::size_t(2));
            QCOMPARE(out.runs[w][0].count, std::size_t(20 * r));
            QCOMPARE(out.runs[w][1].firstSample, std::uint64_t(30 * r));
            QCOMPARE(out.waves[w].size(), std::size_t(50 * r));
        }
        for (const auto &n : out.numerics)
            QVERIFY2(n.timeS < 20.0 || n.timeS >= 30.0, qPrintable(QString::number(n.timeS)));
        QVERIFY(!numerics(out, NumericId::Hr, 30.0, 35.0).empty());
        QVERIFY(std::fabs(static_cast<double>(bed.beatsGenerated()) - 72.0) <= 3.0); // the heart kept beating
    }

    void hypotension()
    {
        auto params = adult72();
        params.nibpCycleS = 60.0;
        BedPhysiology bed(params, 17, script("hypotension@30=75"));
        const auto out = run(bed, 200.0);
        QVERIFY(std::fabs(mean(numerics(out, NumericId::AbpSys, 0.0, 30.0)) - 120.0) <= 4.0);
        const auto sys = numerics(out, NumericId::AbpSys, 80.0);
        QVERIFY2(std::fabs(mean(sys) - 75.0) <= 4.0, qPrintable(QString::number(mean(sys))));
        QVERIFY(mean(numerics(out, NumericId::AbpDia, 80.0)) < 55.0);
        const auto nibp = numerics(out, NumericId::NibpSys);
        QCOMPARE(nibp.size(), std::size_t(4)); // 8, 68, 128, 188 s
        QVERIFY(nibp[0].v > 105.0);
        QVERIFY(nibp[2].v < 90.0 && nibp[3].v < 90.0);
    }

    void cadences()
    {
        auto params = adult72();
        params.firstNibpAtS = 8.0;
        params.nibpCycleS = 300.0;
        BedPhysiology bed(params, 18);
        PhysiologyOutput out;
        for (int i = 1; i <= 70; ++i)
            bed.advanceTo(i * 10.0, out);
        const auto sys = numerics(out, NumericId::NibpSys), dia = numerics(out, NumericId::NibpDia),
                   map = numerics(out, NumericId::NibpMean);
        QCOMPARE(sys.size(), std::size_t(3));
        QCOMPARE(dia.size(), std::size_t(3));
        QCOMPARE(map.size(), std::size_t(3));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(sys[i].t, 8.0 + 300.0 * i);
            QVERIFY(dia[i].v < map[i].v && map[i].v < sys[i].v);
            QVERIFY(std::fabs(sys[i].v - 118.0) <= 10.0);
        }
        const auto temp = numerics(out, NumericId::Temp);
        QCOMPARE(temp.size(), std::size_t(24)); // 1, 31, ... 691 s
        for (std::size_t i = 0; i < temp.size(); ++i) {
            QCOMPARE(temp[i].t, 1.0 + 30.0 * i);
            QVERIFY(std::fabs(temp[i].v - params.tempC) < 0.3);
        }
        const auto hr = numerics(out, NumericId::Hr);
        for (std::size_t i = 1; i < hr.size(); ++i)
            QCOMPARE(hr[i].t - hr[i - 1].t, 1.0);
        QVERIFY(std::is_sorted(out.numerics.begin(), out.numerics.end(),
                               [](const auto &a, const auto &b) { return a.timeS < b.timeS; }));
    }

    void parserAccepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("start");
        QTest::addColumn<double>("duration");
        QTest::addColumn<double>("value");
        const double nan = std::nan("");
        QTest::newRow("full") << "tachycardia@60+120=150" << int(ScenarioKind::Tachycardia) << 60.0 << 120.0
                              << 150.0;
        QTest::newRow("no value") << "lead_off@30+20" << int(ScenarioKind::LeadOff) << 30.0 << 20.0 << nan;
        QTest::newRow("until end") << "hypotension@0=70" << int(ScenarioKind::Hypotension) << 0.0 << 0.0
                                   << 70.0;
        QTest::newRow("minutes") << "apnea@2m+30s" << int(ScenarioKind::Apnoea) << 120.0 << 30.0 << nan;
        QTest::newRow("min suffix") << "sensor_off@1.5min" << int(ScenarioKind::SensorOff) << 90.0 << 0.0
                                    << nan;
        QTest::newRow("case, alias") << " Desat@10.5=88 " << int(ScenarioKind::Desaturation) << 10.5 << 0.0
                                     << 88.0;
        QTest::newRow("hyphen") << "lead-off@5+1" << int(ScenarioKind::LeadOff) << 5.0 << 1.0 << nan;
        QTest::newRow("disconnect") << "disconnect@300+12.5" << int(ScenarioKind::Disconnect) << 300.0 << 12.5
                                    << nan;
        QTest::newRow("bradycardia") << "bradycardia@0+60=35" << int(ScenarioKind::Bradycardia) << 0.0 << 60.0
                                     << 35.0;
    }
    void parserAccepts()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(double, start);
        QFETCH(double, duration);
        QFETCH(double, value);
        std::string error;
        const auto step = parseScenarioStep(text.toStdString(), &error);
        QVERIFY2(step, error.c_str());
        QCOMPARE(int(step->kind), kind);
        QCOMPARE(step->startS, start);
        QCOMPARE(step->durationS, duration);
        QCOMPARE(std::isnan(step->value), std::isnan(value));
        if (!std::isnan(value))
            QCOMPARE(step->value, value);
        // Canonical text reads back to the same step.
        const auto again = parseScenarioStep(formatScenarioStep(*step), &error);
        QVERIFY2(again, error.c_str());
        QCOMPARE(again->kind, step->kind);
        QCOMPARE(again->startS, step->startS);
        QCOMPARE(again->durationS, step->durationS);
        QCOMPARE(std::isnan(again->value), std::isnan(step->value));
    }

    void parserRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("no start") << "tachycardia"
                                  << "@start";
        QTest::newRow("unknown kind") << "fibrillation@10"
                                      << "unknown kind 'fibrillation'";
        QTest::newRow("bad start") << "tachycardia@soon"
                                   << "bad start time 'soon'";
        QTest::newRow("negative start") << "tachycardia@-5"
                                        << "must not be negative";
        QTest::newRow("zero duration") << "tachycardia@10+0"
                                       << "duration must be positive";
        QTest::newRow("bad duration") << "apnoea@10+long"
                                      << "bad duration 'long'";
        QTest::newRow("value not taken") << "lead_off@10+5=3"
                                         << "lead_off takes no '=value'";
        QTest::newRow("value range") << "tachycardia@10=900"
                                     << "out of range 20-300";
        QTest::newRow("spo2 range") << "desaturation@10=30"
                                    << "out of range 50-100";
        QTest::newRow("bad value") << "desaturation@10=low"
                                   << "bad value 'low'";
        QTest::newRow("trailing junk") << "tachycardia@10x"
                                       << "bad start time '10x'";
        QTest::newRow("nan") << "tachycardia@nan"
                             << "bad start time";
    }
    void parserRejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        std::string error;
        QVERIFY(!parseScenarioStep(text.toStdString(), &error));
        QVERIFY2(QString::fromStdString(error).contains(mentions), error.c_str());
        QVERIFY(!parseScenarioStep(text.toStdString(), nullptr)); // no error sink is fine too
    }

    void parserScript()
    {
        std::string error;
        const auto steps = parseScenario("tachycardia@60+120=150, lead_off@30+20; apnoea@5m", &error);
        QVERIFY2(steps, error.c_str());
        QCOMPARE(steps->size(), std::size_t(3));
        QCOMPARE((*steps)[2].startS, 300.0);
        QVERIFY(parseScenario("  ", &error)->empty());
        QVERIFY(!parseScenario("tachycardia@60, oops@3", &error));
        QVERIFY(QString::fromStdString(error).contains("oops"));
    }

    void throughput()
    {
        // One bed in 25 ms chunks, as a simulator thread would drive it, reusing one output.
        BedPhysiology bed(adult72(), 19, script("tachycardia@100+100, lead_off@300+20"));
        PhysiologyOutput out;
        const double seconds = 600.0;
        std::size_t samples = 0;
        const std::clock_t c0 = std::clock();
        for (int i = 1; i <= static_cast<int>(seconds / 0.025); ++i) {
            out.clear();
            bed.advanceTo(i * 0.025, out);
            for (const auto &w : out.waves)
                samples += w.size();
        }
        const double cpu = std::max(static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC, 1e-6);
        const double factor = seconds / cpu;
        qInfo("throughput: %.0f generated seconds per CPU second (%.4f %% of a core per bed, %zu samples)",
              factor, 100.0 / factor, samples);
        QCOMPARE(samples, std::size_t(seconds * (4 * 500 + 125 + 62.5 + 125 + 62.5)));
        QVERIFY(factor > 50.0);
    }
};

QTEST_GUILESS_MAIN(TestPhysiology)
#include "tst_physiology.moc"
