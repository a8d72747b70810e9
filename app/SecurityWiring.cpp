// Station security wiring: the Access backend over the user store, the audit sink, first start,
// key and certificate checks.
#include "SecurityWiring.h"

#include "Access.h"
#include "AuditLog.h"
#include "Credentials.h"
#include "FilePermissions.h"
#include "QrCode.h"
#include "Station.h"
#include "SyslogForwarder.h"
#include "UserStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTimer>

#include <mutex>

namespace vigil {

namespace {

// AccessBackend over the user store (called on Access's worker thread; UserStore is thread-safe).
class Backend : public security::AccessBackend
{
public:
    explicit Backend(security::UserStore *users) : m_users(users) {}

    Reply signIn(bool badge, const QString &id, const QByteArray &secret, const QString &code) override
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const security::AuthResult r = badge ? m_users->authenticateBadge(id, secret, code, now)
                                             : m_users->authenticatePassword(id, secret, code, now);
        Reply reply;
        reply.user = r.user;
        reply.role = r.role;
        reply.displayName = r.displayName;
        reply.reason = r.reason;
        switch (r.outcome) {
        case security::AuthOutcome::Ok:
            reply.outcome = Outcome::Ok;
            break;
        case security::AuthOutcome::NeedTotp:
            reply.outcome = Outcome::NeedTotp;
            break;
        case security::AuthOutcome::NeedEnrolment:
            reply.outcome = Outcome::NeedEnrolment;
            break;
        case security::AuthOutcome::Error:
            reply.outcome = Outcome::Error;
            break;
        default:
            reply.outcome = Outcome::Refused;
            break;
        }
        return reply;
    }
    int userCount() const override { return m_users->userCount(); }
    QString createUser(const QString &name, const QString &role, const QByteArray &password,
                       const QString &badge, const QByteArray &pin) override
    {
        QString error;
        return m_users->addUser({name, role, QString(), badge, password, pin}, &error) ? QString() : error;
    }
    QStringList beginEnrolment(const QString &user, QString *uri) override
    {
        const QByteArray key = security::randomBytes(20);
        {
            std::lock_guard lock(m_mutex);
            m_pending[user] = key;
        }
        *uri = security::otpauthUri(QStringLiteral("Vigil"), user, key);
        return security::qrRows(*uri);
    }
    bool confirmEnrolment(const QString &user, const QString &code) override
    {
        QByteArray key;
        {
            std::lock_guard lock(m_mutex);
            key = m_pending.value(user);
        }
        if (key.isEmpty() || !security::verifyTotp(key, code, QDateTime::currentSecsSinceEpoch(),
                                                   m_users->policy().totpSkewSteps))
            return false;
        QString error;
        if (!m_users->setTotpSecret(user, key, &error))
            return false;
        std::lock_guard lock(m_mutex);
        m_pending.remove(user);
        return true;
    }

private:
    security::UserStore *m_users;
    std::mutex m_mutex;
    QHash<QString, QByteArray> m_pending; // user -> secret shown on screen, not yet confirmed
};

// UserAdminBackend over the user store (called on UserAdmin's worker thread; UserStore is thread-safe).
class AdminBackend : public security::UserAdminBackend
{
public:
    explicit AdminBackend(security::UserStore *users) : m_users(users) {}

    QList<User> users() const override
    {
        QList<User> out;
        for (const security::UserInfo &u : m_users->users(QDateTime::currentMSecsSinceEpoch()))
            out.append(
                {u.name, u.role, u.displayName, u.hasBadge, u.hasTotp, u.disabled, u.lockedUntilMs > 0});
        return out;
    }
    QString createUser(const QString &name, const QString &role, const QByteArray &password,
                       const QString &badge, const QByteArray &pin) override
    {
        QString error;
        return m_users->addUser({name, role, QString(), badge, password, pin}, &error) ? QString() : error;
    }
    QString setDisabled(const QString &name, bool disabled) override
    {
        QString error;
        return m_users->setDisabled(name, disabled, &error) ? QString() : error;
    }
    QString resetPassword(const QString &name, const QByteArray &password) override
    {
        QString error;
        return m_users->setPassword(name, password, &error) ? QString() : error;
    }
    QString removeTotp(const QString &name) override
    {
        QString error;
        return m_users->setTotpSecret(name, {}, &error) ? QString() : error;
    }
    QString setRole(const QString &name, const QString &role) override
    {
        QString error;
        return m_users->setRole(name, role, &error) ? QString() : error;
    }
    QString setDisplayName(const QString &name, const QString &displayName) override
    {
        QString error;
        return m_users->setDisplayName(name, displayName, &error) ? QString() : error;
    }
    QString deleteUser(const QString &name) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_pending.remove(name); // an enrolment shown for them is void
        }
        QString error;
        return m_users->removeUser(name, &error) ? QString() : error;
    }
    QStringList beginEnrolment(const QString &name, QString *uri) override
    {
        const QByteArray key = security::randomBytes(20);
        {
            std::lock_guard lock(m_mutex);
            m_pending[name] = key;
        }
        *uri = security::otpauthUri(QStringLiteral("Vigil"), name, key);
        return security::qrRows(*uri);
    }
    bool confirmEnrolment(const QString &name, const QString &code) override
    {
        QByteArray key;
        {
            std::lock_guard lock(m_mutex);
            key = m_pending.value(name);
        }
        if (key.isEmpty() || !security::verifyTotp(key, code, QDateTime::currentSecsSinceEpoch(),
                                                   m_users->policy().totpSkewSteps))
            return false;
        QString error;
        if (!m_users->setTotpSecret(name, key, &error))
            return false;
        std::lock_guard lock(m_mutex);
        m_pending.remove(name);
        return true;
    }

