// The engine's condition delay for derived conditions (NEWS2 thresholds, central ECG calls): configured in
// [alarms.delay] by code, it applies as for a numeric limit — the condition must be present that long,
// continuously; the alarm starts on the exact deadline even when the caller says nothing more (NEWS2 calls
// only on a change); a gap restarts the delay; without a delay the condition is raised at once.
#include "AlarmSim.h"

#include <QTest>

using namespace vigil;
using namespace vigil::alarms;
using namespace vigil::alarms::test;

namespace {
const QString A = QStringLiteral("ICU^1^A");

AlarmConfig withDelays()
{
    AlarmConfig c;
    c.alertManagerAvailable = false;
    if (!applyAlarmConfigKey(c, QStringLiteral("alarms.delay"), QStringLiteral("news2_high"), 20).isEmpty())
        qFatal("news2_high delay refused");
    if (!applyAlarmConfigKey(c, QStringLiteral("alarms.delay"), QStringLiteral("ecg_vtach"), 5).isEmpty())
        qFatal("ecg_vtach delay refused");
    return c;
}

void news2(AlarmSim &s, bool on)
{
    s.engine.onDerivedCondition(A, QStringLiteral("news2_high"), QStringLiteral("NEWS2 7 (high)"),
                                Kind::Physiological, Priority::High, on, 7, {}, s.now);
}
} // namespace

class TestDerivedDelay : public QObject
{
    Q_OBJECT
private slots:
    void configKeys()
    {
        AlarmConfig c;
        QVERIFY(
            applyAlarmConfigKey(c, QStringLiteral("alarms.delay"), QStringLiteral("ecg_pause"), 3).isEmpty());
        QCOMPARE(c.derivedDelayMs.value(QStringLiteral("ecg_pause")), qint64(3000));
        QVERIFY(!applyAlarmConfigKey(c, QStringLiteral("alarms.delay"), QStringLiteral("ecg_pause"), -1)
                     .isEmpty());
        QVERIFY(
            !applyAlarmConfigKey(c, QStringLiteral("alarms.delay"), QStringLiteral("bogus"), 3).isEmpty());
        // A numeric key still sets the numeric's rule.
        QVERIFY(applyAlarmConfigKey(c, QStringLiteral("alarms.delay"), QStringLiteral("spo2"), 15).isEmpty());
        QCOMPARE(c.rule(NumericId::SpO2).delayMs, qint64(15000));
    }

    void delayElapsesOnItsDeadline()
    {
        AlarmSim s(withDelays());
        news2(s, true); // said once, as NEWS2 does on a change
        s.advanceTo(kT0 + 19999);
        QVERIFY(!s.find(A, QStringLiteral("news2_high")));
        s.advanceTo(kT0 + 20000);
        const AlarmCondition *c = s.find(A, QStringLiteral("news2_high"));
        QVERIFY(c);
        QCOMPARE(c->startMs, kT0 + 20000);
        QCOMPARE(c->priority, Priority::High);
        QCOMPARE(c->state, State::Active);
    }

    void gapRestartsTheDelay()
    {
        AlarmSim s(withDelays());
        news2(s, true);
        s.advanceTo(kT0 + 10000);
        news2(s, false); // the score fell back before the delay was over: no alarm
        s.advanceTo(kT0 + 12000);
        news2(s, true);
        s.advanceTo(kT0 + 31999);
        QVERIFY(!s.find(A, QStringLiteral("news2_high"), false));
        s.advanceTo(kT0 + 32000);
        const AlarmCondition *c = s.find(A, QStringLiteral("news2_high"));
        QVERIFY(c);
        QCOMPARE(c->startMs, kT0 + 32000);
    }

    void levelTriggeredCallerEveryQuarterSecond()
    {
        // The ECG wiring says the state after every drain (250 ms).
        AlarmSim s(withDelays());
        for (qint64 t = kT0; t <= kT0 + 6000; t += 250) {
            s.advanceTo(t);
            s.engine.onDerivedCondition(A, QStringLiteral("ecg_vtach"),
                                        QStringLiteral("VTach (central) HR 180"), Kind::Physiological,
                                        Priority::High, true, 180, {}, s.now);
            if (t < kT0 + 5000)
                QVERIFY2(!s.find(A, QStringLiteral("ecg_vtach")), qPrintable(QString::number(t - kT0)));
        }
        const AlarmCondition *c = s.find(A, QStringLiteral("ecg_vtach"));
        QVERIFY(c);
        QCOMPARE(c->startMs, kT0 + 5000);
    }

    void withoutDelayRaisedAtOnce()
    {
        AlarmSim s(withDelays());
        s.engine.onDerivedCondition(A, QStringLiteral("ecg_asystole"), QStringLiteral("Asystole (central)"),
                                    Kind::Physiological, Priority::High, true, 4, {}, s.now);
        const AlarmCondition *c = s.find(A, QStringLiteral("ecg_asystole"));
        QVERIFY(c);
        QCOMPARE(c->startMs, kT0);
    }
};

QTEST_GUILESS_MAIN(TestDerivedDelay)
#include "tst_derived_delay.moc"
