// Access: the permission gate, the session, sign-in on a worker thread, auto-lock and break-glass.
#include "Access.h"

#include <QCoreApplication>
#include <QPointer>

namespace vigil::security {

Access::Access(QObject *parent) : QObject(parent), m_users(new UserAdmin(this, this))
{
    m_pool.setMaxThreadCount(1); // one sign-in at a time, in order
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_autoLockS * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (signedIn() && !m_locked) {
            audit(QStringLiteral("auto_lock"), {}, QStringLiteral("idle %1 s").arg(m_autoLockS));
            m_locked = true;
            emit sessionChanged();
        }
    });
}

Access::~Access()
{
    m_pool.waitForDone();
}

void Access::setBackend(std::unique_ptr<AccessBackend> backend)
{
    m_pool.waitForDone();
    m_backend = std::move(backend);
    refreshFirstStart();
}

void Access::setEnforcing(bool on)
{
    if (on != m_enforcing) {
        m_enforcing = on;
        emit sessionChanged();
    }
    refreshFirstStart();
}

void Access::refreshFirstStart()
{
    const bool need = m_enforcing && m_backend && m_backend->userCount() == 0;
    if (need != m_needsFirstAdmin) {
        m_needsFirstAdmin = need;
        emit stepChanged();
    }
}

void Access::setAutoLockS(int seconds)
{
    m_autoLockS = seconds;
    m_idle.setInterval(std::max(1, seconds) * 1000);
    if (seconds <= 0)
        m_idle.stop();
    else if (signedIn() && !m_locked)
        m_idle.start();
    emit sessionChanged();
}

void Access::setBreakGlass(bool enabled, QSet<Permission> permissions)
{
    m_breakGlassEnabled = enabled;
    m_breakGlass = std::move(permissions);
}

bool Access::allow(Permission p, QString *whyNot, const QString &target)
{
    if (!m_enforcing)
        return true;
    const Role r = role();
    if (roleHas(r, p, m_viewerAck))
        return true;
    // Break-glass: the viewer (nobody signed in, or locked controls) during a high-priority alarm.
    if (r == Role::Viewer && m_breakGlassEnabled && m_breakGlass.contains(p) && m_highPriorityActive &&
        m_highPriorityActive()) {
        audit(QStringLiteral("break_glass"), target,
              QStringLiteral("%1 without sign-in during a high-priority alarm%2")
                  .arg(permissionKey(p),
                       m_locked ? QStringLiteral(" (controls locked, %1)").arg(m_user) : QString()));
        return true;
    }
    QString why;
    if (m_locked)
        why = tr("The controls are locked: sign in to %1.").arg(permissionTitle(p));
    else if (!signedIn())
        why = tr("Sign in to %1.").arg(permissionTitle(p));
    else
        why = tr("A %1 may not %2.").arg(roleTitle(m_role).toLower(), permissionTitle(p));
    audit(QStringLiteral("refused"), target, QStringLiteral("%1: %2").arg(permissionKey(p), why));
    if (whyNot)
        *whyNot = why;
    setMessage(why);
    emit refused(permissionKey(p), why);
    return false;
}

bool Access::can(const QString &key) const
{
    if (!m_enforcing)
        return true;
    for (int i = 0; i < kPermissionCount; ++i)
        if (permissionKey(Permission(i)) == key)
            return roleHas(role(), Permission(i), m_viewerAck);
    return false;
}

void Access::audit(const QString &action, const QString &target, const QString &details)
{
    if (m_sink)
        m_sink({m_user, m_locked ? QStringLiteral("%1 (locked)").arg(roleKey(m_role)) : roleKey(m_role),
                action, target, details});
}

void Access::signIn(const QString &user, const QString &password, const QString &code)
{
    startSignIn(false, user, password.toUtf8(), code);
}

void Access::signInBadge(const QString &badge, const QString &pin, const QString &code)
{
    startSignIn(true, badge, pin.toUtf8(), code);
}

void Access::startSignIn(bool badge, const QString &id, const QByteArray &secret, const QString &code)
{
    if (!m_backend) {
        setMessage(tr("Sign-in is not available on this station."));
        return;
    }
    if (m_busy)
        return;
    setBusy(true);
    AccessBackend *backend = m_backend.get();
    QPointer<Access> self(this);
    m_pool.start([self, backend, badge, id, secret, code] {
        const AccessBackend::Reply reply = backend->signIn(badge, id, secret, code);
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, reply, badge, id] {
                    if (self)
                        self->finishSignIn(reply, badge, id);
                },
                Qt::QueuedConnection);
    });
}

