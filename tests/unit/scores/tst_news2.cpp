// NEWS2 against the RCP 2017 chart (../shared/reference/STANDARDS.md section 8): every band boundary of
// every parameter (both sides of each edge), both SpO2 scales on air and on oxygen, the aggregate's
// clinical-response levels, and the tracker's missing and stale inputs. Each row is one line of the chart;
// the test fails on any disagreement and prints how many rows agreed.
#include "AlarmConfig.h"
#include "News2.h"
#include "SharedData.h"

#include <QRandomGenerator>
#include <QTest>

using namespace vigil;
using namespace vigil::scores;

namespace {
struct Row
{
    const char *param;
    double value;
    bool onOxygen;
    int expected;
};

// The chart, edge by edge (value on each side of every band boundary).
const Row kChart[] = {
    // Respiration rate: <=8 3 | 9-11 1 | 12-20 0 | 21-24 2 | >=25 3
    {"rr", 8, false, 3},
    {"rr", 9, false, 1},
    {"rr", 11, false, 1},
    {"rr", 12, false, 0},
    {"rr", 20, false, 0},
    {"rr", 21, false, 2},
    {"rr", 24, false, 2},
    {"rr", 25, false, 3},
    {"rr", 0, false, 3},
    {"rr", 60, false, 3},
    // SpO2 scale 1: <=91 3 | 92-93 2 | 94-95 1 | >=96 0
    {"spo2_1", 91, false, 3},
    {"spo2_1", 92, false, 2},
    {"spo2_1", 93, false, 2},
    {"spo2_1", 94, false, 1},
    {"spo2_1", 95, false, 1},
    {"spo2_1", 96, false, 0},
    {"spo2_1", 100, true, 0},
    // SpO2 scale 2: <=83 3 | 84-85 2 | 86-87 1 | 88-92 0 | >=93 on air 0 | 93-94 O2 1 | 95-96 O2 2 | >=97 O2
    // 3
    {"spo2_2", 83, false, 3},
    {"spo2_2", 84, false, 2},
    {"spo2_2", 85, true, 2},
    {"spo2_2", 86, false, 1},
    {"spo2_2", 87, true, 1},
    {"spo2_2", 88, false, 0},
    {"spo2_2", 92, true, 0},
    {"spo2_2", 93, false, 0},
    {"spo2_2", 100, false, 0},
    {"spo2_2", 93, true, 1},
    {"spo2_2", 94, true, 1},
    {"spo2_2", 95, true, 2},
    {"spo2_2", 96, true, 2},
    {"spo2_2", 97, true, 3},
    {"spo2_2", 100, true, 3},
    // Air or oxygen: oxygen 2 | air 0
    {"o2", 0, false, 0},
    {"o2", 0, true, 2},
    // Systolic BP: <=90 3 | 91-100 2 | 101-110 1 | 111-219 0 | >=220 3
    {"sbp", 90, false, 3},
    {"sbp", 91, false, 2},
    {"sbp", 100, false, 2},
    {"sbp", 101, false, 1},
    {"sbp", 110, false, 1},
    {"sbp", 111, false, 0},
    {"sbp", 219, false, 0},
    {"sbp", 220, false, 3},
    // Pulse: <=40 3 | 41-50 1 | 51-90 0 | 91-110 1 | 111-130 2 | >=131 3
    {"pulse", 40, false, 3},
    {"pulse", 41, false, 1},
    {"pulse", 50, false, 1},
    {"pulse", 51, false, 0},
    {"pulse", 90, false, 0},
    {"pulse", 91, false, 1},
    {"pulse", 110, false, 1},
    {"pulse", 111, false, 2},
    {"pulse", 130, false, 2},
    {"pulse", 131, false, 3},
    // Consciousness: alert 0 | new confusion, V, P or U 3
    {"acvpu", 0, false, 0},
    {"acvpu", 1, false, 3},
    {"acvpu", 2, false, 3},
    {"acvpu", 3, false, 3},
    {"acvpu", 4, false, 3},
    // Temperature: <=35.0 3 | 35.1-36.0 1 | 36.1-38.0 0 | 38.1-39.0 1 | >=39.1 2
    {"temp", 35.0, false, 3},
    {"temp", 35.1, false, 1},
    {"temp", 36.0, false, 1},
    {"temp", 36.1, false, 0},
    {"temp", 38.0, false, 0},
    {"temp", 38.1, false, 1},
    {"temp", 39.0, false, 1},
    {"temp", 39.1, false, 2},
    // Rounding to the chart's resolution: 20.4 /min is 20, 38.04 degC is 38.0.
    {"rr", 20.4, false, 0},
    {"temp", 38.04, false, 0},
    {"temp", 38.06, false, 1},
};

int score(const Row &r)
{
    const QByteArray p(r.param);
    if (p == "rr")
        return scoreRr(r.value);
    if (p == "spo2_1")
        return scoreSpO2Scale1(r.value);
    if (p == "spo2_2")
        return scoreSpO2Scale2(r.value, r.onOxygen);
    if (p == "o2")
        return scoreOxygen(r.onOxygen);
    if (p == "sbp")
        return scoreSysBp(r.value);
    if (p == "pulse")
        return scorePulse(r.value);
    if (p == "acvpu")
        return scoreConsciousness(static_cast<Acvpu>(int(r.value)));
    if (p == "temp")
        return scoreTemp(r.value);
    return -100;
}

News2Inputs normal()
{
    News2Inputs in;
    in.rr = 16, in.spo2 = 97, in.sysBp = 125, in.pulse = 72, in.temp = 37.0;
    return in;
}

constexpr qint64 kT0 = 1'780'000'000'000;
} // namespace

