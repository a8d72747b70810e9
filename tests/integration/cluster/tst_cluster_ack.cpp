// Acknowledging a remote bed's alarm (issue 16, part 2): station B (in this process, the real StationApp
// and Station as the window drives them) watches ward ICU1 of station A (a `vigil --headless` process with
// a simulated desaturation); station C (another headless process) watches it too. The test acknowledges
// A's SpO2 alarm at B, as the nurse at B would: the acknowledgement reaches A (audited with B's user and
// station) and from A every viewer (C). A real 3-node NATS cluster (natscluster.py) carries it.
#include "StationApp.h"
#include "StationConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {
QJsonObject readState(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject condition(const QJsonObject &state, const QString &bed, const QString &code)
{
    for (const QJsonValue &v :
         state.value(QStringLiteral("alarms")).toObject().value(QStringLiteral("conditions")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("bed")).toString() == bed &&
            c.value(QStringLiteral("code")).toString() == code &&
            c.value(QStringLiteral("state")).toString() == QLatin1String("active"))
            return c;
    }
    return {};
}
} // namespace

class TestClusterAck : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void acknowledgeAtViewerReachesOwnerAndViewers();
    void pauseAtViewerReachesOwnerAndViewers();

private:
    QProcess m_cluster;
    QProcess m_a, m_c;
    QTemporaryDir m_dir;
    QString m_servers;
    QString m_stateA, m_stateC; // state files of owner A and viewer C
    QString stationFile(const QString &name, const QString &text);
    QString clusterSection() const;
    bool startOwnerAndViewer(const QString &tag);
    std::optional<StationConfig> viewerConfigB() const;
};

QString TestClusterAck::stationFile(const QString &name, const QString &text)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".toml"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return path;
}

// Owner A (a simulator whose bed 1 desaturates from 3 s) and viewer C as station processes on the test's
// cluster; tag keeps each test's station and state files apart.
bool TestClusterAck::startOwnerAndViewer(const QString &tag)
{
    const QString fileA = stationFile(
        QStringLiteral("A") + tag,
        QStringLiteral("[station]\nname = \"A\"\nward = \"ICU1\"\n[[source]]\nid = \"sim\"\n"
                       "type = \"simulator\"\nbeds = 2\nscenarios = [\"1:desaturation@3+300=75\"]\n") +
            clusterSection());
    const QString fileC =
        stationFile(QStringLiteral("C") + tag, QStringLiteral("[station]\nname = \"C\"\nward = \"ICU3\"\n") +
                                                   clusterSection() + QStringLiteral("watch = [\"ICU1\"]\n"));
    m_stateA = m_dir.filePath(QStringLiteral("a%1.json").arg(tag));
    m_stateC = m_dir.filePath(QStringLiteral("c%1.json").arg(tag));
    m_a.setProcessChannelMode(QProcess::ForwardedChannels);
    m_c.setProcessChannelMode(QProcess::ForwardedChannels);
    m_a.start(QStringLiteral(VIGIL_BIN),
              {QStringLiteral("--headless"), QStringLiteral("--no-archive"), QStringLiteral("--config"),
               fileA, QStringLiteral("--state-file"), m_stateA});
    m_c.start(QStringLiteral(VIGIL_BIN),
              {QStringLiteral("--headless"), QStringLiteral("--no-archive"), QStringLiteral("--config"),
               fileC, QStringLiteral("--state-file"), m_stateC});
    return m_a.waitForStarted() && m_c.waitForStarted();
}

QString TestClusterAck::clusterSection() const
{
    return QStringLiteral("[cluster]\nservers = [%1]\nhospital = \"General\"\n").arg(m_servers);
}

// Viewer B, in this process: another ward watching ICU1, no archive.
std::optional<StationConfig> TestClusterAck::viewerConfigB() const
{
    ConfigError err;
    return parseStationConfig(
        (QStringLiteral("[station]\nname = \"B\"\nward = \"ICU2\"\n[archive]\nenabled = false\n") +
         clusterSection() + QStringLiteral("watch = [\"ICU1\"]\n"))
            .toUtf8(),
        QStringLiteral("B"), &err);
}

