// Roles and the permission table through the model API that QML calls (issue 12, parts 1 and 3): every
// permission refused to a role without it, and the refusal audited; the viewer default and the
// configurable viewer acknowledge; sign-in off the GUI thread; auto-lock; break-glass; and the rule that
// outranks all: with the controls locked a new high-priority alarm still shows, flashes and sounds.
#include "Access.h"
#include "Station.h"

#include <QThread>
#include <QtTest>

#include <atomic>

using namespace vigil;
using namespace vigil::security;

namespace {

// Signs in anyone whose password is "right"; the user name is the role key ("nurse", "biomed"...).
class FakeBackend : public AccessBackend
{
public:
    std::atomic<QThread *> lastThread{nullptr};
    Reply signIn(bool, const QString &id, const QByteArray &secret, const QString &) override
    {
        lastThread = QThread::currentThread();
        Reply r;
        r.user = id;
        if (secret != "right") {
            r.outcome = Outcome::Refused;
            r.reason = QStringLiteral("unknown user or wrong password");
            return r;
        }
        r.outcome = Outcome::Ok;
        r.role = id;
        return r;
    }
    int userCount() const override { return 1; }
    QString createUser(const QString &, const QString &, const QByteArray &, const QString &,
                       const QByteArray &) override
    {
        return {};
    }
    QStringList beginEnrolment(const QString &, QString *) override { return {}; }
    bool confirmEnrolment(const QString &, const QString &) override { return false; }
};

BedUpdate highAlarm(const QString &bed, const QString &id)
{
    BedUpdate u;
    u.bedKey = bed;
    u.sourceId = QStringLiteral("gw");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    u.numerics.push_back({NumericId::SpO2, 82, now});
    GatewayAlarm a;
    a.sourceId = QStringLiteral("gw");
    a.alarmId = id;
    a.parameter = NumericId::SpO2;
    a.direction = alarms::Direction::Low;
    a.value = 82;
    a.limitLow = 88;
    a.phase = alarms::Phase::Start;
    a.state = alarms::ReportedState::Active;
    a.priority = alarms::Priority::High;
    a.kind = alarms::Kind::Physiological;
    u.alarms.push_back(a);
    return u;
}

// User management over nothing (the gate is what tst_access tests; tst_user_admin_window the real store).
class FakeAdminBackend : public UserAdminBackend
{
public:
    QList<User> users() const override { return {}; }
    QString createUser(const QString &, const QString &, const QByteArray &, const QString &,
                       const QByteArray &) override
    {
        return {};
    }
    QString setDisabled(const QString &, bool) override { return {}; }
    QString resetPassword(const QString &, const QByteArray &) override { return {}; }
    QString removeTotp(const QString &) override { return {}; }
    QString setRole(const QString &, const QString &) override { return {}; }
    QString setDisplayName(const QString &, const QString &) override { return {}; }
    QString deleteUser(const QString &) override { return {}; }
    QStringList beginEnrolment(const QString &, QString *) override { return {}; }
    bool confirmEnrolment(const QString &, const QString &) override { return false; }
};

} // namespace

class TestAccess : public QObject
{
    Q_OBJECT

    std::vector<AuditEntry> m_audit;
    FakeBackend *m_backend = nullptr;

    std::unique_ptr<Station> makeStation()
    {
        std::vector<BedConfig> beds{{QStringLiteral("b1"), QStringLiteral("Bed 01")},
                                    {QStringLiteral("b2"), QStringLiteral("Bed 02")}};
        alarms::AlarmConfig cfg;
        cfg.alertManagerAvailable = false;
        auto st = std::make_unique<Station>(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{},
                                            std::make_unique<Ward>(beds), nullptr, cfg);
        auto backend = std::make_unique<FakeBackend>();
        m_backend = backend.get();
        st->access()->setBackend(std::move(backend));
        st->access()->users()->setBackend(std::make_unique<FakeAdminBackend>());
        m_audit.clear();
        st->access()->setAuditSink([this](const AuditEntry &e) { m_audit.push_back(e); });
        st->access()->setEnforcing(true);
        return st;
    }

