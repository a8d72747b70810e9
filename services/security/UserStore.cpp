// User store: SQLite rows, Argon2id checks, TOTP, failure counters and lock-out. See UserStore.h.
#include "UserStore.h"

#include "FilePermissions.h"
#include "SqliteColumns.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>

namespace vigil::security {

namespace {

using detail::colBlob;
using detail::colText;

// A prepared statement that finalises itself.
struct Q
{
    sqlite3_stmt *s = nullptr;
    Q(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
    ~Q() { sqlite3_finalize(s); }
    Q(const Q &) = delete;
    Q &operator=(const Q &) = delete;
    Q &text(int i, const QString &v)
    {
        const QByteArray b = v.toUtf8();
        if (v.isNull())
            sqlite3_bind_null(s, i);
        else
            sqlite3_bind_text(s, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Q &blob(int i, const QByteArray &v)
    {
        sqlite3_bind_blob(s, i, v.constData(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Q &i64(int i, qint64 v)
    {
        sqlite3_bind_int64(s, i, v);
        return *this;
    }
    bool row() { return s && sqlite3_step(s) == SQLITE_ROW; }
    bool done() { return s && sqlite3_step(s) == SQLITE_DONE; }
};

const QSet<QString> kRoles{QStringLiteral("nurse"), QStringLiteral("charge_nurse"), QStringLiteral("biomed"),
                           QStringLiteral("administrator")};

} // namespace

UserStore::UserStore() = default;
UserStore::~UserStore()
{
    if (m_db)
        sqlite3_close(m_db);
}

bool UserStore::exec(const char *sql, QString *error)
{
    char *msg = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &msg) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(msg ? msg : "?");
    sqlite3_free(msg);
    return false;
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
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("cannot open the user database %1: %2")
                         .arg(path, QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    }
    sqlite3_busy_timeout(m_db, 2000);
    // No WAL: a single small file keeps the 0600 mode simple (no -wal/-shm siblings with the umask's mode).
    if (!exec("PRAGMA synchronous=FULL;"
              "CREATE TABLE IF NOT EXISTS users(name TEXT PRIMARY KEY, role TEXT NOT NULL, display_name TEXT,"
              " badge TEXT UNIQUE, password_hash TEXT NOT NULL, pin_hash TEXT, totp_secret BLOB,"
              " totp_last_step INTEGER NOT NULL DEFAULT -1, failed INTEGER NOT NULL DEFAULT 0,"
              " locked_until_ms INTEGER NOT NULL DEFAULT 0, disabled INTEGER NOT NULL DEFAULT 0,"
              " created_ms INTEGER NOT NULL DEFAULT 0)",
              error))
        return false;
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
    Q q(m_db, "SELECT count(*) FROM users");
    return q.row() ? sqlite3_column_int(q.s, 0) : 0;
}

QStringList UserStore::userNames() const
{
    std::lock_guard lock(m_mutex);
    QStringList names;
    Q q(m_db, "SELECT name FROM users ORDER BY name");
    while (q.row())
        names << colText(q.s, 0);
    return names;
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
    Q q(m_db, "INSERT INTO users(name, role, display_name, badge, password_hash, pin_hash, created_ms)"
              " VALUES(?,?,?,?,?,?,strftime('%s','now')*1000)");
    q.text(1, spec.name.trimmed())
        .text(2, spec.role)
        .text(3, spec.displayName)
        .text(4, spec.badge.isEmpty() ? QString() : spec.badge)
        .text(5, QString::fromLatin1(pwHash))
        .text(6, pinHash.isEmpty() ? QString() : QString::fromLatin1(pinHash));
    if (!q.done())
        return fail(
            QStringLiteral("cannot add user %1: %2").arg(spec.name, QString::fromUtf8(sqlite3_errmsg(m_db))));
    return true;
}

bool UserStore::removeUser(const QString &name, QString *error)
{
    std::lock_guard lock(m_mutex);
    Q q(m_db, "DELETE FROM users WHERE name = ?");
    q.text(1, name);
    if (!q.done() || sqlite3_changes(m_db) != 1) {
        if (error)
            *error = QStringLiteral("no user %1").arg(name);
        return false;
    }
    return true;
}

bool UserStore::setPassword(const QString &name, const QByteArray &password, QString *error)
{
    if (password.size() < 8) {
        if (error)
            *error = QStringLiteral("a password has at least 8 characters");
        return false;
    }
    const QByteArray h = hashPassword(password, policy().argon2);
    std::lock_guard lock(m_mutex);
    Q q(m_db, "UPDATE users SET password_hash = ?, failed = 0, locked_until_ms = 0 WHERE name = ?");
    q.text(1, QString::fromLatin1(h)).text(2, name);
    return q.done() && sqlite3_changes(m_db) == 1;
}

bool UserStore::setTotpSecret(const QString &name, const QByteArray &key, QString *error)
{
    std::lock_guard lock(m_mutex);
    Q q(m_db, "UPDATE users SET totp_secret = ?, totp_last_step = -1 WHERE name = ?");
    q.blob(1, key).text(2, name);
    if (!q.done() || sqlite3_changes(m_db) != 1) {
        if (error)
            *error = QStringLiteral("no user %1").arg(name);
        return false;
    }
    return true;
}

bool UserStore::hasTotp(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    Q q(m_db, "SELECT length(totp_secret) FROM users WHERE name = ?");
    q.text(1, name);
    return q.row() && sqlite3_column_int(q.s, 0) > 0;
}

QString UserStore::roleOf(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    Q q(m_db, "SELECT role FROM users WHERE name = ?");
    q.text(1, name);
    return q.row() ? colText(q.s, 0) : QString();
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
        Q q(m_db, sql.constData());
        q.text(1, key);
        if (q.row()) {
            found = true;
            name = colText(q.s, 0);
            role = colText(q.s, 1);
            display = colText(q.s, 2);
            hash = colBlob(q.s, 3);
            totpKey = colBlob(q.s, 4);
            lastStep = sqlite3_column_int64(q.s, 5);
            failed = sqlite3_column_int(q.s, 6);
            lockedUntil = sqlite3_column_int64(q.s, 7);
            disabled = sqlite3_column_int(q.s, 8) != 0;
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
            Q q(m_db, "UPDATE users SET failed = ?, locked_until_ms = ? WHERE name = ?");
            q.i64(1, until ? 0 : n).i64(2, until).text(3, name);
            q.done();
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
        Q q(m_db, "UPDATE users SET totp_last_step = ? WHERE name = ?");
        q.i64(1, *step).text(2, name);
        q.done();
    }
    Q q(m_db, "UPDATE users SET failed = 0, locked_until_ms = 0 WHERE name = ?");
    q.text(1, name);
    q.done();
    r.outcome = AuthOutcome::Ok;
    r.reason.clear();
    return r;
}

} // namespace vigil::security
