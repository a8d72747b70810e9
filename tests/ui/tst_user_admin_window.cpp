// The user-management screen (issue 12) in the real window, driving the real model (Station.access.users)
// over a real user database: a nurse is refused (model API, audited); the administrator opens the screen
// from the sign-in panel and, by touch, adds a user, disables them, resets another's password, enrols a
// TOTP authenticator (QR code shown, code computed from the secret) and removes it. The user database and
// the audit file are checked afterwards. Screenshots: tst_user_admin.png, tst_user_admin_totp.png.
#include "Access.h"
#include "AuditLog.h"
#include "Credentials.h"
#include "QuickItems.h"
#include "StationApp.h"
#include "StationConfig.h"
#include "StationWindow.h"
#include "UserStore.h"

#include <QDateTime>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace vigil;
using vigil::test::itemNamed;

namespace {
void click(QQuickWindow *w, QQuickItem *item)
{
    const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(w, Qt::LeftButton, {}, c.toPoint());
}
void typeText(QQuickWindow *w, QQuickItem *field, const QString &text)
{
    field->forceActiveFocus();
    for (const QChar c : text)
        QTest::keyClick(w, c.toLatin1());
}
security::Argon2Params cheap()
{
    security::Argon2Params p;
    p.memoryKiB = 1024;
    p.timeCost = 1;
    return p;
}
} // namespace

