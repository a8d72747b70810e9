// User management: the permission gate, the audit, the worker thread. See UserAdmin.h.
#include "UserAdmin.h"

#include "Access.h"

#include <QPointer>

namespace vigil::security {

namespace {
// Roles a user can be given (the viewer is nobody signed in, not a user).
constexpr Role kAssignable[] = {Role::Nurse, Role::ChargeNurse, Role::Biomed, Role::Administrator};

// Why `name` may not leave the active administrators (disable, delete, demote): "" = it may.
QString lastAdminWhy(const QList<UserAdminBackend::User> &users, const QString &name)
{
    const QString admin = roleKey(Role::Administrator);
    const UserAdminBackend::User *target = nullptr;
    int active = 0;
    for (const auto &u : users) {
        if (u.name == name)
            target = &u;
        active += (u.role == admin && !u.disabled) ? 1 : 0;
    }
    if (!target || target->role != admin || target->disabled || active > 1)
        return {};
    return UserAdmin::tr("%1 is the last active administrator.").arg(name);
}

// `work` behind the same rule checked again on the worker against the user database: the list on screen
// may be stale (another station may have changed it).
std::function<QString(UserAdminBackend *)> keepingAnAdmin(const QString &name,
                                                          std::function<QString(UserAdminBackend *)> work)
{
    return [name, work = std::move(work)](UserAdminBackend *b) {
        if (const QString why = lastAdminWhy(b->users(), name); !why.isEmpty())
            return why;
        return work(b);
    };
}
} // namespace

UserAdmin::UserAdmin(Access *access, QObject *parent) : QAbstractListModel(parent), m_access(access)
{
    m_pool.setMaxThreadCount(1); // in order
}

UserAdmin::~UserAdmin()
{
    m_pool.waitForDone();
}

void UserAdmin::setBackend(std::unique_ptr<UserAdminBackend> backend)
{
    m_pool.waitForDone();
    const bool was = available();
    m_backend = std::move(backend);
    beginResetModel();
    m_users.clear();
    endResetModel();
    emit countChanged();
    if (was != available())
        emit availableChanged();
}

QStringList UserAdmin::roleKeys() const
{
    QStringList keys;
    for (Role r : kAssignable)
        keys << roleKey(r);
    return keys;
}

QStringList UserAdmin::roleTitles() const
{
    QStringList titles;
    for (Role r : kAssignable)
        titles << roleTitle(r);
    return titles;
}

int UserAdmin::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant UserAdmin::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const UserAdminBackend::User &u = m_users[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return u.name;
    case RoleKeyRole:
        return u.role;
    case RoleTitleRole:
        return roleTitle(roleFromKey(u.role).value_or(Role::Viewer));
    case DisplayNameRole:
        return u.displayName;
    case HasBadgeRole:
        return u.hasBadge;
    case HasTotpRole:
        return u.hasTotp;
    case DisabledRole:
        return u.disabled;
    case LockedRole:
        return u.locked;
    default:
        return {};
    }
}

QHash<int, QByteArray> UserAdmin::roleNames() const
{
    return {{NameRole, "name"},           {RoleKeyRole, "roleKey"},
            {RoleTitleRole, "roleTitle"}, {DisplayNameRole, "displayName"},
            {HasBadgeRole, "hasBadge"},   {HasTotpRole, "hasTotp"},
            {DisabledRole, "disabled"},   {LockedRole, "locked"}};
}

const UserAdminBackend::User *UserAdmin::find(const QString &name) const
{
    for (const auto &u : m_users)
        if (u.name == name)
            return &u;
    return nullptr;
}

const UserAdminBackend::User *UserAdmin::target(const QString &name)
{
    if (!gate(name))
        return nullptr;
    const auto *u = find(name);
    if (!u)
        setMessage(tr("No user %1.").arg(name));
    return u;
}

QVariantMap UserAdmin::user(const QString &name) const
{
    const auto *u = find(name);
    if (!u)
        return {};
    return {{QStringLiteral("name"), u->name},
            {QStringLiteral("roleKey"), u->role},
            {QStringLiteral("hasBadge"), u->hasBadge},
            {QStringLiteral("hasTotp"), u->hasTotp},
            {QStringLiteral("disabled"), u->disabled},
            {QStringLiteral("locked"), u->locked},
            {QStringLiteral("displayName"), u->displayName}};
}

QString UserAdmin::nameAt(int row) const
{
    return row >= 0 && row < m_users.size() ? m_users[row].name : QString();
}

bool UserAdmin::gate(const QString &target)
{
    QString why; // the permission first: a refusal is audited whatever else is missing
    if (!m_access->allow(Permission::UserManagement, &why, target)) {
        setMessage(why);
        return false;
    }
    if (!m_backend) {
        setMessage(tr("User management needs the station's user database ([security] enabled)."));
        return false;
    }
    if (m_busy) {
        setMessage(tr("Still working on the last change."));
        return false;
    }
    return true;
}

