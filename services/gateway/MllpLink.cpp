#include "MllpLink.h"

#include <utility>

#include <QSslSocket>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace vigil {

QString describeSslErrors(const QList<QSslError> &errors)
{
    QStringList out;
    for (const QSslError &e : errors)
        out << e.errorString();
    return out.join(QStringLiteral("; "));
}

QHostAddress listenAddress(const QString &host)
{
    QHostAddress address;
    if (host == QLatin1String("*") || host == QLatin1String("0.0.0.0"))
        return QHostAddress(QHostAddress::AnyIPv4);
    if (!address.setAddress(host))
        return QHostAddress(QHostAddress::LocalHost); // a name: resolve only "localhost" here
    return address;
}

void discardSocket(QTcpSocket *socket, const QObject *receiver)
{
    if (!socket)
        return;
    socket->disconnect(receiver);
    socket->abort();
    socket->deleteLater();
}

double backoffSeconds(int failures, double minS, double maxS, QRandomGenerator &rng)
{
    const double base = std::min(maxS, minS * std::pow(2.0, std::max(0, failures - 1)));
    const double jitter = 0.8 + 0.4 * rng.generateDouble();
    return std::max(0.1, base * jitter);
}

// --- LinkActivity ---------------------------------------------------------------------------------------

qint64 LinkActivity::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool LinkActivity::requestClose()
{
    std::lock_guard lock(m_mutex);
    if (!m_socket)
        return false;
    // Posted to the socket's thread; the socket cannot be deleted meanwhile: its owner unbinds it first,
    // under this mutex.
    QTcpSocket *s = m_socket;
    QMetaObject::invokeMethod(
        s, [s] { s->abort(); }, Qt::QueuedConnection);
    return true;
}

void LinkActivity::bind(QTcpSocket *socket)
{
    std::lock_guard lock(m_mutex);
    m_socket = socket;
    if (!socket)
        closed.store(true);
}

// --- MllpListener ---------------------------------------------------------------------------------------

// Accepts on its own terms: QSslServer counts sockets under handshake against maxPendingConnections and
// stops reading the listening socket when they fill it, and nothing resumes it when they time out (Qt
// 6.4): 30 silent connections shut it. Here every accepted socket is the listener's at once.
class MllpListener::Server : public QTcpServer
{
public:
    explicit Server(MllpListener *owner) : QTcpServer(owner), m_owner(owner) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_owner->incoming(descriptor); }

private:
    MllpListener *m_owner;
};

