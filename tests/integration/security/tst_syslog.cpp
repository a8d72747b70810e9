// Audit forwarding to syslog over TLS (issue 12, part 4): a small python TLS receiver on a free loopback
// port with a certificate made for the test; the forwarder's records arrive octet-counted (RFC 5425) as
// RFC 5424 messages carrying seq, user, role, target and the chain hash; a wrong CA sends nothing.
#include "AuditLog.h"
#include "SyslogForwarder.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::security;

class TestSyslog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_cert, m_key, m_otherCa;

    bool makeCert(const QString &cert, const QString &key)
    {
        QProcess p;
        p.start(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                 QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                 QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                 QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        return p.waitForFinished(60000) && p.exitCode() == 0;
    }

    struct Listener
    {
        QProcess proc;
        quint16 port = 0;
    };
    bool startListener(Listener &l, const QString &out)
    {
        l.proc.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(VIGIL_SOURCE_DIR "/tests/integration/security/syslog_listener.py"),
                      m_cert, m_key, out});
        if (!l.proc.waitForReadyRead(15000))
            return false;
        l.port = quint16(l.proc.readLine().trimmed().toUInt());
        return l.port != 0;
    }
    static void stop(Listener &l)
    {
        l.proc.closeWriteChannel();
        if (!l.proc.waitForFinished(5000))
            l.proc.kill();
        l.proc.waitForFinished(2000);
    }

    static AuditRecord rec(int seq, const QString &details)
    {
        AuditRecord r;
        r.seq = seq;
        r.timeMs = 1'765'000'000'000 + seq;
        r.station = QStringLiteral("central-1");
        r.user = QStringLiteral("nina");
        r.role = QStringLiteral("nurse");
        r.action = QStringLiteral("limit_change");
        r.target = QStringLiteral("bed \"3\"");
        r.details = details;
        r.prevHash = QByteArray(32, '\0');
        r.hash = auditRecordHash(r);
        return r;
    }

private slots:
    void initTestCase()
    {
        m_cert = m_dir.filePath(QStringLiteral("rx.pem"));
        m_key = m_dir.filePath(QStringLiteral("rx.key"));
        m_otherCa = m_dir.filePath(QStringLiteral("other.pem"));
        QVERIFY(makeCert(m_cert, m_key));
        QVERIFY(makeCert(m_otherCa, m_dir.filePath(QStringLiteral("other.key"))));
    }

    void recordsArriveAsRfc5424OverTls()
    {
        const QString out = m_dir.filePath(QStringLiteral("received.bin"));
        Listener l;
        QVERIFY(startListener(l, out));
        {
            SyslogForwarder fw(
                {QStringLiteral("127.0.0.1"), l.port, m_cert, QStringLiteral("localhost"), {}});
            fw.start();
            for (int i = 1; i <= 3; ++i)
                fw.enqueue(rec(i, QStringLiteral("HR %1 45..125 ü").arg(i)));
            QTRY_COMPARE_WITH_TIMEOUT(fw.sent(), qint64(3), 15000);
            QCOMPARE(fw.state(), QStringLiteral("connected"));
            auto received = [&out] {
                QFile in(out);
                return in.open(QIODevice::ReadOnly) ? in.readAll().count("limit_change") : 0;
            };
            QTRY_COMPARE_WITH_TIMEOUT(received(), 3, 10000);
        }
        stop(l);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray data = f.readAll();
        // RFC 5425: MSG-LEN SP SYSLOG-MSG, repeated.
        QList<QByteArray> messages;
        while (!data.isEmpty()) {
            const int sp = int(data.indexOf(' '));
            QVERIFY(sp > 0);
            bool ok = false;
            const int len = data.left(sp).toInt(&ok);
            QVERIFY(ok && len > 0 && data.size() >= sp + 1 + len);
            messages << data.mid(sp + 1, len);
            data = data.mid(sp + 1 + len);
        }
        QCOMPARE(messages.size(), 3);
        // RFC 5424: <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD [SP MSG]
        static const QRegularExpression re(QStringLiteral(
            R"re(^<110>1 (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (\S+) vigil (\d+) limit_change )re"
            R"re(\[vigil@32473 seq="(\d+)" station="central-1" user="nina" role="nurse" target="bed \\"3\\"" )re"
            R"re(hash="([0-9a-f]{64})"\] \x{FEFF}HR (\d) 45\.\.125 ü$)re"));
        for (int i = 0; i < 3; ++i) {
            const QString m = QString::fromUtf8(messages[i]);
            const auto match = re.match(m);
            QVERIFY2(match.hasMatch(), qPrintable(m));
            QCOMPARE(match.captured(4).toInt(), i + 1);
            QCOMPARE(match.captured(6).toInt(), i + 1);
            QCOMPARE(
                match.captured(5),
                QString::fromLatin1(rec(i + 1, QStringLiteral("HR %1 45..125 ü").arg(i + 1)).hash.toHex()));
            QCOMPARE(match.captured(1), QStringLiteral("2025-12-06T05:46:40.00%1Z").arg(i + 1));
        }
    }

    void wrongCaSendsNothing()
    {
        const QString out = m_dir.filePath(QStringLiteral("received-wrong.bin"));
        Listener l;
        QVERIFY(startListener(l, out));
        {
            SyslogForwarder fw(
                {QStringLiteral("127.0.0.1"), l.port, m_otherCa, QStringLiteral("localhost"), {}});
            fw.start();
            fw.enqueue(rec(1, QStringLiteral("secret-free text")));
            QTest::qWait(1500);
            QCOMPARE(fw.sent(), qint64(0));
            QVERIFY(fw.state() != QLatin1String("connected"));
        }
        stop(l);
        QVERIFY(!QFile::exists(out) || QFile(out).size() == 0);
    }
};

QTEST_GUILESS_MAIN(TestSyslog)
#include "tst_syslog.moc"
