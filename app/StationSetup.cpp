#include "StationSetup.h"

#include "AlarmSoundPlayer.h"
#include "Station.h"

#include <QFileInfo>

#include <algorithm>

namespace vigil {

void applyOverrides(StationConfig &cfg, const Options &o, bool embeddedDefault)
{
    // Sources on the command line replace the embedded demo simulator (but not a station file's sources),
    // so `vigil --headless --listen mllp://127.0.0.1:2575` shows only what arrives there.
    if (embeddedDefault && !o.demoBeds &&
        (!o.listens.isEmpty() || !o.gateways.isEmpty() || !o.replays.isEmpty()))
        cfg.sources.clear();
    int g = 0;
    auto addMllp = [&](const QString &url, bool listen) {
        SourceConfig s;
        s.id = QStringLiteral("gw%1").arg(++g);
        s.type = QStringLiteral("mllp");
        (listen ? s.listen : s.url) = url;
        s.name = listen ? QStringLiteral("Listen %1").arg(url.section(u'/', 2))
                        : QStringLiteral("Gateway %1").arg(url.section(u'/', 2));
        s.tlsCa = o.tlsCa;
        s.tlsCert = o.tlsCert;
        s.tlsKey = o.tlsKey;
        cfg.sources.push_back(s);
    };
    for (const QString &url : o.listens)
        addMllp(url, true);
    for (const QString &url : o.gateways)
        addMllp(url, false);
    if (o.demoBeds) {
        auto it = std::find_if(cfg.sources.begin(), cfg.sources.end(),
                               [](const SourceConfig &s) { return s.type == QLatin1String("simulator"); });
        if (it != cfg.sources.end()) {
            it->beds = *o.demoBeds;
        } else {
            SourceConfig s;
            s.id = QStringLiteral("sim");
            s.name = QStringLiteral("Simulator");
            s.type = QStringLiteral("simulator");
            s.beds = *o.demoBeds;
            cfg.sources.push_back(s);
        }
    }
    if (!o.adtListens.isEmpty() || !o.adtConnects.isEmpty()) {
        cfg.adt.listen += o.adtListens;
        cfg.adt.connect += o.adtConnects;
        cfg.adt.tlsCa = o.tlsCa;
        cfg.adt.tlsCert = o.tlsCert;
        cfg.adt.tlsKey = o.tlsKey;
    }
    if (!o.alertManager.isEmpty()) {
        cfg.alertManager.url = o.alertManager;
        cfg.alertManager.tlsCa = o.tlsCa;
        cfg.alertManager.tlsCert = o.tlsCert;
        cfg.alertManager.tlsKey = o.tlsKey;
    }
    if (o.noArchive)
        cfg.archive.enabled = false;
    if (!o.archivePath.isEmpty()) {
        cfg.archive.enabled = true;
        cfg.archive.path = o.archivePath;
    }
    int n = 0;
    for (const QString &record : o.replays) {
        SourceConfig s;
        s.id = QStringLiteral("wfdb%1").arg(++n);
        s.type = QStringLiteral("wfdb");
        s.record = record;
        const QString base = QFileInfo(record).completeBaseName();
        s.name = QStringLiteral("WFDB %1").arg(base);
        s.bed = QStringLiteral("WFDB^%1").arg(base);
        s.bedLabel = QStringLiteral("WFDB %1").arg(base);
        cfg.sources.push_back(s);
    }
}

std::optional<StationConfig> stationConfigFor(const Options &o, QString *error)
{
    StationConfig config;
    if (!o.configPath.isEmpty()) {
        ConfigError cerr;
        auto loaded = loadStationConfig(o.configPath, &cerr);
        if (!loaded) {
            if (error)
                *error = cerr.toString();
            return std::nullopt;
        }
        config = std::move(*loaded);
    } else {
        config = defaultStationConfig();
    }
    if (o.checkConfig || o.selfTest)
        config.archive.enabled = false; // neither needs the archive, and must not lock a running station's
    if (o.selfTest && !o.demoBeds) {
        Options small = o;
        small.demoBeds = 2;
        small.noArchive = true;
        applyOverrides(config, small, o.configPath.isEmpty());
    } else {
        applyOverrides(config, o, o.configPath.isEmpty());
    }
    return config;
}

QString checkConfigReport(const StationConfig &config)
{
    const QString origin = config.origin.isEmpty() ? QStringLiteral("(embedded default)") : config.origin;
    QString out;
    // A tier that needs a destination the station file does not give: say so (the station still runs;
    // such a tier only escalates the local signal).
    if (config.alertManager.url.isEmpty()) {
        using alarms::Priority;
        for (Priority p : {Priority::None, Priority::Low, Priority::Medium, Priority::High}) {
            for (const alarms::EscalationTier &tier : config.alarms.escalation[static_cast<int>(p)]) {
                if (tier.action == alarms::TierAction::AlertManager)
                    out +=
                        QStringLiteral("%1: warning: [alarms.escalation] %2: the %3 s tier escalates to the "
                                       "alert manager, but no [alert_manager] url is configured; it will "
                                       "only raise the local signal\n")
                            .arg(origin, alarms::nameOf(p))
                            .arg(tier.delayMs / 1000);
            }
        }
    }
    const PrintConfig &pr = config.print;
    out += QStringLiteral("%1: [print] printer %2, %3 %4%5, auto-print strips: %6, pre-trigger %7 s, "
                          "printer-unavailable condition after %8 s\n")
               .arg(origin, pr.printer.isEmpty() ? QStringLiteral("(none: PDF only)") : pr.printer, pr.paper,
                    pr.orientation, pr.duplex ? QStringLiteral(" duplex") : QString(),
                    pr.autoPrintStrips.isEmpty() ? QStringLiteral("off") : pr.autoPrintStrips.join(u','))
               .arg(pr.stripPreTriggerS)
               .arg(pr.unavailableDelayS);
    out += config.shifts.times.isEmpty()
               ? QStringLiteral("%1: [shifts] none (no automatic ward summary)\n").arg(origin)
               : QStringLiteral("%1: [shifts] %2 (%3), ward summary kept as PDF%4\n")
                     .arg(origin, config.shifts.times.join(QStringLiteral(", ")),
                          config.shifts.timeZone.isEmpty() ? QStringLiteral("system time zone")
                                                           : config.shifts.timeZone,
                          config.shifts.printWardSummary ? QStringLiteral(" and printed") : QString());
    out += QStringLiteral("%1: OK (%2 beds listed, %3 sources)\n")
               .arg(origin)
               .arg(config.beds.size())
               .arg(config.sources.size());
    return out;
}

void followAlarmAudio(Station *station, audio::AlarmSoundPlayer *player)
{
    auto follow = [station, player] {
        const alarms::AudioDecision &a = station->audio();
        player->setPattern(a.paused ? alarms::AudioPattern::None : a.pattern, a.generation);
    };
    QObject::connect(station, &Station::audioChanged, player, follow);
    follow();
}

std::unique_ptr<audio::AlarmSoundPlayer> makeAlarmSoundPlayer(Station *station)
{
    auto player = std::make_unique<audio::AlarmSoundPlayer>();
    QObject::connect(player.get(), &audio::AlarmSoundPlayer::outputUnavailable, [](const QString &why) {
        qWarning("vigil: no alarm sound output (%s): alarms are visual only", qPrintable(why));
    });
    followAlarmAudio(station, player.get());
    return player;
}

} // namespace vigil