private:
    security::UserStore *m_users;
    std::mutex m_mutex;
    QHash<QString, QByteArray> m_pending; // user -> secret shown on screen, not yet confirmed
};

// Any input on any window restarts the auto-lock countdown.
class ActivityFilter : public QObject
{
public:
    ActivityFilter(security::Access *access, QObject *parent) : QObject(parent), m_access(access) {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::KeyPress:
        case QEvent::TouchBegin:
        case QEvent::Wheel:
            m_access->noteActivity();
            break;
        default:
            break;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    security::Access *m_access;
};

QString besideArchive(const QString &archivePath, const QString &name)
{
    QString dir = archivePath.isEmpty() ? QString() : QFileInfo(archivePath).absolutePath();
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
    }
    return QDir(dir).filePath(name);
}

} // namespace

QStringList configuredPrivateKeys(const StationConfig &c)
{
    QStringList keys;
    for (const SourceConfig &s : c.sources)
        keys << s.tlsKey;
    keys << c.alertManager.tlsKey << c.dicom.tlsKey;
    keys.removeAll(QString());
    keys.removeDuplicates();
    return keys;
}

QStringList configuredCertificates(const StationConfig &c)
{
    QStringList certs;
    for (const SourceConfig &s : c.sources)
        certs << s.tlsCert << s.tlsCa;
    certs << c.alertManager.tlsCert << c.alertManager.tlsCa << c.dicom.tlsCert << c.dicom.tlsCa;
    certs.removeAll(QString());
    certs.removeDuplicates();
    return certs;
}

QStringList StationSecurity::expiringCertificates(const QStringList &certFiles, int days, qint64 nowMs)
{
    QStringList lines;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    for (const QString &file : certFiles) {
        for (const QSslCertificate &cert : QSslCertificate::fromPath(file, QSsl::Pem)) {
            const QDateTime end = cert.expiryDate();
            if (!end.isValid() || end > now.addDays(days))
                continue;
            const QString who =
                cert.subjectDisplayName().isEmpty() ? QFileInfo(file).fileName() : cert.subjectDisplayName();
            lines << (end <= now ? QStringLiteral("certificate %1 (%2) expired on %3")
                                 : QStringLiteral("certificate %1 (%2) expires on %3"))
                         .arg(who, QFileInfo(file).fileName(), end.toString(Qt::ISODate));
        }
    }
    return lines;
}

StationSecurity::StationSecurity(Station *station, QObject *parent) : QObject(parent), m_station(station) {}

StationSecurity::~StationSecurity()
{
    // The sink points at m_audit: clear it before the trail goes.
    m_station->access()->users()->setBackend(nullptr);
    m_station->access()->setAuditSink({});
    m_station->access()->setBackend(nullptr);
}