bool UserAdmin::refuse(const QString &action, const QString &target, const QString &why)
{
    m_access->audit(QStringLiteral("refused"), target, QStringLiteral("%1: %2").arg(action, why));
    setMessage(why);
    return false;
}

bool UserAdmin::refresh()
{
    if (!gate({}))
        return false;
    reload();
    return true;
}

void UserAdmin::reload()
{
    run({}, {}, {}, {}, nullptr);
}

void UserAdmin::run(const QString &action, const QString &target, const QString &details,
                    const QString &doneText, std::function<QString(UserAdminBackend *)> work)
{
    setBusy(true);
    UserAdminBackend *backend = m_backend.get();
    QPointer<UserAdmin> self(this);
    m_pool.start([self, backend, action, target, details, doneText, work = std::move(work)] {
        const QString error = work ? work(backend) : QString();
        const QList<UserAdminBackend::User> users = backend->users();
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, action, target, details, doneText, error, users] {
                if (!self)
                    return;
                self->beginResetModel();
                self->m_users = users;
                self->endResetModel();
                emit self->countChanged();
                self->setBusy(false);
                if (action.isEmpty())
                    return;
                // Audited either way: who tried what on whom, and why it failed (never a secret).
                self->m_access->audit(error.isEmpty() ? action : action + QStringLiteral("_failed"), target,
                                      error.isEmpty() ? details : error);
                self->setMessage(error.isEmpty() ? doneText : error);
                emit self->done(action, target, error.isEmpty());
            },
            Qt::QueuedConnection);
    });
}

bool UserAdmin::addUser(const QString &name, const QString &key, const QString &password,
                        const QString &badge, const QString &pin)
{
    const QString n = name.trimmed();
    if (!gate(n))
        return false;
    const auto role = roleFromKey(key);
    if (n.isEmpty() || n.size() > 64) {
        setMessage(tr("A user name is 1 to 64 characters."));
        return false;
    }
    if (!role || *role == Role::Viewer) {
        setMessage(tr("Choose a role."));
        return false;
    }
    if (password.size() < 8) {
        setMessage(tr("The initial password needs at least 8 characters."));
        return false;
    }
    if (!badge.isEmpty() && pin.size() < 4) {
        setMessage(tr("A badge needs a PIN of at least 4 digits."));
        return false;
    }
    if (find(n)) {
        setMessage(tr("User %1 exists already.").arg(n));
        return false;
    }
    const QByteArray pw = password.toUtf8(), pinBytes = pin.toUtf8();
    run(QStringLiteral("user_create"), n,
        QStringLiteral("role %1%2").arg(key, badge.isEmpty() ? QString() : QStringLiteral(", badge")),
        tr("User %1 added as %2.").arg(n, roleTitle(*role)),
        [n, key, pw, badge, pinBytes](UserAdminBackend *b) {
            return b->createUser(n, key, pw, badge, pinBytes);
        });
    return true;
}

bool UserAdmin::setDisabled(const QString &name, bool disabled)
{
    if (!target(name))
        return false;
    const QString action = disabled ? QStringLiteral("user_disable") : QStringLiteral("user_enable");
    if (disabled && name == m_access->userName())
        return refuse(action, name, tr("You cannot disable your own account."));
    if (disabled) {
        if (const QString why = lastAdminWhy(m_users, name); !why.isEmpty())
            return refuse(action, name, why);
    }
    std::function<QString(UserAdminBackend *)> work = [name, disabled](UserAdminBackend *b) {
        return b->setDisabled(name, disabled);
    };
    run(action, name, {},
        disabled ? tr("User %1 disabled: they cannot sign in.").arg(name) : tr("User %1 enabled.").arg(name),
        disabled ? keepingAnAdmin(name, std::move(work)) : std::move(work));
    return true;
}

bool UserAdmin::setRole(const QString &name, const QString &key)
{
    const auto *u = target(name);
    if (!u)
        return false;
    const auto role = roleFromKey(key);
    if (!role || *role == Role::Viewer) {
        setMessage(tr("Choose a role."));
        return false;
    }
    if (u->role == key) {
        setMessage(tr("%1 is already %2.").arg(name, roleTitle(*role)));
        return false;
    }
    const QString action = QStringLiteral("user_role_change");
    if (name == m_access->userName())
        return refuse(action, name, tr("You cannot change your own role: another administrator does it."));
    const bool demotes = u->role == roleKey(Role::Administrator);
    if (demotes) {
        if (const QString why = lastAdminWhy(m_users, name); !why.isEmpty())
            return refuse(action, name, why);
    }
    std::function<QString(UserAdminBackend *)> work = [name, key](UserAdminBackend *b) {
        return b->setRole(name, key);
    };
    run(action, name, QStringLiteral("role %1 -> %2").arg(u->role, key),
        tr("%1 is now %2.").arg(name, roleTitle(*role)),
        demotes ? keepingAnAdmin(name, std::move(work)) : std::move(work));
    return true;
}

