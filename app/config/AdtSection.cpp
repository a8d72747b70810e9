// [adt]: the ADT feed's links, the PV1-3 bed map and auto-discharge.
#include "AdtConfig.h"
#include "ConfigDocument.h"

namespace vigil {

void readAdt(ConfigSection &s, AdtConfig &adt)
{
    s.allowOnly({QStringLiteral("listen"), QStringLiteral("connect"), QStringLiteral("tls_ca"),
                 QStringLiteral("tls_cert"), QStringLiteral("tls_key"), QStringLiteral("peer_name"),
                 QStringLiteral("units"), QStringLiteral("beds"), QStringLiteral("auto_discharge_h")});
    s.read(QStringLiteral("listen"), adt.listen, QStringLiteral("URL"));
    s.read(QStringLiteral("connect"), adt.connect, QStringLiteral("URL"));
    s.read(QStringLiteral("tls_ca"), adt.tlsCa);
    s.read(QStringLiteral("tls_cert"), adt.tlsCert);
    s.read(QStringLiteral("tls_key"), adt.tlsKey);
    s.read(QStringLiteral("peer_name"), adt.peerName);
    s.read(QStringLiteral("units"), adt.units, QStringLiteral("unit"));
    s.read(QStringLiteral("auto_discharge_h"), adt.autoDischargeH, 0, 24 * 30);
    for (const QString &url : adt.listen + adt.connect)
        if (s.ok() && !url.startsWith(QLatin1String("mllps://")) && !url.startsWith(QLatin1String("mllp://")))
            s.fail(adt.listen.contains(url) ? QStringLiteral("listen") : QStringLiteral("connect"),
                   QStringLiteral("expected mllps://HOST:PORT or mllp://HOST:PORT"));
    if (!s.ok() || !s.has(QStringLiteral("beds")))
        return;
    if (!s.isTable(QStringLiteral("beds"))) {
        s.fail(QStringLiteral("beds"), QStringLiteral("expected a table \"unit^room^bed\" = \"bed key\""));
        return;
    }
    ConfigSection beds = s.subsection(QStringLiteral("beds"));
    for (const ConfigSection::Entry &e : beds.entries()) {
        QString key;
        beds.read(e.key, key);
        if (!beds.ok())
            return;
        adt.beds[e.key] = key;
    }
}

void readEhr(ConfigSection &s, EhrConfig &ehr)
{
    s.allowOnly({QStringLiteral("url"), QStringLiteral("tls_ca"), QStringLiteral("tls_cert"),
                 QStringLiteral("tls_key"), QStringLiteral("peer_name"), QStringLiteral("auto_chart_min"),
                 QStringLiteral("ack_timeout_s"), QStringLiteral("retry_s"),
                 QStringLiteral("down_condition_s")});
    s.read(QStringLiteral("url"), ehr.url);
    s.read(QStringLiteral("tls_ca"), ehr.tlsCa);
    s.read(QStringLiteral("tls_cert"), ehr.tlsCert);
    s.read(QStringLiteral("tls_key"), ehr.tlsKey);
    s.read(QStringLiteral("peer_name"), ehr.peerName);
    s.read(QStringLiteral("auto_chart_min"), ehr.autoChartMin, 0, 24 * 60);
    s.read(QStringLiteral("ack_timeout_s"), ehr.ackTimeoutS, 1, 3600);
    s.read(QStringLiteral("retry_s"), ehr.retryS, 0.1, 3600);
    s.read(QStringLiteral("down_condition_s"), ehr.downConditionS, 1, 86400);
    if (s.ok() && !ehr.url.isEmpty() && !ehr.url.startsWith(QLatin1String("mllps://")) &&
        !ehr.url.startsWith(QLatin1String("mllp://")))
        s.fail(QStringLiteral("url"), QStringLiteral("expected mllps://HOST:PORT or mllp://HOST:PORT"));
}

} // namespace vigil
