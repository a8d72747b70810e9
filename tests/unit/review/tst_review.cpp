// Archive review: ReviewModel against a fake ArchiveQuery (worker thread, loading flag, stale results
// dropped by generation, coalescing, decimation, the 30 s window around an alarm, zoom/pan, time parsing),
// ArchiveQueryAdapter against a real archive written through Archive, and the pure column fills behind
// StripView and ReviewTrendView.
#include "Archive.h"
#include "ArchiveQueryAdapter.h"
#include "ArchiveReader.h"
#include "ReviewModel.h"
#include "ReviewTrendView.h"
#include "StripView.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace vigil;
using namespace vigil::review;

namespace {

constexpr qint64 kT0Ms = 1'709'251'200'000; // 2024-03-01T00:00:00Z
const QString kBed = QStringLiteral("icu^1^a");

// Thread-safe fake: two hours of 1 Hz HR (with one spike), SpO2, NIBP every 5 min, waves on request, two
// alarms. A gate can hold every call until the test opens it, to control the order results arrive in.
class FakeQuery : public ArchiveQuery
{
public:
    struct StripCall
    {
        qint64 t1Us, t2Us;
    };
    struct TrendCall
    {
        qint64 t1Ms, t2Ms;
        int maxPoints;
        std::vector<NumericId> ids;
    };

    FakeQuery()
    {
        for (qint64 s = 0; s < 7200; ++s) {
            const double hr = s == 3600 ? 190.0 : 70.0 + 5.0 * std::sin(double(s) / 300.0);
            hrPoints.push_back({kT0Ms + s * 1000, hr, hr, hr});
            spo2Points.push_back({kT0Ms + s * 1000, 97.0, 97.0, 97.0});
        }
        for (qint64 s = 0; s < 7200; s += 300)
            nibpPoints.push_back({kT0Ms + s * 1000, 120.0, 120.0, 120.0});
        ArchiveAlarmEntry a;
        a.alarmId = QStringLiteral("A1");
        a.timeMs = kT0Ms + 3'600'000;
        a.endTimeMs = a.timeMs + 20'000;
        a.priority = vigil::alarms::Priority::High;
        a.text = QStringLiteral("HR 190 > 150");
        alarmList.push_back(a);
        a.alarmId = QStringLiteral("A2");
        a.timeMs = kT0Ms + 1'800'000;
        a.priority = vigil::alarms::Priority::Low;
        alarmList.push_back(a);
    }

    void closeGate()
    {
        std::lock_guard l(m);
        gateOpen = false;
    }
    void openGate()
    {
        {
            std::lock_guard l(m);
            gateOpen = true;
        }
        cv.notify_all();
    }
    int waiting() const
    {
        std::lock_guard l(m);
        return blocked;
    }

    std::vector<ArchiveStayInfo> stays(const QString &, qint64, qint64, QString *) override
    {
        gate();
        ArchiveStayInfo s;
        s.bedLabel = QStringLiteral("ICU 1A");
        s.patientId = QStringLiteral("MRN7");
        s.patientName = QStringLiteral("Doe, Jane");
        s.fromMs = kT0Ms;
        s.toMs = kT0Ms + 7'200'000;
        s.lastDataMs = kT0Ms + 7'199'000;
        return {s};
    }
    std::vector<ArchiveTrendSeries> trend(const QString &, std::span<const NumericId> ids, qint64 t1,
                                          qint64 t2, int maxPoints, QString *) override
    {
        gate();
        {
            std::lock_guard l(m);
            trendCalls.push_back({t1, t2, maxPoints, {ids.begin(), ids.end()}});
            callThreads.push_back(std::this_thread::get_id());
        }
        std::vector<ArchiveTrendSeries> out;
        for (NumericId id : ids) {
            const std::vector<ArchiveTrendPoint> *src = id == NumericId::Hr        ? &hrPoints
                                                        : id == NumericId::SpO2    ? &spo2Points
                                                        : id == NumericId::NibpSys ? &nibpPoints
                                                                                   : nullptr;
            if (!src)
                continue;
            ArchiveTrendSeries s;
            s.id = id;
            for (const auto &p : *src) {
                if (p.timeMs >= t1 && p.timeMs < t2)
                    s.points.push_back(p);
            }
            s.rawCount = qint64(s.points.size());
            // A query that ignores maxPoints: the model must decimate on the worker itself.
            if (honourMaxPoints)
                decimate(s, t1, t2, maxPoints);
            if (!s.points.empty())
                out.push_back(std::move(s));
        }
        return out;
    }
    std::vector<ArchiveWaveStrip> waveStrip(const QString &, qint64 t1Us, qint64 t2Us,
                                            std::span<const WaveId>, QString *) override
    {
        gate();
        {
            std::lock_guard l(m);
            stripCalls.push_back({t1Us, t2Us});
            callThreads.push_back(std::this_thread::get_id());
        }
        ArchiveWaveStrip w;
        w.id = WaveId::EcgII;
        w.sampleRate = 500;
        w.startUs = t1Us;
        w.samples.assign(std::size_t((t2Us - t1Us) / 2000), 0.1f);
        return {w};
    }
    std::vector<ArchiveAlarmEntry> alarms(const QString &, qint64, qint64, QString *) override
    {
        gate();
        return alarmList;
    }

