// The bed review page on a real archive, rendered with OpenGL under Xvfb: eight hours of a simulated
// patient (tachycardia and a desaturation with their alarms, a monitor disconnect) are written through
// Archive, then each tab is shown, checked for drawn traces and saved as a PNG (review_*.png in the
// working directory, or in $VIGIL_REVIEW_SHOTS) for a human to look at.
#include "Archive.h"
#include "ArchiveQueryAdapter.h"
#include "Physiology.h"
#include "QuickItems.h"
#include "ReviewModel.h"
#include "StationApp.h"
#include "StationConfig.h"
#include "StationWindow.h"
#include "StripView.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using vigil::test::itemNamed;

namespace {

const QString kBed = QStringLiteral("sim-1");

// NIBP, temperature and CO2 are drawn white-grey, as in the live view.
bool isBright(QRgb p)
{
    return std::min({qRed(p), qGreen(p), qBlue(p)}) > 150;
}

QRect sceneRect(QQuickItem *item, int inset = 0)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()))
        .toRect()
        .adjusted(inset, 0, -inset, 0);
}

// Eight hours ending a minute ago; waves are archived for the last hour only (what the test looks at).
bool writeArchive(const QString &path, qint64 *endMs)
{
    archive::ArchiveOptions o;
    o.commitIntervalMs = 50;
    QString error;
    auto a = archive::Archive::open(path, o, &error);
    if (!a) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    const double hours = 8.0;
    const qint64 startMs =
        (QDateTime::currentMSecsSinceEpoch() - 60'000) / 1000 * 1000 - qint64(hours * 3600'000);
    sim::PhysiologyParams params = sim::defaultParams(PatientProfile::Adult, 7);
    params.hasAbp = true;
    params.hasCo2 = true;
    params.heartRate = 78;
    params.nibpCycleS = 900;
    std::string err;
    const auto script = sim::parseScenario(
        "tachycardia@120m+40m=138 desat@312m+12m=84 disconnect@380m+8m lead_off@460m+40", &err);
    if (!script) {
        qWarning("%s", err.c_str());
        return false;
    }
    sim::BedPhysiology bed(params, 7, *script);
    sim::PhysiologyOutput out;
    const double wavesFromS = hours * 3600 - 3600;
    const PatientInfo patient{QStringLiteral("MRN-20417"), QStringLiteral("Lindqvist, Maja"),
                              PatientProfile::Adult};
    bool first = true;
    for (double t = 1.0; t <= hours * 3600; t += 1.0) {
        out.clear();
        bed.advanceTo(t, out);
        BedUpdate u;
        u.bedKey = kBed;
        u.bedLabel = QStringLiteral("Bed 01");
        u.sourceId = QStringLiteral("sim");
        if (first)
            u.patient = patient;
        if (t > wavesFromS) {
            for (int w = 0; w < kWaveCount; ++w) {
                for (const sim::WaveRun &run : out.runs[std::size_t(w)]) {
                    if (run.count == 0)
                        continue;
                    WaveBlock b;
                    b.id = WaveId(w);
                    b.sampleRate = kWaves[std::size_t(w)].defaultRate;
                    b.startTimeUs =
                        startMs * 1000 + qint64(std::llround(double(run.firstSample) * 1e6 / b.sampleRate));
                    const auto &s = out.waves[std::size_t(w)];
                    b.samples.assign(s.begin() + std::ptrdiff_t(run.offset),
                                     s.begin() + std::ptrdiff_t(run.offset + run.count));
                    u.waves.push_back(std::move(b));
                }
            }
        }
        for (const auto &n : out.numerics)
            u.numerics.push_back({n.id, n.value, startMs + qint64(n.timeS * 1000)});
        if (!u.waves.empty() || !u.numerics.empty()) {
            a->store(u);
            first = false;
        }
    }
    // The alarms the station raised during the scenario.
    const struct
    {
        const char *id, *code, *text;
        vigil::alarms::Priority priority;
        double onsetS, endS, value, limitLo, limitHi;
        const char *unit;
    } alarms[] = {
        {"a1", "hr_high", "HR high", vigil::alarms::Priority::Medium, 2 * 3600 + 900, 2 * 3600 + 2300, 131,
         NAN, 120, "/min"},
        {"a2", "spo2_low", "SpO2 low", vigil::alarms::Priority::High, 5 * 3600 + 870, 5 * 3600 + 1500, 86, 90,
         NAN, "%"},
        {"a3", "no_data", "Bed 01 no data", vigil::alarms::Priority::Low, 6 * 3600 + 1210, 6 * 3600 + 1680,
         NAN, NAN, NAN, ""},
        {"a4", "lead_off", "ECG leads off", vigil::alarms::Priority::Low, 7 * 3600 + 2402, 7 * 3600 + 2440,
         NAN, NAN, NAN, ""},
    };
    for (const auto &al : alarms) {
        archive::AlarmRecord r;
        r.alarmId = QString::fromLatin1(al.id);
        r.bedKey = kBed;
        r.code = QString::fromLatin1(al.code);
        r.text = QString::fromLatin1(al.text);
        r.priority = al.priority;
        r.kind = QByteArray(al.code).contains("_off") || QByteArray(al.code) == "no_data"
                     ? vigil::alarms::Kind::Technical
                     : vigil::alarms::Kind::Physiological;
        r.value = al.value;
        r.limitLow = al.limitLo;
        r.limitHigh = al.limitHi;
        r.unit = QString::fromLatin1(al.unit);
        r.onsetMs = startMs + qint64(al.onsetS * 1000);
        r.step = vigil::archive::AlarmStep::Start;
        r.timeMs = r.onsetMs;
        a->storeAlarmEvent(r);
        r.step = vigil::archive::AlarmStep::Acknowledge;
        r.timeMs = r.onsetMs + 25'000;
        r.user = QStringLiteral("rn.okafor");
        a->storeAlarmEvent(r);
        r.step = vigil::archive::AlarmStep::End;
        r.timeMs = startMs + qint64(al.endS * 1000);
        r.user.clear();
        a->storeAlarmEvent(r);
    }
    *endMs = startMs + qint64(hours * 3600'000);
    return a->flush(60'000);
}

} // namespace

class TestReviewWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    qint64 m_endMs = 0;
    std::unique_ptr<StationApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QQuickItem *m_page = nullptr;
    QString m_shots;

    QObject *review() const { return m_page->property("review").value<QObject *>(); }
    QImage shot(const QString &name)
    {
        QTest::qWait(300);
        const QImage img = m_window->grabWindow();
        img.save(QDir(m_shots).filePath(name));
        return img;
    }

private slots:
    void initTestCase()
    {
        m_shots = qEnvironmentVariable("VIGIL_REVIEW_SHOTS", QDir::currentPath());
        const QString path = m_dir.filePath(QStringLiteral("review.db"));
        QElapsedTimer t;
        t.start();
        QVERIFY(writeArchive(path, &m_endMs));
        qInfo("archive written in %lld ms", t.elapsed());

        StationConfig cfg = defaultStationConfig();
        cfg.sources[0].beds = 1;
        cfg.archive.enabled = false;
        QString error;
        m_app = test::startStation(cfg, &error, false);
        QVERIFY2(m_app, qPrintable(error));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = test::showQmlWindow(*m_engine, m_app->station(), R"(
            import QtQuick
            import QtQuick.Window
            import Vigil.Ui
            Window {
                width: 1920; height: 1080; visible: true; color: "black"
                BedReview { objectName: "page"; anchors.fill: parent; bedKey: "sim-1"; bedLabel: "Bed 01"; focus: true }
            })",
                                       &error, path); // the pages' archive, injected through the engine
        QVERIFY2(m_window, qPrintable(error));
        m_page = itemNamed(m_window->contentItem(), QStringLiteral("page"));
        QVERIFY(m_page);
        m_page->forceActiveFocus();
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_app.reset();
    }

    void trends()
    {
        QObject *r = review();
        QVERIFY(r->property("available").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(r->property("loaded").toBool(), 10000);
        QTRY_VERIFY(!r->property("loading").toBool());
        QVERIFY2(r->property("error").toString().isEmpty(), qPrintable(r->property("error").toString()));
        // Opens on the stay: from its first archived sample (8 h ago) to now.
        QCOMPARE(r->property("rangeHours").toInt(), 0);
        const QVariantList stays = r->property("stays").toList();
        QCOMPARE(stays.size(), 1);
        const double stayStart = stays.front().toMap().value(QStringLiteral("from")).toDouble();
        QCOMPARE(r->property("rangeStart").toDouble(), stayStart);
        QVERIFY(stayStart >= double(m_endMs - 8 * 3600'000) &&
                stayStart < double(m_endMs - 8 * 3600'000 + 5000));
        QVERIFY(r->property("rangeEnd").toDouble() >= double(m_endMs));
        QVERIFY(r->property("rangeEnd").toDouble() <= double(QDateTime::currentMSecsSinceEpoch()));
        QCOMPARE(r->property("viewStart").toDouble(), stayStart);
        const QImage img = shot(QStringLiteral("review_trends.png"));
        for (const char *panel :
             {"trend_hr", "trend_spo2", "trend_abp", "trend_rr", "trend_nibp", "trend_temp", "trend_etco2"}) {
            QQuickItem *view = itemNamed(m_page, QString::fromLatin1(panel));
            QVERIFY2(view, panel);
            const QRect rect = sceneRect(view);
            const bool grey = QByteArray(panel) == "trend_nibp" || QByteArray(panel) == "trend_temp" ||
                              QByteArray(panel) == "trend_etco2";
            QVERIFY2(test::countPixels(img, rect, grey ? isBright : test::isTracePixel) > rect.width() / 2,
                     panel);
        }
        QCOMPARE(r->property("alarms").value<QObject *>()->property("count").toInt(), 4);
        // Zoom in on the desaturation (5 h 12 m in): the finer data arrives.
        QMetaObject::invokeMethod(r, "setView",
                                  Q_ARG(double, double(m_endMs - 8 * 3600'000 + 4 * 3600'000 + 50 * 60'000)),
                                  Q_ARG(double, double(m_endMs - 8 * 3600'000 + 5 * 3600'000 + 40 * 60'000)));
        QTest::qWait(400);
        QTRY_VERIFY(!r->property("loading").toBool());
        shot(QStringLiteral("review_trends_zoom.png"));
    }

    void fullDisclosure()
    {
        QMetaObject::invokeMethod(m_page, "showTab", Q_ARG(QVariant, 1));
        QObject *r = review();
        QObject *d = r->property("disclosure").value<QObject *>();
        QTRY_VERIFY_WITH_TIMEOUT(d->property("loaded").toBool(), 5000);
        QTRY_VERIFY(!d->property("loading").toBool());
        QVERIFY(d->property("hasData").toBool());
        auto *view = qobject_cast<StripView *>(itemNamed(m_page, QStringLiteral("stripView")));
        QVERIFY(view);
        QTRY_VERIFY(view->isVisible());
        QVERIFY(view->lanes().contains(QStringLiteral("ecg_ii")));
        QVERIFY(view->lanes().contains(QStringLiteral("abp")));
        const QImage img = shot(QStringLiteral("review_disclosure.png"));
        const QRect rect = sceneRect(view, 60);
        QVERIFY(test::countPixels(img, rect) > rect.width() * view->lanes().size());
        // Typed time, then one minute back with the keyboard.
        auto *field = itemNamed(m_page, QStringLiteral("jumpField"));
        QVERIFY(field);
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(m_endMs - 20 * 60'000);
        field->setProperty("text", at.toString(QStringLiteral("HH:mm")));
        QMetaObject::invokeMethod(itemNamed(m_page, QStringLiteral("reviewDisclosure")), "jump");
        QTRY_VERIFY(!d->property("loading").toBool());
        QTRY_COMPARE(qint64(d->property("marker").toDouble()),
                     QDateTime(at.date(), QTime(at.time().hour(), at.time().minute())).toMSecsSinceEpoch());
        shot(QStringLiteral("review_disclosure_jump.png"));
        const double before = d->property("start").toDouble();
        QTest::keyClick(m_window, Qt::Key_PageUp);
        QTRY_COMPARE(d->property("start").toDouble(), before - 60'000);
    }

    void alarmReview()
    {
        QMetaObject::invokeMethod(m_page, "showTab", Q_ARG(QVariant, 2));
        QObject *r = review();
        auto *list = itemNamed(m_page, QStringLiteral("alarmHistory"));
        QVERIFY(list);
        QTRY_VERIFY(list->hasActiveFocus());
        // Down arrow from "nothing selected" selects the newest alarm and shows its waves.
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(r->property("reviewedAlarmId").toString(), QStringLiteral("a4"));
        QObject *s = r->property("alarmStrip").value<QObject *>();
        QTRY_VERIFY(s->property("loaded").toBool() && !s->property("loading").toBool());
        QCOMPARE(s->property("end").toDouble() - s->property("start").toDouble(), 60'000.0);
        const QImage img = shot(QStringLiteral("review_alarms.png"));
        auto *view = qobject_cast<StripView *>(
            itemNamed(itemNamed(m_page, QStringLiteral("alarmStripView")), QStringLiteral("stripView")));
        QVERIFY(view);
        const QRect rect = sceneRect(view, 60);
        QVERIFY(test::countPixels(img, rect) > rect.width());
    }

    void fitsAt1280x800()
    {
        m_window->resize(1280, 800);
        QMetaObject::invokeMethod(m_page, "showTab", Q_ARG(QVariant, 0));
        QTest::qWait(600);
        shot(QStringLiteral("review_trends_1280.png"));
        QMetaObject::invokeMethod(m_page, "showTab", Q_ARG(QVariant, 1));
        QTest::qWait(600);
        QTRY_VERIFY(!review()->property("loading").toBool());
        shot(QStringLiteral("review_disclosure_1280.png"));
        QMetaObject::invokeMethod(m_page, "showTab", Q_ARG(QVariant, 2));
        QTest::qWait(300);
        shot(QStringLiteral("review_alarms_1280.png"));
    }

    void escGoesBack()
    {
        QSignalSpy back(m_page, SIGNAL(back()));
        m_page->forceActiveFocus();
        QTest::keyClick(m_window, Qt::Key_Escape);
        QCOMPARE(back.count(), 1);
    }
};

QTEST_MAIN(TestReviewWindow)
#include "tst_review_window.moc"
