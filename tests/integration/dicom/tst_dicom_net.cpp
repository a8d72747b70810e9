// C-ECHO / C-STORE against real DCMTK peers: objects arrive equal; TLS with certificates made here; wrong
// CA, plaintext to a TLS port and an unknown called AE title fail with a clear reason; the
// store-and-forward queue raises its condition while the peer is down and delivers exactly once when it
// is back, also across a restart of the queue; the `vigil dicom` command line end to end.
#include "ArchiveReader.h"
#include "DcmtkDaemon.h"
#include "DicomFixtures.h"
#include "DicomNet.h"
#include "DicomQueue.h"
#include "DicomReader.h"
#include "DicomWriter.h"
#include "Net.h"
#include "SharedData.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace vigil;
using namespace vigil::dicom;
using namespace vigil::dicomtest;

namespace {

bool sameDataset(const QString &a, const QString &b, QString *why)
{
    const Run r = run(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import pydicom,sys; a=pydicom.dcmread(sys.argv[1]); b=pydicom.dcmread(sys.argv[2]); "
                        "print('equal' if a == b else 'different')"),
         a, b});
    *why = r.out;
    return r.code == 0 && r.out.trimmed() == QLatin1String("equal");
}

template <class F> bool waitFor(F f, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!f()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(50);
    }
    return true;
}

} // namespace

class TstDicomNet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void echoAndStore();
    void tls();
    void tlsWrongCa();
    void plaintextToTlsPort();
    void unknownCalledAe();
    void mixedAssociation();
    void unreachable();
    void queueOutageAndRestart();
    void commandLine();

private:
    QString path(const QString &name) const { return m_tmp.filePath(name); }
    std::unique_ptr<Daemon> storescp(quint16 port, const QString &outDir, const QStringList &extra = {});
    Peer peer(quint16 port) const;

    QTemporaryDir m_tmp;
    QStringList m_objects;
    QString m_archive;
};

void TstDicomNet::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    for (const char *tool : {"storescp", "dcmqrscp", "openssl", "dciodvfy"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(), tool);
    m_archive = path(QStringLiteral("ward.sqlite"));
    {
        QString error;
        auto a = archive::Archive::open(m_archive, archiveOptions(), &error);
        QVERIFY2(a, qPrintable(error));
        QVERIFY(buildSynthetic(*a, SyntheticOptions{}));
    }
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    QVERIFY(r);
    const auto bed = r->findBed(QStringLiteral("bed1"), &error);
    QVERIFY(bed);
    const qint64 t0 = kT0Ms * 1000;
    WriteResult res;
    for (const auto &[name, type, from] :
         {std::tuple{"ecg1.dcm", WaveType::Ecg, 0}, std::tuple{"ecg2.dcm", WaveType::Ecg, 4},
          std::tuple{"hd.dcm", WaveType::Hemodynamic, 0}}) {
        const QString out = path(QString::fromLatin1(name));
        QVERIFY2(writeWaveform(*r, *bed, t0 + from * 1'000'000LL, t0 + (from + 4) * 1'000'000LL, type, {},
                               out, &res, &error),
                 qPrintable(error));
        m_objects << out;
    }
    // TLS material: a CA, a server and a client certificate it signed, and an unrelated CA.
    const QString script = QStringLiteral(
        "set -e; cd '%1';"
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj '/CN=Vigil test "
        "CA';"
        "for n in server client; do "
        "openssl req -newkey rsa:2048 -nodes -keyout $n.key -out $n.csr -subj '/CN=localhost';"
        "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\n' > $n.ext;"
        "openssl x509 -req -in $n.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out $n.crt -days 2 -extfile "
        "$n.ext;"
        "done;"
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.crt -days 2 -subj '/CN=Other "
        "CA'");
    const Run gen = run(QStringLiteral("bash"), {QStringLiteral("-c"), script.arg(m_tmp.path())});
    QVERIFY2(gen.code == 0, qPrintable(gen.out));
}

std::unique_ptr<Daemon> TstDicomNet::storescp(quint16 port, const QString &outDir, const QStringList &extra)
{
    QDir().mkpath(outDir);
    QStringList args{QStringLiteral("-v"), QStringLiteral("-aet"), QStringLiteral("PACS"),
                     QStringLiteral("-od"), outDir};
    args << extra << QString::number(port);
    auto d = std::make_unique<Daemon>(QStringLiteral("storescp"), args, port);
    if (!d->waitListening())
        qWarning("storescp did not start: %s", qPrintable(d->output()));
    return d;
}

Peer TstDicomNet::peer(quint16 port) const
{
    Peer p;
    p.calledAe = QStringLiteral("PACS");
    p.host = QStringLiteral("127.0.0.1");
    p.port = port;
    p.connectTimeoutS = 5;
    p.dimseTimeoutS = 10;
    return p;
}