    std::vector<ArchiveTrendPoint> hrPoints, spo2Points, nibpPoints;
    std::vector<ArchiveAlarmEntry> alarmList;
    bool honourMaxPoints = true;
    mutable std::mutex m;
    std::vector<StripCall> stripCalls;
    std::vector<TrendCall> trendCalls;
    std::vector<std::thread::id> callThreads;

private:
    void gate()
    {
        std::unique_lock l(m);
        ++blocked;
        cv.wait(l, [this] { return gateOpen; });
        --blocked;
    }
    std::condition_variable cv;
    bool gateOpen = true;
    int blocked = 0;
};

std::unique_ptr<ReviewModel> makeModel(const std::shared_ptr<FakeQuery> &q)
{
    auto model = std::make_unique<ReviewModel>();
    model->setQuery(q);
    model->setClock([] { return kT0Ms + 10 * 3'600'000; });
    model->setBedKey(kBed);
    return model;
}

bool waitIdle(ReviewModel &m, int ms = 5000)
{
    QElapsedTimer t;
    t.start();
    while (m.loading() && t.elapsed() < ms)
        QTest::qWait(5);
    return !m.loading();
}

const ArchiveTrendSeries *series(const ReviewModel &m, NumericId id)
{
    return m.trendData() && m.trendData()->overview ? m.trendData()->overview->find(id) : nullptr;
}

// The archive a short stay writes: 3 minutes of ECG II (500 Hz) and pleth (125 Hz) in 0.25 s blocks, HR
// and SpO2 at 1 Hz, one alarm through its lifecycle.
struct ArchiveFixture
{
    QTemporaryDir dir;
    QString path;
    std::vector<float> ecg, pleth;
    qint64 t0Ms = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - 3 * 3'600'000;

