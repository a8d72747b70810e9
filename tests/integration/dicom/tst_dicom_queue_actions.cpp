// The biomed's actions on the station's DICOM send queue, through the model API the UI calls
// (Station.dicom = DicomState, wired by StationDicom to a real DicomQueue) against a real storescp this test
// starts: "Discard" takes an object the node refused out of the queue (row kept as 'discarded' with who and
// when, its file removed, audited, refused without the "print and export" permission); "Retry now" sends
// an object that waits at a long backoff at once. And a per-object failure status from a real node: dcmqrscp
// with a storage quota smaller than any object answers C-STORE with 0xA700 (Refused: Out of Resources);
// DicomNet::store reports that object as refused with the status, and the queue keeps it with that reason.
#include "Access.h"
#include "ArchiveReader.h"
#include "DcmtkDaemon.h"
#include "DicomFixtures.h"
#include "DicomNet.h"
#include "DicomWiring.h"
#include "DicomWriter.h"
#include "Net.h"
#include "Station.h"
#include "Ward.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::dicom;
using namespace vigil::dicomtest;

namespace {

// Signs in anybody as a biomed.
class BiomedBackend : public security::AccessBackend
{
public:
    Reply signIn(bool, const QString &id, const QByteArray &, const QString &) override
    {
        return {Outcome::Ok, id, QStringLiteral("biomed"), id, {}};
    }
    int userCount() const override { return 1; }
    QString createUser(const QString &, const QString &, const QByteArray &, const QString &,
                       const QByteArray &) override
    {
        return QStringLiteral("not here");
    }
    QStringList beginEnrolment(const QString &, QString *) override { return {}; }
    bool confirmEnrolment(const QString &, const QString &) override { return false; }
};

} // namespace

