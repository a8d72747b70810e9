// The ward and its Qt models: ingest from source threads, batching into the GUI, staleness, no-data,
// bed attribution, stays, gaps and overlaps, and model consistency under QAbstractItemModelTester.
#include "Station.h"
#include "Ward.h"
#include "WardModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace vigil;

namespace {
BedUpdate numericUpdate(const QString &key, NumericId id, double value, qint64 timeMs)
{
    BedUpdate u;
    u.bedKey = key;
    u.bedLabel = key;
    u.sourceId = QStringLiteral("test");
    u.numerics.push_back({id, value, timeMs});
    return u;
}
WaveBlock block(WaveId id, double rate, qint64 startUs, std::size_t n, float value = 0.5f)
{
    WaveBlock b;
    b.id = id;
    b.sampleRate = rate;
    b.startTimeUs = startUs;
    b.samples.assign(n, value);
    return b;
}
} // namespace

class TestWard : public QObject
{
    Q_OBJECT
private slots:
    void dynamicBedsAppearInArrivalOrder()
    {
        Ward ward;
        ward.deliver(numericUpdate(QStringLiteral("ICU^1^B"), NumericId::Hr, 70, 1000));
        ward.deliver(numericUpdate(QStringLiteral("ICU^1^A"), NumericId::Hr, 80, 1000));
        QCOMPARE(ward.bedCount(), 0); // not visible to the GUI before a drain
        const DrainResult r = ward.drain(2000);
        QCOMPARE(r.firstNewBed, 0);
        QCOMPARE(ward.bedCount(), 2);
        QCOMPARE(ward.bed(0)->key(), QStringLiteral("ICU^1^B"));
        QCOMPARE(ward.bed(1)->key(), QStringLiteral("ICU^1^A"));
        QCOMPARE(ward.bed(0)->numerics[int(NumericId::Hr)].value, 70.0);
        QCOMPARE(ward.bed(1)->numerics[int(NumericId::Hr)].value, 80.0);
    }

    void configuredBedsNeverMisattribute()
    {
        Ward ward({{QStringLiteral("W^1^A"), QStringLiteral("1A"), QStringLiteral("adult")}});
        QCOMPARE(ward.bedCount(), 1);
        ward.deliver(numericUpdate(QStringLiteral("W^9^Z"), NumericId::Hr, 99, 1000));
        ward.deliver(numericUpdate(QStringLiteral("W^1^A"), NumericId::Hr, 61, 1000));
        ward.drain(1500);
        QCOMPARE(ward.bedCount(), 1);
        QCOMPARE(ward.unknownBedMessages(), quint64(1));
        QCOMPARE(ward.bed(0)->numerics[int(NumericId::Hr)].value, 61.0);
        QCOMPARE(ward.bed(0)->label(), QStringLiteral("1A"));
    }

    void numericsGoStaleAndNoDataIsDetected()
    {
        Ward ward;
        ward.setNoDataTimeout(5);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        ward.deliver(numericUpdate(QStringLiteral("B"), NumericId::SpO2, 97, t0));
        ward.drain(t0);
        Bed *bed = ward.bed(0);
        QVERIFY(!bed->numerics[int(NumericId::SpO2)].stale);
        QVERIFY(!bed->noData);
        // SpO2 expects refresh within 10 s: at +11 s it is stale and the bed has had no data for > 5 s.
        const DrainResult r = ward.drain(t0 + 11000);
        QVERIFY(bed->numerics[int(NumericId::SpO2)].stale);
        QVERIFY(bed->noData);
        QCOMPARE(r.changedBeds, std::vector<int>{0});
        // The value is kept (shown greyed with its time), not erased.
        QCOMPARE(bed->numerics[int(NumericId::SpO2)].value, 97.0);
        // Nothing changed since: no change reported, so the model emits nothing.
        QVERIFY(ward.drain(t0 + 12000).changedBeds.empty());
    }

