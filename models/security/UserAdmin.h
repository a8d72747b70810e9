// User management for the administrator (issue 12, part 1: "user management"): the list of users with
// their roles, add a user, change a role or a display name, delete a user, disable / enable, reset a
// password, enrol or remove a TOTP authenticator. Rules: nobody disables, deletes or changes the role of
// their own account, and the last active administrator is never disabled, deleted or demoted (checked
// on the call against the list, and again on the worker against the database just before the change).
// Every refusal says why and is audited ("refused", "<action>: <why>").
// `Station.access.users` in QML (UserAdminPanel.qml). Every action passes Access::allow(UserManagement)
// first (refused and audited otherwise) and is audited with who did what to whom; the work (Argon2id
// hashing, the database) runs on this object's worker thread, never the GUI thread. Secrets (passwords,
// TOTP keys) are never kept here beyond the call, never audited.
#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QStringList>
#include <QThreadPool>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace vigil::security {

class Access;

// What the app provides (thread-safe; called on UserAdmin's worker thread). Errors: "" = done, else why.
class UserAdminBackend
{
public:
    struct User
    {
        QString name, role, displayName;
        bool hasBadge = false, hasTotp = false, disabled = false, locked = false;
    };
    virtual ~UserAdminBackend() = default;
    virtual QList<User> users() const = 0;
    virtual QString createUser(const QString &name, const QString &role, const QByteArray &password,
                               const QString &badge, const QByteArray &pin) = 0;
    virtual QString setDisabled(const QString &name, bool disabled) = 0;
    virtual QString resetPassword(const QString &name, const QByteArray &password) = 0;
    virtual QString removeTotp(const QString &name) = 0;
    virtual QString setRole(const QString &name, const QString &role) = 0;
    virtual QString setDisplayName(const QString &name, const QString &displayName) = 0;
    // Removes the account; the audit trail keeps its records (they name the user, not a row).
    virtual QString deleteUser(const QString &name) = 0;
    // New secret kept pending until confirmed: the otpauth URI and the QR rows ('1' = dark module).
    virtual QStringList beginEnrolment(const QString &name, QString *uri) = 0;
    virtual bool confirmEnrolment(const QString &name, const QString &code) = 0;
};

class UserAdmin : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QStringList roleKeys READ roleKeys CONSTANT)
    Q_PROPERTY(QStringList roleTitles READ roleTitles CONSTANT)
    Q_PROPERTY(QString enrolUser READ enrolUser NOTIFY enrolChanged)
    Q_PROPERTY(QStringList enrolQr READ enrolQr NOTIFY enrolChanged)
    Q_PROPERTY(QString enrolUri READ enrolUri NOTIFY enrolChanged)
public:
    enum Roles {
        NameRole = Qt::UserRole + 1,
        RoleKeyRole,
        RoleTitleRole,
        DisplayNameRole,
        HasBadgeRole,
        HasTotpRole,
        DisabledRole,
        LockedRole,
    };
    explicit UserAdmin(Access *access, QObject *parent = nullptr);
    ~UserAdmin() override;

    void setBackend(std::unique_ptr<UserAdminBackend> backend); // waits for running work first
    bool available() const { return m_backend != nullptr; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    int count() const { return int(m_users.size()); }
    QStringList roleKeys() const;
    QStringList roleTitles() const;
    QString enrolUser() const { return m_enrolUser; }
    QStringList enrolQr() const { return m_enrolQr; }
    QString enrolUri() const { return m_enrolUri; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Each returns false (with the reason in message) when refused or invalid; true when the work started.
    // The list refreshes and message says the outcome when it is done.
    Q_INVOKABLE bool refresh();
    Q_INVOKABLE bool addUser(const QString &name, const QString &roleKey, const QString &password,
                             const QString &badge = {}, const QString &pin = {});
    Q_INVOKABLE bool setDisabled(const QString &name, bool disabled);
    Q_INVOKABLE bool setRole(const QString &name, const QString &roleKey);
    Q_INVOKABLE bool setDisplayName(const QString &name, const QString &displayName);
    // The screen asks for confirmation first; this call is the confirmed deletion.
    Q_INVOKABLE bool deleteUser(const QString &name);
    Q_INVOKABLE bool resetPassword(const QString &name, const QString &password);
    Q_INVOKABLE bool enrolTotp(const QString &name);
    Q_INVOKABLE bool confirmEnrolment(const QString &code);
    Q_INVOKABLE void cancelEnrolment();
    Q_INVOKABLE bool removeTotp(const QString &name);
    Q_INVOKABLE QVariantMap user(const QString &name) const;
    Q_INVOKABLE QString nameAt(int row) const; // "" outside the list (keyboard selection in the list)
    // Waits for the worker (tests).
    bool waitIdle(int ms = 10000);

signals:
    void availableChanged();
    void busyChanged();
    void messageChanged();
    void countChanged();
    void enrolChanged();
    void done(const QString &action, const QString &user, bool ok); // each finished action

private:
    bool gate(const QString &target);
    // A rule (not the permission) refuses: message = why, audited as "refused" with "action: why".
    bool refuse(const QString &action, const QString &target, const QString &why);
    // Runs work on the worker; then, on the GUI thread: audits (action, target, details) when it returned
    // "", sets the message and refreshes the list.
    void run(const QString &action, const QString &target, const QString &details, const QString &doneText,
             std::function<QString(UserAdminBackend *)> work);
    void reload();
    void setMessage(const QString &m);
    void setBusy(bool b);
    const UserAdminBackend::User *find(const QString &name) const;
    // The user an action is about, after the user-management gate (refusal audited); nullptr with the
    // reason shown when the gate refuses or there is no such user.
    const UserAdminBackend::User *target(const QString &name);
    Access *m_access;
    std::unique_ptr<UserAdminBackend> m_backend;
    QThreadPool m_pool; // after m_backend: destroyed first, so it waits for the worker before the backend
    QList<UserAdminBackend::User> m_users;
    bool m_busy = false;
    QString m_message;
    QString m_enrolUser, m_enrolUri;
    QStringList m_enrolQr;
};

} // namespace vigil::security
