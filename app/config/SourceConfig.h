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
    double maxFrameBytes = 4 << 20;
    double reconnectMaxS = 30;
    double dataTimeoutS = 30; // listen: nothing received for this long = link down
};

} // namespace vigil