void TstDicomNet::echoAndStore()
{
    const quint16 port = test::freePort();
    const QString in = path(QStringLiteral("in-plain"));
    auto d = storescp(port, in);
    const NetResult e = echo(peer(port));
    QVERIFY2(e.outcome == Outcome::Ok, qPrintable(e.reason));
    std::vector<NetResult> per;
    const NetResult s = store(peer(port), m_objects, &per);
    QVERIFY2(s.outcome == Outcome::Ok, qPrintable(s.reason));
    QCOMPARE(per.size(), std::size_t(m_objects.size()));
    for (std::size_t i = 0; i < per.size(); ++i) {
        QVERIFY2(per[i].outcome == Outcome::Ok, qPrintable(per[i].reason));
        const QStringList got =
            QDir(in).entryList({QStringLiteral("*") + per[i].sopInstanceUid}, QDir::Files);
        QCOMPARE(got.size(), 1);
        QString why;
        QVERIFY2(sameDataset(m_objects[qsizetype(i)], QDir(in).filePath(got.front()), &why), qPrintable(why));
    }
}

void TstDicomNet::tls()
{
    const quint16 port = test::freePort();
    const QString in = path(QStringLiteral("in-tls"));
    auto d =
        storescp(port, in,
                 {QStringLiteral("+tls"), path(QStringLiteral("server.key")),
                  path(QStringLiteral("server.crt")), QStringLiteral("+cf"), path(QStringLiteral("ca.crt"))});
    Peer p = peer(port);
    p.tls.enabled = true;
    p.tls.caFile = path(QStringLiteral("ca.crt"));
    p.tls.certFile = path(QStringLiteral("client.crt"));
    p.tls.keyFile = path(QStringLiteral("client.key"));
    const NetResult e = echo(p);
    QVERIFY2(e.outcome == Outcome::Ok, qPrintable(e.reason));
    std::vector<NetResult> per;
    const NetResult s = store(p, {m_objects.front()}, &per);
    QVERIFY2(s.outcome == Outcome::Ok && per[0].outcome == Outcome::Ok, qPrintable(s.reason + per[0].reason));
    const QStringList got = QDir(in).entryList({QStringLiteral("*") + per[0].sopInstanceUid}, QDir::Files);
    QCOMPARE(got.size(), 1);
    QString why;
    QVERIFY2(sameDataset(m_objects.front(), QDir(in).filePath(got.front()), &why), qPrintable(why));
}

void TstDicomNet::tlsWrongCa()
{
    const quint16 port = test::freePort();
    auto d =
        storescp(port, path(QStringLiteral("in-tls2")),
                 {QStringLiteral("+tls"), path(QStringLiteral("server.key")),
                  path(QStringLiteral("server.crt")), QStringLiteral("+cf"), path(QStringLiteral("ca.crt"))});
    Peer p = peer(port);
    p.tls.enabled = true;
    p.tls.caFile = path(QStringLiteral("other.crt")); // not the CA that signed the server
    p.tls.certFile = path(QStringLiteral("client.crt"));
    p.tls.keyFile = path(QStringLiteral("client.key"));
    const NetResult e = echo(p);
    QCOMPARE(e.outcome, Outcome::Unreachable);
    QVERIFY2(e.reason.contains(QLatin1String("certificate verify failed")), qPrintable(e.reason));
}

void TstDicomNet::plaintextToTlsPort()
{
    const quint16 port = test::freePort();
    auto d =
        storescp(port, path(QStringLiteral("in-tls3")),
                 {QStringLiteral("+tls"), path(QStringLiteral("server.key")),
                  path(QStringLiteral("server.crt")), QStringLiteral("+cf"), path(QStringLiteral("ca.crt"))});
    QElapsedTimer t;
    t.start();
    const NetResult e = echo(peer(port));
    QCOMPARE(e.outcome, Outcome::Unreachable);
    QVERIFY2(e.reason.contains(QLatin1String("TLS-only port")), qPrintable(e.reason));
    QVERIFY(t.elapsed() < 8000);
}