class TstNews2 : public QObject
{
    Q_OBJECT
private slots:
    void chart_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < int(std::size(kChart)); ++i)
            QTest::addRow("%s=%g%s", kChart[i].param, kChart[i].value, kChart[i].onOxygen ? " O2" : "") << i;
    }
    void chart()
    {
        QFETCH(int, row);
        QCOMPARE(score(kChart[row]), kChart[row].expected);
    }
    void chartAgreement()
    {
        int agree = 0;
        for (const Row &r : kChart)
            agree += score(r) == r.expected;
        qInfo("NEWS2 chart: %d of %d rows agree with the RCP table", agree, int(std::size(kChart)));
        QCOMPARE(agree, int(std::size(kChart)));
        QVERIFY(std::size(kChart) >= 60);
    }

    void aggregateAndResponse()
    {
        News2Inputs in = normal();
        News2Score s = computeNews2(in);
        QVERIFY(s.complete);
        QCOMPARE(s.total, 0);
        QCOMPARE(s.response, NewsResponse::Zero);
        in.pulse = 95; // 1
        s = computeNews2(in);
        QCOMPARE(s.total, 1);
        QCOMPARE(s.response, NewsResponse::Low);
        in.rr = 8; // +3 in one parameter: total 4, low-medium
        s = computeNews2(in);
        QCOMPARE(s.total, 4);
        QVERIFY(s.singleThree);
        QCOMPARE(s.response, NewsResponse::LowMedium);
        in.onOxygen = true; // +2: 6, medium
        s = computeNews2(in);
        QCOMPARE(s.total, 6);
        QCOMPARE(s.response, NewsResponse::Medium);
        in.temp = 39.5; // +2: 8, high
        s = computeNews2(in);
        QCOMPARE(s.total, 8);
        QCOMPARE(s.response, NewsResponse::High);
        QCOMPARE(responseFor(5, false), NewsResponse::Medium);
        QCOMPARE(responseFor(7, true), NewsResponse::High);
        QCOMPARE(responseFor(3, true), NewsResponse::LowMedium);
        // Scale 2 on oxygen with SpO2 97: 3 (over-oxygenation) + 2 (oxygen).
        in = normal();
        in.scale2 = true, in.onOxygen = true;
        s = computeNews2(in);
        QCOMPARE(s.sub[int(NewsParam::SpO2)], 3);
        QCOMPARE(s.total, 5);
        // A missing input: incomplete, the total a lower bound.
        in = normal();
        in.sysBp = std::nan("");
        s = computeNews2(in);
        QVERIFY(!s.complete);
        QCOMPARE(s.sub[int(NewsParam::SysBp)], -1);
    }

    void trackerMissingAndStale()
    {
        News2Tracker t;
        // Monitor values only: ACVPU and O2 are the nurse's, so the score is incomplete.
        t.onNumeric(NumericId::Rr, 18, kT0);
        t.onNumeric(NumericId::SpO2, 97, kT0);
        t.onNumeric(NumericId::Hr, 80, kT0);
        t.onNumeric(NumericId::NibpSys, 120, kT0);
        t.onNumeric(NumericId::Temp, 37.2, kT0);
        const News2Snapshot &s0 = t.update(kT0 + 1000);
        QVERIFY(!s0.score.complete);
        QCOMPARE(s0.score.sub[int(NewsParam::Consciousness)], -1);
        QCOMPARE(s0.score.sub[int(NewsParam::Oxygen)], -1);
        QVERIFY(s0.missingText().contains(QStringLiteral("ACVPU missing")));
        // The nurse enters them: complete, 0, recorded with who.
        t.enter(NewsParam::Consciousness, double(Acvpu::Alert), kT0 + 2000, QStringLiteral("rn.jones"));
        t.enter(NewsParam::Oxygen, 0, kT0 + 2000, QStringLiteral("rn.jones"));
        const News2Snapshot &s1 = t.update(kT0 + 3000);
        QVERIFY(s1.score.complete);
        QCOMPARE(s1.score.total, 0);
        QCOMPARE(s1.inputs[int(NewsParam::Oxygen)].source, QStringLiteral("nurse rn.jones"));
        QCOMPARE(s1.inputs[int(NewsParam::Rr)].source, QStringLiteral("monitor"));
        // 61 minutes on, BP (60 min) is stale; RR/SpO2/pulse (15 min) too unless refreshed.
        const qint64 t61 = kT0 + 61 * 60'000;
        t.onNumeric(NumericId::Rr, 18, t61);
        t.onNumeric(NumericId::SpO2, 97, t61);
        t.onNumeric(NumericId::Hr, 80, t61);
        const News2Snapshot &s2 = t.update(t61);
        QVERIFY(!s2.score.complete);
        QVERIFY(s2.stale[int(NewsParam::SysBp)]);
        QVERIFY(!s2.stale[int(NewsParam::Temp)]); // 4 h
        QCOMPARE(s2.score.sub[int(NewsParam::SysBp)], -1);
        QVERIFY(s2.missingText().contains(QStringLiteral("Sys BP stale")));
        // ABP counts as systolic BP as well.
        t.onNumeric(NumericId::AbpSys, 95, t61);
        const News2Snapshot &s3 = t.update(t61 + 1000);
        QVERIFY(s3.score.complete);
        QCOMPARE(s3.score.sub[int(NewsParam::SysBp)], 2);
        // Temperature older than 4 h: stale.
        const qint64 t5h = kT0 + 5 * 3600'000;
        for (NumericId id : {NumericId::Rr, NumericId::SpO2, NumericId::Hr, NumericId::AbpSys})
            t.onNumeric(id, id == NumericId::AbpSys ? 120 : 90, t5h);
        t.enter(NewsParam::Consciousness, double(Acvpu::Alert), t5h, QStringLiteral("rn.jones"));
        t.enter(NewsParam::Oxygen, 0, t5h, QStringLiteral("rn.jones"));
        const News2Snapshot &s4 = t.update(t5h);
        QVERIFY(s4.stale[int(NewsParam::Temp)]);
        QVERIFY(!s4.score.complete);
        // A configured age applies: temperature 6 h.
        News2Config c = t.config();
        c.maxAgeS[int(NewsParam::Temp)] = 6 * 3600;
        t.setConfig(c);
        QVERIFY(t.update(t5h).score.complete);
    }

    void trackerScale2AndNurseOverride()
    {
        News2Tracker t;
        for (auto [id, v] : {std::pair{NumericId::Rr, 18.0},
                             {NumericId::SpO2, 89.0},
                             {NumericId::PulseRate, 80.0},
                             {NumericId::NibpSys, 130.0},
                             {NumericId::Temp, 37.0}})
            t.onNumeric(id, v, kT0);
        t.enter(NewsParam::Consciousness, double(Acvpu::Alert), kT0, QStringLiteral("rn.a"));
        t.enter(NewsParam::Oxygen, 1, kT0, QStringLiteral("rn.a"));
        QCOMPARE(t.update(kT0).score.sub[int(NewsParam::SpO2)], 3); // scale 1: 89 -> 3
        QVERIFY(!t.scale2());
        t.setScale2(true, QStringLiteral("dr.b"), kT0);
        const News2Snapshot &s = t.update(kT0 + 1);
        QCOMPARE(s.score.sub[int(NewsParam::SpO2)], 0); // scale 2: 88-92 -> 0
        QVERIFY(s.scale2By.startsWith(QStringLiteral("dr.b")));
        QCOMPARE(s.score.total, 2); // oxygen only
        // A nurse's newer manual reading replaces the monitor's older one; an older monitor reading does not
        // overwrite it.
        t.enter(NewsParam::Temp, 39.2, kT0 + 10, QStringLiteral("rn.a"));
        t.onNumeric(NumericId::Temp, 37.0, kT0 + 5);
        QCOMPARE(t.update(kT0 + 20).score.sub[int(NewsParam::Temp)], 2);
    }

    void trendAndDeterioration()
    {
        News2Tracker t;
        auto feed = [&](qint64 at, double rr, double hr, double spo2) {
            t.onNumeric(NumericId::Rr, rr, at);
            t.onNumeric(NumericId::SpO2, spo2, at);
            t.onNumeric(NumericId::Hr, hr, at);
            t.onNumeric(NumericId::NibpSys, 125, at);
            t.onNumeric(NumericId::Temp, 37.0, at);
            t.enter(NewsParam::Consciousness, 0, at, QStringLiteral("rn"));
            t.enter(NewsParam::Oxygen, 0, at, QStringLiteral("rn"));
            t.update(at);
        };
        // Stable for 4 h: no trend, no deterioration.
        qint64 at = kT0;
        for (int m = 0; m <= 240; ++m, at += 60'000)
            feed(at, 16, 75, 97);
        QCOMPARE(t.last().trend, 0);
        QVERIFY(t.deterioration(at).isEmpty());
        // Slow decline over 4 h: RR 16 -> 22 (+2), HR 75 -> 100 (+1), SpO2 97 -> 93 (+2).
        for (int m = 0; m <= 240; ++m, at += 60'000)
            feed(at, 16 + 6.0 * m / 240, 75 + 25.0 * m / 240, 97 - 4.0 * m / 240);
        QCOMPARE(t.last().trend, 1);
        const QString ev = t.deterioration(at);
        QVERIFY2(ev.contains(QStringLiteral("NEWS2")), qPrintable(ev));
        QVERIFY2(ev.contains(QStringLiteral("HR")), qPrintable(ev));
        QVERIFY2(ev.contains(QStringLiteral("SpO2")), qPrintable(ev));
    }

    // Simulated patients, minute by minute (monitor RR, SpO2, HR every minute, NIBP every 15 min, temperature
    // every hour, ACVPU/O2 charted every 4 h), with measurement noise: a slow decline raises the
    // deterioration advisory before the first default adult limit alarm; stable patients over 24 h raise
    // none.
    void deteriorationBeforeLimitsAndNoFalseAdvisories()
    {
        const alarms::AlarmConfig alarmCfg;
        auto lim = [&](NumericId id) { return alarmCfg.defaultLimit(PatientProfile::Adult, id); };
        struct Vitals
        {
            double rr, spo2, hr, sbp, temp;
        };
        // Returns minutes to the first advisory and to the first limit violation (-1: none).
        auto run = [&](int minutes, quint32 seed, auto vitalsAt, int *advisoryMinutes) {
            News2Tracker t;
            QRandomGenerator rng(seed);
            auto noise = [&](double sd) {
                return sd * (rng.generateDouble() + rng.generateDouble() + rng.generateDouble() - 1.5) * 2.0;
            };
            int firstAdvisory = -1, firstLimit = -1;
            *advisoryMinutes = 0;
            for (int m = 0; m < minutes; ++m) {
                const qint64 at = kT0 + qint64(m) * 60'000;
                const Vitals v = vitalsAt(m);
                const double rr = std::round(v.rr + noise(1.0)),
                             spo2 = std::round(std::min(100.0, v.spo2 + noise(0.7)));
                const double hr = std::round(v.hr + noise(2.5));
                t.onNumeric(NumericId::Rr, rr, at);
                t.onNumeric(NumericId::SpO2, spo2, at);
                t.onNumeric(NumericId::Hr, hr, at);
                if (m % 15 == 0)
                    t.onNumeric(NumericId::NibpSys, std::round(v.sbp + noise(5)), at);
                if (m % 60 == 0)
                    t.onNumeric(NumericId::Temp, v.temp + noise(0.1), at);
                if (m % 240 == 0) {
                    t.enter(NewsParam::Consciousness, 0, at, QStringLiteral("rn"));
                    t.enter(NewsParam::Oxygen, 0, at, QStringLiteral("rn"));
                }
                t.update(at);
                const QString evidence = t.deterioration(at);
                const bool adv = !evidence.isEmpty();
                if (adv && firstAdvisory < 0)
                    qInfo("seed %u minute %d: %s", seed, m, qPrintable(evidence));
                *advisoryMinutes += adv ? 1 : 0;
                if (adv && firstAdvisory < 0)
                    firstAdvisory = m;
                const bool violates = hr > lim(NumericId::Hr).high || spo2 < lim(NumericId::SpO2).low ||
                                      rr > lim(NumericId::Rr).high;
                if (violates && firstLimit < 0)
                    firstLimit = m;
            }
            return std::pair{firstAdvisory, firstLimit};
        };
        // Slow declines over 8 h (sepsis-like: HR and RR up, SpO2 and BP down, temperature up).
        for (quint32 seed = 1; seed <= 5; ++seed) {
            int advMin = 0;
            const auto [adv, limit] = run(
                8 * 60, seed,
                [](int m) {
                    const double f = m / 480.0;
                    return Vitals{15 + 14 * f, 97 - 9 * f, 72 + 60 * f, 128 - 35 * f, 37.0 + 1.6 * f};
                },
                &advMin);
            qInfo("slow decline seed %u: advisory at %d min, first limit alarm at %d min (HR > %.0f, SpO2 < "
                  "%.0f, RR > %.0f)",
                  seed, adv, limit, lim(NumericId::Hr).high, lim(NumericId::SpO2).low,
                  lim(NumericId::Rr).high);
            QVERIFY(adv >= 0);
            QVERIFY2(limit < 0 || adv < limit, "the advisory came after the first limit alarm");
        }
        // Stable patients, 24 h each: count advisory minutes and episodes.
        int falseMinutes = 0, patientsWithAdvisory = 0;
        const int patients = 20;
        for (quint32 seed = 100; seed < 100 + patients; ++seed) {
            int advMin = 0;
            QRandomGenerator base(seed);
            const double hr0 = 60 + base.bounded(30), rr0 = 12 + base.bounded(6), sp0 = 95 + base.bounded(4);
            // A slow circadian swing (HR +-6, RR +-1) on top of the measurement noise.
            run(
                24 * 60, seed,
                [&](int m) {
                    const double c = std::sin(2 * M_PI * m / 1440.0);
                    return Vitals{rr0 + c, sp0, hr0 + 6 * c, 125 + 5 * c, 36.8 + 0.2 * c};
                },
                &advMin);
            falseMinutes += advMin;
            patientsWithAdvisory += advMin > 0 ? 1 : 0;
        }
        qInfo("stable patients: %d of %d raised a deterioration advisory in 24 h (%d advisory minutes of %d)",
              patientsWithAdvisory, patients, falseMinutes, patients * 24 * 60);
        QCOMPARE(patientsWithAdvisory, 0);
    }
};

VIGIL_TEST_GUILESS_MAIN(TstNews2)
#include "tst_news2.moc"
