// Station and window bootstrap for the window tests (tests/ui) and the window benchmarks: one place that
// knows how a test builds a StationApp and shows the real QML window, instead of a copy per test.
#pragma once

#include "StationConfig.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace vigil {
class Station;
class StationApp;
} // namespace vigil

namespace vigil::test {

// Builds the station from cfg and starts its sources (start = false: built only); null with *error.
std::unique_ptr<StationApp> startStation(const StationConfig &cfg, QString *error, bool start = true);

// Loads the station's Main.qml into engine and shows it at size; waits until it is exposed. Null with
// *error when it does not load, is not exposed, or does not render with OpenGL (the traces need it: run
// under xvfb-run with QT_QPA_PLATFORM=xcb).
QQuickWindow *showStationWindow(QQmlApplicationEngine &engine, Station *station, QSize size, QString *error);

// The same for a QML document of its own (a Window that imports Vigil.Ui), e.g. one page alone; review
// pages read the archive at archivePath (injected through the engine, as the station does).
QQuickWindow *showQmlWindow(QQmlApplicationEngine &engine, Station *station, const QByteArray &qml,
                            QString *error, const QString &archivePath = {});

} // namespace vigil::test
