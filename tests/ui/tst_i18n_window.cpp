// The language switch on the real station window (docs/TRANSLATIONS.md): German, then French, then back to
// English at run time, without a restart; the top bar's buttons and the alarm centre's headers follow at
// once; the clock's date follows the locale; in pseudo-localisation (40 % longer) the top bar's buttons
// and the alarm centre's column headers are not elided, nor the bed view's header and action buttons.
// VIGIL_SHOT_DIR=dir saves the ward, a bed and the alarm centre in German and pseudo-localised
// (docs/img/i18n-*.png).
#include "QuickItems.h"
#include "StationApp.h"
#include "StationWindow.h"
#include "UiSettings.h"

#include "Station.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtTest>

using namespace vigil;
using namespace vigil::test;

class I18nWindowTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<StationApp> m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    Station *station() const { return m_app->station(); }
    QQuickItem *root() const { return m_window->contentItem(); }
    QString textOf(const QString &name) const
    {
        QQuickItem *i = visibleItemNamed(root(), name);
        return i ? i->property("text").toString() : QString();
    }
    void shot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("VIGIL_SHOT_DIR");
        if (!dir.isEmpty())
            m_window->grabWindow().save(dir + u'/' + name);
    }
    void setLanguage(const QString &code)
    {
        QVERIFY(station()->uiSettings()->setLanguage(code));
        QTest::qWait(300);
    }
    // Every visible Text under `item` whose text is elided.
    static QStringList elided(QQuickItem *item)
    {
        QStringList out;
        for (QQuickItem *i : itemsOf<QQuickItem>(item)) {
            if (!i->isVisible() || !i->property("truncated").isValid())
                continue;
            if (i->property("truncated").toBool())
                out << i->property("text").toString();
        }
        return out;
    }

    // A button whose caption does not fit (its content asks for more width than it has: the style's label
    // elides it) or that lies outside the window (a wrapped row below the screen), "" when it is fine.
    QString clippedButton(const QString &name) const
    {
        QQuickItem *b = visibleItemNamed(root(), name);
        if (!b)
            return name + QStringLiteral(" not shown");
        const QString text = b->property("text").toString();
        if (b->implicitWidth() > b->width() + 0.5)
            return QStringLiteral("%1 '%2' clipped: needs %3 px, has %4")
                .arg(name, text)
                .arg(b->implicitWidth())
                .arg(b->width());
        if (!elided(b).isEmpty())
            return QStringLiteral("%1 '%2' elided").arg(name, text);
        const QRectF r = b->mapRectToScene(QRectF(0, 0, b->width(), b->height()));
        if (r.left() < 0 || r.top() < 0 || r.right() > m_window->width() || r.bottom() > m_window->height())
            return QStringLiteral("%1 '%2' outside the window").arg(name, text);
        return {};
    }

private slots:
    void initTestCase()
    {
        StationConfig cfg = defaultStationConfig();
        cfg.archive.enabled = false;
        cfg.sources[0].beds = 16;
        cfg.sources[0].scenarios = {QStringLiteral("3:tachycardia@1+900=152"),
                                    QStringLiteral("5:desaturation@1+900=82")};
        QString error;
        m_app = startStation(cfg, &error);
        QVERIFY2(m_app, qPrintable(error));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QObject::connect(station()->uiSettings(), &UiSettings::languageChanged, m_engine.get(), [this] {
            m_engine->setUiLanguage(QLocale().name());
            m_engine->retranslate();
        });
        m_window = showStationWindow(*m_engine, station(), {1920, 1080}, &error);
        QVERIFY2(m_window, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(station()->wardModel()->rowCount() == 16, 10000);
    }

    void switchesAtRunTime()
    {
        setLanguage(QStringLiteral("en"));
        QCOMPARE(textOf(QStringLiteral("alarmCentreButton")), QStringLiteral("Alarms [L]"));
        setLanguage(QStringLiteral("de"));
        QCOMPARE(textOf(QStringLiteral("alarmCentreButton")), QStringLiteral("Alarme [L]"));
        QCOMPARE(textOf(QStringLiteral("ackButton")), QStringLiteral("Quitt. [A]"));
        // The date in the top bar follows the locale (a German weekday and month abbreviation).
        const QString date = textOf(QStringLiteral("clockDate"));
        QCOMPARE(
            date,
            QLocale(QStringLiteral("de")).toString(QDate::currentDate(), QStringLiteral("ddd d MMM yyyy")));
        setLanguage(QStringLiteral("fr"));
        QCOMPARE(textOf(QStringLiteral("alarmCentreButton")), QStringLiteral("Alarmes [L]"));
        setLanguage(QStringLiteral("en"));
        QCOMPARE(textOf(QStringLiteral("alarmCentreButton")), QStringLiteral("Alarms [L]"));
        QVERIFY(!station()->uiSettings()->setLanguage(QStringLiteral("xx"))); // no catalogue: refused
        QCOMPARE(station()->uiSettings()->language(), QStringLiteral("en"));
    }

    void screensInGermanAndPseudo()
    {
        QTRY_VERIFY_WITH_TIMEOUT(station()->alarmBar()->signallingCount() >= 2, 60000);
        for (const QString &lang : {QStringLiteral("de"), QStringLiteral("pseudo")}) {
            setLanguage(lang);
            QQuickItem *top = visibleItemNamed(root(), QStringLiteral("alarmBar"));
            QVERIFY(top);
            for (const QString &button : {QStringLiteral("ackButton"), QStringLiteral("audioPauseButton"),
                                          QStringLiteral("alarmCentreButton")}) {
                QQuickItem *b = visibleItemNamed(root(), button);
                QVERIFY(b);
                QVERIFY2(elided(b).isEmpty(), qPrintable(lang + u' ' + button + u' ' + elided(b).join(u'|')));
            }
            QTest::qWait(500);
            shot(QStringLiteral("i18n-ward-%1.png").arg(lang));

            m_window->setProperty("detailBed", 2);
            QTest::qWait(1200);
            // The bed view: its header buttons and the bed's actions keep their whole captions on screen.
            QStringList clipped;
            for (const QString &button : {QStringLiteral("backButton"), QStringLiteral("reviewButton"),
                                          QStringLiteral("ackBedButton"), QStringLiteral("pauseBedButton"),
                                          QStringLiteral("resetBedButton"), QStringLiteral("limitsButton"),
                                          QStringLiteral("handoverButton"), QStringLiteral("patientButton")})
                if (const QString why = clippedButton(button); !why.isEmpty())
                    clipped << why;
            QVERIFY2(clipped.isEmpty(),
                     qPrintable(lang + QStringLiteral(" bed view: ") + clipped.join(QStringLiteral("; "))));
            shot(QStringLiteral("i18n-bed-%1.png").arg(lang));
            m_window->setProperty("detailBed", -1);
            QTest::qWait(300);

            QTest::keyClick(m_window, Qt::Key_L);
            QQuickItem *headers = nullptr;
            QTRY_VERIFY((headers = visibleItemNamed(root(), QStringLiteral("alarmHeaders"))));
            QTest::qWait(500);
            QVERIFY2(elided(headers).isEmpty(), qPrintable(lang + QStringLiteral(" alarm centre headers: ") +
                                                           elided(headers).join(u'|')));
            shot(QStringLiteral("i18n-alarm-centre-%1.png").arg(lang));
            QTest::keyClick(m_window, Qt::Key_Escape);
            QTest::qWait(300);
        }
        setLanguage(QStringLiteral("en"));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        if (m_app)
            m_app->stop();
    }
};

QTEST_MAIN(I18nWindowTest)
#include "tst_i18n_window.moc"
