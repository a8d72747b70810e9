// EhrLink: the durable charting queue and its sender (see EhrLink.h).
#include "EhrLink.h"

#include "Hl7Message.h"

#include <QDateTime>

namespace vigil::ehr {

using archive::sql::SqlError;
using archive::sql::Stmt;

namespace {
enum State { Waiting = 0, Acked = 1, Rejected = 2 };

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

EhrLink::EhrLink(EhrSettings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings))
{
    m_ackTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_ackTimer, &QTimer::timeout, this, [this] {
        ++m_stats.timeouts;
        dropLink(tr("no ACK from the EHR within %1 s").arg(m_settings.ackTimeoutMs / 1000.0));
    });
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        m_waitRetry = false;
        pump();
    });
    m_downTimer.setInterval(1000);
    connect(&m_downTimer, &QTimer::timeout, this, &EhrLink::checkDown);
}

EhrLink::~EhrLink()
{
    stop();
}

bool EhrLink::open(QString *error)
{
    try {
        m_db.open(m_settings.queuePath.isEmpty() ? QStringLiteral(":memory:") : m_settings.queuePath,
                  SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        m_db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                  "CREATE TABLE IF NOT EXISTS msg(seq INTEGER PRIMARY KEY, control_id TEXT NOT NULL, "
                  "body BLOB NOT NULL, state INTEGER NOT NULL DEFAULT 0, created_ms INTEGER NOT NULL, "
                  "sends INTEGER NOT NULL DEFAULT 0, done_ms INTEGER);"
                  "CREATE INDEX IF NOT EXISTS msg_waiting ON msg(state, seq);");
    } catch (const SqlError &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    updateDepth();
    return true;
}

void EhrLink::start()
{
    m_lastGoodMs = nowMs();
    m_dialer = new MllpDialer(m_settings.link, QStringLiteral("EHR"), this);
    connect(m_dialer, &MllpDialer::connected, this, &EhrLink::onConnected);
    connect(m_dialer, &MllpDialer::failed, this, [this](const QString &why, bool, double retryInS) {
        emit logLine(tr("EHR link: %1; retrying in %2 s").arg(why).arg(retryInS, 0, 'f', 1), true);
    });
    QString error;
    if (!m_dialer->prepare(&error)) {
        emit logLine(tr("EHR link: %1").arg(error), true);
        return;
    }
    m_dialer->dial();
    m_downTimer.start();
}

void EhrLink::stop()
{
    m_downTimer.stop();
    m_ackTimer.stop();
    m_retryTimer.stop();
    if (m_dialer)
        m_dialer->stop();
    if (m_socket)
        discardSocket(m_socket, this);
    m_socket = nullptr;
}

void EhrLink::updateDepth()
{
    int n = 0;
    try {
        n = int(m_db.scalar("SELECT COUNT(*) FROM msg WHERE state = 0"));
    } catch (const SqlError &) {
    }
    if (n != m_depth.exchange(n))
        emit depthChanged(n);
}

QString EhrLink::enqueue(ChartSet set)
{
    if (set.controlId.isEmpty())
        set.controlId = QStringLiteral("VC%1-%2").arg(nowMs()).arg(++m_counter);
    if (set.createdMs == 0)
        set.createdMs = nowMs();
    const std::string body = buildChartMessage(set);
    try {
        Stmt q(m_db.handle(), "INSERT INTO msg(control_id, body, created_ms) VALUES (?1, ?2, ?3)");
        q.bind(1, set.controlId)
            .bindBlob(2, {reinterpret_cast<const std::uint8_t *>(body.data()), body.size()})
            .bind(3, set.createdMs)
            .run();
    } catch (const SqlError &e) {
        emit logLine(
            tr("EHR queue: cannot store %1: %2").arg(set.controlId, QString::fromStdString(e.what())), true);
        return {};
    }
    updateDepth();
    pump();
    return set.controlId;
}

std::optional<EhrLink::Pending> EhrLink::head()
{
    Stmt q(m_db.handle(), "SELECT seq, control_id, body FROM msg WHERE state = 0 ORDER BY seq LIMIT 1");
    if (!q.step())
        return std::nullopt;
    const auto blob = q.blob(2);
    return Pending{q.i64(0), q.text(1),
                   std::string(reinterpret_cast<const char *>(blob.data()), blob.size())};
}

void EhrLink::finish(qint64 seq, int state)
{
    Stmt q(m_db.handle(), "UPDATE msg SET state = ?2, done_ms = ?3 WHERE seq = ?1");
    q.bind(1, seq).bind(2, state).bind(3, nowMs()).run();
    updateDepth();
}

void EhrLink::pump()
{
    if (!m_socket || m_inFlight || m_waitRetry)
        return;
    try {
        m_inFlight = head();
        if (!m_inFlight) {
            m_lastGoodMs = nowMs(); // nothing waits: the link owes nothing
            return;
        }
        Stmt q(m_db.handle(), "UPDATE msg SET sends = sends + 1 WHERE seq = ?1");
        q.bind(1, m_inFlight->seq).run();
    } catch (const SqlError &e) {
        emit logLine(tr("EHR queue: %1").arg(QString::fromStdString(e.what())), true);
        m_inFlight.reset();
        return;
    }
    const std::string out = hl7::MllpFramer::frame(m_inFlight->body);
    m_socket->write(out.data(), qint64(out.size()));
    ++m_stats.sent;
    m_ackTimer.start(m_settings.ackTimeoutMs);
}

void EhrLink::onConnected(QTcpSocket *socket)
{
    socket->setParent(this);
    m_socket = socket;
    m_framer.reset();
    m_inFlight.reset();
    connect(socket, &QTcpSocket::readyRead, this, &EhrLink::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        if (socket != m_socket)
            return;
        dropLink(tr("the EHR closed the connection"));
    });
    emit logLine(tr("EHR link: connected to %1").arg(m_settings.link.url.toString()), false);
    pump();
}

