// The station on the NATS cluster (see ClusterWiring.h).
#include "ClusterWiring.h"

#include "Access.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

#include <cmath>
#include <limits>

namespace vigil {

class ClusterTap : public IngestSink
{
public:
    ClusterTap(ClusterWiring *w, IngestSink *next) : m_wiring(w), m_next(next) {}
    void deliver(BedUpdate &&update) override
    {
        m_wiring->collect(update);
        m_next->deliver(std::move(update));
    }
    void sourceStatusChanged(const SourceStatus &status) override { m_next->sourceStatusChanged(status); }

private:
    ClusterWiring *m_wiring;
    IngestSink *m_next;
};

namespace {
// Counters read by the stats (written on source, cluster and libnats threads).
struct Counters
{
    std::atomic<quint64> dataMessages{0}, dataBytes{0}, samplesPublished{0}, dataDropped{0};
    std::atomic<quint64> remoteMessages{0}, remoteBytes{0}, samplesReceived{0}, remoteUndecodable{0};
    std::atomic<quint64> samplesMissing{0}; // holes between consecutive remote blocks of a channel
};
Counters &counters()
{
    static Counters c;
    return c;
}

std::optional<NumericId> numericByKey(const QString &key)
{
    for (const NumericInfo &info : kNumerics)
        if (key == QLatin1String(info.key.data(), static_cast<qsizetype>(info.key.size())))
            return info.id;
    return std::nullopt;
}
} // namespace

ClusterWiring::ClusterWiring(Station *station, ClusterConfig config, QString stationName, QString wardName,
                             QObject *parent)
    : QObject(parent), m_station(station), m_config(std::move(config)), m_name(std::move(stationName)),
      m_unit(m_config.unit.isEmpty() ? std::move(wardName) : m_config.unit),
      m_epoch(QDateTime::currentMSecsSinceEpoch())
{
    cluster::LinkSettings s;
    s.servers = m_config.servers;
    s.name = m_name;
    s.hospital = m_config.hospital;
    s.caFile = m_config.tlsCa;
    s.certFile = m_config.tlsCert;
    s.keyFile = m_config.tlsKey;
    s.replicas = m_config.replicas;
    const QString h = cluster::token(m_config.hospital);
    for (const QString &w : m_config.watch) {
        const qsizetype slash = w.indexOf(u'/');
        const QString unit = cluster::token(slash < 0 ? w : w.left(slash));
        const QString bed = slash < 0 ? QStringLiteral("*") : cluster::token(w.mid(slash + 1));
        s.dataSubjects << QStringLiteral("hospital.%1.%2.%3.data").arg(h, unit, bed);
        s.alarmSubjects << QStringLiteral("hospital.%1.%2.%3.alarm").arg(h, unit, bed);
    }
    if (m_config.publish)
        s.commandSubjects << QStringLiteral("hospital.%1.%2.*.cmd").arg(h, cluster::token(m_unit));
    if (m_config.redundant) // the partner's alarm events: the standby follows them
        s.alarmSubjects << QStringLiteral("hospital.%1.%2.*.alarm").arg(h, cluster::token(m_unit));
    m_link = new cluster::ClusterLink(std::move(s));
    m_link->setDataHandler([this](const QByteArray &bytes) { onRemoteData(bytes); });
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("cluster"));
    m_link->moveToThread(m_thread.get());
    m_flusher = new QObject;
    m_flusher->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_link, &QObject::deleteLater);
    connect(m_thread.get(), &QThread::finished, m_flusher, &QObject::deleteLater);
    connect(m_link, &cluster::ClusterLink::connectionChanged, this, &ClusterWiring::onConnection);
    connect(m_link, &cluster::ClusterLink::alarmReceived, this, &ClusterWiring::onAlarm);
    connect(m_link, &cluster::ClusterLink::commandReceived, this, &ClusterWiring::onCommand);
    connect(m_link, &cluster::ClusterLink::problem, this,
            [](const QString &detail) { qWarning("vigil: cluster: %s", qPrintable(detail)); });
    connect(station, &Station::alarmsEvaluated, this, &ClusterWiring::afterEvaluation);
    station->cluster()->setEnabled(true);
    station->cluster()->setConnection(false, tr("connecting"));
    if (m_config.redundant) {
        m_active = false; // until the lease says otherwise
        cluster::LeaseSettings ls;
        ls.servers = m_config.servers;
        ls.caFile = m_config.tlsCa;
        ls.certFile = m_config.tlsCert;
        ls.keyFile = m_config.tlsKey;
        ls.key = h + u'.' + cluster::token(m_unit);
        ls.holder = m_name;
        ls.ttlMs = m_config.leaseMs;
        ls.replicas = m_config.replicas;
        m_lease = new cluster::ClusterLease(std::move(ls));
        m_leaseThread = std::make_unique<QThread>();
        m_leaseThread->setObjectName(QStringLiteral("lease"));
        m_lease->moveToThread(m_leaseThread.get());
        connect(m_leaseThread.get(), &QThread::finished, m_lease, &QObject::deleteLater);
        connect(m_lease, &cluster::ClusterLease::leaseChanged, this, &ClusterWiring::onLease);
        connect(m_lease, &cluster::ClusterLease::problem, this,
                [](const QString &detail) { qWarning("vigil: cluster lease: %s", qPrintable(detail)); });
    }
}