class TstDicomQueueActions : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_ecg, m_hd; // a General ECG and a Hemodynamic object
    QString m_hdUid;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    // A storescp taking General ECG only (so it refuses the hemodynamic object), or everything.
    std::unique_ptr<Daemon> storescp(quint16 port, const QString &in, bool ecgOnly)
    {
        QDir().mkpath(in);
        QStringList args;
        if (ecgOnly) {
            const QString cfg = path(QStringLiteral("ecg-only.cfg"));
            QFile f(cfg);
            if (!f.open(QIODevice::WriteOnly))
                return nullptr;
            f.write("[[TransferSyntaxes]]\n[Uncompressed]\nTransferSyntax1 = LocalEndianExplicit\n"
                    "TransferSyntax2 = LittleEndianImplicit\n[[PresentationContexts]]\n[EcgOnly]\n"
                    "PresentationContext1 = VerificationSOPClass\\Uncompressed\n"
                    "PresentationContext2 = GeneralECGWaveformStorage\\Uncompressed\n"
                    "[[Profiles]]\n[EcgOnly]\nPresentationContexts = EcgOnly\n");
            f.close();
            args << QStringLiteral("-xf") << cfg << QStringLiteral("EcgOnly");
        }
        args << QStringLiteral("-aet") << QStringLiteral("PACS") << QStringLiteral("-od") << in
             << QString::number(port);
        auto d = std::make_unique<Daemon>(QStringLiteral("storescp"), args, port);
        return d->waitListening() ? std::move(d) : nullptr;
    }

    struct Rig
    {
        std::unique_ptr<Station> station;
        std::unique_ptr<DicomQueue> queue;
        std::unique_ptr<StationDicom> wiring;
        std::vector<security::AuditEntry> audit;
        DicomState *dicom() const { return station->dicomState(); }
        ~Rig()
        {
            if (queue)
                queue->stop();
            wiring.reset(); // waits for its pool
            queue.reset();
        }
    };
    // The station's DICOM link as app/StationApp wires it, to the node on `port`.
    bool makeRig(Rig &rig, quint16 port, const QString &queueDir, double retryInitialS, double retryMaxS)
    {
        rig.station = std::make_unique<Station>(QStringLiteral("S"), QStringLiteral("W"), DisplaySettings{},
                                                std::make_unique<Ward>());
        rig.station->access()->setAuditSink(
            [&rig](const security::AuditEntry &e) { rig.audit.push_back(e); });
        DicomConfig c;
        c.enabled = true;
        c.calledAe = QStringLiteral("PACS");
        c.host = QStringLiteral("127.0.0.1");
        c.port = port;
        c.retryInitialS = retryInitialS;
        c.retryMaxS = retryMaxS;
        c.unreachableConditionS = 600;
        c.queueDir = queueDir;
        QString error;
        rig.queue = openDicomQueue(c, path(QStringLiteral("ward.sqlite")), rig.station.get(), &error);
        if (!rig.queue) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        rig.wiring = std::make_unique<StationDicom>(c, rig.station.get(), rig.queue.get(), nullptr, nullptr,
                                                    path(QStringLiteral("ward.sqlite")), 10);
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("storescp")).isEmpty())
            QSKIP("DCMTK tools missing (scripts/install-deps.sh installs dcmtk)");
        QString error;
        {
            auto a = archive::Archive::open(path(QStringLiteral("ward.sqlite")), archiveOptions(), &error);
            QVERIFY2(a, qPrintable(error));
            SyntheticOptions so;
            so.seconds = 5;
            QVERIFY(buildSynthetic(*a, so));
        }
        auto r = archive::ArchiveReader::open(path(QStringLiteral("ward.sqlite")), &error);
        QVERIFY2(r, qPrintable(error));
        const auto bed = r->findBed(QStringLiteral("bed1"), &error);
        QVERIFY(bed);
        WriteResult res;
        m_ecg = path(QStringLiteral("ecg.dcm"));
        m_hd = path(QStringLiteral("hd.dcm"));
        const qint64 t0 = kT0Ms * 1000;
        QVERIFY2(writeWaveform(*r, *bed, t0, t0 + 2'000'000, WaveType::Ecg, {}, m_ecg, &res, &error),
                 qPrintable(error));
        QVERIFY2(writeWaveform(*r, *bed, t0, t0 + 2'000'000, WaveType::Hemodynamic, {}, m_hd, &res, &error),
                 qPrintable(error));
        m_hdUid = res.sopInstanceUid;
        QVERIFY(!m_hdUid.isEmpty());
    }

    // The node refuses the hemodynamic object: it waits with the node's reason, listed for the discard
    // button. Without the permission the discard is refused (and audited); a biomed's discard takes it
    // out: the row stays as 'discarded' with who and when, the queued file is gone, the audit has it.
    void discardRefusedObject()
    {
        const quint16 port = test::freePort();
        auto scp = storescp(port, path(QStringLiteral("in-discard")), true);
        QVERIFY(scp);
        Rig rig;
        const QString queueDir = path(QStringLiteral("queue-discard"));
        QVERIFY(makeRig(rig, port, queueDir, 0.2, 600)); // a refused object waits 10 min
        QString error;
        QVERIFY2(rig.queue->enqueue(m_ecg, &error), qPrintable(error));
        QVERIFY2(rig.queue->enqueue(m_hd, &error), qPrintable(error));
        const QString queued = QDir(queueDir).filePath(QStringLiteral("objects/%1.dcm").arg(m_hdUid));
        QVERIFY(QFile::exists(queued));
        rig.queue->start();
        QTRY_COMPARE_WITH_TIMEOUT(rig.dicom()->refusedObjects().size(), 1, 8000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.dicom()->pending(), 1, 5000); // the ECG went
        const QVariantMap obj = rig.dicom()->refusedObjects().front().toMap();
        QCOMPARE(obj.value(QStringLiteral("uid")).toString(), m_hdUid);
        QCOMPARE(obj.value(QStringLiteral("name")).toString(), QStringLiteral("hd"));
        QVERIFY2(
            obj.value(QStringLiteral("reason")).toString().contains(QLatin1String("presentation context")),
            qPrintable(obj.value(QStringLiteral("reason")).toString()));

        // Enforcing, nobody signed in: refused with the reason, audited as a refusal, nothing changes.
        security::Access *access = rig.station->access();
        access->setBackend(std::make_unique<BiomedBackend>());
        access->setEnforcing(true);
        const QString why = rig.dicom()->discard(m_hdUid);
        QVERIFY2(why.contains(QLatin1String("print and export")), qPrintable(why));
        QVERIFY(!rig.audit.empty());
        QCOMPARE(rig.audit.back().action, QStringLiteral("refused"));
        QTest::qWait(200);
        QCOMPARE(rig.queue->pendingCount(), 1);
        QVERIFY(QFile::exists(queued));

        // Not an object the node refused: nothing to discard.
        QVERIFY(!rig.dicom()->discard(QStringLiteral("1.2.3.4")).isEmpty());

        access->signIn(QStringLiteral("bio"), QStringLiteral("pw"));
        QTRY_VERIFY_WITH_TIMEOUT(access->signedIn(), 5000);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(rig.dicom()->discard(m_hdUid), QString());
        QTRY_VERIFY_WITH_TIMEOUT(rig.dicom()->refusedObjects().isEmpty(), 5000);
        QCOMPARE(rig.dicom()->pending(), 0);
        QVERIFY2(rig.dicom()->lastResult().contains(QLatin1String("Discarded hd")),
                 qPrintable(rig.dicom()->lastResult()));
        QVERIFY(rig.dicom()->refused().isEmpty());
        QCOMPARE(rig.queue->pendingCount(), 0);
        QVERIFY(!QFile::exists(queued));
        bool found = false;
        for (const QueueItem &it : rig.queue->items()) {
            if (it.sopInstanceUid != m_hdUid)
                continue;
            found = true;
            QCOMPARE(it.state, QStringLiteral("discarded"));
            QCOMPARE(it.discardedBy, QStringLiteral("bio"));
            QVERIFY(it.discardedMs >= before && it.discardedMs <= QDateTime::currentMSecsSinceEpoch());
            QVERIFY(it.refusedReason.contains(QLatin1String("presentation context")));
        }
        QVERIFY(found);
        const auto audited =
            std::find_if(rig.audit.begin(), rig.audit.end(), [](const security::AuditEntry &e) {
                return e.action == QLatin1String("dicom_discard");
            });
        QVERIFY(audited != rig.audit.end());
        QCOMPARE(audited->user, QStringLiteral("bio"));
        QCOMPARE(audited->role, QStringLiteral("biomed"));
        QCOMPARE(audited->target, QStringLiteral("hd"));
        QVERIFY2(audited->details.contains(m_hdUid), qPrintable(audited->details));
        // The queue does not take it back, nor send it again.
        bool dup = false;
        QVERIFY(rig.queue->enqueue(m_hd, &error, &dup));
        QVERIFY(dup);
        // A second discard of the same object: refused, it is no longer waiting.
        QVERIFY(!rig.dicom()->discard(m_hdUid).isEmpty());
        QString qerr;
        QVERIFY(!rig.queue->discard(m_hdUid, QStringLiteral("bio"), &qerr));
        QVERIFY2(qerr.contains(QLatin1String("discarded")), qPrintable(qerr));
    }

    void refusedWithFailureStatus()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dcmqrscp")).isEmpty())
            QSKIP("dcmqrscp missing (scripts/install-deps.sh installs dcmtk)");
        const quint16 port = test::freePort();
        const QString db = path(QStringLiteral("qrdb"));
        QDir().mkpath(db);
        QFile cfg(path(QStringLiteral("quota.cfg")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        // One study of at most 1 kB: every waveform object is larger, so each C-STORE fails for want of room.
        cfg.write(
            QStringLiteral(
                "NetworkTCPPort = %1\nMaxPDUSize = 16384\nMaxAssociations = 4\nHostTable BEGIN\nHostTable "
                "END\n"
                "VendorTable BEGIN\nVendorTable END\nAETable BEGIN\nPACS %2 RW (1, 1kb) ANY\nAETable END\n")
                .arg(port)
                .arg(db)
                .toUtf8());
        cfg.close();
        Daemon d(QStringLiteral("dcmqrscp"), {QStringLiteral("-c"), cfg.fileName(), QString::number(port)},
                 port);
        QVERIFY2(d.waitListening(), qPrintable(d.output()));
        Peer p;
        p.calledAe = QStringLiteral("PACS");
        p.host = QStringLiteral("127.0.0.1");
        p.port = port;
        std::vector<NetResult> per;
        const NetResult s = store(p, {m_ecg}, &per);
        QVERIFY2(s.outcome == Outcome::Ok, qPrintable(s.reason)); // the association worked
        QCOMPARE(per.size(), std::size_t(1));
        QCOMPARE(per[0].outcome, Outcome::Refused);
        QCOMPARE(per[0].status & 0xFF00, 0xA700);
        QVERIFY2(per[0].reason.contains(QLatin1String("status 0xA700 Refused: out of resources")),
                 qPrintable(per[0].reason));

        // Through the queue and the station's state: kept, with the node's status as the reason.
        Rig rig;
        QVERIFY(makeRig(rig, port, path(QStringLiteral("queue-quota")), 0.2, 600));
        QString error;
        QVERIFY2(rig.queue->enqueue(m_ecg, &error), qPrintable(error));
        rig.queue->start();
        QTRY_COMPARE_WITH_TIMEOUT(rig.dicom()->refusedObjects().size(), 1, 8000);
        const QString reason =
            rig.dicom()->refusedObjects().front().toMap().value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QLatin1String("status 0xA700 Refused: out of resources")),
                 qPrintable(reason));
        QCOMPARE(rig.queue->pendingCount(), 1);
        const QueueItem it = rig.queue->items().front();
        QCOMPARE(it.state, QStringLiteral("pending"));
        QCOMPARE(it.refusedReason, reason);
        QVERIFY(!rig.queue->conditionActive()); // the node answered: not "unreachable"
        QVERIFY(QDir(db).entryList({QStringLiteral("*.dcm"), QStringLiteral("WV*")}, QDir::Files).isEmpty());
    }

    // The node is down: the object waits at a 10 min backoff. The node comes back: nothing goes until
    // "Retry now", then it goes at once.
    void retryNowSendsAtOnce()
    {
        const quint16 port = test::freePort(); // nobody listens yet
        Rig rig;
        QVERIFY(makeRig(rig, port, path(QStringLiteral("queue-retry")), 600, 600));
        QString error;
        QVERIFY2(rig.queue->enqueue(m_ecg, &error), qPrintable(error));
        rig.queue->start();
        QTRY_VERIFY_WITH_TIMEOUT(!rig.queue->items().empty() && rig.queue->items().front().attempts == 1,
                                 8000);
        QCOMPARE(rig.queue->pendingCount(), 1);
        const QString in = path(QStringLiteral("in-retry"));
        auto scp = storescp(port, in, false);
        QVERIFY(scp);
        QTest::qWait(1500); // backoff: nothing goes by itself
        QCOMPARE(rig.queue->pendingCount(), 1);
        QCOMPARE(QDir(in).entryList(QDir::Files).size(), 0);
        QElapsedTimer t;
        t.start();
        QCOMPARE(rig.dicom()->retryNow(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(rig.queue->pendingCount(), 0, 5000);
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(QDir(in).entryList(QDir::Files).size(), 1, 3000);
        QCOMPARE(rig.queue->items().front().state, QStringLiteral("sent"));
        QTRY_COMPARE_WITH_TIMEOUT(rig.dicom()->pending(), 0, 3000);
        QVERIFY(std::any_of(rig.audit.begin(), rig.audit.end(), [](const security::AuditEntry &e) {
            return e.action == QLatin1String("dicom_retry");
        }));
    }
};

QTEST_MAIN(TstDicomQueueActions)
#include "tst_dicom_queue_actions.moc"
