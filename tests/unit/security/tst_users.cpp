// The user store (issue 12, part 2): first start without users, the provisioning file (used, then
// deleted), password and badge + PIN sign-in, TOTP required by role with enrolment, rate limit and
// lock-out per user and per station, file mode 0600, no secret in the database in the clear.
#include "Credentials.h"
#include "UserStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace vigil::security;

namespace {

constexpr qint64 kNow = 1'765'000'000'000;

SignInPolicy cheapPolicy()
{
    SignInPolicy p;
    p.argon2.memoryKiB = 1024; // fast for the test; the station's cost is tested in tst_credentials
    p.argon2.timeCost = 1;
    return p;
}

} // namespace

class TestUsers : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<UserStore> open(const QString &name = QStringLiteral("users.sqlite"))
    {
        auto s = std::make_unique<UserStore>();
        s->setPolicy(cheapPolicy());
        QString error;
        if (!s->open(m_dir.filePath(name), &error))
            qFatal("open: %s", qPrintable(error));
        return s;
    }

private slots:
    void firstStartHasNoUsersAndMode0600()
    {
        auto s = open(QStringLiteral("first.sqlite"));
        QCOMPARE(s->userCount(), 0);
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(m_dir.filePath(QStringLiteral("first.sqlite"))).constData(), &st),
                 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        // No default password: nobody can sign in.
        QCOMPARE(s->authenticatePassword(QStringLiteral("admin"), "admin", {}, kNow).outcome,
                 AuthOutcome::BadCredentials);
    }

    // What the user-management screen uses: the list (no secrets), disable / enable, TOTP removal.
    void listDisableEnableAndRemoveTotp()
    {
        auto s = open(QStringLiteral("admin.sqlite"));
        QString error;
        QVERIFY(s->addUser({QStringLiteral("zoe"), QStringLiteral("nurse"), QStringLiteral("Zoe Z"),
                            QStringLiteral("0007"), "zoe-password", "1234"},
                           &error));
        QVERIFY(s->addUser({QStringLiteral("abe"), QStringLiteral("biomed"), {}, {}, "abe-password", {}},
                           &error));
        QVERIFY(s->setTotpSecret(QStringLiteral("abe"), randomBytes(20), &error));
        auto users = s->users(kNow);
        QCOMPARE(users.size(), size_t(2));
        QCOMPARE(users[0].name, QStringLiteral("abe")); // by name
        QVERIFY(users[0].hasTotp && !users[0].hasBadge && !users[0].disabled);
        QCOMPARE(users[1].displayName, QStringLiteral("Zoe Z"));
        QVERIFY(users[1].hasBadge && !users[1].hasTotp);
        QVERIFY(s->setDisabled(QStringLiteral("zoe"), true, &error));
        QVERIFY(s->users(kNow)[1].disabled);
        QCOMPARE(s->authenticatePassword(QStringLiteral("zoe"), "zoe-password", {}, kNow).outcome,
                 AuthOutcome::Disabled);
        QVERIFY(s->setDisabled(QStringLiteral("zoe"), false, &error));
        QCOMPARE(s->authenticatePassword(QStringLiteral("zoe"), "zoe-password", {}, kNow).outcome,
                 AuthOutcome::Ok);
        QVERIFY(!s->setDisabled(QStringLiteral("nobody"), true, &error));
        QVERIFY(error.contains(QStringLiteral("nobody")));
        // Removing the TOTP secret: the role's policy asks for enrolment again.
        QVERIFY(s->setTotpSecret(QStringLiteral("abe"), {}, &error));
        QVERIFY(!s->hasTotp(QStringLiteral("abe")));
        QCOMPARE(s->authenticatePassword(QStringLiteral("abe"), "abe-password", {}, kNow).outcome,
                 AuthOutcome::NeedEnrolment);
    }

    // Role, display name and removal (the screen's "Change role", "Change display name", "Delete user").
    void roleDisplayNameAndRemove()
    {
        auto s = open(QStringLiteral("edit.sqlite"));
        QString error;
        QVERIFY(s->addUser({QStringLiteral("ivy"),
                            QStringLiteral("nurse"),
                            {},
                            QStringLiteral("0042"),
                            "ivy-password",
                            "4321"},
                           &error));
        QVERIFY(s->setRole(QStringLiteral("ivy"), QStringLiteral("charge_nurse"), &error));
        QCOMPARE(s->roleOf(QStringLiteral("ivy")), QStringLiteral("charge_nurse"));
        // The new role's TOTP policy applies at the next sign-in (charge nurse: enrol first).
        QCOMPARE(s->authenticatePassword(QStringLiteral("ivy"), "ivy-password", {}, kNow).outcome,
                 AuthOutcome::NeedEnrolment);
        QVERIFY(!s->setRole(QStringLiteral("ivy"), QStringLiteral("viewer"), &error)); // not a user's role
        QVERIFY2(error.contains(QStringLiteral("unknown role")), qPrintable(error));
        QVERIFY(!s->setRole(QStringLiteral("ivy"), QStringLiteral("root"), &error));
        QCOMPARE(s->roleOf(QStringLiteral("ivy")), QStringLiteral("charge_nurse"));
        QVERIFY(!s->setRole(QStringLiteral("nobody"), QStringLiteral("nurse"), &error));
        QVERIFY(error.contains(QStringLiteral("nobody")));

        QVERIFY(s->setDisplayName(QStringLiteral("ivy"), QStringLiteral("Ivy Lund"), &error));
        QCOMPARE(s->users(kNow).at(0).displayName, QStringLiteral("Ivy Lund"));
        QVERIFY(!s->setDisplayName(QStringLiteral("ivy"), QString(65, u'x'), &error));
        QCOMPARE(s->users(kNow).at(0).displayName, QStringLiteral("Ivy Lund"));
        QVERIFY(s->setDisplayName(QStringLiteral("ivy"), {}, &error));
        QVERIFY(s->users(kNow).at(0).displayName.isEmpty());

        // Removed: no sign-in by password or badge; the name and the badge can be given again.
        QVERIFY(s->removeUser(QStringLiteral("ivy"), &error));
        QCOMPARE(s->userCount(), 0);
        QCOMPARE(s->authenticatePassword(QStringLiteral("ivy"), "ivy-password", {}, kNow).outcome,
                 AuthOutcome::BadCredentials);
        QCOMPARE(s->authenticateBadge(QStringLiteral("0042"), "4321", {}, kNow).outcome,
                 AuthOutcome::BadCredentials);
        QVERIFY(!s->removeUser(QStringLiteral("ivy"), &error));
        QVERIFY(s->addUser({QStringLiteral("ivy"),
                            QStringLiteral("nurse"),
                            {},
                            QStringLiteral("0042"),
                            "ivy-password2",
                            "9876"},
                           &error));
        QCOMPARE(s->authenticatePassword(QStringLiteral("ivy"), "ivy-password", {}, kNow).outcome,
                 AuthOutcome::BadCredentials); // not the old account's password
    }

    void provisioningFileCreatesTheAdminAndIsDeleted()
    {
        auto s = open(QStringLiteral("prov.sqlite"));
        const QString file = m_dir.filePath(QStringLiteral("provision.conf"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# first administrator\nname = alice\npassword = s3cret-pass-word\nbadge = 0042\npin = "
                    "9876\n");
        }
        QString created, error;
        QVERIFY2(s->provisionFromFile(file, &created, &error), qPrintable(error));
        QCOMPARE(created, QStringLiteral("alice"));
        QVERIFY(!QFile::exists(file));
        QCOMPARE(s->roleOf(QStringLiteral("alice")), QStringLiteral("administrator"));
        // The admin's role needs TOTP: the password is right, enrolment comes next.
        QCOMPARE(s->authenticatePassword(QStringLiteral("alice"), "s3cret-pass-word", {}, kNow).outcome,
                 AuthOutcome::NeedEnrolment);
        // A bad provisioning file is deleted too.
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name = bob\npassword = short\n");
        }
        QVERIFY(!s->provisionFromFile(file, &created, &error));
        QVERIFY(!QFile::exists(file));
        QVERIFY(error.contains(QLatin1String("8 characters")));
    }

    void passwordBadgeAndSecretsNotInTheClear()
    {
        auto s = open(QStringLiteral("clear.sqlite"));
        QString error;
        QVERIFY2(s->addUser({QStringLiteral("nina"), QStringLiteral("nurse"), QStringLiteral("Nina N."),
                             QStringLiteral("B-7"), "horse-battery-1", "2468"},
                            &error),
                 qPrintable(error));
        auto r = s->authenticatePassword(QStringLiteral("nina"), "horse-battery-1", {}, kNow);
        QCOMPARE(r.outcome, AuthOutcome::Ok);
        QCOMPARE(r.role, QStringLiteral("nurse"));
        QCOMPARE(r.displayName, QStringLiteral("Nina N."));
        QCOMPARE(s->authenticateBadge(QStringLiteral("B-7"), "2468", {}, kNow).outcome, AuthOutcome::Ok);
        QCOMPARE(s->authenticateBadge(QStringLiteral("B-7"), "2469", {}, kNow).outcome,
                 AuthOutcome::BadCredentials);
        QCOMPARE(s->authenticatePassword(QStringLiteral("nina"), "2468", {}, kNow).outcome,
                 AuthOutcome::BadCredentials);
        QFile f(m_dir.filePath(QStringLiteral("clear.sqlite")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains("horse-battery-1"));
        QVERIFY(!bytes.contains("2468"));
        QVERIFY(bytes.contains("$argon2id$"));
        QVERIFY(!s->addUser({QStringLiteral("x"), QStringLiteral("root"), {}, {}, "longenough", {}}, &error));
        QVERIFY(error.contains(QLatin1String("unknown role")));
    }

    void totpRequiredByRoleWithEnrolment()
    {
        auto s = open(QStringLiteral("totp.sqlite"));
        QString error;
        QVERIFY(s->addUser(
            {QStringLiteral("cn"), QStringLiteral("charge_nurse"), {}, {}, "charge-pass-1", {}}, &error));
        QCOMPARE(s->authenticatePassword(QStringLiteral("cn"), "charge-pass-1", {}, kNow).outcome,
                 AuthOutcome::NeedEnrolment);
        const QByteArray key = randomBytes(20);
        QVERIFY(s->setTotpSecret(QStringLiteral("cn"), key, &error));
        QVERIFY(s->hasTotp(QStringLiteral("cn")));
        QCOMPARE(s->authenticatePassword(QStringLiteral("cn"), "charge-pass-1", {}, kNow).outcome,
                 AuthOutcome::NeedTotp);
        const QString code = totp(key, kNow / 1000);
        QCOMPARE(s->authenticatePassword(QStringLiteral("cn"), "charge-pass-1", code, kNow).outcome,
                 AuthOutcome::Ok);
        // The same code again (replay) is refused.
        QCOMPARE(s->authenticatePassword(QStringLiteral("cn"), "charge-pass-1", code, kNow).outcome,
                 AuthOutcome::BadTotp);
        // A nurse (not in totp_roles) signs in with the password alone.
        QVERIFY(
            s->addUser({QStringLiteral("nn"), QStringLiteral("nurse"), {}, {}, "nurse-pass-1", {}}, &error));
        QCOMPARE(s->authenticatePassword(QStringLiteral("nn"), "nurse-pass-1", {}, kNow).outcome,
                 AuthOutcome::Ok);
    }

    void lockOutPerUserAndRateLimitPerStation()
    {
        auto s = open(QStringLiteral("lock.sqlite"));
        SignInPolicy p = cheapPolicy();
        p.maxFailures = 3;
        p.lockoutS = 60;
        p.stationMaxFailures = 6;
        p.stationLockoutS = 30;
        s->setPolicy(p);
        QString error;
        QVERIFY(
            s->addUser({QStringLiteral("u1"), QStringLiteral("nurse"), {}, {}, "password-one", {}}, &error));
        QVERIFY(
            s->addUser({QStringLiteral("u2"), QStringLiteral("nurse"), {}, {}, "password-two", {}}, &error));
        qint64 t = kNow;
        QCOMPARE(s->authenticatePassword(QStringLiteral("u1"), "bad", {}, t).outcome,
                 AuthOutcome::BadCredentials);
        QCOMPARE(s->authenticatePassword(QStringLiteral("u1"), "bad", {}, t).outcome,
                 AuthOutcome::BadCredentials);
        // A success resets the count.
        QCOMPARE(s->authenticatePassword(QStringLiteral("u1"), "password-one", {}, t).outcome,
                 AuthOutcome::Ok);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(s->authenticatePassword(QStringLiteral("u1"), "bad", {}, t).outcome,
                     AuthOutcome::BadCredentials);
        const auto third = s->authenticatePassword(QStringLiteral("u1"), "bad", {}, t);
        QCOMPARE(third.outcome, AuthOutcome::UserLocked);
        QVERIFY(third.reason.contains(QLatin1String("locked")));
        // Locked: even the right password is refused until the lock-out ends; the other user is unaffected.
        QCOMPARE(s->authenticatePassword(QStringLiteral("u1"), "password-one", {}, t + 1000).outcome,
                 AuthOutcome::UserLocked);
        QCOMPARE(s->authenticatePassword(QStringLiteral("u2"), "password-two", {}, t + 1000).outcome,
                 AuthOutcome::Ok);
        QCOMPARE(s->authenticatePassword(QStringLiteral("u1"), "password-one", {}, t + 61'000).outcome,
                 AuthOutcome::Ok);
        // Station: many failures on names (known or not) throttle every sign-in for a while.
        t += 100'000;
        for (int i = 0; i < 7; ++i)
            s->authenticatePassword(QStringLiteral("nobody%1").arg(i), "guess", {}, t);
        const auto throttled = s->authenticatePassword(QStringLiteral("u2"), "password-two", {}, t + 1000);
        QCOMPARE(throttled.outcome, AuthOutcome::StationThrottled);
        QCOMPARE(s->authenticatePassword(QStringLiteral("u2"), "password-two", {}, t + 31'000).outcome,
                 AuthOutcome::Ok);
    }

    void existingFileIsTightenedTo0600()
    {
        const QString path = m_dir.filePath(QStringLiteral("loose.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
        auto s = open(QStringLiteral("loose.sqlite"));
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }
};

QTEST_GUILESS_MAIN(TestUsers)
#include "tst_users.moc"
