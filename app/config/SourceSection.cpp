// [[source]]: a simulator, a WFDB replay or an HL7 (MLLP) gateway link.
#include "Sections.h"

namespace vigil {

namespace {

bool isMllpUrl(const QString &url)
{
    return url.startsWith(QLatin1String("mllps://")) || url.startsWith(QLatin1String("mllp://"));
}

} // namespace

void readSource(ConfigSection &s, std::vector<SourceConfig> &sources)
{
    s.allowOnly({QStringLiteral("id"),
                 QStringLiteral("type"),
                 QStringLiteral("name"),
                 QStringLiteral("beds"),
                 QStringLiteral("seed"),
                 QStringLiteral("nibp_cycle_s"),
                 QStringLiteral("scenarios"),
                 QStringLiteral("record"),
                 QStringLiteral("bed"),
                 QStringLiteral("bed_label"),
                 QStringLiteral("speed"),
                 QStringLiteral("loop"),
                 QStringLiteral("url"),
                 QStringLiteral("listen"),
                 QStringLiteral("tls_ca"),
                 QStringLiteral("tls_cert"),
                 QStringLiteral("tls_key"),
                 QStringLiteral("peer_name"),
                 QStringLiteral("max_frame_bytes"),
                 QStringLiteral("reconnect_max_s"),
                 QStringLiteral("handshake_timeout_s"),
                 QStringLiteral("max_pending_handshakes"),
                 QStringLiteral("max_connections"),
                 QStringLiteral("max_connections_per_peer"),
                 QStringLiteral("idle_timeout_s"),
                 QStringLiteral("silent_timeout_s"),
                 QStringLiteral("resend_memory"),
                 QStringLiteral("data_timeout_s")});
    s.require(QStringLiteral("id"));
    s.require(QStringLiteral("type"));
    SourceConfig c;
    s.read(QStringLiteral("id"), c.id);
    s.read(QStringLiteral("type"), c.type);
    s.read(QStringLiteral("name"), c.name);
    s.read(QStringLiteral("beds"), c.beds, 1, 64);
    s.read(QStringLiteral("seed"), c.seed, 0, 1e15);
    s.read(QStringLiteral("nibp_cycle_s"), c.nibpCycleS, 30, 86400);
    s.read(QStringLiteral("record"), c.record);
    s.read(QStringLiteral("bed"), c.bed);
    s.read(QStringLiteral("bed_label"), c.bedLabel);
    s.read(QStringLiteral("speed"), c.speed, 0.01, 1000);
    s.read(QStringLiteral("loop"), c.loop);
    s.read(QStringLiteral("url"), c.url);
    s.read(QStringLiteral("listen"), c.listen);
    s.read(QStringLiteral("tls_ca"), c.tlsCa);
    s.read(QStringLiteral("tls_cert"), c.tlsCert);
    s.read(QStringLiteral("tls_key"), c.tlsKey);
    s.read(QStringLiteral("peer_name"), c.peerName);
    s.read(QStringLiteral("max_frame_bytes"), c.maxFrameBytes, 1024, 256 << 20);
    s.read(QStringLiteral("reconnect_max_s"), c.reconnectMaxS, 1, 3600);
    s.read(QStringLiteral("data_timeout_s"), c.dataTimeoutS, 2, 3600);
    s.read(QStringLiteral("handshake_timeout_s"), c.handshakeTimeoutS, 1, 300);
    s.read(QStringLiteral("max_pending_handshakes"), c.maxPendingHandshakes, 1, 4096);
    s.read(QStringLiteral("max_connections"), c.maxConnections, 1, 4096);
    s.read(QStringLiteral("max_connections_per_peer"), c.maxConnectionsPerPeer, 1, 4096);
    s.read(QStringLiteral("idle_timeout_s"), c.idleTimeoutS, 0, 86400);
    s.read(QStringLiteral("silent_timeout_s"), c.silentTimeoutS, 1, 3600);
    s.read(QStringLiteral("resend_memory"), c.resendMemory, 0, 1000000);
    s.read(QStringLiteral("scenarios"), c.scenarios, QStringLiteral("\"BED:step\" strings"));
    if (!s.ok())
        return;

    const QStringList types{QStringLiteral("simulator"), QStringLiteral("wfdb"), QStringLiteral("mllp")};
    if (!types.contains(c.type)) {
        s.fail(QStringLiteral("type"),
               QStringLiteral("unknown source type \"%1\" (known: %2)").arg(c.type, types.join(u", ")));
        return;
    }
    if (c.type == QLatin1String("wfdb")) {
        s.require(QStringLiteral("record"));
        s.require(QStringLiteral("bed"));
    }
    if (c.type == QLatin1String("mllp")) {
        if (c.url.isEmpty() == c.listen.isEmpty()) {
            s.failAt(s.line(), QStringLiteral("[[source]] url/listen"),
                     QStringLiteral("an mllp source needs exactly one of url (dial out) or listen"));
            return;
        }
        const QString endpoint = c.url.isEmpty() ? c.listen : c.url;
        const QString key = c.url.isEmpty() ? QStringLiteral("listen") : QStringLiteral("url");
        if (!isMllpUrl(endpoint)) {
            s.fail(key,
                   QStringLiteral("expected mllps://HOST:PORT (TLS) or mllp://HOST:PORT (plaintext), got "
                                  "\"%1\"")
                       .arg(endpoint));
            return;
        }
        if (endpoint.startsWith(QLatin1String("mllps://"))) {
            for (const char *k : {"tls_ca", "tls_cert", "tls_key"})
                s.require(QLatin1String(k));
        }
    }
    // Each source runs on a thread of its own and feeds at least one bed.
    if (sources.size() >= static_cast<std::size_t>(Ward::kMaxBeds)) {
        s.fail({}, QStringLiteral("more than %1 sources (one per bed at most)").arg(Ward::kMaxBeds));
        return;
    }
    for (const SourceConfig &other : sources) {
        if (s.ok() && other.id == c.id)
            s.fail(QStringLiteral("id"), QStringLiteral("source id \"%1\" is used twice").arg(c.id));
    }
    if (!s.ok())
        return;
    if (c.name.isEmpty())
        c.name = c.id;
    sources.push_back(c);
}

} // namespace vigil
