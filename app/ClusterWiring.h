// The station on the hospital's NATS JetStream cluster (issue 16; docs/SCALE.md).
//
// Owner side: a tap on every local source batches each bed's numerics, device conditions, patient and
// waveform blocks and publishes them every batch_ms on hospital.<h>.<unit>.<bed>.data (plain subject,
// waves compressed with the archive's codec), from the cluster thread. After every alarm evaluation the
// lifecycle steps of the own beds' conditions (start, acknowledge, escalate, de-escalate, end, reset) go
// to the R3 alarm stream, queued and retried through an outage. Acknowledgements other stations send for
// the own beds (…cmd) are applied here, audited with the remote user and station.
//
// Viewer side: watched units' data is decoded on a libnats thread and delivered into the ward like a
// source ("cluster:<owner>"), under the bed key "<unit>/<bed>"; alarm events from the stream become gateway
// alarms of the local engine (so they sound and flash here per configuration), with the owner's
// acknowledgement and escalation; a local acknowledgement of a remote alarm is sent to its owner, whose
// event then reaches every viewer. The station's own limits never judge a remote bed's numerics: the
// owner's engine governs them.
//
// Losing the cluster raises a station technical condition; monitoring of the own gateways goes on.
//
// Redundant pair ([cluster] redundant = true; docs/SCALE.md "Redundancy"): two stations ingest the same unit
// and a lease in the cluster (cluster::ClusterLease) makes one active. The active one publishes as above,
// its events carrying the pair's name (the unit) as `group`, and its condition ids prefixed with its name.
// The standby publishes nothing: it reads the active one's events from the alarm stream and binds each to
// its own condition of the same kind (bed, code, direction) with the nearest onset, takes over the active
// one's acknowledgements and bed pauses, and applies commands viewers send to the pair. When it takes the
// lease it publishes only the difference between its own conditions and what the active one published,
// under the ids the active one used: a bound condition keeps its id, acknowledgement and escalation at
// every viewer (not raised again); one that ended meanwhile ends; one the active one never published
// (it started while nobody was active) is started. Viewers key a pair's conditions by group and id, and the
// bed's owner shown switches to the new active station with its data.
#pragma once

#include "ClusterConfig.h"
#include "ClusterLease.h"
#include "ClusterLink.h"
#include "ClusterWire.h"
#include "Ingest.h"
#include "Station.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace vigil {

class ClusterWiring : public QObject
{
    Q_OBJECT
public:
    ClusterWiring(Station *station, ClusterConfig config, QString stationName, QString wardName,
                  QObject *parent = nullptr);
    ~ClusterWiring() override;

    // A sink that batches the update for the cluster and passes it on to `next` (owned here).
    IngestSink *tap(IngestSink *next);
    void start();
    void stop();

    static inline const QString kConditionCode = QStringLiteral("cluster_unreachable");
    static constexpr int kConditionAfterMs = 3000; // a loss this long raises the condition

private:
    friend class ClusterTap;
    void collect(const BedUpdate &update);      // any source thread
    void flushData();                           // cluster thread
    void onRemoteData(const QByteArray &bytes); // libnats thread
    void onAlarm(const QByteArray &bytes, quint64 streamSeq);
    void onCommand(const QByteArray &bytes);
    void onConnection(bool up, const QString &detail);
    void afterEvaluation();
    void publishStats();
    // Redundancy (see above)
    void onLease(bool held, const QString &holder);
    void onPartnerEvent(const cluster::AlarmEvent &e);
    void standbyCondition(const alarms::AlarmCondition &c);
    QString publishedId(const QString &localId) const;
    QString localIdOf(const QString &publishedId) const;
    bool ownsCommand(const QString &station) const
    {
        return station == m_name || (m_config.redundant && station == m_unit);
    }
    void publishPause(const QString &bedKey, qint64 untilMs);
    void relayPauses();
    void evaluateSoon();
    void updateStatus();
    QString remoteKey(const QString &unit, const QString &bedKey) const { return unit + u'/' + bedKey; }

    Station *m_station;
    ClusterConfig m_config;
    QString m_name, m_unit;
    qint64 m_epoch;
    quint64 m_seq = 0;
    std::unique_ptr<QThread> m_thread;
    cluster::ClusterLink *m_link = nullptr; // lives on m_thread
    std::unique_ptr<QThread> m_leaseThread;
    cluster::ClusterLease *m_lease = nullptr; // lives on m_leaseThread (redundant pairs only)
    std::atomic<bool> m_active{true};         // publishes the own unit (always, unless a standby)
    QString m_holder;                         // the pair's active station, as the lease says
    qint64 m_roleSinceMs = 0;
    int m_takeovers = 0;
    bool m_evaluateQueued = false;
    // Standby side: the active one's conditions by the id it published.
    struct Partner
    {
        QString id, identity, localId, acknowledgedBy, station;
        qint64 onsetMs = 0;
        bool active = false, acknowledged = false, escalated = false, ackRelayed = false;
    };
    QHash<QString, Partner> m_partner;
    QHash<QString, QString> m_alias;      // own condition id -> the id the active one published it under
    QHash<QString, qint64> m_ownPause;    // own bed -> alarm pause end last published
    QHash<QString, qint64> m_remotePause; // remote bed -> alarm pause end as its owner said / we sent
    QObject *m_flusher = nullptr;         // lives on m_thread: the batch timer
    std::vector<std::unique_ptr<IngestSink>> m_taps;

    std::mutex m_batchMutex;
    QHash<QString, BedUpdate> m_batch;
    QHash<QString, PatientInfo> m_patients; // per own bed: the last patient a source named

    std::mutex m_remoteMutex; // libnats thread: beds seen, owners (for ClusterState on the GUI thread)
    QSet<QString> m_remoteSeen;
    QHash<QString, QString> m_remoteOwner; // remote bed -> station whose data came last
    QHash<QString, qint64> m_nextBlockUs;  // per remote bed and wave: where the next block should start

    // Owner side: what was last published of each own condition.
    struct Seen
    {
        int state = -1;
        bool acknowledged = false;
        bool escalated = false;
        qint64 resetMs = 0;
    };
    QHash<QString, Seen> m_seen;
    // Viewer side: remote alarms by their local gateway alarm id ("<owner>/<owner's id>").
    struct Remote
    {
        QString station, unit, id, bedKey;
        bool ackedAtOwner = false;
        bool relayed = false;
        bool active = false;
    };
    QHash<QString, Remote> m_remote;
    QHash<QString, QPair<qint64, quint64>> m_lastEvent; // per owner: epoch, last seq applied
    quint64 m_eventsApplied = 0, m_eventsDuplicate = 0, m_commandsApplied = 0, m_commandsSent = 0;
    QJsonArray m_arrivals; // the last alarm starts made active here: for latency measurements
    bool m_up = false;
    bool m_conditionRaised = false;
};

} // namespace vigil
