// Loading the station's QML window. Shared by main() and the window tests.
#pragma once

#include "Station.h"

#include <QString>

class QQmlApplicationEngine;
class QQmlEngine;
class QQuickWindow;

namespace vigil {

inline constexpr char kMainQmlUrl[] = "qrc:/qt/qml/Vigil/Ui/Main.qml";

// Makes `station` the QML `Station` singleton, gives the engine's review pages the archive at
// `archivePath` (none if empty), and prepares the import path (Qt 6.4 has no loadFromModule(): the
// module's qrc URL is loaded directly).
void prepareEngine(QQmlEngine &engine, Station *station, const QString &archivePath = {});
QQuickWindow *loadStationWindow(QQmlApplicationEngine &engine, Station *station, QString *error,
                                const QString &archivePath = {});

// Compiles every QML file of the Vigil.Ui module; returns the number compiled, or -1 with *error.
int compileAllQml(QQmlEngine &engine, QString *error);

} // namespace vigil
