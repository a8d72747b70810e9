// [security]: users, sign-in, auto-lock, break-glass, the audit trail and its syslog forwarding,
// certificate warnings (issue 12; docs/SECURITY.md, docs/CONFIG.md).
#pragma once

#include <QString>
#include <QStringList>

namespace vigil {

struct SecurityConfig
{
    bool present = false; // the section is in the station file
    // Sign-in and roles are enforced (a station file with [security] defaults to true). Without the
    // section the station runs as before (everyone may act, actions audited): the model tests and demos.
    bool enabled = false;
    QString usersFile;        // empty: users.sqlite beside the archive
    QString auditFile;        // empty: audit.sqlite beside the archive
    QString provisioningFile; // empty: provision.conf beside the user database
    double autoLockMin = 10;  // 0 = never
    bool viewerAcknowledge = false;
    bool breakGlass = true;
    QStringList breakGlassPermissions{QStringLiteral("acknowledge"), QStringLiteral("audio_pause")};
    QStringList totpRoles{QStringLiteral("charge_nurse"), QStringLiteral("biomed"),
                          QStringLiteral("administrator")};
    int maxFailures = 5;
    int lockoutS = 300;
    int stationMaxFailures = 20;
    int argon2MemoryKiB = 32 * 1024;
    int argon2Time = 3;
    int argon2Lanes = 1;
    int certWarnDays = 30;
    // RFC 5424 over TLS (RFC 5425): host:port and the CA its certificate chains to; empty = off.
    QString syslogHost;
    int syslogPort = 6514;
    QString syslogCa;
};

} // namespace vigil
