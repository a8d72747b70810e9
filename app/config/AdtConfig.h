// [adt]: the hospital's ADT feed, the bed mapping and auto-discharge (docs/ADT.md, docs/CONFIG.md).
#pragma once

#include <QString>
#include <QStringList>

#include <map>

namespace vigil {

class ConfigSection;

struct AdtConfig
{
    QStringList listen;  // mllp(s)://HOST:PORT the interface engine dials (--adt-listen)
    QStringList connect; // mllp(s)://HOST:PORT to dial (--adt)
    QString tlsCa, tlsCert, tlsKey, peerName;
    QStringList units;               // PV1-3.1 units this station serves; empty: from the bed keys
    std::map<QString, QString> beds; // [adt.beds] "unit^room^bed" = "station bed key"
    double autoDischargeH = 0;       // stays not from ADT: discharged N hours after the last data (0 off)
    bool enabled() const { return !listen.isEmpty() || !connect.isEmpty(); }
};

// [ehr]: charting to the EHR (IHE PCD-01 ORU^R01 store-and-forward, docs/ADT.md).
struct EhrConfig
{
    QString url; // mllps://HOST:PORT of the hospital's Device Observation Consumer; empty: no charting
    QString tlsCa, tlsCert, tlsKey, peerName;
    double autoChartMin = 0;     // chart unvalidated vitals (OBX-11 R) every N minutes (0: off)
    double ackTimeoutS = 30;     // no ACK within this: reconnect and send again
    double retryS = 10;          // after a negative ACK
    double downConditionS = 300; // messages waiting this long without delivery: technical condition
};

void readAdt(ConfigSection &s, AdtConfig &adt);
void readEhr(ConfigSection &s, EhrConfig &ehr);

} // namespace vigil
