#include "GatewaySources.h"

#include <QDateTime>
#include <QSslServer>
#include <QSslSocket>

#include <cmath>

namespace vigil {

namespace {

QString describeSslErrors(const QList<QSslError> &errors)
{
    QStringList out;
    for (const QSslError &e : errors)
        out << e.errorString();
    return out.join(QStringLiteral("; "));
}

} // namespace

double GatewayClientSource::backoffSeconds(int failures, double minS, double maxS, QRandomGenerator &rng)
{
    const double base = std::min(maxS, minS * std::pow(2.0, std::max(0, failures - 1)));
    const double jitter = 0.8 + 0.4 * rng.generateDouble();
    return std::max(0.1, base * jitter);
}

GatewayClientSource::GatewayClientSource(QString id, QString name, GatewayLinkSettings settings,
                                         IngestSink *sink, DurableStore *store, QObject *parent)
    : GatewaySource(std::move(id), std::move(name), settings.url.toString(), sink, parent),
      m_settings(std::move(settings)), m_store(store), m_rng(QRandomGenerator::securelySeeded())
{
    // A child, so it moves with the source to the source's thread (a plain member would stay behind).
    m_retry.setParent(this);
    setSecure(m_settings.url.tls);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &GatewayClientSource::connectNow);
}

GatewayClientSource::~GatewayClientSource() = default;

void GatewayClientSource::start()
{
    m_running = true;
    if (m_settings.url.tls) {
        QString error;
        m_tls = makeTlsConfiguration(m_settings.tls, &error);
        if (!m_tls) {
            // A configuration error will not fix itself by retrying: say so and stay down.
            noteError(error);
            setState(SourceStatus::State::Error, error);
            return;
        }
    }
    connectNow();
}

void GatewayClientSource::stop()
{
    m_running = false;
    m_retry.stop();
    if (m_session)
        m_session->deleteLater();
    if (m_socket) {
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(SourceStatus::State::Stopped);
}

void GatewayClientSource::connectNow()
{
    if (!m_running)
        return;
    setState(SourceStatus::State::Connecting);
    QTcpSocket *socket = nullptr;
    if (m_settings.url.tls) {
        auto *ssl = new QSslSocket(this);
        ssl->setSslConfiguration(*m_tls);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            // Never ignored: an untrusted, expired or misnamed gateway certificate refuses the link.
            scheduleReconnect(
                QStringLiteral("TLS: gateway certificate refused: %1").arg(describeSslErrors(errors)));
            ssl->abort();
        });
        connect(ssl, &QSslSocket::encrypted, this, [this, ssl] { onSessionReady(ssl); });
        const QString peerName =
            m_settings.tls.peerName.isEmpty() ? m_settings.url.host : m_settings.tls.peerName;
        socket = ssl;
        m_socket = socket;
        connect(
            socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError e) {
                if (socket != m_socket)
                    return;
                QString why = socket->errorString();
                if (e == QAbstractSocket::SslHandshakeFailedError)
                    why = QStringLiteral("TLS handshake failed: %1 (is the gateway speaking TLS?)").arg(why);
                scheduleReconnect(why);
            });
        ssl->connectToHostEncrypted(m_settings.url.host, m_settings.url.port, peerName);
    } else {
        socket = new QTcpSocket(this);
        m_socket = socket;
        connect(socket, &QTcpSocket::connected, this, [this, socket] { onSessionReady(socket); });
        connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
            if (socket == m_socket)
                scheduleReconnect(socket->errorString());
        });
        socket->connectToHost(m_settings.url.host, m_settings.url.port);
    }
}

void GatewayClientSource::onSessionReady(QTcpSocket *socket)
{
    if (socket != m_socket)
        return;
    m_socket = nullptr;
    socket->disconnect(this); // the session owns it from here
    m_session =
        new MllpSession(socket, SessionContext{id(), sink(), m_store, m_settings.maxFrameBytes}, this);
    connect(m_session, &MllpSession::messageHandled, this, [this](bool ok) {
        if (ok)
            noteMessage(QDateTime::currentMSecsSinceEpoch());
    });
    connect(m_session, &MllpSession::problem, this, [this](const QString &t) { noteError(t); });
    connect(m_session, &MllpSession::heartbeatChanged, this, [this](bool ok) { setConnections(1, ok); });
    connect(m_session, &MllpSession::closed, this, [this] {
        if (m_session)
            m_session->deleteLater();
        // A link that stayed up a while is not a failing one: start the backoff over.
        if (m_connectedFor.isValid() && m_connectedFor.elapsed() > 10000)
            m_failures = 0;
        setConnections(0, true);
        scheduleReconnect(QStringLiteral("gateway closed the connection"));
    });
    m_connectedFor.start();
    setConnections(1, true);
    setState(SourceStatus::State::Connected);
}

void GatewayClientSource::scheduleReconnect(const QString &why)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (!m_running || m_retry.isActive())
        return;
    ++m_failures;
    const double s = backoffSeconds(m_failures, m_settings.reconnectMinS, m_settings.reconnectMaxS, m_rng);
    noteError(why);
    setState(SourceStatus::State::Error, QStringLiteral("%1; retrying in %2 s").arg(why).arg(s, 0, 'f', 1));
    m_retry.start(static_cast<int>(s * 1000));
}

