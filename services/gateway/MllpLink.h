// The one MLLP connection layer of the station: every link it makes or accepts (gateways dialled or
// dialling in, the alert manager and its reply listener, and the links later parts add) gets its TLS
// set-up and peer checks, its listener with its limits, its dial-out with backoff and jitter and its
// status from here. What a link does with its frames (PCD-01/04 ingest, PCD-04 escalations) is its own.
//
// Listener limits (a scanner, a flood or a misbehaving device must not shut a ward's gateways out):
// - a TLS handshake that does not finish within handshakeTimeoutMs is dropped, and at most maxPending
//   handshakes run at once (the oldest gives way to a newcomer);
// - at most maxConnections links per listener and maxConnectionsPerPeer per peer address; when a cap is
//   reached, the oldest link that never sent a frame gives way (a gateway that has talked keeps its link),
//   else the newcomer is refused;
// - a link with no traffic for idleTimeoutMs is closed (any received byte, a heartbeat included, keeps
//   it alive), and one that sent no frame at all within silentTimeoutMs of its accept;
// - a listener that stops accepting (accept error, socket closed) reports it through health(), and tries
//   to accept again every second.
//
// Threading: MllpListener and MllpDialer live on one thread (their owner's). A link handed out may move
// to another thread; its LinkActivity is then updated from there (atomics) and closed through a queued
// call.
#pragma once

#include "MllpEndpoint.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslError>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

namespace vigil {

// The errors of a refused TLS peer, joined for one message.
QString describeSslErrors(const QList<QSslError> &errors);

// The address to bind for a listen URL host: "*" or "0.0.0.0" any IPv4, a literal address itself, a name
// (only "localhost" makes sense) the loopback.
QHostAddress listenAddress(const QString &host);

// Seconds until the next attempt after `failures` consecutive failures: exponential, capped, with ±20 %
// jitter so a ward of stations does not reconnect in lockstep after a peer restart.
double backoffSeconds(int failures, double minS, double maxS, QRandomGenerator &rng);

// Drops a connection this side owns, at once: its signals to `receiver` are cut first (no slot sees it
// half-closed), then it is aborted and deleted from the event loop. Null is ignored.
void discardSocket(QTcpSocket *socket, const QObject *receiver);

struct LinkLimits
{
    int handshakeTimeoutMs = 10000; // TLS handshake to finish after the TCP accept
    int maxPending = 32;            // TLS handshakes under way at once
    // Links per listener (handshaking ones included) and per peer address. A gateway may open one
    // connection per bed (Ward::kMaxBeds 128) from one host; silent connections give way to newcomers,
    // so a flood does not need a low cap to be harmless.
    int maxConnections = 256;
    int maxConnectionsPerPeer = 128;
    // No byte received for this long: closed (0: never). Longer than the slowest periodic report a
    // device sends (a NIBP-only bed every 15 min); a heartbeat or any traffic keeps the link open.
    int idleTimeoutMs = 20 * 60 * 1000;
    // A connection that has not sent one frame this long after it was accepted is no gateway: closed.
    int silentTimeoutMs = 30000;
};

// The default frame cap of a gateway link. The largest real message is a PCD-01 waveform batch: 12 leads,
// 10 s at 1 kHz is about 0.5 MB; numerics and alarm messages are a few KB. 1 MiB leaves twice that and
// bounds a link's buffer; a site with larger batches raises max_frame_bytes.
inline constexpr std::size_t kDefaultMaxFrameBytes = 1u << 20;

struct GatewayLinkSettings
{
    MllpUrl url;
    TlsSettings tls;
    std::size_t maxFrameBytes = kDefaultMaxFrameBytes;
    double reconnectMinS = 1.0;
    double reconnectMaxS = 30.0;
    LinkLimits limits;       // listeners
    int resendMemory = 4096; // control ids remembered per source to store a resent message once (0: off)
};

// What the listener knows of a link after handing it out; the link's owner updates it from its thread.
struct LinkActivity
{
    std::atomic<qint64> lastRxMs{0}; // monotonic (LinkActivity::nowMs)
    std::atomic<bool> proven{false}; // sent at least one well-formed frame
    std::atomic<bool> closed{false};