MllpListener::MllpListener(GatewayLinkSettings settings, QString what, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_what(std::move(what)), m_sweep(new QTimer(this))
{
    qRegisterMetaType<std::shared_ptr<LinkActivity>>();
    connect(m_sweep, &QTimer::timeout, this, &MllpListener::sweep);
}

MllpListener::~MllpListener()
{
    m_closing = true;
    for (Conn &c : m_pending)
        if (c.socket)
            c.socket->disconnect(this);
}

quint16 MllpListener::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

int MllpListener::links() const
{
    return static_cast<int>(std::count_if(m_links.begin(), m_links.end(),
                                          [](const Conn &c) { return !c.activity->closed.load(); }));
}

bool MllpListener::listen(QString *error)
{
    if (m_settings.url.tls) {
        QString why;
        m_tls = makeTlsConfiguration(m_settings.tls, &why);
        if (!m_tls) {
            if (error)
                *error = why;
            return false;
        }
    }
    m_server = new Server(this);
    connect(m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        // Qt pauses accepting after a failed accept (too many open files, out of memory): say so; the
        // sweep resumes it.
        m_lastAcceptProblemMs = LinkActivity::nowMs();
        setAccepting(false, QStringLiteral("not accepting connections: %1").arg(m_server->errorString()));
    });
    if (!m_server->listen(listenAddress(m_settings.url.host), m_settings.url.port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1: %2")
                         .arg(m_settings.url.toString(), m_server->errorString());
        return false;
    }
    const LinkLimits &l = m_settings.limits;
    int tick = 1000;
    if (l.idleTimeoutMs > 0)
        tick = std::min(tick, std::max(50, l.idleTimeoutMs / 4));
    if (l.silentTimeoutMs > 0)
        tick = std::min(tick, std::max(50, l.silentTimeoutMs / 4));
    if (m_tls)
        tick = std::min(tick, std::max(50, l.handshakeTimeoutMs / 4));
    m_sweep->start(tick);
    m_accepting = true;
    return true;
}

void MllpListener::close()
{
    m_closing = true;
    m_sweep->stop();
    if (m_server)
        m_server->close();
    for (Conn &c : m_pending) {
        discardSocket(c.socket, this);
    }
    m_pending.clear();
    m_links.clear();
    m_accepting = false;
}

QString MllpListener::peerText(const QTcpSocket *socket) const
{
    return QStringLiteral("%1 %2:%3").arg(m_what, socket->peerAddress().toString()).arg(socket->peerPort());
}

void MllpListener::setAccepting(bool accepting, const QString &why)
{
    if (accepting == m_accepting)
        return;
    m_accepting = accepting;
    emit health(accepting, why);
}

void MllpListener::incoming(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (!m_accepting && m_server->isListening())
        setAccepting(true, {});
    const QHostAddress peer = socket->peerAddress();
    if (!makeRoom(peer)) {
        ++m_refused;
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    if (!ssl) {
        handOut(socket);
        return;
    }
    ssl->setSslConfiguration(*m_tls);
    Conn c;
    c.socket = socket;
    c.peer = peer;
    c.sinceMs = LinkActivity::nowMs();
    m_pending.push_back(std::move(c));
    connect(ssl, &QSslSocket::encrypted, this, [this, ssl] { handshakeDone(ssl); });
    connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
        emit problem(QStringLiteral("TLS: %1 refused: %2").arg(peerText(ssl), describeSslErrors(errors)));
    });
    // Certificate problems are reported per error while the handshake runs; keep the reason on the socket
    // so the final "connection closed" message says why.
    connect(ssl, &QSslSocket::peerVerifyError, this,
            [ssl](const QSslError &e) { ssl->setProperty("vigilVerifyError", e.errorString()); });
    connect(ssl, &QAbstractSocket::errorOccurred, this, [this, ssl](QAbstractSocket::SocketError e) {
        QString why = ssl->errorString();
        const QString verify = ssl->property("vigilVerifyError").toString();
        if (!verify.isEmpty())
            why = QStringLiteral("TLS: certificate refused: %1 (%2)").arg(verify, why);
        else if (e == QAbstractSocket::SslHandshakeFailedError)
            why = QStringLiteral("TLS handshake failed: %1 (a plaintext or misconfigured %2?)")
                      .arg(why, m_what);
        else
            why = QStringLiteral("TLS handshake not completed: %1").arg(why);
        dropPending(ssl, QStringLiteral("%1: %2").arg(peerText(ssl), why));
    });
    connect(ssl, &QAbstractSocket::disconnected, this, [this, ssl] { dropPending(ssl, {}); });
    ssl->startServerEncryption();
}

void MllpListener::handshakeDone(QSslSocket *ssl)
{
    // Optional extra check on top of CA verification: the peer's certificate must carry this name.
    const QString expected = m_settings.tls.peerName;
    if (!expected.isEmpty() && !certificateNames(ssl->peerCertificate()).contains(expected)) {
        dropPending(ssl,
                    QStringLiteral("TLS: %1 certificate names %2, expected %3")
                        .arg(peerText(ssl), certificateNames(ssl->peerCertificate()).join(u','), expected));
        return;
    }
    std::erase_if(m_pending, [ssl](const Conn &c) { return c.socket == ssl; });
    // Handed out from a turn of its own: the socket is still inside its `encrypted` emission here, and its
    // new owner may move it to another thread.
    QPointer<QSslSocket> guard(ssl);
    QMetaObject::invokeMethod(
        this,
        [this, guard] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                handOut(guard);
            else if (guard)
                guard->deleteLater();
        },
        Qt::QueuedConnection);
}

void MllpListener::handOut(QTcpSocket *socket)
{
    socket->disconnect(this);
    socket->setParent(nullptr);
    Conn c;
    c.peer = socket->peerAddress();
    c.sinceMs = LinkActivity::nowMs();
    c.activity = std::make_shared<LinkActivity>();
    c.activity->touch();
    c.activity->bind(socket);
    c.handedOut = true;
    m_links.push_back(c);
    emit linkReady(socket, c.activity);
}

