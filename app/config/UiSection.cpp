// [ui]: language and on-screen keyboard.
#include "Sections.h"
#include "UiSettings.h"

namespace vigil {

void readUi(ConfigSection &s, UiConfig &ui)
{
    s.allowOnly({QStringLiteral("language"), QStringLiteral("virtual_keyboard")});
    s.read(QStringLiteral("language"), ui.language);
    s.read(QStringLiteral("virtual_keyboard"), ui.virtualKeyboard);
    if (!s.ok())
        return;
    if (!ui.language.isEmpty() && !UiSettings::knownLanguages().contains(ui.language)) {
        s.fail(QStringLiteral("language"),
               QStringLiteral("expected \"\" (the system's), \"%1\", got \"%2\"")
                   .arg(UiSettings::knownLanguages().join(QStringLiteral("\", \"")), ui.language));
        return;
    }
    if (!QStringList{QStringLiteral("auto"), QStringLiteral("always"), QStringLiteral("never")}.contains(
            ui.virtualKeyboard))
        s.fail(
            QStringLiteral("virtual_keyboard"),
            QStringLiteral("expected \"auto\", \"always\" or \"never\", got \"%1\"").arg(ui.virtualKeyboard));
}

} // namespace vigil
