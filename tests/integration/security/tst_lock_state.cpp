// The rule that outranks all (issue 12, part 3), seen where biomed and the tests see the station: the
// state file. With the controls locked, a new high-priority alarm is in the alarm bar, its bed's tile
// carries the HIGH priority (the frame flashes from it) and the engine's audio decision is the HIGH
// pattern; the session shows locked; no password, PIN or TOTP secret is in the state file.
#include "Access.h"
#include "StateFile.h"
#include "Station.h"
#include "StationConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace vigil;

namespace {

class Backend : public security::AccessBackend
{
public:
    Reply signIn(bool, const QString &id, const QByteArray &secret, const QString &) override
    {
        Reply r;
        r.user = id;
        r.role = QStringLiteral("nurse");
        r.outcome = secret == "Pa55-word-x" ? Outcome::Ok : Outcome::Refused;
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

} // namespace

class TestLockState : public QObject
{
    Q_OBJECT
private slots:
    void lockedStationStillShowsFlashesAndSounds()
    {
        std::vector<BedConfig> beds{{QStringLiteral("b1"), QStringLiteral("Bed 01")},
                                    {QStringLiteral("b2"), QStringLiteral("Bed 02")}};
        alarms::AlarmConfig cfg;
        cfg.alertManagerAvailable = false;
        Station st(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{}, std::make_unique<Ward>(beds),
                   nullptr, cfg);
        st.access()->setBackend(std::make_unique<Backend>());
        st.access()->setEnforcing(true);
        st.access()->signIn(QStringLiteral("nina"), QStringLiteral("Pa55-word-x"));
        QTRY_VERIFY(st.access()->signedIn());
        st.access()->lock();
        QVERIFY(st.access()->locked());

        BedUpdate u;
        u.bedKey = QStringLiteral("b2");
        u.sourceId = QStringLiteral("gw");
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        u.numerics.push_back({NumericId::SpO2, 81, now});
        GatewayAlarm a;
        a.sourceId = QStringLiteral("gw");
        a.alarmId = QStringLiteral("X1");
        a.parameter = NumericId::SpO2;
        a.direction = alarms::Direction::Low;
        a.value = 81;
        a.limitLow = 88;
        a.phase = alarms::Phase::Start;
        a.state = alarms::ReportedState::Active;
        a.priority = alarms::Priority::High;
        a.kind = alarms::Kind::Physiological;
        u.alarms.push_back(a);
        st.ward()->deliver(std::move(u));
        st.drainNow();

        const QJsonObject snap = StateFileWriter::snapshot(st, QDateTime::currentMSecsSinceEpoch(), 1000);
        const QJsonObject session = snap[QStringLiteral("session")].toObject();
        QCOMPARE(session[QStringLiteral("locked")].toBool(), true);
        QCOMPARE(session[QStringLiteral("user")].toString(), QStringLiteral("nina"));
        // Shows: the alarm bar's condition is the new HIGH one on Bed 02.
        const QJsonObject bar = snap[QStringLiteral("alarm_bar")].toObject();
        QCOMPARE(bar[QStringLiteral("priority")].toInt(), int(alarms::Priority::High));
        QCOMPARE(bar[QStringLiteral("where")].toString(), QStringLiteral("Bed 02"));
        // Flashes: the tile's alarm priority (the frame's flashing follows it) is HIGH.
        const QJsonObject bed2 = snap[QStringLiteral("beds")].toArray()[1].toObject();
        QCOMPARE(bed2[QStringLiteral("alarm")].toObject()[QStringLiteral("priority")].toInt(),
                 int(alarms::Priority::High));
        // Sounds: the engine's audio decision selects the HIGH pattern, not paused.
        QCOMPARE(st.audio().pattern, alarms::AudioPattern::High);
        const QJsonObject audio =
            snap[QStringLiteral("alarms")].toObject()[QStringLiteral("audio")].toObject();
        QCOMPARE(audio[QStringLiteral("pattern")].toString(), nameOf(alarms::AudioPattern::High));
        QCOMPARE(audio[QStringLiteral("paused")].toBool(), false);
        // No secret in the state file.
        const QByteArray text = QJsonDocument(snap).toJson();
        QVERIFY(!text.contains("Pa55-word-x"));
    }

    // [security] is read in its own file (app/config/SecuritySection.cpp): defaults, and what it refuses.
    void securitySection()
    {
        ConfigError e;
        auto none = parseStationConfig(QByteArray("[station]\nname = \"S\"\n"), QStringLiteral("t.toml"), &e);
        QVERIFY(none);
        QVERIFY(!none->security.present && !none->security.enabled);
        auto on = parseStationConfig(QByteArray("[security]\nauto_lock_min = 5\nviewer_acknowledge = true\n"),
                                     QStringLiteral("t.toml"), &e);
        QVERIFY2(on, qPrintable(e.toString()));
        QVERIFY(on->security.enabled);
        QCOMPARE(on->security.autoLockMin, 5.0);
        QVERIFY(on->security.viewerAcknowledge);
        QCOMPARE(on->security.argon2MemoryKiB, 32 * 1024);
        QVERIFY(!parseStationConfig(QByteArray("[security]\nbreak_glass_permissions = [\"limit_change\"]\n"),
                                    QStringLiteral("t.toml"), &e));
        QVERIFY2(e.toString().contains(QLatin1String("only acknowledge and audio_pause")),
                 qPrintable(e.toString()));
        QVERIFY(!parseStationConfig(QByteArray("[security]\ntotp_roles = [\"viewer\"]\n"),
                                    QStringLiteral("t.toml"), &e));
        QVERIFY(!parseStationConfig(QByteArray("[security]\nsyslog_host = \"log.example\"\n"),
                                    QStringLiteral("t.toml"), &e));
        QVERIFY(e.toString().contains(QLatin1String("syslog_ca")));
        QVERIFY(
            !parseStationConfig(QByteArray("[security]\npassword = \"x\"\n"), QStringLiteral("t.toml"), &e));
    }
};

QTEST_MAIN(TestLockState)
#include "tst_lock_state.moc"
