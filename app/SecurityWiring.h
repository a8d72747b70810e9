// The station's security (issue 12): the user database and the audit trail (services/security) behind
// Station.access (models/security/Access), the [security] settings, the first administrator (provisioning
// file), the private-key check that refuses to start, and certificate-expiry warnings. docs/SECURITY.md.
#pragma once

#include "StationConfig.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace vigil {

class Station;
namespace security {
class AuditTrail;
class SyslogForwarder;
class UserStore;
} // namespace security

class StationSecurity : public QObject
{
    Q_OBJECT
public:
    StationSecurity(Station *station, QObject *parent = nullptr);
    ~StationSecurity() override;
    // False with *error when the station must not start (a world-readable private key, an unusable user
    // database or audit file while [security] is enabled).
    bool start(const StationConfig &config, const QString &archivePath, QString *error);
    security::AuditTrail *audit() const { return m_audit.get(); }
    security::UserStore *users() const { return m_users.get(); }
    QString auditPath() const { return m_auditPath; }
    // Certificates that expire within days: one line each ("" when none), checked at start and daily.
    static QStringList expiringCertificates(const QStringList &certFiles, int days, qint64 nowMs);

private:
    Station *m_station;
    std::unique_ptr<security::UserStore> m_users;
    std::unique_ptr<security::SyslogForwarder> m_syslog; // before m_audit: the trail's listener uses it
    std::unique_ptr<security::AuditTrail> m_audit;
    QString m_auditPath;
};

// Every private key the configuration names (sources, alert manager, DICOM).
QStringList configuredPrivateKeys(const StationConfig &config);
QStringList configuredCertificates(const StationConfig &config);

} // namespace vigil
