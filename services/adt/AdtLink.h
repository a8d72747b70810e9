// The ADT feed's MLLP link: a listener the hospital's interface engine dials (`--adt-listen`), or a
// dial-out to it (`--adt`), through the station's one connection layer (MllpListener / MllpDialer:
// TLS, limits, backoff, as for gateways). Frames are handed to the AdtEngine on this object's thread
// (never the GUI's), and each ACK leaves once the engine has made the change durable, in message order
// per connection. docs/ADT.md.
#pragma once

#include "AdtEngine.h"
#include "Mllp.h"
#include "MllpLink.h"

#include <QObject>
#include <QPointer>

#include <map>
#include <memory>

namespace vigil::adt {

class AdtLink : public QObject
{
    Q_OBJECT
public:
    // listen: accept on settings.url; otherwise dial it.
    AdtLink(AdtEngine *engine, GatewayLinkSettings settings, bool listen, QObject *parent = nullptr);
    ~AdtLink() override;

    // On the link's thread.
    void start();
    void stop();
    quint16 port() const;
    int connections() const { return int(m_conns.size()); }
    QString url() const { return m_settings.url.toString(); }

signals:
    void listening(quint16 port);
    // One line per message (what was done, the ACK code) and per link problem.
    void logLine(const QString &line, bool problem);
    // Up (connected / listening) or not, with the reason: the station's source status for the feed.
    void health(bool up, const QString &why);
    void messageHandled(const QString &code);

private:
    void adopt(QTcpSocket *socket, std::shared_ptr<LinkActivity> activity);
    void readFrom(QTcpSocket *socket);
    void dropped(QTcpSocket *socket);

    struct Conn
    {
        hl7::MllpFramer framer;
        std::shared_ptr<LinkActivity> activity;
    };
    AdtEngine *m_engine;
    GatewayLinkSettings m_settings;
    bool m_listen;
    MllpListener *m_listener = nullptr;
    MllpDialer *m_dialer = nullptr;
    std::map<QTcpSocket *, std::unique_ptr<Conn>> m_conns;
};

} // namespace vigil::adt