bool UserAdmin::setDisplayName(const QString &name, const QString &displayName)
{
    const auto *u = target(name);
    if (!u)
        return false;
    const QString d = displayName.trimmed();
    if (d.size() > 64) {
        setMessage(tr("A display name is at most 64 characters."));
        return false;
    }
    if (d == u->displayName) {
        setMessage(tr("The display name of %1 is unchanged.").arg(name));
        return false;
    }
    run(QStringLiteral("user_display_name_change"), name,
        QStringLiteral("display name '%1' -> '%2'").arg(u->displayName, d),
        d.isEmpty() ? tr("%1 is shown by the user name now.").arg(name)
                    : tr("%1 is shown as %2.").arg(name, d),
        [name, d](UserAdminBackend *b) { return b->setDisplayName(name, d); });
    return true;
}

bool UserAdmin::deleteUser(const QString &name)
{
    const auto *u = target(name);
    if (!u)
        return false;
    const QString action = QStringLiteral("user_delete");
    if (name == m_access->userName())
        return refuse(action, name, tr("You cannot delete your own account."));
    if (const QString why = lastAdminWhy(m_users, name); !why.isEmpty())
        return refuse(action, name, why);
    if (m_enrolUser == name)
        cancelEnrolment();
    run(action, name,
        QStringLiteral("role %1%2")
            .arg(u->role, u->displayName.isEmpty()
                              ? QString()
                              : QStringLiteral(", display name '%1'").arg(u->displayName)),
        tr("User %1 deleted; their audit records stay.").arg(name),
        keepingAnAdmin(name, [name](UserAdminBackend *b) { return b->deleteUser(name); }));
    return true;
}

bool UserAdmin::resetPassword(const QString &name, const QString &password)
{
    if (!target(name))
        return false;
    if (password.size() < 8) {
        setMessage(tr("The new password needs at least 8 characters."));
        return false;
    }
    const QByteArray pw = password.toUtf8();
    run(QStringLiteral("password_reset"), name, QStringLiteral("lock-out cleared"),
        tr("Password of %1 reset.").arg(name),
        [name, pw](UserAdminBackend *b) { return b->resetPassword(name, pw); });
    return true;
}

bool UserAdmin::enrolTotp(const QString &name)
{
    if (!target(name))
        return false;
    // Quick (a random key and a QR code): on the GUI thread, like the sign-in panel's enrolment.
    QString uri;
    m_enrolQr = m_backend->beginEnrolment(name, &uri);
    m_enrolUri = uri;
    m_enrolUser = name;
    m_access->audit(QStringLiteral("totp_enrolment_started"), name, QStringLiteral("by user management"));
    setMessage(
        tr("%1 scans the code with an authenticator app, then enters the 6-digit code it shows.").arg(name));
    emit enrolChanged();
    return true;
}

bool UserAdmin::confirmEnrolment(const QString &code)
{
    const QString name = m_enrolUser;
    if (name.isEmpty() || !gate(name))
        return false;
    setBusy(true);
    UserAdminBackend *backend = m_backend.get();
    QPointer<UserAdmin> self(this);
    m_pool.start([self, backend, name, code] {
        const bool ok = backend->confirmEnrolment(name, code);
        const QList<UserAdminBackend::User> users = backend->users();
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, ok, name, users] {
                if (!self)
                    return;
                self->beginResetModel();
                self->m_users = users;
                self->endResetModel();
                emit self->countChanged(); // bindings on the list (the selected user's tags) re-read it
                self->setBusy(false);
                self->m_access->audit(ok ? QStringLiteral("totp_enrolled")
                                         : QStringLiteral("totp_enrolment_failed"),
                                      name, QStringLiteral("by user management"));
                if (ok) {
                    self->m_enrolUser.clear();
                    self->m_enrolQr.clear();
                    self->m_enrolUri.clear();
                    emit self->enrolChanged();
                    self->setMessage(tr("Authenticator enrolled for %1.").arg(name));
                } else {
                    self->setMessage(tr("That code does not match: try the next one."));
                }
                emit self->done(QStringLiteral("totp_enrol"), name, ok);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void UserAdmin::cancelEnrolment()
{
    if (m_enrolUser.isEmpty())
        return;
    m_enrolUser.clear();
    m_enrolQr.clear();
    m_enrolUri.clear();
    emit enrolChanged();
}

bool UserAdmin::removeTotp(const QString &name)
{
    if (!target(name))
        return false;
    run(QStringLiteral("totp_removed"), name, {},
        tr("Authenticator of %1 removed: a new one is enrolled at the next sign-in if the role needs it.")
            .arg(name),
        [name](UserAdminBackend *b) { return b->removeTotp(name); });
    return true;
}

bool UserAdmin::waitIdle(int ms)
{
    return m_pool.waitForDone(ms);
}

void UserAdmin::setMessage(const QString &m)
{
    if (m != m_message) {
        m_message = m;
        emit messageChanged();
    }
}

void UserAdmin::setBusy(bool b)
{
    if (b != m_busy) {
        m_busy = b;
        emit busyChanged();
    }
}

} // namespace vigil::security