ClusterWiring::~ClusterWiring()
{
    stop();
}

IngestSink *ClusterWiring::tap(IngestSink *next)
{
    if (!m_config.publish)
        return next;
    m_taps.push_back(std::make_unique<ClusterTap>(this, next));
    return m_taps.back().get();
}

void ClusterWiring::start()
{
    m_thread->start();
    QMetaObject::invokeMethod(m_link, &cluster::ClusterLink::start, Qt::QueuedConnection);
    if (m_lease) {
        m_leaseThread->start();
        QMetaObject::invokeMethod(m_lease, &cluster::ClusterLease::start, Qt::QueuedConnection);
    }
    const int batchMs = m_config.batchMs;
    QMetaObject::invokeMethod(
        m_flusher,
        [this, batchMs] {
            auto *timer = new QTimer(m_flusher);
            timer->setTimerType(Qt::PreciseTimer);
            connect(timer, &QTimer::timeout, m_flusher, [this] { flushData(); });
            timer->start(batchMs);
        },
        Qt::QueuedConnection);
    auto *stats = new QTimer(this);
    connect(stats, &QTimer::timeout, this, &ClusterWiring::publishStats);
    stats->start(1000);
    // Not connected soon after start: onConnection(false) from the link raises the condition.
}

void ClusterWiring::stop()
{
    disconnect(m_station, nullptr, this, nullptr); // no evaluation reaches a link that is gone
    if (m_leaseThread && m_leaseThread->isRunning()) {
        // A clean stop hands the unit to the partner at once (the lease is deleted, not left to age).
        QMetaObject::invokeMethod(m_lease, &cluster::ClusterLease::stop, Qt::BlockingQueuedConnection);
        m_leaseThread->quit();
        m_leaseThread->wait();
    } else if (m_lease) {
        delete m_lease;
    }
    m_lease = nullptr;
    if (m_thread && m_thread->isRunning()) {
        QMetaObject::invokeMethod(m_link, &cluster::ClusterLink::stop, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    } else if (m_link) {
        delete m_link; // never started: the thread's finish never comes to delete them
        delete m_flusher;
    }
    m_link = nullptr; // deleted with the thread's finish
    m_flusher = nullptr;
}

// --- owner: data ----------------------------------------------------------------------------------------

void ClusterWiring::collect(const BedUpdate &u)
{
    if (u.numerics.empty() && u.waves.empty() && u.conditions.empty() && !u.patient)
        return;
    std::lock_guard lock(m_batchMutex);
    BedUpdate &b = m_batch[u.bedKey];
    b.bedKey = u.bedKey;
    b.bedLabel = u.bedLabel;
    // The patient goes with every batch of the bed: a viewer that joins later learns it at once.
    if (u.patient)
        m_patients[u.bedKey] = *u.patient;
    if (auto it = m_patients.constFind(u.bedKey); it != m_patients.constEnd())
        b.patient = *it;
    b.numerics.insert(b.numerics.end(), u.numerics.begin(), u.numerics.end());
    b.conditions.insert(b.conditions.end(), u.conditions.begin(), u.conditions.end());
    for (const WaveBlock &w : u.waves) {
        // Contiguous blocks of one channel become one block: fewer headers, better compression.
        auto it =
            std::find_if(b.waves.rbegin(), b.waves.rend(), [&](const WaveBlock &x) { return x.id == w.id; });
        if (it != b.waves.rend() && it->sampleRate == w.sampleRate && it->gain == w.gain &&
            it->baseline == w.baseline) {
            const double expectUs =
                double(it->startTimeUs) + double(it->samples.size()) * 1e6 / it->sampleRate;
            if (std::abs(expectUs - double(w.startTimeUs)) < 0.5e6 / w.sampleRate) {
                it->samples.insert(it->samples.end(), w.samples.begin(), w.samples.end());
                continue;
            }
        }
        b.waves.push_back(w);
    }
}

void ClusterWiring::flushData()
{
    QHash<QString, BedUpdate> batch;
    {
        std::lock_guard lock(m_batchMutex);
        batch.swap(m_batch);
    }
    if (!m_active)
        return; // a standby: the active station of the pair publishes the unit's data
    Counters &c = counters();
    for (const BedUpdate &u : std::as_const(batch)) {
        const QByteArray bytes = cluster::encodeData(m_name, m_unit, u);
        quint64 samples = 0;
        for (const WaveBlock &w : u.waves)
            samples += w.samples.size();
        if (m_link->publish(cluster::subject(m_config.hospital, m_unit, u.bedKey, "data"), bytes)) {
            ++c.dataMessages;
            c.dataBytes += static_cast<quint64>(bytes.size());
            c.samplesPublished += samples;
        } else {
            ++c.dataDropped; // live data is not queued through an outage: the owner's archive has it
        }
    }
}

// --- viewer: data ---------------------------------------------------------------------------------------

void ClusterWiring::onRemoteData(const QByteArray &bytes)
{
    Counters &c = counters();
    auto batch = cluster::decodeData(bytes);
    if (!batch) {
        ++c.remoteUndecodable;
        return;
    }
    if (batch->station == m_name)
        return;
    ++c.remoteMessages;
    c.remoteBytes += static_cast<quint64>(bytes.size());
    BedUpdate &u = batch->update;
    const QString key = remoteKey(batch->unit, u.bedKey);
    u.bedLabel = batch->unit + u' ' + (u.bedLabel.isEmpty() ? u.bedKey : u.bedLabel);
    u.bedKey = key;
    u.sourceId = QStringLiteral("cluster:") + batch->station;
    // The owner's engine judges the bed (its alarms, technical ones included, come by the stream): the
    // device conditions would raise this station's own copy of each, and this station's limits stay out
    // of the numerics, as they do for a device that alarms itself.
    u.conditions.clear();
    for (NumericSample &n : u.numerics)
        if (!n.limitLow && !n.limitHigh) {
            n.limitLow = -std::numeric_limits<double>::infinity();
            n.limitHigh = std::numeric_limits<double>::infinity();
        }
    for (const WaveBlock &w : u.waves)
        c.samplesReceived += w.samples.size();
    bool first = false;
    {
        std::lock_guard lock(m_remoteMutex);
        for (const WaveBlock &w : u.waves) {
            // A block starting later than the previous one ended: samples lost on the way (or at the
            // owner's source). Counted for the delivered fraction (docs/SCALE.md).
            qint64 &expect = m_nextBlockUs[key + u'|' + QString::number(int(w.id))];
            if (expect > 0 && w.startTimeUs > expect + qint64(0.5e6 / w.sampleRate))
                c.samplesMissing +=
                    static_cast<quint64>(std::llround(double(w.startTimeUs - expect) * w.sampleRate / 1e6));
            expect = w.startTimeUs + qint64(std::llround(double(w.samples.size()) * 1e6 / w.sampleRate));
        }
        // First data of the bed, or from another station (the standby of a pair that took over).
        QString &seenOwner = m_remoteOwner[key];
        if (!m_remoteSeen.contains(key) || seenOwner != batch->station) {
            m_remoteSeen.insert(key);
            seenOwner = batch->station;
            first = true;
        }
    }
    if (first)
        QMetaObject::invokeMethod(
            this, [this, key, owner = batch->station] { m_station->cluster()->setOwner(key, owner); },
            Qt::QueuedConnection);
    m_station->ward()->deliver(std::move(u));
}

// --- alarms ---------------------------------------------------------------------------------------------

namespace {
// What kind of condition it is, the same at both stations of a redundant pair.
QString identityOf(const QString &bedKey, const QString &code, const QString &direction)
{
    return bedKey + u'|' + code + u'|' + direction;
}
} // namespace

void ClusterWiring::afterEvaluation()
{
    if (!m_link)
        return;
    alarms::AlarmEngine *engine = m_station->alarmEngine();
    const std::vector<alarms::AlarmCondition> conds = engine->conditions();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool active = m_active;
    for (const alarms::AlarmCondition &c : conds) {
        if (c.bedKey.isEmpty())
            continue;
        if (c.sourceId.startsWith(QLatin1String("cluster:"))) {
            // A remote alarm acknowledged here: the owner decides, and tells every viewer.
            auto it = m_remote.find(c.gatewayAlarmId);
            if (c.acknowledged && it != m_remote.end() && !it->ackedAtOwner && !it->relayed) {
                cluster::Command cmd{QStringLiteral("acknowledge"),
                                     it->station,
                                     it->id,
                                     it->bedKey,
                                     c.acknowledgedBy,
                                     m_name,
                                     0};
                if (m_link->publish(cluster::subject(m_config.hospital, it->unit, it->bedKey, "cmd"),
                                    cluster::encodeCommand(cmd))) {
                    it->relayed = true;
                    ++m_commandsSent;
                }
            }
            continue;
        }
        if (!m_config.publish || m_station->cluster()->isRemote(c.bedKey))
            continue;
        if (!active) {
            standbyCondition(c);
            continue;
        }
        Seen &seen = m_seen[c.id];
        const bool wasActive = seen.state == static_cast<int>(alarms::State::Active);
        const bool isActive = c.state == alarms::State::Active;
        QStringList steps;
        if (seen.state < 0)
            steps << QStringLiteral("start");
        if (c.acknowledged && !seen.acknowledged)
            steps << QStringLiteral("acknowledge");
        if (c.escalated != seen.escalated)
            steps << (c.escalated ? QStringLiteral("escalate") : QStringLiteral("de-escalate"));
        if (!isActive && (wasActive || (seen.state < 0 && c.endMs > 0)))
            steps << QStringLiteral("end");
        if (c.resetMs && c.resetMs != seen.resetMs)
            steps << QStringLiteral("reset");
        seen.state = static_cast<int>(c.state);
        seen.acknowledged = c.acknowledged;
        seen.escalated = c.escalated;
        seen.resetMs = c.resetMs;
        for (const QString &step : steps) {
            cluster::AlarmEvent e;
            e.station = m_name;
            e.group = m_config.redundant ? m_unit : QString();
            e.unit = m_unit;
            e.epoch = m_epoch;
            e.seq = ++m_seq;
            e.step = step;
            e.id = publishedId(c.id);
            e.gatewayId = c.gatewayAlarmId;
            e.bedKey = c.bedKey;
            e.bedLabel = c.bedLabel;
            e.code = c.code;
            e.text = c.text;
            if (c.parameter) {
                const auto &key = numericInfo(*c.parameter).key;
                e.parameter = QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
            }
            e.direction = alarms::nameOf(c.direction);
            e.priority = alarms::nameOf(c.priority);
            e.kind = alarms::nameOf(c.kind);
            // A start is active (a condition that started and ended before this station could publish it,
            // e.g. while a redundant pair had no active station, goes out as start then end).
            e.active = isActive || step == QLatin1String("start");
            e.acknowledged = c.acknowledged;
            e.acknowledgedBy = c.acknowledgedBy;
            e.escalated = c.escalated;
            e.hasValue = !std::isnan(c.value);
            e.value = e.hasValue ? c.value : 0;
            e.hasLimit = !std::isnan(c.limit);
            e.limit = e.hasLimit ? c.limit : 0;
            e.onsetMs = c.startMs;
            e.timeMs = step == QLatin1String("start")         ? c.startMs
                       : step == QLatin1String("acknowledge") ? c.acknowledgedMs
                       : step == QLatin1String("end")         ? (c.endMs ? c.endMs : now)
                       : step == QLatin1String("reset")       ? c.resetMs
                                                              : now;
            e.publishedMs = QDateTime::currentMSecsSinceEpoch();
            m_link->publishAlarm(cluster::subject(m_config.hospital, m_unit, c.bedKey, "alarm"),
                                 cluster::encodeAlarm(e),
                                 QStringLiteral("%1/%2/%3").arg(m_name).arg(m_epoch).arg(e.seq));
        }
    }
    relayPauses();
}

// --- alarm pause of a bed -------------------------------------------------------------------------------

void ClusterWiring::relayPauses()
{
    alarms::AlarmEngine *engine = m_station->alarmEngine();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Ward *ward = m_station->ward();
    for (int i = 0; i < ward->bedCount(); ++i) {
        const Bed *bed = ward->bed(i);
        if (!bed)
            continue;
        const QString key = bed->key();
        const qint64 ends = engine->bedStatus(key).alarmPauseEndsMs;
        if (m_station->cluster()->isRemote(key)) {
            // Paused (or resumed) here by a user of this station: the owner pauses the bed for everyone.
            const qint64 known = m_remotePause.value(key, 0);
            if (ends == known || (ends == 0 && known <= now))
                continue;
            m_remotePause[key] = ends;
            auto owner = std::find_if(m_remote.cbegin(), m_remote.cend(),
                                      [&](const Remote &r) { return remoteKey(r.unit, r.bedKey) == key; });
            const qsizetype slash = key.indexOf(u'/');
            const QString unit = owner != m_remote.cend() ? owner->unit : key.left(slash);
            const QString bedKey = owner != m_remote.cend() ? owner->bedKey : key.mid(slash + 1);
            const QString station =
                owner != m_remote.cend() ? owner->station : m_station->cluster()->ownerOf(key);
            const int seconds = ends > now ? static_cast<int>((ends - now + 999) / 1000) : 0;
            cluster::Command cmd{QStringLiteral("pause"), station, QString(), bedKey,
                                 m_station->user(),       m_name,  seconds};
            if (m_link->publish(cluster::subject(m_config.hospital, unit, bedKey, "cmd"),
                                cluster::encodeCommand(cmd)))
                ++m_commandsSent;
            continue;
        }
        if (!m_config.publish || !m_active)
            continue;
        const qint64 known = m_ownPause.value(key, 0);
        if (ends == known || (ends == 0 && known <= now))
            continue; // unchanged, or a pause that simply ran out (every viewer's copy runs out too)
        m_ownPause[key] = ends;
        publishPause(key, ends);
    }
}

void ClusterWiring::publishPause(const QString &bedKey, qint64 untilMs)
{
    cluster::AlarmEvent e;
    e.station = m_name;
    e.group = m_config.redundant ? m_unit : QString();
    e.unit = m_unit;
    e.epoch = m_epoch;
    e.seq = ++m_seq;
    e.step = QStringLiteral("pause");
    e.id = QStringLiteral("pause");
    e.bedKey = bedKey;
    e.active = untilMs > 0;
    e.timeMs = untilMs;
    e.acknowledgedBy = m_station->user();
    e.publishedMs = QDateTime::currentMSecsSinceEpoch();
    m_link->publishAlarm(cluster::subject(m_config.hospital, m_unit, bedKey, "alarm"),
                         cluster::encodeAlarm(e),
                         QStringLiteral("%1/%2/%3").arg(m_name).arg(m_epoch).arg(e.seq));
}

// --- redundancy -----------------------------------------------------------------------------------------

QString ClusterWiring::publishedId(const QString &localId) const
{
    if (!m_config.redundant)
        return localId;
    return m_alias.value(localId, m_name + u':' + localId);
}

QString ClusterWiring::localIdOf(const QString &publishedId) const
{
    if (!m_config.redundant)
        return publishedId;
    const QString mine = m_name + u':';
    if (publishedId.startsWith(mine))
        return publishedId.mid(mine.size());
    return m_partner.value(publishedId).localId;
}

void ClusterWiring::standbyCondition(const alarms::AlarmCondition &c)
{
    alarms::AlarmEngine *engine = m_station->alarmEngine();
    const QString identity = identityOf(c.bedKey, c.code, alarms::nameOf(c.direction));
    if (!m_alias.contains(c.id)) {
        // The active station's condition of the same kind whose onset is nearest (the two stations see the
        // same gateways; their clocks and evaluation delays differ by little).
        Partner *best = nullptr;
        qint64 bestDiff = 60'000;
        for (Partner &p : m_partner)
            if (p.localId.isEmpty() && p.identity == identity && std::abs(p.onsetMs - c.startMs) < bestDiff) {
                bestDiff = std::abs(p.onsetMs - c.startMs);
                best = &p;
            }
        if (!best)
            return; // not (yet) published by the active one: published by this station when it takes over
        best->localId = c.id;
        m_alias.insert(c.id, best->id);
    }
    Partner &p = m_partner[m_alias.value(c.id)];
    if (p.acknowledged && !c.acknowledged && c.state == alarms::State::Active) {
        engine->acknowledge(
            c.id, tr("%1 at %2")
                      .arg(p.acknowledgedBy.isEmpty() ? tr("unknown user") : p.acknowledgedBy, p.station));
        evaluateSoon();
    } else if (c.acknowledged && !p.acknowledged && !p.ackRelayed) {
        // Acknowledged at this standby: the active one applies it and tells every viewer.
        cluster::Command cmd{
            QStringLiteral("acknowledge"), m_unit, p.id, c.bedKey, c.acknowledgedBy, m_name, 0};
        if (m_link->publish(cluster::subject(m_config.hospital, m_unit, c.bedKey, "cmd"),
                            cluster::encodeCommand(cmd))) {
            p.ackRelayed = true;
            ++m_commandsSent;
        }
    }
    // What the viewers have of it: the difference is all this station publishes if it takes over.
    Seen &seen = m_seen[c.id];
    seen.state = static_cast<int>(p.active ? alarms::State::Active : alarms::State::Inactive);
    seen.acknowledged = p.acknowledged;
    seen.escalated = p.escalated;
    seen.resetMs = c.resetMs;
}

void ClusterWiring::onPartnerEvent(const cluster::AlarmEvent &e)
{
    alarms::AlarmEngine *engine = m_station->alarmEngine();
    const QString who =
        tr("%1 at %2").arg(e.acknowledgedBy.isEmpty() ? tr("unknown user") : e.acknowledgedBy, e.station);
    if (e.step == QLatin1String("pause")) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (e.timeMs > now)
            engine->pauseAlarms(e.bedKey, who, static_cast<int>((e.timeMs - now + 999) / 1000));
        else
            engine->resumeAlarms(e.bedKey, who);
        m_ownPause[e.bedKey] = engine->bedStatus(e.bedKey).alarmPauseEndsMs;
        evaluateSoon();
        return;
    }
    Partner &p = m_partner[e.id];
    p.id = e.id;
    p.station = e.station;
    p.identity = identityOf(e.bedKey, e.code, e.direction);
    if (e.step == QLatin1String("start"))
        p.onsetMs = e.onsetMs;
    else if (!p.onsetMs)
        p.onsetMs = e.onsetMs;
    p.active = e.active;
    p.acknowledged = e.acknowledged;
    p.acknowledgedBy = e.acknowledgedBy;
    p.escalated = e.escalated;
    evaluateSoon(); // binds it, takes over its acknowledgement (standbyCondition)
}

