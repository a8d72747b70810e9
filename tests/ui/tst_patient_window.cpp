// The patient panel in the real window (issue 11): from the bed view, admit a patient by keyboard and touch
// (the census gets the stay, the button becomes "Patient..."), open the vitals validation panel, and
// discharge with its confirmation. Screenshots: tst_patient_admit.png, tst_patient_vitals.png.
#include "Gui.h"
#include "QuickItems.h"
#include "StationApp.h"
#include "StationConfig.h"
#include "StationWindow.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using vigil::test::itemNamed;

namespace {
void click(QQuickWindow *w, QQuickItem *item)
{
    const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(w, Qt::LeftButton, {}, c.toPoint());
}
// QTest::keyClicks takes a QWidget; a window gets its characters one by one.
void typeText(QQuickWindow *w, const QString &text)
{
    for (const QChar c : text)
        QTest::keyClick(w, c.toLatin1());
}
} // namespace

class TestPatientWindow : public QObject
{
    Q_OBJECT
private slots:
    void admitValidateDischarge()
    {
        StationConfig cfg = defaultStationConfig();
        cfg.sources[0].beds = 4;
        cfg.sources[0].scenarios.clear();
        cfg.archive.enabled = false;
        QString error;
        auto app = test::startStation(cfg, &error);
        QVERIFY2(app, qPrintable(error));
        QQmlApplicationEngine engine;
        QQuickWindow *w = test::showStationWindow(engine, app->station(), QSize(1920, 1080), &error);
        QVERIFY2(w, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(app->station()->wardModel()->rowCount(), 4, 5000);
        auto *grid = itemNamed(w->contentItem(), QStringLiteral("wardGrid"));
        QTRY_VERIFY(grid && grid->hasActiveFocus());
        QTest::keyClick(w, Qt::Key_Return);
        QQuickItem *button = nullptr;
        QTRY_VERIFY((button = test::visibleItemNamed(w->contentItem(), QStringLiteral("patientButton"))));
        QCOMPARE(button->property("text").toString(), QStringLiteral("Admit\u2026"));
        click(w, button);
        QQuickItem *mrn = nullptr;
        QTRY_VERIFY((mrn = test::visibleItemNamed(w->contentItem(), QStringLiteral("patientMrn"))));
        QTRY_VERIFY(mrn->hasActiveFocus());
        // Keyboard: type, Tab to the next fields, Enter admits.
        typeText(w, QStringLiteral("MRN777"));
        auto *family = test::visibleItemNamed(w->contentItem(), QStringLiteral("patientFamily"));
        auto *given = test::visibleItemNamed(w->contentItem(), QStringLiteral("patientGiven"));
        auto *dob = test::visibleItemNamed(w->contentItem(), QStringLiteral("patientDob"));
        QVERIFY(family && given && dob);
        family->forceActiveFocus();
        typeText(w, QStringLiteral("Nightingale"));
        given->forceActiveFocus();
        typeText(w, QStringLiteral("Florence"));
        dob->forceActiveFocus();
        typeText(w, QStringLiteral("1950-05-12"));
        QTest::qWait(300);
        w->grabWindow().save(QStringLiteral("tst_patient_admit.png"));
        QTest::keyClick(w, Qt::Key_Return);
        census::Census *census = app->station()->census();
        const QString bed = app->station()->wardModel()->bedKey(0);
        QTRY_VERIFY_WITH_TIMEOUT(
            census->stayOf(bed) != nullptr && census->stayOf(bed)->patient.mrn == "MRN777", 5000);
        QCOMPARE(census->stayOf(bed)->patient.displayName(), QStringLiteral("Nightingale, Florence"));
        QVERIFY(census->stayOf(bed)->source == census::StaySource::Manual);
        QTRY_COMPARE(button->property("text").toString(), QStringLiteral("Patient\u2026"));
        // The bed view's header shows the admitted patient, not the monitor's.
        auto *header = test::visibleItemNamed(w->contentItem(), QStringLiteral("detailPatient"));
        QVERIFY(header);
        QTRY_VERIFY2(header->property("text").toString().contains(
                         QStringLiteral("Nightingale, Florence  \u00B7  MRN777")),
                     qPrintable(header->property("text").toString()));

        // Validate vitals: the panel lists the bed's current values.
        QQuickItem *vitals = nullptr;
        QTRY_VERIFY((vitals = test::visibleItemNamed(w->contentItem(), QStringLiteral("vitalsButton"))));
        QTest::qWait(1500);
        click(w, vitals);
        QQuickItem *hr = nullptr;
        QTRY_VERIFY((hr = test::visibleItemNamed(w->contentItem(), QStringLiteral("vital_hr"))));
        QTest::qWait(300);
        w->grabWindow().save(QStringLiteral("tst_patient_vitals.png"));
        QTest::keyClick(w, Qt::Key_Escape);

        // Discharge: needs the confirmation click.
        click(w, button);
        QQuickItem *discharge = nullptr;
        QTRY_VERIFY(
            (discharge = test::visibleItemNamed(w->contentItem(), QStringLiteral("dischargeButton"))));
        click(w, discharge);
        QTest::qWait(300);
        QVERIFY(census->stayOf(bed) != nullptr); // not yet: only asked to confirm
        click(w, discharge);
        QTRY_VERIFY_WITH_TIMEOUT(census->stayOf(bed) == nullptr || census->stayOf(bed)->patient.mrn.isEmpty(),
                                 5000);
        app->stop();
    }

    // Issue 11's stay search: a discharged patient is found by name from the patient panel, and "Review"
    // opens the bed's archive review on that stay (its patient in the header), not on the bed's newest one.
    void findDischargedStay()
    {
        QTemporaryDir dir;
        StationConfig cfg = defaultStationConfig();
        cfg.sources[0].beds = 4;
        cfg.sources[0].scenarios.clear();
        cfg.archive.enabled = true;
        cfg.archive.path = dir.filePath(QStringLiteral("archive.sqlite"));
        QString error;
        auto app = test::startStation(cfg, &error);
        QVERIFY2(app, qPrintable(error));
        QQmlApplicationEngine engine;
        // The review reads the archive: the window's engine gets its path (as the station's Gui does).
        QQuickWindow *w = loadStationWindow(engine, app->station(), &error, cfg.archive.path);
        QVERIFY2(w, qPrintable(error));
        w->resize(1920, 1080);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QTRY_COMPARE_WITH_TIMEOUT(app->station()->wardModel()->rowCount(), 4, 5000);
        census::Census *census = app->station()->census();
        const QString bed = app->station()->wardModel()->bedKey(0);
        census->admit(bed, {{QStringLiteral("mrn"), QStringLiteral("MRN900")},
                            {QStringLiteral("family"), QStringLiteral("Seacole")},
                            {QStringLiteral("given"), QStringLiteral("Mary")},
                            {QStringLiteral("birthDate"), QStringLiteral("1960-01-01")}});
        QTRY_VERIFY_WITH_TIMEOUT(census->stayOf(bed) && census->stayOf(bed)->patient.mrn == "MRN900", 5000);
        QTest::qWait(1500); // the simulator's data is archived under her stay
        census->discharge(bed);
        QTRY_VERIFY_WITH_TIMEOUT(!census->stayOf(bed) || census->stayOf(bed)->patient.mrn.isEmpty(), 5000);
        QTest::qWait(1200); // and the next (simulated) patient's data under another

        auto *grid = itemNamed(w->contentItem(), QStringLiteral("wardGrid"));
        QTRY_VERIFY(grid && grid->hasActiveFocus());
        QTest::keyClick(w, Qt::Key_Return);
        QQuickItem *button = nullptr;
        QTRY_VERIFY((button = test::visibleItemNamed(w->contentItem(), QStringLiteral("patientButton"))));
        click(w, button);
        QQuickItem *find = nullptr;
        QTRY_VERIFY((find = test::visibleItemNamed(w->contentItem(), QStringLiteral("findPatientButton"))));
        click(w, find);
        QQuickItem *text = nullptr;
        QTRY_VERIFY((text = test::visibleItemNamed(w->contentItem(), QStringLiteral("staySearchText"))));
        QTRY_VERIFY(text->hasActiveFocus());
        typeText(w, QStringLiteral("Seacole"));
        auto *results = test::visibleItemNamed(w->contentItem(), QStringLiteral("staySearchResults"));
        QVERIFY(results);
        QTRY_COMPARE_WITH_TIMEOUT(results->property("count").toInt(), 1, 5000);
        QTest::qWait(300);
        w->grabWindow().save(QStringLiteral("tst_stay_search.png"));
        QQuickItem *review = nullptr;
        QTRY_VERIFY((review = test::visibleItemNamed(w->contentItem(), QStringLiteral("stayReview0"))));
        click(w, review);
        QTRY_VERIFY(test::visibleItemNamed(w->contentItem(), QStringLiteral("bedReview")));
        QQuickItem *patient = nullptr;
        QTRY_VERIFY((patient = itemNamed(w->contentItem(), QStringLiteral("reviewPatient"))));
        QTRY_VERIFY2_WITH_TIMEOUT(patient->property("text").toString().contains(QStringLiteral("Seacole")),
                                  qPrintable(patient->property("text").toString()), 15000);
        QTest::qWait(500);
        w->grabWindow().save(QStringLiteral("tst_stay_review.png"));
        app->stop();
    }
};

QTEST_MAIN(TestPatientWindow)
#include "tst_patient_window.moc"