void TstDicomNet::unknownCalledAe()
{
    // storescp accepts any called AE title; dcmqrscp checks it against its AE table.
    const quint16 port = test::freePort();
    QDir().mkpath(path(QStringLiteral("qrdb")));
    QFile cfg(path(QStringLiteral("qr.cfg")));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(
        QStringLiteral(
            "NetworkTCPPort = %1\nMaxPDUSize = 16384\nMaxAssociations = 4\nHostTable BEGIN\nHostTable END\n"
            "VendorTable BEGIN\nVendorTable END\nAETable BEGIN\nPACS %2 RW (20, 64mb) ANY\nAETable END\n")
            .arg(port)
            .arg(path(QStringLiteral("qrdb")))
            .toUtf8());
    cfg.close();
    // (forks per association: in --single-process mode it exits after the first one)
    Daemon d(QStringLiteral("dcmqrscp"), {QStringLiteral("-c"), cfg.fileName(), QString::number(port)}, port);
    QVERIFY2(d.waitListening(), qPrintable(d.output()));
    Peer p = peer(port);
    QVERIFY2(echo(p).outcome == Outcome::Ok, "dcmqrscp does not answer its own AE title");
    p.calledAe = QStringLiteral("NOSUCHAE");
    const NetResult e = echo(p);
    QVERIFY2(e.outcome == Outcome::Rejected, qPrintable(e.reason));
    QVERIFY2(e.reason.contains(QLatin1String("Called AE Title Not Recognized"), Qt::CaseInsensitive),
             qPrintable(e.reason));
    std::vector<NetResult> per;
    const NetResult s = store(p, {m_objects.front()}, &per);
    QCOMPARE(s.outcome, Outcome::Rejected);
    QCOMPARE(per[0].outcome, Outcome::Rejected);
}

// One association, a node that takes General ECG only: the ECG objects arrive, the hemodynamic one is
// refused on its own with the node's reason, and the association as a whole counts as working.
void TstDicomNet::mixedAssociation()
{
    const quint16 port = test::freePort();
    const QString in = path(QStringLiteral("in-ecg-only"));
    const QString cfg = path(QStringLiteral("ecg-only.cfg"));
    QFile f(cfg);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[[TransferSyntaxes]]\n[Uncompressed]\nTransferSyntax1 = LocalEndianExplicit\n"
            "TransferSyntax2 = LittleEndianImplicit\n"
            "[[PresentationContexts]]\n[EcgOnly]\nPresentationContext1 = VerificationSOPClass\\Uncompressed\n"
            "PresentationContext2 = GeneralECGWaveformStorage\\Uncompressed\n"
            "[[Profiles]]\n[EcgOnly]\nPresentationContexts = EcgOnly\n");
    f.close();
    auto d = storescp(port, in, {QStringLiteral("-xf"), cfg, QStringLiteral("EcgOnly")});
    std::vector<NetResult> per;
    const NetResult s = store(peer(port), m_objects, &per); // ecg1, ecg2, hd
    QVERIFY2(s.outcome == Outcome::Ok, qPrintable(s.reason));
    QVERIFY(!s.noAcceptedClass);
    QCOMPARE(per.size(), std::size_t(3));
    QVERIFY2(per[0].outcome == Outcome::Ok, qPrintable(per[0].reason));
    QVERIFY2(per[1].outcome == Outcome::Ok, qPrintable(per[1].reason));
    QCOMPARE(per[2].outcome, Outcome::Refused);
    QVERIFY2(per[2].reason.contains(QLatin1String("does not accept SOP class 1.2.840.10008.5.1.4.1.1.9.2.1 "
                                                  "(presentation context rejected)")),
             qPrintable(per[2].reason));
    QCOMPARE(QDir(in).entryList(QDir::Files).size(), 2);
}

void TstDicomNet::unreachable()
{
    const quint16 port = test::freePort(); // nobody listens
    const NetResult e = echo(peer(port));
    QCOMPARE(e.outcome, Outcome::Unreachable);
    QVERIFY2(e.reason.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(e.reason));
    Peer bad;
    QString error;
    QVERIFY(!parsePeer(QStringLiteral("PACS@host"), &bad, &error));
    QVERIFY(!parsePeer(QStringLiteral("THIS_AE_IS_TOO_LONG@h:104"), &bad, &error));
    QVERIFY(parsePeer(QStringLiteral("PACS@[::1]:11112"), &bad, &error));
    QCOMPARE(bad.host, QStringLiteral("::1"));
}

