// The real station window on a simulated ward: traces are actually drawn in every tile's wave area and
// move between frames; keyboard navigation opens and closes the bed detail; both target resolutions fit.
#include "QuickItems.h"
#include "StationApp.h"
#include "StationConfig.h"
#include "StationWindow.h"
#include "WaveformView.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using namespace vigil;
using vigil::test::itemNamed;
using vigil::test::itemsOf;

namespace {
struct Region
{
    QRect rect;
    int lanes;
};

QList<Region> waveRegions(QQuickWindow *window)
{
    QList<Region> out;
    const qreal dpr = window->devicePixelRatio();
    for (auto *view : itemsOf<WaveformView>(window->contentItem())) {
        if (!view->isVisible() || view->width() < 10)
            continue;
        const QRectF r = view->mapRectToScene(QRectF(0, 0, view->width(), view->height()));
        // Skip the lane labels at the left edge: only trace pixels should count.
        QRect px(int((r.x() + 48) * dpr), int(r.y() * dpr), int((r.width() - 48) * dpr),
                 int(r.height() * dpr));
        out.append({px, int(view->waves().size())});
    }
    return out;
}

int changedPixels(const QImage &a, const QImage &b, const QRect &r)
{
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += a.pixel(x, y) != b.pixel(x, y);
    return n;
}
} // namespace

class TestWindow : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<StationApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

private slots:
    void initTestCase()
    {
        StationConfig cfg = defaultStationConfig();
        cfg.sources[0].beds = 6;
        cfg.sources[0].scenarios.clear();
        QString error;
        m_app = test::startStation(cfg, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = test::showStationWindow(*m_engine, m_app->station(), QSize(1920, 1080), &error);
        QVERIFY2(m_window, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->station()->wardModel()->rowCount(), 6, 5000);
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_app->stop();
    }

    void tracesAreDrawnAndMove()
    {
        QTest::qWait(3000); // one ECG sweep across a tile's wave area is ~3 s at 25 mm/s
        const QImage a = m_window->grabWindow();
        QTest::qWait(400);
        const QImage b = m_window->grabWindow();
        a.save(QStringLiteral("tst_window_overview.png"));
        const QList<Region> regions = waveRegions(m_window);
        QCOMPARE(regions.size(), 6);
        for (const Region &r : regions) {
            QVERIFY(r.lanes >= 3);
            const int drawn = test::countPixels(a, r.rect);
            const int moved = changedPixels(a, b, r.rect);
            const int area = r.rect.width() * r.rect.height();
            // Traces of 3-4 lanes, 2 px thick, across most of the width: well over 1 % of the area.
            QVERIFY2(drawn > area / 100,
                     qPrintable(QStringLiteral("only %1 trace pixels in %2 px").arg(drawn).arg(area)));
            // In 0.4 s the sweep advances ~38 px at 25 mm/s: many pixels change in every tile.
            QVERIFY2(moved > 200, qPrintable(QStringLiteral("only %1 pixels changed").arg(moved)));
        }
    }

    void keyboardOpensDetailAndEscReturns()
    {
        auto *grid = itemNamed(m_window->contentItem(), QStringLiteral("wardGrid"));
        QVERIFY(grid);
        QTRY_VERIFY(grid->hasActiveFocus());
        QCOMPARE(grid->property("currentIndex").toInt(), 0);
        QTest::keyClick(m_window, Qt::Key_Right);
        QCOMPARE(grid->property("currentIndex").toInt(), 1);
        QTest::keyClick(m_window, Qt::Key_Down);
        const int cols = grid->property("cols").toInt();
        QCOMPARE(grid->property("currentIndex").toInt(), 1 + cols);
        QTest::keyClick(m_window, Qt::Key_Return);
        QQuickItem *detail = nullptr;
        QTRY_VERIFY((detail = itemNamed(m_window->contentItem(), QStringLiteral("bedDetail"))));
        QVERIFY(!grid->isVisible());
        QTest::qWait(2500);
        auto *waves = qobject_cast<WaveformView *>(itemNamed(detail, QStringLiteral("waveform")));
        QVERIFY(waves);
        // The detail view has the 12-lead-style ECG channels plus pleth and resp.
        const QStringList lanes = waves->waves();
        for (const char *w : {"ecg_i", "ecg_ii", "ecg_iii", "ecg_v", "pleth", "resp"})
            QVERIFY2(lanes.contains(QLatin1String(w)), w);
        const QImage img = m_window->grabWindow();
        img.save(QStringLiteral("tst_window_detail.png"));
        const QRectF r = waves->mapRectToScene(QRectF(60, 0, waves->width() - 60, waves->height()));
        QVERIFY(test::countPixels(img, r.toRect()) > int(r.width() * r.height() / 100));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(grid->isVisible());
        QTRY_VERIFY(grid->hasActiveFocus());
        QCOMPARE(grid->property("currentIndex").toInt(), 1 + cols);
    }

    void fitsAt1280x800()
    {
        m_window->resize(1280, 800);
        QTest::qWait(1500);
        const QImage img = m_window->grabWindow();
        img.save(QStringLiteral("tst_window_1280.png"));
        const QList<Region> regions = waveRegions(m_window);
        QCOMPARE(regions.size(), 6);
        for (const Region &r : regions) {
            QVERIFY(QRect(0, 0, img.width(), img.height()).contains(r.rect));
            QVERIFY2(r.rect.height() >= 90, "wave area too small to read");
        }
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
