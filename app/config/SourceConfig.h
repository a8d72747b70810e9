// [[source]]: where the station's data comes from (docs/CONFIG.md).
#pragma once

#include <QString>
#include <QStringList>

namespace vigil {

struct SourceConfig
{
    QString id;
    QString type; // "simulator", "wfdb", "mllp"
    QString name;
    // simulator
    int beds = 16;
    quint64 seed = 1;
    double nibpCycleS = 300.0;
    QStringList scenarios; // "BED:step", e.g. "3:tachycardia@60+120=150"
    // wfdb
    QString record; // header path without or with .hea
    QString bed;    // bed key to play into
    QString bedLabel;
    double speed = 1.0;
    bool loop = true;
    // mllp (HL7 gateway): exactly one of url (the station dials out) or listen (gateways dial in)
    QString url;
    QString listen;
    QString tlsCa, tlsCert, tlsKey, peerName;
    double maxFrameBytes = 1 << 20; // GatewayLinkSettings' default (services/gateway/MllpLink.h says why)
    double reconnectMaxS = 30;
    // listener limits (services/gateway/MllpLink.h LinkLimits): scanners and floods never shut a listener
    double handshakeTimeoutS = 10;
    int maxPendingHandshakes = 32;
    int maxConnections = 256;
    int maxConnectionsPerPeer = 128;
    double idleTimeoutS = 1200; // 0 = never
    double silentTimeoutS = 30; // no frame at all since connecting
    int resendMemory = 4096;    // control ids remembered to store a resent message once (0 = off)
    double dataTimeoutS = 30;   // listen: nothing received for this long = link down
};

} // namespace vigil
