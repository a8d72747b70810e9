// The print preview in the real station window, by keyboard only: from the ward, Enter opens a bed,
// Ctrl+P opens its Print menu, Down/Return choose the event list, the preview builds (progress, off the
// GUI thread) and shows its pages; Right/Left and Page Down/Up turn them, Esc closes. The pages come
// first from a three-page test renderer installed on the engine (so paging is visible whatever the
// report builder produces), then from the station's own renderer (reports::renderImages on its archive).
#include "PrintWiring.h"
#include "QuickItems.h"
#include "ReportPreview.h"
#include "StationApp.h"
#include "StationWindow.h"

#include <QPainter>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestPrintPreview : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp; // first: removed after the station that keeps its archive there
    std::unique_ptr<StationApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    std::atomic_int m_renders{0};
    QString m_lastKind, m_lastBed;

    // The open popup with this objectName (the bed view's, not the top bar's closed one).
    QObject *opened(const QString &name) const
    {
        for (QObject *o : m_window->findChildren<QObject *>(name))
            if (o->property("opened").toBool())
                return o;
        return nullptr;
    }
    QObject *preview() const { return opened(QStringLiteral("printPreview")); }

private slots:
    void initTestCase()
    {
        StationConfig cfg = defaultStationConfig();
        cfg.sources[0].beds = 4;
        cfg.sources[0].scenarios.clear();
        cfg.archive.path = m_tmp.filePath(QStringLiteral("archive.sqlite"));
        QString error;
        m_app = startStation(cfg, &error);
        QVERIFY2(m_app, qPrintable(error));
        QVERIFY(m_app->printing());
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = showStationWindow(*m_engine, m_app->station(), QSize(1920, 1080), &error);
        QVERIFY2(m_window, qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->station()->wardModel()->rowCount(), 4, 5000);
        // Three pages, each a different grey with its number: paging shows in the pixels too.
        ReportPreview::install(m_engine.get(), [this](const PreviewRequest &r, int dpi, QList<QImage> *pages,
                                                      const std::function<void(double)> &progress,
                                                      const std::atomic_bool *, QString *) {
            ++m_renders;
            QMetaObject::invokeMethod(this, [this, r] {
                m_lastKind = r.kind;
                m_lastBed = r.bedKey;
            });
            for (int i = 0; i < 3; ++i) {
                QImage img(int(8.27 * dpi), int(11.69 * dpi), QImage::Format_RGB32);
                img.fill(QColor(255 - 60 * i, 255 - 60 * i, 255 - 60 * i));
                QPainter(&img).drawText(40, 40, QStringLiteral("page %1").arg(i + 1));
                pages->append(img);
                progress((i + 1) / 3.0);
                QThread::msleep(100);
            }
            return true;
        });
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        if (m_app)
            m_app->stop();
    }

    void keyboardOpensPreviewAndTurnsPages()
    {
        auto *grid = itemNamed(m_window->contentItem(), QStringLiteral("wardGrid"));
        QVERIFY(grid);
        QTRY_VERIFY(grid->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(itemNamed(m_window->contentItem(), QStringLiteral("bedDetail")));
        QTest::qWait(300);
        QTest::keyClick(m_window, Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY(opened(QStringLiteral("printMenu")));
        // Handover, alarm strip, event list: the third.
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Return);
        QObject *p = nullptr;
        QTRY_VERIFY((p = preview()));
        QTRY_COMPARE_WITH_TIMEOUT(p->property("pageCount").toInt(), 3, 10'000);
        QCOMPARE(m_lastKind, QStringLiteral("events"));
        QCOMPARE(m_lastBed, m_app->station()->wardModel()->bedKey(0));
        QCOMPARE(p->property("page").toInt(), 0);
        auto *content = p->property("contentItem").value<QQuickItem *>();
        QVERIFY(content);
        QQuickItem *image = itemNamed(content, QStringLiteral("previewImage"));
        QVERIFY(image);
        QTRY_COMPARE(image->property("status").toInt(), 1); // Image.Ready
        QTest::qWait(200);
        const QImage first = m_window->grabWindow();
        first.save(QStringLiteral("tst_print_preview_page1.png"));

        QTest::keyClick(m_window, Qt::Key_Right);
        QCOMPARE(p->property("page").toInt(), 1);
        QTest::keyClick(m_window, Qt::Key_PageDown);
        QCOMPARE(p->property("page").toInt(), 2);
        QTest::keyClick(m_window, Qt::Key_Right); // stays on the last page
        QCOMPARE(p->property("page").toInt(), 2);
        QTRY_COMPARE(image->property("status").toInt(), 1);
        QTest::qWait(200);
        const QImage third = m_window->grabWindow();
        // The sheet is darker on page 3: the page shown really changed.
        const QRectF r =
            image->mapRectToScene(QRectF(image->width() / 2 - 20, image->height() / 2 - 20, 40, 40));
        const QRgb a = first.pixel(r.center().toPoint()), b = third.pixel(r.center().toPoint());
        QVERIFY2(qGray(b) + 60 < qGray(a),
                 qPrintable(QStringLiteral("gray %1 -> %2").arg(qGray(a)).arg(qGray(b))));
        QTest::keyClick(m_window, Qt::Key_Left);
        QCOMPARE(p->property("page").toInt(), 1);
        QTest::keyClick(m_window, Qt::Key_PageUp);
        QCOMPARE(p->property("page").toInt(), 0);
        QQuickItem *pageText = itemNamed(content, QStringLiteral("previewPage"));
        QVERIFY(pageText);
        QCOMPARE(pageText->property("text").toString(), QStringLiteral("Page 1 of 3"));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!preview());
    }

    void stationRendererShowsTheReport()
    {
        m_app->printing()->installPreview(*m_engine);
        QTest::keyClick(m_window, Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY(opened(QStringLiteral("printMenu")));
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Return); // the handover
        QObject *p = nullptr;
        QTRY_VERIFY((p = preview()));
        QTRY_VERIFY_WITH_TIMEOUT(!p->property("busy").toBool() && p->property("pageCount").toInt() >= 1,
                                 30'000);
        QTest::qWait(300);
        m_window->grabWindow().save(QStringLiteral("tst_print_preview_station.png"));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!preview());
    }
};

QTEST_MAIN(TestPrintPreview)
#include "tst_print_preview.moc"
