// AlertManagerLink against an in-test alert manager on loopback (QTcpServer / QSslServer + our MLLP
// framer and parser): the PCD-04 escalation content, ACK and PCD-05 replies on the same or a dialled-in
// connection, timeouts, NAKs, a manager that is down and comes back, TLS accepted and refused, the phases
// of de-escalation and end, and the PCD-05 forms the link accepts.
#include "AlertManagerLink.h"
#include "Hl7Ack.h"
#include "Hl7Message.h"
#include "Hl7Text.h"
#include "Mllp.h"
#include "Net.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

using namespace vigil;

namespace {

// One HL7 message as the fake manager received it, with the lookups the checks need.
struct Received
{
    std::string raw;
    hl7::Message msg;

    explicit Received(std::string bytes) : raw(std::move(bytes)) { msg.parse(raw); }
    Received(const Received &) = delete;

    QString field(const char *seg, int n, int component = 0) const
    {
        const hl7::Segment s = msg.find(seg);
        if (!s.valid())
            return {};
        const hl7::Field f = s.field(n);
        const std::string_view v = component ? f.component(component) : f.raw();
        return QString::fromUtf8(hl7::unescaped(v, msg.delimiters()));
    }
    // The OBX row of facet `suffix` (".3" phase...): field n of it.
    QString facet(const char *suffix, int n, int component = 0) const
    {
        for (int i = 0; i < msg.segmentCount(); ++i) {
            const hl7::Segment s = msg.segment(i);
            if (!s.is("OBX"))
                continue;
            const std::string_view sub = s.field(4).raw();
            if (sub.size() >= 2 && sub.ends_with(suffix) && sub != "1.0.0.0") {
                const hl7::Field f = s.field(n);
                const std::string_view v = component ? f.component(component) : f.raw();
                return QString::fromUtf8(hl7::unescaped(v, msg.delimiters()));
            }
        }
        return {};
    }
    QString controlId() const { return field("MSH", 10); }
    QString type() const { return field("MSH", 9); }
};

// The ward's alert manager as far as the station can tell: answers PCD-04 with an ACK (or not), sends
// PCD-05 messages on the connection or on a new one, records everything.
class FakeManager
{
public:
    enum class Ack { CA, AA, AE, AR, None };
    Ack ack = Ack::CA;
    QString nakText = QStringLiteral("paging system offline");
    std::vector<std::unique_ptr<Received>> reports; // PCD-04 from the station
    std::vector<std::unique_ptr<Received>> acks;    // the station's ACKs of our PCD-05
    std::function<void(QTcpSocket *, const Received &)> onReport;
    QPointer<QTcpSocket> last;

    explicit FakeManager(std::optional<QSslConfiguration> tls = std::nullopt)
    {
        if (tls) {
            auto *s = new QSslServer;
            s->setSslConfiguration(*tls);
            server.reset(s);
        } else {
            server = std::make_unique<QTcpServer>();
        }
        QObject::connect(server.get(), &QTcpServer::pendingConnectionAvailable, [this] {
            while (QTcpSocket *s = server->nextPendingConnection())
                adopt(s);
        });
    }
    ~FakeManager()
    {
        for (auto &c : conns)
            if (c.socket)
                c.socket->disconnect();
    }

    bool listen(quint16 port = 0) { return server->listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return server->serverPort(); }
    void close()
    {
        server->close();
        for (auto &c : conns)
            if (c.socket)
                c.socket->abort();
    }
    int connections() const { return static_cast<int>(conns.size()); }

