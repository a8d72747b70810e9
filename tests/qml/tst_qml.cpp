// Runs the tst_*.qml files against the real Vigil.Ui module with a small live station behind the
// `Station` singleton.
#include "Gui.h"
#include "StationApp.h"
#include "StationConfig.h"

#include <QQmlEngine>
#include <QtQuickTest>

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        if (!m_app) {
            vigil::StationConfig cfg = vigil::defaultStationConfig();
            cfg.sources[0].beds = 2;
            m_app = std::make_unique<vigil::StationApp>(cfg);
            QString error;
            if (!m_app->build(&error))
                qFatal("%s", qPrintable(error));
        }
        vigil::prepareEngine(*engine, m_app->station());
    }

private:
    std::unique_ptr<vigil::StationApp> m_app;
};

QUICK_TEST_MAIN_WITH_SETUP(vigil_qml, Setup)
#include "tst_qml.moc"
