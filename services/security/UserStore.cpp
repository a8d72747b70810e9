// User store: SQLite rows, Argon2id checks, TOTP, failure counters and lock-out. See UserStore.h.
#include "UserStore.h"

#include "FilePermissions.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace vigil::security {

namespace sql = archive::sql;

namespace {

// A statement on the store's connection; failures throw sql::SqlError (caught at each public function).
struct Q : sql::Stmt
{
    Q(const sql::Db &db, std::string_view text) : sql::Stmt(db.handle(), text) {}
    QByteArray bytes(int c) const
    {
        const auto b = blob(c);
        return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
    }
};

std::span<const std::uint8_t> span(const QByteArray &b)
{
    return {reinterpret_cast<const std::uint8_t *>(b.constData()), size_t(b.size())};
}

QString sqlError(const sql::SqlError &e)
{
    return QString::fromStdString(e.what());
}

const QSet<QString> kRoles{QStringLiteral("nurse"), QStringLiteral("charge_nurse"), QStringLiteral("biomed"),
                           QStringLiteral("administrator")};

} // namespace

UserStore::UserStore() = default;
UserStore::~UserStore() = default;

// Rows changed by the last statement (caller holds the mutex).
qint64 UserStore::changes() const
{
    Q q(m_db, "SELECT changes()");
    return q.step() ? q.i64(0) : 0;
}

bool UserStore::open(const QString &path, QString *error)
{
    std::lock_guard lock(m_mutex);
    m_path = path;
    if (!QFileInfo::exists(path)) {
        if (!createPrivateFile(path, error))
            return false;
    } else if (!makePrivate(path, error)) {
        return false;
    }
    try {
        m_db.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        // No WAL: a single small file keeps the 0600 mode simple (no -wal/-shm siblings with the umask's
        // mode).
        m_db.exec(
            "PRAGMA busy_timeout=2000; PRAGMA synchronous=FULL;"
            "CREATE TABLE IF NOT EXISTS users(name TEXT PRIMARY KEY, role TEXT NOT NULL, display_name TEXT,"
            " badge TEXT UNIQUE, password_hash TEXT NOT NULL, pin_hash TEXT, totp_secret BLOB,"
            " totp_last_step INTEGER NOT NULL DEFAULT -1, failed INTEGER NOT NULL DEFAULT 0,"
            " locked_until_ms INTEGER NOT NULL DEFAULT 0, disabled INTEGER NOT NULL DEFAULT 0,"
            " created_ms INTEGER NOT NULL DEFAULT 0)");
    } catch (const sql::SqlError &e) {
        if (error)
            *error = QStringLiteral("cannot open the user database %1: %2").arg(path, sqlError(e));
        m_db.close();
        return false;
    }
    m_dummyHash = hashPassword(randomBytes(16), m_policy.argon2);
    return true;
}

void UserStore::setPolicy(const SignInPolicy &p)
{
    std::lock_guard lock(m_mutex);
    const bool costChanged = p.argon2.memoryKiB != m_policy.argon2.memoryKiB ||
                             p.argon2.timeCost != m_policy.argon2.timeCost ||
                             p.argon2.lanes != m_policy.argon2.lanes;
    m_policy = p;
    if (costChanged && m_db)
        m_dummyHash = hashPassword(randomBytes(16), m_policy.argon2);
}

SignInPolicy UserStore::policy() const
{
    std::lock_guard lock(m_mutex);
    return m_policy;
}

int UserStore::userCount() const
{
    std::lock_guard lock(m_mutex);
    try {
        Q q(m_db, "SELECT count(*) FROM users");
        return q.step() ? int(q.i64(0)) : 0;
    } catch (const sql::SqlError &) {
        return 0;
    }
}

QStringList UserStore::userNames() const
{
    QStringList names;
    for (const UserInfo &u : users())
        names << u.name;
    return names;
}

std::vector<UserInfo> UserStore::users(qint64 nowMs) const
{
    std::lock_guard lock(m_mutex);
    std::vector<UserInfo> out;
    try {
        Q q(m_db, "SELECT name, role, display_name, badge IS NOT NULL AND badge <> '', "
                  "length(totp_secret) > 0, disabled, locked_until_ms, failed FROM users ORDER BY name");
        while (q.step()) {
            UserInfo u;
            u.name = q.text(0);
            u.role = q.text(1);
            u.displayName = q.text(2);
            u.hasBadge = q.i64(3) != 0;
            u.hasTotp = q.i64(4) != 0;
            u.disabled = q.i64(5) != 0;
            u.lockedUntilMs = q.i64(6) > nowMs ? q.i64(6) : 0;
            u.failed = int(q.i64(7));
            out.push_back(std::move(u));
        }
    } catch (const sql::SqlError &) {
    }
    return out;
}

