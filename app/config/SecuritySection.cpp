// [security]: see SecurityConfig.h.
#include "Permissions.h"
#include "Sections.h"
#include "SecurityConfig.h"

namespace vigil {

void readSecurity(ConfigSection &s, SecurityConfig &c)
{
    s.allowOnly({QStringLiteral("enabled"), QStringLiteral("users_file"), QStringLiteral("audit_file"),
                 QStringLiteral("provisioning_file"), QStringLiteral("auto_lock_min"),
                 QStringLiteral("viewer_acknowledge"), QStringLiteral("break_glass"),
                 QStringLiteral("break_glass_permissions"), QStringLiteral("totp_roles"),
                 QStringLiteral("max_failures"), QStringLiteral("lockout_s"),
                 QStringLiteral("station_max_failures"), QStringLiteral("argon2_memory_kib"),
                 QStringLiteral("argon2_time"), QStringLiteral("argon2_lanes"),
                 QStringLiteral("cert_warn_days"), QStringLiteral("syslog_host"),
                 QStringLiteral("syslog_port"), QStringLiteral("syslog_ca")});
    c.present = true;
    c.enabled = true;
    s.read(QStringLiteral("enabled"), c.enabled);
    s.read(QStringLiteral("users_file"), c.usersFile);
    s.read(QStringLiteral("audit_file"), c.auditFile);
    s.read(QStringLiteral("provisioning_file"), c.provisioningFile);
    s.read(QStringLiteral("auto_lock_min"), c.autoLockMin, 0, 24 * 60);
    s.read(QStringLiteral("viewer_acknowledge"), c.viewerAcknowledge);
    s.read(QStringLiteral("break_glass"), c.breakGlass);
    s.read(QStringLiteral("break_glass_permissions"), c.breakGlassPermissions,
           QStringLiteral("permission names"));
    s.read(QStringLiteral("totp_roles"), c.totpRoles, QStringLiteral("role names"));
    s.read(QStringLiteral("max_failures"), c.maxFailures, 1, 100);
    s.read(QStringLiteral("lockout_s"), c.lockoutS, 1, 86400);
    s.read(QStringLiteral("station_max_failures"), c.stationMaxFailures, 1, 10000);
    s.read(QStringLiteral("argon2_memory_kib"), c.argon2MemoryKiB, 8 * 1024, 4 * 1024 * 1024);
    s.read(QStringLiteral("argon2_time"), c.argon2Time, 1, 100);
    s.read(QStringLiteral("argon2_lanes"), c.argon2Lanes, 1, 16);
    s.read(QStringLiteral("cert_warn_days"), c.certWarnDays, 0, 3650);
    s.read(QStringLiteral("syslog_host"), c.syslogHost);
    s.read(QStringLiteral("syslog_port"), c.syslogPort, 1, 65535);
    s.read(QStringLiteral("syslog_ca"), c.syslogCa);
    if (!s.ok())
        return;
    for (const QString &p : c.breakGlassPermissions) {
        if (p != QLatin1String("acknowledge") && p != QLatin1String("audio_pause")) {
            s.fail(QStringLiteral("break_glass_permissions"),
                   QStringLiteral("only acknowledge and audio_pause may be used without sign-in (not '%1')")
                       .arg(p));
            return;
        }
    }
    for (const QString &r : c.totpRoles) {
        const auto role = security::roleFromKey(r);
        if (!role || *role == security::Role::Viewer) {
            s.fail(QStringLiteral("totp_roles"),
                   QStringLiteral("unknown role '%1' (nurse, charge_nurse, biomed, administrator)").arg(r));
            return;
        }
    }
    if (!c.syslogHost.isEmpty() && c.syslogCa.isEmpty())
        s.fail(QStringLiteral("syslog_host"),
               QStringLiteral("needs syslog_ca (RFC 5425: syslog over TLS only)"));
}

} // namespace vigil
