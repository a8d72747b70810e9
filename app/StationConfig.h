// The station file: one documented file (docs/CONFIG.md) describing the station, the ward's beds, the
// data sources and display options, in TOML 1.0 (read with toml++, app/config/ConfigDocument.h).
//
// Errors name the file, the line and the key, and the station refuses to start on them: a bad value is
// never replaced by a silent default. Each section has its struct (app/config/*Config.h) and its reader
// (app/config/Sections.h); StationConfig.cpp lists them.
#pragma once

#include "AdtConfig.h"
#include "AlarmConfig.h"
#include "AlertManagerConfig.h"
#include "ArchiveConfig.h"
#include "ClusterConfig.h"
#include "ConfigDocument.h"
#include "DicomConfig.h"
#include "EcgAnalyzer.h"
#include "News2.h"
#include "PrintConfig.h"
#include "SecurityConfig.h"
#include "SourceConfig.h"
#include "Station.h"
#include "UiConfig.h"
#include "Ward.h"

#include <QString>

#include <optional>
#include <vector>

namespace vigil {

struct StationConfig
{
    QString stationName = QStringLiteral("Vigil Central");
    QString wardName = QStringLiteral("Demo Ward");
    DisplaySettings display;
    double noDataTimeoutS = 10.0;
    QString renderPath = QStringLiteral("auto"); // [display] render_path: "auto", "gpu", "software"
    std::vector<BedConfig> beds;
    std::vector<SourceConfig> sources;
    ArchiveConfig archive;
    AlertManagerConfig alertManager;
    DicomConfig dicom;
    SecurityConfig security; // [security] (issue 12)
    alarms::AlarmConfig alarms;
    PrintConfig print;
    ShiftsConfig shifts;
    scores::News2Config news2;
    ecg::EcgAnalysisConfig ecgAnalysis;
    UiConfig ui;
    AdtConfig adt;  // [adt] (docs/ADT.md)
    EhrConfig ehr;  // [ehr]
    QString origin; // file name the config came from, for messages
    // [cluster] (issue 16)
    ClusterConfig cluster;
};

// Parses station file text (at most ConfigDocument::kMaxBytes). `origin` names it in errors.
std::optional<StationConfig> parseStationConfig(const QByteArray &text, const QString &origin,
                                                ConfigError *error);
std::optional<StationConfig> loadStationConfig(const QString &path, ConfigError *error);
// The default embedded in the binary (resources/station.default.toml).
StationConfig defaultStationConfig();

} // namespace vigil
