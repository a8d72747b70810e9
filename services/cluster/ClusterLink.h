// The station's connection to the NATS cluster (libnats). The object lives on its own QThread ("cluster"):
// connecting, creating the alarm stream, subscribing and publishing alarm events (which waits for the
// stream's acknowledgement) happen there. libnats runs its own reader and callback threads; what they
// receive is handed on through the callbacks below (data: straight to a thread-safe sink; alarms and
// commands: Qt signals, queued to the GUI thread).
//
// Alarm events are never lost to an outage: publishAlarm() queues them and retries until the stream has
// stored each one; the stream drops a resend by its Nats-Msg-Id. Viewers read the stream with an ordered
// consumer that libnats recreates after a server loss from the last sequence delivered, and drop any
// sequence they have seen, so the history has no gap and no duplicate.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

struct __natsConnection;
struct __natsOptions;
struct __natsSubscription;
struct __jsCtx;
struct __natsMsg;

namespace vigil::cluster {

struct LinkSettings
{
    QStringList servers; // nats://host:port or tls://host:port
    QString name;        // connection name (the station's)
    QString hospital;
    QString caFile, certFile, keyFile; // TLS: CA bundle, client certificate and key
    int replicas = 3;                  // the alarm stream's replicas
    QStringList alarmSubjects;         // stream subjects to read (the watched units' alarm subjects)
    QStringList dataSubjects;          // plain subjects to read (the watched units' data)
    QStringList commandSubjects;       // plain subjects to read (actions on our own beds)
};

class ClusterLink : public QObject
{
    Q_OBJECT
public:
    explicit ClusterLink(LinkSettings settings, QObject *parent = nullptr);
    ~ClusterLink() override;

    // Called on a libnats thread for every data message (set before start()).
    using DataHandler = std::function<void(const QByteArray &)>;
    void setDataHandler(DataHandler h) { m_dataHandler = std::move(h); }

    // Any thread: publishes on a plain subject; false (dropped) while the cluster is unreachable.
    bool publish(const QString &subject, const QByteArray &data);
    bool connected() const { return m_connected.load(); }
    quint64 publishErrors() const { return m_publishErrors.load(); }
    int pendingAlarms() const { return m_pendingCount.load(); }

public slots:
    void start();
    void stop();
    // Queues an alarm event for the stream (any thread; delivered in order, retried until stored).
    void publishAlarm(const QString &subject, const QByteArray &data, const QString &msgId);

signals:
    void connectionChanged(bool up, const QString &detail);
    void alarmReceived(const QByteArray &data, quint64 streamSeq);
    void commandReceived(const QByteArray &data);
    void problem(const QString &detail); // a set-up step failed (stream, subscription, permission)

private:
    void tick();
    bool setUp();
    void flushAlarms();
    friend struct LinkCallbacks; // the libnats callbacks (ClusterLink.cpp)

    LinkSettings m_settings;
    DataHandler m_dataHandler;
    __natsOptions *m_opts = nullptr;
    __natsConnection *m_conn = nullptr;
    __jsCtx *m_js = nullptr;
    std::vector<__natsSubscription *> m_subs;
    // Alarm stream subscriptions, checked and recreated by the link itself: after a server loss an ordered
    // consumer is not always recreated by libnats (seen with SIGKILL of the server holding it).
    struct AlarmSub
    {
        ClusterLink *link = nullptr;
        QString subject;
        __natsSubscription *sub = nullptr;
        std::atomic<quint64> lastSeq{0}; // stream sequence last delivered
    };
    std::vector<std::unique_ptr<AlarmSub>> m_alarmSubs;
    bool subscribeAlarms(AlarmSub &a);
    void checkAlarmSubs(bool recreate);
    std::atomic<bool> m_reconnected{false};
    qint64 m_lastCheckMs = 0;
    bool m_setUp = false;
    std::atomic<bool> m_connected{false};
    std::atomic<quint64> m_publishErrors{0};

    QTimer *m_timer = nullptr;
    struct Pending
    {
        QString subject;
        QByteArray data;
        QString msgId;
    };
    std::mutex m_pendingMutex;
    std::deque<Pending> m_pending;
    std::atomic<int> m_pendingCount{0};
};

} // namespace vigil::cluster
