// The on-screen keyboard test (tests/qml-keyboard/tst_*.qml): Qt Virtual Keyboard is the input method
// (QT_IM_MODULE=qtvirtualkeyboard, set before the application exists) and Station.ui asks for it always,
// so the QML types a NEWS2 value and a handover note by touching the keyboard's keys only.
#include "Gui.h"
#include "StationApp.h"
#include "StationConfig.h"
#include "UiSettings.h"

#include <QQmlEngine>
#include <QtQuickTest>

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable() {}
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        if (!m_app) {
            vigil::StationConfig cfg = vigil::defaultStationConfig();
            cfg.sources[0].beds = 2;
            cfg.archive.enabled = false;
            m_app = std::make_unique<vigil::StationApp>(cfg);
            QString error;
            if (!m_app->build(&error))
                qFatal("%s", qPrintable(error));
            vigil::UiSettings *ui = m_app->station()->uiSettings();
            ui->setLanguage(QStringLiteral("en"));
            ui->setVirtualKeyboardAvailable(qgetenv("QT_IM_MODULE") == "qtvirtualkeyboard");
            ui->setKeyboardMode(QStringLiteral("always"));
        }
        vigil::prepareEngine(*engine, m_app->station());
    }

private:
    std::unique_ptr<vigil::StationApp> m_app;
};

int main(int argc, char **argv)
{
    qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    QTEST_SET_MAIN_SOURCE_PATH
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "vigil_keyboard", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_keyboard.moc"