class TestUserAdminWindow : public QObject
{
    Q_OBJECT
private slots:
    void manageUsersByTouch()
    {
        QTemporaryDir dir;
        const QString usersPath = dir.filePath(QStringLiteral("users.sqlite"));
        const QString auditPath = dir.filePath(QStringLiteral("audit.sqlite"));
        {
            security::UserStore store;
            QString error;
            QVERIFY2(store.open(usersPath, &error), qPrintable(error));
            security::SignInPolicy pol;
            pol.argon2 = cheap();
            store.setPolicy(pol);
            QVERIFY2(store.addUser(
                         {QStringLiteral("root"), QStringLiteral("administrator"), {}, {}, "adminpass1", {}},
                         &error),
                     qPrintable(error));
            QVERIFY(store.addUser({QStringLiteral("nina"), QStringLiteral("nurse"), {}, {}, "nursepass1", {}},
                                  &error));
        }
        StationConfig cfg = defaultStationConfig();
        cfg.sources[0].beds = 4;
        cfg.sources[0].scenarios.clear();
        cfg.archive.enabled = false;
        cfg.security.present = true;
        cfg.security.enabled = true;
        cfg.security.usersFile = usersPath;
        cfg.security.auditFile = auditPath;
        cfg.security.totpRoles.clear(); // the administrator signs in without a code in this test
        cfg.security.argon2MemoryKiB = 1024;
        cfg.security.argon2Time = 1;
        QString error;
        auto app = test::startStation(cfg, &error);
        QVERIFY2(app, qPrintable(error));
        security::Access *access = app->station()->access();
        security::UserAdmin *admin = access->users();
        QVERIFY(admin->available());

        // A nurse may not manage users: refused through the model API, with the reason, and audited.
        access->signIn(QStringLiteral("nina"), QStringLiteral("nursepass1"));
        QTRY_VERIFY_WITH_TIMEOUT(access->signedIn(), 10000);
        QVERIFY(!admin->addUser(QStringLiteral("eve"), QStringLiteral("administrator"),
                                QStringLiteral("evepass12")));
        QVERIFY2(admin->message().contains(QStringLiteral("manage users")), qPrintable(admin->message()));
        QVERIFY(!admin->refresh());
        access->signOut();

        access->signIn(QStringLiteral("root"), QStringLiteral("adminpass1"));
        QTRY_VERIFY_WITH_TIMEOUT(access->signedIn() && access->userName() == QStringLiteral("root"), 10000);

        auto engine = std::make_unique<QQmlApplicationEngine>();
        QQuickWindow *w = test::showStationWindow(*engine, app->station(), QSize(1920, 1080), &error);
        QVERIFY2(w, qPrintable(error));
        QQuickItem *chip = nullptr;
        QTRY_VERIFY((chip = test::visibleItemNamed(w->contentItem(), QStringLiteral("userChip"))));
        click(w, chip);
        QQuickItem *manage = nullptr;
        QTRY_VERIFY((manage = test::visibleItemNamed(w->contentItem(), QStringLiteral("manageUsersButton"))));
        click(w, manage);
        QTRY_VERIFY(test::visibleItemNamed(w->contentItem(), QStringLiteral("userList")));
        QTRY_COMPARE_WITH_TIMEOUT(admin->count(), 2, 5000);

        // Add a user by touch: name, role (the first, nurse), initial password.
        auto *name = test::visibleItemNamed(w->contentItem(), QStringLiteral("newUserName"));
        auto *password = test::visibleItemNamed(w->contentItem(), QStringLiteral("newUserPassword"));
        auto *add = test::visibleItemNamed(w->contentItem(), QStringLiteral("addUserButton"));
        QVERIFY(name && password && add);
        typeText(w, name, QStringLiteral("bob"));
        typeText(w, password, QStringLiteral("bobpass12"));
        QTRY_VERIFY(add->isEnabled());
        click(w, add);
        QTRY_COMPARE_WITH_TIMEOUT(admin->count(), 3, 10000);
        QCOMPARE(admin->user(QStringLiteral("bob")).value(QStringLiteral("roleKey")).toString(),
                 QStringLiteral("nurse"));
        QTRY_VERIFY(!admin->busy());

        // bob is selected after the add: disable him.
        QQuickItem *toggle = nullptr;
        QTRY_VERIFY(
            (toggle = test::visibleItemNamed(w->contentItem(), QStringLiteral("toggleDisabledButton"))));
        QCOMPARE(toggle->property("text").toString(), QStringLiteral("Disable"));
        click(w, toggle);
        QTRY_VERIFY_WITH_TIMEOUT(
            admin->user(QStringLiteral("bob")).value(QStringLiteral("disabled")).toBool(), 5000);
        QTRY_COMPARE(toggle->property("text").toString(), QStringLiteral("Enable"));
        QTest::qWait(200);
        w->grabWindow().save(QStringLiteral("tst_user_admin.png"));

        // The administrator cannot disable their own account.
        QVERIFY(!admin->setDisabled(QStringLiteral("root"), true));
        QVERIFY(admin->message().contains(QStringLiteral("own account")));

        // Reset nina's password by touch.
        auto *ninaRow = test::visibleItemNamed(w->contentItem(), QStringLiteral("userRow_nina"));
        QVERIFY(ninaRow);
        click(w, ninaRow);
        auto *resetField = test::visibleItemNamed(w->contentItem(), QStringLiteral("resetPasswordField"));
        auto *resetButton = test::visibleItemNamed(w->contentItem(), QStringLiteral("resetPasswordButton"));
        QVERIFY(resetField && resetButton);
        typeText(w, resetField, QStringLiteral("newnurse99"));
        QTRY_VERIFY(resetButton->isEnabled());
        click(w, resetButton);
        QTRY_VERIFY_WITH_TIMEOUT(admin->message().contains(QStringLiteral("reset")), 10000);

        // Enrol a TOTP authenticator for nina: the QR code shows; the code from its secret confirms.
        auto *enrol = test::visibleItemNamed(w->contentItem(), QStringLiteral("enrolTotpButton"));
        QVERIFY(enrol);
        click(w, enrol);
        QQuickItem *qr = nullptr;
        QTRY_VERIFY((qr = test::visibleItemNamed(w->contentItem(), QStringLiteral("adminTotpQr"))));
        QVERIFY(qr->property("rows").toStringList().size() >= 21);
        const QUrlQuery q(QUrl(admin->enrolUri()).query());
        const auto key = security::base32Decode(q.queryItemValue(QStringLiteral("secret")));
        QVERIFY(key && !key->isEmpty());
        QTest::qWait(200);
        w->grabWindow().save(QStringLiteral("tst_user_admin_totp.png"));
        auto *code = test::visibleItemNamed(w->contentItem(), QStringLiteral("adminEnrolCode"));
        QVERIFY(code);
        typeText(w, code, security::totp(*key, QDateTime::currentSecsSinceEpoch()));
        auto *confirm = test::visibleItemNamed(w->contentItem(), QStringLiteral("adminEnrolConfirm"));
        QTRY_VERIFY(confirm && confirm->isEnabled());
        click(w, confirm);
        QTRY_VERIFY_WITH_TIMEOUT(
            admin->user(QStringLiteral("nina")).value(QStringLiteral("hasTotp")).toBool(), 5000);
        QVERIFY(admin->enrolUser().isEmpty());

        // And remove it again.
        auto *remove = test::visibleItemNamed(w->contentItem(), QStringLiteral("removeTotpButton"));
        QTRY_VERIFY(remove && remove->isEnabled());
        click(w, remove);
        QTRY_VERIFY_WITH_TIMEOUT(
            !admin->user(QStringLiteral("nina")).value(QStringLiteral("hasTotp")).toBool(), 5000);
        QTRY_VERIFY(!admin->busy());

        // Signing out closes the screen (the permission goes with the session).
        access->signOut();
        QTRY_VERIFY(!test::visibleItemNamed(w->contentItem(), QStringLiteral("userList")));
        engine.reset();
        app.reset(); // drains the audit trail

        // The user database has what the screen did.
        security::UserStore store;
        QVERIFY(store.open(usersPath, &error));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(store.authenticatePassword(QStringLiteral("bob"), "bobpass12", {}, now).outcome,
                 security::AuthOutcome::Disabled);
        QCOMPARE(store.authenticatePassword(QStringLiteral("nina"), "newnurse99", {}, now).outcome,
                 security::AuthOutcome::Ok);
        QVERIFY(!store.hasTotp(QStringLiteral("nina")));

        // And the audit trail says who did what to whom.
        QVERIFY(security::verifyAudit(auditPath).ok);
        QStringList seen;
        security::AuditStore audit;
        QVERIFY(audit.open(auditPath, &error, true));
        audit.forEach(
            0, 0,
            [&](const security::AuditRecord &r) {
                seen << QStringLiteral("%1 %2 %3 %4").arg(r.user, r.action, r.target, r.details);
                return true;
            },
            &error);
        const QString all = seen.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("nina refused eve user_management")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("root user_create bob role nurse")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("root user_disable bob")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("root password_reset nina")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("root totp_enrolment_started nina")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("root totp_enrolled nina")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("root totp_removed nina")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("bobpass12")) && !all.contains(QStringLiteral("newnurse99")),
                 qPrintable(all));
    }
};

QTEST_MAIN(TestUserAdminWindow)
#include "tst_user_admin_window.moc"
