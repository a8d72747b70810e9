// AdtLink: MLLP frames of the ADT feed to the engine, ACKs back.
#include "AdtLink.h"

#include <QDateTime>

namespace vigil::adt {

AdtLink::AdtLink(AdtEngine *engine, GatewayLinkSettings settings, bool listen, QObject *parent)
    : QObject(parent), m_engine(engine), m_settings(std::move(settings)), m_listen(listen)
{}

AdtLink::~AdtLink()
{
    stop();
}

quint16 AdtLink::port() const
{
    return m_listener ? m_listener->port() : 0;
}

void AdtLink::start()
{
    QString error;
    if (m_listen) {
        m_listener = new MllpListener(m_settings, QStringLiteral("ADT feed"), this);
        connect(m_listener, &MllpListener::linkReady, this, &AdtLink::adopt);
        connect(m_listener, &MllpListener::problem, this,
                [this](const QString &t) { emit logLine(t, true); });
        connect(m_listener, &MllpListener::health, this, &AdtLink::health);
        if (!m_listener->listen(&error)) {
            emit logLine(error, true);
            emit health(false, error);
            return;
        }
        emit health(true, QStringLiteral("listening on %1").arg(m_settings.url.toString()));
        emit listening(m_listener->port());
        return;
    }
    m_dialer = new MllpDialer(m_settings, QStringLiteral("ADT feed"), this);
    connect(m_dialer, &MllpDialer::connected, this, [this](QTcpSocket *s) {
        adopt(s, {});
        emit health(true, QStringLiteral("connected to %1").arg(m_settings.url.toString()));
    });
    connect(m_dialer, &MllpDialer::failed, this, [this](const QString &why, bool, double retryInS) {
        const QString text = QStringLiteral("%1; retrying in %2 s").arg(why).arg(retryInS, 0, 'f', 1);
        emit logLine(text, true);
        emit health(false, text);
    });
    if (!m_dialer->prepare(&error)) {
        emit logLine(error, true);
        emit health(false, error);
        return;
    }
    m_dialer->dial();
}

void AdtLink::stop()
{
    if (m_dialer)
        m_dialer->stop();
    if (m_listener)
        m_listener->close();
    for (auto &[socket, conn] : m_conns)
        discardSocket(socket, this);
    m_conns.clear();
}

void AdtLink::adopt(QTcpSocket *socket, std::shared_ptr<LinkActivity> activity)
{
    socket->setParent(this);
    auto conn = std::make_unique<Conn>();
    conn->framer = hl7::MllpFramer(m_settings.maxFrameBytes);
    conn->activity = std::move(activity);
    if (conn->activity)
        conn->activity->bind(socket);
    m_conns[socket] = std::move(conn);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { dropped(socket); });
    if (socket->bytesAvailable() > 0)
        readFrom(socket);
}

void AdtLink::readFrom(QTcpSocket *socket)
{
    const auto it = m_conns.find(socket);
    if (it == m_conns.end())
        return;
    Conn &c = *it->second;
    if (c.activity)
        c.activity->touch();
    const QByteArray bytes = socket->readAll();
    c.framer.feed(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    std::string out;
    while (auto frame = c.framer.next()) {
        // Applied and durable before the ACK is written: a crash before it means the sender resends,
        // and the resend is recognised by its control id.
        const AdtEngine::Answer a = m_engine->handleFrame(*frame, QDateTime::currentMSecsSinceEpoch());
        if (c.activity)
            c.activity->proven = true;
        if (!a.ack.empty())
            hl7::MllpFramer::appendFrame(out, a.ack);
        if (!a.log.isEmpty())
            emit logLine(a.log, a.code != QLatin1String("AA"));
        emit messageHandled(a.code);
    }
    if (c.framer.takeIssue() != hl7::MllpIssue::None)
        emit logLine(QStringLiteral("ADT feed: a frame over %1 bytes or cut short was dropped")
                         .arg(c.framer.maxFrameBytes()),
                     true);
    if (!out.empty())
        socket->write(out.data(), qint64(out.size()));
}

void AdtLink::dropped(QTcpSocket *socket)
{
    const auto it = m_conns.find(socket);
    if (it == m_conns.end())
        return;
    if (it->second->activity)
        it->second->activity->closed = true;
    m_conns.erase(it);
    socket->deleteLater();
    if (m_dialer) {
        const QString why = QStringLiteral("ADT feed closed the connection");
        const double s = m_dialer->linkClosed(why);
        emit health(false, QStringLiteral("%1; retrying in %2 s").arg(why).arg(s, 0, 'f', 1));
    }
}

} // namespace vigil::adt
