// What main() decides before and around StationApp, kept here so tests reach it: the station
// configuration a command line asks for (the station file or the embedded default, with the command
// line's overrides), the --check-config report, and the loudspeaker following the alarm engine.
#pragma once

#include "CommandLine.h"
#include "StationConfig.h"

#include <QString>

#include <memory>
#include <optional>

namespace vigil {

class Station;
namespace audio {
class AlarmSoundPlayer;
}

// Applies command-line overrides on top of a station file (`embeddedDefault`: the built-in demo file,
// whose simulator sources on the command line replace).
void applyOverrides(StationConfig &config, const Options &options, bool embeddedDefault);

// The configuration `options` asks for: --config FILE (or the embedded default), then the overrides.
// --check-config and --self-test never open the archive; --self-test without --demo-beds runs 2 beds.
// Null with *error (file, line and key) when the station file is wrong.
std::optional<StationConfig> stationConfigFor(const Options &options, QString *error);

// The --check-config output for a configuration that built: warnings, then "FILE: OK (...)".
QString checkConfigReport(const StationConfig &config);

// The loudspeaker plays the alarm engine's decision: only the highest-priority pattern sounds, and a
// change (a new condition, an escalation, an audio pause) takes effect at once.
void followAlarmAudio(Station *station, audio::AlarmSoundPlayer *player);
// The window's player: follows the station and warns once when there is no audio output.
std::unique_ptr<audio::AlarmSoundPlayer> makeAlarmSoundPlayer(Station *station);

} // namespace vigil
