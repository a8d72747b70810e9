// The user-management screen (issue 12) in the real window, driving the real model (Station.access.users)
// over a real user database: a nurse is refused (model API, audited); the administrator opens the screen
// from the sign-in panel and, by touch, adds a user, disables them, resets another's password, enrols a
// TOTP authenticator (QR code shown, code computed from the secret) and removes it. The user database and
// the audit file are checked afterwards. changeRoleNameAndDelete: change a role and a display name, delete
// a user, and the rules that refuse them. Screenshots: tst_user_admin.png, tst_user_admin_totp.png,
// tst_user_admin_delete.png.
#include "Access.h"
#include "AuditLog.h"
#include "Credentials.h"
#include "QuickItems.h"
#include "StationApp.h"
#include "StationConfig.h"
#include "StationWindow.h"
#include "UserStore.h"

#include <QDateTime>
#include <QMap>
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
// A user database with these users (name, role, password), cheap Argon2id.
bool makeUsers(const QString &path, const QList<QStringList> &users, QString *error)
{
    security::UserStore store;
    if (!store.open(path, error))
        return false;
    security::SignInPolicy pol;
    pol.argon2 = cheap();
    store.setPolicy(pol);
    for (const QStringList &u : users)
        if (!store.addUser({u[0], u[1], {}, {}, u[2].toUtf8(), {}}, error))
            return false;
    return true;
}
// Four beds, no archive, security on over these files, no TOTP for any role.
StationConfig securedConfig(const QString &usersPath, const QString &auditPath)
{
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
    return cfg;
}
// Every record as "user action target details", one a line.
QString auditLines(const QString &auditPath)
{
    QStringList seen;
    security::AuditStore audit;
    QString error;
    if (!audit.open(auditPath, &error, true))
        return error;
    audit.forEach(
        0, 0,
        [&](const security::AuditRecord &r) {
            seen << QStringLiteral("%1 %2 %3 %4").arg(r.user, r.action, r.target, r.details);
            return true;
        },
        &error);
    return seen.join(u'\n');
}
// Opens the user-management screen by touch: the user chip, then "Manage users".
bool openUserAdmin(QQuickWindow *w)
{
    QQuickItem *chip = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (chip = test::visibleItemNamed(w->contentItem(), QStringLiteral("userChip"))); }))
        return false;
    click(w, chip);
    QQuickItem *manage = nullptr;
    if (!QTest::qWaitFor([&] {
            return (manage = test::visibleItemNamed(w->contentItem(), QStringLiteral("manageUsersButton")));
        }))
        return false;
    click(w, manage);
    return QTest::qWaitFor(
        [&] { return test::visibleItemNamed(w->contentItem(), QStringLiteral("userList")); });
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
        QString error;
        QVERIFY2(makeUsers(
                     usersPath,
                     {{QStringLiteral("root"), QStringLiteral("administrator"), QStringLiteral("adminpass1")},
                      {QStringLiteral("nina"), QStringLiteral("nurse"), QStringLiteral("nursepass1")}},
                     &error),
                 qPrintable(error));
        const StationConfig cfg = securedConfig(usersPath, auditPath);
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
        QVERIFY(openUserAdmin(w));
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
        const QString all = auditLines(auditPath);
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
    // Change role, change display name, delete (issue 12, stop 23): a nurse is refused each through the
    // model API (audited); the administrator changes a role by keyboard, a display name by typing + Enter,
    // deletes a user by touch after a confirmation (Cancel first: nothing happens). Refused with the reason
    // and audited: deleting or demoting oneself, and deleting / demoting / disabling the last active
    // administrator, also when the list on screen is stale (another station demoted the other one).
    void changeRoleNameAndDelete()
    {
        QTemporaryDir dir;
        const QString usersPath = dir.filePath(QStringLiteral("users.sqlite"));
        const QString auditPath = dir.filePath(QStringLiteral("audit.sqlite"));
        QString error;
        QVERIFY2(makeUsers(
                     usersPath,
                     {{QStringLiteral("root"), QStringLiteral("administrator"), QStringLiteral("adminpass1")},
                      {QStringLiteral("ada"), QStringLiteral("administrator"), QStringLiteral("adminpass2")},
                      {QStringLiteral("nina"), QStringLiteral("nurse"), QStringLiteral("nursepass1")},
                      {QStringLiteral("carl"), QStringLiteral("charge_nurse"), QStringLiteral("carlpass1")}},
                     &error),
                 qPrintable(error));
        auto app = test::startStation(securedConfig(usersPath, auditPath), &error);
        QVERIFY2(app, qPrintable(error));
        security::Access *access = app->station()->access();
        security::UserAdmin *admin = access->users();

        // carl signs in once (a record in his name, which must outlive his account).
        access->signIn(QStringLiteral("carl"), QStringLiteral("carlpass1"));
        QTRY_VERIFY_WITH_TIMEOUT(access->signedIn(), 10000);
        access->signOut();

        // A nurse may do none of the three.
        access->signIn(QStringLiteral("nina"), QStringLiteral("nursepass1"));
        QTRY_VERIFY_WITH_TIMEOUT(access->signedIn(), 10000);
        QVERIFY(!admin->setRole(QStringLiteral("nina"), QStringLiteral("administrator")));
        QVERIFY2(admin->message().contains(QStringLiteral("manage users")), qPrintable(admin->message()));
        QVERIFY(!admin->setDisplayName(QStringLiteral("carl"), QStringLiteral("Boss")));
        QVERIFY(!admin->deleteUser(QStringLiteral("carl")));
        QVERIFY(!admin->busy());
        access->signOut();

        access->signIn(QStringLiteral("root"), QStringLiteral("adminpass1"));
        QTRY_VERIFY_WITH_TIMEOUT(access->signedIn() && access->userName() == QStringLiteral("root"), 10000);
        auto engine = std::make_unique<QQmlApplicationEngine>();
        QQuickWindow *w = test::showStationWindow(*engine, app->station(), QSize(1920, 1080), &error);
        QVERIFY2(w, qPrintable(error));
        QVERIFY(openUserAdmin(w));
        QTRY_COMPARE_WITH_TIMEOUT(admin->count(), 4, 5000);
        QTRY_VERIFY(!admin->busy());
        auto item = [w](const char *name) {
            return test::visibleItemNamed(w->contentItem(), QString::fromLatin1(name));
        };

        // Own account: delete and role change are not offered (a note says why), and the model refuses.
        QQuickItem *row = item("userRow_root");
        QVERIFY(row);
        click(w, row);
        QTRY_VERIFY(item("ownAccountNote"));
        QVERIFY(item("deleteUserButton") && !item("deleteUserButton")->isEnabled());
        QVERIFY(!admin->deleteUser(QStringLiteral("root")));
        QVERIFY2(admin->message().contains(QStringLiteral("own account")), qPrintable(admin->message()));
        QVERIFY(!admin->setRole(QStringLiteral("root"), QStringLiteral("nurse")));
        QVERIFY2(admin->message().contains(QStringLiteral("own role")), qPrintable(admin->message()));
        QVERIFY(!admin->busy()); // refused: nothing started

        // nina (above root in the list: Up selects her), charge nurse chosen with the keyboard (Down in the
        // role box), applied by touch.
        QQuickItem *list = item("userList");
        QVERIFY(list && list->hasActiveFocus()); // touching a row gives the list the keyboard
        QTest::keyClick(w, Qt::Key_Up);
        QTRY_VERIFY(!item("ownAccountNote")); // root no longer selected (the role change below hits nina)
        QQuickItem *roleBox = nullptr;
        QTRY_VERIFY((roleBox = item("changeRoleBox")));
        QTRY_COMPARE(roleBox->property("currentIndex").toInt(), 0); // nurse
        QVERIFY(!item("ownAccountNote"));
        QQuickItem *changeRole = item("changeRoleButton");
        QVERIFY(changeRole && !changeRole->isEnabled()); // nothing to change yet
        roleBox->forceActiveFocus();
        QTest::keyClick(w, Qt::Key_Down);
        QCOMPARE(roleBox->property("currentIndex").toInt(), 1);
        QTRY_VERIFY(changeRole->isEnabled());
        click(w, changeRole);
        QTRY_COMPARE_WITH_TIMEOUT(
            admin->user(QStringLiteral("nina")).value(QStringLiteral("roleKey")).toString(),
            QStringLiteral("charge_nurse"), 5000);
        QTRY_VERIFY(!admin->busy());

        // Her display name, typed and confirmed with Enter.
        QQuickItem *nameField = item("displayNameField");
        QVERIFY(nameField);
        click(w, nameField);
        typeText(w, nameField, QStringLiteral("Nina Berg"));
        QTest::keyClick(w, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(
            admin->user(QStringLiteral("nina")).value(QStringLiteral("displayName")).toString(),
            QStringLiteral("Nina Berg"), 5000);
        QTRY_VERIFY(!admin->busy());

        // Delete carl: the first touch only asks; Cancel keeps him; the second time he goes.
        QVERIFY((row = item("userRow_carl")));
        click(w, row);
        QQuickItem *del = nullptr;
        QTRY_VERIFY((del = item("deleteUserButton")) && del->isEnabled());
        click(w, del);
        QQuickItem *cancel = nullptr;
        QTRY_VERIFY((cancel = item("cancelDeleteButton")));
        QVERIFY(cancel->hasActiveFocus()); // Enter on the question does not delete
        QVERIFY(item("confirmDeleteButton"));
        QTest::qWait(100);
        w->grabWindow().save(QStringLiteral("tst_user_admin_delete.png"));
        click(w, cancel);
        QTRY_VERIFY(!item("confirmDeleteButton"));
        QCOMPARE(admin->count(), 4);
        QTRY_VERIFY((del = item("deleteUserButton")));
        click(w, del);
        QQuickItem *confirm = nullptr;
        QTRY_VERIFY((confirm = item("confirmDeleteButton")));
        click(w, confirm);
        QTRY_COMPARE_WITH_TIMEOUT(admin->count(), 3, 5000);
        QVERIFY(admin->user(QStringLiteral("carl")).isEmpty());
        QTRY_VERIFY(!admin->busy());
        QTRY_VERIFY(!item("deleteUserButton")); // nobody selected any more

        // Another station demotes root meanwhile (this screen's list still shows two administrators):
        // deleting ada passes the check on the list, and the check against the database refuses it.
        {
            security::UserStore other;
            QVERIFY(other.open(usersPath, &error));
            QVERIFY(other.setRole(QStringLiteral("root"), QStringLiteral("nurse"), &error));
        }
        QVERIFY(admin->deleteUser(QStringLiteral("ada")));
        QTRY_VERIFY_WITH_TIMEOUT(!admin->busy(), 5000);
        QVERIFY2(admin->message().contains(QStringLiteral("last active administrator")),
                 qPrintable(admin->message()));
        QCOMPARE(admin->count(), 3);
        // The list is fresh now: each way of taking ada out of the administrators is refused at once.
        QVERIFY(!admin->setRole(QStringLiteral("ada"), QStringLiteral("biomed")));
        QVERIFY(admin->message().contains(QStringLiteral("last active administrator")));
        QVERIFY(!admin->setDisabled(QStringLiteral("ada"), true));
        QVERIFY(!admin->deleteUser(QStringLiteral("ada")));
        QVERIFY(!admin->busy());

        access->signOut();
        engine.reset();
        app.reset(); // drains the audit trail

        // The user database has what the screen did, and not what it refused.
        security::UserStore store;
        QVERIFY(store.open(usersPath, &error));
        QMap<QString, security::UserInfo> users;
        for (const auto &u : store.users())
            users.insert(u.name, u);
        QCOMPARE(users.keys(),
                 (QStringList{QStringLiteral("ada"), QStringLiteral("nina"), QStringLiteral("root")}));
        QCOMPARE(users[QStringLiteral("nina")].role, QStringLiteral("charge_nurse"));
        QCOMPARE(users[QStringLiteral("nina")].displayName, QStringLiteral("Nina Berg"));
        QCOMPARE(users[QStringLiteral("ada")].role, QStringLiteral("administrator"));
        QVERIFY(!users[QStringLiteral("ada")].disabled);
        QCOMPARE(store
                     .authenticatePassword(QStringLiteral("carl"), "carlpass1", {},
                                           QDateTime::currentMSecsSinceEpoch())
                     .outcome,
                 security::AuthOutcome::BadCredentials);

        // The audit trail: every change with before -> after, every refusal with its reason, carl's records.
        QVERIFY(security::verifyAudit(auditPath).ok);
        const QString all = auditLines(auditPath);
        for (const char *line : {
                 "carl sign_in",
                 "nina refused nina user_management",
                 "nina refused carl user_management",
                 "root refused root user_delete: You cannot delete your own account.",
                 "root refused root user_role_change: You cannot change your own role",
                 "root user_role_change nina role nurse -> charge_nurse",
                 "root user_display_name_change nina display name '' -> 'Nina Berg'",
                 "root user_delete carl role charge_nurse",
                 "root user_delete_failed ada ada is the last active administrator.",
                 "root refused ada user_role_change: ada is the last active administrator.",
                 "root refused ada user_disable: ada is the last active administrator.",
                 "root refused ada user_delete: ada is the last active administrator.",
             })
            QVERIFY2(all.contains(QString::fromLatin1(line)),
                     qPrintable(QString::fromLatin1(line) + u'\n' + all));
        QCOMPARE(all.count(QStringLiteral("user_delete carl")), 1); // the cancelled question deleted nothing
    }
};

QTEST_MAIN(TestUserAdminWindow)
#include "tst_user_admin_window.moc"
