// The station's alarm picture (issue 8): what the bar shows and in which order, A walking through the
// unacknowledged conditions, a paused bed leaving the bar and its tile, invalid numerics blanked with
// their reason, the violating numeric's priority, and the alarm list holding still while held. And the
// narrow edge QML sees (issue 9): Station.alarmBar, Station.audio, Station.display, the Priority enum.
#include "Station.h"

#include <QtTest>

using namespace vigil;

namespace {

BedUpdate numerics(const QString &bed, std::initializer_list<std::pair<NumericId, double>> values)
{
    BedUpdate u;
    u.bedKey = bed;
    u.sourceId = QStringLiteral("sim");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const auto &[id, v] : values)
        u.numerics.push_back({id, v, now});
    u.patient = PatientInfo{QStringLiteral("MRN-") + bed, QStringLiteral("Doe, ") + bed};
    return u;
}

GatewayAlarm gatewayAlarm(const QString &id, NumericId p, alarms::Direction d, double value, double limit,
                          alarms::Priority prio)
{
    GatewayAlarm a;
    a.sourceId = QStringLiteral("gw");
    a.alarmId = id;
    a.parameter = p;
    a.direction = d;
    a.value = value;
    (d == alarms::Direction::High ? a.limitHigh : a.limitLow) = limit;
    a.phase = alarms::Phase::Start;
    a.state = alarms::ReportedState::Active;
    a.priority = prio;
    a.kind = alarms::Kind::Physiological;
    return a;
}

} // namespace

class TestStationAlarms : public QObject
{
    Q_OBJECT

    std::unique_ptr<Station> makeStation()
    {
        std::vector<BedConfig> beds{{QStringLiteral("b1"), QStringLiteral("Bed 01")},
                                    {QStringLiteral("b2"), QStringLiteral("Bed 02")},
                                    {QStringLiteral("b3"), QStringLiteral("Bed 03")}};
        alarms::AlarmConfig cfg;
        cfg.alertManagerAvailable = false;
        return std::make_unique<Station>(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{},
                                         std::make_unique<Ward>(beds), nullptr, cfg);
    }

    // Three gateway alarms: a HIGH on bed 1, a MEDIUM on bed 2, a LOW on bed 3.
    void raiseThree(Station &st)
    {
        BedUpdate u1 = numerics(QStringLiteral("b1"), {{NumericId::SpO2, 84}});
        u1.alarms.push_back(gatewayAlarm(QStringLiteral("A1"), NumericId::SpO2, alarms::Direction::Low, 84,
                                         88, alarms::Priority::High));
        BedUpdate u2 = numerics(QStringLiteral("b2"), {{NumericId::Hr, 140}});
        u2.alarms.push_back(gatewayAlarm(QStringLiteral("A2"), NumericId::Hr, alarms::Direction::High, 140,
                                         130, alarms::Priority::Medium));
        BedUpdate u3 = numerics(QStringLiteral("b3"), {{NumericId::Temp, 38.9}});
        u3.alarms.push_back(gatewayAlarm(QStringLiteral("A3"), NumericId::Temp, alarms::Direction::High, 38.9,
                                         38.5, alarms::Priority::Low));
        st.ward()->deliver(std::move(u1));
        st.ward()->deliver(std::move(u2));
        st.ward()->deliver(std::move(u3));
        st.drainNow();
    }

private slots:
    void barShowsWhatAndWhereWithNumbersApart()
    {
        auto st = makeStation();
        raiseThree(*st);
        QCOMPARE(st->alarmBar()->topPriority(), alarms::Priority::High);
        QCOMPARE(st->alarmBar()->topBed(), QStringLiteral("Bed 01"));
        QCOMPARE(st->alarmBar()->topPatient(), QStringLiteral("Doe, b1"));
        QCOMPARE(st->alarmBar()->topCondition(), QStringLiteral("SpO2 low"));
        QCOMPARE(st->alarmBar()->topValues(), QStringLiteral("84 < 88"));
        QCOMPARE(st->alarmBar()->unacknowledgedCount(), 3);
        // The value moves on while the alarm lasts: the trigger and the current value stay apart.
        BedUpdate again = numerics(QStringLiteral("b1"), {{NumericId::SpO2, 86}});
        GatewayAlarm cont = gatewayAlarm(QStringLiteral("A1"), NumericId::SpO2, alarms::Direction::Low, 86,
                                         88, alarms::Priority::High);
        cont.phase = alarms::Phase::Continue;
        again.alarms.push_back(cont);
        st->ward()->deliver(std::move(again));
        st->drainNow();
        QCOMPARE(st->alarmBar()->topValues(), QStringLiteral("84 < 88, now 86"));
        QCOMPARE(st->alarmBar()->topText(), QStringLiteral("SpO2 low 84 < 88, now 86"));
        // The tile: its violating numeric carries the priority colour.
        QCOMPARE(st->ward()->bed(0)->numericAlarm[static_cast<int>(NumericId::SpO2)], 3);
        QCOMPARE(st->ward()->bed(0)->numericAlarm[static_cast<int>(NumericId::Hr)], 0);
    }

