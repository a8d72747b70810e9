// The station's users (issue 12, part 2): SQLite file readable by the station's account only (0600),
// passwords and PINs as Argon2id PHC strings, TOTP secrets, failed-attempt counters. Sign-in checks are
// slow on purpose (Argon2id, 100-300 ms): call authenticate*() from a worker thread, never the GUI thread.
// Thread-safe (one mutex).
//
// Rate limit and lock-out: `maxFailures` wrong attempts in a row lock the user for `lockoutS`; more than
// `stationMaxFailures` failures on the station within `stationWindowS` refuse every sign-in for
// `stationLockoutS` (someone is trying names). An unknown user name costs the same Argon2id time as a
// known one, so timing does not tell which names exist.
#pragma once

#include "Credentials.h"
#include "Sqlite.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace vigil::security {

struct UserSpec
{
    QString name;
    QString role; // viewer-less role names: nurse, charge_nurse, biomed, administrator
    QString displayName;
    QString badge;       // optional
    QByteArray password; // plain text in, never stored
    QByteArray pin;      // optional, for badge sign-in
};

struct SignInPolicy
{
    int maxFailures = 5;
    int lockoutS = 300;
    int stationMaxFailures = 20;
    int stationWindowS = 300;
    int stationLockoutS = 60;
    int totpSkewSteps = 1;
    QSet<QString> totpRoles{QStringLiteral("charge_nurse"), QStringLiteral("biomed"),
                            QStringLiteral("administrator")};
    Argon2Params argon2;
};

enum class AuthOutcome {
    Ok,
    NeedTotp,      // password right, a one-time code is required (ask for it, then call again with it)
    NeedEnrolment, // password right, the role requires TOTP and none is enrolled: enrol first
    BadCredentials,
    BadTotp,
    UserLocked,
    StationThrottled,
    Disabled,
    Error,
};

struct AuthResult
{
    AuthOutcome outcome = AuthOutcome::Error;
    QString user;
    QString role;
    QString displayName;
    QString reason; // for the screen and the audit (never a secret)
    qint64 lockedUntilMs = 0;
    bool ok() const { return outcome == AuthOutcome::Ok; }
};

// One row of the user list (the user-management screen): never a hash or a secret.
struct UserInfo
{
    QString name;
    QString role;
    QString displayName;
    bool hasBadge = false;
    bool hasTotp = false;
    bool disabled = false;
    qint64 lockedUntilMs = 0; // > 0 while locked out after failed sign-ins
    int failed = 0;
};

class UserStore
{
public:
    UserStore();
    ~UserStore();
    UserStore(const UserStore &) = delete;
    UserStore &operator=(const UserStore &) = delete;

    bool open(const QString &path, QString *error); // creates with mode 0600, tightens an existing file
    QString path() const { return m_path; }
    void setPolicy(const SignInPolicy &p);
    SignInPolicy policy() const;

    int userCount() const;
    QStringList userNames() const;
    // All users by name; lockedUntilMs is filled only when it lies after nowMs.
    std::vector<UserInfo> users(qint64 nowMs = 0) const;
    bool addUser(const UserSpec &spec, QString *error);
    bool removeUser(const QString &name, QString *error);
    // A disabled user cannot sign in (the password check still runs, so timing tells nothing). Enabling
    // also clears a lock-out.
    bool setDisabled(const QString &name, bool disabled, QString *error);
    bool setPassword(const QString &name, const QByteArray &password, QString *error);
    // A known role key (nurse, charge_nurse, biomed, administrator). The TOTP policy of the new role
    // applies from the next sign-in.
    bool setRole(const QString &name, const QString &role, QString *error);
    // 0 to 64 characters; empty = the screen shows the user name.
    bool setDisplayName(const QString &name, const QString &displayName, QString *error);
    // Enrols (or replaces) the user's TOTP secret; an empty key removes it (the role's policy then asks
    // for a new enrolment at the next sign-in).
    bool setTotpSecret(const QString &name, const QByteArray &key, QString *error);
    bool hasTotp(const QString &name) const;
    QString roleOf(const QString &name) const;

    // Reads "key = value" lines (name, password, role, badge, pin, display_name) and creates that user,
    // then overwrites and deletes the file, whether it worked or not. For the first administrator.
    bool provisionFromFile(const QString &path, QString *createdUser, QString *error);

    AuthResult authenticatePassword(const QString &name, const QByteArray &password, const QString &totpCode,
                                    qint64 nowMs);
    AuthResult authenticateBadge(const QString &badge, const QByteArray &pin, const QString &totpCode,
                                 qint64 nowMs);

private:
    struct Row;
    AuthResult check(const QString &column, const QString &key, const QByteArray &secret, bool pin,
                     const QString &totpCode, qint64 nowMs);
    void exec(const std::function<void()> &f);
    qint64 changes() const;
    // Runs sqlText with ?1 = name (and bindRest's parameters); true when exactly one row changed.
    bool update(const char *sqlText, const QString &name, QString *error,
                const std::function<void(archive::sql::Stmt &)> &bindRest = {});
    mutable std::mutex m_mutex;
    archive::sql::Db m_db;
    QString m_path;
    SignInPolicy m_policy;
    QByteArray m_dummyHash; // for unknown users: same cost
    std::deque<qint64> m_stationFailures;
    qint64 m_stationLockedUntilMs = 0;
};

} // namespace vigil::security
