#include "MllpSession.h"

#include "Hl7Ack.h"
#include "Hl7Message.h"
#include "Pcd.h"

#include <QDateTime>
#include <QHostAddress>
#include <QThread>

#include <functional>

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

// The key of a message for resend detection: sender application and facility, and control id. Empty when
// the message has no control id (then it cannot be told from a new one).
std::string resendKey(const hl7::Message &msg)
{
    const std::string_view id = msg.header(10).raw();
    if (id.empty())
        return {};
    std::string key(msg.header(3).raw());
    key += '|';
    key += msg.header(4).raw();
    key += '|';
    key += id;
    return key;
}

// The content after the MSH segment: a resend repeats it byte for byte (MSH-7 may be restamped).
std::size_t contentHash(std::string_view frame)
{
    const std::size_t cr = frame.find('\r');
    return std::hash<std::string_view>{}(cr == std::string_view::npos ? std::string_view{}
                                                                      : frame.substr(cr));
}

} // namespace

std::optional<ResendFilter::Original>
ResendFilter::admit(const std::string &key, std::size_t hash,
                    const std::function<std::optional<quint64>()> &store)
{
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it != m_entries.end() && it->second.hash == hash)
        return it->second.original;
    Entry e;
    e.hash = hash;
    if (const std::optional<quint64> ticket = store())
        e.original = Original{*ticket, true};
    if (it != m_entries.end()) {
        it->second = e;
        return std::nullopt;
    }
    m_entries.emplace(key, e);
    m_order.push_back(key);
    while (m_order.size() > m_capacity) {
        m_entries.erase(m_order.front());
        m_order.pop_front();
    }
    return std::nullopt;
}

void ResendFilter::forget(const std::string &key)
{
    std::lock_guard lock(m_mutex);
    m_entries.erase(key); // its place in m_order goes when it comes round (erase of a missing key is a no-op)
}

std::size_t ResendFilter::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void MllpSession::Link::post(std::function<void(MllpSession *)> fn)
{
    std::lock_guard lock(mutex);
    if (MllpSession *s = session)
        QMetaObject::invokeMethod(
            s, [s, fn = std::move(fn)] { fn(s); }, Qt::QueuedConnection);
}

MllpSession::MllpSession(QTcpSocket *socket, SessionContext context, QObject *parent)
    : QObject(parent), m_link(std::make_shared<Link>()), m_socket(socket), m_ctx(std::move(context)),
      m_framer(m_ctx.maxFrameBytes), m_thread(std::make_unique<QThread>())
{
    m_link->session = this;
    if (m_ctx.activity)
        m_ctx.activity->bind(m_socket);
    m_heartbeatTimer.setParent(this);
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // ACKs must not wait for Nagle
    m_peer = QStringLiteral("%1:%2").arg(m_socket->peerAddress().toString()).arg(m_socket->peerPort());
    // Frames are parsed, decoded and stored on a thread of the link's own: one gateway's 3 MB message
    // must not hold back the ACKs of another gateway served by the same source thread.
    m_thread->setObjectName(QStringLiteral("mllp-%1").arg(m_ctx.sourceId));
    m_worker = std::make_unique<Worker>(m_link, m_ctx);
    m_worker->moveToThread(m_thread.get()); // started with the first frame: a silent connection costs none
    connect(m_socket, &QTcpSocket::readyRead, this, &MllpSession::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &MllpSession::closed);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &MllpSession::checkHeartbeat);
    m_heartbeatTimer.start(1000);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &MllpSession::onReadyRead, Qt::QueuedConnection);
}

MllpSession::~MllpSession()
{
    if (m_ctx.activity)
        m_ctx.activity->bind(nullptr);
    {
        std::lock_guard lock(m_link->mutex);
        m_link->session = nullptr;
    }
    // The frame under way finishes (its ACK has nowhere to go); frames queued behind it are dropped.
    m_thread->quit();
    m_thread->wait();
}