    static bool signIn(Station &st, const QString &role, const QByteArray &password = "right")
    {
        st.access()->signIn(role, QString::fromLatin1(password));
        st.access()->waitIdle();
        return QTest::qWaitFor([&] { return !st.access()->busy(); }, 5000) &&
               st.access()->userName() == role && !st.access()->locked();
    }

    bool refusalAudited(Permission p) const
    {
        for (const auto &e : m_audit)
            if (e.action == QLatin1String("refused") && e.details.startsWith(permissionKey(p) + u':'))
                return true;
        return false;
    }

    // Runs the action of permission p through the model API; true when it was carried out.
    static bool act(Station &st, Permission p)
    {
        switch (p) {
        case Permission::Acknowledge:
            return st.acknowledge(st.alarmBar()->topId());
        case Permission::AudioPause:
            return st.pauseAudio();
        case Permission::AlarmReset:
            // Reset does something only for a latched alarm; refused, it must not be carried out either.
            return st.reset(QStringLiteral("A1")) || st.access()->can(QStringLiteral("alarm_reset"));
        case Permission::LimitChange:
            return st.setLimit(0, QStringLiteral("hr"), 45, 125).isEmpty();
        case Permission::Charting:
            return st.setHandover(0, QStringLiteral("watcher"), QStringLiteral("recheck at 14:00")).isEmpty();
        case Permission::News2Scale:
            return st.news()->setScale2(QStringLiteral("b1"), true).isEmpty();
        case Permission::UserManagement:
            return st.access()->users()->refresh();
        default: // admission (the census), print/export (tst_print_wiring), config, archive tools (no action)
            return st.access()->allow(p, nullptr, QStringLiteral("b1"));
        }
    }

private slots:
    // Every cell of the table: a role without the permission is refused through the model API, and
    // the refusal is audited with the permission's key; a role with it is not refused.
    void permissionTable_data()
    {
        QTest::addColumn<int>("permission");
        QTest::addColumn<int>("role");
        for (int p = 0; p < kPermissionCount; ++p)
            for (int r = 1; r < kRoleCount; ++r) // the viewer has its own tests
                QTest::newRow(qPrintable(permissionKey(Permission(p)) + u'/' + roleKey(Role(r)))) << p << r;
    }
    void permissionTable()
    {
        QFETCH(int, permission);
        QFETCH(int, role);
        const auto p = Permission(permission);
        auto st = makeStation();
        st->ward()->deliver(highAlarm(QStringLiteral("b1"), QStringLiteral("A1")));
        st->drainNow();
        st->access()->setBreakGlass(false, {});
        QVERIFY(signIn(*st, roleKey(Role(role))));
        QCOMPARE(st->user(), roleKey(Role(role))); // the user property follows the session
        m_audit.clear();
        const bool allowed = roleHas(Role(role), p);
        if (p == Permission::AlarmReset) {
            // Reset needs a latched alarm to do anything; the gate is what is tested here.
            QString why;
            const bool gate = st->access()->allow(p, &why, QStringLiteral("A1"));
            QCOMPARE(gate, allowed);
            st->reset(QStringLiteral("A1"));
        } else {
            QCOMPARE(act(*st, p), allowed);
        }
        QCOMPARE(refusalAudited(p), !allowed);
        if (!allowed) {
            QVERIFY(!st->access()->message().isEmpty()); // every refused action says why
            QVERIFY(!st->access()->can(permissionKey(p)));
        }
        // Refused actions change nothing.
        if (p == Permission::Acknowledge)
            QCOMPARE(st->alarmBar()->unacknowledgedCount(), allowed ? 0 : 1);
        if (p == Permission::AudioPause)
            QCOMPARE(st->audioState()->paused(), allowed);
    }

    void viewerIsTheDefaultAndMayAcknowledgeWhenConfigured()
    {
        auto st = makeStation();
        QVERIFY(!st->access()->signedIn());
        QCOMPARE(st->access()->role(), Role::Viewer);
        QCOMPARE(st->user(), QStringLiteral("viewer"));
        st->ward()->deliver(highAlarm(QStringLiteral("b1"), QStringLiteral("A1")));
        st->drainNow();
        st->access()->setBreakGlass(false, {});
        for (int p = 0; p < kPermissionCount; ++p) {
            m_audit.clear();
            QVERIFY(!act(*st, Permission(p)));
            QVERIFY(refusalAudited(Permission(p)));
        }
        QVERIFY(st->access()->message().contains(QLatin1String("Sign in")));
        st->access()->setViewerMayAcknowledge(true);
        QVERIFY(st->acknowledge(st->alarmBar()->topId()));
        QCOMPARE(st->alarmBar()->unacknowledgedCount(), 0);
        QVERIFY(!st->pauseAudio()); // only acknowledge
    }