void EhrLink::dropLink(const QString &why)
{
    m_ackTimer.stop();
    m_inFlight.reset(); // not acknowledged: sent again on the next connection
    if (m_socket) {
        QTcpSocket *s = m_socket;
        m_socket = nullptr;
        discardSocket(s, this);
        const double retry = m_dialer ? m_dialer->linkClosed(why) : 0;
        emit logLine(tr("EHR link: %1; reconnecting in %2 s").arg(why).arg(retry, 0, 'f', 1), true);
    }
}

void EhrLink::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_framer.feed(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    while (auto frame = m_framer.next()) {
        hl7::Message ack;
        if (!ack.parse(*frame).ok())
            continue;
        const hl7::Segment msa = ack.find("MSA");
        const QString code = QString::fromStdString(std::string(msa.field(1).component(1)));
        const QString id = QString::fromStdString(std::string(msa.field(2).component(1)));
        if (!m_inFlight || id != m_inFlight->controlId)
            continue; // a late answer to something already settled
        m_ackTimer.stop();
        const Pending done = *m_inFlight;
        m_inFlight.reset();
        try {
            if (code == QLatin1String("AA") || code == QLatin1String("CA")) {
                finish(done.seq, Acked); // durable before the next leaves: never sent twice
                ++m_stats.acked;
                m_lastGoodMs = nowMs();
            } else if (code == QLatin1String("AR") || code == QLatin1String("CR")) {
                finish(done.seq, Rejected);
                ++m_stats.rejected;
                emit logLine(tr("EHR rejected %1 (%2): not sent again").arg(done.controlId, code), true);
            } else {
                ++m_stats.nacked;
                m_waitRetry = true;
                m_retryTimer.start(m_settings.retryMs);
                emit logLine(tr("EHR answered %1 to %2: sent again in %3 s")
                                 .arg(code, done.controlId)
                                 .arg(m_settings.retryMs / 1000.0),
                             true);
            }
        } catch (const SqlError &e) {
            emit logLine(tr("EHR queue: %1").arg(QString::fromStdString(e.what())), true);
        }
        emit delivered(done.controlId, code);
    }
    pump();
}

void EhrLink::checkDown()
{
    const bool waiting = depth() > 0;
    if (!waiting && m_socket)
        m_lastGoodMs = nowMs();
    const bool down =
        (waiting || !m_socket) && nowMs() - m_lastGoodMs > qint64(m_settings.downConditionS * 1000);
    if (down == m_down)
        return;
    m_down = down;
    emit linkDown(down, down ? QStringLiteral("EHR link down: %1 charting message(s) waiting").arg(depth())
                             : QString());
}

} // namespace vigil::ehr