    bool build()
    {
        path = dir.filePath(QStringLiteral("review.db"));
        archive::ArchiveOptions o;
        o.commitIntervalMs = 20;
        QString error;
        auto a = archive::Archive::open(path, o, &error);
        if (!a) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        const int blocks = 3 * 60 * 4;
        for (int b = 0; b < blocks; ++b) {
            BedUpdate u;
            u.bedKey = kBed;
            u.bedLabel = QStringLiteral("ICU 1A");
            u.sourceId = QStringLiteral("test");
            if (b == 0)
                u.patient =
                    PatientInfo{QStringLiteral("MRN7"), QStringLiteral("Doe, Jane"), PatientProfile::Adult};
            const qint64 startUs = (t0Ms + b * 250) * 1000;
            WaveBlock e{WaveId::EcgII, 500.0, startUs, {}};
            for (int i = 0; i < 125; ++i) {
                const int n = b * 125 + i;
                const float v = (n % 400 == 0) ? 1.5f : float(std::sin(n * 0.05) * 0.2);
                e.samples.push_back(v);
                ecg.push_back(v);
            }
            WaveBlock p{WaveId::Pleth, 125.0, startUs, {}};
            for (int i = 0; i < 31 + (b % 4 == 0 ? 1 : 0); ++i) {
                const float v = float(0.5 + 0.4 * std::sin((double(pleth.size())) * 0.1));
                p.samples.push_back(v);
                pleth.push_back(v);
            }
            // 125 Hz does not divide 0.25 s blocks evenly into 31.25 samples: starts must follow the samples.
            p.startTimeUs = t0Ms * 1000 + qint64(std::llround((pleth.size() - p.samples.size()) * 8000.0));
            u.waves.push_back(std::move(e));
            u.waves.push_back(std::move(p));
            if (b % 4 == 0) {
                const qint64 t = t0Ms + b * 250;
                u.numerics.push_back({NumericId::Hr, 60.0 + (b / 4) % 30, t});
                u.numerics.push_back({NumericId::SpO2, 97.0, t});
            }
            a->store(u);
        }
        archive::AlarmRecord r;
        r.alarmId = QStringLiteral("hr-1");
        r.bedKey = kBed;
        r.source = archive::AlarmRecord::Source::Limit;
        r.kind = vigil::alarms::Kind::Physiological;
        r.code = QStringLiteral("hr_high");
        r.text = QStringLiteral("HR 89 > 85");
        r.metric = QStringLiteral("hr");
        r.unit = QStringLiteral("/min");
        r.value = 89;
        r.limitHigh = 85;
        r.onsetMs = t0Ms + 60'000;
        const struct
        {
            archive::AlarmStep step;
            vigil::alarms::Priority priority;
            qint64 dt;
            const char *user;
        } steps[] = {
            {vigil::archive::AlarmStep::Start, vigil::alarms::Priority::Medium, 60'000, ""},
            {vigil::archive::AlarmStep::Escalate, vigil::alarms::Priority::High, 70'000, ""},
            {vigil::archive::AlarmStep::Acknowledge, vigil::alarms::Priority::High, 75'000, "nurse.b"},
            {vigil::archive::AlarmStep::End, vigil::alarms::Priority::High, 90'000, ""}};
        for (const auto &s : steps) {
            r.step = s.step;
            r.priority = s.priority;
            r.timeMs = t0Ms + s.dt;
            r.user = QString::fromLatin1(s.user);
            a->storeAlarmEvent(r);
        }
        return a->flush();
    }
};

} // namespace

class TestReview : public QObject
{
    Q_OBJECT
private slots:
    // The alarm history list under QAbstractItemModelTester: empty, filled out of order, refilled,
    // emptied; rows newest first and every role answering for every row.
    void alarmModelUnderModelTester()
    {
        ReviewAlarmModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &ReviewAlarmModel::countChanged);
        QCOMPARE(model.rowCount(), 0);
        const auto entry = [](const char *id, qint64 t, std::optional<alarms::Priority> p) {
            ArchiveAlarmEntry a;
            a.alarmId = QString::fromLatin1(id);
            a.timeMs = t;
            a.priority = p;
            a.kind = alarms::Kind::Physiological;
            a.text = QStringLiteral("HR high");
            a.metric = QStringLiteral("hr");
            a.value = 142;
            a.limitHigh = 120;
            a.unit = QStringLiteral("/min");
            return a;
        };
        model.reset({entry("a", kT0Ms, alarms::Priority::Low),
                     entry("c", kT0Ms + 2000, alarms::Priority::High),
                     entry("b", kT0Ms + 1000, std::nullopt)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(model.alarmIdAt(0), QStringLiteral("c"));
        QCOMPARE(model.alarmIdAt(2), QStringLiteral("a"));
        QCOMPARE(model.indexOf(QStringLiteral("b")), 1);
        QCOMPARE(model.timeAt(1), double(kT0Ms + 1000));
        QCOMPARE(model.data(model.index(0), ReviewAlarmModel::PriorityRole).toInt(), 3);
        QCOMPARE(model.data(model.index(1), ReviewAlarmModel::PriorityRole).toInt(), 0);
        const QHash<int, QByteArray> roles = model.roleNames();
        QVERIFY(roles.size() >= 12);
        for (int row = 0; row < model.rowCount(); ++row) {
            for (auto it = roles.cbegin(); it != roles.cend(); ++it)
                QVERIFY2(model.data(model.index(row), it.key()).isValid(), it.value().constData());
        }
        QVERIFY(!model.data(model.index(3), ReviewAlarmModel::AlarmIdRole).isValid());
        model.reset({entry("d", kT0Ms, alarms::Priority::Medium)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(model.find(QStringLiteral("d"))->priority, alarms::Priority::Medium);
        QVERIFY(!model.find(QStringLiteral("a")));
        model.reset({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(counts.size(), 3);
    }

    void withoutArchiveSaysSo()
    {
        ReviewModel m;
        QVERIFY(!m.available());
        QCOMPARE(m.error(), QStringLiteral("No archive available"));
        m.setBedKey(kBed);
        m.loadTrends();
        m.jumpTo(double(kT0Ms));
        m.scroll(10);
        QVERIFY(!m.reviewAlarm(QStringLiteral("A1")));
        QVERIFY(!m.loading());
        QVERIFY(!m.loaded());
    }

    void queryIsInjected()
    {
        auto q = std::make_shared<FakeQuery>();
        ReviewModel m(q);
        QVERIFY(m.available());
        QVERIFY(m.error().isEmpty());
        // Through the engine that creates QML's models: each engine its own archive, none by default.
        QObject engineA, engineB;
        QVERIFY(!ReviewArchive::of(&engineA));
        ReviewArchive::install(&engineA, q);
        QCOMPARE(ReviewArchive::of(&engineA), std::shared_ptr<ArchiveQuery>(q));
        QVERIFY(!ReviewArchive::of(&engineB));
        ReviewArchive::install(&engineA, nullptr); // replaced, not added
        QVERIFY(!ReviewArchive::of(&engineA));
        QCOMPARE(engineA.findChildren<ReviewArchive *>().size(), 1);
        ReviewModel none;
        QVERIFY(!none.available());
    }

    void loadsTrendsOffTheGuiThreadWithLoadingFlag()
    {
        auto q = std::make_shared<FakeQuery>();
        auto m = std::make_unique<ReviewModel>();
        m->setQuery(q);
        m->setClock([] { return kT0Ms + 10 * 3'600'000; });
        m->setRangeHours(8); // a fixed window (the default is the stay), chosen before the bed: no load yet
        m->setBedKey(kBed);
        QVERIFY(!m->loading());
        QSignalSpy loading(m.get(), &ReviewModel::loadingChanged);
        QSignalSpy trends(m.get(), &ReviewModel::trendsChanged);
        QSignalSpy progress(m.get(), &ReviewModel::progressChanged);
        q->closeGate();
        m->loadTrends();
        QVERIFY(m->loading());
        QVERIFY(m->trendLoading());
        QVERIFY(!m->loaded());
        QTRY_VERIFY(q->waiting() > 0);
        q->openGate();
        QVERIFY(waitIdle(*m));
        QVERIFY(m->loaded());
        QCOMPARE(trends.count(), 1); // one batch
        QVERIFY(progress.count() >= 3);
        QCOMPARE(m->progress(), 1.0);
        QVERIFY(loading.count() >= 2);
        for (const auto &id : q->callThreads)
            QVERIFY(id != std::this_thread::get_id());
        // The range ends at the stay's newest data (the clock is 8 h later), rounded to a minute.
        QCOMPARE(qint64(m->rangeEnd()), kT0Ms + 7'200'000);
        QCOMPARE(qint64(m->rangeStart()), kT0Ms + 7'200'000 - 8 * 3'600'000);
        QCOMPARE(m->viewStart(), m->rangeStart());
        QCOMPARE(m->viewEnd(), m->rangeEnd());
        QCOMPARE(m->bedLabel(), QStringLiteral("ICU 1A"));
        QVERIFY(m->patientText().contains(QStringLiteral("Doe, Jane")));
        QVERIFY(series(*m, NumericId::Hr));
        QVERIFY(series(*m, NumericId::SpO2));
        // Panels: every group listed, only those with data flagged.
        int withData = 0;
        for (const QVariant &p : m->trendPanels()) {
            const QVariantMap map = p.toMap();
            if (map[QStringLiteral("hasData")].toBool())
                ++withData;
            if (map[QStringLiteral("key")] == QStringLiteral("hr")) {
                QVERIFY(map[QStringLiteral("lo")].toDouble() <= 40);
                QVERIFY(map[QStringLiteral("hi")].toDouble() >= 190); // the spike widens the scale
            }
        }
        QCOMPARE(withData, 3); // hr, spo2, nibp
        // Alarms newest first.
        QCOMPARE(m->alarms()->rowCount(), 2);
        QCOMPARE(m->alarms()->alarmIdAt(0), QStringLiteral("A1"));
        QCOMPARE(m->alarms()->data(m->alarms()->index(0), ReviewAlarmModel::PriorityRole).toInt(), 3);
    }

    void decimatesOnTheWorker()
    {
        auto q = std::make_shared<FakeQuery>();
        q->honourMaxPoints = false; // returns all 7200 samples
        auto m = makeModel(q);
        m->setChartPoints(600);
        m->setRangeHours(8);
        m->loadTrends();
        QVERIFY(waitIdle(*m));
        {
            std::lock_guard l(q->m);
            QVERIFY(!q->trendCalls.empty());
            for (const auto &c : q->trendCalls)
                QCOMPARE(c.maxPoints, 600);
        }
        const ArchiveTrendSeries *hr = series(*m, NumericId::Hr);
        QVERIFY(hr);
        QVERIFY(hr->points.size() <= 600);
        QVERIFY(hr->points.size() > 50);
        // The one-second spike survives as a bucket maximum.
        double maxHi = 0;
        for (const auto &p : hr->points)
            maxHi = std::max(maxHi, p.max);
        QCOMPARE(maxHi, 190.0);
    }

    void decimateKeepsExtremesAndLeavesShortSeries()
    {
        ArchiveTrendSeries s;
        for (int i = 0; i < 1000; ++i)
            s.points.push_back({i * 1000, i == 500 ? -5.0 : 1.0, i == 500 ? -5.0 : 1.0, 1.0});
        ArchiveTrendSeries copy = s;
        decimate(copy, 0, 1'000'000, 2000);
        QCOMPARE(copy.points.size(), std::size_t(1000)); // already short enough
        decimate(s, 0, 1'000'000, 10);
        QCOMPARE(s.points.size(), std::size_t(10));
        QCOMPARE(s.points[5].min, -5.0);
        QCOMPARE(s.points[5].max, 1.0);
        QVERIFY(s.points[5].value < 1.0 && s.points[5].value > -5.0);
        QCOMPARE(s.points[0].timeMs, qint64(49'500));
    }

    void staleStripResultIsDiscarded()
    {
        auto q = std::make_shared<FakeQuery>();
        auto m = makeModel(q);
        ReviewStripModel *d = m->disclosure();
        d->setSeconds(10);
        QSignalSpy strips(d, &ReviewStripModel::stripChanged);
        q->closeGate();
        m->jumpTo(double(kT0Ms + 600'000)); // runs, blocked in the query
        QTRY_COMPARE(q->waiting(), 1);
        QVERIFY(d->loading());
        // The user moves on three times while the first read runs: only the newest is read next.
        m->jumpTo(double(kT0Ms + 1'200'000));
        m->jumpTo(double(kT0Ms + 1'800'000));
        m->jumpTo(double(kT0Ms + 2'400'000));
        q->openGate();
        QVERIFY(waitIdle(*m));
        QVERIFY(!d->loading());
        {
            std::lock_guard l(q->m);
            QCOMPARE(q->stripCalls.size(), std::size_t(2)); // the first and the latest, nothing between
            QCOMPARE(q->stripCalls[1].t1Us, (kT0Ms + 2'400'000 - 5'000) * 1000);
        }
        // The first result arrived after the user moved on: never shown.
        QCOMPARE(strips.count(), 1);
        QCOMPARE(qint64(d->start()), kT0Ms + 2'400'000 - 5'000);
        QCOMPARE(qint64(d->end()), kT0Ms + 2'400'000 + 5'000);
        QCOMPARE(qint64(d->marker()), kT0Ms + 2'400'000);
        QVERIFY(d->hasData());
        QCOMPARE(d->channels(), QStringList{QStringLiteral("ecg_ii")});
    }

    void staleTrendsDiscardedWhenTheBedChanges()
    {
        auto q = std::make_shared<FakeQuery>();
        auto m = makeModel(q);
        q->closeGate();
        m->loadTrends();
        QTRY_VERIFY(q->waiting() > 0);
        m->setBedKey(QStringLiteral("other"));
        q->openGate();
        QVERIFY(waitIdle(*m));
        QVERIFY(!m->loaded());
        QVERIFY(m->trendPanels().isEmpty());
        QCOMPARE(m->alarms()->rowCount(), 0);
    }

    void scrollMovesTheWindow()
    {
        auto q = std::make_shared<FakeQuery>();
        auto m = makeModel(q);
        m->loadTrends();
        QVERIFY(waitIdle(*m));
        ReviewStripModel *d = m->disclosure();
        d->setSeconds(10);
        // Nothing shown yet: scroll(0) shows the newest data, ending a second after the last sample.
        m->scroll(0);
        QVERIFY(waitIdle(*m));
        const qint64 last = kT0Ms + 7'199'000;
        QCOMPARE(qint64(d->end()), last + 1'000);
        QVERIFY(std::isnan(d->marker()));
        m->scroll(-60);
        QVERIFY(waitIdle(*m));
        QCOMPARE(qint64(d->end()), last + 1'000 - 60'000);
        // Never past the newest data.
        m->scroll(3600);
        QVERIFY(waitIdle(*m));
        QCOMPARE(qint64(d->end()), last + 1'000);
        m->scroll(-600);
        m->showLatest();
        QVERIFY(waitIdle(*m));
        QCOMPARE(qint64(d->end()), last + 1'000);
        // A wider view re-reads the same start.
        const qint64 start = qint64(d->start());
        d->setSeconds(20);
        QVERIFY(waitIdle(*m));
        QCOMPARE(qint64(d->start()), start);
        QCOMPARE(qint64(d->end()), start + 20'000);
    }

    void alarmReviewIsThirtySecondsEitherSide()
    {
        auto q = std::make_shared<FakeQuery>();
        auto m = makeModel(q);
        m->loadTrends();
        QVERIFY(waitIdle(*m));
        QVERIFY(!m->reviewAlarm(QStringLiteral("nope")));
        QSignalSpy reviewed(m.get(), &ReviewModel::reviewedAlarmChanged);
        QVERIFY(m->reviewAlarm(QStringLiteral("A1")));
        QCOMPARE(reviewed.count(), 1);
        QCOMPARE(m->reviewedAlarmId(), QStringLiteral("A1"));
        QVERIFY(m->alarmStrip()->loading());
        QVERIFY(waitIdle(*m));
        const qint64 t = kT0Ms + 3'600'000;
        {
            std::lock_guard l(q->m);
            QCOMPARE(q->stripCalls.back().t1Us, (t - 30'000) * 1000);
            QCOMPARE(q->stripCalls.back().t2Us, (t + 30'000) * 1000);
        }
        ReviewStripModel *s = m->alarmStrip();
        QCOMPARE(qint64(s->start()), t - 30'000);
        QCOMPARE(qint64(s->end()), t + 30'000);
        QCOMPARE(qint64(s->marker()), t);
        // The full-disclosure strip is a separate one.
        QVERIFY(!m->disclosure()->loaded());
    }

    void zoomAndPanStayInRangeAndLoadDetail()
    {
        auto q = std::make_shared<FakeQuery>();
        auto m = makeModel(q);
        m->setRangeHours(8);
        m->setChartPoints(400);
        m->loadTrends();
        QVERIFY(waitIdle(*m));
        const double r0 = m->rangeStart(), r1 = m->rangeEnd();
        // Zoom in 8x around the right edge: 1 h, ending at the range end.
        m->zoom(8.0, 1.0);
        QCOMPARE(m->viewEnd(), r1);
        QCOMPARE(m->viewEnd() - m->viewStart(), 3'600'000.0);
        m->pan(-0.5);
        QCOMPARE(m->viewEnd(), r1 - 1'800'000);
        m->pan(100); // clamped
        QCOMPARE(m->viewEnd(), r1);
        m->zoom(1e6); // not below the minimum span
        QCOMPARE(m->viewEnd() - m->viewStart(), double(ReviewModel::kMinViewSpanMs));
        m->setView(r0 - 1e9, r0 + 3'600'000);
        QCOMPARE(m->viewStart(), r0);
        // Once the view settles, finer data for it (plus half a view either side) is read.
        m->setView(r1 - 3'600'000, r1);
        QTRY_VERIFY(m->trendData()->detail != nullptr);
        QVERIFY(waitIdle(*m));
        const auto &detail = *m->trendData()->detail;
        QCOMPARE(detail.t2Ms, qint64(r1) + 1);
        QCOMPARE(detail.t1Ms, qint64(r1) - 5'400'000);
        QVERIFY(detail.maxPoints >= 600); // 1.5 views at chart resolution
        QVERIFY(detail.find(NumericId::Hr)->points.size() > series(*m, NumericId::Hr)->points.size());
        // Back to the whole range: the detail goes.
        m->resetView();
        QTRY_VERIFY(m->trendData()->detail == nullptr);
    }

    void destroyedWhileLoadingIsSafe()
    {
        auto q = std::make_shared<FakeQuery>();
        auto m = makeModel(q);
        q->closeGate();
        m->loadTrends();
        m->jumpTo(double(kT0Ms));
        QTRY_VERIFY(q->waiting() >= 2);
        m.reset();
        q->openGate();
        QTest::qWait(100); // the results are posted to nobody
    }

    void parsesTimes()
    {
        auto q = std::make_shared<FakeQuery>();
        auto m = makeModel(q);
        m->loadTrends();
        QVERIFY(waitIdle(*m));
        // Clock times are the latest such time at or before the newest data.
        const QDateTime last = QDateTime::fromMSecsSinceEpoch(kT0Ms + 7'199'000);
        const double t = m->parseTime(QStringLiteral("%1").arg(last.toString(QStringLiteral("HH:mm"))));
        QCOMPARE(qint64(t),
                 QDateTime(last.date(), QTime(last.time().hour(), last.time().minute())).toMSecsSinceEpoch());
        const QDateTime later = last.addSecs(3600);
        const double y = m->parseTime(later.toString(QStringLiteral("HH:mm")));
        QCOMPARE(qint64(y),
                 QDateTime(later.date().addDays(-1), QTime(later.time().hour(), later.time().minute()))
                     .toMSecsSinceEpoch());
        QCOMPARE(m->parseTime(QStringLiteral("0312")), m->parseTime(QStringLiteral("03:12")));
        QVERIFY(!std::isnan(m->parseTime(QStringLiteral("03:12:30"))));
        QCOMPARE(qint64(m->parseTime(QStringLiteral("2024-03-01T00:00:00Z"))), kT0Ms);
        QVERIFY(std::isnan(m->parseTime(QStringLiteral("soon"))));
        QVERIFY(std::isnan(m->parseTime(QStringLiteral("25:99"))));
        QVERIFY(!m->jumpToText(QStringLiteral("soon")));
        QVERIFY(m->jumpToText(QStringLiteral("2024-03-01T00:30:00Z")));
        QVERIFY(waitIdle(*m));
        QCOMPARE(qint64(m->disclosure()->marker()), kT0Ms + 1'800'000);
    }

    // --------------------------------------------------------------------- adapter on a real archive

    void adapterReadsWhatWasArchived()
    {
        ArchiveFixture f;
        QVERIFY(f.build());
        archive::ArchiveQueryAdapter q(f.path);
        QString error;
        const auto stays = q.stays(kBed, 0, archive::ArchiveReader::kEnd / 2, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stays.size(), std::size_t(1));
        QCOMPARE(stays[0].patientName, QStringLiteral("Doe, Jane"));
        QCOMPARE(stays[0].bedLabel, QStringLiteral("ICU 1A"));
        QVERIFY(stays[0].lastDataMs >= f.t0Ms + 179'000);

        const std::vector<NumericId> ids{NumericId::Hr, NumericId::SpO2, NumericId::Temp};
        const auto raw = q.trend(kBed, ids, f.t0Ms, f.t0Ms + 180'000, 0, &error);
        QCOMPARE(raw.size(), std::size_t(2)); // no temperature archived: no series
        QCOMPARE(raw[0].id, NumericId::Hr);
        QCOMPARE(raw[0].points.size(), std::size_t(180));
        for (std::size_t i = 0; i < raw[0].points.size(); ++i) {
            QCOMPARE(raw[0].points[i].timeMs, f.t0Ms + qint64(i) * 1000);
            QCOMPARE(raw[0].points[i].value, 60.0 + double(i % 30));
        }
        const auto dec = q.trend(kBed, ids, f.t0Ms, f.t0Ms + 180'000, 18, &error);
        QCOMPARE(dec[0].points.size(), std::size_t(18));
        QCOMPARE(dec[0].rawCount, qint64(180));
        QCOMPARE(dec[0].points[0].min, 60.0);
        QCOMPARE(dec[0].points[0].max, 69.0);

        // 10 s from 30 s in: ECG and pleth on their grids, equal to what was stored within quantisation.
        const qint64 t1 = f.t0Ms + 30'000;
        const auto strips = q.waveStrip(kBed, t1 * 1000, (t1 + 10'000) * 1000, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(strips.size(), std::size_t(2));
        const ArchiveWaveStrip &ecg = strips[0].id == WaveId::EcgII ? strips[0] : strips[1];
        QCOMPARE(ecg.sampleRate, 500.0);
        QCOMPARE(ecg.startUs, t1 * 1000);
        QCOMPARE(ecg.samples.size(), std::size_t(5000));
        for (std::size_t i = 0; i < ecg.samples.size(); ++i)
            QVERIFY(std::abs(ecg.samples[i] - f.ecg[15000 + i]) < 1e-3f);
        // Past the end of the data: NaN, not zeros.
        const auto tail = q.waveStrip(kBed, (f.t0Ms + 179'000) * 1000, (f.t0Ms + 181'000) * 1000,
                                      std::vector<WaveId>{WaveId::EcgII}, &error);
        QCOMPARE(tail.size(), std::size_t(1));
        QVERIFY(!std::isnan(tail[0].samples.front()));
        QVERIFY(std::isnan(tail[0].samples.back()));

        // Alarm steps folded into one alarm.
        const auto alarms = q.alarms(kBed, f.t0Ms, f.t0Ms + 180'000, &error);
        QCOMPARE(alarms.size(), std::size_t(1));
        const ArchiveAlarmEntry &a = alarms[0];
        QCOMPARE(a.alarmId, QStringLiteral("hr-1"));
        QCOMPARE(a.timeMs, f.t0Ms + 60'000);
        QCOMPARE(a.endTimeMs, f.t0Ms + 90'000);
        QVERIFY(a.priority == vigil::alarms::Priority::High); // escalated
        QVERIFY(a.kind == vigil::alarms::Kind::Physiological);
        QCOMPARE(a.text, QStringLiteral("HR 89 > 85"));
        QCOMPARE(a.value, 89.0);
        QCOMPARE(a.limitHigh, 85.0);
        QCOMPARE(a.acknowledgedBy, QStringLiteral("nurse.b"));
        QCOMPARE(a.acknowledgedMs, f.t0Ms + 75'000);
        QCOMPARE(ReviewAlarmModel::detailText(a), QStringLiteral("89 /min  (limit > 85)"));

        // Sequential calls reuse one connection.
        QCOMPARE(q.readersOpened(), 1);

        // Why readers are pooled: opening one (schema check, statements) against the query it serves.
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i)
            archive::ArchiveReader::open(f.path, &error);
        const double openMs = timer.nsecsElapsed() / 1e6 / 50;
        timer.restart();
        for (int i = 0; i < 50; ++i)
            q.waveStrip(kBed, (t1 + i * 100) * 1000, (t1 + i * 100 + 10'000) * 1000, {}, &error);
        const double stripMs = timer.nsecsElapsed() / 1e6 / 50;
        qInfo("reader open %.3f ms, 10 s strip of 2 channels through the pool %.3f ms", openMs, stripMs);
    }

    void adapterServesThreadsConcurrently()
    {
        ArchiveFixture f;
        QVERIFY(f.build());
        archive::ArchiveQueryAdapter q(f.path, 2);
        std::atomic<int> failures{0};
        std::vector<std::thread> threads;
        threads.reserve(4);
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 25; ++i) {
                    QString error;
                    const qint64 a = f.t0Ms + (t * 25 + i) * 1000;
                    const auto s = q.waveStrip(kBed, a * 1000, (a + 2000) * 1000,
                                               std::vector<WaveId>{WaveId::EcgII}, &error);
                    if (!error.isEmpty() || s.size() != 1 || s[0].samples.size() != 1000)
                        ++failures;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(q.readersOpened() <= 4);
    }

    void adapterReportsAMissingArchive()
    {
        archive::ArchiveQueryAdapter q(QStringLiteral("/nonexistent/vigil/archive.db"));
        QString error;
        QVERIFY(q.stays(kBed, 0, 1, &error).empty());
        QVERIFY(error.contains(QStringLiteral("does not exist")));
    }

    void modelOverRealArchive()
    {
        ArchiveFixture f;
        QVERIFY(f.build());
        ReviewModel m;
        m.setQuery(std::make_shared<archive::ArchiveQueryAdapter>(f.path));
        m.setBedKey(kBed);
        m.setRangeHours(1);
        m.loadTrends();
        QVERIFY(waitIdle(m));
        QVERIFY2(m.error().isEmpty(), qPrintable(m.error()));
        QVERIFY(series(m, NumericId::Hr));
        QCOMPARE(m.alarms()->rowCount(), 1);
        QVERIFY(m.reviewAlarm(QStringLiteral("hr-1")));
        QVERIFY(waitIdle(m));
        const auto strip = m.alarmStrip()->data();
        QVERIFY(strip);
        QVERIFY(strip->hasSamples());
        const ArchiveWaveStrip *ecg = strip->find(WaveId::EcgII);
        QVERIFY(ecg);
        QCOMPARE(ecg->startUs, (f.t0Ms + 30'000) * 1000);
        QCOMPARE(ecg->samples.size(), std::size_t(30'000));
        QCOMPARE(m.alarmStrip()->channels(),
                 (QStringList{QStringLiteral("ecg_ii"), QStringLiteral("pleth")}));
    }

    // The review opens on the bed's current stay, as the archive engine recorded it: from the stay's start
    // to now, not a fixed window; "whole range" (resetView) is exactly that stay, and nothing of the
    // previous patient's is in it. Discharged, the range ends with the stay.
    void opensOnTheStayRange()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stays.db"));
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - 3'600'000;
        const qint64 stayB = t0 + 200'000; // the second patient's first sample
        {
            archive::ArchiveOptions o;
            o.commitIntervalMs = 20;
            QString error;
            auto a = archive::Archive::open(path, o, &error);
            QVERIFY2(a, qPrintable(error));
            // Patient A for 2 minutes (HR 50), a pause, then patient B for 3 minutes (HR 100), each with
            // ECG and an alarm.
            const auto feed = [&](const PatientInfo &p, qint64 from, int seconds, double hr) {
                for (int s = 0; s < seconds; ++s) {
                    BedUpdate u;
                    u.bedKey = kBed;
                    u.bedLabel = QStringLiteral("ICU 1A");
                    u.sourceId = QStringLiteral("test");
                    u.patient = p;
                    WaveBlock e{WaveId::EcgII, 500.0, (from + s * 1000) * 1000,
                                std::vector<float>(500, 0.1f)};
                    u.waves.push_back(std::move(e));
                    u.numerics.push_back({NumericId::Hr, hr, from + s * 1000});
                    a->store(u);
                }
            };
            feed({QStringLiteral("MRN1"), QStringLiteral("Able, Ann"), PatientProfile::Adult}, t0, 120, 50.0);
            feed({QStringLiteral("MRN2"), QStringLiteral("Baker, Bo"), PatientProfile::Adult}, stayB, 180,
                 100.0);
            for (const auto &[id, at] :
                 {std::pair{"alarm-a", t0 + 60'000}, std::pair{"alarm-b", stayB + 50'000}}) {
                archive::AlarmRecord r;
                r.alarmId = QString::fromLatin1(id);
                r.bedKey = kBed;
                r.code = QStringLiteral("hr_high");
                r.text = QStringLiteral("HR high");
                r.priority = vigil::alarms::Priority::Medium;
                r.kind = vigil::alarms::Kind::Physiological;
                r.step = archive::AlarmStep::Start;
                r.timeMs = r.onsetMs = at;
                a->storeAlarmEvent(r);
            }
            QVERIFY(a->flush());
        }
        const qint64 now = t0 + 600'000;
        ReviewModel m;
        m.setQuery(std::make_shared<archive::ArchiveQueryAdapter>(path));
        m.setClock([now] { return now; });
        m.setBedKey(kBed);
        QCOMPARE(m.rangeHours(), ReviewModel::kStayRange); // the default
        m.loadTrends();
        QVERIFY(waitIdle(m));
        QVERIFY2(m.error().isEmpty(), qPrintable(m.error()));
        QCOMPARE(qint64(m.rangeStart()), stayB);
        QCOMPARE(qint64(m.rangeEnd()), now); // open stay: to now
        QCOMPARE(m.viewStart(), m.rangeStart());
        QCOMPARE(m.viewEnd(), m.rangeEnd());
        QCOMPARE(m.stays().size(), 1);
        QVERIFY2(m.patientText().contains(QStringLiteral("Baker, Bo")), qPrintable(m.patientText()));
        const ArchiveTrendSeries *hr = series(m, NumericId::Hr);
        QVERIFY(hr);
        QVERIFY(!hr->points.empty());
        for (const ArchiveTrendPoint &p : hr->points) {
            QVERIFY(p.timeMs >= stayB);
            QCOMPARE(p.min, 100.0); // not one of patient A's values
        }
        QCOMPARE(m.alarms()->rowCount(), 1);
        QCOMPARE(m.alarms()->alarmIdAt(0), QStringLiteral("alarm-b"));
        // Zoomed and panned, "whole range" is the stay again, exactly.
        m.zoom(4.0, 0.2);
        m.pan(0.5);
        QVERIFY(m.viewEnd() - m.viewStart() < m.rangeEnd() - m.rangeStart());
        m.resetView();
        QCOMPARE(qint64(m.viewStart()), stayB);
        QCOMPARE(qint64(m.viewEnd()), now);

        // A fixed window is still there on request, and back to the stay.
        m.setRangeHours(1);
        QVERIFY(waitIdle(m));
        QCOMPARE(qint64(m.rangeEnd() - m.rangeStart()), qint64(3'600'000));
        QVERIFY(m.rangeStart() < double(t0)); // reaches back into patient A's stay
        m.setRangeHours(0);
        QVERIFY(waitIdle(m));
        QCOMPARE(qint64(m.rangeStart()), stayB);

        // Discharged: the range is the stay, start to end.
        {
            QString error;
            auto a = archive::Archive::open(path, archive::ArchiveOptions{}, &error);
            QVERIFY2(a, qPrintable(error));
            a->discharge(kBed, stayB + 190'000);
            QVERIFY(a->flush());
        }
        m.loadTrends();
        QVERIFY(waitIdle(m));
        QCOMPARE(qint64(m.rangeStart()), stayB);
        QCOMPARE(qint64(m.rangeEnd()), stayB + 190'000);
        m.resetView();
        QCOMPARE(qint64(m.viewStart()), stayB);
        QCOMPARE(qint64(m.viewEnd()), stayB + 190'000);
    }

    // ------------------------------------------------------------------------------ column fills

    void stripColumnsKeepTheSpike()
    {
        // 500 Hz at 100 px/s: 5 samples per column; one spike sample shows as its column's max.
        std::vector<float> s(1000, 0.f);
        s[503] = 1.5f;
        s[250] = -0.7f;
        LaneColumns lane;
        lane.reset(200);
        fillStripColumns(lane, s, 500.0, 0.0, 100.0);
        QCOMPARE(lane.hi[100], 1.5f);
        QCOMPARE(lane.lo[50], -0.7f);
        QCOMPARE(lane.hi[98], 0.f);
        QCOMPARE(lane.lo[199], 0.f);
        for (int c = 0; c < 200; ++c)
            QVERIFY(!std::isnan(lane.lo[c]));
    }

    void stripColumnsLeaveGapsAndOffsets()
    {
        std::vector<float> s(1000, 0.5f);
        for (int i = 400; i < 600; ++i)
            s[i] = std::nanf("");
        LaneColumns lane;
        lane.reset(300);
        // Samples start 0.5 s after the left edge (50 columns), 2 s of data = 200 columns.
        fillStripColumns(lane, s, 500.0, 0.5, 100.0);
        for (int c = 0; c < 50; ++c)
            QVERIFY(std::isnan(lane.lo[c]));
        QVERIFY(!std::isnan(lane.lo[51]));
        QVERIFY(!std::isnan(lane.lo[128]));
        for (int c = 131; c < 169; ++c)
            QVERIFY2(std::isnan(lane.lo[c]), qPrintable(QString::number(c)));
        QVERIFY(!std::isnan(lane.lo[171]));
        QVERIFY(!std::isnan(lane.lo[248]));
        for (int c = 251; c < 300; ++c)
            QVERIFY(std::isnan(lane.lo[c]));
        // Starting before the left edge: the visible part only.
        lane.reset(100);
        fillStripColumns(lane, s, 500.0, -0.2, 100.0);
        QVERIFY(!std::isnan(lane.lo[0]));
        QCOMPARE(lane.lo[0], 0.5f);
    }

    void slowChannelIsALineNotDots()
    {
        // Respiration at 62.5 Hz on the 25 mm/s time axis (~94 px/s): fewer samples than columns. Every
        // column between the first and last sample is drawn, with the interpolated value.
        std::vector<float> s(125);
        for (int i = 0; i < 125; ++i)
            s[std::size_t(i)] = float(i);
        LaneColumns lane;
        lane.reset(188);
        fillStripColumns(lane, s, 62.5, 0.0, 94.0);
        const int lastCol = int(124 / 62.5 * 94.0);
        for (int c = 0; c < lastCol; ++c)
            QVERIFY2(!std::isnan(lane.lo[c]), qPrintable(QString::number(c)));
        // Column 10 spans samples 6.65..7.31: the line's values there.
        QVERIFY(std::abs(lane.lo[10] - 6.65f) < 0.01f);
        QVERIFY(std::abs(lane.hi[10] - 7.31f) < 0.01f);
        float lo, hi;
        stripScale(WaveId::Resp, lane, lo, hi);
        QVERIFY(lo < 0.f && hi > 124.f);
        stripScale(WaveId::EcgII, lane, lo, hi);
        QCOMPARE(lo, waveInfo(WaveId::EcgII).rangeLow);
    }

    void trendColumnsJoinAndBreak()
    {
        // 1 Hz HR, 10 s per column: joined. A 5 min hole breaks the line.
        std::vector<ArchiveTrendPoint> p;
        p.reserve(900);
        for (int s = 0; s < 600; ++s)
            p.push_back({s * 1000, 70.0, 70.0, 70.0});
        for (int s = 900; s < 1200; ++s)
            p.push_back({s * 1000, s == 1000 ? 150.0 : 80.0, 80.0, s == 1000 ? 150.0 : 80.0});
        LaneColumns lane;
        lane.reset(120);
        fillTrendColumns(lane, p, 0.0, 10'000.0, 15'000.0, 0, 120);
        for (int c = 0; c < 60; ++c)
            QVERIFY(!std::isnan(lane.lo[c]));
        for (int c = 60; c < 90; ++c)
            QVERIFY2(std::isnan(lane.lo[c]), qPrintable(QString::number(c)));
        QCOMPARE(lane.hi[100], 150.0f);
        QCOMPARE(lane.lo[100], 80.0f);
        // Only columns inside [firstCol, endCol) are written.
        lane.reset(120);
        fillTrendColumns(lane, p, 0.0, 10'000.0, 15'000.0, 10, 20);
        QVERIFY(std::isnan(lane.lo[9]));
        QVERIFY(!std::isnan(lane.lo[10]));
        QVERIFY(!std::isnan(lane.lo[19]));
        QVERIFY(std::isnan(lane.lo[20]));
    }

    void episodicTrendGetsTicks()
    {
        // NIBP every 15 min on a 1 min/column chart: lines between readings plus a tick at each.
        std::vector<ArchiveTrendPoint> p{
            {0, 120, 120, 120}, {900'000, 130, 130, 130}, {5'000'000, 110, 110, 110}};
        LaneColumns lane;
        lane.reset(100);
        fillTrendColumns(lane, p, 0.0, 60'000.0, 1'800'000.0, 0, 100, 3);
        QVERIFY(!std::isnan(lane.lo[7])); // joined 0 -> 15 min
        QCOMPARE(lane.lo[18], 130.0f);    // tick after the second reading
        QVERIFY(std::isnan(lane.lo[40])); // 68 min hole: broken
        QCOMPARE(lane.lo[83], 110.0f);    // the isolated reading at 83 min, widened
        QCOMPARE(lane.lo[86], 110.0f);
        QVERIFY(std::isnan(lane.lo[87]));
        // With a height, each reading is a block on the line.
        lane.reset(100);
        fillTrendColumns(lane, p, 0.0, 60'000.0, 1'800'000.0, 0, 100, 3, 2.0);
        QCOMPARE(lane.lo[83], 108.0f);
        QCOMPARE(lane.hi[83], 112.0f);
        QCOMPARE(lane.hi[15], 132.0f);
    }

    void niceAxes()
    {
        const AxisRange a = niceRange(55, 190, 40, 160);
        QCOMPARE(a.lo, 40.0);
        QVERIFY(a.hi >= 190);
        QVERIFY(a.step >= 25 && a.step <= 50);
        const AxisRange t = niceRange(NAN, NAN, 35, 39);
        QCOMPARE(t.lo, 35.0);
        QCOMPARE(t.hi, 39.0);
        QCOMPARE(t.step, 1.0);
    }
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
