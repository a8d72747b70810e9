// [cluster]: servers, TLS, hospital and unit names, watched units and beds (ClusterConfig.h).
#include "ClusterConfig.h"

#include "ConfigDocument.h"

namespace vigil {

void readCluster(ConfigSection &s, ClusterConfig &c)
{
    s.allowOnly({QStringLiteral("servers"), QStringLiteral("hospital"), QStringLiteral("unit"),
                 QStringLiteral("watch"), QStringLiteral("publish"), QStringLiteral("tls_ca"),
                 QStringLiteral("tls_cert"), QStringLiteral("tls_key"), QStringLiteral("replicas"),
                 QStringLiteral("batch_ms"), QStringLiteral("redundant"), QStringLiteral("lease_ms")});
    s.read(QStringLiteral("servers"), c.servers, QStringLiteral("server URL"));
    s.read(QStringLiteral("hospital"), c.hospital);
    s.read(QStringLiteral("unit"), c.unit);
    s.read(QStringLiteral("watch"), c.watch, QStringLiteral("unit or unit/bed"));
    s.read(QStringLiteral("publish"), c.publish);
    s.read(QStringLiteral("tls_ca"), c.tlsCa);
    s.read(QStringLiteral("tls_cert"), c.tlsCert);
    s.read(QStringLiteral("tls_key"), c.tlsKey);
    s.read(QStringLiteral("replicas"), c.replicas, 1, 5);
    s.read(QStringLiteral("batch_ms"), c.batchMs, 20, 5000);
    s.read(QStringLiteral("redundant"), c.redundant);
    s.read(QStringLiteral("lease_ms"), c.leaseMs, 1000, 60000);
    if (!s.ok())
        return;
    for (const QString &url : c.servers)
        if (!url.startsWith(QLatin1String("nats://")) && !url.startsWith(QLatin1String("tls://"))) {
            s.fail(QStringLiteral("servers"), QStringLiteral("expected nats://HOST:PORT or tls://HOST:PORT"));
            return;
        }
    if (c.hospital.isEmpty())
        s.fail(QStringLiteral("hospital"), QStringLiteral("must not be empty"));
    else if (c.redundant && !c.publish)
        s.fail(QStringLiteral("redundant"),
               QStringLiteral("a viewer (publish = false) has no unit to share"));
    else if (!c.tlsCert.isEmpty() && (c.tlsKey.isEmpty() || c.tlsCa.isEmpty()))
        s.fail(QStringLiteral("tls_cert"), QStringLiteral("needs tls_key and tls_ca"));
}

} // namespace vigil
