// [cluster] redundant / lease_ms (issue 16, redundancy): read, defaulted, and refused with the key named.
#include "StationConfig.h"

#include <QTest>

using namespace vigil;

class TestClusterConfig : public QObject
{
    Q_OBJECT
private:
    static QString errorOf(const QByteArray &text)
    {
        ConfigError e;
        const auto cfg = parseStationConfig(text, QStringLiteral("t.toml"), &e);
        return cfg ? QString() : e.toString();
    }

private slots:
    void redundancyKeys()
    {
        const QByteArray servers = "[cluster]\nservers = [\"nats://127.0.0.1:4222\"]\n";
        ConfigError e;
        auto cfg = parseStationConfig(servers, QStringLiteral("t.toml"), &e);
        QVERIFY2(cfg, qPrintable(e.toString()));
        QVERIFY(!cfg->cluster.redundant);
        QCOMPARE(cfg->cluster.leaseMs, 3000);
        cfg =
            parseStationConfig(servers + "redundant = true\nlease_ms = 5000\n", QStringLiteral("t.toml"), &e);
        QVERIFY2(cfg, qPrintable(e.toString()));
        QVERIFY(cfg->cluster.redundant);
        QCOMPARE(cfg->cluster.leaseMs, 5000);

        const QString tooShort = errorOf(servers + "redundant = true\nlease_ms = 500\n");
        QVERIFY2(tooShort.contains(QLatin1String("lease_ms")), qPrintable(tooShort));
        const QString viewer = errorOf(servers + "redundant = true\npublish = false\n");
        QVERIFY2(viewer.contains(QLatin1String("redundant")), qPrintable(viewer));
    }
};

QTEST_GUILESS_MAIN(TestClusterConfig)
#include "tst_cluster_config.moc"