    void adopt(QTcpSocket *s)
    {
        conns.push_back({s, std::make_shared<hl7::MllpFramer>()});
        last = s;
        auto framer = conns.back().framer;
        QObject::connect(s, &QTcpSocket::readyRead, [this, s, framer] {
            const QByteArray b = s->readAll();
            framer->feed(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
            while (auto f = framer->next())
                handle(s, std::string(*f));
        });
    }

    static void sendFrame(QTcpSocket *s, const std::string &msg) { vigil::test::mllpSend(s, msg); }

private:
    void handle(QTcpSocket *s, std::string bytes)
    {
        auto r = std::make_unique<Received>(std::move(bytes));
        if (r->type().startsWith(QLatin1String("ACK"))) {
            acks.push_back(std::move(r));
            return;
        }
        if (ack != Ack::None) {
            hl7::AckOptions o;
            o.controlId = "AMACK" + std::to_string(reports.size() + 1);
            hl7::AckCode code = hl7::AckCode::CA;
            if (ack == Ack::AA)
                code = hl7::AckCode::AA;
            if (ack == Ack::AE || ack == Ack::AR) {
                code = ack == Ack::AE ? hl7::AckCode::AE : hl7::AckCode::AR;
                hl7::AckError e;
                e.text = nakText.toStdString();
                o.error = e;
            }
            sendFrame(s, hl7::buildAck(r->msg, code, o));
        }
        reports.push_back(std::move(r));
        if (onReport)
            onReport(s, *reports.back());
    }

    struct Conn
    {
        QPointer<QTcpSocket> socket;
        std::shared_ptr<hl7::MllpFramer> framer;
    };
    std::unique_ptr<QTcpServer> server;
    std::vector<Conn> conns;
};

std::string pcd05Prt(const QString &alarmId, const char *status, const char *controlId)
{
    return "MSH|^~\\&|AM|WARD|VIGIL||20260101120000||ORU^R41^ORU_R41|" + std::string(controlId) +
           "|P|2.6|||AL|NE\rPID|||P1^^^^MR\rPV1||I|4B^12^A\rOBR|1||" + alarmId.toStdString() +
           "|196616^MDC_EVT_ALARM^MDC|||20260101120000\rPRT|||" + status + "\r";
}

std::string pcd05Obx(const QString &alarmId, const char *status, const char *controlId)
{
    return "MSH|^~\\&|AM|WARD|VIGIL||20260101120000||ORU^R41^ORU_R41|" + std::string(controlId) +
           "|P|2.6|||AL|NE\rOBR|1||" + alarmId.toStdString() +
           "^VIGIL|196616^MDC_EVT_ALARM^MDC\rOBX|1|CWE|DISSEM^Alert dissemination status^L||" + status +
           "||||||F\r";
}

AlertRequest highHrAlarm(const QString &id, AlertPhase phase = AlertPhase::Escalate)
{
    AlertRequest r;
    r.alarmId = id;
    r.bedKey = QStringLiteral("4B^12^A");
    r.bedLabel = QStringLiteral("12-A");
    r.patient = PatientInfo{QStringLiteral("MRN42"), QStringLiteral("Doe, Jane"), PatientProfile::Adult};
    r.eventCode = 196648;
    r.eventRefId = QStringLiteral("MDC_EVT_HI");
    r.eventText = QStringLiteral("HR 145 > 120");
    r.sourceCode = 147842;
    r.sourceRefId = QStringLiteral("MDC_ECG_HEART_RATE");
    r.value = 145;
    r.limitLow = 50;
    r.limitHigh = 120;
    r.unit = {264864, QStringLiteral("264864"), QStringLiteral("MDC_DIM_BEAT_PER_MIN"),
              QStringLiteral("MDC")};
    r.priority = alarms::Priority::High;
    r.kind = alarms::Kind::Physiological;
    r.phase = phase;
    r.timeMs = 1767225600000;
    r.tier = 2;
    return r;
}

GatewayLinkSettings plainTo(quint16 port)
{
    GatewayLinkSettings s;
    s.url = MllpUrl{false, QStringLiteral("127.0.0.1"), port};
    s.reconnectMinS = 0.2;
    s.reconnectMaxS = 0.5;
    return s;
}

AlertManagerOptions quick(int timeoutMs = 2000)
{
    AlertManagerOptions o;
    o.replyTimeoutMs = timeoutMs;
    o.receivingApplication = QStringLiteral("AM");
    return o;
}

using vigil::test::freePort;

} // namespace

class TestAlertManagerLink : public QObject
{
    Q_OBJECT

    QTemporaryDir m_pkiA, m_pkiB; // two unrelated CAs
    bool m_pki = false;

    TlsSettings pki(const QTemporaryDir &dir, const char *who) const
    {
        const QString d = dir.path();
        return {d + QStringLiteral("/ca.pem"),
                d + QStringLiteral("/%1.pem").arg(QLatin1String(who)),
                d + QStringLiteral("/%1.key").arg(QLatin1String(who)),
                {}};
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<AlertStatus>();
        qRegisterMetaType<AlertRequest>();
        qRegisterMetaType<AlertManagerLink::LinkState>();
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            return;
        bool ok = true;
        for (QTemporaryDir *dir : {&m_pkiA, &m_pkiB}) {
            QProcess p;
            p.start(QStringLiteral(VIGIL_SOURCE_DIR "/scripts/make-demo-pki.sh"), {dir->path()});
            ok = ok && p.waitForFinished(60000) && p.exitCode() == 0;
        }
        m_pki = ok;
    }

