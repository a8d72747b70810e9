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

Result play(bool asNaN)
{
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
    const auto from = std::size_t(20.0 * fs), to = std::size_t(28.0 * fs);
    for (std::size_t i = from; i < to; ++i)
        x[i] = asNaN ? std::nanf("") : x[from];

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
            if (c.code == QLatin1String("ecg_asystole") && c.state == alarms::State::Active) {
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
} // namespace

class TstEcgWiring : public QObject
{
    Q_OBJECT
private slots:
    void asystoleThroughTheStation()
    {
        VIGIL_REQUIRE_SHARED_DATA(vigil::test::sharedDataPath(QStringLiteral("wfdb/100.hea")));
        const Result r = play(false);
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
        const Result r = play(true);
        QCOMPARE(r.firstAsystoleS, -1.0);
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
    }
};

VIGIL_TEST_GUILESS_MAIN(TstEcgWiring)
#include "tst_ecg_wiring.moc"
