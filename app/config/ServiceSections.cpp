// [archive] and [alert_manager]: the services beside the ward.
#include "Sections.h"

namespace vigil {

void readArchive(ConfigSection &s, ArchiveConfig &a)
{
    s.allowOnly({QStringLiteral("enabled"), QStringLiteral("path"), QStringLiteral("waveform_hours"),
                 QStringLiteral("numeric_days")});
    s.read(QStringLiteral("enabled"), a.enabled);
    s.read(QStringLiteral("path"), a.path);
    s.read(QStringLiteral("waveform_hours"), a.waveformHours, 1, 100000);
    s.read(QStringLiteral("numeric_days"), a.numericDays, 1, 3650);
}

void readAlertManager(ConfigSection &s, AlertManagerConfig &am)
{
    s.allowOnly({QStringLiteral("url"), QStringLiteral("tls_ca"), QStringLiteral("tls_cert"),
                 QStringLiteral("tls_key"), QStringLiteral("peer_name"), QStringLiteral("reply_timeout_s")});
    s.read(QStringLiteral("url"), am.url);
    s.read(QStringLiteral("tls_ca"), am.tlsCa);
    s.read(QStringLiteral("tls_cert"), am.tlsCert);
    s.read(QStringLiteral("tls_key"), am.tlsKey);
    s.read(QStringLiteral("peer_name"), am.peerName);
    s.read(QStringLiteral("reply_timeout_s"), am.replyTimeoutS, 1, 600);
    if (s.ok() && !am.url.isEmpty() && !am.url.startsWith(QLatin1String("mllps://")) &&
        !am.url.startsWith(QLatin1String("mllp://")))
        s.fail(QStringLiteral("url"), QStringLiteral("expected mllps://HOST:PORT or mllp://HOST:PORT"));
}

void readAlarms(ConfigSection &s, alarms::AlarmConfig &config)
{
    // Sub-tables are sections of their own ([alarms.limits.adult]); key paths are at most
    // ConfigDocument::kMaxKeyDepth deep, which bounds this recursion.
    for (const ConfigSection::Entry &e : s.entries()) {
        if (!s.ok())
            return;
        if (s.isTable(e.key)) {
            ConfigSection sub = s.subsection(e.key);
            readAlarms(sub, config);
            continue;
        }
        const QVariant value = s.variant(e.key);
        if (!s.ok())
            return;
        const QString why = alarms::applyAlarmConfigKey(config, s.name(), e.key, value);
        if (!why.isEmpty())
            s.fail(e.key, why);
    }
}

} // namespace vigil
