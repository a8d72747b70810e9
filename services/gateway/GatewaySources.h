// HL7 gateway sources: the station dials a gateway and keeps the subscription (GatewayClientSource), or
// listens for gateways that dial in, the IHE direction (GatewayListenerSource). Both run MllpSession over
// the connection layer of MllpLink.h (TLS, limits, backoff).
//
// Each session parses and stores on a thread of its own (MllpSession): one gateway's large message
// (decoding 100 000 OBX takes a second or more) does not hold back another gateway's ACKs.
#pragma once

#include "GatewaySource.h"
#include "MllpEndpoint.h"
#include "MllpLink.h"
#include "MllpSession.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace vigil {

class GatewayClientSource : public GatewaySource
{
    Q_OBJECT
public:
    GatewayClientSource(QString id, QString name, GatewayLinkSettings settings, IngestSink *sink,
                        DurableStore *store = nullptr, QObject *parent = nullptr);
    ~GatewayClientSource() override;

    // See vigil::backoffSeconds (MllpLink.h); kept here for the gateway simulator.
    static double backoffSeconds(int failures, double minS, double maxS, QRandomGenerator &rng)
    {
        return vigil::backoffSeconds(failures, minS, maxS, rng);
    }

public slots:
    void start() override;
    void stop() override;

private:
    void onConnected(QTcpSocket *socket);

    GatewayLinkSettings m_settings;
    DurableStore *m_store;
    MllpDialer *m_dialer;
    std::shared_ptr<ResendFilter> m_resends;
    QPointer<MllpSession> m_session;
};

class GatewayListenerSource : public GatewaySource
{
    Q_OBJECT
public:
    GatewayListenerSource(QString id, QString name, GatewayLinkSettings settings, IngestSink *sink,
                          DurableStore *store = nullptr, QObject *parent = nullptr);
    ~GatewayListenerSource() override;

    quint16 port() const; // the bound port (useful when configured as 0)
    std::size_t resendsRemembered() const { return m_resends ? m_resends->size() : 0; }

public slots:
    void start() override;
    void stop() override;

signals:
    void listening(quint16 port);

private:
    void adopt(QTcpSocket *socket, std::shared_ptr<LinkActivity> activity);
    void updateConnections();
    void closeLinks();

    GatewayLinkSettings m_settings;
    DurableStore *m_store;
    MllpListener *m_listener = nullptr;
    std::shared_ptr<ResendFilter> m_resends;
    QList<QPointer<MllpSession>> m_sessions;
};

} // namespace vigil