GatewayListenerSource::GatewayListenerSource(QString id, QString name, GatewayLinkSettings settings,
                                             IngestSink *sink, DurableStore *store, QObject *parent)
    : GatewaySource(std::move(id), std::move(name), settings.url.toString(), sink, parent),
      m_settings(std::move(settings)), m_store(store)
{
    setSecure(m_settings.url.tls);
}

GatewayListenerSource::~GatewayListenerSource() = default;

quint16 GatewayListenerSource::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void GatewayListenerSource::start()
{
    QString error;
    if (m_settings.url.tls) {
        auto tls = makeTlsConfiguration(m_settings.tls, &error);
        if (!tls) {
            noteError(error);
            setState(SourceStatus::State::Error, error);
            return;
        }
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*tls);
        connect(server, &QSslServer::sslErrors, this, [this](QSslSocket *s, const QList<QSslError> &errors) {
            noteError(QStringLiteral("TLS: gateway %1 refused: %2")
                          .arg(s->peerAddress().toString(), describeSslErrors(errors)));
        });
        // Certificate problems are reported per error while the handshake runs; keep the reason on the
        // socket so the final "connection closed" message says why.
        connect(server, &QSslServer::peerVerifyError, this, [](QSslSocket *s, const QSslError &e) {
            s->setProperty("vigilVerifyError", e.errorString());
        });
        connect(
            server, &QSslServer::errorOccurred, this, [this](QSslSocket *s, QAbstractSocket::SocketError e) {
                QString why = s->errorString();
                const QString verify = s->property("vigilVerifyError").toString();
                if (!verify.isEmpty())
                    why = QStringLiteral("TLS: certificate refused: %1 (%2)").arg(verify, why);
                else if (e == QAbstractSocket::SslHandshakeFailedError)
                    why = QStringLiteral("TLS handshake failed: %1 (a plaintext or misconfigured gateway?)")
                              .arg(why);
                else if (!s->isEncrypted())
                    why = QStringLiteral("TLS handshake not completed: %1").arg(why);
                noteError(QStringLiteral("gateway %1: %2").arg(s->peerAddress().toString(), why));
            });
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection())
            adopt(s);
    });
    QHostAddress address;
    if (m_settings.url.host == QLatin1String("*") || m_settings.url.host == QLatin1String("0.0.0.0"))
        address = QHostAddress::AnyIPv4;
    else if (!address.setAddress(m_settings.url.host))
        address = QHostAddress(QHostAddress::LocalHost); // a name: resolve only "localhost" here
    if (!m_server->listen(address, m_settings.url.port)) {
        error =
            QStringLiteral("cannot listen on %1: %2").arg(m_settings.url.toString(), m_server->errorString());
        noteError(error);
        setState(SourceStatus::State::Error, error);
        return;
    }
    setState(SourceStatus::State::Listening);
    emit listening(m_server->serverPort());
}

void GatewayListenerSource::adopt(QTcpSocket *socket)
{
    auto *session =
        new MllpSession(socket, SessionContext{id(), sink(), m_store, m_settings.maxFrameBytes}, this);
    m_sessions.append(session);
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    auto begin = [this, session, ssl] {
        // Optional extra check on top of CA verification: the gateway's certificate must carry this name.
        if (ssl && !m_settings.tls.peerName.isEmpty() &&
            !certificateNames(ssl->peerCertificate()).contains(m_settings.tls.peerName)) {
            noteError(QStringLiteral("TLS: gateway %1 certificate names %2, expected %3")
                          .arg(session->peer(), certificateNames(ssl->peerCertificate()).join(u','),
                               m_settings.tls.peerName));
            ssl->abort();
            return;
        }
        updateConnections();
    };
    if (ssl && !ssl->isEncrypted())
        connect(ssl, &QSslSocket::encrypted, this, begin);
    else
        begin();
    connect(session, &MllpSession::messageHandled, this, [this](bool ok) {
        if (ok)
            noteMessage(QDateTime::currentMSecsSinceEpoch());
    });
    connect(session, &MllpSession::problem, this, [this, session](const QString &t) {
        noteError(QStringLiteral("gateway %1: %2").arg(session->peer(), t));
    });
    connect(session, &MllpSession::heartbeatChanged, this, [this] { updateConnections(); });
    connect(session, &MllpSession::closed, this, [this, session] {
        m_sessions.removeAll(session);
        session->deleteLater();
        updateConnections();
    });
}

void GatewayListenerSource::updateConnections()
{
    int n = 0;
    bool heartbeat = true;
    for (const auto &session : std::as_const(m_sessions)) {
        if (!session)
            continue;
        auto *ssl = qobject_cast<QSslSocket *>(session->socket());
        if (ssl && !ssl->isEncrypted())
            continue;
        ++n;
        heartbeat = heartbeat && session->heartbeatOk();
    }
    setConnections(n, heartbeat);
}

void GatewayListenerSource::stop()
{
    if (m_server)
        m_server->close();
    for (const auto &session : std::as_const(m_sessions)) {
        if (session)
            session->deleteLater();
    }
    m_sessions.clear();
    setState(SourceStatus::State::Stopped);
}

} // namespace vigil