    void signInRunsOffTheGuiThreadAndFailuresAreAudited()
    {
        auto st = makeStation();
        QVERIFY(!signIn(*st, QStringLiteral("nurse"), "hunter2-secret"));
        QVERIFY(m_backend->lastThread.load() && m_backend->lastThread.load() != QThread::currentThread());
        QVERIFY(std::any_of(m_audit.begin(), m_audit.end(), [](const AuditEntry &e) {
            return e.action == QLatin1String("sign_in_failed") && e.user == QLatin1String("nurse") &&
                   !e.details.contains(QLatin1String("hunter2")); // never the secret
        }));
        QVERIFY(signIn(*st, QStringLiteral("nurse")));
        QVERIFY(std::any_of(m_audit.begin(), m_audit.end(),
                            [](const AuditEntry &e) { return e.action == QLatin1String("sign_in"); }));
        st->access()->signOut();
        QCOMPARE(st->user(), QStringLiteral("viewer"));
    }

    void autoLockAfterIdleAndQuickUnlock()
    {
        auto st = makeStation();
        st->access()->setAutoLockS(1);
        QVERIFY(signIn(*st, QStringLiteral("nurse")));
        QVERIFY(st->access()->can(QStringLiteral("limit_change")));
        QTRY_VERIFY_WITH_TIMEOUT(st->access()->locked(), 3000);
        QVERIFY(std::any_of(m_audit.begin(), m_audit.end(),
                            [](const AuditEntry &e) { return e.action == QLatin1String("auto_lock"); }));
        QVERIFY(!st->access()->can(QStringLiteral("limit_change")));
        QVERIFY(!st->setLimit(0, QStringLiteral("hr"), 45, 125).isEmpty());
        QCOMPARE(st->access()->userName(), QStringLiteral("nurse")); // still named on the chip
        // Activity keeps it open; the same user unlocks where they were.
        QVERIFY(signIn(*st, QStringLiteral("nurse")));
        QVERIFY(!st->access()->locked());
        QVERIFY(st->setLimit(0, QStringLiteral("hr"), 45, 125).isEmpty());
    }

    // The rule that outranks all: locking never hides or silences an alarm.
    void lockedControlsNeverHideOrSilenceAnAlarm()
    {
        auto st = makeStation();
        QVERIFY(signIn(*st, QStringLiteral("nurse")));
        st->access()->lock();
        QVERIFY(st->access()->locked());
        QCOMPARE(st->audio().pattern, alarms::AudioPattern::None);
        st->ward()->deliver(highAlarm(QStringLiteral("b2"), QStringLiteral("A9")));
        st->drainNow();
        // It shows (the bar), flashes (the tile's priority drives the flashing frame) and sounds.
        QCOMPARE(st->alarmBar()->topPriority(), alarms::Priority::High);
        QCOMPARE(st->alarmBar()->topBed(), QStringLiteral("Bed 02"));
        QCOMPARE(st->ward()->bed(1)->alarmPriority, alarms::Priority::High);
        QCOMPARE(st->audio().pattern, alarms::AudioPattern::High);
        // Locked: no limit change; break-glass acknowledge is allowed during the high alarm, logged as such.
        QVERIFY(!st->setLimit(1, QStringLiteral("hr"), 45, 125).isEmpty());
        m_audit.clear();
        QVERIFY(st->acknowledge(st->alarmBar()->topId()));
        QVERIFY(std::any_of(m_audit.begin(), m_audit.end(), [](const AuditEntry &e) {
            return e.action == QLatin1String("break_glass") &&
                   e.details.startsWith(QLatin1String("acknowledge"));
        }));
        // Acknowledged, still shown; the engine's decision for the sound is its own (not the lock's).
        QCOMPARE(st->alarmBar()->topBed(), QStringLiteral("Bed 02"));
        // Break-glass off: refused and audited, the alarm keeps sounding.
        st->ward()->deliver(highAlarm(QStringLiteral("b1"), QStringLiteral("A10")));
        st->drainNow();
        st->access()->setBreakGlass(false, {});
        m_audit.clear();
        QCOMPARE(st->alarmBar()->topBed(), QStringLiteral("Bed 01"));
        QVERIFY(!st->acknowledge(st->alarmBar()->topId()));
        QVERIFY(refusalAudited(Permission::Acknowledge));
        QCOMPARE(st->audio().pattern, alarms::AudioPattern::High);
        QCOMPARE(st->ward()->bed(0)->alarmPriority, alarms::Priority::High);
    }

