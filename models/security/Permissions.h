// Roles and the permission table (issue 12, part 1). The same table is docs/SECURITY.md; a test walks it.
#pragma once

#include <QString>

#include <array>
#include <optional>

namespace vigil::security {

enum class Role { Viewer, Nurse, ChargeNurse, Biomed, Administrator };

enum class Permission {
    Acknowledge,    // acknowledge an alarm (viewer: configurable)
    AudioPause,     // audio pause, alarm pause / resume of a bed
    AlarmReset,     // reset a latched alarm
    LimitChange,    // change limits, restore defaults
    Charting,       // handover (I-PASS) notes, validation and charting
    Admission,      // admit / transfer / discharge
    PrintExport,    // print, export, DICOM send
    News2Scale,     // NEWS2 SpO2 scale choice
    StationConfig,  // station configuration
    UserManagement, // add / remove users, reset passwords
    ArchiveTools,   // archive verify / export / purge, audit export
};
inline constexpr int kPermissionCount = int(Permission::ArchiveTools) + 1;
inline constexpr int kRoleCount = int(Role::Administrator) + 1;

// Row = permission, column = role (viewer, nurse, charge nurse, biomed, administrator).
inline constexpr std::array<std::array<bool, kRoleCount>, kPermissionCount> kPermissionTable{{
    /* Acknowledge    */ {false, true, true, true, true},
    /* AudioPause     */ {false, true, true, true, true},
    /* AlarmReset     */ {false, true, true, true, false},
    /* LimitChange    */ {false, true, true, false, false},
    /* Charting       */ {false, true, true, false, false},
    /* Admission      */ {false, true, true, false, false},
    /* PrintExport    */ {false, true, true, true, true},
    /* News2Scale     */ {false, false, true, false, false},
    /* StationConfig  */ {false, false, false, true, true},
    /* UserManagement */ {false, false, false, false, true},
    /* ArchiveTools   */ {false, false, false, true, true},
}};

// viewerMayAcknowledge: [security] viewer_acknowledge (a ward display that may silence nothing but
// acknowledge, as some sites want).
inline bool roleHas(Role r, Permission p, bool viewerMayAcknowledge = false)
{
    if (r == Role::Viewer && p == Permission::Acknowledge && viewerMayAcknowledge)
        return true;
    return kPermissionTable[size_t(p)][size_t(r)];
}

// Stored names ("nurse", "charge_nurse"...), the same in the user database and the audit.
QString roleKey(Role r);
std::optional<Role> roleFromKey(const QString &key);
QString roleTitle(Role r); // translated, for the screen
QString permissionKey(Permission p);
QString permissionTitle(Permission p); // translated: "change alarm limits"

} // namespace vigil::security
