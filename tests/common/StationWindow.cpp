#include "StationWindow.h"

#include "Gui.h"
#include "StationApp.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTest>

namespace vigil::test {

namespace {
QQuickWindow *exposed(QQuickWindow *window, QString *error)
{
    if (!QTest::qWaitForWindowExposed(window)) {
        *error = QStringLiteral("the window was not exposed");
        return nullptr;
    }
    if (window->rendererInterface()->graphicsApi() != QSGRendererInterface::OpenGL) {
        *error = QStringLiteral("the window does not render with OpenGL (run under xvfb-run, QPA xcb)");
        return nullptr;
    }
    return window;
}
} // namespace

std::unique_ptr<StationApp> startStation(const StationConfig &cfg, QString *error, bool start)
{
    auto app = std::make_unique<StationApp>(cfg);
    if (!app->build(error))
        return nullptr;
    if (start)
        app->start();
    return app;
}

QQuickWindow *showStationWindow(QQmlApplicationEngine &engine, Station *station, QSize size, QString *error)
{
    QQuickWindow *window = loadStationWindow(engine, station, error);
    if (!window)
        return nullptr;
    window->resize(size);
    return exposed(window, error);
}

QQuickWindow *showQmlWindow(QQmlApplicationEngine &engine, Station *station, const QByteArray &qml,
                            QString *error, const QString &archivePath)
{
    prepareEngine(engine, station, archivePath);
    engine.loadData(qml);
    QQuickWindow *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window) {
        *error = QStringLiteral("the QML document did not load as a Window");
        return nullptr;
    }
    return exposed(window, error);
}

} // namespace vigil::test
