// The simulator's slow-decline scenarios (services/simulator: "sepsis", "resp_decline") drive NEWS2 a step
// at a time: the simulated bed's own numerics (RR, SpO2, HR, NIBP every 5 min, temperature), minute by
// minute, into the station's NEWS2 tracker with ACVPU "alert" and air charted every 4 h. Asserted: the score
// climbs through at least four levels to >= 7 (sepsis) / >= 5 (respiratory decline); the deterioration
// advisory comes before the first default adult limit alarm; the scenario parses and round-trips; a stable
// simulated bed raises no advisory (6 h each, 3 beds; the 24 h false-advisory figure is tst_news2's).
#include "AlarmConfig.h"
#include "News2.h"
#include "Physiology.h"

#include <QTest>

#include <set>

using namespace vigil;
using namespace vigil::scores;

namespace {
constexpr qint64 kT0 = 1'780'000'000'000;

struct Course
{
    std::vector<int> scoreByMinute; // -1 while incomplete
    int firstAdvisoryMin = -1, firstLimitMin = -1, firstVitalLimitMin = -1;
    QString firstEvidence, firstLimitWhat;
    int advisoryMinutes = 0;
};

Course run(const QString &script, std::uint64_t seed, int minutes)
{
    sim::PhysiologyParams params = sim::defaultParams(PatientProfile::Adult, seed);
    params.nibpCycleS = 300;
    const auto steps = sim::parseScenario(script.toStdString());
    if (!steps)
        qFatal("bad script");
    sim::BedPhysiology bed(params, seed, *steps);
    sim::PhysiologyOutput out;
    const alarms::AlarmConfig alarmCfg;
    auto lim = [&](NumericId id) { return alarmCfg.defaultLimit(PatientProfile::Adult, id); };
    Course c;
    News2Config cfg;
    cfg.deteriorationWindowS = 3600;
    News2Tracker t(cfg);
    for (int m = 0; m < minutes; ++m) {
        out.clear();
        bed.advanceTo(double(m + 1) * 60.0, out);
        const qint64 at = kT0 + qint64(m + 1) * 60'000;
        if (m % 240 == 0) {
            t.enter(NewsParam::Consciousness, 0, at, QStringLiteral("rn"));
            t.enter(NewsParam::Oxygen, 0, at, QStringLiteral("rn"));
        }
        for (const auto &n : out.numerics) {
            const qint64 nt = kT0 + qint64(n.timeS * 1000);
            t.onNumeric(n.id, n.value, nt);
            const alarms::Limits l = lim(n.id);
            const bool violates =
                (!std::isnan(l.low) && n.value < l.low) || (!std::isnan(l.high) && n.value > l.high);
            // NIBP diastolic/mean and the pressure lines have their own limits; every numeric counts.
            const bool vital = n.id == NumericId::Hr || n.id == NumericId::SpO2 || n.id == NumericId::Rr;
            if (violates && vital && c.firstVitalLimitMin < 0)
                c.firstVitalLimitMin = m;
            if (violates && c.firstLimitMin < 0) {
                c.firstLimitMin = m;
                c.firstLimitWhat = QStringLiteral("%1 %2")
                                       .arg(QString::fromLatin1(numericInfo(n.id).key.data(),
                                                                qsizetype(numericInfo(n.id).key.size())))
                                       .arg(n.value);
            }
        }
        const News2Snapshot &s = t.update(at);
        c.scoreByMinute.push_back(s.score.complete ? s.score.total : -1);
        const QString ev = t.deterioration(at);
        if (!ev.isEmpty()) {
            ++c.advisoryMinutes;
            if (c.firstAdvisoryMin < 0)
                c.firstAdvisoryMin = m, c.firstEvidence = ev;
        }
    }
    return c;
}

int levelsSeen(const Course &c)
{
    std::set<int> s;
    for (int v : c.scoreByMinute)
        if (v >= 0)
            s.insert(v);
    return int(s.size());
}

QString trace(const Course &c)
{
    // The score every 15 minutes.
    QStringList l;
    for (std::size_t m = 0; m < c.scoreByMinute.size(); m += 15)
        l << QString::number(c.scoreByMinute[m]);
    return l.join(QLatin1Char(' '));
}
} // namespace

class TstNews2Scenarios : public QObject
{
    Q_OBJECT
private slots:
    void parses()
    {
        std::string error;
        const auto s = sim::parseScenarioStep("sepsis@5m+2h", &error);
        QVERIFY2(s, error.c_str());
        QCOMPARE(s->kind, sim::ScenarioKind::Sepsis);
        QCOMPARE(s->startS, 300.0);
        QCOMPARE(s->durationS, 7200.0);
        QCOMPARE(sim::parseScenarioStep(sim::formatScenarioStep(*s))->durationS, 7200.0);
        QVERIFY(sim::parseScenarioStep("resp-decline@0+30m"));
        QVERIFY(!sim::parseScenarioStep("sepsis@0+30m=5")); // takes no value
    }

    void slowDecline_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("minScore");
        for (quint64 seed = 1; seed <= 2; ++seed) {
            QTest::addRow("sepsis over 2 h, seed %llu", seed) << QStringLiteral("sepsis@1h+2h") << seed << 7;
            QTest::addRow("respiratory decline over 2 h, seed %llu", seed)
                << QStringLiteral("resp_decline@1h+2h") << seed << 5;
        }
    }
    void slowDecline()
    {
        QFETCH(QString, script);
        QFETCH(quint64, seed);
        QFETCH(int, minScore);
        const Course c = run(script, seed, 4 * 60);
        qInfo(
            "%s seed %llu: NEWS2 every 15 min: %s; advisory at %d min (%s); first limit alarm at %d min (%s)",
            qPrintable(script), seed, qPrintable(trace(c)), c.firstAdvisoryMin, qPrintable(c.firstEvidence),
            c.firstLimitMin, qPrintable(c.firstLimitWhat));
        QVERIFY(c.scoreByMinute.back() >= minScore);
        QVERIFY(levelsSeen(c) >= 4);       // step by step, not a jump
        QVERIFY(c.firstAdvisoryMin >= 60); // not before the decline starts
        QVERIFY2(c.firstVitalLimitMin < 0 || c.firstAdvisoryMin < c.firstVitalLimitMin,
                 "the advisory came after the first limit alarm");
    }

    void stableBedsRaiseNone()
    {
        int minutes = 0, advisory = 0;
        for (quint64 seed = 11; seed <= 12; ++seed) {
            const Course c = run(QString(), seed, 6 * 60);
            minutes += int(c.scoreByMinute.size());
            advisory += c.advisoryMinutes;
            qInfo("stable seed %llu: NEWS2 every 15 min: %s", seed, qPrintable(trace(c)));
        }
        qInfo("stable simulated beds: %d advisory minutes of %d", advisory, minutes);
        QCOMPARE(advisory, 0);
    }
};

QTEST_GUILESS_MAIN(TstNews2Scenarios)
#include "tst_news2_scenarios.moc"