void ClusterWiring::onLease(bool held, const QString &holder)
{
    const bool was = m_active;
    m_holder = holder;
    if (held != was) {
        m_active = held;
        m_roleSinceMs = QDateTime::currentMSecsSinceEpoch();
        if (held) {
            ++m_takeovers;
            qInfo("vigil: cluster: %s is now the active station of unit %s (was: standby)",
                  qPrintable(m_name), qPrintable(m_unit));
        } else {
            qInfo("vigil: cluster: %s is standby for unit %s (active: %s)", qPrintable(m_name),
                  qPrintable(m_unit), qPrintable(holder.isEmpty() ? QStringLiteral("unknown") : holder));
        }
        // As the active one: publish at once what differs from what the viewers have (see the header).
        m_station->evaluateAlarms();
    }
    updateStatus();
}

void ClusterWiring::evaluateSoon()
{
    if (m_evaluateQueued)
        return;
    m_evaluateQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_evaluateQueued = false;
        m_station->evaluateAlarms();
    });
}

void ClusterWiring::updateStatus()
{
    QString text = m_up ? tr("connected") : tr("cluster unreachable");
    if (m_config.redundant) {
        if (m_active)
            //: Cluster status of a station that is one of a redundant pair for its unit, and now the one that
            //: publishes the unit.
            text += tr(" · active for %1").arg(m_unit);
        else
            //: Cluster status of the standby station of a redundant pair; %2 is the active station.
            text += tr(" · standby for %1 (active: %2)")
                        .arg(m_unit, m_holder.isEmpty() ? tr("unknown") : m_holder);
    }
    m_station->cluster()->setConnection(m_up, text);
}

