// [archive] and [alert_manager]: the services beside the ward.
#include "Sections.h"

#include "ShiftSchedule.h"

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

namespace vigil {

void readPrint(ConfigSection &s, PrintConfig &p)
{
    s.allowOnly({QStringLiteral("printer"), QStringLiteral("paper"), QStringLiteral("orientation"),
                 QStringLiteral("duplex"), QStringLiteral("auto_print_strips"),
                 QStringLiteral("strip_pre_trigger_s"), QStringLiteral("unavailable_after_s"),
                 QStringLiteral("poll_s"), QStringLiteral("queue_path")});
    s.read(QStringLiteral("printer"), p.printer);
    s.read(QStringLiteral("paper"), p.paper);
    if (s.ok() && p.paper != QLatin1String("A4") && p.paper != QLatin1String("Letter"))
        s.fail(QStringLiteral("paper"), QStringLiteral("expected \"A4\" or \"Letter\""));
    s.read(QStringLiteral("orientation"), p.orientation);
    if (s.ok() && p.orientation != QLatin1String("portrait") && p.orientation != QLatin1String("landscape"))
        s.fail(QStringLiteral("orientation"), QStringLiteral("expected \"portrait\" or \"landscape\""));
    s.read(QStringLiteral("duplex"), p.duplex);
    if (s.has(QStringLiteral("auto_print_strips"))) {
        p.autoPrintStrips.clear();
        s.read(QStringLiteral("auto_print_strips"), p.autoPrintStrips, QStringLiteral("priority"));
        for (const QString &pr : p.autoPrintStrips)
            if (s.ok() && pr != QLatin1String("high") && pr != QLatin1String("medium") &&
                pr != QLatin1String("low"))
                s.fail(QStringLiteral("auto_print_strips"),
                       QStringLiteral("\"%1\" is not a priority (high, medium, low)").arg(pr));
    }
    s.read(QStringLiteral("strip_pre_trigger_s"), p.stripPreTriggerS, 5, 30);
    s.read(QStringLiteral("unavailable_after_s"), p.unavailableDelayS, 0, 86400);
    s.read(QStringLiteral("poll_s"), p.pollS, 0.1, 60);
    s.read(QStringLiteral("queue_path"), p.queuePath);
}

void readShifts(ConfigSection &s, ShiftsConfig &sh)
{
    s.allowOnly({QStringLiteral("times"), QStringLiteral("time_zone"), QStringLiteral("print_ward_summary"),
                 QStringLiteral("report_dir")});
    s.read(QStringLiteral("times"), sh.times, QStringLiteral("time"));
    s.read(QStringLiteral("time_zone"), sh.timeZone);
    s.read(QStringLiteral("print_ward_summary"), sh.printWardSummary);
    s.read(QStringLiteral("report_dir"), sh.reportDir);
    if (!s.ok())
        return;
    QString why;
    print::ShiftSchedule check;
    if (!check.set(sh.times, {}, &why))
        s.fail(QStringLiteral("times"), why);
    else if (!check.set(sh.times, sh.timeZone, &why))
        s.fail(QStringLiteral("time_zone"), why);
}

} // namespace vigil