    void oldMeasurementIsStaleEvenWhenJustReceived()
    {
        Ward ward;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // A gateway delivering an HR measured an hour ago: it must not be shown as current.
        ward.deliver(numericUpdate(QStringLiteral("B"), NumericId::Hr, 80, now - 3600'000));
        ward.deliver(numericUpdate(QStringLiteral("B"), NumericId::SpO2, 97, now - 30'000)); // skew allowance
        ward.drain(now);
        QVERIFY(ward.bed(0)->numerics[int(NumericId::Hr)].stale);
        QVERIFY(!ward.bed(0)->numerics[int(NumericId::SpO2)].stale);
    }

    void newPatientStartsNewStay()
    {
        Ward ward;
        BedUpdate u = numericUpdate(QStringLiteral("B"), NumericId::Hr, 70, 1);
        u.patient = PatientInfo{QStringLiteral("MRN1"), QStringLiteral("Doe, Jane"), PatientProfile::Adult};
        ward.deliver(std::move(u));
        ward.drain(10);
        QCOMPARE(ward.bed(0)->stay, 1);
        BedUpdate v;
        v.bedKey = QStringLiteral("B");
        v.patient = PatientInfo{QStringLiteral("MRN2"), QStringLiteral("Roe, Rick"), PatientProfile::Adult};
        ward.deliver(std::move(v));
        ward.drain(20);
        QCOMPARE(ward.bed(0)->stay, 2);
        QCOMPARE(ward.bed(0)->patient.name, QStringLiteral("Roe, Rick"));
        // The previous patient's HR must not be shown under the new patient's name.
        QVERIFY(!ward.bed(0)->numerics[int(NumericId::Hr)].hasValue());
    }

    void wavesGoToRingsWithGapsAndOverlaps()
    {
        Ward ward;
        BedUpdate u;
        u.bedKey = QStringLiteral("B");
        const qint64 t0 = 1'700'000'000'000'000;
        u.waves.push_back(block(WaveId::EcgII, 500, t0, 250)); // 0.5 s
        ward.deliver(std::move(u));
        ward.drain(1);
        const WaveformChannel *ch = ward.bed(0)->channel(WaveId::EcgII);
        QVERIFY(ch);
        QCOMPARE(ch->ring.written(), std::uint64_t(250));
        // Next block starts 100 ms late: a 50-sample gap is inserted, so the time axis stays true.
        BedUpdate late;
        late.bedKey = QStringLiteral("B");
        late.waves.push_back(block(WaveId::EcgII, 500, t0 + 600'000, 100));
        ward.deliver(std::move(late));
        QCOMPARE(ch->gaps.load(), quint64(1));
        QCOMPARE(ch->ring.written(), std::uint64_t(400));
        std::vector<float> out(50);
        ch->ring.copy(250, out);
        for (float f : out)
            QVERIFY(std::isnan(f));
        // A block that repeats 20 samples already received: the overlap is dropped, not drawn twice.
        BedUpdate dup;
        dup.bedKey = QStringLiteral("B");
        dup.waves.push_back(block(WaveId::EcgII, 500, t0 + 760'000, 30));
        ward.deliver(std::move(dup));
        QCOMPARE(ch->overlaps.load(), quint64(1));
        QCOMPARE(ch->ring.written(), std::uint64_t(410));
        QCOMPARE(ward.samplesReceived(0, WaveId::EcgII), quint64(250 + 100 + 10));
    }

    void rateChangeReplacesChannel()
    {
        Ward ward;
        BedUpdate u;
        u.bedKey = QStringLiteral("B");
        u.waves.push_back(block(WaveId::Pleth, 125, 0, 10));
        ward.deliver(std::move(u));
        ward.drain(1);
        const WaveformChannel *first = ward.bed(0)->channel(WaveId::Pleth);
        BedUpdate v;
        v.bedKey = QStringLiteral("B");
        v.waves.push_back(block(WaveId::Pleth, 250, 0, 10));
        ward.deliver(std::move(v));
        const WaveformChannel *second = ward.bed(0)->channel(WaveId::Pleth);
        QVERIFY(second != first);
        QCOMPARE(second->sampleRate(), 250.0);
        QCOMPARE(first->sampleRate(), 125.0); // still alive for a render thread that may hold it
    }

    void conditionsSetAndClear()
    {
        Ward ward;
        BedUpdate u;
        u.bedKey = QStringLiteral("B");
        u.conditions.push_back({QStringLiteral("lead_off"), QStringLiteral("ECG LEADS OFF"), true});
        ward.deliver(std::move(u));
        ward.drain(1);
        QCOMPARE(ward.bed(0)->conditions.size(), std::size_t(1));
        BedUpdate v;
        v.bedKey = QStringLiteral("B");
        v.conditions.push_back({QStringLiteral("lead_off"), {}, false});
        ward.deliver(std::move(v));
        ward.drain(2);
        QVERIFY(ward.bed(0)->conditions.empty());
    }

    void concurrentSourcesAndDrain()
    {
        // Four source threads deliver to their own beds while the GUI thread drains: every numeric's final
        // value arrives, no bed is lost.
        Ward ward;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&ward, t] {
                for (int i = 0; i < 2000; ++i) {
                    BedUpdate u = numericUpdate(QStringLiteral("BED%1").arg(t), NumericId::Hr, i, i);
                    u.waves.push_back(block(WaveId::EcgII, 500, 0, 20));
                    ward.deliver(std::move(u));
                }
            });
        }
        for (int i = 0; i < 50; ++i)
            ward.drain(i);
        for (auto &th : threads)
            th.join();
        ward.drain(100);
        QCOMPARE(ward.bedCount(), 4);
        for (int b = 0; b < 4; ++b) {
            QCOMPARE(ward.bed(b)->numerics[int(NumericId::Hr)].value, 1999.0);
            QCOMPARE(ward.samplesReceived(b, WaveId::EcgII), quint64(2000 * 20));
        }
    }

    void wardModelUnderTester()
    {
        auto ward = std::make_unique<Ward>();
        Ward *w = ward.get();
        Station station(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{}, std::move(ward));
        WardModel *model = station.wardModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);

        w->deliver(
            numericUpdate(QStringLiteral("A"), NumericId::Hr, 72, QDateTime::currentMSecsSinceEpoch()));
        w->deliver(
            numericUpdate(QStringLiteral("B"), NumericId::SpO2, 95, QDateTime::currentMSecsSinceEpoch()));
        station.drainNow();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(inserted.count(), 1);
        const QHash<int, QByteArray> roles = model->roleNames();
        QCOMPARE(roles.value(WardModel::valueRole(NumericId::Hr)), QByteArray("hr"));
        QCOMPARE(roles.value(WardModel::staleRole(NumericId::NibpSys)), QByteArray("nibp_sysStale"));
        QCOMPARE(model->data(model->index(0), WardModel::valueRole(NumericId::Hr)).toDouble(), 72.0);
        QCOMPARE(model->data(model->index(0), WardModel::staleRole(NumericId::Hr)).toBool(), false);
        QVERIFY(std::isnan(model->data(model->index(1), WardModel::valueRole(NumericId::Hr)).toDouble()));
        QCOMPARE(model->data(model->index(1), WardModel::LabelRole).toString(), QStringLiteral("B"));

        // Many messages between two drains become one dataChanged for the bed, not one per message.
        changed.clear();
        for (int i = 0; i < 100; ++i)
            w->deliver(numericUpdate(QStringLiteral("A"), NumericId::Hr, 60 + i,
                                     QDateTime::currentMSecsSinceEpoch()));
        station.drainNow();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model->data(model->index(0), WardModel::valueRole(NumericId::Hr)).toDouble(), 159.0);
    }

    void sourcesModel()
    {
        SourcesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SourceStatus s;
        s.id = QStringLiteral("gw1");
        s.name = QStringLiteral("Gateway 1");
        s.state = SourceStatus::State::Connecting;
        model.update({s});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.connectedCount(), 0);
        s.state = SourceStatus::State::Connected;
        s.messages = 42;
        model.update({s});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.connectedCount(), 1);
        QCOMPARE(model.data(model.index(0), SourcesModel::StateRole).toString(), QStringLiteral("connected"));
        QCOMPARE(model.data(model.index(0), SourcesModel::MessagesRole).toULongLong(), 42ULL);
    }
};

QTEST_GUILESS_MAIN(TestWard)
#include "tst_ward.moc"