void ClusterWiring::onAlarm(const QByteArray &bytes, quint64 streamSeq)
{
    if (!m_link)
        return;
    Q_UNUSED(streamSeq)
    const auto ev = cluster::decodeAlarm(bytes);
    if (!ev || ev->station == m_name)
        return;
    const cluster::AlarmEvent &e = *ev;
    // Each owner's events come in its order; one seen before (a resend, a replay after a reconnection)
    // is dropped, so the history here has each step once.
    auto &last = m_lastEvent[e.station];
    if (e.epoch < last.first || (e.epoch == last.first && e.seq <= last.second)) {
        ++m_eventsDuplicate;
        return;
    }
    last = {e.epoch, e.seq};
    ++m_eventsApplied;
    if (m_config.redundant && e.group == m_unit && e.unit == m_unit) {
        onPartnerEvent(e); // the other station of this station's pair: its beds are this station's beds
        return;
    }
    // A redundant pair's conditions are the pair's: the standby that takes over continues them.
    const QString owner = e.group.isEmpty() ? e.station : e.group;
    if (e.step == QLatin1String("pause")) {
        const QString key = remoteKey(e.unit, e.bedKey);
        alarms::AlarmEngine *engine = m_station->alarmEngine();
        const QString who =
            tr("%1 at %2").arg(e.acknowledgedBy.isEmpty() ? tr("unknown user") : e.acknowledgedBy, e.station);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (e.timeMs > now)
            engine->pauseAlarms(key, who, static_cast<int>((e.timeMs - now + 999) / 1000));
        else
            engine->resumeAlarms(key, who);
        m_remotePause[key] = engine->bedStatus(key).alarmPauseEndsMs; // the owner's: not sent back
        m_station->evaluateAlarms();
        return;
    }

    GatewayAlarm ga;
    ga.sourceId = QStringLiteral("cluster:") + e.station;
    ga.alarmId = owner + u'/' + e.id;
    ga.bedKey = remoteKey(e.unit, e.bedKey);
    ga.bedLabel = e.unit + u' ' + (e.bedLabel.isEmpty() ? e.bedKey : e.bedLabel);
    ga.eventRefId = e.code;
    ga.eventText = e.text;
    ga.parameter = e.parameter.isEmpty() ? std::nullopt : numericByKey(e.parameter);
    ga.direction = e.direction == QLatin1String("high")  ? alarms::Direction::High
                   : e.direction == QLatin1String("low") ? alarms::Direction::Low
                                                         : alarms::Direction::None;
    ga.kind = alarms::kindFromString(e.kind);
    if (ga.kind == alarms::Kind::Technical)
        ga.technicalCode = e.code;
    ga.priority = alarms::priorityFromString(e.priority);
    if (e.hasValue)
        ga.value = e.value;
    if (e.hasLimit)
        (ga.direction == alarms::Direction::High ? ga.limitHigh : ga.limitLow) = e.limit;
    ga.phase = e.step == QLatin1String("start")         ? alarms::Phase::Start
               : e.step == QLatin1String("escalate")    ? alarms::Phase::Escalate
               : e.step == QLatin1String("de-escalate") ? alarms::Phase::DeEscalate
               : !e.active                              ? alarms::Phase::End
                                                        : alarms::Phase::Continue;
    ga.state = e.active ? alarms::ReportedState::Active : alarms::ReportedState::Inactive;
    ga.timeMs = e.timeMs;

    alarms::AlarmEngine *engine = m_station->alarmEngine();
    engine->onGatewayAlarm(ga);
    Remote &r = m_remote[ga.alarmId];
    r.station = owner;
    r.unit = e.unit;
    r.id = e.id;
    r.bedKey = e.bedKey;
    r.active = e.active;
    if (e.acknowledged && !r.ackedAtOwner) {
        r.ackedAtOwner = true;
        for (const alarms::AlarmCondition &c : engine->conditions())
            if (c.gatewayAlarmId == ga.alarmId && !c.acknowledged)
                engine->acknowledge(
                    c.id,
                    tr("%1 at %2")
                        .arg(e.acknowledgedBy.isEmpty() ? tr("unknown user") : e.acknowledgedBy, e.station));
    }
    m_station->cluster()->setOwner(ga.bedKey, e.station);
    m_station->evaluateAlarms();
    if (e.step == QLatin1String("start") && e.active) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_arrivals.append(QJsonObject{{QStringLiteral("owner"), e.station},
                                      {QStringLiteral("id"), e.id},
                                      {QStringLiteral("gw"), e.gatewayId},
                                      {QStringLiteral("bed"), ga.bedKey},
                                      {QStringLiteral("code"), e.code},
                                      {QStringLiteral("onset"), static_cast<double>(e.onsetMs)},
                                      {QStringLiteral("published"), static_cast<double>(e.publishedMs)},
                                      {QStringLiteral("active"), static_cast<double>(now)}});
        while (m_arrivals.size() > 500)
            m_arrivals.removeFirst();
    }
}