bool UserStore::addUser(const UserSpec &spec, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (spec.name.trimmed().isEmpty() || spec.name.size() > 64)
        return fail(QStringLiteral("a user name is 1 to 64 characters"));
    if (!kRoles.contains(spec.role))
        return fail(
            QStringLiteral("unknown role '%1' (nurse, charge_nurse, biomed, administrator)").arg(spec.role));
    if (spec.password.size() < 8)
        return fail(QStringLiteral("a password has at least 8 characters"));
    if (!spec.badge.isEmpty() && spec.pin.size() < 4)
        return fail(QStringLiteral("a badge needs a PIN of at least 4 digits"));
    Argon2Params params;
    {
        std::lock_guard lock(m_mutex);
        params = m_policy.argon2;
    }
    // Hashing outside the lock: it takes a while.
    const QByteArray pwHash = hashPassword(spec.password, params);
    const QByteArray pinHash = spec.pin.isEmpty() ? QByteArray() : hashPassword(spec.pin, params);
    std::lock_guard lock(m_mutex);
    try {
        Q q(m_db, "INSERT INTO users(name, role, display_name, badge, password_hash, pin_hash, created_ms)"
                  " VALUES(?,?,?,?,?,?,strftime('%s','now')*1000)");
        q.bind(1, spec.name.trimmed())
            .bind(2, spec.role)
            .bind(3, spec.displayName)
            .bind(4, spec.badge.isEmpty() ? QString() : spec.badge)
            .bind(5, QString::fromLatin1(pwHash))
            .bind(6, pinHash.isEmpty() ? QString() : QString::fromLatin1(pinHash));
        q.run();
    } catch (const sql::SqlError &e) {
        return fail(QStringLiteral("cannot add user %1: %2").arg(spec.name, sqlError(e)));
    }
    return true;
}

bool UserStore::update(const char *sqlText, const QString &name, QString *error,
                       const std::function<void(sql::Stmt &)> &bindRest)
{
    std::lock_guard lock(m_mutex);
    try {
        Q q(m_db, sqlText);
        q.bind(1, name);
        if (bindRest)
            bindRest(q);
        q.run();
        if (changes() == 1)
            return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = QStringLiteral("user %1: %2").arg(name, sqlError(e));
        return false;
    }
    if (error)
        *error = QStringLiteral("no user %1").arg(name);
    return false;
}

bool UserStore::removeUser(const QString &name, QString *error)
{
    return update("DELETE FROM users WHERE name = ?1", name, error);
}

bool UserStore::setPassword(const QString &name, const QByteArray &password, QString *error)
{
    if (password.size() < 8) {
        if (error)
            *error = QStringLiteral("a password has at least 8 characters");
        return false;
    }
    const QString h = QString::fromLatin1(hashPassword(password, policy().argon2));
    return update("UPDATE users SET password_hash = ?2, failed = 0, locked_until_ms = 0 WHERE name = ?1",
                  name, error, [&](sql::Stmt &q) { q.bind(2, h); });
}

bool UserStore::setRole(const QString &name, const QString &role, QString *error)
{
    if (!kRoles.contains(role)) {
        if (error)
            *error =
                QStringLiteral("unknown role '%1' (nurse, charge_nurse, biomed, administrator)").arg(role);
        return false;
    }
    return update("UPDATE users SET role = ?2 WHERE name = ?1", name, error,
                  [&](sql::Stmt &q) { q.bind(2, role); });
}

bool UserStore::setDisplayName(const QString &name, const QString &displayName, QString *error)
{
    if (displayName.size() > 64) {
        if (error)
            *error = QStringLiteral("a display name has at most 64 characters");
        return false;
    }
    return update("UPDATE users SET display_name = ?2 WHERE name = ?1", name, error,
                  [&](sql::Stmt &q) { q.bind(2, displayName); });
}