    void breakGlassOnlyDuringAHighPriorityAlarm()
    {
        auto st = makeStation();
        QVERIFY(!st->pauseAudio()); // nobody signed in, no alarm: refused
        st->ward()->deliver(highAlarm(QStringLiteral("b1"), QStringLiteral("A1")));
        st->drainNow();
        m_audit.clear();
        QVERIFY(st->pauseAudio());
        QVERIFY(std::any_of(m_audit.begin(), m_audit.end(), [](const AuditEntry &e) {
            return e.action == QLatin1String("break_glass") &&
                   e.details.startsWith(QLatin1String("audio_pause"));
        }));
        QVERIFY(!st->setLimit(0, QStringLiteral("hr"), 45, 125).isEmpty()); // never more than configured
    }

    // Issue 12: configuration changes through the station say who changed what from what to what.
    void configChangesAuditedFromTo()
    {
        auto st = makeStation();
        QVERIFY(signIn(*st, QStringLiteral("charge_nurse")));
        m_audit.clear();
        const QVariantMap before = st->limits(0, QStringLiteral("hr"));
        QVERIFY(st->setLimit(0, QStringLiteral("hr"), 45, 125).isEmpty());
        QCOMPARE(m_audit.size(), size_t(1));
        QCOMPARE(m_audit[0].action, QStringLiteral("limit_change"));
        QCOMPARE(m_audit[0].user, QStringLiteral("charge_nurse"));
        QCOMPARE(m_audit[0].target, QStringLiteral("b1"));
        QCOMPARE(m_audit[0].details, QStringLiteral("hr %1..%2 -> 45..125")
                                         .arg(before.value(QStringLiteral("low")).toDouble())
                                         .arg(before.value(QStringLiteral("high")).toDouble()));
        m_audit.clear();
        st->restoreDefaultLimits(0);
        QCOMPARE(m_audit.size(), size_t(1));
        QCOMPARE(m_audit[0].action, QStringLiteral("limits_restore_defaults"));
        QCOMPARE(m_audit[0].details, QStringLiteral("hr 45..125 -> %1..%2")
                                         .arg(before.value(QStringLiteral("low")).toDouble())
                                         .arg(before.value(QStringLiteral("high")).toDouble()));
        m_audit.clear();
        QVERIFY(st->news()->setScale2(QStringLiteral("b1"), true).isEmpty());
        QCOMPARE(m_audit.size(), size_t(1));
        QCOMPARE(m_audit[0].action, QStringLiteral("news2_scale"));
        QCOMPARE(m_audit[0].details, QStringLiteral("SpO2 scale 1 -> SpO2 scale 2"));
        // A nurse may not choose the scale: refused, audited, the scale unchanged.
        QVERIFY(signIn(*st, QStringLiteral("nurse")));
        m_audit.clear();
        QVERIFY(!st->news()->setScale2(QStringLiteral("b1"), false).isEmpty());
        QVERIFY(refusalAudited(Permission::News2Scale));
        QVERIFY(st->news()->tracker(QStringLiteral("b1")) &&
                st->news()->tracker(QStringLiteral("b1"))->scale2());
    }

    void notEnforcingAllowsAndStillAudits()
    {
        auto st = makeStation();
        st->access()->setEnforcing(false);
        m_audit.clear();
        QVERIFY(st->setLimit(0, QStringLiteral("hr"), 45, 125).isEmpty());
        QCOMPARE(m_audit.size(), size_t(1));
        QCOMPARE(m_audit[0].action, QStringLiteral("limit_change"));
        QCOMPARE(m_audit[0].target, QStringLiteral("b1"));
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
