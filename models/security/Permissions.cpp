// Names of roles and permissions (keys for storage and audit; translated titles for the screen).
#include "Permissions.h"

#include <QCoreApplication>

namespace vigil::security {

namespace {
const char *const kRoleKeys[kRoleCount] = {"viewer", "nurse", "charge_nurse", "biomed", "administrator"};
const char *const kPermissionKeys[kPermissionCount] = {
    "acknowledge",  "audio_pause", "alarm_reset",    "limit_change",    "charting",     "admission",
    "print_export", "news2_scale", "station_config", "user_management", "archive_tools"};
} // namespace

QString roleKey(Role r)
{
    return QLatin1String(kRoleKeys[int(r)]);
}

std::optional<Role> roleFromKey(const QString &key)
{
    for (int i = 0; i < kRoleCount; ++i)
        if (key == QLatin1String(kRoleKeys[i]))
            return Role(i);
    return std::nullopt;
}

QString roleTitle(Role r)
{
    switch (r) {
    case Role::Viewer:
        //: Role: nobody signed in, the ward display
        return QCoreApplication::translate("vigil::security", "Viewer");
    case Role::Nurse:
        //: Role: a ward nurse
        return QCoreApplication::translate("vigil::security", "Nurse");
    case Role::ChargeNurse:
        //: Role: the nurse in charge of the shift
        return QCoreApplication::translate("vigil::security", "Charge nurse");
    case Role::Biomed:
        //: Role: biomedical / clinical engineering staff
        return QCoreApplication::translate("vigil::security", "Biomed");
    case Role::Administrator:
        //: Role: the station's IT administrator
        return QCoreApplication::translate("vigil::security", "Administrator");
    }
    return {};
}

QString permissionKey(Permission p)
{
    return QLatin1String(kPermissionKeys[int(p)]);
}

QString permissionTitle(Permission p)
{
    switch (p) {
    case Permission::Acknowledge:
        //: Permission: acknowledge an alarm condition
        return QCoreApplication::translate("vigil::security", "acknowledge alarms");
    case Permission::AudioPause:
        //: Permission: pause the alarm sound or a bed's alarms
        return QCoreApplication::translate("vigil::security", "pause alarm audio");
    case Permission::AlarmReset:
        //: Permission: reset a latched alarm
        return QCoreApplication::translate("vigil::security", "reset alarms");
    case Permission::LimitChange:
        //: Permission: change a patient's alarm limits
        return QCoreApplication::translate("vigil::security", "change alarm limits");
    case Permission::Charting:
        //: Permission: write handover notes and validate charted values
        return QCoreApplication::translate("vigil::security", "chart and hand over");
    case Permission::Admission:
        //: Permission: admit, transfer or discharge a patient
        return QCoreApplication::translate("vigil::security", "admit, transfer or discharge");
    case Permission::PrintExport:
        return QCoreApplication::translate("vigil::security", "print and export");
    case Permission::News2Scale:
        //: Permission: choose the NEWS2 SpO2 scale of a patient
        return QCoreApplication::translate("vigil::security", "choose the NEWS2 scale");
    case Permission::StationConfig:
        return QCoreApplication::translate("vigil::security", "configure the station");
    case Permission::UserManagement:
        return QCoreApplication::translate("vigil::security", "manage users");
    case Permission::ArchiveTools:
        return QCoreApplication::translate("vigil::security", "use the archive tools");
    }
    return {};
}

} // namespace vigil::security