    void statusWords()
    {
        const auto is = [](const char *text, std::optional<AlertStatus> want) {
            return alertStatusFromText(QLatin1String(text)) == want;
        };
        QVERIFY(is("Delivered", AlertStatus::Delivered));
        QVERIFY(is("DELIVERED^Delivered^L", AlertStatus::Delivered));
        QVERIFY(is("Received by communication endpoint", AlertStatus::Delivered));
        QVERIFY(is("Read", AlertStatus::Read));
        QVERIFY(is("READ_BY_ENDPOINT_OPERATOR", AlertStatus::Read));
        QVERIFY(is("Accepted by endpoint operator", AlertStatus::Accepted));
        QVERIFY(is("acknowledged", AlertStatus::Accepted));
        QVERIFY(is("Rejected by endpoint operator", AlertStatus::Rejected));
        QVERIFY(is("declined", AlertStatus::Rejected));
        QVERIFY(is("Undeliverable to endpoint", AlertStatus::Failed));
        QVERIFY(is("not delivered", AlertStatus::Failed));
        QVERIFY(is("delivery failed", AlertStatus::Failed));
        QVERIFY(is("Cancelled by alert manager", std::nullopt));
        QVERIFY(is("Received by alert manager", std::nullopt));
        QVERIFY(is("already queued", std::nullopt));
        QVERIFY(is("", std::nullopt));
    }

    void pcd05Forms()
    {
        const auto parse = [](const std::string &text) {
            static std::vector<std::unique_ptr<std::string>> keep; // a Message is a view of its bytes
            keep.push_back(std::make_unique<std::string>(text));
            hl7::Message m;
            m.parse(*keep.back());
            return parsePcd05(m);
        };
        // docs/STANDARDS-NOTES.md §3: PRT|||Delivered, the alarm in OBR-3.
        auto s = parse(pcd05Prt(QStringLiteral("VIG-1"), "Delivered", "C1"));
        QCOMPARE(s.size(), std::size_t(1));
        QCOMPARE(s[0].alarmIds.value(0), QStringLiteral("VIG-1"));
        QCOMPARE(s[0].status, AlertStatus::Delivered);
        QCOMPARE(s[0].text, QStringLiteral("Delivered"));
        // A coded status in an OBX row, OBR-3 as an EI with a namespace.
        s = parse(pcd05Obx(QStringLiteral("VIG-2"), "ACCEPTED^Accepted by endpoint operator^L", "C2"));
        QCOMPARE(s.size(), std::size_t(1));
        QVERIFY(s[0].alarmIds.contains(QStringLiteral("VIG-2")));
        QCOMPARE(s[0].status, AlertStatus::Accepted);
        QCOMPARE(s[0].text, QStringLiteral("Accepted by endpoint operator"));
        // ORA^R41 with no OBR: matched by MSA-2, status in PRT with the nurse who read it.
        s = parse("MSH|^~\\&|AM||VIGIL||20260101||ORA^R41^ORA_R41|C3|P|2.6\rMSA|AA|VAMX-E7\r"
                  "PRT||UC|Read^Read by endpoint operator||NURSE7^Smith^Anna\r");
        QCOMPARE(s.size(), std::size_t(1));
        QCOMPARE(s[0].ackControlId, QStringLiteral("VAMX-E7"));
        QCOMPARE(s[0].status, AlertStatus::Read);
        QCOMPARE(s[0].text, QStringLiteral("Read by endpoint operator (Anna Smith)"));
        // Two alarms in one message, several recipients: the best outcome per alarm.
        s = parse("MSH|^~\\&|AM||VIGIL||20260101||ORU^R41^ORU_R41|C4|P|2.6\r"
                  "OBR|1||A-1\rPRT|||Delivered||^Nurse^One\rPRT|||Accepted||^Nurse^Two\r"
                  "OBR|2||A-2\rOBX|1|ST|STATUS^status^L||Undeliverable||||||F\r");
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s[0].status, AlertStatus::Accepted);
        QCOMPARE(s[0].text, QStringLiteral("Accepted (Two Nurse)"));
        QCOMPARE(s[1].alarmIds.value(0), QStringLiteral("A-2"));
        QCOMPARE(s[1].status, AlertStatus::Failed);
        // Echoed alarm facets ("sensor failure") are not a status; a plain text row is.
        s = parse("MSH|^~\\&|AM||VIGIL||20260101||ORU^R41^ORU_R41|C5|P|2.6\rOBR|1||A-3\r"
                  "OBX|1|ST|196916^MDC_EVT_SENSOR_DISCONN^MDC|1.0.0.1|Sensor failure\r");
        QVERIFY(s.empty());
        s = parse("MSH|^~\\&|AM||VIGIL||20260101||ORU^R41^ORU_R41|C6|P|2.6\rOBR|1||A-3\r"
                  "OBX|1|ST|NOTE^note^L||read on phone 4411\r");
        QCOMPARE(s.size(), std::size_t(1));
        QCOMPARE(s[0].status, AlertStatus::Read);
        // Escaped text, and a status before the first OBR applying to it.
        s = parse("MSH|^~\\&|AM||VIGIL||20260101||ORU^R41^ORU_R41|C7|P|2.6\rPRT|||Delivered \\T\\ read\r"
                  "OBR|1||A-4\r");
        QCOMPARE(s.size(), std::size_t(1));
        QCOMPARE(s[0].status, AlertStatus::Read);
        QCOMPARE(s[0].text, QStringLiteral("Delivered & read"));
    }

