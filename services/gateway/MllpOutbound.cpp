#include "MllpOutbound.h"

#include "Hl7Message.h"

namespace vigil {

MllpOutbound::MllpOutbound(int window, std::size_t maxQueued, QObject *parent)
    : QObject(parent), m_window(std::max(1, window)), m_maxQueued(maxQueued)
{}

void MllpOutbound::attach(QTcpSocket *socket)
{
    detach();
    m_socket = socket;
    m_framer.reset();
    m_readConn = connect(socket, &QTcpSocket::readyRead, this, &MllpOutbound::onReadyRead);
    m_closeConn = connect(socket, &QTcpSocket::disconnected, this, &MllpOutbound::detach);
    pump();
}

void MllpOutbound::detach()
{
    disconnect(m_readConn);
    disconnect(m_closeConn);
    m_socket = nullptr;
    // Not acknowledged means not delivered: send again, in the original order, on the next link.
    m_stats.resent += m_inFlight.size();
    while (!m_inFlight.empty()) {
        m_queue.push_front(std::move(m_inFlight.back()));
        m_inFlight.pop_back();
    }
}

void MllpOutbound::enqueue(std::string controlId, std::string message)
{
    if (m_queue.size() >= m_maxQueued) {
        m_queue.pop_front(); // bounded memory while no receiver is connected: the oldest goes first
        ++m_stats.dropped;
    }
    m_queue.push_back({std::move(controlId), std::move(message)});
    ++m_stats.queued;
    pump();
}

void MllpOutbound::pump()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    std::string out;
    while (!m_queue.empty() && static_cast<int>(m_inFlight.size()) < m_window) {
        hl7::MllpFramer::appendFrame(out, m_queue.front().message);
        m_inFlight.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
        ++m_stats.sent;
    }
    if (!out.empty())
        m_socket->write(out.data(), static_cast<qint64>(out.size()));
}

void MllpOutbound::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_framer.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    while (auto frame = m_framer.next()) {
        hl7::Message ack;
        if (!ack.parse(*frame).ok())
            continue;
        const hl7::Segment msa = ack.find("MSA");
        const std::string code(msa.field(1).component(1));
        const std::string id(msa.field(2).component(1));
        auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                               [&](const Item &i) { return i.controlId == id; });
        if (it == m_inFlight.end())
            continue;
        if (code == "CE" && it != m_inFlight.end()) {
            // The receiver could not store it: keep it and try again later.
            m_queue.push_back(std::move(*it));
        } else if (code != "AA" && code != "CA") {
            ++m_stats.rejected;
        } else {
            ++m_stats.acked;
        }
        emit acked(QString::fromStdString(id), QString::fromStdString(code));
        m_inFlight.erase(it);
    }
    pump();
}

} // namespace vigil
