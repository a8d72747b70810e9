// Active/standby for a redundant pair of stations (issue 16, part 3): a lease in a JetStream key-value
// bucket (VIGIL_LEASES, replicated like the alarm stream, TTL = the lease time, one value per key).
//
// The holder writes its name under the unit's key every ttl/4 with a compare-and-set on the revision it
// last wrote (kvStore_Update); a station without the lease tries to create the key every ttl/8
// (kvStore_Create succeeds only when the key is absent, i.e. when the holder's last write has aged out of
// the bucket), once it has seen the key absent for ttl/4 (a holder whose renewals failed through a
// failover takes its key back first). So the standby takes over between ttl + ttl/4 and ttl + 3/8 ttl
// after the active one's last renewal.
// A holder whose renewal fails because another station holds the key says so at once; one that cannot
// reach the cluster (a server failover, a leader election of the bucket) keeps the unit until its lease,
// as last renewed, is nearly over (ttl - ttl/8), and then stops acting as the active one: before the
// bucket can let the partner in. A station that restarts within its own lease takes it back.
//
// Its own connection and thread ("lease"): a renewal never waits behind an alarm publication that is
// retried through a server loss on the link's thread.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

struct __natsConnection;
struct __natsOptions;
struct __jsCtx;
struct __kvStore;
class QTimer;

namespace vigil::cluster {

struct LeaseSettings
{
    QStringList servers;
    QString caFile, certFile, keyFile;
    QString key;    // the unit's key in the bucket (subject tokens: "<hospital>.<unit>")
    QString holder; // this station's name (the value)
    int ttlMs = 3000;
    int replicas = 3;
};

inline constexpr char kLeaseBucket[] = "VIGIL_LEASES";

class ClusterLease : public QObject
{
    Q_OBJECT
public:
    explicit ClusterLease(LeaseSettings settings, QObject *parent = nullptr);
    ~ClusterLease() override;

public slots:
    void start();
    void stop();

signals:
    // held: this station is the active one; holder: who is (empty when unknown, e.g. no cluster)
    void leaseChanged(bool held, const QString &holder);
    void problem(const QString &detail);

private:
    void tick();
    bool bind();
    void setState(bool held, const QString &holder);
    void renewed(quint64 revision, qint64 now);
    bool mayCreate(const QByteArray &key, qint64 now);

    LeaseSettings m_settings;
    __natsOptions *m_opts = nullptr;
    __natsConnection *m_conn = nullptr;
    __jsCtx *m_js = nullptr;
    __kvStore *m_kv = nullptr;
    QTimer *m_timer = nullptr;
    quint64 m_revision = 0; // of our last write while we hold the lease
    bool m_held = false;
    QString m_holder;
    bool m_reported = false;
    bool m_lastHeld = false; // as last reported
    qint64 m_nextRenewMs = 0;
    qint64 m_lastRenewMs = 0;
    qint64 m_absentSinceMs = 0; // the key first seen absent (by a station that did not hold it lately)
};

} // namespace vigil::cluster
