// [cluster]: the station's place in the hospital's NATS JetStream cluster (docs/CONFIG.md, docs/SCALE.md).
#pragma once

#include <QString>
#include <QStringList>

namespace vigil {

class ConfigSection;

struct ClusterConfig
{
    QStringList servers; // nats://HOST:PORT or tls://HOST:PORT; empty: no cluster
    QString hospital = QStringLiteral("hospital");
    QString unit;                   // this station's unit (subject token); default: [station] ward
    QStringList watch;              // "UNIT" (every bed of a unit) or "UNIT/BED" (one bed of another station)
    bool publish = true;            // publish this station's own beds (false: a pure viewer)
    QString tlsCa, tlsCert, tlsKey; // client certificate for the cluster's TLS
    int replicas = 3;               // the alarm stream's replicas (R3 on a 3-node cluster)
    int batchMs = 250;              // numerics and waveform batches per bed
    // Redundancy: this station is one of a pair ingesting the same unit; a lease in the cluster (JetStream
    // key-value bucket VIGIL_LEASES, key "<hospital>.<unit>") decides which one publishes (active) and which
    // one follows the active one's alarm state (standby). leaseMs: how long an active station that stopped
    // renewing keeps the unit (takeover time).
    bool redundant = false;
    int leaseMs = 3000;
    bool enabled() const { return !servers.isEmpty(); }
};

// Reads [cluster] (its own reader, listed in StationConfig.cpp).
void readCluster(ConfigSection &s, ClusterConfig &cluster);

} // namespace vigil
