#include "MllpSession.h"

#include "Hl7Ack.h"
#include "Hl7Message.h"
#include "Pcd.h"

#include <QDateTime>
#include <QHostAddress>

namespace vigil {

namespace {

GatewayAlarm toDomain(const hl7::AlarmReport &r, const QString &sourceId)
{
    GatewayAlarm a;
    a.sourceId = sourceId;
    a.alarmId = r.alarmId;
    a.bedKey = r.bedKey;
    a.bedLabel = r.bedLabel;
    a.eventCode = r.event.code;
    a.eventRefId = r.event.refId;
    a.eventText = r.eventText;
    a.sourceMetricCode = r.sourceMetric.code;
    a.sourceMetricRefId = r.sourceMetric.refId;
    a.parameter = r.parameter;
    a.direction = r.direction;
    a.technicalCode = r.technicalCode;
    a.value = r.sourceValue;
    a.limitLow = r.limitLow;
    a.limitHigh = r.limitHigh;
    a.phase = r.phase;
    a.state = r.state;
    a.inactivation = r.inactivationState;
    a.priority = r.priority;
    a.kind = r.kind;
    a.timeMs = r.timeMs;
    a.isHeartbeat = r.isHeartbeat;
    a.confirmTimeoutS = r.confirmTimeoutS;
    return a;
}

hl7::AckError ackError(std::string segment, int field, int code, std::string text)
{
    hl7::AckError e;
    e.segmentId = std::move(segment);
    e.field = field;
    e.hl7Code = code;
    e.text = std::move(text);
    return e;
}

hl7::AckOptions ackOptions(std::optional<hl7::AckError> error)
{
    hl7::AckOptions o;
    o.error = std::move(error);
    return o;
}

} // namespace

MllpSession::MllpSession(QTcpSocket *socket, SessionContext context, QObject *parent)
    : QObject(parent), m_link(std::make_shared<Link>()), m_socket(socket), m_ctx(std::move(context)),
      m_framer(m_ctx.maxFrameBytes)
{
    m_link->session = this;
    m_heartbeatTimer.setParent(this);
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // ACKs must not wait for Nagle
    m_peer = QStringLiteral("%1:%2").arg(m_socket->peerAddress().toString()).arg(m_socket->peerPort());
    connect(m_socket, &QTcpSocket::readyRead, this, &MllpSession::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &MllpSession::closed);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &MllpSession::checkHeartbeat);
    m_heartbeatTimer.start(1000);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &MllpSession::onReadyRead, Qt::QueuedConnection);
}

MllpSession::~MllpSession()
{
    std::lock_guard lock(m_link->mutex);
    m_link->session = nullptr;
}

void MllpSession::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    m_framer.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    while (auto frame = m_framer.next())
        handleFrame(*frame);
    switch (m_framer.takeIssue()) {
    case hl7::MllpIssue::Oversized:
        ++m_errors;
        emit problem(QStringLiteral("frame larger than %1 bytes discarded").arg(m_ctx.maxFrameBytes));
        break;
    case hl7::MllpIssue::Abandoned:
        ++m_errors;
        emit problem(QStringLiteral("unterminated frame abandoned (a new frame started inside it)"));
        break;
    case hl7::MllpIssue::None:
        break;
    }
}

