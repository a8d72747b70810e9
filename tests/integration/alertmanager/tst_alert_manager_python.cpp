// The station's alert manager link against a real peer: alert_manager.py, written with python3-hl7's
// asyncio MLLP server. The first case runs the whole path: the alarm engine escalates an unacknowledged
// HIGH alarm at its configured delay, AlertManagerLink sends the PCD-04, the python manager records it and
// replies with PCD-05 "Delivered", and the reply shows on the alarm; acknowledging de-escalates. Exits
// 77 (ctest SKIP) when /usr/bin/python3 cannot import python3-hl7.
#include "AlarmEngine.h"
#include "AlertManagerLink.h"
#include "AlertManagerWiring.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cstdio>

using namespace vigil;
using namespace vigil::alarms;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kScript = QStringLiteral(VIGIL_SOURCE_DIR "/tests/integration/alertmanager/alert_manager.py");

// The python alert manager as a child process.
class PyManager
{
public:
    PyManager(const QString &logPath, QStringList args)
    {
        m_proc.setProcessChannelMode(QProcess::SeparateChannels);
        m_proc.start(kPython, QStringList{kScript, QStringLiteral("--port"), QStringLiteral("0"),
                                          QStringLiteral("--log"), logPath} +
                                  args);
        m_log = logPath;
    }
    ~PyManager()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.terminate();
            if (!m_proc.waitForFinished(5000))
                m_proc.kill();
            m_proc.waitForFinished(2000);
        }
    }
    // The port it printed ("LISTENING <port>"), 0 if it did not start.
    quint16 waitListening(int ms = 20000)
    {
        QElapsedTimer t;
        t.start();
        QByteArray out;
        while (t.elapsed() < ms) {
            if (!m_proc.waitForReadyRead(200) && m_proc.state() == QProcess::NotRunning)
                break;
            out += m_proc.readAllStandardOutput();
            const int i = out.indexOf("LISTENING ");
            if (i >= 0 && out.indexOf('\n', i) > i)
                return static_cast<quint16>(
                    out.mid(i + 10, out.indexOf('\n', i) - i - 10).trimmed().toUInt());
        }
        qWarning("alert_manager.py did not start: %s", m_proc.readAllStandardError().constData());
        return 0;
    }
    // Received messages (JSON lines) so far.
    QList<QJsonObject> log() const
    {
        QList<QJsonObject> out;
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                out << QJsonDocument::fromJson(line).object();
        return out;
    }
    QList<QJsonObject> reports(const QString &phase = {}) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : log())
            if (o[QStringLiteral("type")].toString().startsWith(QLatin1String("ORU^R40")) &&
                (phase.isEmpty() || o[QStringLiteral("phase")].toString() == phase))
                out << o;
        return out;
    }

private:
    QProcess m_proc;
    QString m_log;
};

// The station's own mapping (app/AlertManagerWiring) is what is under test here too.

GatewayLinkSettings linkTo(quint16 port)
{
    GatewayLinkSettings s;
    s.url = MllpUrl{false, QStringLiteral("127.0.0.1"), port};
    s.reconnectMinS = 0.2;
    s.reconnectMaxS = 1.0;
    return s;
}

} // namespace

