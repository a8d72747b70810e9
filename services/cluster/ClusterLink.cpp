// The NATS connection (see ClusterLink.h).
#include "ClusterLink.h"
#include "NatsOptions.h"

#include "ClusterWire.h"

#include <nats/nats.h>

#include <QDateTime>
#include <QThread>

#include <vector>

namespace vigil::cluster {

struct LinkCallbacks
{
    static void onDisconnected(natsConnection *, void *closure);
    static void onReconnected(natsConnection *, void *closure);
    static void onConnected(natsConnection *nc, void *closure);
    static void onError(natsConnection *, natsSubscription *, natsStatus err, void *closure);
    static void onData(natsConnection *, natsSubscription *, natsMsg *msg, void *closure);
    static void onAlarm(natsConnection *, natsSubscription *, natsMsg *msg, void *closure);
    static void onCommand(natsConnection *, natsSubscription *, natsMsg *msg, void *closure);
};

ClusterLink::ClusterLink(LinkSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{}

ClusterLink::~ClusterLink()
{
    stop();
}

void ClusterLink::start()
{
    if (m_opts)
        return;
    QString tlsError;
    m_opts = makeNatsOptions({m_settings.servers, m_settings.name, m_settings.caFile, m_settings.certFile,
                              m_settings.keyFile, 2000, 2000},
                             &tlsError);
    natsOptions_SetDisconnectedCB(m_opts, &LinkCallbacks::onDisconnected, this);
    natsOptions_SetReconnectedCB(m_opts, &LinkCallbacks::onReconnected, this);
    natsOptions_SetErrorHandler(m_opts, &LinkCallbacks::onError, this);
    natsOptions_SetRetryOnFailedConnect(m_opts, true, &LinkCallbacks::onConnected, this);
    if (!tlsError.isEmpty())
        emit problem(tlsError);
    const natsStatus s = natsConnection_Connect(&m_conn, m_opts);
    if (s == NATS_OK) {
        m_connected = true;
        emit connectionChanged(true, QString());
    } else if (s != NATS_NOT_YET_CONNECTED) {
        emit connectionChanged(false, natsErrorText(s));
    } else {
        emit connectionChanged(false, tr("connecting"));
    }
    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ClusterLink::tick);
    m_timer->start();
}

void ClusterLink::stop()
{
    if (m_timer)
        m_timer->stop();
    for (natsSubscription *sub : m_subs) {
        natsSubscription_Unsubscribe(sub);
        natsSubscription_Destroy(sub);
    }
    m_subs.clear();
    for (auto &a : m_alarmSubs) {
        if (a->sub) {
            natsSubscription_Unsubscribe(a->sub);
            natsSubscription_Destroy(a->sub);
            a->sub = nullptr;
        }
    }
    if (m_js) {
        jsCtx_Destroy(m_js);
        m_js = nullptr;
    }
    if (m_conn) {
        natsConnection_FlushTimeout(m_conn, 1000);
        natsConnection_Close(m_conn);
        natsConnection_Destroy(m_conn);
        m_conn = nullptr;
    }
    if (m_opts) {
        natsOptions_Destroy(m_opts);
        m_opts = nullptr;
    }
    m_connected = false;
}

bool ClusterLink::publish(const QString &subject, const QByteArray &data)
{
    if (!m_conn || natsConnection_Status(m_conn) != NATS_CONN_STATUS_CONNECTED)
        return false;
    const natsStatus s = natsConnection_Publish(m_conn, subject.toUtf8().constData(), data.constData(),
                                                static_cast<int>(data.size()));
    if (s != NATS_OK) {
        ++m_publishErrors;
        return false;
    }
    return true;
}

void ClusterLink::publishAlarm(const QString &subject, const QByteArray &data, const QString &msgId)
{
    {
        std::lock_guard lock(m_pendingMutex);
        m_pending.push_back({subject, data, msgId});
        m_pendingCount = static_cast<int>(m_pending.size());
    }
    if (QThread::currentThread() == thread())
        flushAlarms();
    else
        QMetaObject::invokeMethod(this, &ClusterLink::flushAlarms, Qt::QueuedConnection);
}

void ClusterLink::tick()
{
    if (!m_conn)
        return;
    const bool up = natsConnection_Status(m_conn) == NATS_CONN_STATUS_CONNECTED;
    if (up && !m_setUp)
        m_setUp = setUp();
    if (up && m_setUp) {
        // After a reconnection, and every 3 s: the alarm consumers exist, or are made again.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const bool reconnected = m_reconnected.exchange(false);
        if (reconnected || now - m_lastCheckMs >= 3000) {
            m_lastCheckMs = now;
            checkAlarmSubs(reconnected);
        }
        flushAlarms();
    }
}

bool ClusterLink::setUp()
{
    if (!m_js) {
        jsOptions o;
        jsOptions_Init(&o);
        o.Wait = 2000;
        if (natsConnection_JetStream(&m_js, m_conn, &o) != NATS_OK)
            return false;
    }
    // The alarm stream: created by the first station that finds it missing (the same configuration from
    // every station, so a race between two is harmless).
    jsStreamInfo *si = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = js_GetStreamInfo(&si, m_js, kAlarmStream, nullptr, &jerr);
    if (s == NATS_NOT_FOUND) {
        const QByteArray subj =
            QStringLiteral("hospital.%1.*.*.alarm").arg(token(m_settings.hospital)).toUtf8();
        const char *subjects[] = {subj.constData()};
        jsStreamConfig cfg;
        jsStreamConfig_Init(&cfg);
        cfg.Name = kAlarmStream;
        cfg.Subjects = subjects;
        cfg.SubjectsLen = 1;
        cfg.Storage = js_FileStorage;
        cfg.Replicas = m_settings.replicas;
        cfg.MaxAge =
            7LL * 24 * 3600 * 1'000'000'000LL;        // a week of alarm history; the archive keeps it longer
        cfg.Duplicates = 10LL * 60 * 1'000'000'000LL; // a resend within 10 min is recognised
        s = js_AddStream(&si, m_js, &cfg, nullptr, &jerr);
        if (s != NATS_OK)
            s = js_GetStreamInfo(&si, m_js, kAlarmStream, nullptr, &jerr); // another station made it
    }
    if (si)
        jsStreamInfo_Destroy(si);
    if (s != NATS_OK) {
        emit problem(QStringLiteral("alarm stream: %1 (%2)").arg(natsErrorText(s)).arg(int(jerr)));
        return false;
    }
    for (const QString &subject : m_settings.dataSubjects) {
        natsSubscription *sub = nullptr;
        if (natsConnection_Subscribe(&sub, m_conn, subject.toUtf8().constData(), &LinkCallbacks::onData,
                                     this) == NATS_OK) {
            natsSubscription_SetPendingLimits(sub, 65536, 256 * 1024 * 1024);
            m_subs.push_back(sub);
        }
    }
    for (const QString &subject : m_settings.commandSubjects) {
        natsSubscription *sub = nullptr;
        if (natsConnection_Subscribe(&sub, m_conn, subject.toUtf8().constData(), &LinkCallbacks::onCommand,
                                     this) == NATS_OK)
            m_subs.push_back(sub);
    }
    // Made once: a retry of a later step must not subscribe these twice (each message would come twice).
    m_settings.dataSubjects.clear();
    m_settings.commandSubjects.clear();
    while (!m_settings.alarmSubjects.isEmpty()) {
        auto a = std::make_unique<AlarmSub>();
        a->link = this;
        a->subject = m_settings.alarmSubjects.first();
        if (!subscribeAlarms(*a))
            return false; // retried at the next tick (subscriptions made so far are kept)
        m_alarmSubs.push_back(std::move(a));
        m_settings.alarmSubjects.removeFirst();
    }
    return true;
}

bool ClusterLink::subscribeAlarms(AlarmSub &a)
{
    if (a.sub) {
        natsSubscription_Unsubscribe(a.sub);
        natsSubscription_Destroy(a.sub);
        a.sub = nullptr;
    }
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = kAlarmStream;
    so.Ordered = true;
    // From the first sequence not yet delivered: a recreated consumer neither skips nor repeats (the
    // station also drops an owner's event it has applied).
    const quint64 last = a.lastSeq.load();
    so.Config.DeliverPolicy = last ? js_DeliverByStartSequence : js_DeliverAll;
    so.Config.OptStartSeq = last + 1;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    const natsStatus s = js_Subscribe(&a.sub, m_js, a.subject.toUtf8().constData(), &LinkCallbacks::onAlarm,
                                      &a, nullptr, &so, &jerr);
    if (s != NATS_OK) {
        a.sub = nullptr;
        emit problem(QStringLiteral("alarm subscription %1: %2").arg(a.subject, natsErrorText(s)));
        return false;
    }
    return true;
}

void ClusterLink::checkAlarmSubs(bool recreate)
{
    for (auto &a : m_alarmSubs) {
        bool ok = a->sub != nullptr && !recreate;
        if (ok) {
            jsConsumerInfo *ci = nullptr;
            jsErrCode jerr = static_cast<jsErrCode>(0);
            ok = natsSubscription_GetConsumerInfo(&ci, a->sub, nullptr, &jerr) == NATS_OK;
            if (ci)
                jsConsumerInfo_Destroy(ci);
        }
        if (!ok)
            subscribeAlarms(*a);
    }
}

void ClusterLink::flushAlarms()
{
    if (!m_js || !m_conn || natsConnection_Status(m_conn) != NATS_CONN_STATUS_CONNECTED)
        return;
    for (;;) {
        Pending p;
        {
            std::lock_guard lock(m_pendingMutex);
            if (m_pending.empty())
                return;
            p = m_pending.front();
        }
        const QByteArray subj = p.subject.toUtf8(), id = p.msgId.toUtf8();
        jsPubOptions po;
        jsPubOptions_Init(&po);
        po.MsgId = id.constData();
        po.MaxWait = 2000;
        jsPubAck *ack = nullptr;
        jsErrCode jerr = static_cast<jsErrCode>(0);
        const natsStatus s = js_Publish(&ack, m_js, subj.constData(), p.data.constData(),
                                        static_cast<int>(p.data.size()), &po, &jerr);
        if (ack)
            jsPubAck_Destroy(ack);
        if (s != NATS_OK) {
            ++m_publishErrors;
            return; // kept at the head: retried at the next tick, in order
        }
        std::lock_guard lock(m_pendingMutex);
        m_pending.pop_front();
        m_pendingCount = static_cast<int>(m_pending.size());
    }
}

void LinkCallbacks::onDisconnected(natsConnection *, void *closure)
{
    auto *self = static_cast<ClusterLink *>(closure);
    self->m_connected = false;
    emit self->connectionChanged(false, ClusterLink::tr("cluster unreachable"));
}

void LinkCallbacks::onReconnected(natsConnection *, void *closure)
{
    auto *self = static_cast<ClusterLink *>(closure);
    self->m_connected = true;
    self->m_reconnected = true;
    emit self->connectionChanged(true, QString());
}

void LinkCallbacks::onConnected(natsConnection *nc, void *closure)
{
    onReconnected(nc, closure);
}

void LinkCallbacks::onError(natsConnection *, natsSubscription *, natsStatus err, void *closure)
{
    auto *self = static_cast<ClusterLink *>(closure);
    const char *last = nats_GetLastError(nullptr);
    emit self->problem(QStringLiteral("%1%2").arg(
        QString::fromUtf8(natsStatus_GetText(err)),
        last && *last ? QStringLiteral(": ") + QString::fromUtf8(last) : QString()));
}

void LinkCallbacks::onData(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    auto *self = static_cast<ClusterLink *>(closure);
    if (self->m_dataHandler)
        self->m_dataHandler(QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)));
    natsMsg_Destroy(msg);
}

void LinkCallbacks::onAlarm(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    auto *a = static_cast<ClusterLink::AlarmSub *>(closure);
    quint64 seq = 0;
    jsMsgMetaData *meta = nullptr;
    if (natsMsg_GetMetaData(&meta, msg) == NATS_OK && meta) {
        seq = meta->Sequence.Stream;
        jsMsgMetaData_Destroy(meta);
    }
    if (seq > a->lastSeq.load())
        a->lastSeq = seq;
    emit a->link->alarmReceived(QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)), seq);
    natsMsg_Destroy(msg);
}

void LinkCallbacks::onCommand(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    auto *self = static_cast<ClusterLink *>(closure);
    emit self->commandReceived(QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg)));
    natsMsg_Destroy(msg);
}

} // namespace vigil::cluster
