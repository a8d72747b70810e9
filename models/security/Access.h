// Access: who is signed in, what they may do, auto-lock and break-glass (issue 12, parts 1-3). The one
// security object of the model layer, `Station.access` in QML.
//
// - allow(permission, &whyNot, target) is the gate every action calls (Station's actions, and the census's
//   admit / transfer / discharge at merge): it answers from the permission table (Permissions.h) for the
//   signed-in role, and audits every refusal ("refused", with the permission and the reason).
// - audit(action, target, details) records an action with the session's user and role.
// - Sign-in runs on Access's own worker thread (Argon2id is slow on purpose); the result comes back on
//   the GUI thread. The checks themselves are the backend's (app/SecurityWiring: services/security).
// - Auto-lock: after autoLockS without input (noteActivity) the controls lock; the ward, alarms and sounds
//   go on exactly as before (locking changes only what allow() answers). The same user signing in again
//   unlocks where they were; another user replaces the session.
// - Break-glass: while locked or nobody is signed in, the permissions in breakGlassPermissions are allowed
//   during an active high-priority alarm, each use audited as "break_glass".
// - Not enforcing (no [security] section, and the model tests): allow() answers yes, audit still records.
#pragma once

#include "Permissions.h"
#include "UserAdmin.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace vigil::security {

// What the app provides; every method may be called from Access's worker thread (thread-safe).
class AccessBackend
{
public:
    enum class Outcome { Ok, NeedTotp, NeedEnrolment, Refused, Error };
    struct Reply
    {
        Outcome outcome = Outcome::Error;
        QString user, role, displayName, reason;
    };
    virtual ~AccessBackend() = default;
    virtual Reply signIn(bool badge, const QString &id, const QByteArray &secret, const QString &code) = 0;
    virtual int userCount() const = 0;
    // "" when created, else why not.
    virtual QString createUser(const QString &name, const QString &role, const QByteArray &password,
                               const QString &badge, const QByteArray &pin) = 0;
    // New TOTP secret for user, kept pending until confirmed: the otpauth URI and the QR code's rows
    // ('1' = dark module), for the enrolment screen.
    virtual QStringList beginEnrolment(const QString &user, QString *uri) = 0;
    virtual bool confirmEnrolment(const QString &user, const QString &code) = 0;
};

struct AuditEntry
{
    QString user, role, action, target, details;
};

class Access : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY sessionChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY sessionChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY sessionChanged)
    Q_PROPERTY(QString roleTitle READ roleTitleText NOTIFY sessionChanged)
    Q_PROPERTY(bool locked READ locked NOTIFY sessionChanged)
    Q_PROPERTY(bool enforcing READ enforcing NOTIFY sessionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool needTotp READ needTotp NOTIFY stepChanged)
    Q_PROPERTY(bool needsFirstAdmin READ needsFirstAdmin NOTIFY stepChanged)
    Q_PROPERTY(QString enrolUser READ enrolUser NOTIFY stepChanged)
    Q_PROPERTY(QStringList enrolQr READ enrolQr NOTIFY stepChanged)
    Q_PROPERTY(QString enrolUri READ enrolUri NOTIFY stepChanged)
    Q_PROPERTY(int autoLockS READ autoLockS NOTIFY sessionChanged)
    // User management (the administrator's screen): UserAdmin.h.
    Q_PROPERTY(vigil::security::UserAdmin *users READ users CONSTANT)
public:
    explicit Access(QObject *parent = nullptr);
    ~Access() override;

    // Composition root.
    void setBackend(std::unique_ptr<AccessBackend> backend);
    void setEnforcing(bool on);
    void setAuditSink(std::function<void(const AuditEntry &)> sink) { m_sink = std::move(sink); }
    void setAutoLockS(int seconds); // 0 = never
    void setViewerMayAcknowledge(bool on) { m_viewerAck = on; }
    void setBreakGlass(bool enabled, QSet<Permission> permissions);
    // True while a high-priority alarm is active (the station's alarm bar).
    void setHighPriorityQuery(std::function<bool()> q) { m_highPriorityActive = std::move(q); }

    bool signedIn() const { return !m_user.isEmpty(); }
    QString userName() const { return m_user; }
    QString displayName() const { return m_displayName.isEmpty() ? m_user : m_displayName; }
    Role role() const { return m_locked ? Role::Viewer : m_role; }
    QString roleTitleText() const { return roleTitle(m_role); }
    bool locked() const { return m_locked; }
    bool enforcing() const { return m_enforcing; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    bool needTotp() const { return m_needTotp; }
    bool needsFirstAdmin() const { return m_needsFirstAdmin; }
    QString enrolUser() const { return m_enrolUser; }
    QStringList enrolQr() const { return m_enrolQr; }
    QString enrolUri() const { return m_enrolUri; }
    int autoLockS() const { return m_autoLockS; }
    UserAdmin *users() const { return m_users; }

    // The gate. whyNot (may be null) gets the reason shown to the user; the refusal is audited.
    bool allow(Permission p, QString *whyNot = nullptr, const QString &target = {});
    // For QML: may the current session do it (no audit; to offer only what the role allows).
    Q_INVOKABLE bool can(const QString &permissionKey) const;
    // Records an action with the session's user and role.
    void audit(const QString &action, const QString &target = {}, const QString &details = {});

    Q_INVOKABLE void signIn(const QString &user, const QString &password, const QString &code = {});
    Q_INVOKABLE void signInBadge(const QString &badge, const QString &pin, const QString &code = {});
    Q_INVOKABLE void confirmEnrolment(const QString &code);
    Q_INVOKABLE void cancelSignIn();
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void lock();
    Q_INVOKABLE void noteActivity(); // any input on the window
    Q_INVOKABLE void createFirstAdmin(const QString &name, const QString &password, const QString &badge = {},
                                      const QString &pin = {});
    // Re-reads whether the user database is empty (start-up).
    void refreshFirstStart();
    // Waits for the worker (tests).
    bool waitIdle(int ms = 5000);

signals:
    void sessionChanged();
    void busyChanged();
    void messageChanged();
    void stepChanged();
    void refused(const QString &permission, const QString &reason); // every refusal, for the screen

private:
    void startSignIn(bool badge, const QString &id, const QByteArray &secret, const QString &code);
    void finishSignIn(const AccessBackend::Reply &reply, bool badge, const QString &id);
    void setMessage(const QString &m);
    void setBusy(bool b);
    std::unique_ptr<AccessBackend> m_backend;
    QThreadPool
        m_pool; // after m_backend: destroyed first, so it waits for the worker before the backend goes
    std::function<void(const AuditEntry &)> m_sink;
    std::function<bool()> m_highPriorityActive;
    bool m_enforcing = false;
    bool m_viewerAck = false;
    bool m_breakGlassEnabled = true;
    QSet<Permission> m_breakGlass{Permission::Acknowledge, Permission::AudioPause};
    QString m_user, m_displayName;
    Role m_role = Role::Viewer;
    bool m_locked = false;
    bool m_busy = false;
    bool m_needTotp = false;
    bool m_needsFirstAdmin = false;
    QString m_message;
    QString m_enrolUser, m_enrolUri;
    QStringList m_enrolQr;
    int m_autoLockS = 600;
    QTimer m_idle;
    UserAdmin *m_users; // child
};

} // namespace vigil::security
