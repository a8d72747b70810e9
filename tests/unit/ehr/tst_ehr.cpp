// Charting to the EHR: the ORU^R01 content, and the store-and-forward link against the python3-hl7 EHR
// receiver (tests/integration/adt/ehr_receiver.py): in order, resent after AE and a dropped connection
// until AA, nothing acknowledged sent again after a restart, the link-down condition.
#include "ChartMessage.h"
#include "EhrLink.h"
#include "Hl7Message.h"
#include "Hl7Text.h"
#include "Net.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::ehr;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

class Receiver
{
public:
    Receiver(const QString &out, quint16 port, const QStringList &extra = {})
    {
        m_proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_proc.start(kPython,
                     QStringList{QStringLiteral(VIGIL_SOURCE_DIR "/tests/integration/adt/ehr_receiver.py"),
                                 QStringLiteral("--port"), QString::number(port), QStringLiteral("--out"),
                                 out} +
                         extra);
        if (m_proc.waitForReadyRead(10000)) {
            const QByteArray line = m_proc.readLine().trimmed();
            if (line.startsWith("listening "))
                m_port = quint16(line.mid(10).toUInt());
        }
    }
    ~Receiver() { stop(); }
    void stop()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.terminate();
            if (!m_proc.waitForFinished(5000))
                m_proc.kill();
            m_proc.waitForFinished(5000);
        }
    }
    quint16 port() const { return m_port; }

private:
    QProcess m_proc;
    quint16 m_port = 0;
};

QList<QJsonObject> received(const QString &path)
{
    QList<QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    return out;
}

ChartSet chart(int n, bool validated)
{
    ChartSet s;
    s.patient.mrn = QStringLiteral("MRN%1").arg(n);
    s.patient.family = QStringLiteral("Müller");
    s.patient.given = QStringLiteral("Anna");
    s.patient.birthDate = QDate(1950, 3, 4);
    s.patient.sex = QStringLiteral("F");
    s.bedKey = QStringLiteral("ICU^3^A");
    s.validated = validated;
    s.userId = QStringLiteral("nurse1");
    s.userName = QStringLiteral("Nightingale, Florence");
    s.createdMs = 1'796'472'000'000 + n * 1000;
    s.values.push_back({NumericId::Hr, 70.0 + n, 1'796'471'940'000 + n * 1000, {}, {}});
    s.values.push_back(
        {NumericId::SpO2, 97, 1'796'471'950'000 + n * 1000, 93.0, QStringLiteral("probe moved")});
    return s;
}

EhrSettings settings(const QString &queue, quint16 port, double downS = 100)
{
    EhrSettings s;
    s.link.url = MllpUrl{false, QStringLiteral("127.0.0.1"), port};
    s.link.reconnectMinS = 0.2;
    s.link.reconnectMaxS = 0.5;
    s.queuePath = queue;
    s.ackTimeoutMs = 3000;
    s.retryMs = 200;
    s.downConditionS = downS;
    return s;
}

} // namespace

class TestEhr : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void chartMessageContent();
    void deliversInOrderUntilAcknowledged();
    void linkDownCondition();
};

void TestEhr::initTestCase()
{
    if (!QFile::exists(kPython) ||
        QProcess::execute(kPython, {QStringLiteral("-c"), QStringLiteral("import hl7")}) != 0)
        QSKIP("python3-hl7 is not installed");
}

void TestEhr::chartMessageContent()
{
    ChartSet s = chart(1, true);
    s.controlId = QStringLiteral("C1");
    const std::string text = buildChartMessage(s);
    hl7::Message m;
    QVERIFY(m.parse(text).ok());
    QCOMPARE(m.header(9).raw(), std::string_view("ORU^R01^ORU_R01"));
    QCOMPARE(m.header(21).component(1), std::string_view("IHE_PCD_001"));
    const hl7::Segment pid = m.find("PID");
    QCOMPARE(pid.field(3).component(1), std::string_view("MRN1"));
    QCOMPARE(pid.field(7).raw(), std::string_view("19500304"));
    QCOMPARE(m.find("PV1").field(3).raw(), std::string_view("ICU^3^A"));
    int idx = -1;
    const hl7::Segment obx1 = m.find("OBX", 0, &idx);
    QCOMPARE(obx1.field(3).component(1), std::string_view("147842"));
    QCOMPARE(obx1.field(5).raw(), std::string_view("71"));
    QCOMPARE(obx1.field(6).component(2), std::string_view("MDC_DIM_BEAT_PER_MIN"));
    QCOMPARE(obx1.field(11).raw(), std::string_view("F"));
    QCOMPARE(obx1.field(14).raw().substr(0, 14), std::string_view("20261205115901"));
    QCOMPARE(obx1.field(16).raw(), std::string_view("nurse1^Nightingale^Florence"));
    const hl7::Segment obx2 = m.find("OBX", idx + 1, &idx);
    QCOMPARE(obx2.field(5).raw(), std::string_view("97"));
    const hl7::Segment nte = m.find("NTE", idx);
    QVERIFY(nte.valid());
    const std::string note = hl7::unescaped(nte.field(3).raw(), m.delimiters());
    QVERIFY2(note.find("from the measured 93: probe moved") != std::string::npos, note.c_str());
    // Automatic charting: R, no user.
    const std::string r = buildChartMessage(chart(2, false));
    hl7::Message mr;
    QVERIFY(mr.parse(r).ok());
    QCOMPARE(mr.find("OBX").field(11).raw(), std::string_view("R"));
    QVERIFY(mr.find("OBX").field(16).empty());
}

