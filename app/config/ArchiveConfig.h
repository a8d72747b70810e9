// [archive]: the full-disclosure archive (docs/CONFIG.md).
#pragma once

#include <QString>

namespace vigil {

struct ArchiveConfig
{
    bool enabled = true;
    QString path; // empty: the user's data directory (~/.local/share/vigil/archive.sqlite)
    double waveformHours = 96;
    double numericDays = 30;
};

} // namespace vigil