bool UserStore::setDisabled(const QString &name, bool disabled, QString *error)
{
    return update("UPDATE users SET disabled = ?2, failed = 0, locked_until_ms = 0 WHERE name = ?1", name,
                  error, [&](sql::Stmt &q) { q.bind(2, disabled ? 1 : 0); });
}

bool UserStore::setTotpSecret(const QString &name, const QByteArray &key, QString *error)
{
    if (key.isEmpty())
        return update("UPDATE users SET totp_secret = NULL, totp_last_step = -1 WHERE name = ?1", name,
                      error);
    return update("UPDATE users SET totp_secret = ?2, totp_last_step = -1 WHERE name = ?1", name, error,
                  [&](sql::Stmt &q) { q.bindBlob(2, span(key)); });
}

bool UserStore::hasTotp(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    try {
        Q q(m_db, "SELECT length(totp_secret) FROM users WHERE name = ?");
        q.bind(1, name);
        return q.step() && q.i64(0) > 0;
    } catch (const sql::SqlError &) {
        return false;
    }
}

QString UserStore::roleOf(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    try {
        Q q(m_db, "SELECT role FROM users WHERE name = ?");
        q.bind(1, name);
        return q.step() ? q.text(0) : QString();
    } catch (const sql::SqlError &) {
        return {};
    }
}

bool UserStore::provisionFromFile(const QString &path, QString *createdUser, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read provisioning file %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray content = f.readAll();
    const qint64 size = f.size();
    f.close();
    // Overwrite, then delete: the password must not stay on disk in the clear.
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QByteArray(int(size), '\0'));
        f.flush();
        f.close();
    }
    QFile::remove(path);
    UserSpec spec;
    spec.role = QStringLiteral("administrator");
    for (const QByteArray &raw : content.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const int eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = line.left(eq).trimmed(), value = line.mid(eq + 1).trimmed();
        if (key == "name")
            spec.name = QString::fromUtf8(value);
        else if (key == "password")
            spec.password = value;
        else if (key == "role")
            spec.role = QString::fromUtf8(value);
        else if (key == "badge")
            spec.badge = QString::fromUtf8(value);
        else if (key == "pin")
            spec.pin = value;
        else if (key == "display_name")
            spec.displayName = QString::fromUtf8(value);
    }
    if (!addUser(spec, error))
        return false;
    if (createdUser)
        *createdUser = spec.name;
    return true;
}

// Runs a write whose failure must not turn into an exception (counters of a sign-in): logged, not thrown.
void UserStore::exec(const std::function<void()> &f)
{
    try {
        f();
    } catch (const sql::SqlError &e) {
        qWarning("user database: %s", e.what());
    }
}

AuthResult UserStore::authenticatePassword(const QString &name, const QByteArray &password,
                                           const QString &totpCode, qint64 nowMs)
{
    return check(QStringLiteral("name"), name.trimmed(), password, false, totpCode, nowMs);
}

AuthResult UserStore::authenticateBadge(const QString &badge, const QByteArray &pin, const QString &totpCode,
                                        qint64 nowMs)
{
    return check(QStringLiteral("badge"), badge.trimmed(), pin, true, totpCode, nowMs);
}