void Access::finishSignIn(const AccessBackend::Reply &reply, bool badge, const QString &id)
{
    setBusy(false);
    const QString how = badge ? QStringLiteral("badge") : QStringLiteral("password");
    switch (reply.outcome) {
    case AccessBackend::Outcome::Ok: {
        const bool sameUser = reply.user == m_user;
        const QString previous = m_user;
        m_user = reply.user;
        m_displayName = reply.displayName;
        m_role = roleFromKey(reply.role).value_or(Role::Viewer);
        m_locked = false;
        m_needTotp = false;
        m_enrolUser.clear();
        m_enrolQr.clear();
        m_enrolUri.clear();
        audit(QStringLiteral("sign_in"), {},
              QStringLiteral("%1%2").arg(
                  how, sameUser ? QStringLiteral(", unlock")
                                : (previous.isEmpty() ? QString()
                                                      : QStringLiteral(", replaces %1").arg(previous))));
        setMessage({});
        if (m_autoLockS > 0)
            m_idle.start();
        emit stepChanged();
        emit sessionChanged();
        return;
    }
    case AccessBackend::Outcome::NeedTotp:
        m_needTotp = true;
        setMessage(tr("Enter the 6-digit code from your authenticator."));
        emit stepChanged();
        return;
    case AccessBackend::Outcome::NeedEnrolment: {
        QString uri;
        const QStringList qr = m_backend->beginEnrolment(reply.user, &uri);
        m_enrolUser = reply.user;
        m_enrolQr = qr;
        m_enrolUri = uri;
        m_needTotp = false;
        audit(QStringLiteral("totp_enrolment_started"), reply.user);
        setMessage(tr("Your role needs a second factor: scan the code with an authenticator app, then enter "
                      "the 6-digit code it shows."));
        emit stepChanged();
        return;
    }
    case AccessBackend::Outcome::Refused:
    case AccessBackend::Outcome::Error:
        break;
    }
    // The audit names who was tried, never the secret.
    if (m_sink)
        m_sink({id,
                QString(),
                QStringLiteral("sign_in_failed"),
                {},
                QStringLiteral("%1: %2").arg(how, reply.reason)});
    setMessage(reply.reason.isEmpty() ? tr("Sign-in failed.") : reply.reason);
}

void Access::confirmEnrolment(const QString &code)
{
    if (!m_backend || m_enrolUser.isEmpty() || m_busy)
        return;
    setBusy(true);
    AccessBackend *backend = m_backend.get();
    QPointer<Access> self(this);
    const QString user = m_enrolUser;
    m_pool.start([self, backend, user, code] {
        const bool ok = backend->confirmEnrolment(user, code);
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, ok, user] {
                    if (!self)
                        return;
                    self->setBusy(false);
                    if (self->m_sink)
                        self->m_sink(
                            {user,
                             QString(),
                             ok ? QStringLiteral("totp_enrolled") : QStringLiteral("totp_enrolment_failed"),
                             user,
                             {}});
                    if (ok) {
                        self->m_enrolUser.clear();
                        self->m_enrolQr.clear();
                        self->m_enrolUri.clear();
                        self->setMessage(
                            tr("Authenticator enrolled: sign in with your password and a code."));
                    } else {
                        self->setMessage(tr("That code does not match: try the next one."));
                    }
                    emit self->stepChanged();
                },
                Qt::QueuedConnection);
    });
}

void Access::cancelSignIn()
{
    m_needTotp = false;
    m_enrolUser.clear();
    m_enrolQr.clear();
    m_enrolUri.clear();
    setMessage({});
    emit stepChanged();
}

void Access::signOut()
{
    if (!signedIn())
        return;
    audit(QStringLiteral("sign_out"));
    m_user.clear();
    m_displayName.clear();
    m_role = Role::Viewer;
    m_locked = false;
    m_idle.stop();
    emit sessionChanged();
}

void Access::lock()
{
    if (!signedIn() || m_locked)
        return;
    audit(QStringLiteral("lock"));
    m_locked = true;
    m_idle.stop();
    emit sessionChanged();
}

void Access::noteActivity()
{
    if (signedIn() && !m_locked && m_autoLockS > 0)
        m_idle.start();
}

void Access::createFirstAdmin(const QString &name, const QString &password, const QString &badge,
                              const QString &pin)
{
    if (!m_backend || !m_needsFirstAdmin || m_busy)
        return;
    setBusy(true);
    AccessBackend *backend = m_backend.get();
    QPointer<Access> self(this);
    const QByteArray pw = password.toUtf8(), pinBytes = pin.toUtf8();
    m_pool.start([self, backend, name, pw, badge, pinBytes] {
        // Checked again on the worker: only while the database is empty.
        const QString error =
            backend->userCount() == 0
                ? backend->createUser(name, QStringLiteral("administrator"), pw, badge, pinBytes)
                : QStringLiteral("users exist already");
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, error, name] {
                    if (!self)
                        return;
                    self->setBusy(false);
                    if (error.isEmpty()) {
                        if (self->m_sink)
                            self->m_sink({name, QStringLiteral("administrator"),
                                          QStringLiteral("user_create"), name,
                                          QStringLiteral("first administrator, at first start")});
                        self->setMessage(tr("Administrator %1 created: sign in.").arg(name));
                    } else {
                        self->setMessage(error);
                    }
                    self->refreshFirstStart();
                },
                Qt::QueuedConnection);
    });
}

bool Access::waitIdle(int ms)
{
    return m_pool.waitForDone(ms);
}

void Access::setMessage(const QString &m)
{
    if (m != m_message) {
        m_message = m;
        emit messageChanged();
    }
}

void Access::setBusy(bool b)
{
    if (b != m_busy) {
        m_busy = b;
        emit busyChanged();
    }
}

} // namespace vigil::security