void ClusterWiring::onCommand(const QByteArray &bytes)
{
    const auto cmd = cluster::decodeCommand(bytes);
    if (!cmd || !ownsCommand(cmd->station) || cmd->from == m_name)
        return;
    alarms::AlarmEngine *engine = m_station->alarmEngine();
    const QString user = tr("%1 at %2").arg(cmd->user.isEmpty() ? tr("unknown user") : cmd->user, cmd->from);
    // The viewing station checked the permission of its signed-in user (Station::acknowledge,
    // Station::pauseAlarms); the cluster's per-station credentials vouch for the station. Here the owner
    // records what it applied. Both stations of a redundant pair apply it (the standby keeps the same state).
    if (cmd->op == QLatin1String("acknowledge")) {
        const QString local = localIdOf(cmd->alarmId);
        if (auto p = m_partner.find(cmd->alarmId); p != m_partner.end())
            p->ackRelayed = true; // a standby applies it too: the active one has it already
        if (!local.isEmpty() && engine->acknowledge(local, user)) {
            m_station->access()->audit(QStringLiteral("acknowledge_remote"), local, user);
            ++m_commandsApplied;
            m_station
                ->evaluateAlarms(); // the acknowledgement goes out to every viewer from afterEvaluation()
        }
    } else if (cmd->op == QLatin1String("pause") && !cmd->bedKey.isEmpty() &&
               !m_station->cluster()->isRemote(cmd->bedKey)) {
        const bool ok = cmd->seconds > 0 ? engine->pauseAlarms(cmd->bedKey, user, cmd->seconds) : true;
        if (cmd->seconds <= 0)
            engine->resumeAlarms(cmd->bedKey, user);
        if (ok) {
            m_station->access()->audit(cmd->seconds > 0 ? QStringLiteral("alarms_pause_remote")
                                                        : QStringLiteral("alarms_resume_remote"),
                                       cmd->bedKey, QStringLiteral("%1 (%2 s)").arg(user).arg(cmd->seconds));
            ++m_commandsApplied;
            m_station->evaluateAlarms(); // the pause goes out to every viewer from relayPauses()
        }
    }
}

