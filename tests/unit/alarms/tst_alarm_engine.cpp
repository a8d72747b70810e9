// The alarm engine's rules, one test each, on a virtual clock: condition delay, hysteresis, latching,
// acknowledgement, audio pause and its expiry, alarm pause per bed, priority order, escalation timing,
// de-escalation, delivery failure, duplicate suppression, technical conditions, visual flash rules,
// limits and their audit, history and statistics.
#include "AlarmSim.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::alarms;
using namespace vigil::alarms::test;

namespace {
const QString A = QStringLiteral("ICU^1^A");
const QString B = QStringLiteral("ICU^1^B");
const QString Nurse = QStringLiteral("nurse.kim");
} // namespace

class TestAlarmEngine : public QObject
{
    Q_OBJECT
private slots:
    // --- item 1: limit checks ----------------------------------------------------------------------------
    // Each parameter's adult default limit, condition delay and priority (IEC 60601-1-8 table).
    void conditionDelayMustElapse_data()
    {
        QTest::addColumn<NumericId>("numeric");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("delayMs");
        QTest::addColumn<Priority>("priority");
        QTest::addColumn<double>("limit");
        QTest::newRow("SpO2 low") << NumericId::SpO2 << 85.0 << "spo2_low" << qint64(10000) << Priority::High
                                  << 90.0;
        QTest::newRow("HR high") << NumericId::Hr << 125.0 << "hr_high" << qint64(5000) << Priority::Medium
                                 << 120.0;
        QTest::newRow("HR low") << NumericId::Hr << 45.0 << "hr_low" << qint64(5000) << Priority::Medium
                                << 50.0;
        QTest::newRow("RR high") << NumericId::Rr << 35.0 << "rr_high" << qint64(10000) << Priority::Medium
                                 << 30.0;
        QTest::newRow("RR low") << NumericId::Rr << 5.0 << "rr_low" << qint64(10000) << Priority::High << 8.0;
        QTest::newRow("temperature high")
            << NumericId::Temp << 39.5 << "temp_high" << qint64(10000) << Priority::Low << 38.5;
    }
    void conditionDelayMustElapse()
    {
        QFETCH(NumericId, numeric);
        QFETCH(double, value);
        QFETCH(QString, code);
        QFETCH(qint64, delayMs);
        QFETCH(Priority, priority);
        QFETCH(double, limit);
        AlarmSim s;
        s.feed(A, numeric, value);
        s.advanceTo(kT0 + delayMs - 1);
        QVERIFY(!s.find(A, code));
        s.advanceTo(kT0 + delayMs);
        const AlarmCondition *c = s.find(A, code);
        QVERIFY(c);
        QCOMPARE(c->startMs, kT0 + delayMs);
        QCOMPARE(c->priority, priority);
        QCOMPARE(c->kind, Kind::Physiological);
        QCOMPARE(c->state, State::Active);
        QCOMPARE(c->value, value);
        QCOMPARE(c->limit, limit);
        QCOMPARE(c->origin, Origin::StationLimit);
    }