quint64 MllpSession::messages() const
{
    return m_link->messages.load();
}

quint64 MllpSession::errors() const
{
    return m_link->errors.load();
}

quint64 MllpSession::resends() const
{
    return m_link->resends.load();
}

void MllpSession::onReadyRead()
{
    // Back-pressure: while the worker has this much to do, leave further bytes in the socket (and TCP).
    const std::size_t maxBacklog = std::max<std::size_t>(4u << 20, 2 * m_ctx.maxFrameBytes);
    if (m_backlogBytes > maxBacklog) {
        m_socket->setReadBufferSize(64 * 1024);
        return;
    }
    m_socket->setReadBufferSize(0);
    const QByteArray bytes = m_socket->readAll();
    if (m_ctx.activity && !bytes.isEmpty())
        m_ctx.activity->touch(); // any traffic keeps the link from the idle timeout
    m_framer.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    // One hand-over per read, not per frame: a pipelining gateway sends many frames per segment.
    std::vector<std::pair<quint64, std::string>> frames;
    std::size_t bytesOut = 0;
    while (auto frame = m_framer.next()) {
        frames.emplace_back(m_nextSeq++, std::string(*frame));
        bytesOut += frame->size();
    }
    if (!frames.empty()) {
        m_backlogBytes += bytesOut;
        if (!m_thread->isRunning())
            m_thread->start();
        Worker *w = m_worker.get();
        QMetaObject::invokeMethod(
            w,
            [w, frames = std::move(frames), bytesOut] {
                for (const auto &[seq, frame] : frames)
                    w->handle(seq, frame);
                w->m_link->post([bytesOut](MllpSession *s) { s->frameDone(bytesOut); });
            },
            Qt::QueuedConnection);
    }
    switch (m_framer.takeIssue()) {
    case hl7::MllpIssue::Oversized:
        ++m_link->errors;
        emit problem(QStringLiteral("frame larger than %1 bytes discarded").arg(m_ctx.maxFrameBytes));
        break;
    case hl7::MllpIssue::Abandoned:
        ++m_link->errors;
        emit problem(QStringLiteral("unterminated frame abandoned (a new frame started inside it)"));
        break;
    case hl7::MllpIssue::None:
        break;
    }
}