class TestAlertManagerPython : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        qRegisterMetaType<AlertStatus>();
        QVERIFY(m_dir.isValid());
    }

    void escalationOfUnacknowledgedHighAlarmAtItsDelay()
    {
        const QString logPath = m_dir.filePath(QStringLiteral("am1.jsonl"));
        PyManager py(logPath,
                     {QStringLiteral("--reply"), QStringLiteral("delivered"), QStringLiteral("--raw")});
        const quint16 port = py.waitListening();
        QVERIFY(port > 0);

        // HIGH heart-rate alarm straight away; the alert manager tier after 3 s unacknowledged.
        AlarmConfig config;
        config.parameters[static_cast<int>(NumericId::Hr)].delayMs = 0;
        config.parameters[static_cast<int>(NumericId::Hr)].highPriority = Priority::High;
        QCOMPARE(applyAlarmConfigKey(config, QStringLiteral("alarms.escalation"), QStringLiteral("high"),
                                     QVariantList{QStringLiteral("0:local"), QStringLiteral("1:escalated"),
                                                  QStringLiteral("3:alert_manager")}),
                 QString());
        constexpr qint64 kAlertManagerDelayMs = 3000;
        AlarmEngine engine(config);
        const QString bed = QStringLiteral("4B^12^A");
        engine.setBed(bed, QStringLiteral("12-A"), PatientProfile::Adult);

        AlertManagerLink link(linkTo(port), 10000);
        connect(&link, &AlertManagerLink::status, this,
                [&](const QString &id, AlertStatus s, const QString &t) {
                    engine.onAlertManagerResult(id, vigil::toDelivery(s), t);
                });
        connect(&link, &AlertManagerLink::failed, this, [&](const QString &id, const QString &why) {
            engine.onAlertManagerResult(id, Delivery::Failed, why);
        });
        link.start();

        // The station's loop: numerics at 4 Hz, evaluate at every engine deadline and a few times a second.
        QTimer feed, tick, deadline;
        deadline.setSingleShot(true);
        deadline.setTimerType(Qt::PreciseTimer);
        const auto evaluate = [&] {
            engine.evaluate();
            for (const EscalationAction &a : engine.takeEscalationActions())
                link.send(vigil::toAlertRequest(a));
            const qint64 next = engine.nextDeadlineMs();
            if (next != std::numeric_limits<qint64>::max())
                deadline.start(
                    static_cast<int>(std::clamp<qint64>(next - AlarmEngine::systemClock(), 0, 1000)));
        };
        connect(&feed, &QTimer::timeout, this, [&] {
            engine.onNumeric(bed, PatientProfile::Adult, {NumericId::Hr, 160, AlarmEngine::systemClock()});
        });
        connect(&tick, &QTimer::timeout, this, evaluate);
        connect(&deadline, &QTimer::timeout, this, evaluate);
        engine.onNumeric(bed, PatientProfile::Adult, {NumericId::Hr, 160, AlarmEngine::systemClock()});
        evaluate();
        feed.start(250);
        tick.start(200);

        QString alarmId;
        for (const AlarmCondition &c : engine.conditions())
            if (c.bedKey == bed && c.parameter == NumericId::Hr)
                alarmId = c.id;
        QVERIFY(!alarmId.isEmpty());
        const qint64 signalSince = engine.condition(alarmId)->signalSinceMs;
        QCOMPARE(engine.condition(alarmId)->priority, Priority::High);

        // The python manager receives the escalation at the configured delay...
        QTRY_COMPARE_WITH_TIMEOUT(py.reports(QStringLiteral("escalate")).size(), 1, 15000);
        const QJsonObject esc = py.reports(QStringLiteral("escalate")).first();
        const qint64 receivedMs = static_cast<qint64>(esc[QStringLiteral("time")].toDouble() * 1000);
        const qint64 late = receivedMs - signalSince - kAlertManagerDelayMs;
        qInfo("escalation received %lld ms after the configured delay", late);
        QVERIFY2(late >= -50 && late < 1000, qPrintable(QString::number(late)));
        QCOMPARE(esc[QStringLiteral("alarm_id")].toString(), alarmId);
        QCOMPARE(esc[QStringLiteral("priority")].toString(), QStringLiteral("PH"));
        QCOMPARE(esc[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(esc[QStringLiteral("bed")].toString(), bed);
        QCOMPARE(esc[QStringLiteral("event")].toString(), QStringLiteral("MDC_EVT_HI"));
        QVERIFY2(esc[QStringLiteral("text")].toString().startsWith(QLatin1String("12-A: ")),
                 qPrintable(esc[QStringLiteral("text")].toString()));
        QCOMPARE(esc[QStringLiteral("value")].toString(), QStringLiteral("160"));

        // ...and its PCD-05 "Delivered" shows on the alarm.
        QTRY_COMPARE_WITH_TIMEOUT(engine.condition(alarmId)->delivery, Delivery::Delivered, 5000);
        QCOMPARE(engine.condition(alarmId)->deliveryText, QStringLiteral("Delivered"));
        QVERIFY(engine.condition(alarmId)->sentToAlertManager);
        // The station answered the PCD-05 with a commit ACK (MSH-15 AL).
        const auto ackedStatus = [&] {
            const QList<QJsonObject> log = py.log();
            return std::any_of(log.cbegin(), log.cend(), [](const QJsonObject &o) {
                return o[QStringLiteral("type")].toString().startsWith(QLatin1String("ACK")) &&
                       o[QStringLiteral("ack_code")].toString() == QLatin1String("CA");
            });
        };
        QTRY_VERIFY(ackedStatus());

        // Acknowledging at the station de-escalates and tells the manager.
        QVERIFY(engine.acknowledge(alarmId, QStringLiteral("nurse")));
        evaluate();
        QTRY_COMPARE_WITH_TIMEOUT(py.reports(QStringLiteral("de-escalate")).size(), 1, 5000);
        const QJsonObject de = py.reports(QStringLiteral("de-escalate")).first();
        QCOMPARE(de[QStringLiteral("alarm_id")].toString(), alarmId);
        QCOMPARE(de[QStringLiteral("inactivation")].toString(), QStringLiteral("alert-acknowledged"));
        QCOMPARE(py.reports(QStringLiteral("escalate")).size(), 1);
        QCOMPARE(engine.condition(alarmId)->delivery, Delivery::Delivered);
    }

    void tlsAndAcceptedReplyInAnObx()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl not available to make a test PKI");
        const QString pki = m_dir.filePath(QStringLiteral("pki"));
        QProcess mk;
        mk.start(QStringLiteral(VIGIL_SOURCE_DIR "/scripts/make-demo-pki.sh"), {pki});
        QVERIFY(mk.waitForFinished(60000) && mk.exitCode() == 0);

        const QString logPath = m_dir.filePath(QStringLiteral("am2.jsonl"));
        PyManager py(logPath, {QStringLiteral("--reply"), QStringLiteral("accepted"),
                               QStringLiteral("--form"), QStringLiteral("obx"), QStringLiteral("--tls-cert"),
                               pki + QStringLiteral("/gateway.pem"), QStringLiteral("--tls-key"),
                               pki + QStringLiteral("/gateway.key"), QStringLiteral("--tls-ca"),
                               pki + QStringLiteral("/ca.pem")});
        const quint16 port = py.waitListening();
        QVERIFY(port > 0);
        GatewayLinkSettings s = linkTo(port);
        s.url.tls = true;
        s.tls = {pki + QStringLiteral("/ca.pem"),
                 pki + QStringLiteral("/station.pem"),
                 pki + QStringLiteral("/station.key"),
                 {}};
        AlertManagerLink link(s, 10000);
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        QSignalSpy status(&link, &AlertManagerLink::status);
        link.start();
        AlertRequest r;
        r.alarmId = QStringLiteral("IT-TLS-1");
        r.bedKey = QStringLiteral("4B^7^B");
        r.bedLabel = QStringLiteral("7-B");
        r.eventRefId = QStringLiteral("lead_off");
        r.eventText = QStringLiteral("ECG leads off");
        r.priority = alarms::Priority::Medium;
        r.kind = alarms::Kind::Technical;
        link.send(r);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status.size(), 2, 5000);
        QCOMPARE(status[0][1].value<AlertStatus>(), AlertStatus::Delivered);
        QCOMPARE(status[1][1].value<AlertStatus>(), AlertStatus::Accepted);
        const QList<QJsonObject> got = py.reports();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got[0][QStringLiteral("peer_cn")].toString(), QStringLiteral("vigil-station"));
        QCOMPARE(got[0][QStringLiteral("priority")].toString(), QStringLiteral("PM"));
        QCOMPARE(got[0][QStringLiteral("kind")].toString(), QStringLiteral("ST"));
        QCOMPARE(got[0][QStringLiteral("text")].toString(), QStringLiteral("7-B: ECG leads off"));
    }

    void oraReplyAndSilentManager()
    {
        // ORA^R41 matched by MSA-2.
        {
            PyManager py(m_dir.filePath(QStringLiteral("am3.jsonl")),
                         {QStringLiteral("--reply"), QStringLiteral("read"), QStringLiteral("--form"),
                          QStringLiteral("ora")});
            const quint16 port = py.waitListening();
            QVERIFY(port > 0);
            AlertManagerLink link(linkTo(port), 10000);
            QSignalSpy status(&link, &AlertManagerLink::status);
            link.start();
            AlertRequest r;
            r.alarmId = QStringLiteral("IT-ORA-1");
            r.eventText = QStringLiteral("SpO2 82 < 90");
            link.send(r);
            QTRY_COMPARE_WITH_TIMEOUT(status.size(), 2, 10000);
            QCOMPARE(status[1][0].toString(), QStringLiteral("IT-ORA-1"));
            QCOMPARE(status[1][1].value<AlertStatus>(), AlertStatus::Read);
        }
        // A manager that never acknowledges: the request fails after the reply timeout.
        {
            PyManager py(m_dir.filePath(QStringLiteral("am4.jsonl")),
                         {QStringLiteral("--ack"), QStringLiteral("none"), QStringLiteral("--reply"),
                          QStringLiteral("none")});
            const quint16 port = py.waitListening();
            QVERIFY(port > 0);
            AlertManagerLink link(linkTo(port), 1500);
            QSignalSpy failed(&link, &AlertManagerLink::failed);
            link.start();
            AlertRequest r;
            r.alarmId = QStringLiteral("IT-SILENT-1");
            link.send(r);
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
            QVERIFY(failed[0][1].toString().contains(QLatin1String("no acknowledgment")));
            QCOMPARE(py.reports().size(), 1);
        }
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QProcess probe;
    probe.start(kPython, {QStringLiteral("-c"), QStringLiteral("import hl7.mllp")});
    if (!probe.waitForFinished(20000) || probe.exitStatus() != QProcess::NormalExit ||
        probe.exitCode() != 0) {
        std::printf("SKIP: %s cannot import python3-hl7 (hl7.mllp)\n", qPrintable(kPython));
        return 77;
    }
    TestAlertManagerPython t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "tst_alert_manager_python.moc"