void MllpSession::handleFrame(std::string_view frame)
{
    const quint64 seq = m_nextSeq++;
    hl7::Message msg;
    const hl7::Error parseError = msg.parse(frame);
    const hl7::MessageInfo info = parseError.ok() ? hl7::classify(msg) : hl7::MessageInfo{};
    auto refuse = [&](hl7::Outcome outcome, const QString &why, std::optional<hl7::AckError> error = {}) {
        ++m_errors;
        hl7::AckDecision d = hl7::decideAck(msg, parseError, outcome);
        if (error)
            d.error = std::move(error);
        if (d.send)
            queueAck(seq, hl7::buildAck(msg, d.code, ackOptions(d.error)));
        else
            queueAck(seq, {});
        emit problem(why);
        emit messageHandled(false);
    };
    if (!parseError.ok()) {
        refuse(hl7::Outcome::Error,
               QStringLiteral("malformed message: %1").arg(QString::fromStdString(parseError.message())));
        return;
    }

    std::vector<BedUpdate> updates;
    QStringList warnings;
    switch (info.kind) {
    case hl7::MessageKind::Pcd01: {
        hl7::DecodedPcd01 d = hl7::decodePcd01(msg);
        if (d.update.bedKey.isEmpty()) {
            refuse(hl7::Outcome::Error, QStringLiteral("ORU^R01 without a bed (PV1-3)"),
                   ackError("PV1", 3, 101, "PV1-3 (assigned patient location) is required"));
            return;
        }
        d.update.sourceId = m_ctx.sourceId;
        updates.push_back(std::move(d.update));
        break;
    }
    case hl7::MessageKind::Pcd04: {
        hl7::DecodedPcd04 d = hl7::decodePcd04(msg);
        for (const hl7::AlarmReport &r : d.alarms) {
            if (r.isHeartbeat) {
                // The gateway's watchdog: the link is alive; it must come again within the timeout.
                m_heartbeatTimeoutS = r.confirmTimeoutS > 0 ? r.confirmTimeoutS : 5;
                m_sinceHeartbeat.start();
                if (!m_heartbeatOk) {
                    m_heartbeatOk = true;
                    emit heartbeatChanged(true);
                }
                continue;
            }
            if (r.bedKey.isEmpty())
                continue;
            auto it = std::find_if(updates.begin(), updates.end(),
                                   [&](const BedUpdate &u) { return u.bedKey == r.bedKey; });
            if (it == updates.end()) {
                BedUpdate u;
                u.bedKey = r.bedKey;
                u.bedLabel = r.bedLabel;
                u.sourceId = m_ctx.sourceId;
                u.patient = d.patient;
                updates.push_back(std::move(u));
                it = std::prev(updates.end());
            }
            it->alarms.push_back(toDomain(r, m_ctx.sourceId));
        }
        break;
    }
    case hl7::MessageKind::Ack:
        // An answer to something we sent: nothing to acknowledge.
        queueAck(seq, {});
        return;
    case hl7::MessageKind::Unsupported:
        refuse(hl7::Outcome::Rejected,
               QStringLiteral("unsupported message type %1^%2")
                   .arg(QString::fromUtf8(info.type.data(), static_cast<qsizetype>(info.type.size())),
                        QString::fromUtf8(info.trigger.data(), static_cast<qsizetype>(info.trigger.size()))));
        return;
    }

    ++m_messages;
    const hl7::AckDecision ok = hl7::decideAck(msg, parseError, hl7::Outcome::Accepted);
    std::string ack = ok.send ? hl7::buildAck(msg, ok.code, {}) : std::string();
    // If the store cannot make it durable, the gateway must not believe it is: answer an error instead,
    // so it keeps the message and sends it again.
    const hl7::AckCode failCode = info.enhancedMode ? hl7::AckCode::CE : hl7::AckCode::AE;
    std::string failAck = hl7::buildAck(
        msg, failCode, ackOptions(ackError({}, 0, 207, "the station could not store the message durably")));

    quint64 ticket = 0;
    for (BedUpdate &u : updates) {
        if (m_ctx.store)
            ticket = m_ctx.store->store(u);
        m_ctx.sink->deliver(std::move(u));
    }
    PendingAck &p = m_acks[seq];
    p.ack = std::move(ack);
    p.failAck = std::move(failAck);
    if (m_ctx.store && !updates.empty()) {
        std::weak_ptr<Link> weak = m_link;
        m_ctx.store->notifyDurable(ticket, [weak, seq](bool durable) {
            // Writer thread: hop to the session's thread if the session still exists.
            auto link = weak.lock();
            if (!link)
                return;
            std::lock_guard lock(link->mutex);
            if (MllpSession *s = link->session)
                QMetaObject::invokeMethod(
                    s, [s, seq, durable] { s->ackReady(seq, durable); }, Qt::QueuedConnection);
        });
    } else {
        ackReady(seq, true);
    }
    emit messageHandled(true);
}

void MllpSession::queueAck(quint64 seq, std::string ack)
{
    PendingAck &p = m_acks[seq];
    p.ack = std::move(ack);
    p.ready = true;
    flushAcks();
}

void MllpSession::ackReady(quint64 seq, bool durable)
{
    auto it = m_acks.find(seq);
    if (it == m_acks.end())
        return;
    it->second.ready = true;
    it->second.durable = durable;
    if (!durable) {
        ++m_errors;
        emit problem(
            QStringLiteral("message not stored durably: answered with an error so the gateway resends it"));
    }
    flushAcks();
}

void MllpSession::flushAcks()
{
    std::string out;
    for (auto it = m_acks.begin(); it != m_acks.end() && it->first == m_nextToSend && it->second.ready;) {
        const std::string &ack = it->second.durable ? it->second.ack : it->second.failAck;
        if (!ack.empty())
            hl7::MllpFramer::appendFrame(out, ack);
        ++m_nextToSend;
        it = m_acks.erase(it);
    }
    if (!out.empty() && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(out.data(), static_cast<qint64>(out.size()));
}

void MllpSession::checkHeartbeat()
{
    if (m_heartbeatTimeoutS <= 0 || !m_heartbeatOk)
        return;
    // One missed beat plus a second of grace: a heartbeat late by network jitter is not a dead link.
    if (m_sinceHeartbeat.elapsed() > (2LL * m_heartbeatTimeoutS + 1) * 1000) {
        m_heartbeatOk = false;
        emit heartbeatChanged(false);
        emit problem(
            QStringLiteral("no PCD-04 heartbeat for %1 s (confirm timeout %2 s): link considered down")
                .arg(m_sinceHeartbeat.elapsed() / 1000)
                .arg(m_heartbeatTimeoutS));
    }
}

} // namespace vigil