void MllpSession::frameDone(std::size_t bytes)
{
    const bool paused = m_socket->readBufferSize() != 0;
    m_backlogBytes -= std::min(m_backlogBytes, bytes);
    if (paused && m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void MllpSession::heartbeatSeen(int timeoutS)
{
    // The gateway's watchdog: the link is alive; it must come again within the timeout.
    m_heartbeatTimeoutS = timeoutS;
    m_sinceHeartbeat.start();
    if (!m_heartbeatOk) {
        m_heartbeatOk = true;
        emit heartbeatChanged(true);
    }
}

void MllpSession::Worker::handle(quint64 seq, std::string_view frame)
{
    hl7::Message msg;
    const hl7::Error parseError = msg.parse(frame);
    const hl7::MessageInfo info = parseError.ok() ? hl7::classify(msg) : hl7::MessageInfo{};
    auto refuse = [&](hl7::Outcome outcome, const QString &why, std::optional<hl7::AckError> error = {}) {
        ++m_link->errors;
        hl7::AckDecision d = hl7::decideAck(msg, parseError, outcome);
        if (error)
            d.error = std::move(error);
        std::string ack = d.send ? hl7::buildAck(msg, d.code, ackOptions(d.error)) : std::string();
        m_link->post([seq, ack = std::move(ack), why](MllpSession *s) {
            s->queueAck(seq, ack);
            emit s->problem(why);
            emit s->messageHandled(false);
        });
    };
    if (!parseError.ok()) {
        refuse(hl7::Outcome::Error,
               QStringLiteral("malformed message: %1").arg(QString::fromStdString(parseError.message())));
        return;
    }
    if (m_ctx.activity)
        m_ctx.activity->proven.store(true); // a real peer: not the first to go when a listener is full

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
                const int timeoutS = r.confirmTimeoutS > 0 ? r.confirmTimeoutS : 5;
                m_link->post([timeoutS](MllpSession *s) { s->heartbeatSeen(timeoutS); });
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
        m_link->post([seq](MllpSession *s) { s->queueAck(seq, {}); });
        return;
    case hl7::MessageKind::Unsupported:
        refuse(hl7::Outcome::Rejected,
               QStringLiteral("unsupported message type %1^%2")
                   .arg(QString::fromUtf8(info.type.data(), static_cast<qsizetype>(info.type.size())),
                        QString::fromUtf8(info.trigger.data(), static_cast<qsizetype>(info.trigger.size()))));
        return;
    }

    ++m_link->messages;
    const hl7::AckDecision ok = hl7::decideAck(msg, parseError, hl7::Outcome::Accepted);
    std::string ack = ok.send ? hl7::buildAck(msg, ok.code, {}) : std::string();
    // If the store cannot make it durable, the gateway must not believe it is: answer an error instead,
    // so it keeps the message and sends it again.
    const hl7::AckCode failCode = info.enhancedMode ? hl7::AckCode::CE : hl7::AckCode::AE;
    std::string failAck = hl7::buildAck(
        msg, failCode, ackOptions(ackError({}, 0, 207, "the station could not store the message durably")));

    // A resend of a message already taken: acknowledged again (once the original is durable), not stored
    // or shown twice.
    std::string key;
    if (m_ctx.resends && !updates.empty())
        key = resendKey(msg);
    quint64 ticket = 0;
    const auto storeAll = [&]() -> std::optional<quint64> {
        if (!m_ctx.store)
            return std::nullopt;
        for (const BedUpdate &u : updates)
            ticket = m_ctx.store->store(u);
        return ticket;
    };
    if (!key.empty()) {
        if (const auto original = m_ctx.resends->admit(key, contentHash(frame), storeAll)) {
            ++m_link->resends;
            m_link->post([](MllpSession *s) { emit s->resendRecognised(); });
            const bool wait = m_ctx.store && original->hasTicket;
            expectAck(seq, std::move(ack), std::move(failAck), !wait);
            if (wait)
                waitDurable(seq, original->ticket, {});
            return;
        }
    } else {
        storeAll();
    }
    for (BedUpdate &u : updates)
        m_ctx.sink->deliver(std::move(u));
    const bool wait = m_ctx.store && !updates.empty();
    expectAck(seq, std::move(ack), std::move(failAck), !wait);
    if (wait)
        waitDurable(seq, ticket, key);
}

void MllpSession::Worker::expectAck(quint64 seq, std::string ack, std::string failAck, bool ready)
{
    m_link->post([seq, ack = std::move(ack), failAck = std::move(failAck), ready](MllpSession *s) {
        PendingAck &p = s->m_acks[seq];
        p.ack = ack;
        p.failAck = failAck;
        emit s->messageHandled(true);
        if (ready)
            s->ackReady(seq, true);
    });
}

void MllpSession::Worker::waitDurable(quint64 seq, quint64 ticket, const std::string &resendKey)
{
    std::weak_ptr<Link> weak = m_link;
    std::weak_ptr<ResendFilter> resends = m_ctx.resends;
    m_ctx.store->notifyDurable(ticket, [weak, seq, resends, resendKey](bool durable) {
        // Not stored: a resend must be stored, not taken for a copy of something durable.
        if (!durable && !resendKey.empty())
            if (auto r = resends.lock())
                r->forget(resendKey);
        // Writer thread: hop to the session's thread if the session still exists.
        if (auto link = weak.lock())
            link->post([seq, durable](MllpSession *s) { s->ackReady(seq, durable); });
    });
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
        ++m_link->errors;
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
