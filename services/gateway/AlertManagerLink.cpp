#include "AlertManagerLink.h"

#include "Hl7Ack.h"
#include "Hl7Text.h"
#include "Mllp.h"
#include "MllpLink.h"

#include <QDateTime>
#include <QSslSocket>

#include <algorithm>
#include <utility>

namespace vigil {

namespace {

constexpr int kWindow = 32;          // requests written before their ACKs return (MLLP keeps them in order)
constexpr int kMaxAttempts = 3;      // silent connections a request is written on before it is given up
constexpr int kMaxRemembered = 4096; // alarm ids and control ids kept for matching late PCD-05 replies

QString fromHl7(std::string_view raw, const hl7::Delimiters &d)
{
    return QString::fromUtf8(hl7::unescaped(raw, d)).trimmed();
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

} // namespace

// --- AlertManagerLink -----------------------------------------------------------------------------------

AlertManagerLink::AlertManagerLink(GatewayLinkSettings settings, int replyTimeoutMs, QObject *parent)
    : AlertManagerLink(
          std::move(settings),
          [&] {
              AlertManagerOptions o;
              o.replyTimeoutMs = replyTimeoutMs;
              return o;
          }(),
          parent)
{}

AlertManagerLink::AlertManagerLink(GatewayLinkSettings settings, AlertManagerOptions options, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_options(std::move(options)),
      m_dialer(new MllpDialer(m_settings, QStringLiteral("alert manager"), this)),
      m_framer(m_settings.maxFrameBytes), m_deadline(new QTimer(this))
{
    // Children, so they move with the link to its thread.
    connect(m_dialer, &MllpDialer::connected, this, &AlertManagerLink::onConnected);
    connect(m_dialer, &MllpDialer::failed, this, [this](const QString &why, bool certificate, double) {
        // A certificate will not change within the reply timeout, so waiting requests fail now.
        const QString reason =
            certificate ? why : QStringLiteral("alert manager %1: %2").arg(m_settings.url.toString(), why);
        onDisconnected(reason);
        if (certificate)
            failWaiting(reason);
    });
    m_deadline->setSingleShot(true);
    m_deadline->setTimerType(Qt::PreciseTimer);
    connect(m_deadline, &QTimer::timeout, this, &AlertManagerLink::checkDeadlines);
    m_clock.start();
    // Control ids stay unique across restarts of the station: the manager may de-duplicate by them.
    m_idPrefix = QStringLiteral("VAM") + QString::number(QDateTime::currentSecsSinceEpoch(), 36).toUpper();
    m_state.secure = m_settings.url.tls;
    m_state.url = m_settings.url.toString();
    m_options.replyTimeoutMs = std::max(1, m_options.replyTimeoutMs);
    m_options.expireMs = std::max(m_options.expireMs, m_options.replyTimeoutMs);
    m_options.maxQueued = std::max<std::size_t>(1, m_options.maxQueued);
}

AlertManagerLink::~AlertManagerLink()
{
    // Sockets are children and die after our members: their last signals must not reach us.
    if (m_socket)
        m_socket->disconnect(this);
    for (auto &[socket, inbound] : m_inbound)
        socket->disconnect(this);
    if (m_listener)
        m_listener->disconnect(this);
}

AlertManagerLink::LinkState AlertManagerLink::linkState() const
{
    QMutexLocker lock(&m_stateMutex);
    return m_state;
}

quint16 AlertManagerLink::replyPort() const
{
    QMutexLocker lock(&m_stateMutex);
    return m_replyPort;
}

void AlertManagerLink::syncState()
{
    LinkState s;
    {
        QMutexLocker lock(&m_stateMutex);
        s = m_state;
    }
    const LinkState before = s;
    s.up = m_up;
    s.lastError = m_lastError;
    s.pending = static_cast<int>(m_queue.size() + m_inFlight.size());
    s.sent = m_sentCount;
    s.delivered = m_deliveredCount;
    s.failed = m_failedCount;
    s.statuses = m_statusCount;
    s.replyConnections = static_cast<int>(m_inbound.size());
    if (s.up != before.up)
        s.sinceMs = QDateTime::currentMSecsSinceEpoch();
    const bool changed = s.up != before.up || s.lastError != before.lastError ||
                         s.pending != before.pending || s.sent != before.sent ||
                         s.delivered != before.delivered || s.failed != before.failed ||
                         s.statuses != before.statuses || s.replyConnections != before.replyConnections;
    if (!changed)
        return;
    {
        QMutexLocker lock(&m_stateMutex);
        m_state = s;
    }
    emit linkStateChanged(s);
}

std::string AlertManagerLink::nextControlId(char kind)
{
    return utf8(m_idPrefix) + '-' + kind + std::to_string(++m_seq);
}

void AlertManagerLink::start()
{
    if (m_running)
        return;
    m_running = true;
    QString error;
    if (!m_dialer->prepare(&error)) {
        // Retrying cannot fix a configuration: every request fails at once, with the reason.
        m_tlsConfigError = QStringLiteral("TLS configuration: %1").arg(error);
        m_lastError = m_tlsConfigError;
        emit problem(m_tlsConfigError);
    }
    startListener();
    if (m_tlsConfigError.isEmpty())
        m_dialer->dial();
    else
        failWaiting(m_tlsConfigError);
    syncState();
    armDeadlineTimer();
}

void AlertManagerLink::stop()
{
    m_running = false;
    m_dialer->stop();
    m_deadline->stop();
    discardSocket(std::exchange(m_socket, nullptr), this);
    m_up = false;
    for (auto &[socket, inbound] : m_inbound) {
        socket->disconnect(this);
        inbound.activity->bind(nullptr);
        socket->abort();
        socket->deleteLater();
    }
    m_inbound.clear();
    if (m_listener) {
        m_listener->disconnect(this);
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    // Whatever was written and not acknowledged goes again if the link is started again.
    while (!m_inFlight.empty()) {
        m_inFlight.back().writtenAtMs = -1;
        m_queue.push_front(std::move(m_inFlight.back()));
        m_inFlight.pop_back();
    }
    syncState();
}

std::string AlertManagerLink::buildMessage(const AlertRequest &r, const std::string &controlId) const
{
    hl7::AlarmReport a;
    a.alarmId = r.alarmId;
    a.bedKey = r.bedKey;
    a.bedLabel = r.bedLabel;
    if (r.eventCode == 0 && r.eventRefId.isEmpty())
        a.event = {196616, QStringLiteral("196616"), QStringLiteral("MDC_EVT_ALARM"), QStringLiteral("MDC")};
    else
        // A station code without an MDC term ("lead_off") goes as a local code, not as a fake MDC one.
        a.event = {r.eventCode, r.eventCode ? QString::number(r.eventCode) : r.eventRefId, r.eventRefId,
                   r.eventCode || r.eventRefId.startsWith(QLatin1String("MDC_")) ? QStringLiteral("MDC")
                                                                                 : QStringLiteral("L")};
    a.eventText = r.eventText;
    if (!r.bedLabel.isEmpty() && !r.eventText.startsWith(r.bedLabel))
        a.eventText = r.eventText.isEmpty() ? r.bedLabel : r.bedLabel + QStringLiteral(": ") + r.eventText;
    a.sourceMetric = {r.sourceCode, r.sourceCode ? QString::number(r.sourceCode) : r.sourceRefId,
                      r.sourceRefId, QStringLiteral("MDC")};
    a.sourceValue = r.value;
    a.limitLow = r.limitLow;
    a.limitHigh = r.limitHigh;
    a.sourceUnit = r.unit;
    switch (r.phase) {
    case AlertPhase::Escalate:
        a.phase = hl7::AlarmPhase::Escalate;
        break;
    case AlertPhase::DeEscalate:
        a.phase = hl7::AlarmPhase::DeEscalate;
        break;
    case AlertPhase::End:
        a.phase = hl7::AlarmPhase::End;
        break;
    }
    a.state = r.state != hl7::AlarmState::Unknown
                  ? r.state
                  : (r.phase == AlertPhase::End ? hl7::AlarmState::Inactive : hl7::AlarmState::Active);
    a.inactivationState =
        r.inactivation != hl7::AlarmInactivation::Unknown ? r.inactivation : hl7::AlarmInactivation::Enabled;
    a.priority = r.priority;
    a.kind = r.kind;
    const qint64 wallNow = QDateTime::currentMSecsSinceEpoch();
    a.timeMs = r.timeMs > 0 ? r.timeMs : wallNow;

    hl7::SendOptions o;
    o.sendingApplication = m_options.sendingApplication;
    o.sendingFacility = m_options.sendingFacility;
    o.receivingApplication = m_options.receivingApplication;
    o.receivingFacility = m_options.receivingFacility;
    o.controlId = QString::fromStdString(controlId);
    o.messageTimeMs = wallNow;
    return hl7::buildPcd04Alarm(a, r.patient, o);
}

void AlertManagerLink::send(const AlertRequest &request)
{
    if (request.alarmId.isEmpty()) {
        emit problem(QStringLiteral("alert manager: request without an alarm id ignored"));
        return;
    }
    if (request.phase != AlertPhase::Escalate) {
        // An escalation that never left the station and is now withdrawn: the manager never heard of the
        // alarm, so neither message needs to go (paging a nurse for an acknowledged alarm helps no one).
        const auto same = [&](const Item &i) { return i.alarmId == request.alarmId; };
        const bool heard = m_knownAlarms.contains(request.alarmId) ||
                           std::any_of(m_inFlight.begin(), m_inFlight.end(), same) ||
                           std::any_of(m_queue.begin(), m_queue.end(),
                                       [&](const Item &i) { return same(i) && i.everWritten; });
        const auto queued = std::find_if(m_queue.begin(), m_queue.end(), [&](const Item &i) {
            return same(i) && i.phase == AlertPhase::Escalate && !i.everWritten;
        });
        if (!heard && m_withdrawn.contains(request.alarmId)) {
            emit problem(QStringLiteral("alert manager: %1 of %2 not sent: its escalation was withdrawn")
                             .arg(request.phase == AlertPhase::End ? QStringLiteral("end")
                                                                   : QStringLiteral("de-escalation"),
                                  request.alarmId));
            return;
        }
        if (!heard && queued != m_queue.end()) {
            std::erase_if(m_queue, same);
            if (m_withdrawn.size() > kMaxRemembered)
                m_withdrawn.clear();
            m_withdrawn.insert(request.alarmId);
            emit problem(QStringLiteral("alert manager: escalation of %1 withdrawn before it could be sent")
                             .arg(request.alarmId));
            syncState();
            armDeadlineTimer();
            return;
        }
    }

    if (request.phase == AlertPhase::Escalate)
        m_withdrawn.remove(request.alarmId);

    std::vector<std::pair<QString, QString>> failures;
    while (m_queue.size() + m_inFlight.size() >= m_options.maxQueued) {
        std::deque<Item> &from = m_queue.empty() ? m_inFlight : m_queue;
        Item &oldest = from.front();
        if (!oldest.failureReported)
            failures.emplace_back(
                oldest.alarmId,
                QStringLiteral("alert manager queue full (%1 requests): dropped").arg(m_options.maxQueued));
        from.pop_front();
    }

    Item item;
    item.controlId = nextControlId('E');
    item.message = buildMessage(request, item.controlId);
    item.alarmId = request.alarmId;
    item.phase = request.phase;
    const qint64 t = now();
    item.failAtMs = t + m_options.replyTimeoutMs;
    item.expireAtMs = t + m_options.expireMs;
    if (!m_tlsConfigError.isEmpty()) {
        item.failureReported = true;
        failures.emplace_back(item.alarmId, m_tlsConfigError);
    }
    m_queue.push_back(std::move(item));
    m_failedCount += failures.size();
    pump();
    syncState();
    armDeadlineTimer();
    for (const auto &[alarmId, reason] : failures)
        emit failed(alarmId, reason);
}

QString AlertManagerLink::closedReason() const
{
    // With TLS 1.3 the client's handshake is done before the server has checked the client certificate:
    // a refusal shows only as the server hanging up at once, without a word.
    if (m_settings.url.tls && !m_heardBack && m_connectedFor.isValid() && m_connectedFor.elapsed() < 3000)
        return QStringLiteral(
            "the alert manager closed the connection right after the TLS handshake (does it "
            "accept the station's certificate?)");
    return QStringLiteral("the alert manager closed the connection");
}

void AlertManagerLink::onConnected(QTcpSocket *socket)
{
    if (!m_running) {
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    m_socket = socket;
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError e) {
        if (socket != m_socket)
            return;
        QString why = socket->errorString();
        if (e == QAbstractSocket::RemoteHostClosedError && m_up)
            why = closedReason();
        onDisconnected(QStringLiteral("alert manager %1: %2").arg(m_settings.url.toString(), why));
    });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
        if (socket == m_socket)
            onDisconnected(
                QStringLiteral("alert manager %1: %2").arg(m_settings.url.toString(), closedReason()));
    });
    connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
    m_up = true;
    m_heardBack = false;
    m_framer.reset();
    m_connectedFor.start();
    pump();
    syncState();
    armDeadlineTimer();
}

void AlertManagerLink::onDisconnected(const QString &why, bool unanswered)
{
    discardSocket(std::exchange(m_socket, nullptr), this);
    m_up = false;
    // Not acknowledged means not delivered: written again, in order, on the next connection (at least
    // once; the manager can tell a repeat by MSH-10). A request tried too often is given up.
    std::vector<std::pair<QString, QString>> failures;
    while (!m_inFlight.empty()) {
        Item item = std::move(m_inFlight.back());
        m_inFlight.pop_back();
        // Only a connection that took the request and never answered counts against it: one that drops
        // (a restart, a refused certificate) says nothing about the request itself.
        if (unanswered && item.writtenAtMs >= 0)
            ++item.attempts;
        item.writtenAtMs = -1;
        if (item.attempts >= kMaxAttempts) {
            if (!item.failureReported)
                failures.emplace_back(item.alarmId,
                                      QStringLiteral("no acknowledgment from the alert manager on %1 "
                                                     "connections")
                                          .arg(item.attempts));
            continue;
        }
        m_queue.push_front(std::move(item));
    }
    m_failedCount += failures.size();
    scheduleReconnect(why);
    syncState();
    armDeadlineTimer();
    for (const auto &[alarmId, reason] : failures)
        emit failed(alarmId, reason);
}

void AlertManagerLink::scheduleReconnect(const QString &why)
{
    if (why != m_lastError)
        emit problem(why);
    m_lastError = why;
    if (m_running)
        m_dialer->linkClosed(why); // backoff with jitter; started over after a link that stayed up
}

void AlertManagerLink::pump()
{
    if (!m_up || !m_socket)
        return;
    std::string out;
    const qint64 t = now();
    while (!m_queue.empty() && static_cast<int>(m_inFlight.size()) < kWindow) {
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        hl7::MllpFramer::appendFrame(out, item.message);
        item.writtenAtMs = t;
        item.everWritten = true;
        ++m_sentCount;
        remember(item.alarmId, item.controlId);
        m_inFlight.push_back(std::move(item));
    }
    if (!out.empty())
        m_socket->write(out.data(), static_cast<qint64>(out.size()));
}

void AlertManagerLink::remember(const QString &alarmId, const std::string &controlId)
{
    const qint64 t = now();
    m_knownAlarms.insert(alarmId, t);
    const QString cid = QString::fromStdString(controlId);
    if (!m_controlToAlarm.contains(cid)) {
        m_controlToAlarm.insert(cid, alarmId);
        m_controlOrder.push_back(cid);
    }
    while (m_controlOrder.size() > static_cast<std::size_t>(kMaxRemembered)) {
        m_controlToAlarm.remove(m_controlOrder.front());
        m_controlOrder.pop_front();
    }
    if (m_knownAlarms.size() > kMaxRemembered + kMaxRemembered / 8) {
        // Forget the least recently sent eighth in one go, so this sort is rare.
        std::vector<qint64> times;
        times.reserve(m_knownAlarms.size());
        for (auto it = m_knownAlarms.cbegin(); it != m_knownAlarms.cend(); ++it)
            times.push_back(it.value());
        auto nth = times.begin() + (times.size() - kMaxRemembered);
        std::nth_element(times.begin(), nth, times.end());
        const qint64 cutoff = *nth;
        for (auto it = m_knownAlarms.begin(); it != m_knownAlarms.end();)
            it = it.value() < cutoff ? m_knownAlarms.erase(it) : std::next(it);
    }
}

void AlertManagerLink::onReadyRead(QTcpSocket *socket)
{
    hl7::MllpFramer *framer = nullptr;
    std::shared_ptr<LinkActivity> activity;
    if (socket == m_socket) {
        framer = &m_framer;
    } else {
        auto it = m_inbound.find(socket);
        if (it == m_inbound.end())
            return;
        framer = it->second.framer.get();
        activity = it->second.activity;
        activity->touch();
    }
    const QByteArray bytes = socket->readAll();
    if (socket == m_socket && !bytes.isEmpty())
        m_heardBack = true;
    framer->feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    QPointer<QTcpSocket> alive(socket);
    while (auto frame = framer->next()) {
        // Copied: a slot called from handleFrame may stop the link and reset the framer under the view.
        const std::string copy(*frame);
        if (activity)
            activity->proven.store(true);
        handleFrame(socket, copy);
        if (!alive || (socket != m_socket && !m_inbound.contains(socket)))
            return;
        if (hl7::MllpIssue issue = framer->takeIssue(); issue == hl7::MllpIssue::Oversized)
            emit problem(QStringLiteral("alert manager: frame larger than %1 bytes dropped")
                             .arg(framer->maxFrameBytes()));
    }
}

void AlertManagerLink::handleFrame(QTcpSocket *socket, std::string_view frame)
{
    hl7::Message m;
    const hl7::Error e = m.parse(frame);
    // Never acknowledge an acknowledgment, even a damaged one.
    if (m.hasHeader() && m.header(9).component(1) == "ACK") {
        if (e.ok())
            handleAck(m);
        else
            emit problem(
                QStringLiteral("alert manager: unreadable ACK: %1").arg(QString::fromStdString(e.message())));
        return;
    }
    handleReport(socket, m, e);
}

void AlertManagerLink::handleAck(const hl7::Message &ack)
{
    const hl7::Delimiters &d = ack.delimiters();
    const hl7::Segment msa = ack.find("MSA");
    const std::string code(msa.field(1).component(1));
    const std::string id(msa.field(2).component(1));
    auto it =
        std::find_if(m_inFlight.begin(), m_inFlight.end(), [&](const Item &i) { return i.controlId == id; });
    const bool positive = code == "AA" || code == "CA";
    if (it == m_inFlight.end()) {
        // A late ACK for a request given up on: it did arrive after all.
        const QString alarmId = m_controlToAlarm.value(QString::fromStdString(id));
        if (positive && !alarmId.isEmpty()) {
            ++m_deliveredCount;
            syncState();
            emit delivered(alarmId);
        }
        return;
    }
    Item item = std::move(*it);
    m_inFlight.erase(it);
    QString reason;
    if (positive) {
        ++m_deliveredCount;
    } else {
        QString text;
        if (const hl7::Segment err = ack.find("ERR"); err.valid())
            text = fromHl7(err.field(8).raw(), d);
        if (text.isEmpty())
            text = fromHl7(msa.field(3).raw(), d);
        reason = QStringLiteral("alert manager answered %1%2")
                     .arg(QString::fromStdString(code.empty() ? std::string("no code") : code),
                          text.isEmpty() ? QString() : QStringLiteral(": ") + text);
        if (item.failureReported) {
            emit problem(reason);
            reason.clear();
        } else {
            ++m_failedCount;
        }
    }
    pump();
    syncState();
    armDeadlineTimer();
    if (positive)
        emit delivered(item.alarmId);
    else if (!reason.isEmpty())
        emit failed(item.alarmId, reason);
}

void AlertManagerLink::handleReport(QTcpSocket *socket, const hl7::Message &m, const hl7::Error &parseError)
{
    hl7::Outcome outcome = hl7::Outcome::Accepted;
    std::optional<hl7::AckError> error;
    std::vector<std::tuple<QString, AlertStatus, QString>> found;
    const hl7::MessageInfo info = hl7::classify(m);

    if (!parseError.ok()) {
        emit problem(QStringLiteral("alert manager: unreadable message: %1")
                         .arg(QString::fromStdString(parseError.message())));
        const hl7::AckDecision dec = hl7::decideAck(m, parseError);
        if (dec.send) {
            hl7::AckOptions o;
            o.controlId = nextControlId('A');
            o.sendingApplication = utf8(m_options.sendingApplication);
            o.error = dec.error;
            const std::string ack = hl7::MllpFramer::frame(hl7::buildAck(m, dec.code, o));
            socket->write(ack.data(), static_cast<qint64>(ack.size()));
        }
        return;
    }

    const bool statusType = info.trigger == "R41" || info.type == "ORA" || info.type == "ORU";
    if (!statusType) {
        outcome = hl7::Outcome::Rejected;
        hl7::AckError e;
        e.segmentId = "MSH";
        e.field = 9;
        e.hl7Code = hl7::errcode::UnsupportedMessageType;
        e.text = "message type " + std::string(info.type) + "^" + std::string(info.trigger) +
                 " is not supported: the station accepts PCD-05 (ORA^R41, ORU^R41) here";
        error = std::move(e);
    } else {
        const std::vector<Pcd05Status> statuses = parsePcd05(m);
        if (statuses.empty()) {
            outcome = hl7::Outcome::Error;
            hl7::AckError e;
            e.hl7Code = hl7::errcode::RequiredFieldMissing;
            e.text = "no dissemination status found: expected it in PRT-3 or an OBX row, with the alarm id "
                     "in OBR-3 or our MSH-10 in MSA-2";
            error = std::move(e);
        }
        for (const Pcd05Status &s : statuses) {
            const QString alarmId = resolveAlarm(s);
            if (alarmId.isEmpty()) {
                // Possibly an alarm from before a restart of the station: acknowledged, not shown.
                emit problem(
                    QStringLiteral("alert manager: %1 status \"%2\" for an alarm the station did not "
                                   "send (OBR-3 %3, MSA-2 %4)")
                        .arg(QString::fromUtf8(info.type.data(), qsizetype(info.type.size())), s.text,
                             s.alarmIds.join(u','), s.ackControlId));
                continue;
            }
            found.emplace_back(alarmId, s.status, s.text);
        }
    }

    // Enhanced mode (MSH-15/16 valued) answers what the manager asked for; original mode always answers.
    const auto wants = [](std::string_view mode, hl7::Outcome o) {
        if (mode.empty() || mode == "AL")
            return true;
        if (mode == "ER")
            return o != hl7::Outcome::Accepted;
        if (mode == "SU")
            return o == hl7::Outcome::Accepted;
        return false;
    };
    const auto codeFor = [](bool commit, hl7::Outcome o) {
        switch (o) {
        case hl7::Outcome::Accepted:
            return commit ? hl7::AckCode::CA : hl7::AckCode::AA;
        case hl7::Outcome::Error:
            return commit ? hl7::AckCode::CE : hl7::AckCode::AE;
        case hl7::Outcome::Rejected:
            break;
        }
        return commit ? hl7::AckCode::CR : hl7::AckCode::AR;
    };
    std::optional<hl7::AckCode> code;
    if (!info.enhancedMode)
        code = codeFor(false, outcome);
    else if (wants(info.acceptAckType, outcome))
        code = codeFor(true, outcome);
    else if (wants(info.applicationAckType, outcome))
        code = codeFor(false, outcome);
    if (code) {
        hl7::AckOptions o;
        o.controlId = nextControlId('A');
        o.sendingApplication = utf8(m_options.sendingApplication);
        o.error = error;
        const std::string ack = hl7::MllpFramer::frame(hl7::buildAck(m, *code, o));
        socket->write(ack.data(), static_cast<qint64>(ack.size()));
    }
    if (error && outcome != hl7::Outcome::Accepted)
        emit problem(QStringLiteral("alert manager: message %1 refused: %2")
                         .arg(QString::fromUtf8(info.controlId.data(), qsizetype(info.controlId.size())),
                              QString::fromStdString(error->text)));

    m_statusCount += found.size();
    if (!found.empty())
        syncState();
    for (const auto &[alarmId, st, text] : found)
        emit status(alarmId, st, text);
}

QString AlertManagerLink::resolveAlarm(const Pcd05Status &s) const
{
    for (const QString &id : s.alarmIds) {
        if (m_knownAlarms.contains(id))
            return id;
        if (const QString a = m_controlToAlarm.value(id); !a.isEmpty())
            return a;
    }
    if (!s.ackControlId.isEmpty())
        return m_controlToAlarm.value(s.ackControlId);
    return {};
}

QString AlertManagerLink::waitingReason(const Item &item) const
{
    if (!m_tlsConfigError.isEmpty())
        return m_tlsConfigError;
    if (item.writtenAtMs >= 0)
        return QStringLiteral("no acknowledgment from the alert manager within %1 s")
            .arg(seconds(m_options.replyTimeoutMs));
    if (!m_up)
        return QStringLiteral("alert manager unreachable: %1")
            .arg(m_lastError.isEmpty()
                     ? QStringLiteral("still connecting to %1").arg(m_settings.url.toString())
                     : m_lastError);
    return QStringLiteral("not sent within %1 s: %2 requests ahead wait for acknowledgment")
        .arg(seconds(m_options.replyTimeoutMs))
        .arg(m_inFlight.size());
}

void AlertManagerLink::failWaiting(const QString &reason)
{
    std::vector<QString> ids;
    for (Item &i : m_queue) {
        if (!i.failureReported) {
            i.failureReported = true;
            ids.push_back(i.alarmId);
        }
    }
    m_failedCount += ids.size();
    if (!ids.empty())
        syncState();
    for (const QString &id : ids)
        emit failed(id, reason);
}

void AlertManagerLink::checkDeadlines()
{
    const qint64 t = now();
    std::vector<std::pair<QString, QString>> failures;
    std::vector<QString> dropped;
    const auto visit = [&](std::deque<Item> &items) {
        for (auto it = items.begin(); it != items.end();) {
            if (!it->failureReported && t >= it->failAtMs) {
                it->failureReported = true;
                failures.emplace_back(it->alarmId, waitingReason(*it));
            }
            if (t >= it->expireAtMs) {
                dropped.push_back(it->alarmId);
                it = items.erase(it);
            } else {
                ++it;
            }
        }
    };
    visit(m_inFlight);
    visit(m_queue);
    m_failedCount += failures.size();
    // A connection that takes requests and never answers (a hung manager, a half-open TCP link) is no
    // link: drop it so the requests go again on a fresh one.
    if (m_up && !m_inFlight.empty() && t - m_inFlight.front().writtenAtMs >= 2LL * m_options.replyTimeoutMs) {
        onDisconnected(QStringLiteral("no acknowledgment from the alert manager for %1 s: reconnecting")
                           .arg(seconds(2 * m_options.replyTimeoutMs)),
                       true);
    }
    syncState();
    armDeadlineTimer();
    // Signals last: a slot may call send() or stop(), which change the queues walked above.
    for (const QString &alarmId : dropped)
        emit problem(QStringLiteral("alert manager: request for %1 not acknowledged in %2 s: dropped")
                         .arg(alarmId, seconds(m_options.expireMs)));
    for (const auto &[alarmId, reason] : failures)
        emit failed(alarmId, reason);
}

void AlertManagerLink::armDeadlineTimer()
{
    qint64 next = std::numeric_limits<qint64>::max();
    const auto consider = [&](const std::deque<Item> &items) {
        for (const Item &i : items) {
            if (!i.failureReported)
                next = std::min(next, i.failAtMs);
            next = std::min(next, i.expireAtMs);
        }
    };
    consider(m_queue);
    consider(m_inFlight);
    if (m_up && !m_inFlight.empty() && m_inFlight.front().writtenAtMs >= 0)
        next = std::min(next, m_inFlight.front().writtenAtMs + 2LL * m_options.replyTimeoutMs);
    if (next == std::numeric_limits<qint64>::max()) {
        m_deadline->stop();
        return;
    }
    m_deadline->start(static_cast<int>(std::clamp<qint64>(next - now(), 0, 24LL * 3600 * 1000)));
}

void AlertManagerLink::startListener()
{
    if (!m_options.replyListener)
        return;
    const QString prefix = QStringLiteral("alert manager reply listener: ");
    m_listener = new MllpListener(*m_options.replyListener, QStringLiteral("alert manager"), this);
    connect(m_listener, &MllpListener::linkReady, this, &AlertManagerLink::adoptInbound);
    connect(m_listener, &MllpListener::problem, this,
            [this, prefix](const QString &t) { emit problem(prefix + t); });
    connect(m_listener, &MllpListener::health, this, [this, prefix](bool accepting, const QString &why) {
        if (!accepting)
            emit problem(prefix + why);
    });
    QString error;
    if (!m_listener->listen(&error)) {
        emit problem(prefix + error);
        m_listener->deleteLater();
        m_listener = nullptr;
        return;
    }
    {
        QMutexLocker lock(&m_stateMutex);
        m_replyPort = m_listener->port();
    }
    emit replyListening(m_listener->port());
}

void AlertManagerLink::adoptInbound(QTcpSocket *socket, std::shared_ptr<LinkActivity> activity)
{
    socket->setParent(this);
    activity->bind(socket);
    m_inbound.emplace(
        socket, Inbound{std::make_unique<hl7::MllpFramer>(m_options.replyListener->maxFrameBytes), activity});
    connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
        socket->disconnect(this);
        if (auto it = m_inbound.find(socket); it != m_inbound.end()) {
            it->second.activity->bind(nullptr);
            m_inbound.erase(it);
        }
        socket->deleteLater();
        syncState();
    });
    syncState();
    if (socket->bytesAvailable() > 0)
        onReadyRead(socket);
}

} // namespace vigil
