// ECG analysis at the central against real records (../shared/data/wfdb):
//  - MIT-BIH record 100, MLII: beat-by-beat against the reference annotations (100.atr) with a 150 ms match
//    window (ANSI/AAMI EC57): sensitivity and positive predictivity must both reach 99.5 %.
//  - 03700181 (MCL1, 500 Hz): agreement with the machine annotations of gqrs (figures printed, floor
//  asserted).
//  - v102s (PhysioNet/CinC 2015; the bedside monitor's VT alarm was false): no VT and no extreme tachy call.
//  - VF/VT: no call on any ECG signal of the shared records (4811 s); synthetic VF and VT episodes written
//    over record 100 (no annotated VF/VT record is in the shared data) are all called, with the right name.
//  - Asystole and pause: record 100 with its ECG cut out (flat) for N s: the call comes within the configured
//    time + 1 s of the last beat, never before it; no signal (lead off) and noise suppress the calls.
// The figures printed here are those in docs/EWS.md.
#include "Annotations.h"
#include "EcgAnalyzer.h"
#include "Physiology.h"
#include "SharedData.h"
#include "Wfdb.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace vigil;
using namespace vigil::ecg;
using namespace vigil::sim;

namespace {
constexpr qint64 kT0Us = 1'780'000'000'000'000;

QString wfdbPath(const QString &name)
{
    return vigil::test::sharedDataPath(QStringLiteral("wfdb/") + name);
}

std::vector<float> physical(const wfdb::Record &rec, int s)
{
    std::vector<float> out;
    out.reserve(rec.samples(s).size());
    for (int32_t v : rec.samples(s))
        out.push_back(static_cast<float>(rec.toPhysical(s, v)));
    return out;
}

struct Run
{
    std::vector<std::int64_t> beats; // sample indices
    // first signal time (µs from the start) each call was active, -1 never
    std::array<qint64, kRhythmCallCount> firstActiveUs{-1, -1, -1, -1, -1, -1};
    std::array<int, kRhythmCallCount> episodes{};            // rising edges of each call
    std::vector<std::pair<qint64, qint64>> vfSpans, vtSpans; // [on, off) signal µs from the start
    std::vector<float> widthsMs;                             // QRS width per detected beat
    double minLeakage = 1;
    double maxHr = 0;
    bool everNoisy = false, everLeadOff = false;
    std::vector<double> crest;
    double noisySeconds = 0;
    double crestPercentile(double p) const
    {
        std::vector<double> c = crest;
        if (c.empty())
            return 0;
        std::sort(c.begin(), c.end());
        return c[std::size_t(p * double(c.size() - 1))];
    }
};

Run analyse(const std::vector<float> &x, double fs, const EcgAnalysisConfig &cfg = {})
{
    EcgAnalyzer a(fs, cfg);
    Run r;
    std::array<bool, kRhythmCallCount> was{};
    const auto block = static_cast<std::size_t>(fs / 4); // 250 ms blocks, as a gateway sends
    for (std::size_t i = 0; i < x.size(); i += block) {
        const std::size_t n = std::min(block, x.size() - i);
        a.push(x.data() + i, n, kT0Us + qint64(double(i) * 1e6 / fs));
        const RhythmStatus s = a.status();
        for (int c = 0; c < kRhythmCallCount; ++c) {
            const auto ci = std::size_t(c);
            if (s.active[ci] && r.firstActiveUs[ci] < 0)
                r.firstActiveUs[ci] = s.signalTimeUs - kT0Us;
            auto *spans = c == int(RhythmCall::VentFib)     ? &r.vfSpans
                          : c == int(RhythmCall::VentTachy) ? &r.vtSpans
                                                            : nullptr;
            if (s.active[ci] && !was[ci]) {
                ++r.episodes[ci];
                if (spans)
                    spans->emplace_back(s.signalTimeUs - kT0Us, -1);
            } else if (!s.active[ci] && was[ci] && spans) {
                spans->back().second = s.signalTimeUs - kT0Us;
            }
            was[ci] = s.active[ci];
        }
        if (s.vfFreqHz > 0)
            r.minLeakage = std::min(r.minLeakage, s.vfLeakage);
        if (std::isfinite(s.hr))
            r.maxHr = std::max(r.maxHr, s.hr);
        r.everNoisy = r.everNoisy || s.noisy;
        if (s.crest > 0)
            r.crest.push_back(s.crest), r.noisySeconds += s.noisy ? 0.25 : 0;
        if (qEnvironmentVariableIsSet("VIGIL_ECG_TRACE"))
            qInfo("t %.2f hr %.0f crest %.2f rms %.3f noisy %d off %d calls %d%d%d%d",
                  double(s.signalTimeUs - kT0Us) / 1e6, s.hr, s.crest, s.bandRmsMv, s.noisy, s.leadOff,
                  s.active[0], s.active[1], s.active[2], s.active[3]);
        r.everLeadOff = r.everLeadOff || s.leadOff;
    }
    for (const Beat &b : a.allBeats())
        r.beats.push_back(b.sample);
    r.widthsMs = a.allWidthsMs();
    return r;
}

std::vector<std::int64_t> referenceBeats(const QString &annPath)
{
    QString error;
    const auto ann = readAnnotations(annPath, &error);
    if (!ann)
        qFatal("%s", qPrintable(error));
    std::vector<std::int64_t> out;
    for (const Annotation &a : *ann)
        if (isQrsCode(a.code))
            out.push_back(a.sample);
    return out;
}

// Synthetic ventricular episodes written over a real record (there is no annotated VF/VT record in the shared
// data; docs/EWS.md). VF: two drifting sinusoids around `hz` with slow amplitude modulation (the usual VF
// model: a disorganised 3-7 Hz oscillation) plus broadband noise. VT: monomorphic wide complexes (a biphasic
// wave of ~160 ms, Gaussian derivative) at `bpm`.
void writeVf(std::vector<float> &x, double fs, double fromS, double toS, double hz, double mv, quint32 seed)
{
    QRandomGenerator rng(seed);
    double ph1 = 0, ph2 = 1.3, f1 = hz, f2 = hz * 1.37;
    for (auto i = std::size_t(fromS * fs); i < std::size_t(toS * fs) && i < x.size(); ++i) {
        const double t = double(i) / fs;
        f1 = std::clamp(f1 + (rng.generateDouble() - 0.5) * 0.02, hz * 0.8, hz * 1.2);
        ph1 += 2 * M_PI * f1 / fs;
        ph2 += 2 * M_PI * f2 / fs;
        const double am = 0.7 + 0.3 * std::sin(2 * M_PI * 0.25 * t);
        x[i] = float(mv * am * (std::sin(ph1) + 0.35 * std::sin(ph2)) + 0.02 * (rng.generateDouble() - 0.5));
    }
}

void writeVt(std::vector<float> &x, double fs, double fromS, double toS, double bpm, double mv)
{
    const double rr = 60.0 / bpm, sigma = 0.030;
    for (auto i = std::size_t(fromS * fs); i < std::size_t(toS * fs) && i < x.size(); ++i) {
        const double t = double(i) / fs - fromS;
        const double u = std::fmod(t, rr) - 0.5 * rr; // complex centred in its cycle
        const double z = u / sigma;
        x[i] = float(mv * 1.65 * z * std::exp(-0.5 * z * z));
    }
}
} // namespace

class TstEcgAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void mitbih100()
    {
        VIGIL_REQUIRE_SHARED_DATA(wfdbPath(QStringLiteral("100.atr")));
        QString error;
        const auto rec = wfdb::Record::open(wfdbPath(QStringLiteral("100.hea")), &error);
        QVERIFY2(rec, qPrintable(error));
        const double fs = rec->sampleRate(0);
        const std::vector<std::int64_t> ref = referenceBeats(wfdbPath(QStringLiteral("100.atr")));
        QCOMPARE(ref.size(), std::size_t(2273)); // 2239 N + 33 A + 1 V
        const Run run = analyse(physical(*rec, 0), fs);
        const double x100Seconds = rec->durationS();
        const auto window = static_cast<std::int64_t>(0.150 * fs);
        const BeatComparison all = compareBeats(ref, run.beats, window);
        const BeatComparison after5 =
            compareBeats(ref, run.beats, window, static_cast<std::int64_t>(300 * fs));
        qInfo("MIT-BIH 100 MLII, whole record: TP %d FN %d FP %d  Se %.2f %%  +P %.2f %%", all.truePositives,
              all.falseNegatives, all.falsePositives, 100 * all.sensitivity(),
              100 * all.positivePredictivity());
        qInfo("MIT-BIH 100 MLII, from 5 min (EC57 scoring): TP %d FN %d FP %d  Se %.2f %%  +P %.2f %%",
              after5.truePositives, after5.falseNegatives, after5.falsePositives, 100 * after5.sensitivity(),
              100 * after5.positivePredictivity());
        // R-wave placement: the mean distance to the reference, for the strip markers.
        double dist = 0;
        int matched = 0;
        for (std::int64_t r : ref) {
            const auto it = std::lower_bound(run.beats.begin(), run.beats.end(), r - window);
            if (it != run.beats.end() && std::llabs(*it - r) <= window)
                dist += double(std::llabs(*it - r)), ++matched;
        }
        qInfo("mean |detected - reference| R time: %.1f ms", 1000 * dist / matched / fs);
        qInfo("noise detector: crest p1 %.2f p50 %.2f, judged noisy %.1f s of %.0f s",
              run.crestPercentile(0.01), run.crestPercentile(0.5), run.noisySeconds, double(x100Seconds));
        QVERIFY2(all.sensitivity() >= 0.995, "sensitivity below 99.5 %");
        QVERIFY2(all.positivePredictivity() >= 0.995, "positive predictivity below 99.5 %");
        // No rhythm call on a sinus rhythm record with a clean lead.
        for (int c = 0; c < kRhythmCallCount; ++c)
            QVERIFY2(run.firstActiveUs[std::size_t(c)] < 0, qPrintable(callCode(RhythmCall(c))));
    }

    void record03700181VsGqrs()
    {
        VIGIL_REQUIRE_SHARED_DATA(wfdbPath(QStringLiteral("03700181.gqrsh")));
        QString error;
        const auto rec = wfdb::Record::open(wfdbPath(QStringLiteral("03700181.hea")), &error);
        QVERIFY2(rec, qPrintable(error));
        int ecg = -1;
        for (int s = 0; s < rec->signalCount(); ++s)
            if (rec->header().signalInfos[std::size_t(s)].description.contains(QStringLiteral("MCL")))
                ecg = s;
        QVERIFY(ecg >= 0);
        const double fs = rec->sampleRate(ecg);
        const Run run = analyse(physical(*rec, ecg), fs);
        // gqrs writes its high-resolution file (.gqrsh) in samples of the 500 Hz signal and the low one
        // (.gqrsl) in frames (125 Hz): both are compared, each on its own time base.
        for (const char *ext : {"gqrsh", "gqrsl", "sqrs"}) {
            std::vector<std::int64_t> ref =
                referenceBeats(wfdbPath(QStringLiteral("03700181.") + QLatin1String(ext)));
            QVERIFY(!ref.empty());
            // Time base: samples of the 500 Hz signal, of 250 Hz, or frames (125 Hz); the best match is the
            // file's.
            const double frameScale = fs / rec->header().frameFrequency;
            BeatComparison c;
            double scale = 1;
            // (sqrs's file turns out to be at 250 Hz: scale 2.)
            for (double sc : {1.0, frameScale / 2, frameScale}) {
                std::vector<std::int64_t> scaled = ref;
                for (auto &v : scaled)
                    v = static_cast<std::int64_t>(double(v) * sc);
                const BeatComparison cc =
                    compareBeats(scaled, run.beats, static_cast<std::int64_t>(0.150 * fs));
                if (cc.truePositives > c.truePositives)
                    c = cc, scale = sc;
            }
            for (auto &v : ref)
                v = static_cast<std::int64_t>(double(v) * scale);
            qInfo("03700181 MCL1 vs %s (%zu beats, scale %.0f): TP %d FN %d FP %d  Se %.2f %%  +P %.2f %%",
                  ext, ref.size(), scale, c.truePositives, c.falseNegatives, c.falsePositives,
                  100 * c.sensitivity(), 100 * c.positivePredictivity());
            if (qEnvironmentVariableIsSet("VIGIL_ECG_DEBUG")) {
                QStringList fps;
                for (std::int64_t d : run.beats) {
                    const auto it = std::lower_bound(ref.begin(), ref.end(), d - std::int64_t(0.15 * fs));
                    if (it == ref.end() || std::llabs(*it - d) > std::int64_t(0.15 * fs))
                        fps << QString::number(double(d) / fs, 'f', 2);
                }
                qInfo("unmatched detections (s): %s", qPrintable(fps.mid(0, 40).join(QLatin1Char(' '))));
            }
            // gqrs is not a reference: its "extra" beats of ours are beats it missed (a run of them between
            // 200 and 240 s, every 0.49 s on a steady rhythm: docs/img/ecg-03700181-gqrs-misses.png). The
            // floors guard against regressions of our detector, not against gqrs.
            if (QByteArray(ext) == "gqrsh") {
                QVERIFY(c.sensitivity() >= 0.99);
                QVERIFY(c.positivePredictivity() >= 0.90);
            }
        }
    }

    void v102sNoVt()
    {
        VIGIL_REQUIRE_SHARED_DATA(wfdbPath(QStringLiteral("v102s.hea")));
        QString error;
        const auto rec = wfdb::Record::open(wfdbPath(QStringLiteral("v102s.hea")), &error);
        QVERIFY2(rec, qPrintable(error));
        QVERIFY(rec->header().comments.join(QLatin1Char(' ')).contains(QStringLiteral("False alarm")));
        for (int s = 0; s < 2; ++s) { // ECG II and V
            const Run run = analyse(physical(*rec, s), rec->sampleRate(s));
            qInfo("v102s %s: %zu beats, max HR %.0f, noisy %.1f s (crest p50 %.2f), lead off %d, calls asys "
                  "%lld "
                  "pause %lld brady %lld tachy %lld",
                  qPrintable(rec->header().signalInfos[std::size_t(s)].description), run.beats.size(),
                  run.maxHr, run.noisySeconds, run.crestPercentile(0.5), run.everLeadOff,
                  run.firstActiveUs[0], run.firstActiveUs[1], run.firstActiveUs[2], run.firstActiveUs[3]);
            // Vigil has no VT call (not validated); neither may it call the false alarm's fast rate.
            QVERIFY(run.firstActiveUs[int(RhythmCall::ExtremeTachy)] < 0);
            QVERIFY(run.maxHr < 180);
        }
    }

    void qrsWidthOnRecord100()
    {
        // The QRS width the VT call rests on: record 100's normal beats are narrow, its one PVC (V) wide.
        VIGIL_REQUIRE_SHARED_DATA(wfdbPath(QStringLiteral("100.atr")));
        QString error;
        const auto rec = wfdb::Record::open(wfdbPath(QStringLiteral("100.hea")), &error);
        QVERIFY2(rec, qPrintable(error));
        const double fs = rec->sampleRate(0);
        const auto ann = readAnnotations(wfdbPath(QStringLiteral("100.atr")), &error);
        QVERIFY(ann);
        const Run run = analyse(physical(*rec, 0), fs);
        std::vector<float> normal;
        double pvc = std::nan("");
        const auto window = std::int64_t(0.150 * fs);
        for (const Annotation &a : *ann) {
            if (!isQrsCode(a.code))
                continue;
            const auto it = std::lower_bound(run.beats.begin(), run.beats.end(), a.sample - window);
            if (it == run.beats.end() || std::llabs(*it - a.sample) > window)
                continue;
            const float w = run.widthsMs[std::size_t(it - run.beats.begin())];
            if (a.code == 1 && std::isfinite(w))
                normal.push_back(w);
            if (a.code == 5)
                pvc = w;
        }
        std::sort(normal.begin(), normal.end());
        const auto pct = [&](double p) { return normal[std::size_t(p * double(normal.size() - 1))]; };
        qInfo("record 100 QRS width: normal beats p5 %.0f p50 %.0f p95 %.0f p99.9 %.0f ms (%zu), PVC %.0f ms",
              double(pct(0.05)), double(pct(0.5)), double(pct(0.95)), double(pct(0.999)), normal.size(), pvc);
        QVERIFY(normal.size() > 2000);
        QVERIFY(pct(0.5) < 110);
        QVERIFY(pct(0.999) < 120); // no normal beat reads as VT-wide
        QVERIFY(pvc > double(pct(0.5)) + 20);
    }

    void noVentricularCallOnRealRecords()
    {
        // Every ECG signal of the shared records: none holds VF or VT (100: sinus with 1 PVC; v102s: the
        // bedside monitor's VT alarm was false; 03700181: no VF/VT). Episodes must be 0.
        VIGIL_REQUIRE_SHARED_DATA(wfdbPath(QStringLiteral("v102s.hea")));
        struct Sig
        {
            QString record;
            int signal;
        };
        const Sig sigs[] = {{QStringLiteral("100"), 0},
                            {QStringLiteral("100"), 1},
                            {QStringLiteral("v102s"), 0},
                            {QStringLiteral("v102s"), 1},
                            {QStringLiteral("03700181"), 0}};
        double seconds = 0;
        int episodes = 0;
        for (const Sig &g : sigs) {
            QString error;
            const auto rec = wfdb::Record::open(wfdbPath(g.record + QStringLiteral(".hea")), &error);
            QVERIFY2(rec, qPrintable(error));
            const Run run = analyse(physical(*rec, g.signal), rec->sampleRate(g.signal));
            seconds += double(rec->samples(g.signal).size()) / rec->sampleRate(g.signal);
            qInfo("%s %s: VF episodes %d, VT episodes %d, min VF-filter leakage %.3f", qPrintable(g.record),
                  qPrintable(rec->header().signalInfos[std::size_t(g.signal)].description),
                  run.episodes[int(RhythmCall::VentFib)], run.episodes[int(RhythmCall::VentTachy)],
                  run.minLeakage);
            episodes += run.episodes[int(RhythmCall::VentFib)] + run.episodes[int(RhythmCall::VentTachy)];
            std::vector<float> w = run.widthsMs;
            std::erase_if(w, [](float v) { return !std::isfinite(v); });
            std::sort(w.begin(), w.end());
            if (!w.empty())
                qInfo("  QRS width p5 %.0f p50 %.0f p95 %.0f ms, max HR %.0f", double(w[w.size() / 20]),
                      double(w[w.size() / 2]), double(w[w.size() * 19 / 20]), run.maxHr);
        }
        qInfo("real records: %d false VF/VT episodes in %.0f s of ECG", episodes, seconds);
        QCOMPARE(episodes, 0);
    }

    void ventricularEpisodes()
    {
        // Record 100 (MLII) with 20 s episodes written over 60-80 s; 120 s analysed. Episode sensitivity
        // (called at all, with the right name), onset latency, no call outside the episode (+8 s to clear).
        VIGIL_REQUIRE_SHARED_DATA(wfdbPath(QStringLiteral("100.hea")));
        QString error;
        const auto rec = wfdb::Record::open(wfdbPath(QStringLiteral("100.hea")), &error);
        QVERIFY2(rec, qPrintable(error));
        const double fs = rec->sampleRate(0);
        std::vector<float> base = physical(*rec, 0);
        base.resize(std::size_t(120 * fs));
        int vfTp = 0, vfN = 0, vtTp = 0, vtN = 0, wrong = 0, outside = 0;
        std::vector<double> vfLat, vtLat;
        auto score = [&](const Run &run, RhythmCall expect, std::vector<double> &lat, int &tp) {
            const auto &spans = expect == RhythmCall::VentFib ? run.vfSpans : run.vtSpans;
            const auto &other = expect == RhythmCall::VentFib ? run.vtSpans : run.vfSpans;
            bool hit = false;
            for (const auto &[on, off] : spans) {
                const double onS = double(on) / 1e6, offS = off < 0 ? 120.0 : double(off) / 1e6;
                if (onS >= 60 && onS <= 80) {
                    if (!hit)
                        lat.push_back(onS - 60);
                    hit = true;
                }
                if (onS < 60 || offS > 88)
                    ++outside;
            }
            wrong += int(!other.empty());
            tp += int(hit);
        };
        quint32 seed = 1;
        for (const double hz : {3.0, 4.0, 5.0, 6.0, 7.0})
            for (const double mv : {0.2, 0.5, 1.0}) {
                std::vector<float> x = base;
                writeVf(x, fs, 60, 80, hz, mv, seed++);
                const Run run = analyse(x, fs);
                ++vfN;
                score(run, RhythmCall::VentFib, vfLat, vfTp);
                if (run.vfSpans.empty() || !run.vtSpans.empty())
                    qInfo("VF %.0f Hz %.1f mV: VF spans %zu, VT spans %zu (min leakage %.3f)", hz, mv,
                          run.vfSpans.size(), run.vtSpans.size(), run.minLeakage);
            }
        for (const double bpm : {130.0, 150.0, 180.0, 210.0, 240.0})
            for (const double mv : {1.0, 2.0}) {
                std::vector<float> x = base;
                writeVt(x, fs, 60, 80, bpm, mv);
                const Run run = analyse(x, fs);
                ++vtN;
                score(run, RhythmCall::VentTachy, vtLat, vtTp);
                if (run.vtSpans.empty() || !run.vfSpans.empty())
                    qInfo("VT %.0f /min %.1f mV: VT spans %zu, VF spans %zu", bpm, mv, run.vtSpans.size(),
                          run.vfSpans.size());
            }
        std::sort(vfLat.begin(), vfLat.end());
        std::sort(vtLat.begin(), vtLat.end());
        qInfo("synthetic VF on record 100: %d of %d episodes called (Se %.0f %%), onset latency median %.1f "
              "s max "
              "%.1f s",
              vfTp, vfN, 100.0 * vfTp / vfN, vfLat.empty() ? -1 : vfLat[vfLat.size() / 2],
              vfLat.empty() ? -1 : vfLat.back());
        qInfo("synthetic VT on record 100: %d of %d episodes called (Se %.0f %%), onset latency median %.1f "
              "s max "
              "%.1f s",
              vtTp, vtN, 100.0 * vtTp / vtN, vtLat.empty() ? -1 : vtLat[vtLat.size() / 2],
              vtLat.empty() ? -1 : vtLat.back());
        qInfo("calls outside an episode: %d; episodes also called as the other rhythm: %d", outside, wrong);
        QCOMPARE(outside, 0);
        QCOMPARE(vfTp, vfN);
        QCOMPARE(vtTp, vtN);
        QVERIFY(vfLat.back() <= 8.0); // 4 s window + 3 s confirmation + 1 s
        QVERIFY(vtLat.back() <= 8.0); // the run of 6 beats, or the VF filter window where it reads VF-like
    }

    void asystoleAndPauseOnCutRecord_data()
    {
        QTest::addColumn<double>("cutS");
        QTest::addColumn<double>("asystoleS");
        QTest::addColumn<double>("pauseS");
        QTest::addColumn<bool>("expectAsystole");
        QTest::addColumn<bool>("expectPause");
        QTest::newRow("cut 8 s, asystole 4 s") << 8.0 << 4.0 << 2.5 << true << true;
        QTest::newRow("cut 12 s, asystole 10 s") << 12.0 << 10.0 << 5.0 << true << true;
        QTest::newRow("cut 5 s, asystole 3 s") << 5.0 << 3.0 << 1.5 << true << true;
        QTest::newRow("cut 3 s, pause 2 s") << 3.0 << 6.0 << 2.0 << false << true;
        QTest::newRow("cut 2.5 s, pause 1.5 s") << 2.5 << 5.0 << 1.5 << false << true;
        QTest::newRow("cut 0.8 s, nothing") << 0.8 << 4.0 << 2.5 << false << false;
    }
    void asystoleAndPauseOnCutRecord()
    {
        QFETCH(double, cutS);
        QFETCH(double, asystoleS);
        QFETCH(double, pauseS);
        QFETCH(bool, expectAsystole);
        QFETCH(bool, expectPause);
        VIGIL_REQUIRE_SHARED_DATA(wfdbPath(QStringLiteral("100.atr")));
        QString error;
        const auto rec = wfdb::Record::open(wfdbPath(QStringLiteral("100.hea")), &error);
        QVERIFY2(rec, qPrintable(error));
        const double fs = rec->sampleRate(0);
        std::vector<float> x = physical(*rec, 0);
        x.resize(static_cast<std::size_t>(120 * fs));
        const std::vector<std::int64_t> ref = referenceBeats(wfdbPath(QStringLiteral("100.atr")));
        // Cut just after a beat near 60 s: the wave goes flat (the level it had) for cutS seconds.
        const auto it = std::lower_bound(ref.begin(), ref.end(), static_cast<std::int64_t>(60 * fs));
        const std::int64_t lastBeat = *it;
        const auto from = static_cast<std::size_t>(lastBeat + std::int64_t(0.25 * fs));
        const auto to = from + static_cast<std::size_t>(cutS * fs);
        const float level = x[from];
        QRandomGenerator rng(7);
        for (std::size_t i = from; i < to; ++i)
            x[i] = level + 0.005f * float(rng.bounded(2.0) - 1.0);
        EcgAnalysisConfig cfg;
        cfg.asystoleS = asystoleS;
        cfg.pauseS = pauseS;
        const Run run = analyse(x, fs, cfg);
        const double lastBeatS = double(lastBeat) / fs;
        auto at = [&](RhythmCall c) { return double(run.firstActiveUs[std::size_t(c)]) / 1e6; };
        if (expectAsystole) {
            QVERIFY(run.firstActiveUs[int(RhythmCall::Asystole)] >= 0);
            const double delay = at(RhythmCall::Asystole) - lastBeatS;
            qInfo("asystole %.0f s: called %.2f s after the last beat (limit %.1f s)", asystoleS, delay,
                  asystoleS + 1);
            QVERIFY2(delay <= asystoleS + 1.0, qPrintable(QString::number(delay)));
            QVERIFY2(delay >= asystoleS, qPrintable(QString::number(delay)));
        } else {
            QVERIFY(run.firstActiveUs[int(RhythmCall::Asystole)] < 0);
        }
        if (expectPause) {
            QVERIFY(run.firstActiveUs[int(RhythmCall::Pause)] >= 0);
            const double delay = at(RhythmCall::Pause) - lastBeatS;
            qInfo("pause %.1f s: called %.2f s after the last beat (limit %.1f s)", pauseS, delay,
                  pauseS + 1);
            QVERIFY(delay <= pauseS + 1.0);
            QVERIFY(delay >= pauseS);
        } else {
            QVERIFY(run.firstActiveUs[int(RhythmCall::Pause)] < 0);
        }
        QVERIFY(run.firstActiveUs[int(RhythmCall::ExtremeTachy)] < 0);
    }

    void leadOffAndNoiseSuppress()
    {
        VIGIL_REQUIRE_SHARED_DATA(wfdbPath(QStringLiteral("100.hea")));
        QString error;
        const auto rec = wfdb::Record::open(wfdbPath(QStringLiteral("100.hea")), &error);
        QVERIFY2(rec, qPrintable(error));
        const double fs = rec->sampleRate(0);
        std::vector<float> x = physical(*rec, 0);
        x.resize(static_cast<std::size_t>(90 * fs));
        // 10 s without signal (lead off: NaN), then 10 s of heavy noise (electrode motion, 2 mV at 20-60 Hz).
        for (std::size_t i = std::size_t(30 * fs); i < std::size_t(40 * fs); ++i)
            x[i] = std::nanf("");
        QRandomGenerator rng(11);
        for (std::size_t i = std::size_t(55 * fs); i < std::size_t(65 * fs); ++i)
            x[i] += float(rng.bounded(4.0) - 2.0);
        const Run run = analyse(x, fs);
        QVERIFY(run.everLeadOff);
        QVERIFY(run.everNoisy);
        for (int c = 0; c < kRhythmCallCount; ++c)
            QVERIFY2(run.firstActiveUs[std::size_t(c)] < 0, qPrintable(callCode(RhythmCall(c))));
    }

    // The station's own simulator (what the demo ward and the integration tests run): every profile's ECG is
    // analysed without a noise judgement or a call, and HR from the beats matches the simulated rate.
    void simulatorEcgIsClean_data()
    {
        QTest::addColumn<int>("profile");
        QTest::addColumn<quint64>("seed");
        for (quint64 seed = 1; seed <= 6; ++seed) {
            QTest::addRow("adult %llu", seed) << int(PatientProfile::Adult) << seed;
            QTest::addRow("paediatric %llu", seed) << int(PatientProfile::Paediatric) << seed;
            QTest::addRow("neonatal %llu", seed) << int(PatientProfile::Neonatal) << seed;
        }
    }
    void simulatorEcgIsClean()
    {
        QFETCH(int, profile);
        QFETCH(quint64, seed);
        const PhysiologyParams params = defaultParams(PatientProfile(profile), seed);
        BedPhysiology bed(params, seed);
        PhysiologyOutput out;
        bed.advanceTo(120.0, out);
        const auto &x = out.waves[int(WaveId::EcgII)];
        const double fs = waveInfo(WaveId::EcgII).defaultRate;
        const Run run = analyse(x, fs);
        const double beats = double(bed.beatsGenerated());
        qInfo("simulated HR %.0f: %zu beats detected of %.0f generated, noisy %.1f s (crest p1 %.2f p50 "
              "%.2f), max HR %.0f",
              params.heartRate, run.beats.size(), beats, run.noisySeconds, run.crestPercentile(0.01),
              run.crestPercentile(0.5), run.maxHr);
        QCOMPARE(run.noisySeconds, 0.0);
        for (int c = 0; c < kRhythmCallCount; ++c)
            QVERIFY2(run.firstActiveUs[std::size_t(c)] < 0, qPrintable(callCode(RhythmCall(c))));
        QVERIFY(std::abs(double(run.beats.size()) - beats) <= 3);
    }

    void extremeBradyAndTachy()
    {
        // Synthetic QRS trains (a 80 ms triangle of 1.5 mV) at 30 and 200 /min.
        for (const double bpm : {30.0, 75.0, 200.0}) {
            const double fs = 500;
            std::vector<float> x(std::size_t(30 * fs), 0.f);
            const auto every = static_cast<std::size_t>(60.0 / bpm * fs);
            for (std::size_t b = every; b + 40 < x.size(); b += every)
                for (int k = -20; k <= 20; ++k)
                    x[b + std::size_t(k + 20) - 20] = 1.5f * float(20 - std::abs(k)) / 20.f;
            EcgAnalysisConfig cfg;
            cfg.asystoleS = 10; // 30 /min is a 2 s R-R
            cfg.pauseS = 5;
            const Run run = analyse(x, fs, cfg);
            qInfo("synthetic %.0f /min: max HR %.1f, brady %lld tachy %lld", bpm, run.maxHr,
                  run.firstActiveUs[2], run.firstActiveUs[3]);
            QCOMPARE(run.firstActiveUs[int(RhythmCall::ExtremeBrady)] >= 0, bpm < 35);
            QCOMPARE(run.firstActiveUs[int(RhythmCall::ExtremeTachy)] >= 0, bpm > 180);
            QVERIFY(std::abs(run.maxHr - bpm) < 0.05 * bpm);
        }
    }
};

VIGIL_TEST_GUILESS_MAIN(TstEcgAnalysis)
#include "tst_ecg_analysis.moc"