void TestEhr::deliversInOrderUntilAcknowledged()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("received.jsonl"));
    const QString queue = dir.filePath(QStringLiteral("a.ehr.sqlite"));
    // The EHR answers AE twice, then drops the connection once, then acknowledges.
    Receiver rx(
        out, 0,
        {QStringLiteral("--nak"), QStringLiteral("2"), QStringLiteral("--drop"), QStringLiteral("1")});
    QVERIFY(rx.port() != 0);
    QStringList ids;
    {
        EhrLink link(settings(queue, rx.port()));
        QVERIFY(link.open(nullptr));
        link.start();
        for (int i = 0; i < 5; ++i)
            ids << link.enqueue(chart(i, i % 2 == 0));
        QCOMPARE(link.depth(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(link.depth(), 0, 30000);
        QCOMPARE(link.stats().nacked, 2u);
        QCOMPARE(link.stats().acked, 5u);
    }
    auto got = received(out);
    QStringList acked;
    for (const auto &o : got)
        if (o[QStringLiteral("answer")].toString() == QLatin1String("AA"))
            acked << o[QStringLiteral("control_id")].toString();
    QCOMPARE(acked, ids); // in order, each acknowledged exactly once
    // The first message was sent until acknowledged: AE, AE, dropped, AA.
    QStringList firstAnswers;
    for (const auto &o : got)
        if (o[QStringLiteral("control_id")].toString() == ids[0])
            firstAnswers << o[QStringLiteral("answer")].toString();
    QCOMPARE(firstAnswers, (QStringList{"AE", "AE", "drop", "AA"}));
    // Nothing but the unacknowledged one was resent.
    QCOMPARE(got.size(), 5 + 3);
    // What the EHR parsed (python-hl7): patient, values, units, status, time, user.
    const QJsonObject first = got.last();
    QCOMPARE(first[QStringLiteral("mrn")].toString(), QStringLiteral("MRN4"));
    QCOMPARE(first[QStringLiteral("name")].toString(), QStringLiteral("Müller^Anna"));
    QCOMPARE(first[QStringLiteral("bed")].toString(), QStringLiteral("ICU^3^A"));
    const QJsonArray obx = first[QStringLiteral("obx")].toArray();
    QCOMPARE(obx.size(), 2);
    QCOMPARE(obx[0].toObject()[QStringLiteral("refid")].toString(), QStringLiteral("MDC_ECG_HEART_RATE"));
    QCOMPARE(obx[0].toObject()[QStringLiteral("value")].toString(), QStringLiteral("74"));
    QCOMPARE(obx[0].toObject()[QStringLiteral("unit")].toString(), QStringLiteral("MDC_DIM_BEAT_PER_MIN"));
    QCOMPARE(obx[0].toObject()[QStringLiteral("status")].toString(), QStringLiteral("F"));
    QCOMPARE(obx[0].toObject()[QStringLiteral("user")].toString(),
             QStringLiteral("nurse1^Nightingale^Florence"));
    QVERIFY(obx[0].toObject()[QStringLiteral("time")].toString().startsWith(QLatin1String("20261205115904")));
    QCOMPARE(obx[1].toObject()[QStringLiteral("unit")].toString(), QStringLiteral("MDC_DIM_PERCENT"));
    QCOMPARE(got[4][QStringLiteral("obx")].toArray()[0].toObject()[QStringLiteral("status")].toString(), "R");
    QVERIFY(first[QStringLiteral("nte")].toArray()[0].toString().contains(QStringLiteral("probe moved")));

    // Restart: a new link on the same queue sends only what was never acknowledged (here: the new one).
    {
        EhrLink link(settings(queue, rx.port()));
        QVERIFY(link.open(nullptr));
        QCOMPARE(link.depth(), 0);
        link.start();
        ids << link.enqueue(chart(9, true));
        QTRY_COMPARE_WITH_TIMEOUT(link.depth(), 0, 15000);
    }
    got = received(out);
    QCOMPARE(got.size(), 5 + 3 + 1);
    QCOMPARE(got.last()[QStringLiteral("control_id")].toString(), ids.last());
}

void TestEhr::linkDownCondition()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("received.jsonl"));
    const quint16 port = test::freePort();
    EhrLink link(settings(dir.filePath(QStringLiteral("b.ehr.sqlite")), port, 1.0));
    QVERIFY(link.open(nullptr));
    QSignalSpy down(&link, &EhrLink::linkDown);
    link.start();
    const QString id = link.enqueue(chart(1, true));
    // Nobody listens: after 1 s with a message waiting the condition rises.
    QTRY_VERIFY_WITH_TIMEOUT(!down.isEmpty() && down.last().at(0).toBool(), 5000);
    QVERIFY(down.last().at(1).toString().contains(QStringLiteral("1 charting")));
    // Queued while the link was down: survives a restart of the link (durable), then goes.
    Receiver rx(out, port);
    QVERIFY(rx.port() == port);
    QTRY_COMPARE_WITH_TIMEOUT(link.depth(), 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!down.last().at(0).toBool(), 5000);
    QCOMPARE(received(out).size(), 1);
    QCOMPARE(received(out)[0][QStringLiteral("control_id")].toString(), id);
}

QTEST_GUILESS_MAIN(TestEhr)
#include "tst_ehr.moc"