    void escalationContentAckAndStatuses()
    {
        FakeManager am;
        QVERIFY(am.listen());
        int pcd05 = 0;
        am.onReport = [&](QTcpSocket *s, const Received &r) {
            // Once ACKed, the manager reports how the page went: delivered, then accepted by a nurse.
            FakeManager::sendFrame(s, pcd05Prt(r.field("OBR", 3), "Delivered", "AM-S1"));
            FakeManager::sendFrame(s, pcd05Obx(r.field("OBR", 3), "ACCEPTED^Accepted^L", "AM-S2"));
            pcd05 += 2;
        };
        AlertManagerLink link(plainTo(am.port()), quick());
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        QSignalSpy status(&link, &AlertManagerLink::status);
        QSignalSpy failed(&link, &AlertManagerLink::failed);
        link.start();
        link.send(highHrAlarm(QStringLiteral("VIG-1")));
        QTRY_COMPARE(delivered.size(), 1);
        QCOMPARE(delivered[0][0].toString(), QStringLiteral("VIG-1"));
        QTRY_COMPARE(status.size(), 2);
        QCOMPARE(status[0][0].toString(), QStringLiteral("VIG-1"));
        QCOMPARE(status[0][1].value<AlertStatus>(), AlertStatus::Delivered);
        QCOMPARE(status[0][2].toString(), QStringLiteral("Delivered"));
        QCOMPARE(status[1][1].value<AlertStatus>(), AlertStatus::Accepted);
        QCOMPARE(status[1][2].toString(), QStringLiteral("Accepted"));
        QVERIFY(failed.isEmpty());

        // What the manager got, read with our own parser.
        QCOMPARE(am.reports.size(), std::size_t(1));
        const Received &r = *am.reports[0];
        QCOMPARE(r.type(), QStringLiteral("ORU^R40^ORU_R40"));
        QVERIFY(r.field("MSH", 21).startsWith(QLatin1String("IHE_PCD_ACM_001")));
        QCOMPARE(r.field("MSH", 3), QStringLiteral("VIGIL"));
        QCOMPARE(r.field("MSH", 5), QStringLiteral("AM"));
        QCOMPARE(r.field("MSH", 15), QStringLiteral("AL"));
        QCOMPARE(r.field("OBR", 3), QStringLiteral("VIG-1"));
        QCOMPARE(r.field("OBR", 4, 2), QStringLiteral("MDC_EVT_ALARM"));
        QCOMPARE(r.field("PV1", 3), QStringLiteral("4B^12^A"));
        QCOMPARE(r.field("PID", 3, 1), QStringLiteral("MRN42"));
        QCOMPARE(r.field("PID", 5), QStringLiteral("Doe^Jane"));
        QCOMPARE(r.facet(".1", 3, 1), QStringLiteral("196648"));
        QCOMPARE(r.facet(".1", 5), QStringLiteral("12-A: HR 145 > 120"));
        QCOMPARE(r.facet(".2", 3, 2), QStringLiteral("MDC_ECG_HEART_RATE"));
        QCOMPARE(r.facet(".2", 5), QStringLiteral("145"));
        QCOMPARE(r.facet(".2", 7), QStringLiteral("50-120"));
        QCOMPARE(r.facet(".3", 3, 2), QStringLiteral("MDC_ATTR_EVENT_PHASE"));
        QCOMPARE(r.facet(".3", 5), QStringLiteral("escalate"));
        QCOMPARE(r.facet(".4", 5), QStringLiteral("active"));
        QCOMPARE(r.facet(".5", 5), QStringLiteral("enabled"));
        QCOMPARE(r.facet(".6", 5), QStringLiteral("PH"));
        QCOMPARE(r.facet(".7", 5), QStringLiteral("SP"));
        // The same message decodes as a PCD-04 alarm with our own decoder.
        const hl7::DecodedPcd04 decoded = hl7::decodePcd04(r.msg);
        QCOMPARE(decoded.alarms.size(), std::size_t(1));
        QCOMPARE(decoded.alarms[0].phase, hl7::AlarmPhase::Escalate);
        QCOMPARE(decoded.alarms[0].priority, alarms::Priority::High);

        // Every PCD-05 is answered, with a commit ACK since it asked for one (MSH-15 AL).
        QTRY_COMPARE(am.acks.size(), std::size_t(2));
        QCOMPARE(am.acks[0]->field("MSA", 1), QStringLiteral("CA"));
        QCOMPARE(am.acks[0]->field("MSA", 2), QStringLiteral("AM-S1"));
        QCOMPARE(am.acks[1]->field("MSA", 2), QStringLiteral("AM-S2"));

        const AlertManagerLink::LinkState st = link.linkState();
        QVERIFY(st.up);
        QVERIFY(!st.secure);
        QCOMPARE(st.sent, 1u);
        QCOMPARE(st.delivered, 1u);
        QCOMPARE(st.statuses, 2u);
        QCOMPARE(st.pending, 0);
    }

