// NEWS2 and the central ECG calls in the station: the engine's derived conditions (kind, priority,
// acknowledgement, duplicate suppression by the gateway's report of the same condition), NEWS2 computed
// per bed from drained numerics and nurse entries, shown on the tile roles, and its thresholds raised as
// advisories (complete scores only).
#include "AlarmEngine.h"
#include "Station.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::alarms;

namespace {
constexpr qint64 kT0 = 1'780'000'000'000;

const AlarmCondition *find(const AlarmEngine &e, const QString &code, bool activeOnly = true)
{
    static AlarmCondition c;
    for (const AlarmCondition &x : e.conditions())
        if (x.code == code && (!activeOnly || x.state == State::Active)) {
            c = x;
            return &c;
        }
    return nullptr;
}

GatewayAlarm deviceAsystole(const QString &id, Phase phase)
{
    GatewayAlarm a;
    a.sourceId = QStringLiteral("gw");
    a.alarmId = id;
    a.bedKey = QStringLiteral("b1");
    a.eventRefId = QStringLiteral("MDC_EVT_ECG_ASYSTOLE");
    a.eventText = QStringLiteral("Asystole");
    a.phase = phase;
    a.state = phase == Phase::End ? ReportedState::Inactive : ReportedState::Active;
    a.priority = Priority::High;
    a.kind = Kind::Physiological;
    return a;
}

const QStringList kAsysRefIds{QStringLiteral("MDC_EVT_ECG_ASYSTOLE")};
} // namespace

class TstNews2Station : public QObject
{
    Q_OBJECT
private slots:
    void derivedConditionLifecycle()
    {
        qint64 now = kT0;
        AlarmConfig cfg;
        cfg.alertManagerAvailable = false;
        AlarmEngine e(cfg, [&] { return now; });
        e.setBed(QStringLiteral("b1"), QStringLiteral("Bed 01"), PatientProfile::Adult);
        e.onDerivedCondition(QStringLiteral("b1"), QStringLiteral("ecg_asystole"),
                             QStringLiteral("Asystole (central)"), Kind::Physiological, Priority::High, true,
                             6.0, kAsysRefIds, now);
        e.evaluate(now);
        const AlarmCondition *c = find(e, QStringLiteral("ecg_asystole"));
        QVERIFY(c);
        QCOMPARE(c->priority, Priority::High);
        QCOMPARE(c->kind, Kind::Physiological);
        QCOMPARE(c->text, QStringLiteral("Asystole (central)"));
        QCOMPARE(e.bedPriority(QStringLiteral("b1")), Priority::High);
        QVERIFY(e.acknowledge(c->id, QStringLiteral("rn")));
        now += 1000;
        e.onDerivedCondition(QStringLiteral("b1"), QStringLiteral("ecg_asystole"), {}, Kind::Physiological,
                             Priority::High, false, std::nan(""), kAsysRefIds, now);
        e.evaluate(now);
        QVERIFY(!find(e, QStringLiteral("ecg_asystole")));
        const AlarmStatistics st = e.statistics();
        QCOMPARE(st.byKind[int(Kind::Physiological)], 1);
        QCOMPARE(st.acknowledged, 1);
    }

    void gatewaySuppressesAndSupersedes()
    {
        qint64 now = kT0;
        AlarmConfig cfg;
        cfg.alertManagerAvailable = false;
        AlarmEngine e(cfg, [&] { return now; });
        e.setBed(QStringLiteral("b1"), QStringLiteral("Bed 01"), PatientProfile::Adult, QStringLiteral("gw"));
        // Central call first, then the device reports asystole: the central one ends, superseded.
        e.onDerivedCondition(QStringLiteral("b1"), QStringLiteral("ecg_asystole"),
                             QStringLiteral("Asystole (central)"), Kind::Physiological, Priority::High, true,
                             5.0, kAsysRefIds, now);
        e.evaluate(now);
        QVERIFY(find(e, QStringLiteral("ecg_asystole")));
        now += 500;
        e.onGatewayAlarm(deviceAsystole(QStringLiteral("G1"), Phase::Start));
        e.onDerivedCondition(QStringLiteral("b1"), QStringLiteral("ecg_asystole"),
                             QStringLiteral("Asystole (central)"), Kind::Physiological, Priority::High, true,
                             5.5, kAsysRefIds, now);
        e.evaluate(now);
        QVERIFY(!find(e, QStringLiteral("ecg_asystole")));
        QVERIFY(find(e, QStringLiteral("MDC_EVT_ECG_ASYSTOLE")));
        bool superseded = false;
        for (const AlarmCondition &x : e.conditions())
            superseded = superseded || (x.code == QLatin1String("ecg_asystole") &&
                                        x.supersededBy == QLatin1String("gateway"));
        QVERIFY(superseded);
        // While the device reports it, the central call is not raised again.
        now += 500;
        e.onDerivedCondition(QStringLiteral("b1"), QStringLiteral("ecg_asystole"),
                             QStringLiteral("Asystole (central)"), Kind::Physiological, Priority::High, true,
                             6.0, kAsysRefIds, now);
        e.evaluate(now);
        QVERIFY(!find(e, QStringLiteral("ecg_asystole")));
        // The device ends its alarm; the central analysis still sees asystole: it is raised again.
        now += 500;
        e.onGatewayAlarm(deviceAsystole(QStringLiteral("G1"), Phase::End));
        e.onDerivedCondition(QStringLiteral("b1"), QStringLiteral("ecg_asystole"),
                             QStringLiteral("Asystole (central)"), Kind::Physiological, Priority::High, true,
                             6.5, kAsysRefIds, now);
        e.evaluate(now);
        QVERIFY(find(e, QStringLiteral("ecg_asystole")));
    }

