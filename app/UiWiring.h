// The user-interface settings of the composition root: the language (station file, --language, then the
// UI at run time), the on-screen keyboard policy, and the "restarted at" note after an unexpected stop.
#pragma once

#include "UiConfig.h"

#include <QString>

class QQmlEngine;

namespace vigil {

class Station;
namespace archive {
class Archive;
}

// Applies [ui] (language overridden by a non-empty `language`) to Station.ui. Returns false with *error
// for a language without a catalogue.
bool applyUiConfig(Station *station, const UiConfig &ui, const QString &language, QString *error);

// Station.ui's language changes re-evaluate every qsTr() binding of `engine` (no restart).
void retranslateOnLanguageChange(Station *station, QQmlEngine &engine);

// A marker file that exists while the station runs: found at start, it means the previous run ended
// without a clean shutdown (a crash, a kill, a power cut), and the supervisor (systemd) restarted it.
class RunMarker
{
public:
    // `dir`: where the marker lives (the archive's folder). Creates the marker.
    explicit RunMarker(const QString &dir);
    ~RunMarker(); // a clean exit removes the marker
    RunMarker(const RunMarker &) = delete;
    RunMarker &operator=(const RunMarker &) = delete;

    bool previousRunUnclean() const { return m_unclean; }
    QString previousStart() const { return m_previousStart; } // ISO time the unclean run started

    // After an unclean end: the note on screen (Station.ui.restartNote) and a station-wide technical
    // event in the archive (type "station_restart").
    void report(Station *station, archive::Archive *archive) const;

private:
    QString m_path;
    bool m_unclean = false;
    QString m_previousStart;
};

} // namespace vigil
