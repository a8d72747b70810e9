// One MLLP connection from a gateway (either direction of dialling; both use this class).
//
// Frames are parsed and decoded on the connection's thread; decoded updates go to the IngestSink at once
// (the live display never waits on the disk) and to the DurableStore, and the commit ACK goes back only
// when the store reports the message durable. Without a store (no archive configured) the ACK follows the
// hand-over to the in-memory model. Malformed or unsupported messages get AE/AR (or CE/CR) with an ERR
// segment saying what was wrong; the connection stays up. ACKs leave in message order.
#pragma once

#include "DurableStore.h"
#include "Ingest.h"
#include "Mllp.h"
#include "MllpLink.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace vigil {

// The messages a source stored recently, by sender (MSH-3, MSH-4) and control id (MSH-10), shared by all
// the connections of the source (a gateway resends on a new connection after a drop). Gateways deliver at
// least once: a resend of a stored message is acknowledged again, once the original is durable, and not
// stored a second time. Bounded: the oldest ids are forgotten first. Thread-safe (sessions may each run on
// their own thread).
class ResendFilter
{
public:
    explicit ResendFilter(std::size_t capacity) : m_capacity(capacity) {}

    struct Original
    {
        quint64 ticket = 0; // the store's ticket for it (hasTicket false: no store)
        bool hasTicket = false;
    };
    // The original of a message with this key and content if it was seen (a resend); otherwise remembers
    // this one with the ticket `store` returns (nullopt: no store), called under the filter's lock so a
    // resend on another connection cannot overtake it. A key seen with other content is a new message
    // (a sender that reuses control ids) and replaces the old entry.
    std::optional<Original> admit(const std::string &key, std::size_t contentHash,
                                  const std::function<std::optional<quint64>()> &store);
    // The original was not stored after all: a resend must be stored.
    void forget(const std::string &key);
    std::size_t size() const;

private:
    struct Entry
    {
        std::size_t hash = 0;
        Original original;
    };
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
    std::deque<std::string> m_order;
};

struct SessionContext
{
    QString sourceId;
    IngestSink *sink = nullptr;
    DurableStore *store = nullptr; // optional
    std::size_t maxFrameBytes = kDefaultMaxFrameBytes;
    std::shared_ptr<ResendFilter> resends;  // optional: shared by the source's connections
    std::shared_ptr<LinkActivity> activity; // optional: traffic and close requests of a listener's link
};

class MllpSession : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of the socket (already connected, or a QSslSocket whose handshake is under way).
    MllpSession(QTcpSocket *socket, SessionContext context, QObject *parent = nullptr);
    ~MllpSession() override;

    QTcpSocket *socket() const { return m_socket; }
    QString peer() const { return m_peer; }
    quint64 messages() const;
    quint64 errors() const;
    quint64 resends() const; // messages recognised as resends of stored ones (ACKed, not stored again)
    // True while the gateway's PCD-04 heartbeat arrives within its confirm timeout (or it sends none).
    bool heartbeatOk() const { return m_heartbeatOk; }

signals:
    void messageHandled(bool ok);
    void resendRecognised(); // a copy of a message already taken: acknowledged again, not stored twice
    void problem(const QString &text); // a message or frame the session refused, with the reason
    void heartbeatChanged(bool ok);
    void closed();

private:
    void onReadyRead();
    void frameDone(std::size_t bytes);
    void heartbeatSeen(int timeoutS);
    void queueAck(quint64 seq, std::string ack);
    void ackReady(quint64 seq, bool durable);
    void flushAcks();
    void checkHeartbeat();

    // Shared with the worker thread and with durability callbacks (the archive's writer thread): they
    // may outlive the session, so they reach it only through this link, under its mutex.
    struct Link
    {
        std::mutex mutex;
        MllpSession *session = nullptr;
        std::atomic<quint64> messages{0}, errors{0}, resends{0};
        // Runs fn on the session's thread, if the session still exists.
        void post(std::function<void(MllpSession *)> fn);
    };
    std::shared_ptr<Link> m_link;

    // Parses, decodes and stores frames on the link's thread; answers through Link::post.
    class Worker : public QObject
    {
    public:
        Worker(std::shared_ptr<Link> link, SessionContext ctx)
            : m_link(std::move(link)), m_ctx(std::move(ctx))
        {}
        void handle(quint64 seq, std::string_view frame);
        std::shared_ptr<Link> m_link;

    private:
        void expectAck(quint64 seq, std::string ack, std::string failAck, bool ready);
        void waitDurable(quint64 seq, quint64 ticket, const std::string &resendKey);
        SessionContext m_ctx;
    };

    QTcpSocket *m_socket;
    SessionContext m_ctx;
    QString m_peer;
    hl7::MllpFramer m_framer;
    quint64 m_nextSeq = 0;
    quint64 m_nextToSend = 0;
    struct PendingAck
    {
        std::string ack;     // the ACK to send when ready
        std::string failAck; // sent instead when the store fails (AE/CE: not durable)
        bool ready = false;
        bool durable = true;
    };
    std::map<quint64, PendingAck> m_acks;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<Worker> m_worker; // lives on m_thread
    std::size_t m_backlogBytes = 0;   // handed to the worker, not yet done
    QTimer m_heartbeatTimer;
    QElapsedTimer m_sinceHeartbeat;
    int m_heartbeatTimeoutS = 0; // 0 until a heartbeat was seen
    bool m_heartbeatOk = true;
};

} // namespace vigil