    void acknowledgeWalksThroughTheUnacknowledged()
    {
        auto st = makeStation();
        raiseThree(*st);
        QStringList shown;
        for (int i = 0; i < 3; ++i) {
            shown << st->alarmBar()->topBed();
            QCOMPARE(st->alarmBar()->unacknowledgedCount(), 3 - i);
            QVERIFY(st->acknowledgeTop());
        }
        QCOMPARE(shown,
                 (QStringList{QStringLiteral("Bed 01"), QStringLiteral("Bed 02"), QStringLiteral("Bed 03")}));
        QCOMPARE(st->alarmBar()->unacknowledgedCount(), 0);
        // All acknowledged: the bar keeps the most urgent one, marked acknowledged; A does nothing more.
        QVERIFY(st->alarmBar()->topAcknowledged());
        QCOMPARE(st->alarmBar()->topBed(), QStringLiteral("Bed 01"));
        QVERIFY(!st->acknowledgeTop());
    }

    void pausedBedLeavesTheBarAndItsTile()
    {
        auto st = makeStation();
        raiseThree(*st);
        QVERIFY(st->pauseAlarms(0)); // Bed 01, the HIGH one
        QCOMPARE(st->alarmBar()->topBed(), QStringLiteral("Bed 02"));
        QCOMPARE(st->alarmBar()->unacknowledgedCount(), 2);
        QCOMPARE(st->alarmBar()->pausedBedCount(), 1);
        const Bed *b1 = st->ward()->bed(0);
        QCOMPARE(b1->alarmPriority, alarms::Priority::None); // its frame does not flash
        QVERIFY(b1->alarmPaused);
        QVERIFY(b1->alarmPauseRemainingS > 100 && b1->alarmPauseRemainingS <= 120);
        QCOMPARE(st->audio().priority, alarms::Priority::Medium); // the paused HIGH does not sound
        st->resumeAlarms(0);
        QCOMPARE(st->alarmBar()->topBed(), QStringLiteral("Bed 01"));
    }

    void invalidNumericsAreBlankedWithTheReason()
    {
        auto st = makeStation();
        BedUpdate u = numerics(QStringLiteral("b1"), {{NumericId::Hr, 80}, {NumericId::SpO2, 98}});
        u.conditions.push_back({QStringLiteral("sensor_off"), QStringLiteral("SPO2 SENSOR OFF"), true});
        st->ward()->deliver(std::move(u));
        st->drainNow();
        const Bed *b = st->ward()->bed(0);
        QVERIFY(!b->numericBlank[static_cast<int>(NumericId::SpO2)].isEmpty());
        QVERIFY(!b->numericBlank[static_cast<int>(NumericId::PulseRate)].isEmpty());
        QVERIFY(b->numericBlank[static_cast<int>(NumericId::Hr)].isEmpty());
        BedUpdate off = numerics(QStringLiteral("b1"), {{NumericId::Hr, 80}});
        off.conditions.push_back({QStringLiteral("sensor_off"), {}, false});
        st->ward()->deliver(std::move(off));
        st->drainNow();
        QVERIFY(b->numericBlank[static_cast<int>(NumericId::SpO2)].isEmpty());
    }

    void stationConditionsSayStation()
    {
        auto st = makeStation();
        st->setArchiveProblem(QStringLiteral("disk full"));
        QCOMPARE(st->alarmBar()->topBed(), QStringLiteral("Station"));
        const auto *list = st->alarmList();
        QCOMPARE(list->data(list->index(0), alarms::AlarmListModel::WhereRole).toString(),
                 QStringLiteral("Station"));
    }

    void alarmListHoldsStillWhileHeld()
    {
        auto st = makeStation();
        raiseThree(*st);
        auto *list = st->alarmList();
        QCOMPARE(list->rowCount(), 3);
        const QString underFinger = list->alarmId(2); // Bed 03's LOW, where the nurse's finger is
        list->setHeld(true);
        // A new HIGH arrives on bed 2: it would sort to the top and push every row down.
        BedUpdate u = numerics(QStringLiteral("b2"), {{NumericId::SpO2, 80}});
        u.alarms.push_back(gatewayAlarm(QStringLiteral("A4"), NumericId::SpO2, alarms::Direction::Low, 80, 88,
                                        alarms::Priority::High));
        st->ward()->deliver(std::move(u));
        st->drainNow();
        QCOMPARE(list->rowCount(), 3);
        QCOMPARE(list->alarmId(2), underFinger); // the row under the finger is still the one it was
        QVERIFY(list->pendingChanges() > 0);     // and the list says that something waits
        // Acting on the row acts on that condition.
        QVERIFY(st->acknowledge(list->alarmId(2)));
        QVERIFY(list->data(list->index(2), alarms::AlarmListModel::AcknowledgedRole).toBool());
        list->setHeld(false);
        QCOMPARE(list->rowCount(), 4);
        QCOMPARE(list->pendingChanges(), 0);
        QVERIFY(list->data(list->index(0), alarms::AlarmListModel::PriorityRole).toInt() == 3);
        QCOMPARE(list->data(list->index(0), alarms::AlarmListModel::CanResetRole).toBool(), false);
    }