    static qint64 nowMs();
    void touch() { lastRxMs.store(nowMs(), std::memory_order_relaxed); }
    // Asks the link to close, on its own thread; false when it is already gone.
    bool requestClose();
    // Called by the link's owner on its thread: the socket to abort on requestClose() (null: gone).
    void bind(QTcpSocket *socket);

private:
    std::mutex m_mutex;
    QTcpSocket *m_socket = nullptr;
};

class MllpListener : public QObject
{
    Q_OBJECT
public:
    // `what` names the peers in messages ("gateway", "alert manager").
    MllpListener(GatewayLinkSettings settings, QString what, QObject *parent = nullptr);
    ~MllpListener() override;

    // Builds the TLS configuration and starts listening; false with the reason otherwise.
    bool listen(QString *error);
    void close();
    quint16 port() const;
    bool accepting() const { return m_accepting; }
    int pendingHandshakes() const { return static_cast<int>(m_pending.size()); }
    int links() const; // established links still open

signals:
    // A link is ready (TLS: handshake done and the peer's name checked). The receiver owns the socket
    // from here (parent it or delete it) and keeps `activity` up to date (touch() on traffic, proven on a
    // good frame; bind() it to the socket on the socket's thread).
    void linkReady(QTcpSocket *socket, std::shared_ptr<vigil::LinkActivity> activity);
    // A refused or dropped peer, a TLS failure: for the source's error count and log.
    void problem(const QString &text);
    // Accepting or not, with the reason: for the status the station shows.
    void health(bool accepting, const QString &why);

private:
    class Server;
    struct Conn
    {
        QPointer<QTcpSocket> socket; // while handshaking (owned by the listener)
        std::shared_ptr<LinkActivity> activity;
        QHostAddress peer;
        qint64 sinceMs = 0;
        bool handedOut = false;
    };

    void incoming(qintptr descriptor);
    void handshakeDone(QSslSocket *socket);
    void handOut(QTcpSocket *socket);
    void dropPending(QTcpSocket *socket, const QString &why);
    bool makeRoom(const QHostAddress &peer);
    void sweep();
    void setAccepting(bool accepting, const QString &why);
    QString peerText(const QTcpSocket *socket) const;

    GatewayLinkSettings m_settings;
    QString m_what;
    std::optional<QSslConfiguration> m_tls;
    Server *m_server = nullptr;
    std::deque<Conn> m_pending; // handshaking, oldest first
    std::deque<Conn> m_links;   // handed out, oldest first
    QTimer *m_sweep;
    bool m_accepting = false;
    bool m_closing = false;
    quint64 m_refused = 0;
    qint64 m_lastAcceptProblemMs = 0;
};

// Dial-out: connects (TLS with the peer's name checked), hands the ready socket over, and after a failure
// or a closed link tries again with backoff and jitter.
class MllpDialer : public QObject
{
    Q_OBJECT
public:
    MllpDialer(GatewayLinkSettings settings, QString what, QObject *parent = nullptr);
    ~MllpDialer() override;

    // Builds the TLS configuration (false with the reason: a configuration error does not fix itself).
    bool prepare(QString *error);
    void dial(); // now, unless a dial is under way
    void stop(); // no more attempts; an attempt under way is aborted
    bool dialling() const { return m_socket != nullptr; }
    // The link handed out closed: try again after the backoff (reset if it had been up a while); returns
    // the delay in seconds.
    double linkClosed(const QString &why);
    // Schedules the next attempt after a failure; returns the delay in seconds (0 when stopped).
    double retryLater(const QString &why);
    const GatewayLinkSettings &settings() const { return m_settings; }
    // The attempt under way (while dialling), e.g. to read what the peer sent before the handshake ended.
    QTcpSocket *attempt() const { return m_socket; }

    static constexpr qint64 kStableLinkMs = 10000; // a link up this long was not a failing one

signals:
    // The link is up. The receiver owns the socket from here.
    void connected(QTcpSocket *socket);
    // An attempt failed (the reason says why; certificateRefused: the peer's certificate was refused, which
    // waiting will not change). The next attempt is scheduled already; `retryInS` says when.
    void failed(const QString &why, bool certificateRefused, double retryInS);

private:
    void fail(QTcpSocket *socket, const QString &why, bool certificate);

    GatewayLinkSettings m_settings;
    QString m_what;
    std::optional<QSslConfiguration> m_tls;
    QTcpSocket *m_socket = nullptr; // the attempt under way
    QTimer *m_retry;
    QElapsedTimer m_upFor;
    int m_failures = 0;
    bool m_running = false;
    QRandomGenerator m_rng;
};

} // namespace vigil

Q_DECLARE_METATYPE(std::shared_ptr<vigil::LinkActivity>)
