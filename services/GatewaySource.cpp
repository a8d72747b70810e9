#include "GatewaySource.h"

#include <QDateTime>
#include <QTimer>

namespace vigil {

GatewaySource::GatewaySource(QString id, QString name, QString url, IngestSink *sink, QObject *parent)
    : QObject(parent), m_sink(sink)
{
    m_status.id = std::move(id);
    m_status.name = std::move(name);
    m_status.url = std::move(url);
    m_status.sinceMs = QDateTime::currentMSecsSinceEpoch();
}

GatewaySource::~GatewaySource() = default;

void GatewaySource::setState(SourceStatus::State state, const QString &error)
{
    if (state != m_status.state)
        m_status.sinceMs = QDateTime::currentMSecsSinceEpoch();
    m_status.state = state;
    if (!error.isEmpty())
        m_status.lastError = error;
    publishStatus();
}

void GatewaySource::setSecure(bool secure)
{
    m_status.secure = secure;
}

void GatewaySource::noteMessage(qint64 nowMs)
{
    ++m_status.messages;
    m_status.lastMessageMs = nowMs;
    if (nowMs - m_lastPublishMs >= 1000) {
        publishStatus();
    } else if (!m_publishPending) {
        // Publish the last count even if no further message comes to trigger it.
        m_publishPending = true;
        QTimer::singleShot(1000, this, [this] {
            m_publishPending = false;
            publishStatus();
        });
    }
}

void GatewaySource::noteResend()
{
    ++m_status.resends; // published with the message it came with (noteMessage)
}

void GatewaySource::noteError(const QString &error)
{
    ++m_status.errors;
    m_status.lastError = error;
    publishStatus();
}

void GatewaySource::setConnections(int connections, bool heartbeatOk)
{
    if (connections == m_status.connections && heartbeatOk == m_status.heartbeatOk)
        return;
    m_status.connections = connections;
    m_status.heartbeatOk = heartbeatOk;
    publishStatus();
}

void GatewaySource::publishStatus()
{
    m_lastPublishMs = QDateTime::currentMSecsSinceEpoch();
    if (m_sink)
        m_sink->sourceStatusChanged(m_status);
}

} // namespace vigil
