// The central ECG analysis in the station (app/EcgWiring): ECG blocks through the sources' tap, the calls
// into the alarm engine after each drain. MIT-BIH 100 (MLII, 360 Hz) delivered in 250 ms blocks with the
// ECG cut flat for 8 s: the station raises "Asystole (central)" (HIGH, physiological) within the configured
// 4 s + 1 s of the last beat, ends it when the beats return; the same cut as no signal (lead off) raises
// nothing; and [news2] / [ecg_analysis] are read from the station file.
#include "Annotations.h"
#include "EcgWiring.h"
#include "SharedData.h"
#include "StationConfig.h"
#include "Wfdb.h"

#include <QtTest>

using namespace vigil;

namespace {
constexpr qint64 kT0Us = 1'780'000'000'000'000;

struct Result
{
    double firstAsystoleS = -1; // signal seconds when first active
    double endedS = -1;
    QString text;
    alarms::Priority priority = alarms::Priority::None;
    alarms::Kind kind = alarms::Kind::Technical;
    bool unknownBedAlarm = false;
};

// mode 0: the cut is flat; 1: no signal (NaN); 2: a synthetic VF (5 Hz, 0.6 mV) from 20 s, for 14 s.
Result play(int mode, const QString &code = QStringLiteral("ecg_asystole"))
{
    const bool asNaN = mode == 1;
    QString error;
    const auto rec = wfdb::Record::open(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.hea")), &error);
    if (!rec)
        qFatal("%s", qPrintable(error));
    const double fs = rec->sampleRate(0);
    std::vector<float> x;
    for (int32_t v : rec->samples(0)) {
        x.push_back(float(rec->toPhysical(0, v)));
        if (x.size() >= std::size_t(40 * fs))
            break;
    }
    // Cut from 20.0 s for 8 s.
    const auto from = std::size_t(20.0 * fs), to = std::size_t((mode == 2 ? 34.0 : 28.0) * fs);
    for (std::size_t i = from; i < to; ++i) {
        const double ts = double(i) / fs;
        x[i] =
            mode == 2
                ? float(0.6 * (std::sin(2 * M_PI * 5.0 * ts) * (0.7 + 0.3 * std::sin(2 * M_PI * 0.3 * ts)) +
                               0.35 * std::sin(2 * M_PI * 6.85 * ts)))
            : asNaN ? std::nanf("")
                    : x[from];
    }

    std::vector<BedConfig> beds{{QStringLiteral("b1"), QStringLiteral("Bed 01")}};
    alarms::AlarmConfig cfg;
    cfg.alertManagerAvailable = false;
    Station st(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{}, std::make_unique<Ward>(beds),
               nullptr, cfg);
    ecg::EcgAnalysisConfig ecgCfg;
    ecgCfg.asystoleS = 4;
    EcgWiring wiring(&st, ecgCfg);
    IngestSink *sink = wiring.tap(st.ward());
    Result r;
    const auto block = std::size_t(fs / 4);
    // The same ECG for a bed the station file does not list: analysed, but never an alarm of an unseen bed.
    auto deliverUnknown = [&](std::size_t i) {
        BedUpdate u;
        u.bedKey = QStringLiteral("not-listed");
        u.sourceId = QStringLiteral("wfdb");
        WaveBlock w;
        w.id = WaveId::EcgII;
        w.sampleRate = fs;
        w.startTimeUs = kT0Us + qint64(double(i) * 1e6 / fs);
        w.samples.assign(x.begin() + long(i), x.begin() + long(i + block));
        u.waves.push_back(std::move(w));
        sink->deliver(std::move(u));
    };
    for (std::size_t i = 0; i + block <= x.size(); i += block) {
        BedUpdate u;
        u.bedKey = QStringLiteral("b1");
        u.sourceId = QStringLiteral("wfdb");
        WaveBlock w;
        w.id = WaveId::EcgII;
        w.sampleRate = fs;
        w.startTimeUs = kT0Us + qint64(double(i) * 1e6 / fs);
        w.samples.assign(x.begin() + long(i), x.begin() + long(i + block));
        u.waves.push_back(std::move(w));
        sink->deliver(std::move(u));
        deliverUnknown(i);
        st.drainNow(); // drained -> EcgWiring::poll -> engine
        const double t = double(i + block) / fs;
        bool active = false;
        for (const alarms::AlarmCondition &c : st.alarmEngine()->conditions())
            if (c.code == code && c.state == alarms::State::Active) {
                active = true;
                r.text = c.text, r.priority = c.priority, r.kind = c.kind;
            }
        for (const alarms::AlarmCondition &c : st.alarmEngine()->conditions())
            if (c.bedKey == QLatin1String("not-listed"))
                r.unknownBedAlarm = true;
        if (active && r.firstAsystoleS < 0)
            r.firstAsystoleS = t;
        if (!active && r.firstAsystoleS >= 0 && r.endedS < 0)
            r.endedS = t;
    }
    return r;
}

// HR from the beats: record 100 (MLII, reference HR ~75 /min) for 60 s in 250 ms blocks; the monitor sends
// HR `monitorHr` every second (NaN: none at all). Returns the bed's HR numeric at the end, whether it came
// from the beats, and when (signal s) the HR cross-check condition was first active (-1 never).
struct HrResult
{
    double bedHr = std::nan("");
    bool fromBeats = false;
    double mismatchAtS = -1;
    QString mismatchText;
};

HrResult playHr(double monitorHr)
{
    QString error;
    const auto rec = wfdb::Record::open(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.hea")), &error);
    if (!rec)
        qFatal("%s", qPrintable(error));
    const double fs = rec->sampleRate(0);
    std::vector<float> x;
    for (int32_t v : rec->samples(0)) {
        x.push_back(float(rec->toPhysical(0, v)));
        if (x.size() >= std::size_t(60 * fs))
            break;
    }
    std::vector<BedConfig> beds{{QStringLiteral("b1"), QStringLiteral("Bed 01")}};
    alarms::AlarmConfig cfg;
    cfg.alertManagerAvailable = false;
    Station st(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{}, std::make_unique<Ward>(beds),
               nullptr, cfg);
    EcgWiring wiring(&st, ecg::EcgAnalysisConfig{});
    IngestSink *sink = wiring.tap(st.ward());
    HrResult r;
    const auto block = std::size_t(fs / 4);
    for (std::size_t i = 0; i + block <= x.size(); i += block) {
        BedUpdate u;
        u.bedKey = QStringLiteral("b1");
        u.sourceId = QStringLiteral("wfdb");
        WaveBlock w;
        w.id = WaveId::EcgII;
        w.sampleRate = fs;
        w.startTimeUs = kT0Us + qint64(double(i) * 1e6 / fs);
        w.samples.assign(x.begin() + long(i), x.begin() + long(i + block));
        u.waves.push_back(std::move(w));
        if (std::isfinite(monitorHr) && (i / block) % 4 == 0)
            u.numerics.push_back({NumericId::Hr, monitorHr, w.startTimeUs / 1000});
        sink->deliver(std::move(u));
        st.drainNow();
        for (const alarms::AlarmCondition &c : st.alarmEngine()->conditions())
            if (c.code == QLatin1String("ecg_hr_mismatch") && c.state == alarms::State::Active &&
                r.mismatchAtS < 0) {
                r.mismatchAtS = double(i + block) / fs;
                r.mismatchText = c.text;
            }
    }
    r.bedHr = st.ward()->bed(0)->numerics[int(NumericId::Hr)].value;
    r.fromBeats = wiring.hrFromBeats(QStringLiteral("b1"));
    return r;
}
} // namespace

class TstEcgWiring : public QObject
{
    Q_OBJECT
private slots:
    void asystoleThroughTheStation()
    {
        VIGIL_REQUIRE_SHARED_DATA(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.hea")));
        const Result r = play(0);
        // The last reference beat before the cut at 20 s.
        QString error;
        const auto ann =
            ecg::readAnnotations(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.atr")), &error);
        QVERIFY2(ann, qPrintable(error));
        double lastBeatS = 0;
        for (const ecg::Annotation &a : *ann)
            if (ecg::isQrsCode(a.code) && double(a.sample) / 360.0 < 20.0)
                lastBeatS = double(a.sample) / 360.0;
        qInfo("asystole (central) raised at %.2f s, %.2f s after the last beat (configured 4 s); ended at "
              "%.2f s",
              r.firstAsystoleS, r.firstAsystoleS - lastBeatS, r.endedS);
        QVERIFY(r.firstAsystoleS > 0);
        QVERIFY(r.firstAsystoleS - lastBeatS >= 4.0);
        QVERIFY(r.firstAsystoleS - lastBeatS <= 5.0);
        QVERIFY(r.endedS > 28.0 && r.endedS < 30.0);
        QCOMPARE(r.priority, alarms::Priority::High);
        QCOMPARE(r.kind, alarms::Kind::Physiological);
        QVERIFY(r.text.contains(QStringLiteral("(central)")));
        QVERIFY(!r.unknownBedAlarm);
    }
    void leadOffRaisesNoAsystole()
    {
        VIGIL_REQUIRE_SHARED_DATA(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.hea")));
        const Result r = play(1);
        QCOMPARE(r.firstAsystoleS, -1.0);
    }
    void vfThroughTheStation()
    {
        // VF written over record 100 from 20 s to 34 s: "VFib (central)", HIGH, physiological, within the
        // VF filter's 4 s window + 3 s confirmation + 1 s; it ends after the beats return.
        VIGIL_REQUIRE_SHARED_DATA(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.hea")));
        const Result r = play(2, QStringLiteral("ecg_vfib"));
        qInfo("VFib (central) raised at %.2f s (VF from 20 s), ended at %.2f s", r.firstAsystoleS, r.endedS);
        QVERIFY(r.firstAsystoleS > 20.0 && r.firstAsystoleS <= 28.0);
        QVERIFY(r.endedS > 34.0 && r.endedS < 40.0);
        QCOMPARE(r.priority, alarms::Priority::High);
        QCOMPARE(r.kind, alarms::Kind::Physiological);
        QCOMPARE(r.text, QStringLiteral("VFib (central)"));
        // No asystole during it: fibrillation waves are no beats, but they are no flat line either.
        QCOMPARE(play(2).firstAsystoleS, -1.0);
    }
    void hrFromBeatsWhenTheMonitorSendsNone()
    {
        // No HR from the monitor: after hr_fallback_s (10 s) the beats' HR is the bed's HR numeric.
        VIGIL_REQUIRE_SHARED_DATA(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.hea")));
        const HrResult r = playHr(std::nan(""));
        qInfo("no monitor HR: bed HR %.0f from beats %d", r.bedHr, r.fromBeats);
        QVERIFY(r.fromBeats);
        QVERIFY(r.bedHr >= 68 && r.bedHr <= 82); // record 100's first minute: ~75 /min (2273 beats in 30 min)
        QCOMPARE(r.mismatchAtS, -1.0);
    }
    void hrCrossCheck()
    {
        VIGIL_REQUIRE_SHARED_DATA(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.hea")));
        // The monitor agrees: its HR stays, no condition.
        const HrResult agree = playHr(76);
        QVERIFY(!agree.fromBeats);
        QCOMPARE(agree.bedHr, 76.0);
        QCOMPARE(agree.mismatchAtS, -1.0);
        // The monitor says 150 (double counting tall T waves, say): after 30 s of disagreement, a LOW
        // technical condition naming both rates.
        const HrResult differ = playHr(150);
        qInfo("monitor HR 150 vs beats: condition at %.2f s: %s", differ.mismatchAtS,
              qPrintable(differ.mismatchText));
        QCOMPARE(differ.bedHr, 150.0); // the monitor's HR is still shown; the nurse is told they differ
        QVERIFY(differ.mismatchAtS >= 30.0 && differ.mismatchAtS <= 40.0);
        QVERIFY(differ.mismatchText.contains(QStringLiteral("HR 150")));
    }
    void configSections()
    {
        ConfigError error;
        const auto c = parseStationConfig("[news2]\nmedium_at = 4\nhigh_at = 6\nmax_age_bp_min = 30\n"
                                          "[ecg_analysis]\nasystole_s = 6\npause_s = 3\nlead = \"ecg_i\"\n",
                                          QStringLiteral("t.toml"), &error);
        QVERIFY(c);
        QCOMPARE(c->news2.mediumAt, 4);
        QCOMPARE(c->news2.highAt, 6);
        QCOMPARE(c->news2.maxAgeS[int(scores::NewsParam::SysBp)], 1800.0);
        QCOMPARE(c->ecgAnalysis.asystoleS, 6.0);
        QCOMPARE(c->ecgAnalysis.lead, QStringLiteral("ecg_i"));
        QVERIFY(!parseStationConfig("[ecg_analysis]\nasystole_s = 12\n", QStringLiteral("t.toml"), &error));
        QVERIFY(!parseStationConfig("[ecg_analysis]\npause_s = 5\nasystole_s = 4\n", QStringLiteral("t.toml"),
                                    &error));
        QVERIFY(
            !parseStationConfig("[news2]\nmedium_at = 7\nhigh_at = 5\n", QStringLiteral("t.toml"), &error));
        QVERIFY(!parseStationConfig("[news2]\nbogus = 1\n", QStringLiteral("t.toml"), &error));
        const auto v =
            parseStationConfig("[ecg_analysis]\nvf_vt = false\nvt_bpm = 140\nhr_from_beats = false\n"
                               "hr_fallback_s = 20\n",
                               QStringLiteral("t.toml"), &error);
        QVERIFY(v);
        QVERIFY(!v->ecgAnalysis.ventricular);
        QCOMPARE(v->ecgAnalysis.vtBpm, 140.0);
        QVERIFY(!v->ecgAnalysis.hrFromBeats);
        QCOMPARE(v->ecgAnalysis.hrFallbackS, 20.0);
    }
};

VIGIL_TEST_GUILESS_MAIN(TstEcgWiring)
#include "tst_ecg_wiring.moc"
