// One reader per section of the station file. Each reads one table into its struct with the typed readers
// of ConfigSection, which record the first error (file, line, key); StationConfig.cpp lists the sections.
// A new section is one struct (its own header) and one reader here, plus its row in that list.
#pragma once

#include "AlarmConfig.h"
#include "AlertManagerConfig.h"
#include "ArchiveConfig.h"
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

#include <vector>

namespace vigil {

// [station] (and keys before any section header)
void readStation(ConfigSection &s, QString &stationName, QString &wardName);
// [display]
void readDisplay(ConfigSection &s, DisplaySettings &display, double &noDataTimeoutS, QString &renderPath);
// [[bed]]: appends one bed; a key listed twice is an error.
void readBed(ConfigSection &s, std::vector<BedConfig> &beds);
// [[source]]: appends one source; an id used twice is an error.
void readSource(ConfigSection &s, std::vector<SourceConfig> &sources);
// [archive]
void readArchive(ConfigSection &s, ArchiveConfig &archive);
// [alert_manager]
void readAlertManager(ConfigSection &s, AlertManagerConfig &alertManager);
// [dicom]
void readDicom(ConfigSection &s, DicomConfig &dicom);
// [alarms] and its sub-tables ([alarms.limits.adult]...): the alarm engine validates its own keys.
void readAlarms(ConfigSection &s, alarms::AlarmConfig &alarms);
// [print]
void readPrint(ConfigSection &s, PrintConfig &print);
// [shifts]
void readShifts(ConfigSection &s, ShiftsConfig &shifts);
// [news2]: NEWS2 input ages, thresholds, trend and deterioration (docs/EWS.md)
void readNews2(ConfigSection &s, scores::News2Config &news2);
// [ecg_analysis]: the central ECG analysis (lead, asystole and pause times, extreme brady/tachy)
void readEcgAnalysis(ConfigSection &s, ecg::EcgAnalysisConfig &ecg);
// [security]: users, sign-in, lock, audit (app/config/SecuritySection.cpp)
void readSecurity(ConfigSection &s, SecurityConfig &security);

// [ui]: language and on-screen keyboard (config/UiSection.cpp)
void readUi(ConfigSection &s, UiConfig &ui);

} // namespace vigil
