// The active/standby lease (see ClusterLease.h).
#include "ClusterLease.h"
#include "NatsOptions.h"

#include <nats/nats.h>

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace vigil::cluster {

namespace {
// Connected later (the cluster was not up at start): the next tick sees it.
void onConnected(natsConnection *, void *) {}
} // namespace

ClusterLease::ClusterLease(LeaseSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{}

ClusterLease::~ClusterLease()
{
    stop();
}

void ClusterLease::start()
{
    if (m_opts)
        return;
    QString tlsError;
    // Shorter timeouts than the data link: a holder must notice a lost cluster well within its lease.
    m_opts = makeNatsOptions({m_settings.servers, m_settings.holder + QStringLiteral(" lease"),
                              m_settings.caFile, m_settings.certFile, m_settings.keyFile, 1000, 1000},
                             &tlsError);
    if (!tlsError.isEmpty())
        emit problem(tlsError);
    natsOptions_SetRetryOnFailedConnect(m_opts, true, &onConnected, nullptr); // never blocks
    natsConnection_Connect(&m_conn, m_opts); // NATS_NOT_YET_CONNECTED: retried by libnats
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(std::max(50, m_settings.ttlMs / 8));
    connect(m_timer, &QTimer::timeout, this, &ClusterLease::tick);
    m_timer->start();
    tick();
}

void ClusterLease::stop()
{
    if (m_timer)
        m_timer->stop();
    // A clean stop hands the lease over at once (a kill -9 leaves it to age out of the bucket).
    if (m_kv && m_held && m_conn && natsConnection_Status(m_conn) == NATS_CONN_STATUS_CONNECTED)
        kvStore_Delete(m_kv, m_settings.key.toUtf8().constData());
    m_held = false;
    if (m_kv) {
        kvStore_Destroy(m_kv);
        m_kv = nullptr;
    }
    if (m_js) {
        jsCtx_Destroy(m_js);
        m_js = nullptr;
    }
    if (m_conn) {
        natsConnection_FlushTimeout(m_conn, 500);
        natsConnection_Close(m_conn);
        natsConnection_Destroy(m_conn);
        m_conn = nullptr;
    }
    if (m_opts) {
        natsOptions_Destroy(m_opts);
        m_opts = nullptr;
    }
}

bool ClusterLease::bind()
{
    if (m_kv)
        return true;
    if (!m_js) {
        jsOptions o;
        jsOptions_Init(&o);
        o.Wait = std::max(500, m_settings.ttlMs / 4);
        if (natsConnection_JetStream(&m_js, m_conn, &o) != NATS_OK)
            return false;
    }
    kvConfig cfg;
    kvConfig_Init(&cfg);
    cfg.Bucket = kLeaseBucket;
    cfg.History = 1;
    cfg.TTL = static_cast<int64_t>(m_settings.ttlMs) * 1'000'000LL;
    cfg.StorageType = js_MemoryStorage; // a lease outlives no cluster restart, on purpose
    cfg.Replicas = m_settings.replicas;
    natsStatus s = js_CreateKeyValue(&m_kv, m_js, &cfg);
    if (s != NATS_OK) // made by another station (perhaps with another TTL): bind to it
        s = js_KeyValue(&m_kv, m_js, kLeaseBucket);
    if (s != NATS_OK) {
        m_kv = nullptr;
        const char *last = nats_GetLastError(nullptr);
        emit problem(QStringLiteral("lease bucket: %1 %2")
                         .arg(QString::fromUtf8(natsStatus_GetText(s)), QString::fromUtf8(last ? last : "")));
        return false;
    }
    return true;
}

void ClusterLease::tick()
{
    if (!m_conn)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Held and still inside the lease as last renewed (less a margin: the bucket lets the partner in at
    // lastRenew + ttl at the earliest). A failover between servers or a leader election of the bucket
    // (seconds) must not hand the unit over; a loss that lasts does, before the partner can take it.
    const bool inTime = m_held && now - m_lastRenewMs < m_settings.ttlMs - m_settings.ttlMs / 8;
    if (natsConnection_Status(m_conn) != NATS_CONN_STATUS_CONNECTED || !bind()) {
        if (!inTime)
            setState(false, QString()); // nobody here can say who holds it
        return;
    }
    const QByteArray key = m_settings.key.toUtf8(), me = m_settings.holder.toUtf8();
    const int len = static_cast<int>(me.size());
    uint64_t rev = 0;
    if (m_held) {
        if (now < m_nextRenewMs)
            return;
        if (kvStore_Update(&rev, m_kv, key.constData(), me.constData(), len, m_revision) == NATS_OK) {
            renewed(rev, now);
            return;
        }
    } else if (mayCreate(key, now) &&
               kvStore_Create(&rev, m_kv, key.constData(), me.constData(), len) == NATS_OK) {
        renewed(rev, now);
        setState(true, m_settings.holder);
        return;
    }
    // Who holds it?
    QString holder;
    uint64_t holderRev = 0;
    bool known = false;
    kvEntry *e = nullptr;
    const natsStatus g = kvStore_Get(&e, m_kv, key.constData());
    if (g == NATS_OK && e) {
        holder = QString::fromUtf8(static_cast<const char *>(kvEntry_Value(e)), kvEntry_ValueLen(e));
        holderRev = kvEntry_Revision(e);
        known = true;
        kvEntry_Destroy(e);
    } else if (g == NATS_NOT_FOUND) {
        known = true; // nobody (Create failed for another reason: tried again at the next tick)
    }
    if (known && holder == m_settings.holder && holderRev) {
        // Ours: a renewal that failed on the way, or this station restarted within its own lease.
        if (kvStore_Update(&rev, m_kv, key.constData(), me.constData(), len, holderRev) == NATS_OK) {
            renewed(rev, now);
            setState(true, m_settings.holder);
            return;
        }
    }
    if (known && holder != m_settings.holder)
        setState(false, holder);
    else if (!inTime)
        setState(false, known ? holder : QString());
}

bool ClusterLease::mayCreate(const QByteArray &key, qint64 now)
{
    // The station that held the lease until lately (its renewals failed through a failover or the
    // bucket's leader election, and the key aged out meanwhile) takes it back at once; any other waits
    // until the key has been seen absent for lease/4, so the old holder wins that race if it is alive.
    if (m_lastRenewMs && now - m_lastRenewMs < 4LL * m_settings.ttlMs)
        return true;
    kvEntry *e = nullptr;
    const natsStatus g = kvStore_Get(&e, m_kv, key.constData());
    if (e)
        kvEntry_Destroy(e);
    if (g != NATS_NOT_FOUND) {
        m_absentSinceMs = 0; // present, or not known (no leader of the bucket yet): wait
        return false;
    }
    if (!m_absentSinceMs)
        m_absentSinceMs = now;
    return now - m_absentSinceMs >= m_settings.ttlMs / 4;
}

void ClusterLease::renewed(quint64 revision, qint64 now)
{
    m_revision = revision;
    m_lastRenewMs = now;
    m_absentSinceMs = 0;
    m_nextRenewMs = now + m_settings.ttlMs / 4;
}

void ClusterLease::setState(bool held, const QString &holder)
{
    m_held = held;
    if (m_reported && m_holder == holder && m_lastHeld == held)
        return;
    m_reported = true;
    m_lastHeld = held;
    m_holder = holder;
    emit leaseChanged(held, holder);
}

} // namespace vigil::cluster