    void pcd05MatchedByControlId()
    {
        FakeManager am;
        QVERIFY(am.listen());
        am.onReport = [&](QTcpSocket *s, const Received &r) {
            // ORA^R41 quoting our MSH-10 only, original mode (no MSH-15): answered AA.
            FakeManager::sendFrame(s, "MSH|^~\\&|AM||VIGIL||20260101||ORA^R41^ORA_R41|AM-O1|P|2.5\rMSA|AA|" +
                                          r.controlId().toStdString() + "\rPRT|||Read||^Smith^Anna\r");
        };
        AlertManagerLink link(plainTo(am.port()), quick());
        QSignalSpy status(&link, &AlertManagerLink::status);
        link.start();
        link.send(highHrAlarm(QStringLiteral("VIG-7")));
        QTRY_COMPARE(status.size(), 1);
        QCOMPARE(status[0][0].toString(), QStringLiteral("VIG-7"));
        QCOMPARE(status[0][1].value<AlertStatus>(), AlertStatus::Read);
        QCOMPARE(status[0][2].toString(), QStringLiteral("Read (Anna Smith)"));
        QTRY_COMPARE(am.acks.size(), std::size_t(1));
        QCOMPARE(am.acks[0]->field("MSA", 1), QStringLiteral("AA"));
        QCOMPARE(am.acks[0]->field("MSA", 2), QStringLiteral("AM-O1"));
    }

    void pcd05OnANewConnection()
    {
        FakeManager am;
        QVERIFY(am.listen());
        AlertManagerOptions o = quick();
        GatewayLinkSettings listen;
        listen.url = MllpUrl{false, QStringLiteral("127.0.0.1"), 0};
        o.replyListener = listen;
        AlertManagerLink link(plainTo(am.port()), o);
        QSignalSpy listening(&link, &AlertManagerLink::replyListening);
        QSignalSpy status(&link, &AlertManagerLink::status);
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        link.start();
        QCOMPARE(listening.size(), 1);
        QVERIFY(link.replyPort() > 0);
        link.send(highHrAlarm(QStringLiteral("VIG-9")));
        QTRY_COMPARE(delivered.size(), 1);

        // The manager dials the station's reply port with its PCD-05.
        QTcpSocket dial;
        hl7::MllpFramer framer;
        dial.connectToHost(QHostAddress::LocalHost, link.replyPort());
        QVERIFY(dial.waitForConnected(5000));
        FakeManager::sendFrame(&dial, pcd05Prt(QStringLiteral("VIG-9"), "Delivered", "AM-D1"));
        QTRY_COMPARE(status.size(), 1);
        QCOMPARE(status[0][1].value<AlertStatus>(), AlertStatus::Delivered);
        std::string ack;
        QTRY_VERIFY([&] {
            const QByteArray b = dial.readAll();
            framer.feed(std::string_view(b.constData(), static_cast<std::size_t>(b.size())));
            if (auto f = framer.next())
                ack = std::string(*f);
            return !ack.empty();
        }());
        Received a(ack);
        QCOMPARE(a.field("MSA", 1), QStringLiteral("CA"));
        QCOMPARE(a.field("MSA", 2), QStringLiteral("AM-D1"));
        QTRY_COMPARE(link.linkState().replyConnections, 1);
    }

    void unknownUnsupportedAndEmptyReplies()
    {
        FakeManager am;
        QVERIFY(am.listen());
        AlertManagerLink link(plainTo(am.port()), quick());
        QSignalSpy status(&link, &AlertManagerLink::status);
        QSignalSpy problem(&link, &AlertManagerLink::problem);
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        link.start();
        link.send(highHrAlarm(QStringLiteral("VIG-2")));
        QTRY_COMPARE(delivered.size(), 1);
        QTcpSocket *s = am.last;
        QVERIFY(s);
        FakeManager::sendFrame(s, pcd05Prt(QStringLiteral("NOT-OURS"), "Delivered", "U1"));
        FakeManager::sendFrame(s, "MSH|^~\\&|AM||VIGIL||20260101||ADT^A01^ADT_A01|U2|P|2.6\rPID|||1\r");
        FakeManager::sendFrame(s, "MSH|^~\\&|AM||VIGIL||20260101||ORU^R41^ORU_R41|U3|P|2.6\rOBR|1||VIG-2\r");
        FakeManager::sendFrame(s, "this is not HL7");
        QTRY_COMPARE(am.acks.size(), std::size_t(4));
        // Unknown alarm: received (ACKed; commit mode, as MSH-15 asks) but not shown, and said in the log.
        QCOMPARE(am.acks[0]->field("MSA", 1), QStringLiteral("CA"));
        QVERIFY(std::any_of(problem.begin(), problem.end(),
                            [](const QList<QVariant> &a) { return a[0].toString().contains("NOT-OURS"); }));
        QCOMPARE(am.acks[1]->field("MSA", 1), QStringLiteral("AR"));
        QVERIFY(am.acks[1]->field("ERR", 8).contains(QLatin1String("ADT^A01")));
        QCOMPARE(am.acks[2]->field("MSA", 1), QStringLiteral("AE"));
        QVERIFY(am.acks[2]->field("ERR", 8).contains(QLatin1String("status")));
        QCOMPARE(am.acks[3]->field("MSA", 1), QStringLiteral("AR"));
        QVERIFY(status.isEmpty());
        QVERIFY(link.linkState().up);
    }

