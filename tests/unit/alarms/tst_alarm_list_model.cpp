// The alarm list model: order (signalling, then priority, then newest), typed roles, incremental updates
// without resets, durations, bed filter; checked by QAbstractItemModelTester throughout.
#include "AlarmListModel.h"
#include "AlarmSim.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::alarms;
using namespace vigil::alarms::test;

namespace {
const QString A = QStringLiteral("ICU^1^A");
const QString B = QStringLiteral("ICU^1^B");

QStringList column(const AlarmListModel &m, int role)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.data(m.index(i), role).toString();
    return out;
}
} // namespace

class TestAlarmListModel : public QObject
{
    Q_OBJECT
private slots:
    void sortedByPriorityThenTime()
    {
        AlarmSim s;
        AlarmListModel model(&s.engine);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        s.feed(A, NumericId::Temp, 39.5); // LOW at +10 s
        s.feed(B, NumericId::Hr, 130);    // MEDIUM at +5 s
        s.advance(10000);
        model.refresh(s.now);
        QCOMPARE(column(model, AlarmListModel::PriorityNameRole), QStringList({"medium", "low"}));
        s.feed(A, NumericId::Hr, 130);  // MEDIUM, newer than B's
        s.feed(B, NumericId::SpO2, 80); // HIGH
        s.advance(10000);
        model.refresh(s.now);
        QCOMPARE(column(model, AlarmListModel::PriorityNameRole),
                 QStringList({"high", "medium", "medium", "low"}));
        QCOMPARE(column(model, AlarmListModel::BedKeyRole), QStringList({B, A, B, A}));
        // An ended alarm goes below the signalling ones, whatever its priority.
        s.feed(B, NumericId::Hr, 90);
        model.refresh(s.now);
        QCOMPARE(column(model, AlarmListModel::StateRole),
                 QStringList({"active", "active", "active", "inactive"}));
        QCOMPARE(column(model, AlarmListModel::CodeRole),
                 QStringList({"spo2_low", "hr_high", "temp_high", "hr_high"}));
        QCOMPARE(resets.count(), 0); // rows move and insert; the list never resets under the user
    }

    void rolesCarryTheAlarm()
    {
        AlarmSim s;
        AlarmListModel model(&s.engine);
        s.feed(A, NumericId::SpO2, 84);
        s.advance(10000);
        model.refresh(s.now);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex i = model.index(0);
        QCOMPARE(model.data(i, AlarmListModel::TextRole).toString(), QStringLiteral("SpO2 low"));
        QCOMPARE(model.data(i, AlarmListModel::ValueTextRole).toString(), QStringLiteral("84 < 90"));
        QCOMPARE(model.data(i, AlarmListModel::PriorityRole).toInt(), 3);
        QCOMPARE(model.data(i, AlarmListModel::KindRole).toString(), QStringLiteral("physiological"));
        QCOMPARE(model.data(i, AlarmListModel::ParameterRole).toString(), QStringLiteral("spo2"));
        QCOMPARE(model.data(i, AlarmListModel::ColorRole).toString(), QStringLiteral("#e53935"));
        QCOMPARE(model.data(i, AlarmListModel::DurationSRole).toInt(), 0);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        s.advance(25000);
        model.refresh(s.now);
        QCOMPARE(model.data(i, AlarmListModel::DurationSRole).toInt(), 25);
        QVERIFY(changed.count() > 0);
        const QString id = model.alarmId(0);
        s.engine.acknowledge(id, QStringLiteral("rn"));
        model.refresh(s.now);
        QCOMPARE(model.data(i, AlarmListModel::AcknowledgedRole).toBool(), true);
        QCOMPARE(model.data(i, AlarmListModel::AcknowledgedByRole).toString(), QStringLiteral("rn"));
        QVERIFY(model.roleNames().values().contains("valueText"));
    }

    void bedFilter()
    {
        AlarmSim s;
        AlarmListModel model(&s.engine);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        s.feed(A, NumericId::Hr, 130);
        s.feed(B, NumericId::Hr, 130);
        s.advance(6000);
        model.refresh(s.now);
        QCOMPARE(model.rowCount(), 2);
        model.setBedFilter(B);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), AlarmListModel::BedKeyRole).toString(), B);
        model.setBedFilter({});
        QCOMPARE(model.rowCount(), 2);
    }

    void manyChangesStayConsistent()
    {
        AlarmSim s;
        AlarmListModel model(&s.engine);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const NumericId ids[] = {NumericId::Hr, NumericId::SpO2, NumericId::Rr, NumericId::Temp};
        const double bad[] = {130, 80, 40, 39.5};
        const double good[] = {80, 97, 14, 37.0};
        for (int round = 0; round < 6; ++round) {
            for (int b = 0; b < 4; ++b) {
                const QString bed = QStringLiteral("B%1").arg(b);
                const int k = (round + b) % 4;
                s.feed(bed, ids[k], (round % 2) ? good[k] : bad[k]);
            }
            s.advance(11000);
            model.refresh(s.now);
            for (int r = 1; r < model.rowCount(); ++r)
                QVERIFY(!AlarmListModel::lessThan(*model.at(r), *model.at(r - 1)));
            QCOMPARE(model.rowCount(), s.engine.liveCount());
        }
    }
};

QTEST_GUILESS_MAIN(TestAlarmListModel)
#include "tst_alarm_list_model.moc"
