// vigil's command line. Parsed before any Q*Application exists (headless runs use QCoreApplication,
// the window QGuiApplication), so it works on plain argument lists and is unit-testable.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil {

struct Options
{
    bool help = false;
    bool version = false;
    bool headless = false;
    bool selfTest = false;
    bool checkConfig = false;
    bool printDefaultConfig = false;
    bool fullscreen = false;
    QString configPath;
    std::optional<int> demoBeds;
    QString stateFile;
    double quitAfterS = 0;
    QString screenshotPath;
    double screenshotDelayS = 4.0;
    QSize windowSize;
    QStringList replays;  // WFDB header paths
    QStringList listens;  // mllp(s)://HOST:PORT to listen on
    QStringList gateways; // mllp(s)://HOST:PORT to dial
    QString tlsCa, tlsCert, tlsKey;
    QString archivePath;
    QString alertManager;
    // The ADT feed, --adt-listen and --adt (docs/ADT.md).
    QStringList adtListens, adtConnects;
    bool noArchive = false;
    QString language; // --language: overrides [ui] language
    QString helpText;
};

// Returns nullopt and sets *error for an unknown option or a bad value.
std::optional<Options> parseCommandLine(const QStringList &arguments, QString *error);

} // namespace vigil