void TstDicomNet::queueOutageAndRestart()
{
    const quint16 port = test::freePort();
    const QString in = path(QStringLiteral("in-queue"));
    QueueOptions o;
    o.peer = peer(port);
    o.peer.connectTimeoutS = 2;
    o.directory = path(QStringLiteral("queue"));
    o.retryInitialS = 0.2;
    o.retryMaxS = 0.5;
    o.unreachableConditionS = 1.0;
    std::atomic<int> conditionOn{0}, conditionOff{0};
    QString error;
    {
        auto q = DicomQueue::open(o, &error);
        QVERIFY2(q, qPrintable(error));
        q->onCondition = [&](bool on, const QString &) { (on ? conditionOn : conditionOff)++; };
        QStringList log;
        q->onLog = [&](const QString &) {};
        for (const QString &f : m_objects.mid(0, 2))
            QVERIFY2(q->enqueue(f, &error), qPrintable(error));
        bool dup = false;
        QVERIFY(q->enqueue(m_objects.front(), &error, &dup));
        QVERIFY(dup); // the same SOP instance is queued once
        q->start();
        // The node is down: the objects wait, and after 1 s the condition is raised with the reason.
        QVERIFY(waitFor([&] { return conditionOn.load() == 1; }, 8000));
        QCOMPARE(q->pendingCount(), 2);
        QVERIFY2(q->lastReason().contains(QLatin1String("refused"), Qt::CaseInsensitive),
                 qPrintable(q->lastReason()));
        for (const QueueItem &it : q->items())
            QVERIFY(it.attempts >= 1 && !it.lastError.isEmpty());
        // The node comes back: both delivered, the condition clears.
        auto d = storescp(port, in);
        QVERIFY(waitFor([&] { return q->pendingCount() == 0; }, 10000));
        QVERIFY(waitFor([&] { return conditionOff.load() == 1; }, 2000));
        QVERIFY(!q->conditionActive());
        for (const QueueItem &it : q->items())
            QCOMPARE(it.state, QStringLiteral("sent"));
        q->stop();
        QTest::qWait(200);
        QCOMPARE(d->output().count(QLatin1String("Received Store Request")), 2);
        d->stop();
    }
    // A restart of the station (a new queue on the same folder) sends nothing again.
    auto d = storescp(port, path(QStringLiteral("in-queue2")));
    {
        auto q = DicomQueue::open(o, &error);
        QVERIFY2(q, qPrintable(error));
        QCOMPARE(q->pendingCount(), 0);
        bool dup = false;
        QVERIFY(q->enqueue(m_objects[0], &error, &dup));
        QVERIFY(dup); // already sent: not queued again
        QVERIFY(q->enqueue(m_objects[2], &error, &dup));
        QVERIFY(!dup);
        q->start();
        QVERIFY(waitFor([&] { return q->pendingCount() == 0; }, 10000));
        q->stop();
    }
    QTest::qWait(200);
    QCOMPARE(d->output().count(QLatin1String("Received Store Request")), 1); // only the new one
}

void TstDicomNet::commandLine()
{
    const QString vigil = QStringLiteral(VIGIL_BINARY);
    const QString out = path(QStringLiteral("cli.dcm"));
    Run r = run(vigil, {QStringLiteral("dicom"), QStringLiteral("export"), QStringLiteral("--archive"),
                        m_archive, QStringLiteral("--bed"), QStringLiteral("Bed 1"), QStringLiteral("--from"),
                        QString::number(kT0Ms), QStringLiteral("--to"), QString::number(kT0Ms + 5000),
                        QStringLiteral("--type"), QStringLiteral("ecg"), QStringLiteral("--out"), out});
    QVERIFY2(r.code == 0, qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("General ECG, 4 channels, 2500 samples")), qPrintable(r.out));
    QVERIFY(dciodvfyLines(out, QStringLiteral("Error")).isEmpty());
    r = run(vigil, {QStringLiteral("dicom"), QStringLiteral("show"), out});
    QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("4 channels x 2500 samples at 500 Hz")),
             qPrintable(r.out));
    r = run(vigil, {QStringLiteral("dicom"), QStringLiteral("import"), out, QStringLiteral("--archive"),
                    path(QStringLiteral("imported.sqlite"))});
    QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("imported 4 channels (10000 samples)")),
             qPrintable(r.out));
    r = run(vigil,
            {QStringLiteral("dicom"), QStringLiteral("export"), QStringLiteral("--archive"), m_archive});
    QCOMPARE(r.code, 2);
    r = run(vigil, {QStringLiteral("dicom"), QStringLiteral("show"), m_archive});
    QCOMPARE(r.code, 3);
    const quint16 port = test::freePort();
    r = run(vigil,
            {QStringLiteral("dicom"), QStringLiteral("echo"), QStringLiteral("PACS@127.0.0.1:%1").arg(port)});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QLatin1String("Connection refused")), qPrintable(r.out));
    const QString in = path(QStringLiteral("in-cli"));
    auto d = storescp(port, in);
    r = run(vigil,
            {QStringLiteral("dicom"), QStringLiteral("echo"), QStringLiteral("PACS@127.0.0.1:%1").arg(port)});
    QVERIFY2(r.code == 0, qPrintable(r.out));
    r = run(vigil, {QStringLiteral("dicom"), QStringLiteral("send"), out, QStringLiteral("--to"),
                    QStringLiteral("PACS@127.0.0.1:%1").arg(port)});
    QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("1 of 1 sent")), qPrintable(r.out));
}

VIGIL_TEST_GUILESS_MAIN(TstDicomNet)

#include "tst_dicom_net.moc"