    // The edge to QML: focused objects instead of a wide Station. The old top-level alarm and display
    // properties are gone; the bar, the audio and the display settings are constant sub-objects.
    void qmlSeesFocusedObjects()
    {
        auto st = makeStation();
        const QMetaObject *mo = st->metaObject();
        for (const char *gone : {"topAlarmId", "topAlarmPriority", "unacknowledgedCount", "audioPaused",
                                 "audioPauseRemaining", "columns", "pixelsPerMm", "alarmSummary"})
            QVERIFY2(mo->indexOfProperty(gone) < 0, gone);
        for (const char *name : {"alarmBar", "audio", "display"}) {
            const int i = mo->indexOfProperty(name);
            QVERIFY2(i >= 0, name);
            QVERIFY2(mo->property(i).isConstant(), name);
        }
        QCOMPARE(st->property("alarmBar").value<AlarmBarState *>(), st->alarmBar());
        QCOMPARE(st->property("audio").value<AudioState *>(), st->audioState());
        // The display settings are a gadget: QML reads its fields, nothing notifies.
        DisplaySettings d;
        d.columns = 5;
        d.pixelsPerMm = 3.5;
        Station custom(QStringLiteral("S"), QStringLiteral("W"), d, std::make_unique<Ward>());
        const QVariant v = custom.property("display");
        QCOMPARE(v.value<DisplaySettings>(), d);
        const QMetaObject &gadget = DisplaySettings::staticMetaObject;
        QCOMPARE(gadget.property(gadget.indexOfProperty("columns")).readOnGadget(v.constData()).toInt(), 5);
        QCOMPARE(
            gadget.property(gadget.indexOfProperty("pixelsPerMm")).readOnGadget(v.constData()).toDouble(),
            3.5);
    }

    // The engine's Priority enum itself reaches QML (as `Priority`): a meta-enum with its names, and the
    // bar's priority properties typed with it, not plain numbers.
    void priorityIsTheDomainEnum()
    {
        const QMetaEnum e = QMetaEnum::fromType<alarms::Priority>();
        QVERIFY(e.isValid());
        QCOMPARE(e.keyCount(), alarms::kPriorityCount);
        QCOMPARE(QByteArray(e.valueToKey(static_cast<int>(alarms::Priority::High))), QByteArray("High"));
        QCOMPARE(QByteArray(e.valueToKey(static_cast<int>(alarms::Priority::None))), QByteArray("None"));
        auto st = makeStation();
        raiseThree(*st);
        const QMetaObject *mo = st->alarmBar()->metaObject();
        QCOMPARE(mo->property(mo->indexOfProperty("topPriority")).metaType(),
                 QMetaType::fromType<alarms::Priority>());
        QCOMPARE(st->alarmBar()->property("topPriority").value<alarms::Priority>(), alarms::Priority::High);
        QCOMPARE(st->alarmBar()->highestPriority(), alarms::Priority::High);
    }

    // The bar's object changes (and QML re-evaluates its bindings) only when what it shows changed, not on
    // every drain.
    void alarmBarSignalsOnlyChanges()
    {
        auto st = makeStation();
        QSignalSpy spy(st->alarmBar(), &AlarmBarState::changed);
        raiseThree(*st);
        QCOMPARE(spy.count(), 1);
        st->drainNow();
        st->drainNow();
        QCOMPARE(spy.count(), 1);
        QVERIFY(st->alarmBar()->acknowledgeTop());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(st->alarmBar()->unacknowledgedCount(), 2);
        QCOMPARE(st->alarmBar()->signallingCount(), 3);
    }

    // Audio pause from QML (Station.audio): time-limited with its countdown; the toggle ends it.
    void audioPauseFromTheAudioObject()
    {
        auto st = makeStation();
        raiseThree(*st);
        AudioState *audio = st->audioState();
        QCOMPARE(audio->sounding(), alarms::Priority::High);
        QVERIFY(!audio->paused());
        QSignalSpy spy(audio, &AudioState::changed);
        QVERIFY(audio->pause());
        QVERIFY(audio->paused());
        QVERIFY(audio->pauseRemaining() > 115 && audio->pauseRemaining() <= 120);
        QCOMPARE(audio->sounding(), alarms::Priority::None);
        QVERIFY(st->audio().paused); // the player's decision agrees
        QCOMPARE(spy.count(), 1);
        QCOMPARE(st->alarmEngine()->auditLog().back().user, st->user());
        audio->toggle();
        QVERIFY(!audio->paused());
        QCOMPARE(audio->pauseRemaining(), 0);
        QCOMPARE(audio->sounding(), alarms::Priority::High);
    }
};

QTEST_GUILESS_MAIN(TestStationAlarms)
#include "tst_station_alarms.moc"
