// HL7 gateway sources: the station dials a gateway and keeps the subscription (GatewayClientSource), or
// listens for gateways that dial in, the IHE direction (GatewayListenerSource). Both run MllpSession over
// the connection layer of MllpLink.h (TLS, limits, backoff).
//
// A listener runs each gateway's session on its own thread: one gateway's large message (parsing and
// decoding 100 000 OBX takes a second or more) must not hold back another gateway's ACKs.
#pragma once

#include "GatewaySource.h"
#include "MllpEndpoint.h"
#include "MllpLink.h"
#include "MllpSession.h"

#include <QHash>
#include <QPointer>
#include <QRandomGenerator>
#include <QThread>
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

    struct Link
    {
        QThread *thread = nullptr;
        bool heartbeatOk = true;
    };
    GatewayLinkSettings m_settings;
    DurableStore *m_store;
    MllpListener *m_listener = nullptr;
    std::shared_ptr<ResendFilter> m_resends;
    QHash<MllpSession *, Link> m_links; // sessions run on their own threads: never dereferenced here
    bool m_accepting = true;
};

} // namespace vigil
