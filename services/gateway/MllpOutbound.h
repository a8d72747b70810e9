// Sending side of an MLLP link, as a gateway does it: messages queue up, go out with a bounded number in
// flight, and leave the queue only when the receiver ACKs them. Whatever was in flight when the link
// drops is sent again on the next connection (at-least-once: nothing the receiver did not acknowledge
// is lost; a duplicate is possible and receivers handle it by control id and time).
#pragma once

#include "Mllp.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <deque>
#include <string>

namespace vigil {

struct OutboundStats
{
    quint64 queued = 0, sent = 0, acked = 0, rejected = 0, resent = 0, dropped = 0;
};

class MllpOutbound : public QObject
{
    Q_OBJECT
public:
    explicit MllpOutbound(int window = 16, std::size_t maxQueued = 20000, QObject *parent = nullptr);

    // Starts using a connected socket (not owned). Messages in flight on a previous socket go first.
    void attach(QTcpSocket *socket);
    void detach();
    bool attached() const { return m_socket != nullptr; }

    void enqueue(std::string controlId, std::string message);
    const OutboundStats &stats() const { return m_stats; }
    std::size_t backlog() const { return m_queue.size() + m_inFlight.size(); }

signals:
    void acked(const QString &controlId, const QString &code);

private:
    void pump();
    void onReadyRead();

    struct Item
    {
        std::string controlId;
        std::string message;
    };
    int m_window;
    std::size_t m_maxQueued;
    std::deque<Item> m_queue;
    std::deque<Item> m_inFlight;
    QPointer<QTcpSocket> m_socket;
    QMetaObject::Connection m_readConn, m_closeConn;
    hl7::MllpFramer m_framer;
    OutboundStats m_stats;
};

} // namespace vigil