AuthResult UserStore::check(const QString &column, const QString &key, const QByteArray &secret, bool pin,
                            const QString &totpCode, qint64 nowMs)
{
    AuthResult r;
    QString name, role, display;
    QByteArray hash, totpKey;
    qint64 lastStep = -1, lockedUntil = 0;
    int failed = 0;
    bool disabled = false, found = false;
    SignInPolicy pol;
    {
        std::lock_guard lock(m_mutex);
        pol = m_policy;
        while (!m_stationFailures.empty() &&
               m_stationFailures.front() < nowMs - qint64(pol.stationWindowS) * 1000)
            m_stationFailures.pop_front();
        if (nowMs < m_stationLockedUntilMs) {
            r.outcome = AuthOutcome::StationThrottled;
            r.lockedUntilMs = m_stationLockedUntilMs;
            r.reason = QStringLiteral("too many failed sign-ins on this station; try again in %1 s")
                           .arg((m_stationLockedUntilMs - nowMs + 999) / 1000);
            return r;
        }
        const QByteArray sql =
            "SELECT name, role, display_name, " + QByteArray(pin ? "pin_hash" : "password_hash") +
            ", totp_secret, totp_last_step, failed, locked_until_ms, disabled FROM users WHERE " +
            column.toLatin1() + " = ?";
        try {
            Q q(m_db, std::string_view(sql.constData(), size_t(sql.size())));
            q.bind(1, key);
            if (q.step()) {
                found = true;
                name = q.text(0);
                role = q.text(1);
                display = q.text(2);
                hash = q.bytes(3);
                totpKey = q.bytes(4);
                lastStep = q.i64(5);
                failed = int(q.i64(6));
                lockedUntil = q.i64(7);
                disabled = q.i64(8) != 0;
            }
        } catch (const sql::SqlError &e) {
            r.outcome = AuthOutcome::Error;
            r.reason = QStringLiteral("the user database cannot be read: %1").arg(sqlError(e));
            return r;
        }
    }
    r.user = name.isEmpty() ? key : name;
    r.role = role;
    r.displayName = display;
    if (found && nowMs < lockedUntil) {
        r.outcome = AuthOutcome::UserLocked;
        r.lockedUntilMs = lockedUntil;
        r.reason = QStringLiteral("user %1 is locked after %2 failed sign-ins; try again in %3 s")
                       .arg(name)
                       .arg(failed)
                       .arg((lockedUntil - nowMs + 999) / 1000);
        return r;
    }
    // The Argon2id check runs without the lock (100-300 ms); an unknown name checks a dummy hash.
    const bool secretOk =
        verifyPassword(found && !hash.isEmpty() ? hash : m_dummyHash, secret) && found && !hash.isEmpty();
    std::lock_guard lock(m_mutex);
    auto recordFailure = [&](AuthOutcome outcome, const QString &why) {
        r.outcome = outcome;
        r.reason = why;
        m_stationFailures.push_back(nowMs);
        if (int(m_stationFailures.size()) > pol.stationMaxFailures) {
            m_stationLockedUntilMs = nowMs + qint64(pol.stationLockoutS) * 1000;
            m_stationFailures.clear();
        }
        if (found) {
            const int n = failed + 1;
            const qint64 until = n >= pol.maxFailures ? nowMs + qint64(pol.lockoutS) * 1000 : 0;
            exec([&] {
                Q q(m_db, "UPDATE users SET failed = ?, locked_until_ms = ? WHERE name = ?");
                q.bind(1, qint64(until ? 0 : n)).bind(2, until).bind(3, name);
                q.run();
            });
            if (until) {
                r.outcome = AuthOutcome::UserLocked;
                r.lockedUntilMs = until;
                r.reason =
                    QStringLiteral("%1; user %2 is now locked for %3 s").arg(why, name).arg(pol.lockoutS);
            }
        }
        return r;
    };
    if (!secretOk)
        return recordFailure(AuthOutcome::BadCredentials,
                             pin ? QStringLiteral("unknown badge or wrong PIN")
                                 : QStringLiteral("unknown user or wrong password"));
    if (disabled) {
        r.outcome = AuthOutcome::Disabled;
        r.reason = QStringLiteral("user %1 is disabled").arg(name);
        return r;
    }
    const bool totpRequired = pol.totpRoles.contains(role) || !totpKey.isEmpty();
    if (totpRequired) {
        if (totpKey.isEmpty()) {
            r.outcome = AuthOutcome::NeedEnrolment;
            r.reason =
                QStringLiteral("the role %1 requires a one-time code: enrol an authenticator").arg(role);
            return r;
        }
        if (totpCode.isEmpty()) {
            r.outcome = AuthOutcome::NeedTotp;
            r.reason = QStringLiteral("enter the one-time code");
            return r;
        }
        const auto step = verifyTotp(totpKey, totpCode, nowMs / 1000, pol.totpSkewSteps, lastStep);
        if (!step)
            return recordFailure(AuthOutcome::BadTotp, QStringLiteral("wrong or reused one-time code"));
        exec([&] {
            Q q(m_db, "UPDATE users SET totp_last_step = ? WHERE name = ?");
            q.bind(1, qint64(*step)).bind(2, name);
            q.run();
        });
    }
    exec([&] {
        Q q(m_db, "UPDATE users SET failed = 0, locked_until_ms = 0 WHERE name = ?");
        q.bind(1, name);
        q.run();
    });
    r.outcome = AuthOutcome::Ok;
    r.reason.clear();
    return r;
}

} // namespace vigil::security