void MllpListener::dropPending(QTcpSocket *socket, const QString &why)
{
    const auto it = std::find_if(m_pending.begin(), m_pending.end(),
                                 [socket](const Conn &c) { return c.socket == socket; });
    if (it == m_pending.end())
        return;
    m_pending.erase(it);
    discardSocket(socket, this);
    if (!why.isEmpty() && !m_closing)
        emit problem(why);
}

bool MllpListener::makeRoom(const QHostAddress &peer)
{
    std::erase_if(m_links, [](const Conn &c) { return c.activity->closed.load(); });
    const LinkLimits &l = m_settings.limits;
    // The oldest connection that has not shown it is a real peer: a handshake under way, or a link that
    // never sent a well-formed frame.
    const auto evictOldest = [&](bool samePeer) {
        const auto match = [&](const Conn &c) { return !samePeer || c.peer.isEqual(peer); };
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (match(*it)) {
                QTcpSocket *s = it->socket;
                m_pending.erase(it);
                discardSocket(s, this);
                return true;
            }
        }
        for (auto it = m_links.begin(); it != m_links.end(); ++it) {
            if (match(*it) && !it->activity->proven.load()) {
                it->activity->requestClose();
                m_links.erase(it);
                return true;
            }
        }
        return false;
    };
    if (m_tls && l.maxPending > 0 && static_cast<int>(m_pending.size()) >= l.maxPending)
        evictOldest(false);
    const auto fromPeer = [&] {
        return std::count_if(m_pending.begin(), m_pending.end(),
                             [&](const Conn &c) { return c.peer.isEqual(peer); }) +
               std::count_if(m_links.begin(), m_links.end(),
                             [&](const Conn &c) { return c.peer.isEqual(peer); });
    };
    if (l.maxConnectionsPerPeer > 0) {
        while (fromPeer() >= l.maxConnectionsPerPeer) {
            if (!evictOldest(true))
                return false;
        }
    }
    if (l.maxConnections > 0) {
        while (static_cast<int>(m_pending.size() + m_links.size()) >= l.maxConnections) {
            if (!evictOldest(false))
                return false;
        }
    }
    return true;
}

void MllpListener::sweep()
{
    const qint64 now = LinkActivity::nowMs();
    const LinkLimits &l = m_settings.limits;
    int timedOut = 0;
    while (!m_pending.empty() && now - m_pending.front().sinceMs > l.handshakeTimeoutMs) {
        QTcpSocket *s = m_pending.front().socket;
        m_pending.pop_front();
        ++timedOut;
        discardSocket(s, this);
    }
    int idle = 0;
    std::erase_if(m_links, [](const Conn &c) { return c.activity->closed.load(); });
    if (l.idleTimeoutMs > 0 || l.silentTimeoutMs > 0) {
        for (auto it = m_links.begin(); it != m_links.end();) {
            const bool isIdle =
                l.idleTimeoutMs > 0 &&
                now - it->activity->lastRxMs.load(std::memory_order_relaxed) > l.idleTimeoutMs;
            const bool isSilent = l.silentTimeoutMs > 0 && !it->activity->proven.load() &&
                                  now - it->sinceMs > l.silentTimeoutMs;
            if (isIdle || isSilent) {
                it->activity->requestClose();
                it = m_links.erase(it);
                ++idle;
            } else {
                ++it;
            }
        }
    }
    // One message per sweep, not one per connection: a flood must not flood the log too.
    QStringList what;
    if (timedOut)
        what << QStringLiteral("%1 TLS handshake(s) not completed within %2 s dropped")
                    .arg(timedOut)
                    .arg(l.handshakeTimeoutMs / 1000.0);
    if (idle)
        what << QStringLiteral("%1 idle connection(s) closed (no frame within %2 s, or no traffic for %3 s)")
                    .arg(idle)
                    .arg(l.silentTimeoutMs / 1000.0)
                    .arg(l.idleTimeoutMs / 1000.0);
    if (m_refused)
        what << QStringLiteral("%1 connection(s) refused (limits: %2 per listener, %3 per address)")
                    .arg(m_refused)
                    .arg(l.maxConnections)
                    .arg(l.maxConnectionsPerPeer);
    m_refused = 0;
    if (!what.isEmpty())
        emit problem(QStringLiteral("%1 listener %2: %3")
                         .arg(m_what, m_settings.url.toString(), what.join(QStringLiteral("; "))));

    // A listener that stopped accepting: resume after a pause (the cause, such as too many open files,
    // may have passed), and try to listen again if its socket went away.
    if (m_closing || !m_server)
        return;
    if (!m_server->isListening()) {
        setAccepting(false, QStringLiteral("listener on %1 closed").arg(m_settings.url.toString()));
        if (m_server->listen(listenAddress(m_settings.url.host), m_settings.url.port))
            m_lastAcceptProblemMs = now;
        return;
    }
    if (!m_accepting) {
        m_server->resumeAccepting();
        if (now - m_lastAcceptProblemMs > 3000)
            setAccepting(true, {});
    }
}

