// [ui]: the language of the station's screens and the on-screen keyboard (docs/CONFIG.md,
// docs/TRANSLATIONS.md).
#pragma once

#include <QString>

namespace vigil {

struct UiConfig
{
    QString language;                                 // "" = the system's locale; en, de, fr, es, pseudo
    QString virtualKeyboard = QStringLiteral("auto"); // auto, always, never
};

} // namespace vigil