// --- connection and stats -------------------------------------------------------------------------------

void ClusterWiring::onConnection(bool up, const QString &detail)
{
    m_up = up;
    m_station->cluster()->setConnection(up, up ? tr("connected") : detail);
    if (m_config.redundant)
        updateStatus();
    if (up) {
        if (m_conditionRaised)
            m_station->setStationCondition(kConditionCode, QString(), false);
        m_conditionRaised = false;
        return;
    }
    // A failover to another server of the cluster takes milliseconds: only a loss that lasts is a
    // condition (the nurse is not told of a reconnection that changed nothing).
    QTimer::singleShot(kConditionAfterMs, this, [this] {
        if (m_up || m_conditionRaised)
            return;
        m_conditionRaised = true;
        // English in the record; translated on screen through the AlarmText table
        // (models/domain/AlarmText.h).
        m_station->setStationCondition(kConditionCode,
                                       QStringLiteral("Cluster unreachable: local monitoring only"), true);
    });
}

void ClusterWiring::publishStats()
{
    if (!m_link)
        return;
    const Counters &c = counters();
    QJsonObject o{{QStringLiteral("station"), m_name},
                  {QStringLiteral("unit"), m_unit},
                  {QStringLiteral("connected"), m_up},
                  {QStringLiteral("data_messages"), static_cast<double>(c.dataMessages.load())},
                  {QStringLiteral("data_bytes"), static_cast<double>(c.dataBytes.load())},
                  {QStringLiteral("data_dropped"), static_cast<double>(c.dataDropped.load())},
                  {QStringLiteral("samples_published"), static_cast<double>(c.samplesPublished.load())},
                  {QStringLiteral("remote_messages"), static_cast<double>(c.remoteMessages.load())},
                  {QStringLiteral("remote_bytes"), static_cast<double>(c.remoteBytes.load())},
                  {QStringLiteral("samples_received"), static_cast<double>(c.samplesReceived.load())},
                  {QStringLiteral("samples_missing"), static_cast<double>(c.samplesMissing.load())},
                  {QStringLiteral("remote_undecodable"), static_cast<double>(c.remoteUndecodable.load())},
                  {QStringLiteral("alarm_events_published"), static_cast<double>(m_seq)},
                  {QStringLiteral("alarm_events_pending"), m_link->pendingAlarms()},
                  {QStringLiteral("alarm_events_applied"), static_cast<double>(m_eventsApplied)},
                  {QStringLiteral("alarm_events_duplicate"), static_cast<double>(m_eventsDuplicate)},
                  {QStringLiteral("commands_sent"), static_cast<double>(m_commandsSent)},
                  {QStringLiteral("commands_applied"), static_cast<double>(m_commandsApplied)},
                  {QStringLiteral("remote_beds"), m_station->cluster()->remoteBeds()},
                  {QStringLiteral("redundant"), m_config.redundant},
                  {QStringLiteral("role"), !m_config.redundant ? QStringLiteral("single")
                                           : m_active          ? QStringLiteral("active")
                                                               : QStringLiteral("standby")},
                  {QStringLiteral("lease_holder"), m_holder},
                  {QStringLiteral("role_since"), static_cast<double>(m_roleSinceMs)},
                  {QStringLiteral("takeovers"), m_takeovers},
                  {QStringLiteral("partner_conditions"), static_cast<int>(m_partner.size())},
                  {QStringLiteral("partner_bound"), static_cast<int>(m_alias.size())},
                  {QStringLiteral("arrivals"), m_arrivals}};
    m_station->cluster()->setStats(o);
}

} // namespace vigil
