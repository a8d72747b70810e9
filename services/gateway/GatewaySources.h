// HL7 gateway sources: the station dials a gateway and keeps the subscription (GatewayClientSource), or
// listens for gateways that dial in, the IHE direction (GatewayListenerSource). Both run MllpSession.
#pragma once

#include "GatewaySource.h"
#include "MllpEndpoint.h"
#include "MllpSession.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTimer>

namespace vigil {

struct GatewayLinkSettings
{
    MllpUrl url;
    TlsSettings tls;
    std::size_t maxFrameBytes = 4u << 20;
    double reconnectMinS = 1.0;
    double reconnectMaxS = 30.0;
};

class GatewayClientSource : public GatewaySource
{
    Q_OBJECT
public:
    GatewayClientSource(QString id, QString name, GatewayLinkSettings settings, IngestSink *sink,
                        DurableStore *store = nullptr, QObject *parent = nullptr);
    ~GatewayClientSource() override;

    // Seconds until the next attempt after `failures` consecutive failures: exponential, capped, with ±20 %
    // jitter so a ward of stations does not reconnect in lockstep after a gateway restart.
    static double backoffSeconds(int failures, double minS, double maxS, QRandomGenerator &rng);

public slots:
    void start() override;
    void stop() override;

private:
    void connectNow();
    void scheduleReconnect(const QString &why);
    void onSessionReady(QTcpSocket *socket);

    GatewayLinkSettings m_settings;
    DurableStore *m_store;
    std::optional<QSslConfiguration> m_tls;
    QTcpSocket *m_socket = nullptr; // while connecting
    QPointer<MllpSession> m_session;
    QTimer m_retry;
    QElapsedTimer m_connectedFor;
    int m_failures = 0;
    bool m_running = false;
    QRandomGenerator m_rng;
};

class GatewayListenerSource : public GatewaySource
{
    Q_OBJECT
public:
    GatewayListenerSource(QString id, QString name, GatewayLinkSettings settings, IngestSink *sink,
                          DurableStore *store = nullptr, QObject *parent = nullptr);
    ~GatewayListenerSource() override;

    quint16 port() const; // the bound port (useful when configured as 0)

public slots:
    void start() override;
    void stop() override;

signals:
    void listening(quint16 port);

private:
    void adopt(QTcpSocket *socket);
    void updateConnections();

    GatewayLinkSettings m_settings;
    DurableStore *m_store;
    QTcpServer *m_server = nullptr;
    QList<QPointer<MllpSession>> m_sessions;
};

} // namespace vigil
