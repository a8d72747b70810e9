#include "GatewaySources.h"

#include <QDateTime>

namespace vigil {

namespace {

std::shared_ptr<ResendFilter> makeResendFilter(const GatewayLinkSettings &s)
{
    return s.resendMemory > 0 ? std::make_shared<ResendFilter>(static_cast<std::size_t>(s.resendMemory))
                              : nullptr;
}

} // namespace

GatewayClientSource::GatewayClientSource(QString id, QString name, GatewayLinkSettings settings,
                                         IngestSink *sink, DurableStore *store, QObject *parent)
    : GatewaySource(std::move(id), std::move(name), settings.url.toString(), sink, parent),
      m_settings(std::move(settings)), m_store(store),
      m_dialer(new MllpDialer(m_settings, QStringLiteral("gateway"), this)),
      m_resends(makeResendFilter(m_settings))
{
    setSecure(m_settings.url.tls);
    connect(m_dialer, &MllpDialer::connected, this, &GatewayClientSource::onConnected);
    connect(m_dialer, &MllpDialer::failed, this, [this](const QString &why, bool, double retryInS) {
        noteError(why);
        setState(SourceStatus::State::Error,
                 QStringLiteral("%1; retrying in %2 s").arg(why).arg(retryInS, 0, 'f', 1));
    });
}

GatewayClientSource::~GatewayClientSource() = default;

void GatewayClientSource::start()
{
    QString error;
    if (!m_dialer->prepare(&error)) {
        // A configuration error will not fix itself by retrying: say so and stay down.
        noteError(error);
        setState(SourceStatus::State::Error, error);
        return;
    }
    setState(SourceStatus::State::Connecting);
    m_dialer->dial();
}

void GatewayClientSource::stop()
{
    m_dialer->stop();
    if (m_session)
        m_session->deleteLater();
    setState(SourceStatus::State::Stopped);
}

void GatewayClientSource::onConnected(QTcpSocket *socket)
{
    SessionContext ctx{id(), sink(), m_store, m_settings.maxFrameBytes, m_resends, {}};
    m_session = new MllpSession(socket, std::move(ctx), this);
    connect(m_session, &MllpSession::messageHandled, this, [this](bool ok) {
        if (ok)
            noteMessage(QDateTime::currentMSecsSinceEpoch());
    });
    connect(m_session, &MllpSession::resendRecognised, this, [this] { noteResend(); });
    connect(m_session, &MllpSession::problem, this, [this](const QString &t) { noteError(t); });
    connect(m_session, &MllpSession::heartbeatChanged, this, [this](bool ok) { setConnections(1, ok); });
    connect(m_session, &MllpSession::closed, this, [this] {
        if (m_session)
            m_session->deleteLater();
        setConnections(0, true);
        const QString why = QStringLiteral("gateway closed the connection");
        const double s = m_dialer->linkClosed(why);
        noteError(why);
        setState(SourceStatus::State::Error,
                 QStringLiteral("%1; retrying in %2 s").arg(why).arg(s, 0, 'f', 1));
    });
    setConnections(1, true);
    setState(SourceStatus::State::Connected);
}

GatewayListenerSource::GatewayListenerSource(QString id, QString name, GatewayLinkSettings settings,
                                             IngestSink *sink, DurableStore *store, QObject *parent)
    : GatewaySource(std::move(id), std::move(name), settings.url.toString(), sink, parent),
      m_settings(std::move(settings)), m_store(store), m_resends(makeResendFilter(m_settings))
{
    setSecure(m_settings.url.tls);
}

GatewayListenerSource::~GatewayListenerSource()
{
    closeLinks();
}

quint16 GatewayListenerSource::port() const
{
    return m_listener ? m_listener->port() : 0;
}

void GatewayListenerSource::start()
{
    m_listener = new MllpListener(m_settings, QStringLiteral("gateway"), this);
    connect(m_listener, &MllpListener::linkReady, this, &GatewayListenerSource::adopt);
    connect(m_listener, &MllpListener::problem, this, [this](const QString &t) { noteError(t); });
    // A listener that stopped accepting is a link down for every gateway that would dial in: the source
    // goes to Error with the reason, which the station raises as its link-down technical alarm.
    connect(m_listener, &MllpListener::health, this, [this](bool accepting, const QString &why) {
        if (accepting) {
            setState(SourceStatus::State::Listening);
        } else {
            noteError(why);
            setState(SourceStatus::State::Error, why);
        }
    });
    QString error;
    if (!m_listener->listen(&error)) {
        noteError(error);
        setState(SourceStatus::State::Error, error);
        return;
    }
    setState(SourceStatus::State::Listening);
    emit listening(m_listener->port());
}

void GatewayListenerSource::adopt(QTcpSocket *socket, std::shared_ptr<LinkActivity> activity)
{
    SessionContext ctx{id(), sink(), m_store, m_settings.maxFrameBytes, m_resends, std::move(activity)};
    auto *session = new MllpSession(socket, std::move(ctx), this);
    m_sessions.append(session);
    const QString peer = session->peer();
    connect(session, &MllpSession::messageHandled, this, [this](bool ok) {
        if (ok)
            noteMessage(QDateTime::currentMSecsSinceEpoch());
    });
    connect(session, &MllpSession::resendRecognised, this, [this] { noteResend(); });
    connect(session, &MllpSession::problem, this,
            [this, peer](const QString &t) { noteError(QStringLiteral("gateway %1: %2").arg(peer, t)); });
    connect(session, &MllpSession::heartbeatChanged, this, &GatewayListenerSource::updateConnections);
    connect(session, &MllpSession::closed, this, [this, session] {
        m_sessions.removeAll(session);
        session->deleteLater();
        updateConnections();
    });
    updateConnections();
}

void GatewayListenerSource::updateConnections()
{
    int n = 0;
    bool heartbeat = true;
    for (const auto &session : std::as_const(m_sessions)) {
        if (!session)
            continue;
        ++n;
        heartbeat = heartbeat && session->heartbeatOk();
    }
    setConnections(n, heartbeat);
}

void GatewayListenerSource::closeLinks()
{
    if (m_listener) {
        m_listener->close();
        delete m_listener;
        m_listener = nullptr;
    }
    for (const auto &session : std::as_const(m_sessions))
        delete session.data();
    m_sessions.clear();
}

void GatewayListenerSource::stop()
{
    const bool had = !m_sessions.isEmpty();
    closeLinks();
    if (had)
        setConnections(0, true);
    setState(SourceStatus::State::Stopped);
}

} // namespace vigil