bool StationSecurity::start(const StationConfig &config, const QString &archivePath, QString *error)
{
    const SecurityConfig &sc = config.security;
    security::Access *access = m_station->access();

    // Keys first: a world-readable private key stops the station (issue 12, part 5).
    for (const QString &key : configuredPrivateKeys(config)) {
        QString why;
        if (!security::checkPrivateKey(key, &why)) {
            if (error)
                *error = why;
            return false;
        }
    }

    // The audit trail: with [security], or beside an archive.
    if (sc.present || !archivePath.isEmpty()) {
        m_auditPath = sc.auditFile.isEmpty() ? besideArchive(archivePath, QStringLiteral("audit.sqlite"))
                                             : sc.auditFile;
        m_audit = std::make_unique<security::AuditTrail>();
        QString why;
        if (!m_audit->open(m_auditPath, &why)) {
            m_audit.reset();
            if (sc.enabled) {
                if (error)
                    *error = QStringLiteral("audit trail %1: %2").arg(m_auditPath, why);
                return false;
            }
            qWarning("vigil: audit trail %s unavailable: %s", qPrintable(m_auditPath), qPrintable(why));
        } else {
            if (!sc.syslogHost.isEmpty()) { // RFC 5424 over TLS (RFC 5425), after each durable commit
                security::SyslogTarget target;
                target.host = sc.syslogHost;
                target.port = quint16(sc.syslogPort);
                target.caFile = sc.syslogCa;
                target.hostName = m_station->stationName();
                m_syslog = std::make_unique<security::SyslogForwarder>(target);
                m_syslog->start();
                security::SyslogForwarder *fw = m_syslog.get();
                m_audit->setListener([fw](const security::AuditRecord &r) { fw->enqueue(r); });
            }
            const QString stationName = m_station->stationName();
            security::AuditTrail *trail = m_audit.get();
            access->setAuditSink([trail, stationName](const security::AuditEntry &e) {
                security::AuditRecord r;
                r.station = stationName;
                r.user = e.user;
                r.role = e.role;
                r.action = e.action;
                r.target = e.target;
                r.details = e.details;
                trail->append(std::move(r));
            });
        }
    }

    if (sc.enabled) {
        m_users = std::make_unique<security::UserStore>();
        const QString usersPath = sc.usersFile.isEmpty()
                                      ? besideArchive(archivePath, QStringLiteral("users.sqlite"))
                                      : sc.usersFile;
        QString why;
        if (!m_users->open(usersPath, &why)) {
            if (error)
                *error = QStringLiteral("user database: %1").arg(why);
            return false;
        }
        security::SignInPolicy policy;
        policy.maxFailures = sc.maxFailures;
        policy.lockoutS = sc.lockoutS;
        policy.stationMaxFailures = sc.stationMaxFailures;
        policy.totpRoles = QSet<QString>(sc.totpRoles.begin(), sc.totpRoles.end());
        policy.argon2.memoryKiB = std::uint32_t(sc.argon2MemoryKiB);
        policy.argon2.timeCost = std::uint32_t(sc.argon2Time);
        policy.argon2.lanes = std::uint32_t(sc.argon2Lanes);
        m_users->setPolicy(policy);
        // First start: a provisioning file creates the first administrator and is deleted.
        const QString provision =
            sc.provisioningFile.isEmpty()
                ? QFileInfo(usersPath).absoluteDir().filePath(QStringLiteral("provision.conf"))
                : sc.provisioningFile;
        if (QFileInfo::exists(provision)) {
            QString created, perr;
            if (m_users->userCount() == 0 && m_users->provisionFromFile(provision, &created, &perr)) {
                access->audit(QStringLiteral("user_create"), created,
                              QStringLiteral("from the provisioning file"));
            } else {
                QFile::remove(provision);
                const QString what = m_users->userCount() > 0 ? QStringLiteral("users exist already") : perr;
                qWarning("vigil: provisioning file %s ignored and deleted: %s", qPrintable(provision),
                         qPrintable(what));
                access->audit(QStringLiteral("provisioning_refused"), {}, what);
            }
        }
        access->setBackend(std::make_unique<Backend>(m_users.get()));
        access->users()->setBackend(std::make_unique<AdminBackend>(m_users.get()));
        access->setViewerMayAcknowledge(sc.viewerAcknowledge);
        QSet<security::Permission> glass;
        for (const QString &p : sc.breakGlassPermissions)
            glass.insert(p == QLatin1String("audio_pause") ? security::Permission::AudioPause
                                                           : security::Permission::Acknowledge);
        access->setBreakGlass(sc.breakGlass, glass);
        access->setAutoLockS(int(sc.autoLockMin * 60));
        if (auto *app = QCoreApplication::instance())
            app->installEventFilter(new ActivityFilter(access, this));
        access->setEnforcing(true);
        emit access->sessionChanged(); // the user property becomes the session's ("viewer")
    }

    // Certificates near their end: a low-priority technical condition, checked now and every 12 h.
    const QStringList certs = configuredCertificates(config);
    if (!certs.isEmpty() && sc.certWarnDays > 0) {
        auto check = [this, certs, days = sc.certWarnDays] {
            const QStringList lines = expiringCertificates(certs, days, QDateTime::currentMSecsSinceEpoch());
            m_station->setStationCondition(QStringLiteral("cert_expiring"), lines.join(QStringLiteral("; ")),
                                           !lines.isEmpty());
        };
        check();
        auto *timer = new QTimer(this);
        timer->setInterval(12 * 3600 * 1000);
        connect(timer, &QTimer::timeout, this, check);
        timer->start();
    }
    access->audit(QStringLiteral("station_start"), {},
                  sc.enabled ? QStringLiteral("security enforced") : QStringLiteral("security not enforced"));
    return true;
}

} // namespace vigil
