// RFC 5424 / RFC 5425 forwarding of audit records on a worker thread with a QSslSocket.
#include "SyslogForwarder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostInfo>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace vigil::security {

namespace {

// SD-PARAM value escaping (RFC 5424 6.3.3): '"', '\' and ']' get a backslash.
QByteArray sdValue(const QString &v)
{
    QByteArray out;
    for (const char c : v.toUtf8()) {
        if (c == '"' || c == '\\' || c == ']')
            out += '\\';
        out += c;
    }
    return out;
}

// PRINTUSASCII without spaces, at most n characters ('-' when empty).
QByteArray header(const QString &v, int n)
{
    QByteArray out;
    for (const char c : v.toUtf8().left(n))
        out += (c > 32 && c < 127) ? c : '_';
    return out.isEmpty() ? QByteArray("-") : out;
}

} // namespace

QByteArray formatSyslog(const AuditRecord &r, const QString &hostName, qint64 pid)
{
    QByteArray m = "<110>1 ";
    m += QDateTime::fromMSecsSinceEpoch(r.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    m += ' ' + header(hostName, 255) + " vigil " + QByteArray::number(pid) + ' ' + header(r.action, 32);
    m += " [vigil@32473 seq=\"" + QByteArray::number(r.seq) + "\" station=\"" + sdValue(r.station) +
         "\" user=\"" + sdValue(r.user) + "\" role=\"" + sdValue(r.role) + "\" target=\"" +
         sdValue(r.target) + "\" hash=\"" + r.hash.toHex() + "\"]";
    if (!r.details.isEmpty())
        m += " \xEF\xBB\xBF" + r.details.toUtf8(); // BOM: the MSG is UTF-8
    return m;
}

class SyslogForwarder::Worker : public QObject
{
public:
    Worker(SyslogTarget target, int maxQueued) : m_target(std::move(target)), m_max(maxQueued) {}

    void start()
    {
        m_socket = new QSslSocket(this);
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        if (!m_target.caFile.isEmpty())
            conf.setCaCertificates(QSslCertificate::fromPath(m_target.caFile, QSsl::Pem));
        conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
        conf.setProtocol(QSsl::TlsV1_2OrLater);
        m_socket->setSslConfiguration(conf);
        m_socket->setPeerVerifyName(m_target.peerName.isEmpty() ? m_target.host : m_target.peerName);
        QObject::connect(m_socket, &QSslSocket::encrypted, this, [this] {
            setState(QStringLiteral("connected"));
            m_backoffMs = 500;
            flush();
        });
        QObject::connect(m_socket, &QSslSocket::disconnected, this, [this] { retryLater(); });
        QObject::connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            setState(m_socket->errorString());
            retryLater();
        });
        QObject::connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            setState(errors.isEmpty() ? QStringLiteral("TLS error") : errors.first().errorString());
        });
        m_retry.setSingleShot(true);
        QObject::connect(&m_retry, &QTimer::timeout, this, [this] { connectNow(); });
        connectNow();
    }

    void enqueue(QByteArray message)
    {
        {
            std::lock_guard lock(m_mutex);
            if (int(m_queue.size()) >= m_max) {
                m_queue.pop_front();
                ++m_dropped;
            }
            m_queue.push_back(std::move(message));
        }
        QMetaObject::invokeMethod(
            this, [this] { flush(); }, Qt::QueuedConnection);
    }

    void flush()
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState || !m_socket->isEncrypted())
            return;
        std::deque<QByteArray> batch;
        {
            std::lock_guard lock(m_mutex);
            batch.swap(m_queue);
        }
        for (const QByteArray &m : batch) {
            m_socket->write(QByteArray::number(m.size()) + ' ' + m); // RFC 5425 octet counting
            ++m_sent;
        }
    }

    QString state() const
    {
        std::lock_guard lock(m_mutex);
        return m_state;
    }

    std::atomic<qint64> m_sent{0};
    std::atomic<qint64> m_dropped{0};

private:
    void connectNow()
    {
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->abort();
        setState(QStringLiteral("connecting"));
        m_socket->connectToHostEncrypted(m_target.host, m_target.port);
    }
    void retryLater()
    {
        if (m_retry.isActive())
            return;
        m_retry.start(m_backoffMs);
        m_backoffMs = std::min(m_backoffMs * 2, 60'000);
    }
    void setState(const QString &s)
    {
        std::lock_guard lock(m_mutex);
        m_state = s;
    }

    SyslogTarget m_target;
    int m_max;
    QSslSocket *m_socket = nullptr;
    QTimer m_retry{this};
    int m_backoffMs = 500;
    mutable std::mutex m_mutex;
    std::deque<QByteArray> m_queue;
    QString m_state = QStringLiteral("connecting");
};

SyslogForwarder::SyslogForwarder(SyslogTarget target, int maxQueued)
    : m_thread(std::make_unique<QThread>()), m_worker(new Worker(std::move(target), maxQueued))
{
    m_thread->setObjectName(QStringLiteral("syslog"));
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
}

SyslogForwarder::~SyslogForwarder()
{
    if (m_thread->isRunning()) {
        // Send what is queued, then stop.
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { w->flush(); }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    } else {
        delete m_worker;
    }
}

void SyslogForwarder::start()
{
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->start(); }, Qt::QueuedConnection);
}

void SyslogForwarder::enqueue(const AuditRecord &r)
{
    static const qint64 pid = QCoreApplication::applicationPid();
    static const QString host = QHostInfo::localHostName();
    m_worker->enqueue(formatSyslog(r, host, pid));
}

qint64 SyslogForwarder::sent() const
{
    return m_worker->m_sent.load();
}

qint64 SyslogForwarder::dropped() const
{
    return m_worker->m_dropped.load();
}

QString SyslogForwarder::state() const
{
    return m_worker->state();
}

} // namespace vigil::security