// --- MllpDialer -----------------------------------------------------------------------------------------

MllpDialer::MllpDialer(GatewayLinkSettings settings, QString what, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_what(std::move(what)), m_retry(new QTimer(this)),
      m_rng(QRandomGenerator::securelySeeded())
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &MllpDialer::dial);
}

MllpDialer::~MllpDialer()
{
    if (m_socket)
        m_socket->disconnect(this);
}

bool MllpDialer::prepare(QString *error)
{
    m_running = true;
    if (!m_settings.url.tls)
        return true;
    m_tls = makeTlsConfiguration(m_settings.tls, error);
    return m_tls.has_value();
}

void MllpDialer::stop()
{
    m_running = false;
    m_retry->stop();
    discardSocket(std::exchange(m_socket, nullptr), this);
}

void MllpDialer::dial()
{
    if (!m_running || m_socket || (m_settings.url.tls && !m_tls))
        return;
    m_retry->stop();
    QTcpSocket *socket = nullptr;
    if (m_settings.url.tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(*m_tls);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            // Never ignored: an untrusted, expired or misnamed peer certificate refuses the link.
            fail(ssl,
                 QStringLiteral("TLS: %1 certificate refused: %2").arg(m_what, describeSslErrors(errors)),
                 true);
        });
        connect(ssl, &QSslSocket::encrypted, this, [this, ssl] {
            if (ssl != m_socket)
                return;
            m_socket = nullptr;
            ssl->disconnect(this);
            ssl->setParent(nullptr);
            m_upFor.start();
            emit connected(ssl);
        });
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        connect(socket, &QTcpSocket::connected, this, [this, socket] {
            if (socket != m_socket)
                return;
            m_socket = nullptr;
            socket->disconnect(this);
            socket->setParent(nullptr);
            m_upFor.start();
            emit connected(socket);
        });
    }
    m_socket = socket;
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError e) {
        QString why = socket->errorString();
        if (e == QAbstractSocket::SslHandshakeFailedError)
            why =
                QStringLiteral(
                    "TLS handshake failed: %1 (does the %2 speak TLS and accept the station's certificate?)")
                    .arg(why, m_what);
        fail(socket, why, false);
    });
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        const QString peerName =
            m_settings.tls.peerName.isEmpty() ? m_settings.url.host : m_settings.tls.peerName;
        ssl->connectToHostEncrypted(m_settings.url.host, m_settings.url.port, peerName);
    } else {
        socket->connectToHost(m_settings.url.host, m_settings.url.port);
    }
}

void MllpDialer::fail(QTcpSocket *socket, const QString &why, bool certificate)
{
    if (socket != m_socket)
        return;
    m_socket = nullptr;
    discardSocket(socket, this);
    const double s = retryLater(why);
    emit failed(why, certificate, s);
}

double MllpDialer::retryLater(const QString &)
{
    if (!m_running)
        return 0;
    if (m_retry->isActive())
        return m_retry->remainingTime() / 1000.0;
    ++m_failures;
    const double s = backoffSeconds(m_failures, m_settings.reconnectMinS, m_settings.reconnectMaxS, m_rng);
    m_retry->start(static_cast<int>(s * 1000));
    return s;
}

double MllpDialer::linkClosed(const QString &why)
{
    if (m_upFor.isValid() && m_upFor.elapsed() > kStableLinkMs)
        m_failures = 0;
    m_upFor.invalidate();
    return retryLater(why);
}

} // namespace vigil