    void noAckFailsAfterTimeoutAndRetries()
    {
        FakeManager am;
        am.ack = FakeManager::Ack::None;
        QVERIFY(am.listen());
        AlertManagerLink link(plainTo(am.port()), quick(600));
        QSignalSpy failed(&link, &AlertManagerLink::failed);
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        link.start();
        QElapsedTimer t;
        t.start();
        link.send(highHrAlarm(QStringLiteral("VIG-3")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QVERIFY2(t.elapsed() >= 550 && t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(failed[0][0].toString(), QStringLiteral("VIG-3"));
        QVERIFY2(failed[0][1].toString().contains(QLatin1String("no acknowledgment")),
                 qPrintable(failed[0][1].toString()));
        // A connection that never answers is replaced and the request written again, same control id.
        QTRY_VERIFY_WITH_TIMEOUT(am.reports.size() >= 2, 5000);
        QVERIFY(am.connections() >= 2);
        QCOMPARE(am.reports[1]->controlId(), am.reports[0]->controlId());
        QCOMPARE(failed.size(), 1); // reported once
        // When the manager finally answers, the alarm shows delivered after all.
        am.ack = FakeManager::Ack::CA;
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 10000);
    }

    void nakFailsAtOnce()
    {
        FakeManager am;
        am.ack = FakeManager::Ack::AR;
        QVERIFY(am.listen());
        AlertManagerLink link(plainTo(am.port()), quick(5000));
        QSignalSpy failed(&link, &AlertManagerLink::failed);
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        link.start();
        QElapsedTimer t;
        t.start();
        link.send(highHrAlarm(QStringLiteral("VIG-4")));
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(t.elapsed() < 2000);
        QCOMPARE(failed[0][1].toString(), QStringLiteral("alert manager answered AR: paging system offline"));
        QCOMPARE(link.linkState().pending, 0);
        QTest::qWait(300);
        QVERIFY(delivered.isEmpty());
    }

    void managerDownThenBack()
    {
        const quint16 port = freePort();
        AlertManagerLink link(plainTo(port), quick(600));
        QSignalSpy failed(&link, &AlertManagerLink::failed);
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        QSignalSpy state(&link, &AlertManagerLink::linkStateChanged);
        link.start();
        link.send(highHrAlarm(QStringLiteral("VIG-5")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QVERIFY2(failed[0][1].toString().startsWith(QLatin1String("alert manager unreachable")),
                 qPrintable(failed[0][1].toString()));
        AlertManagerLink::LinkState st = link.linkState();
        QVERIFY(!st.up);
        QVERIFY2(st.lastError.contains(QLatin1String("refused")), qPrintable(st.lastError));
        QCOMPARE(st.pending, 1);

        // The manager comes back: the link reconnects by itself and the queued escalation goes out.
        FakeManager am;
        QVERIFY(am.listen(port));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
        QCOMPARE(delivered[0][0].toString(), QStringLiteral("VIG-5"));
        QCOMPARE(am.reports.size(), std::size_t(1));
        QTRY_VERIFY(link.linkState().up);
        QVERIFY(std::any_of(state.begin(), state.end(), [](const QList<QVariant> &a) {
            return a[0].value<AlertManagerLink::LinkState>().up;
        }));

        // It goes down again while idle and returns: still one connection at a time, still working.
        am.close();
        QTRY_VERIFY(!link.linkState().up);
        QVERIFY(am.listen(port));
        QTRY_VERIFY_WITH_TIMEOUT(link.linkState().up, 5000);
        link.send(highHrAlarm(QStringLiteral("VIG-6")));
        QTRY_COMPARE(delivered.size(), 2);
        QCOMPARE(failed.size(), 1);
    }

    void withdrawnBeforeSentAndBoundedQueue()
    {
        const quint16 port = freePort();
        AlertManagerOptions o = quick(5000);
        o.maxQueued = 2;
        AlertManagerLink link(plainTo(port), o);
        QSignalSpy failed(&link, &AlertManagerLink::failed);
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        link.start();
        // Acknowledged at the station before the manager could hear of it: nothing to send at all.
        link.send(highHrAlarm(QStringLiteral("VIG-W")));
        link.send(highHrAlarm(QStringLiteral("VIG-W"), AlertPhase::DeEscalate));
        link.send(highHrAlarm(QStringLiteral("VIG-W"), AlertPhase::End));
        QCOMPARE(link.linkState().pending, 0);
        // Beyond the bound the oldest request fails at once.
        link.send(highHrAlarm(QStringLiteral("Q-1")));
        link.send(highHrAlarm(QStringLiteral("Q-2")));
        link.send(highHrAlarm(QStringLiteral("Q-3")));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].toString(), QStringLiteral("Q-1"));
        QVERIFY(failed[0][1].toString().contains(QLatin1String("queue full")));
        FakeManager am;
        QVERIFY(am.listen(port));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 5000);
        QCOMPARE(am.reports.size(), std::size_t(2));
        QCOMPARE(am.reports[0]->field("OBR", 3), QStringLiteral("Q-2"));
        QCOMPARE(am.reports[1]->field("OBR", 3), QStringLiteral("Q-3"));
    }

    void deEscalateAndEndCarryTheirPhase()
    {
        FakeManager am;
        QVERIFY(am.listen());
        AlertManagerLink link(plainTo(am.port()), quick());
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        link.start();
        link.send(highHrAlarm(QStringLiteral("VIG-8")));
        QTRY_COMPARE(delivered.size(), 1);
        AlertRequest ack = highHrAlarm(QStringLiteral("VIG-8"), AlertPhase::DeEscalate);
        ack.inactivation = hl7::AlarmInactivation::Acknowledged;
        link.send(ack);
        link.send(highHrAlarm(QStringLiteral("VIG-8"), AlertPhase::End));
        QTRY_COMPARE(delivered.size(), 3);
        QCOMPARE(am.reports.size(), std::size_t(3));
        QStringList phases, ids, controlIds;
        for (const auto &r : am.reports) {
            phases << r->facet(".3", 5);
            ids << r->field("OBR", 3);
            controlIds << r->controlId();
        }
        QCOMPARE(phases, (QStringList{"escalate", "de-escalate", "end"}));
        QCOMPARE(ids, (QStringList{"VIG-8", "VIG-8", "VIG-8"}));
        QCOMPARE(QSet<QString>(controlIds.begin(), controlIds.end()).size(), 3);
        QCOMPARE(am.reports[1]->facet(".5", 5), QStringLiteral("alert-acknowledged"));
        QCOMPARE(am.reports[1]->facet(".4", 5), QStringLiteral("active"));
        QCOMPARE(am.reports[2]->facet(".4", 5), QStringLiteral("inactive"));
        QCOMPARE(hl7::decodePcd04(am.reports[2]->msg).alarms.at(0).phase, hl7::AlarmPhase::End);
    }

    void tlsMutualAuthentication()
    {
        if (!m_pki)
            QSKIP("openssl not available to make a test PKI");
        QString err;
        const auto serverTls = makeTlsConfiguration(pki(m_pkiA, "gateway"), &err);
        QVERIFY2(serverTls, qPrintable(err));
        FakeManager am(serverTls);
        QVERIFY(am.listen());
        am.onReport = [&](QTcpSocket *s, const Received &r) {
            FakeManager::sendFrame(s, pcd05Prt(r.field("OBR", 3), "Delivered", "T1"));
        };
        GatewayLinkSettings s = plainTo(am.port());
        s.url.tls = true;
        s.tls = pki(m_pkiA, "station");
        AlertManagerLink link(s, quick(5000));
        QSignalSpy delivered(&link, &AlertManagerLink::delivered);
        QSignalSpy status(&link, &AlertManagerLink::status);
        link.start();
        link.send(highHrAlarm(QStringLiteral("VIG-T")));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 10000);
        QTRY_COMPARE(status.size(), 1);
        QCOMPARE(status[0][1].value<AlertStatus>(), AlertStatus::Delivered);
        auto *peer = qobject_cast<QSslSocket *>(am.last.data());
        QVERIFY(peer && peer->isEncrypted());
        QVERIFY(certificateNames(peer->peerCertificate()).contains(QStringLiteral("vigil-station")));
        QVERIFY(link.linkState().secure && link.linkState().up);
    }