    void conditionDelayRestartsWhenValueRecovers()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 85);
        s.advanceTo(kT0 + 6000);
        s.feed(A, NumericId::SpO2, 93); // one good reading: a transient, not a desaturation
        s.advanceTo(kT0 + 7000);
        s.feed(A, NumericId::SpO2, 85);
        s.advanceTo(kT0 + 16999);
        QVERIFY(!s.find(A, "spo2_low"));
        s.advanceTo(kT0 + 17000);
        QVERIFY(s.find(A, "spo2_low"));
    }

    void conditionDelayEndsBetweenSamples()
    {
        AlarmSim s;
        s.engine.onNumeric(A, PatientProfile::Adult, {NumericId::SpO2, 85, s.now});
        QCOMPARE(s.engine.nextDeadlineMs(), kT0 + 10000); // a timer armed here meets the delay exactly
        s.now = kT0 + 9999;
        s.engine.evaluate(s.now);
        QVERIFY(!s.find(A, "spo2_low"));
        s.now = kT0 + 10000;
        s.engine.evaluate(s.now);
        QVERIFY(s.find(A, "spo2_low"));
    }

    // HR 50-120, hysteresis 5, delay 5 s: back inside the limit, but not by the hysteresis, the alarm stays.
    void hysteresis_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("onset");
        QTest::addColumn<QList<double>>("holding");
        QTest::addColumn<double>("clearing");
        QTest::newRow("high side") << "hr_high" << 125.0 << QList<double>{119, 116} << 115.0;
        QTest::newRow("low side") << "hr_low" << 45.0 << QList<double>{54} << 55.0;
    }
    void hysteresis()
    {
        QFETCH(QString, code);
        QFETCH(double, onset);
        QFETCH(QList<double>, holding);
        QFETCH(double, clearing);
        AlarmSim s;
        s.feed(A, NumericId::Hr, onset);
        s.advance(5000);
        const AlarmCondition *c = s.find(A, code);
        QVERIFY(c);
        const QString id = c->id;
        for (double v : holding) {
            s.feed(A, NumericId::Hr, v);
            QCOMPARE(s.engine.condition(id)->state, State::Active);
            QCOMPARE(s.engine.condition(id)->current, v);
            s.advance(3000);
            QCOMPARE(s.engine.condition(id)->state, State::Active);
        }
        s.feed(A, NumericId::Hr, clearing);
        QCOMPARE(s.engine.condition(id)->state, State::Inactive); // MEDIUM does not latch
        QCOMPARE(s.engine.condition(id)->endMs, s.now);
        QCOMPARE(s.engine.condition(id)->worst, onset);
    }

    void profileDefaultsDiffer()
    {
        AlarmSim s;
        QCOMPARE(s.engine.limits(A, NumericId::Hr), (Limits{50, 120}));
        s.engine.setBed(B, QStringLiteral("Cot 2"), PatientProfile::Neonatal);
        QCOMPARE(s.engine.limits(B, NumericId::Hr), (Limits{100, 200}));
        QCOMPARE(s.engine.limits(B, NumericId::SpO2).high, 98.0);
        // HR 150 is normal for a neonate, a tachycardia for an adult.
        s.feed(A, NumericId::Hr, 150);
        s.feed(B, NumericId::Hr, 150, PatientProfile::Neonatal);
        s.advance(6000);
        QVERIFY(s.find(A, "hr_high"));
        QVERIFY(!s.find(B, "hr_high"));
        const AlarmConfig c;
        QCOMPARE(c.defaultLimit(PatientProfile::Paediatric, NumericId::Rr), (Limits{12, 40}));
    }

    void profileChangeResetsLimits()
    {
        AlarmSim s;
        QVERIFY(s.engine.setLimit(A, NumericId::Hr, 40, 110, Nurse));
        s.engine.onNumeric(A, PatientProfile::Paediatric, {NumericId::Hr, 100, s.now});
        QCOMPARE(s.engine.limits(A, NumericId::Hr), (Limits{70, 160}));
        QCOMPARE(s.engine.auditLog().back().action, QStringLiteral("default_limits"));
    }

    void limitChangeIsAuditedAndApplies()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 115);
        s.advance(6000);
        QVERIFY(!s.find(A, "hr_high"));
        QString error;
        QVERIFY(!s.engine.setLimit(A, NumericId::Hr, 120, 110, Nurse, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(s.engine.auditLog().empty());
        QVERIFY(s.engine.setLimit(A, NumericId::Hr, 50, 110, Nurse));
        QCOMPARE(s.engine.auditLog().size(), std::size_t(1));
        const AuditEntry &e = s.engine.auditLog().back();
        QCOMPARE(e.user, Nurse);
        QCOMPARE(e.action, QStringLiteral("set_limit"));
        QCOMPARE(e.bedKey, A);
        QCOMPARE(e.detail, QStringLiteral("hr 50-120 -> 50-110"));
        QCOMPARE(e.timeMs, s.now);
        // The delay runs from the change.
        const qint64 changed = s.now;
        s.advanceTo(changed + 4999);
        QVERIFY(!s.find(A, "hr_high"));
        s.advanceTo(changed + 5000);
        QVERIFY(s.find(A, "hr_high"));
        QCOMPARE(s.find(A, "hr_high")->limit, 110.0);
        // Turning the side off ends the alarm.
        QVERIFY(s.engine.setLimit(A, NumericId::Hr, 50, std::nan(""), Nurse));
        QVERIFY(!s.find(A, "hr_high"));
        QCOMPARE(s.engine.auditLog().back().detail, QStringLiteral("hr 50-110 -> 50-off"));
        s.engine.restoreDefaultLimits(A, Nurse);
        QCOMPARE(s.engine.limits(A, NumericId::Hr), (Limits{50, 120}));
    }

    // --- item 3: latching, acknowledge, reset -------------------------------------------------------------
    void highPhysiologicalLatchesUntilReset()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 85);
        s.advance(10000);
        const QString id = s.find(A, "spo2_low")->id;
        QVERIFY(s.engine.condition(id)->latching);
        s.feed(A, NumericId::SpO2, 96);
        const AlarmCondition *c = s.engine.condition(id);
        QCOMPARE(c->state, State::Latched);
        QCOMPARE(c->endMs, s.now);
        // Still signals, visually and audibly, after its cause ended.
        QCOMPARE(s.engine.bedPriority(A), Priority::High);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::High);
        s.advance(60000);
        QCOMPARE(s.engine.condition(id)->state, State::Latched);
        QVERIFY(!s.engine.reset(QStringLiteral("no-such-id"), Nurse));
        QVERIFY(s.engine.reset(id, Nurse));
        QCOMPARE(s.engine.condition(id)->state, State::Inactive);
        QCOMPARE(s.engine.condition(id)->resetBy, Nurse);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::None);
        QCOMPARE(s.engine.bedPriority(A), Priority::None);
        QCOMPARE(s.engine.auditLog().back().action, QStringLiteral("reset"));
    }

    void latchedConditionReactivatesOnRecurrence()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 85);
        s.advance(10000);
        const QString id = s.find(A, "spo2_low")->id;
        s.feed(A, NumericId::SpO2, 96);
        QCOMPARE(s.engine.condition(id)->state, State::Latched);
        s.feed(A, NumericId::SpO2, 84);
        s.advance(10000);
        QCOMPARE(s.engine.condition(id)->state, State::Active);
        QCOMPARE(s.countSignalling(A), 1);
    }

    void mediumDoesNotLatchButConfigCanMakeIt()
    {
        {
            AlarmSim s;
            s.feed(A, NumericId::Hr, 130);
            s.advance(5000);
            const QString id = s.find(A, "hr_high")->id;
            s.feed(A, NumericId::Hr, 100);
            QCOMPARE(s.engine.condition(id)->state, State::Inactive);
        }
        AlarmConfig cfg;
        cfg.latchByCode.insert(QStringLiteral("hr_high"), true);
        cfg.latching[static_cast<int>(Kind::Physiological)][static_cast<int>(Priority::High)] = false;
        AlarmSim s(cfg);
        s.feed(A, NumericId::Hr, 130);
        s.advance(5000);
        const QString id = s.find(A, "hr_high")->id;
        s.feed(A, NumericId::Hr, 100);
        QCOMPARE(s.engine.condition(id)->state, State::Latched);
        s.feed(A, NumericId::SpO2, 85);
        s.advance(10000);
        const QString spo2 = s.find(A, "spo2_low")->id;
        s.feed(A, NumericId::SpO2, 97);
        QCOMPARE(s.engine.condition(spo2)->state, State::Inactive);
    }

    void acknowledgedLatchingAlarmEndsWithItsCause()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 85);
        s.advance(10000);
        const QString id = s.find(A, "spo2_low")->id;
        QVERIFY(s.engine.acknowledge(id, Nurse));
        s.feed(A, NumericId::SpO2, 96);
        QCOMPARE(s.engine.condition(id)->state, State::Inactive); // already seen: nothing left to latch
        // Acknowledging a latched one resets it.
        s.feed(A, NumericId::SpO2, 84);
        s.advance(10000);
        const QString id2 = s.find(A, "spo2_low")->id;
        s.feed(A, NumericId::SpO2, 96);
        QCOMPARE(s.engine.condition(id2)->state, State::Latched);
        QVERIFY(s.engine.acknowledge(id2, Nurse));
        QCOMPARE(s.engine.condition(id2)->state, State::Inactive);
        QCOMPARE(s.engine.condition(id2)->resetBy, Nurse);
    }

    void acknowledgeSilencesOnlyThatCondition()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 130);
        s.feed(A, NumericId::Rr, 35);
        s.advance(10000);
        const QString hr = s.find(A, "hr_high")->id;
        const QString rr = s.find(A, "rr_high")->id;
        QVERIFY(s.engine.acknowledge(hr, Nurse));
        QVERIFY(!s.engine.acknowledge(hr, Nurse)); // twice is a no-op
        const AlarmCondition *c = s.engine.condition(hr);
        QVERIFY(c->acknowledged);
        QCOMPARE(c->acknowledgedBy, Nurse);
        QCOMPARE(c->acknowledgedMs, s.now);
        // The other condition still sounds; the acknowledged one is still shown.
        QCOMPARE(s.engine.audio().pattern, AudioPattern::Medium);
        QCOMPARE(s.engine.audio().alarmId, rr);
        QCOMPARE(s.engine.bedPriority(A), Priority::Medium);
        QCOMPARE(s.engine.bedStatus(A).signalling, 2);
        QVERIFY(s.engine.acknowledge(rr, Nurse));
        QCOMPARE(s.engine.audio().pattern, AudioPattern::None);
        QCOMPARE(s.engine.bedPriority(A), Priority::Medium); // visual stays while the cause lasts
    }

    void acknowledgeBedLeavesOtherBeds()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 130);
        s.feed(A, NumericId::Rr, 35);
        s.feed(B, NumericId::Hr, 130);
        s.advance(10000);
        QCOMPARE(s.engine.acknowledgeBed(A, Nurse), 2);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::Medium);
        QCOMPARE(s.engine.audio().alarmId, s.find(B, "hr_high")->id);
        QCOMPARE(s.engine.auditLog().back().action, QStringLiteral("acknowledge_bed"));
    }

    // --- item 3: priority order
    // -----------------------------------------------------------------------------
    void onlyHighestPrioritySounds()
    {
        AlarmSim s;
        s.feed(A, NumericId::Temp, 39.5); // LOW
        s.advance(10000);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::Low);
        s.feed(B, NumericId::Hr, 130); // MEDIUM
        s.advance(5000);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::Medium);
        QCOMPARE(s.engine.highestPriority(), Priority::Medium);
        s.feed(A, NumericId::SpO2, 80); // HIGH
        s.advance(10000);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::High);
        QCOMPARE(s.engine.audio().priority, Priority::High);
        QCOMPARE(s.engine.highestPriority(), Priority::High);
        QCOMPARE(s.engine.bedPriority(A), Priority::High);
        QCOMPARE(s.engine.bedPriority(B), Priority::Medium);
        QVERIFY(s.engine.acknowledge(s.find(A, "spo2_low")->id, Nurse));
        QCOMPARE(s.engine.audio().pattern, AudioPattern::Medium);
    }

    void newAudibleConditionChangesGeneration()
    {
        AlarmSim s;
        s.feed(A, NumericId::Temp, 39.5);
        s.advance(10000);
        const quint64 g1 = s.engine.audio().generation;
        s.feed(B, NumericId::Temp, 39.5);
        s.advance(10000);
        QVERIFY(s.engine.audio().generation > g1); // the LOW tone plays once more for the new one
    }

    // --- item 3: audio pause and alarm pause
    // ------------------------------------------------------------------
    void audioPauseIsTimeLimited()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 130);
        s.advance(5000);
        QVERIFY(s.engine.pauseAudio(Nurse));
        AudioDecision a = s.engine.audio();
        QCOMPARE(a.pattern, AudioPattern::None);
        QVERIFY(a.paused);
        QCOMPARE(a.pauseRemainingS, 120);
        const qint64 paused = s.now;
        s.advanceTo(paused + 30000);
        QCOMPARE(s.engine.audio().pauseRemainingS, 90);
        s.advanceTo(paused + 119999);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::None);
        QCOMPARE(s.engine.audio().pauseRemainingS, 1);
        s.advanceTo(paused + 120000);
        QVERIFY(!s.engine.audio().paused);
        // Audio pause is not an acknowledgement: the alarm kept escalating (60 s) while silent.
        QCOMPARE(s.engine.audio().pattern, AudioPattern::MediumEscalated);
        QCOMPARE(s.engine.auditLog().back().action, QStringLiteral("audio_pause"));
    }

    void audioPauseRespectsConfiguredMaximum_data()
    {
        QTest::addColumn<int>("requestedS");
        QTest::addColumn<int>("expectedS");
        QTest::newRow("longer than the maximum: clamped") << 900 << 180;
        QTest::newRow("within the maximum") << 60 << 60;
        QTest::newRow("exactly the maximum") << 180 << 180;
        QTest::newRow("none asked: the default") << 0 << 120;
    }
    void audioPauseRespectsConfiguredMaximum()
    {
        QFETCH(int, requestedS);
        QFETCH(int, expectedS);
        AlarmConfig cfg;
        cfg.audioPauseMaxMs = 180000;
        AlarmSim s(cfg);
        QVERIFY(s.engine.pauseAudio(Nurse, requestedS));
        QCOMPARE(s.engine.audio().pauseRemainingS, expectedS);
        s.engine.cancelAudioPause(Nurse);
        QVERIFY(!s.engine.audio().paused);
    }

    void audioPauseNeverHidesVisual()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 80);
        s.advance(10000);
        s.engine.pauseAudio(Nurse);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::None);
        QCOMPARE(s.engine.highestPriority(), Priority::High);
        QCOMPARE(s.engine.bedPriority(A), Priority::High);
        QCOMPARE(s.countSignalling(A), 1);
        QVERIFY(!s.find(A, "spo2_low")->acknowledged);
    }

    void higherPriorityBreaksThroughAudioPause()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 130); // MEDIUM sounding
        s.advance(5000);
        s.engine.pauseAudio(Nurse);
        QCOMPARE(s.engine.audio().pausedPriority, Priority::Medium);
        s.feed(B, NumericId::Rr, 35); // a new MEDIUM: paused like the first
        s.advance(10000);
        QVERIFY(s.find(B, "rr_high"));
        QCOMPARE(s.engine.audio().pattern, AudioPattern::None);
        s.feed(B, NumericId::SpO2, 82); // a new HIGH: sounds anyway
        s.advance(10000);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::High);
        QCOMPARE(s.engine.audio().alarmId, s.find(B, "spo2_low")->id);
        QVERIFY(s.engine.audio().paused);
    }

    void alarmPausePerBedIsTimeLimited()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 130);
        s.feed(B, NumericId::Rr, 35);
        s.advance(10000);
        QVERIFY(s.engine.pauseAlarms(A, Nurse));
        const qint64 pauseStart = s.now;
        QVERIFY(!s.engine.pauseAlarms(QStringLiteral("nobody"), Nurse));
        BedAlarmStatus st = s.engine.bedStatus(A);
        QVERIFY(st.alarmPaused);
        QCOMPARE(st.alarmPauseEndsMs, s.now + 120000);
        QCOMPARE(s.engine.bedPriority(A), Priority::None);
        QCOMPARE(s.engine.bedPriority(B), Priority::Medium); // other beds unaffected
        QCOMPARE(s.engine.audio().alarmId, s.find(B, "rr_high")->id);
        bool flagged = false;
        for (const AlarmCondition &c : s.engine.conditions())
            flagged = flagged || (c.bedKey == A && c.alarmPaused);
        QVERIFY(flagged);
        s.engine.acknowledgeBed(B, Nurse);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::None);
        // A new condition on the paused bed is recorded but does not signal.
        s.feed(A, NumericId::SpO2, 80);
        s.advance(15000);
        QVERIFY(s.find(A, "spo2_low"));
        QCOMPARE(s.engine.audio().pattern, AudioPattern::None);
        s.advanceTo(pauseStart + 119999);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::None);
        s.advanceTo(pauseStart + 120000);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::High);
        QVERIFY(!s.engine.bedStatus(A).alarmPaused);
    }

    void escalationRestartsAfterAlarmPause()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 130);
        s.advance(5000);
        s.engine.pauseAlarms(A, Nurse, 30);
        const qint64 resume = s.now + 30000;
        s.advanceTo(resume + 59999);
        QVERIFY(!s.find(A, "hr_high")->escalated); // MEDIUM escalates after 60 s of signalling
        s.advanceTo(resume + 60000);
        QVERIFY(s.find(A, "hr_high")->escalated);
    }

    // --- item 4: escalation
    // -----------------------------------------------------------------------------------
    void escalationTiersAtConfiguredDelays()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 80);
        s.advance(10000);
        const AlarmCondition *c = s.find(A, "spo2_low");
        const qint64 start = c->signalSinceMs;
        const QString id = c->id;
        s.advanceTo(start + 19999, 50);
        QCOMPARE(c->escalationTier, 0);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::High);
        QVERIFY(!s.engine.anyEscalated());
        s.advanceTo(start + 20000, 50);
        QCOMPARE(c->escalationTier, 1);
        QVERIFY(c->escalated);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::HighEscalated);
        QVERIFY(s.engine.anyEscalated());
        QVERIFY(s.engine.takeEscalationActions().empty());
        s.advanceTo(start + 39999, 50);
        QVERIFY(!s.engine.hasEscalationActions());
        s.advanceTo(start + 40000, 50);
        const auto actions = s.engine.takeEscalationActions();
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].type, EscalationAction::Type::Escalate);
        QCOMPARE(actions[0].alarmId, id);
        QCOMPARE(actions[0].dueMs, start + 40000);
        QCOMPARE(actions[0].timeMs, start + 40000);
        QCOMPARE(actions[0].condition.bedKey, A);
        QCOMPARE(actions[0].condition.parameter, std::optional<NumericId>(NumericId::SpO2));
        QVERIFY(c->sentToAlertManager);
        QCOMPARE(c->delivery, Delivery::Pending);
    }

    void escalationTimingErrorBoundedByTick_data()
    {
        QTest::addColumn<qint64>("tick");
        QTest::newRow("250 ms") << qint64(250);
        QTest::newRow("50 ms") << qint64(50);
    }
    void escalationTimingErrorBoundedByTick()
    {
        // Without deadline wake-ups the error is at most one tick.
        QFETCH(qint64, tick);
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 80);
        s.advanceTo(kT0 + 10000, tick, false);
        const AlarmCondition *c = s.find(A, "spo2_low");
        QVERIFY(c);
        s.advanceTo(c->signalSinceMs + 45000, tick, false);
        const auto actions = s.engine.takeEscalationActions();
        QCOMPARE(actions.size(), std::size_t(1));
        QVERIFY(actions[0].timeMs - actions[0].dueMs < tick);
    }

    void pcd05RepliesShownOnAlarm()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 80);
        s.advance(10000);
        const AlarmCondition *c = s.find(A, "spo2_low");
        s.advance(40000);
        QVERIFY(c->sentToAlertManager);
        s.engine.onAlertManagerResult(c->id, Delivery::Delivered, QStringLiteral("Delivered"));
        QCOMPARE(c->delivery, Delivery::Delivered);
        s.engine.onAlertManagerResult(c->id, Delivery::Accepted, QStringLiteral("Accepted by RN 12"));
        QCOMPARE(c->delivery, Delivery::Accepted);
        s.engine.onAlertManagerResult(c->id, Delivery::Read); // late and weaker: ignored
        QCOMPARE(c->delivery, Delivery::Accepted);
        QCOMPARE(c->deliveryText, QStringLiteral("Accepted by RN 12"));
        s.advance(30000); // no delivery timeout once answered
        QVERIFY(!s.find({}, tech::AlertManagerFailed));
    }

    // An escalated alarm sent to the alert manager is withdrawn there when a nurse acknowledges it
    // (DeEscalate) or its cause ends (End); an ended HIGH latches, so its local signal goes on.
    void deEscalation_data()
    {
        QTest::addColumn<bool>("acknowledge");
        QTest::addColumn<EscalationAction::Type>("type");
        QTest::addColumn<State>("state");
        QTest::addColumn<AudioPattern>("pattern");
        QTest::newRow("acknowledged")
            << true << EscalationAction::Type::DeEscalate << State::Active << AudioPattern::None;
        QTest::newRow("cause ended") << false << EscalationAction::Type::End << State::Latched
                                     << AudioPattern::High;
    }
    void deEscalation()
    {
        QFETCH(bool, acknowledge);
        QFETCH(EscalationAction::Type, type);
        QFETCH(State, state);
        QFETCH(AudioPattern, pattern);
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 80);
        s.advance(10000);
        const AlarmCondition *c = s.find(A, "spo2_low");
        s.advance(40000);
        QVERIFY(c->sentToAlertManager);
        s.engine.takeEscalationActions();
        if (acknowledge)
            QVERIFY(s.engine.acknowledge(c->id, Nurse));
        else
            s.feed(A, NumericId::SpO2, 97);
        QCOMPARE(c->state, state);
        const auto actions = s.engine.takeEscalationActions();
        QCOMPARE(actions.size(), std::size_t(1));
        QCOMPARE(actions[0].type, type);
        QCOMPARE(actions[0].alarmId, c->id);
        QCOMPARE(actions[0].condition.acknowledged, acknowledge);
        QCOMPARE(c->escalationTier, 0);
        QVERIFY(!c->escalated);
        QVERIFY(!s.engine.anyEscalated());
        QCOMPARE(s.engine.audio().pattern, pattern);
        s.advance(120000);
        QVERIFY(s.engine.takeEscalationActions().empty()); // never escalates again
    }

    // IHE ACM: no notification black holes. A failed send, or no reply within the delivery timeout (10 s),
    // is a technical alarm at the station; a later successful delivery ends it.
    void deliveryFailureIsATechnicalAlarm_data()
    {
        QTest::addColumn<bool>("refused");
        QTest::addColumn<QString>("why");
        QTest::newRow("send failed") << true << "connection refused";
        QTest::newRow("no reply") << false << "no reply";
    }
    void deliveryFailureIsATechnicalAlarm()
    {
        QFETCH(bool, refused);
        QFETCH(QString, why);
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 80);
        s.advance(10000);
        const AlarmCondition *c = s.find(A, "spo2_low");
        const qint64 sent = c->signalSinceMs + 40000;
        s.advanceTo(sent);
        QCOMPARE(c->delivery, Delivery::Pending);
        if (refused) {
            s.engine.onAlertManagerResult(c->id, Delivery::Failed, why);
        } else {
            s.advanceTo(sent + 9999);
            QVERIFY(!s.find({}, tech::AlertManagerFailed));
            s.advanceTo(sent + 10000);
        }
        QCOMPARE(c->delivery, Delivery::Failed);
        const AlarmCondition *f = s.find({}, tech::AlertManagerFailed);
        QVERIFY(f);
        QCOMPARE(f->kind, Kind::Technical);
        QCOMPARE(f->priority, Priority::Medium);
        QVERIFY2(f->text.contains(why), qPrintable(f->text));
        s.engine.onAlertManagerResult(c->id, Delivery::Delivered);
        QVERIFY(!s.find({}, tech::AlertManagerFailed));
    }

    // --- item 1: gateway alarms and duplicate suppression
    // ---------------------------------------------------------
    void gatewayAlarmLifecycle()
    {
        AlarmSim s;
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1"), A, Phase::Start, 135));
        const AlarmCondition *c = s.findGateway(A, "hr_high");
        QVERIFY(c);
        QCOMPARE(c->origin, Origin::Gateway);
        QCOMPARE(c->gatewayAlarmId, QStringLiteral("G1"));
        QCOMPARE(c->parameter, std::optional<NumericId>(NumericId::Hr));
        QCOMPARE(c->direction, Direction::High);
        QCOMPARE(c->limit, 120.0);
        QCOMPARE(c->text, QStringLiteral("HR high")); // the station's words, not the device's "HR HIGH"
        s.now += 1000;
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1"), A, Phase::Continue, 142));
        QCOMPARE(c->current, 142.0);
        QCOMPARE(c->value, 135.0);
        QCOMPARE(c->worst, 142.0);
        auto upd = gatewayHrHigh(QStringLiteral("G1"), A, Phase::Update, 150);
        upd.priority = Priority::High;
        s.engine.onGatewayAlarm(upd);
        QCOMPARE(c->priority, Priority::High);
        QCOMPARE(s.engine.audio().pattern, AudioPattern::High);
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1"), A, Phase::Escalate, 150));
        QVERIFY(c->gatewayEscalated);
        QCOMPARE(s.countSignalling(A), 1);
        auto end = gatewayHrHigh(QStringLiteral("G1"), A, Phase::End, 110);
        end.priority = Priority::High;
        end.state = ReportedState::Latched;
        s.engine.onGatewayAlarm(end);
        QCOMPARE(c->state, State::Latched);
        // The bedside resets it.
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1"), A, Phase::End, 100));
        QCOMPARE(c->state, State::Inactive);
        QCOMPARE(c->resetBy, QStringLiteral("bedside"));
        // An end for an alarm never seen starting is not shown.
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G9"), A, Phase::End, 100));
        QCOMPARE(s.countSignalling(), 0);
    }

    void gatewayTPointAndBedsideAcknowledge()
    {
        AlarmSim s;
        auto tp = gatewayHrHigh(QStringLiteral("G2"), A, Phase::TPoint, 180);
        tp.priority = Priority::High; // e.g. a VTach run: over as soon as it is reported
        s.engine.onGatewayAlarm(tp);
        const AlarmCondition *c = s.findGateway(A, "hr_high");
        QVERIFY(c);
        QCOMPARE(c->state, State::Latched); // HIGH physiological latches, so the event is not missed
        auto start = gatewayHrHigh(QStringLiteral("G3"), B, Phase::Start);
        s.engine.onGatewayAlarm(start);
        auto acked = gatewayHrHigh(QStringLiteral("G3"), B, Phase::Continue);
        acked.inactivation = Inactivation::Acknowledged;
        s.engine.onGatewayAlarm(acked);
        QVERIFY(s.findGateway(B, "hr_high")->acknowledged);
        QCOMPARE(s.findGateway(B, "hr_high")->acknowledgedBy, QStringLiteral("bedside"));
    }

    void gatewayAlarmSuppressesStationDuplicate()
    {
        AlarmSim s;
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1"), A, Phase::Start));
        s.feed(A, NumericId::Hr, 135);
        s.advance(20000);
        QVERIFY(!s.findStation(A, "hr_high"));
        QCOMPARE(s.countSignalling(A), 1);
        // The device alarms on HR: its limits govern from now on. When its alarm ends the station does not
        // raise its own at its (different) limit: one alarm source per parameter.
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1"), A, Phase::End));
        s.advance(20000);
        QCOMPARE(s.countSignalling(A), 0);
        QVERIFY(s.engine.deviceGoverns(A, NumericId::Hr));
        QCOMPARE(s.engine.limits(A, NumericId::Hr).high, 120.0); // the device's, from its report
        // The other side of a device-alarmed parameter is the device's too.
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G4"), B, Phase::Start));
        s.feed(B, NumericId::Hr, 40);
        s.advance(6000);
        QVERIFY(!s.findStation(B, "hr_low"));
        // Parameters the device does not alarm on stay the station's.
        s.feed(B, NumericId::Temp, 39.5);
        s.advance(11000);
        QVERIFY(s.findStation(B, "temp_high"));
    }

    void restartedGatewayReportsTheSameConditionOnce()
    {
        AlarmSim s;
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1"), A, Phase::Start, 135));
        const QString id = s.findGateway(A, "hr_high")->id;
        QVERIFY(s.engine.acknowledge(id, QStringLiteral("nurse")));
        // The gateway died without ending G1, came back and reports the same alarm under a new id.
        s.advance(60000);
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1-after-restart"), A, Phase::Start, 140));
        QCOMPARE(s.countSignalling(A), 1);             // one condition, not two
        QCOMPARE(s.findGateway(A, "hr_high")->id, id); // the same entry, its history kept
        QVERIFY(s.findGateway(A, "hr_high")->acknowledged);
        QCOMPARE(s.findGateway(A, "hr_high")->current, 140.0);
        // Its end under the new id ends it.
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1-after-restart"), A, Phase::End, 100));
        QCOMPARE(s.countSignalling(A), 0);
    }

    void deviceLimitsFromNumericsGovern()
    {
        AlarmSim s;
        // PCD-01 OBX-7: the monitor alarms on SpO2 below 88.
        NumericSample spo2{NumericId::SpO2, 89, s.now};
        spo2.limitLow = 88;
        s.engine.onNumeric(A, PatientProfile::Adult, spo2);
        s.feed(A, NumericId::SpO2, 89); // later samples without OBX-7: the device still governs
        s.advance(30000);
        QVERIFY(!s.findStation(A, "spo2_low")); // 89 < the station's 90, but the device's 88 governs
        QVERIFY(s.engine.deviceGoverns(A, NumericId::SpO2));
        QCOMPARE(s.engine.limits(A, NumericId::SpO2).low, 88.0);
        QString why;
        QVERIFY(!s.engine.setLimit(A, NumericId::SpO2, 85, std::nan(""), QStringLiteral("nurse"), &why));
        QVERIFY(why.contains(QLatin1String("bedside")));
        // A station alarm raised before the device's limits were known ends, superseded.
        s.feed(B, NumericId::SpO2, 85);
        s.advance(11000);
        QVERIFY(s.findStation(B, "spo2_low"));
        NumericSample b{NumericId::SpO2, 85, s.now};
        b.limitLow = 80;
        s.engine.onNumeric(B, PatientProfile::Adult, b);
        QVERIFY(!s.findStation(B, "spo2_low"));
    }

    void gatewayAlarmSupersedesEarlierStationAlarm()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 135);
        s.advance(5000);
        const QString own = s.find(A, "hr_high")->id;
        s.engine.onGatewayAlarm(gatewayHrHigh(QStringLiteral("G1"), A, Phase::Start));
        const AlarmCondition *gw = s.findGateway(A, "hr_high");
        QCOMPARE(s.engine.condition(own)->state, State::Inactive);
        QCOMPARE(s.engine.condition(own)->supersededBy, gw->id);
        s.advance(10000);
        QCOMPARE(s.countSignalling(A), 1);
    }

    void gatewayTechnicalSuppressesDeviceCondition()
    {
        AlarmSim s;
        GatewayAlarmEvent e;
        e.sourceId = QStringLiteral("gw1");
        e.alarmId = QStringLiteral("L1");
        e.bedKey = A;
        e.eventCode = mdc::EvtLeadDisconn;
        e.eventRefId = QStringLiteral("MDC_EVT_LEAD_DISCONN");
        e.eventText = QStringLiteral("ECG LEADS OFF");
        e.phase = Phase::Start;
        e.state = ReportedState::Active;
        e.priority = Priority::Medium;
        e.kind = Kind::Technical;
        e.decideMeaning();
        QCOMPARE(e.technicalCode, tech::LeadOff);
        s.engine.onGatewayAlarm(e);
        s.engine.onDeviceConditions(
            A, {DeviceCondition{QStringLiteral("lead_off"), QStringLiteral("LEADS OFF"), true}});
        QCOMPARE(s.countSignalling(A), 1);
        QCOMPARE(s.find(A, tech::LeadOff)->origin, Origin::Gateway); // one condition, one code
        QCOMPARE(s.find(A, tech::LeadOff)->text, QStringLiteral("ECG lead off"));
        e.phase = Phase::End;
        e.state = ReportedState::Inactive;
        s.engine.onGatewayAlarm(e);
        QVERIFY(s.find(A, tech::LeadOff)); // the device still reports it: the station's own takes over
        s.engine.onDeviceConditions(A, {});
        QCOMPARE(s.countSignalling(A), 0);
    }

    // --- item 1: technical conditions
    // --------------------------------------------------------------------------
    void heartbeatWatchdogRaisesLinkDown()
    {
        AlarmSim s;
        GatewayAlarmEvent hb;
        hb.sourceId = QStringLiteral("gw1");
        hb.isHeartbeat = true;
        hb.confirmTimeoutS = 5;
        s.engine.onGatewayAlarm(hb);
        s.advanceTo(kT0 + 7000);
        QVERIFY(!s.find({}, tech::LinkDown));
        s.advanceTo(kT0 + 7001); // 5 s period + 2 s grace
        const AlarmCondition *c = s.find({}, tech::LinkDown);
        QVERIFY(c);
        QCOMPARE(c->sourceId, QStringLiteral("gw1"));
        QCOMPARE(c->priority, Priority::High);
        QCOMPARE(c->kind, Kind::Technical);
        s.engine.onGatewayAlarm(hb);
        QVERIFY(!s.find({}, tech::LinkDown));
        // The lead's own link report and the watchdog hold one condition together.
        s.engine.onTechnical(TechScope::Source, QStringLiteral("gw1"), tech::LinkDown,
                             QStringLiteral("closed"), true);
        s.advance(8000);
        s.engine.onTechnical(TechScope::Source, QStringLiteral("gw1"), tech::LinkDown, {}, false);
        QVERIFY(s.find({}, tech::LinkDown)); // watchdog still holds it
        s.engine.onGatewayAlarm(hb);
        QVERIFY(!s.find({}, tech::LinkDown));
    }

    void staleNumericRaisesTechnicalAlarm()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 97); // the bed's other data keeps flowing: HR alone stops
        s.engine.onNumeric(A, PatientProfile::Adult, {NumericId::Hr, 80, s.now});
        s.advanceTo(kT0 + 10000);
        QVERIFY(!s.find(A, "stale_hr"));
        s.advanceTo(kT0 + 10001);
        const AlarmCondition *c = s.find(A, "stale_hr");
        QVERIFY(c);
        QCOMPARE(c->priority, Priority::Low);
        QCOMPARE(c->text, QStringLiteral("HR: no current value"));
        s.engine.onNumeric(A, PatientProfile::Adult, {NumericId::Hr, 80, s.now});
        QVERIFY(!s.find(A, "stale_hr"));
        // NIBP is episodic: no stale alarm by default.
        s.engine.onNumeric(A, PatientProfile::Adult, {NumericId::NibpSys, 120, s.now});
        s.advance(1300000);
        QVERIFY(!s.find(A, "stale_nibp_sys"));
    }

    void staleNumericEndsItsLimitAlarm()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 97);
        s.feed(A, NumericId::Hr, 130);
        s.advance(6000);
        const QString id = s.find(A, "hr_high")->id;
        s.stopFeed(A, NumericId::Hr);
        s.advance(11000);
        QCOMPARE(s.engine.condition(id)->state, State::Inactive);
        QVERIFY(s.find(A, "stale_hr"));
    }

    void silentBedIsOneStoryNotOneConditionPerNumeric()
    {
        AlarmSim s;
        s.engine.setBed(A, QStringLiteral("Bed A"), PatientProfile::Adult, QStringLiteral("gw1"));
        auto normal = [](NumericId id) {
            return id == NumericId::SpO2     ? 97.0
                   : id == NumericId::Rr     ? 14.0
                   : id == NumericId::AbpSys ? 120.0
                                             : 80.0;
        };
        for (NumericId id : {NumericId::Hr, NumericId::SpO2, NumericId::Rr, NumericId::AbpSys})
            s.feed(A, id, normal(id));
        s.advance(5000);
        QCOMPARE(s.countSignalling(A), 0);
        // The whole bed falls silent for a minute (a gateway outage): no stale_* condition at all.
        for (NumericId id : {NumericId::Hr, NumericId::SpO2, NumericId::Rr, NumericId::AbpSys})
            s.stopFeed(A, id);
        s.advance(60000);
        QCOMPARE(s.countSignalling(A), 0);
        // It resumes, RR a few seconds later than the rest: nothing is raised for the outage's own gap.
        for (NumericId id : {NumericId::Hr, NumericId::SpO2, NumericId::AbpSys})
            s.feed(A, id, normal(id));
        s.advance(4000);
        s.feed(A, NumericId::Rr, 14);
        s.advance(30000);
        QCOMPARE(s.countSignalling(A), 0);
        // Within the live bed, a numeric that stops while others flow is raised.
        s.stopFeed(A, NumericId::AbpSys);
        s.advance(12000);
        QVERIFY(s.find(A, "stale_abp_sys"));
        QCOMPARE(s.countSignalling(A), 1);
    }

    void alertManagerTierWithoutAlertManagerOnlyEscalatesLocally()
    {
        AlarmConfig cfg;
        cfg.alertManagerAvailable = false;
        AlarmSim s(cfg);
        s.feed(A, NumericId::SpO2, 80);
        s.advance(10000 + 60000);
        const AlarmCondition *c = s.find(A, "spo2_low");
        QVERIFY(c);
        QVERIFY(c->escalated);           // the louder local signal still comes
        QVERIFY(!c->sentToAlertManager); // nothing sent to a manager the ward does not have
        QCOMPARE(c->delivery, Delivery::None);
        QVERIFY(s.engine.takeEscalationActions().empty());
        s.advance(60000);
        QVERIFY(!s.find({}, tech::AlertManagerFailed));
    }

    void leadOffExplainsStaleNumerics()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 97);
        s.engine.onNumeric(A, PatientProfile::Adult, {NumericId::Hr, 80, s.now});
        s.engine.onDeviceConditions(
            A, {DeviceCondition{QStringLiteral("lead_off"), QStringLiteral("ECG LEADS OFF"), true}});
        s.advance(15000);
        QVERIFY(s.find(A, tech::LeadOff));
        QCOMPARE(s.find(A, tech::LeadOff)->text,
                 QStringLiteral("ECG lead off")); // one text whichever path reported it
        QVERIFY(!s.find(A, "stale_hr"));
        s.engine.onDeviceConditions(A, {});
        s.advance(250);
        QVERIFY(!s.find(A, "stale_hr")); // the lead is back: HR gets its period to return
        s.advance(10000);
        QVERIFY(s.find(A, "stale_hr")); // it did not: now its silence is a condition
    }

    void linkDownExplainsNoData()
    {
        AlarmSim s;
        s.engine.setBed(A, QStringLiteral("Bed A"), PatientProfile::Adult, QStringLiteral("gw1"));
        s.engine.onTechnical(TechScope::Source, QStringLiteral("gw1"), tech::LinkDown, {}, true);
        s.engine.onTechnical(TechScope::Bed, A, QStringLiteral("no_data"), QStringLiteral("NO DATA"), true);
        QVERIFY(!s.find(A, tech::NoData));
        s.engine.onTechnical(TechScope::Source, QStringLiteral("gw1"), tech::LinkDown, {}, false);
        s.advance(250);
        QVERIFY(s.find(A, tech::NoData));
        QCOMPARE(s.find(A, tech::NoData)->priority, Priority::Medium);
        s.engine.onTechnical(TechScope::Bed, A, QStringLiteral("waveform_gap"), QStringLiteral("ECG gap"),
                             true);
        QCOMPARE(s.find(A, tech::WaveformGap)->priority, Priority::Low);
    }

    // --- item 3: visual
    // -----------------------------------------------------------------------------------------
    void flashRulesFollowIec()
    {
        // HIGH 2 Hz, 50 % duty.
        QCOMPARE(flashSpec(Priority::High).periodMs, 500);
        int on = 0;
        for (int t = 0; t < 1000; ++t)
            on += indicatorOn(Priority::High, kT0 + t) ? 1 : 0;
        QCOMPARE(on, 500);
        // LOW steady, NONE dark.
        for (int t = 0; t < 3000; t += 7) {
            QVERIFY(indicatorOn(Priority::Low, t));
            QVERIFY(!indicatorOn(Priority::None, t));
        }
        QCOMPARE(QString::fromLatin1(flashSpec(Priority::Low).color), QStringLiteral("#00bcd4"));
    }

    // The phase of the flashing indicators at given instants: HIGH 2 Hz and MEDIUM 0.5 Hz, 50 % duty.
    void flashPhase_data()
    {
        QTest::addColumn<Priority>("priority");
        QTest::addColumn<qint64>("timeMs");
        QTest::addColumn<bool>("on");
        QTest::newRow("high, start of period") << Priority::High << qint64(0) << true;
        QTest::newRow("high, end of on phase") << Priority::High << qint64(249) << true;
        QTest::newRow("high, off phase") << Priority::High << qint64(250) << false;
        QTest::newRow("high, next period") << Priority::High << qint64(500) << true;
        QTest::newRow("high, before the epoch still in step") << Priority::High << qint64(-1000) << true;
        QTest::newRow("medium, end of on phase") << Priority::Medium << qint64(999) << true;
        QTest::newRow("medium, off phase") << Priority::Medium << qint64(1000) << false;
        QTest::newRow("medium, end of off phase") << Priority::Medium << qint64(1999) << false;
        QTest::newRow("medium, next period") << Priority::Medium << qint64(2000) << true;
    }
    void flashPhase()
    {
        QFETCH(Priority, priority);
        QFETCH(qint64, timeMs);
        QFETCH(bool, on);
        QCOMPARE(indicatorOn(priority, timeMs), on);
    }

    // --- item 5: history, statistics, state file
    // ----------------------------------------------------------------
    void historyKeepsRetiredAlarms()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 130);
        s.advance(5000);
        const QString id = s.find(A, "hr_high")->id;
        s.feed(A, NumericId::Hr, 90);
        s.advance(15 * 60000 - 1);
        QVERIFY(s.engine.condition(id)); // recent: still in the list
        s.advance(2);
        QVERIFY(!s.engine.condition(id));
        const auto h = s.engine.history(A);
        QCOMPARE(h.size(), std::size_t(1));
        QCOMPARE(h[0].id, id);
        QVERIFY(s.engine.history(B).empty());
        QCOMPARE(s.engine.history().size(), std::size_t(1));
    }

    void statisticsAgainstAlarmFatigue()
    {
        AlarmSim s;
        auto episode = [&](const QString &bed, NumericId id, double bad, double good, qint64 ackAfterMs) {
            s.feed(bed, id, bad);
            s.advance(10000);
            const QString alarm = s.engine.conditions().back().id;
            s.advance(ackAfterMs);
            if (ackAfterMs >= 0)
                s.engine.acknowledge(alarm, Nurse);
            s.feed(bed, id, good);
            s.advance(1000);
        };
        episode(A, NumericId::SpO2, 80, 97, 10000);
        episode(A, NumericId::SpO2, 80, 97, 30000); // escalated locally at 20 s
        episode(A, NumericId::Hr, 130, 90, 15000);  // HR delay is 5 s: acknowledged 20 s after it began
        s.engine.onTechnical(TechScope::Bed, B, QStringLiteral("waveform_gap"), {}, true);
        const AlarmStatistics st = s.engine.statistics();
        QCOMPARE(st.total, 4);
        QCOMPARE(st.byPriority[int(Priority::High)], 2);
        QCOMPARE(st.byPriority[int(Priority::Medium)], 1);
        QCOMPARE(st.byPriority[int(Priority::Low)], 1);
        QCOMPARE(st.byKind[int(Kind::Physiological)], 3);
        QCOMPARE(st.byKind[int(Kind::Technical)], 1);
        QCOMPARE(st.acknowledged, 3);
        QCOMPARE(st.medianAckS, 20.0);
        QCOMPARE(st.p90AckS, 28.0);
        QCOMPARE(st.escalatedLocal, 1);
        QCOMPARE(st.sentToAlertManager, 0);
        QCOMPARE(st.perBedPerDay.size(), std::size_t(2));
        QCOMPARE(st.perBedPerDay[0].bedKey, A);
        QCOMPARE(st.perBedPerDay[0].day, QStringLiteral("2026-01-01"));
        QCOMPARE(st.perBedPerDay[0].total, 3);
        QCOMPARE(st.topSources.front(), std::make_pair(A + QStringLiteral(" spo2_low"), 2));
    }

    void stateJsonCarriesActiveAlarms()
    {
        AlarmSim s;
        s.feed(A, NumericId::SpO2, 80);
        s.advance(10000);
        s.engine.pauseAudio(Nurse);
        const QJsonObject j = s.engine.toJson();
        QCOMPARE(j.value("highest").toString(), QStringLiteral("high"));
        QCOMPARE(j.value("audio").toObject().value("paused").toBool(), true);
        QCOMPARE(j.value("audio").toObject().value("pause_remaining_s").toInt(), 120);
        const QJsonArray conds = j.value("conditions").toArray();
        QCOMPARE(conds.size(), 1);
        const QJsonObject c = conds[0].toObject();
        QCOMPARE(c.value("state").toString(), QStringLiteral("active"));
        QCOMPARE(c.value("priority").toString(), QStringLiteral("high"));
        QCOMPARE(c.value("value").toDouble(), 80.0);
        QCOMPARE(c.value("limit").toDouble(), 90.0);
        QCOMPARE(c.value("parameter").toString(), QStringLiteral("spo2"));
        QCOMPARE(c.value("start").toString(), QStringLiteral("2026-01-01T00:00:10.000Z"));
        QCOMPARE(j.value("beds")
                     .toArray()[0]
                     .toObject()
                     .value("limits")
                     .toObject()
                     .value("hr")
                     .toArray()[1]
                     .toDouble(),
                 120.0);
        QCOMPARE(j.value("audit").toArray().size(), 1);
    }

    // The revision the alarm list compares to rate-limit its refreshes moves only with visible changes.
    // (The change callback it was once paired with had no user but this test and is gone.)
    void revisionCountsVisibleChanges()
    {
        AlarmSim s;
        s.feed(A, NumericId::Hr, 80);
        s.advance(3000);
        const quint64 rev = s.engine.revision();
        s.advance(3000); // nothing changes: no refresh for the UI
        QCOMPARE(s.engine.revision(), rev);
        s.engine.pauseAudio(Nurse);
        QVERIFY(s.engine.revision() > rev);
    }

    // --- configuration
    // -------------------------------------------------------------------------------------------
    void configKeysFromStationFile()
    {
        AlarmConfig c;
        QCOMPARE(applyAlarmConfigKey(c, "alarms.limits.adult", "hr", QVariantList{45, 130}), QString());
        QCOMPARE(c.defaultLimit(PatientProfile::Adult, NumericId::Hr), (Limits{45, 130}));
        QCOMPARE(applyAlarmConfigKey(c, "alarms.limits.neonatal", "spo2_high", QStringLiteral("off")),
                 QString());
        QVERIFY(std::isnan(c.defaultLimit(PatientProfile::Neonatal, NumericId::SpO2).high));
        QCOMPARE(applyAlarmConfigKey(c, "alarms.delay", "spo2", 15), QString());
        QCOMPARE(c.rule(NumericId::SpO2).delayMs, qint64(15000));
        QCOMPARE(applyAlarmConfigKey(c, "alarms.hysteresis", "hr", 3), QString());
        QCOMPARE(applyAlarmConfigKey(c, "alarms.priority", "hr_low", QStringLiteral("high")), QString());
        QCOMPARE(c.rule(NumericId::Hr).lowPriority, Priority::High);
        QCOMPARE(applyAlarmConfigKey(c, "alarms", "audio_pause_max_s", 240), QString());
        QCOMPARE(c.audioPauseMaxMs, qint64(240000));
        QCOMPARE(applyAlarmConfigKey(c, "alarms", "latch_physiological", QVariantList{"high", "medium"}),
                 QString());
        QVERIFY(c.latches(Kind::Physiological, Priority::Medium, "hr_high"));
        QCOMPARE(applyAlarmConfigKey(c, "alarms.escalation", "high",
                                     QVariantList{"0:local", "10:escalated", "30:alert_manager"}),
                 QString());
        QCOMPARE(c.escalation[int(Priority::High)].size(), std::size_t(3));
        QCOMPARE(c.escalation[int(Priority::High)][2].delayMs, qint64(30000));
        QCOMPARE(applyAlarmConfigKey(c, "alarms.technical_priority", "lead_off", "low"), QString());
        QCOMPARE(c.technicalPriorityFor("lead_off"), Priority::Low);
    }

    void configKeysRefused_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("unknown key") << "alarms"
                                     << "bogus" << QVariant(1);
        QTest::newRow("low above high") << "alarms.limits.adult"
                                        << "hr" << QVariant(QVariantList{130, 45});
        QTest::newRow("unknown profile") << "alarms.limits.martian"
                                         << "hr" << QVariant(QVariantList{1, 2});
        QTest::newRow("tier delays not increasing")
            << "alarms.escalation"
            << "high" << QVariant(QVariantList{"20:local", "10:escalated"});
    }
    void configKeysRefused()
    {
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        AlarmConfig c;
        const AlarmConfig before = c;
        QVERIFY(!applyAlarmConfigKey(c, section, key, value).isEmpty());
        QCOMPARE(c.defaultLimit(PatientProfile::Adult, NumericId::Hr),
                 before.defaultLimit(PatientProfile::Adult, NumericId::Hr));
    }

    void mdcNumeric_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("refId");
        QTest::addColumn<int>("numeric"); // -1: none
        QTest::newRow("SpO2") << 150456 << QString() << int(NumericId::SpO2);
        QTest::newRow("ABP systolic") << 150033 << QString() << int(NumericId::AbpSys);
        QTest::newRow("RR by reference id") << 0 << "MDC_RESP_RATE" << int(NumericId::Rr);
        QTest::newRow("RR by code") << 151594 << QString() << int(NumericId::Rr);
        QTest::newRow("unknown code") << 12345 << QString() << -1;
    }
    void mdcNumeric()
    {
        QFETCH(int, code);
        QFETCH(QString, refId);
        QFETCH(int, numeric);
        const auto expected = numeric < 0 ? std::nullopt : std::optional<NumericId>(NumericId(numeric));
        QCOMPARE(mdc::numericFromMdc(code, refId), expected);
    }

    void mdcTechnicalCode_data()
    {
        QTest::addColumn<QString>("reported");
        QTest::addColumn<QString>("code");
        QTest::newRow("sensor off") << "MDC_EVT_SENSOR_DISCONN" << QString(tech::SensorOff);
        QTest::newRow("lead off") << "MDC_EVT_LEAD_DISCONN" << QString(tech::LeadOff);
        QTest::newRow("station code kept") << "waveform_gap" << QString(tech::WaveformGap);
    }
    void mdcTechnicalCode()
    {
        QFETCH(QString, reported);
        QFETCH(QString, code);
        QCOMPARE(mdc::technicalCode(reported), code);
    }
};

QTEST_GUILESS_MAIN(TestAlarmEngine)
#include "tst_alarm_engine.moc"
