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

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <map>
#include <memory>
#include <mutex>

namespace vigil {

struct SessionContext
{
    QString sourceId;
    IngestSink *sink = nullptr;
    DurableStore *store = nullptr; // optional
    std::size_t maxFrameBytes = 4u << 20;
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
    quint64 messages() const { return m_messages; }
    quint64 errors() const { return m_errors; }
    // True while the gateway's PCD-04 heartbeat arrives within its confirm timeout (or it sends none).
    bool heartbeatOk() const { return m_heartbeatOk; }

signals:
    void messageHandled(bool ok);
    void problem(const QString &text); // a message or frame the session refused, with the reason
    void heartbeatChanged(bool ok);
    void closed();

private:
    void onReadyRead();
    void handleFrame(std::string_view frame);
    void queueAck(quint64 seq, std::string ack);
    void ackReady(quint64 seq, bool durable);
    void flushAcks();
    void checkHeartbeat();

    // Shared with durability callbacks, which run on the archive's writer thread: they may outlive the
    // session, so they reach it only through this link, under its mutex.
    struct Link
    {
        std::mutex mutex;
        MllpSession *session = nullptr;
    };
    std::shared_ptr<Link> m_link;

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
    quint64 m_messages = 0;
    quint64 m_errors = 0;
    QTimer m_heartbeatTimer;
    QElapsedTimer m_sinceHeartbeat;
    int m_heartbeatTimeoutS = 0; // 0 until a heartbeat was seen
    bool m_heartbeatOk = true;
};

} // namespace vigil