    void tlsRefusedWithAReason()
    {
        if (!m_pki)
            QSKIP("openssl not available to make a test PKI");
        QString err;
        // The manager's certificate comes from a CA the station does not trust.
        const auto serverTls = makeTlsConfiguration(pki(m_pkiB, "gateway"), &err);
        QVERIFY2(serverTls, qPrintable(err));
        FakeManager am(serverTls);
        QVERIFY(am.listen());
        GatewayLinkSettings s = plainTo(am.port());
        s.url.tls = true;
        s.tls = pki(m_pkiA, "station");
        AlertManagerLink link(s, quick(5000));
        QSignalSpy failed(&link, &AlertManagerLink::failed);
        link.start();
        QElapsedTimer t;
        t.start();
        link.send(highHrAlarm(QStringLiteral("VIG-X")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY2(t.elapsed() < 4000, "a refused certificate fails at once, not after the timeout");
        QVERIFY2(failed[0][1].toString().startsWith(QLatin1String("TLS: alert manager certificate refused")),
                 qPrintable(failed[0][1].toString()));
        QVERIFY(am.reports.empty());
        QVERIFY(!link.linkState().up);
        QVERIFY(link.linkState().lastError.contains(QLatin1String("TLS")));
    }

    void tlsClientCertificateRefusedByTheManager()
    {
        if (!m_pki)
            QSKIP("openssl not available to make a test PKI");
        QString err;
        const auto serverTls = makeTlsConfiguration(pki(m_pkiA, "gateway"), &err);
        QVERIFY2(serverTls, qPrintable(err));
        FakeManager am(serverTls);
        QVERIFY(am.listen());
        GatewayLinkSettings s = plainTo(am.port());
        s.url.tls = true;
        // We trust the manager, it does not trust us (our certificate comes from another CA).
        s.tls = pki(m_pkiB, "station");
        s.tls.caFile = pki(m_pkiA, "station").caFile;
        AlertManagerLink link(s, quick(1500));
        QSignalSpy failed(&link, &AlertManagerLink::failed);
        link.start();
        link.send(highHrAlarm(QStringLiteral("VIG-Y")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        // TLS 1.3 shows the refusal only as a hang-up right after the handshake: the reason says so,
        // and the request is kept (the certificate may be fixed) rather than given up.
        QVERIFY2(failed[0][1].toString().startsWith(QLatin1String("alert manager unreachable")) &&
                     failed[0][1].toString().contains(QLatin1String("certificate")),
                 qPrintable(failed[0][1].toString()));
        QCOMPARE(link.linkState().pending, 1);
        QVERIFY(am.reports.empty());
    }

    void tlsConfigurationErrorFailsEveryRequest()
    {
        GatewayLinkSettings s = plainTo(freePort());
        s.url.tls = true;
        s.tls = {QStringLiteral("/nonexistent/ca.pem"),
                 QStringLiteral("/nonexistent/c.pem"),
                 QStringLiteral("/nonexistent/k.pem"),
                 {}};
        AlertManagerLink link(s, quick(5000));
        QSignalSpy failed(&link, &AlertManagerLink::failed);
        link.start();
        link.send(highHrAlarm(QStringLiteral("VIG-C")));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed[0][1].toString().startsWith(QLatin1String("TLS configuration")));
        QVERIFY(link.linkState().lastError.startsWith(QLatin1String("TLS configuration")));
    }

    void worksOnAWorkerThread()
    {
        FakeManager am;
        QVERIFY(am.listen());
        am.onReport = [&](QTcpSocket *s, const Received &r) {
            FakeManager::sendFrame(s, pcd05Prt(r.field("OBR", 3), "Accepted", "W1"));
        };
        QThread thread;
        auto *link = new AlertManagerLink(plainTo(am.port()), quick());
        link->moveToThread(&thread);
        connect(&thread, &QThread::finished, link, &QObject::deleteLater);
        // Received here, on the test's thread, as the GUI thread would.
        QStringList delivered;
        QList<AlertStatus> statuses;
        connect(link, &AlertManagerLink::delivered, this, [&](const QString &id) { delivered << id; });
        connect(link, &AlertManagerLink::status, this,
                [&](const QString &, AlertStatus s, const QString &) { statuses << s; });
        thread.start();
        QMetaObject::invokeMethod(link, &AlertManagerLink::start);
        const AlertRequest r = highHrAlarm(QStringLiteral("VIG-Q"));
        QMetaObject::invokeMethod(link, [link, r] { link->send(r); });
        QTRY_COMPARE(delivered, QStringList{QStringLiteral("VIG-Q")});
        QTRY_COMPARE(statuses.size(), 1);
        QCOMPARE(statuses[0], AlertStatus::Accepted);
        QCOMPARE(link->linkState().statuses, 1u);
        QMetaObject::invokeMethod(link, &AlertManagerLink::stop, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

QTEST_GUILESS_MAIN(TestAlertManagerLink)
#include "tst_alert_manager_link.moc"
