// One interface for every data source: the simulator, WFDB replay, HL7 gateways (dial-out or listen).
// The model layer only sees IngestSink calls, so it cannot tell the sources apart.
//
// Threading: the composition root moves each source to a worker thread and calls start() there (queued).
// Everything a source does (timers, sockets, parsing) then happens on that thread; it hands results to
// the IngestSink, which is thread-safe. stop() is also invoked on the source's thread.
#pragma once

#include "Ingest.h"

#include <QObject>

namespace vigil {

class GatewaySource : public QObject
{
    Q_OBJECT
public:
    GatewaySource(QString id, QString name, QString url, IngestSink *sink, QObject *parent = nullptr);
    ~GatewaySource() override;

    QString id() const { return m_status.id; }
    SourceStatus status() const { return m_status; }

public slots:
    virtual void start() = 0;
    virtual void stop() = 0;

protected:
    IngestSink *sink() const { return m_sink; }
    void setState(SourceStatus::State state, const QString &error = {});
    void setSecure(bool secure);
    // Counts a received message and publishes the status at most once a second (status is not data:
    // the UI needs it fresh to the second, not per message).
    void noteMessage(qint64 nowMs);
    void noteResend(); // a gateway resent a message the station had taken already
    void noteError(const QString &error);
    void setConnections(int connections, bool heartbeatOk);
    void publishStatus();

private:
    IngestSink *m_sink;
    SourceStatus m_status;
    qint64 m_lastPublishMs = 0;
    bool m_publishPending = false;
};

} // namespace vigil