    void stationNews2()
    {
        std::vector<BedConfig> beds{{QStringLiteral("b1"), QStringLiteral("Bed 01")}};
        AlarmConfig cfg;
        cfg.alertManagerAvailable = false;
        Station st(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{}, std::make_unique<Ward>(beds),
                   nullptr, cfg);
        st.setUser(QStringLiteral("rn.jones"));
        auto feed = [&](double rr, double spo2, double hr, double sbp, double temp) {
            BedUpdate u;
            u.bedKey = QStringLiteral("b1");
            u.sourceId = QStringLiteral("sim");
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (auto [id, v] : {std::pair{NumericId::Rr, rr},
                                 {NumericId::SpO2, spo2},
                                 {NumericId::Hr, hr},
                                 {NumericId::NibpSys, sbp},
                                 {NumericId::Temp, temp}})
                u.numerics.push_back({id, v, now});
            st.ward()->deliver(std::move(u));
            st.drainNow();
        };
        WardModel *m = st.wardModel();
        const QModelIndex row = m->index(0);
        // Monitor values only: incomplete (ACVPU and O2 are the nurse's), no advisory even at 8 points.
        feed(26, 91, 135, 120, 37.0); // 3 + 3 + 3 = 9 so far
        QCOMPARE(m->data(row, WardModel::NewsCompleteRole).toBool(), false);
        QCOMPARE(m->data(row, WardModel::NewsTotalRole).toInt(), 9);
        QVERIFY(!find(*st.alarmEngine(), QStringLiteral("news2_high")));
        // The nurse enters ACVPU and O2: complete, 9, HIGH advisory.
        QCOMPARE(st.news()->setConsciousness(QStringLiteral("b1"), QStringLiteral("A")), QString());
        QCOMPARE(st.news()->setOxygen(QStringLiteral("b1"), false), QString());
        QCOMPARE(m->data(row, WardModel::NewsCompleteRole).toBool(), true);
        QCOMPARE(m->data(row, WardModel::NewsTotalRole).toInt(), 9);
        QCOMPARE(m->data(row, WardModel::NewsResponseRole).toInt(), int(scores::NewsResponse::High));
        const AlarmCondition *c = find(*st.alarmEngine(), QStringLiteral("news2_high"));
        QVERIFY(c);
        QCOMPARE(c->kind, Kind::Advisory);
        QCOMPARE(c->priority, Priority::High);
        QVERIFY(c->text.contains(QStringLiteral("NEWS2 9")));
        // Better: 5 (medium); the high one ends.
        feed(22, 95, 95, 120, 37.0); // 2 + 1 + 1 = 4 ... plus nothing else
        QCOMPARE(m->data(row, WardModel::NewsTotalRole).toInt(), 4);
        QVERIFY(!find(*st.alarmEngine(), QStringLiteral("news2_high")));
        QVERIFY(!find(*st.alarmEngine(), QStringLiteral("news2_medium")));
        feed(22, 93, 95, 120, 37.0); // 2 + 2 + 1 = 5
        QVERIFY(find(*st.alarmEngine(), QStringLiteral("news2_medium")));
        // A single 3 under 5: low.
        feed(16, 97, 72, 120, 34.8); // temp 3
        QVERIFY(!find(*st.alarmEngine(), QStringLiteral("news2_medium")));
        const AlarmCondition *three = find(*st.alarmEngine(), QStringLiteral("news2_single3"));
        QVERIFY(three);
        QCOMPARE(three->priority, Priority::Low);
        // The bed view's details: the entry recorded with who, the sub-scores.
        const QVariantMap d = st.news()->details(QStringLiteral("b1"));
        QCOMPARE(d.value(QStringLiteral("total")).toInt(), 3);
        const QVariantList params = d.value(QStringLiteral("params")).toList();
        QCOMPARE(params.size(), scores::kNewsParamCount);
        QCOMPARE(
            params[int(scores::NewsParam::Consciousness)].toMap().value(QStringLiteral("source")).toString(),
            QStringLiteral("nurse rn.jones"));
        QCOMPARE(params[int(scores::NewsParam::Temp)].toMap().value(QStringLiteral("sub")).toInt(), 3);
        // NEWS2 is for adults: a paediatric bed gets no score and no advisory however abnormal its values.
        {
            std::vector<BedConfig> pbeds{
                {QStringLiteral("p1"), QStringLiteral("Bed P"), QStringLiteral("paediatric")}};
            Station ps(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{},
                       std::make_unique<Ward>(pbeds), nullptr, cfg);
            BedUpdate u;
            u.bedKey = QStringLiteral("p1");
            u.sourceId = QStringLiteral("sim");
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            u.numerics.push_back({NumericId::Rr, 40, now});
            u.numerics.push_back({NumericId::Hr, 160, now});
            ps.ward()->deliver(std::move(u));
            ps.drainNow();
            QCOMPARE(ps.wardModel()->data(ps.wardModel()->index(0), WardModel::NewsTotalRole).toInt(), -1);
            QVERIFY(!ps.news()->snapshot(QStringLiteral("p1")));
        }
        // Implausible entries are refused with a reason.
        QVERIFY(!st.news()->enterValue(QStringLiteral("b1"), QStringLiteral("temp"), 3.7).isEmpty());
        QVERIFY(!st.news()->setConsciousness(QStringLiteral("b1"), QStringLiteral("X")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstNews2Station)
#include "tst_news2_station.moc"
