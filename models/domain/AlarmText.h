// Station-made alarm texts: English in the domain, the ward's language on screen (docs/TRANSLATIONS.md).
#pragma once

#include <QString>
#include <QStringList>

namespace vigil::alarms {

// Station-made alarm texts are English in the domain value and in everything that leaves the station (HL7 to
// the alert manager and the EHR, the archive, the audit): one stable language for every reader. The screen
// translates at display time. alarmText() fills one of the station's templates (the table in Alarm.cpp,
// context "AlarmText" in translations/); displayText() finds a text's template back and returns it in the
// UI language (the arguments translated too when they are station texts: "no reply for Bed 3 HR high"). A
// text the station did not make (a gateway's own words) comes back as it is.
QString alarmText(const char *englishTemplate, const QStringList &args = {});
QString displayText(const QString &englishText);
// Changes when the UI language changes (models compare it to know that their display texts are stale).
QString displayLanguageKey();

} // namespace vigil::alarms
