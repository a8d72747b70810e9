// The active/standby lease (services/cluster/ClusterLease) on a real 3-node NATS JetStream cluster
// (natscluster.py): the first station takes the unit's lease, the second waits as standby and names the
// holder; a clean stop hands the lease over at once (the key is deleted, not left to age out: well under
// the lease time), and the station that comes back is standby. (Takeover after kill -9, where the lease
// must age out: ctest cluster_redundancy.)
#include "ClusterLease.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace vigil::cluster;

class TestClusterLease : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void standbyTakesOverOnCleanStop();

private:
    QProcess m_cluster;
    QStringList m_urls;
    std::unique_ptr<ClusterLease> lease(const QString &holder)
    {
        LeaseSettings s;
        s.servers = m_urls;
        s.key = QStringLiteral("General.ICU1");
        s.holder = holder;
        s.ttlMs = 2000;
        return std::make_unique<ClusterLease>(s);
    }
};

void TestClusterLease::initTestCase()
{
    m_cluster.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral(VIGIL_SOURCE_DIR "/tests/integration/cluster/natscluster.py")});
    QVERIFY(m_cluster.waitForStarted());
    QVERIFY(m_cluster.waitForReadyRead(45'000));
    const QString line = QString::fromUtf8(m_cluster.readLine()).trimmed();
    QVERIFY2(line.startsWith(QLatin1String("READY ")), qPrintable(line));
    m_urls = line.split(u' ').at(1).split(u',');
}

void TestClusterLease::cleanupTestCase()
{
    m_cluster.closeWriteChannel(); // the helper stops its servers
    if (!m_cluster.waitForFinished(20'000))
        m_cluster.kill();
}

void TestClusterLease::standbyTakesOverOnCleanStop()
{
    auto a = lease(QStringLiteral("A"));
    QSignalSpy aSpy(a.get(), &ClusterLease::leaseChanged);
    a->start();
    QTRY_VERIFY_WITH_TIMEOUT(!aSpy.isEmpty() && aSpy.last().at(0).toBool(), 15'000);
    QCOMPARE(aSpy.last().at(1).toString(), QStringLiteral("A"));

    auto b = lease(QStringLiteral("B"));
    QSignalSpy bSpy(b.get(), &ClusterLease::leaseChanged);
    b->start();
    QTRY_VERIFY_WITH_TIMEOUT(!bSpy.isEmpty(), 10'000);
    QCOMPARE(bSpy.last().at(0).toBool(), false);
    QCOMPARE(bSpy.last().at(1).toString(), QStringLiteral("A"));
    // A keeps renewing: after three lease times B is still standby, A still active.
    QTest::qWait(6000);
    QCOMPARE(bSpy.last().at(0).toBool(), false);
    QVERIFY(aSpy.last().at(0).toBool());

    QElapsedTimer t;
    t.start();
    a->stop();
    QTRY_VERIFY_WITH_TIMEOUT(bSpy.last().at(0).toBool(), 5'000);
    const qint64 handover = t.elapsed();
    qInfo("clean handover: %lld ms (lease 2000 ms)", handover);
    QVERIFY2(handover < 1500, qPrintable(QString::number(handover)));

    auto a2 = lease(QStringLiteral("A"));
    QSignalSpy a2Spy(a2.get(), &ClusterLease::leaseChanged);
    a2->start();
    QTRY_VERIFY_WITH_TIMEOUT(!a2Spy.isEmpty(), 10'000);
    QCOMPARE(a2Spy.last().at(0).toBool(), false);
    QCOMPARE(a2Spy.last().at(1).toString(), QStringLiteral("B"));
    a2->stop();
    b->stop();
}

QTEST_GUILESS_MAIN(TestClusterLease)
#include "tst_cluster_lease.moc"