void TestClusterAck::init()
{
    QVERIFY(m_dir.isValid());
    m_cluster.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral(VIGIL_SOURCE_DIR "/tests/integration/cluster/natscluster.py")});
    QVERIFY(m_cluster.waitForStarted());
    QVERIFY(m_cluster.waitForReadyRead(45'000));
    const QString line = QString::fromUtf8(m_cluster.readLine()).trimmed();
    QVERIFY2(line.startsWith(QLatin1String("READY ")), qPrintable(line));
    QStringList urls;
    for (const QString &u : line.split(u' ').at(1).split(u','))
        urls << QStringLiteral("\"%1\"").arg(u);
    m_servers = urls.join(QStringLiteral(", "));
}

void TestClusterAck::cleanup()
{
    for (QProcess *p : {&m_a, &m_c}) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(10'000))
                p->kill();
            p->waitForFinished();
        }
    }
    m_cluster.closeWriteChannel(); // the helper stops its servers
    if (!m_cluster.waitForFinished(20'000))
        m_cluster.kill();
}

void TestClusterAck::acknowledgeAtViewerReachesOwnerAndViewers()
{
    QVERIFY(startOwnerAndViewer(QStringLiteral("")));
    const QString stateA = m_stateA, stateC = m_stateC;
    auto config = viewerConfigB();
    QVERIFY(config);
    StationApp b(*config);
    QString why;
    QVERIFY2(b.build(&why), qPrintable(why));
    b.start();
    Station *station = b.station();
    station->setUser(QStringLiteral("nurse.b"));
    const QString remoteBed = QStringLiteral("ICU1/SIM^01");

    auto remoteAlarm = [&]() -> QString {
        for (const alarms::AlarmCondition &c : station->alarmEngine()->conditions())
            if (c.bedKey == remoteBed && c.code == QLatin1String("spo2_low") &&
                c.state == alarms::State::Active)
                return c.id;
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(!remoteAlarm().isEmpty(), 40'000);
    QCOMPARE(station->cluster()->ownerOf(remoteBed), QStringLiteral("A"));
    QTRY_VERIFY_WITH_TIMEOUT(!condition(readState(stateC), remoteBed, QStringLiteral("spo2_low")).isEmpty(),
                             20'000);
    // A's state file is rewritten once a second: it may show the condition after B does.
    QTRY_VERIFY_WITH_TIMEOUT(
        condition(readState(stateA), QStringLiteral("SIM^01"), QStringLiteral("spo2_low"))
            .contains(QStringLiteral("acknowledged")),
        10'000);
    QVERIFY(condition(readState(stateA), QStringLiteral("SIM^01"), QStringLiteral("spo2_low"))
                .value(QStringLiteral("acknowledged")) == false);

    QVERIFY(station->acknowledge(remoteAlarm()));

    // At A, the owner: acknowledged by B's user at station B.
    QTRY_VERIFY_WITH_TIMEOUT(
        condition(readState(stateA), QStringLiteral("SIM^01"), QStringLiteral("spo2_low"))
            .value(QStringLiteral("acknowledged"))
            .toBool(),
        10'000);
    const QJsonObject atA =
        condition(readState(stateA), QStringLiteral("SIM^01"), QStringLiteral("spo2_low"));
    QVERIFY2(atA.value(QStringLiteral("acknowledged_by")).toString().contains(QLatin1String("nurse.b")),
             QJsonDocument(atA).toJson().constData());
    QVERIFY2(atA.value(QStringLiteral("acknowledged_by")).toString().contains(QLatin1String("B")),
             QJsonDocument(atA).toJson().constData());
    // At C, another viewer: acknowledged too, from A's event.
    QTRY_VERIFY_WITH_TIMEOUT(condition(readState(stateC), remoteBed, QStringLiteral("spo2_low"))
                                 .value(QStringLiteral("acknowledged"))
                                 .toBool(),
                             10'000);
    // B sent one command; the acknowledgement A echoed back did not start another round.
    QTest::qWait(1500);
    QCOMPARE(readState(stateA)
                 .value(QStringLiteral("cluster"))
                 .toObject()
                 .value(QStringLiteral("commands_applied"))
                 .toInt(),
             1);
    b.stop();
}

// Part 2/3: pausing a remote bed's alarms at a viewer (B) pauses them at the owner (A, audited with B's user
// and station) and from there at every viewer (C); B's permission system decides first: with enforcement on
// and nobody signed in, B refuses and nothing reaches A.
void TestClusterAck::pauseAtViewerReachesOwnerAndViewers()
{
    QVERIFY(startOwnerAndViewer(QStringLiteral("2")));
    const QString stateA = m_stateA, stateC = m_stateC;
    auto config = viewerConfigB();
    QVERIFY(config);
    StationApp b(*config);
    QString why;
    QVERIFY2(b.build(&why), qPrintable(why));
    b.start();
    Station *station = b.station();
    const QString remoteBed = QStringLiteral("ICU1/SIM^01");
    auto remoteRow = [&]() {
        for (int i = 0; i < station->ward()->bedCount(); ++i)
            if (station->ward()->bed(i)->key() == remoteBed)
                return i;
        return -1;
    };
    auto bedPaused = [](const QJsonObject &state, const QString &bed) {
        for (const QJsonValue &v :
             state.value(QStringLiteral("alarms")).toObject().value(QStringLiteral("beds")).toArray())
            if (v.toObject().value(QStringLiteral("key")).toString() == bed)
                return v.toObject().value(QStringLiteral("alarm_paused")).toBool();
        return false;
    };
    auto auditAt = [](const QJsonObject &state, const QString &action) {
        for (const QJsonValue &v :
             state.value(QStringLiteral("alarms")).toObject().value(QStringLiteral("audit")).toArray())
            if (v.toObject().value(QStringLiteral("action")).toString() == action)
                return v.toObject();
        return QJsonObject{};
    };
    QTRY_VERIFY_WITH_TIMEOUT(remoteRow() >= 0, 40'000);
    QTRY_VERIFY_WITH_TIMEOUT(!condition(readState(stateC), remoteBed, QStringLiteral("spo2_low")).isEmpty(),
                             30'000);
    QTRY_VERIFY_WITH_TIMEOUT(station->alarmEngine()->bedStatus(remoteBed).highest != alarms::Priority::None,
                             20'000);

    // Enforcing, nobody signed in, no break-glass: refused at B, so A never hears of it.
    station->access()->setBreakGlass(false, {});
    station->access()->setEnforcing(true);
    QVERIFY(!station->pauseAlarms(remoteRow()));
    QTest::qWait(2000);
    QVERIFY(!bedPaused(readState(stateA), QStringLiteral("SIM^01")));
    QVERIFY(auditAt(readState(stateA), QStringLiteral("alarm_pause")).isEmpty());

    // Allowed: paused at A (audited there with B's user and station), then at C.
    station->access()->setEnforcing(false);
    station->setUser(QStringLiteral("nurse.b"));
    QVERIFY(station->pauseAlarms(remoteRow()));
    QTRY_VERIFY_WITH_TIMEOUT(bedPaused(readState(stateA), QStringLiteral("SIM^01")), 10'000);
    const QJsonObject audit = auditAt(readState(stateA), QStringLiteral("alarm_pause"));
    QVERIFY2(audit.value(QStringLiteral("user")).toString() == QLatin1String("nurse.b at B"),
             QJsonDocument(audit).toJson().constData());
    QTRY_VERIFY_WITH_TIMEOUT(bedPaused(readState(stateC), remoteBed), 10'000);
    // The pause is A's at C (applied from A's event), not a second one C sent back.
    const QJsonObject atC = auditAt(readState(stateC), QStringLiteral("alarm_pause"));
    QVERIFY2(atC.value(QStringLiteral("user")).toString().endsWith(QLatin1String(" at A")),
             QJsonDocument(atC).toJson().constData());
    QTest::qWait(1500);
    QCOMPARE(readState(stateA)
                 .value(QStringLiteral("cluster"))
                 .toObject()
                 .value(QStringLiteral("commands_applied"))
                 .toInt(),
             1);
    b.stop();
}

QTEST_MAIN(TestClusterAck)
#include "tst_cluster_ack.moc"
