// One way to configure a libnats connection for the station's cluster links (the alarm/data link and the
// redundancy lease): servers, reconnect forever, ping timing and TLS. Internal to vigil_cluster.
#pragma once

#include <QString>
#include <QStringList>

#include <nats/nats.h>

namespace vigil::cluster {

struct NatsConnectionSpec
{
    QStringList servers;               // nats://host:port or tls://host:port
    QString name;                      // connection name shown by the server
    QString caFile, certFile, keyFile; // TLS: CA bundle, client certificate and key (empty: plain)
    int timeoutMs = 2000;              // connect timeout
    int pingMs = 2000;                 // a dead server is noticed within about two pings
};

// "status text (libnats's last error)".
QString natsErrorText(natsStatus s);

// Options for spec (caller owns them: natsOptions_Destroy). Never null. A TLS file that cannot be loaded
// leaves the options without it and says why in *tlsError; the connection then fails its handshake rather
// than falling back to plain text.
natsOptions *makeNatsOptions(const NatsConnectionSpec &spec, QString *tlsError);

} // namespace vigil::cluster
