// The station file: one documented file (docs/CONFIG.md) describing the station, the ward's beds, the
// data sources and display options. Format: a small TOML subset — [section], [[array]] tables,
// key = value with "strings", numbers, true/false and one-line [arrays].
//
// Errors name the file, the line and the key, and the station refuses to start on them: a bad value is
// never replaced by a silent default.
#pragma once

#include "AlarmConfig.h"
#include "Station.h"
#include "Ward.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace vigil {

struct SourceConfig
{
    QString id;
    QString type; // "simulator", "wfdb", "mllp"
    QString name;
    // simulator
    int beds = 16;
    quint64 seed = 1;
    double nibpCycleS = 300.0;
    QStringList scenarios; // "BED:step", e.g. "3:tachycardia@60+120=150"
    // wfdb
    QString record; // header path without or with .hea
    QString bed;    // bed key to play into
    QString bedLabel;
    double speed = 1.0;
    bool loop = true;
    // mllp (HL7 gateway): exactly one of url (the station dials out) or listen (gateways dial in)
    QString url;
    QString listen;
    QString tlsCa, tlsCert, tlsKey, peerName;
    double maxFrameBytes = 4 << 20;
    double reconnectMaxS = 30;
    double dataTimeoutS = 30; // listen: nothing received for this long = link down
};

struct ArchiveConfig
{
    bool enabled = true;
    QString path; // empty: the user's data directory (~/.local/share/vigil/archive.sqlite)
    double waveformHours = 96;
    double numericDays = 30;
};

struct AlertManagerConfig
{
    QString url; // mllps://HOST:PORT (or mllp:// explicitly); empty: no alert manager
    QString tlsCa, tlsCert, tlsKey, peerName;
    double replyTimeoutS = 10;
};

struct StationConfig
{
    QString stationName = QStringLiteral("Vigil Central");
    QString wardName = QStringLiteral("Demo Ward");
    DisplaySettings display;
    double noDataTimeoutS = 10.0;
    std::vector<BedConfig> beds;
    std::vector<SourceConfig> sources;
    ArchiveConfig archive;
    AlertManagerConfig alertManager;
    alarms::AlarmConfig alarms;
    QString origin; // file name the config came from, for messages
};

struct ConfigError
{
    QString file;
    int line = 0;
    QString key;
    QString message;
    QString toString() const;
};

// Parses station file text. `origin` names it in errors.
std::optional<StationConfig> parseStationConfig(const QByteArray &text, const QString &origin,
                                                ConfigError *error);
std::optional<StationConfig> loadStationConfig(const QString &path, ConfigError *error);
// The default embedded in the binary (resources/station.default.toml).
StationConfig defaultStationConfig();

} // namespace vigil
