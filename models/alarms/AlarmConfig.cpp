#include "AlarmConfig.h"

#include <QStringList>

#include <cmath>
#include <limits>

namespace vigil::alarms {

namespace {

constexpr double kOff = std::numeric_limits<double>::quiet_NaN();

int idx(NumericId id)
{
    return static_cast<int>(id);
}

struct Row
{
    NumericId id;
    Limits adult, paediatric, neonatal;
};

// Default limits. Adult ranges follow common ICU monitor defaults, wide enough not to fire on healthy
// sleeping adults; paediatric ones are for roughly 1-12 years, neonatal ones for the NICU (SpO2 has a high
// limit there because hyperoxia harms preterm retinas). Pulse rate is off by default because HR from
// the ECG already alarms on the same physiology: two alarms for one event feed alarm fatigue.
const Row kDefaultRows[] = {
    {NumericId::Hr, {50, 120}, {70, 160}, {100, 200}},
    {NumericId::SpO2, {90, kOff}, {90, kOff}, {88, 98}},
    {NumericId::PulseRate, {kOff, kOff}, {kOff, kOff}, {kOff, kOff}},
    {NumericId::NibpSys, {90, 160}, {80, 130}, {50, 90}},
    {NumericId::NibpDia, {50, 90}, {40, 80}, {25, 60}},
    {NumericId::NibpMean, {65, 110}, {55, 95}, {30, 65}},
    {NumericId::AbpSys, {90, 160}, {80, 130}, {50, 90}},
    {NumericId::AbpDia, {50, 90}, {40, 80}, {25, 60}},
    {NumericId::AbpMean, {65, 110}, {55, 95}, {30, 65}},
    {NumericId::Rr, {8, 30}, {12, 40}, {25, 70}},
    {NumericId::Temp, {35.5, 38.5}, {35.5, 38.5}, {36.0, 38.0}},
    {NumericId::EtCO2, {25, 50}, {25, 50}, {30, 55}},
};

Priority parsePriority(const QVariant &v, QString *error)
{
    const auto p = priorityFromString(v.toString());
    if (!p)
        *error = QStringLiteral("expected \"high\", \"medium\", \"low\" or \"none\", got \"%1\"")
                     .arg(v.toString());
    return p.value_or(Priority::None);
}

std::optional<NumericId> numericByKey(const QString &key)
{
    for (const auto &n : kNumerics)
        if (QLatin1String(n.key.data(), static_cast<qsizetype>(n.key.size())) == key)
            return n.id;
    return std::nullopt;
}

bool toLimitValue(const QVariant &v, double *out)
{
    if (v.typeId() == QMetaType::QString) {
        if (v.toString() == QLatin1String("off")) {
            *out = kOff;
            return true;
        }
        return false;
    }
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return false;
    *out = d;
    return true;
}

bool toSeconds(const QVariant &v, double lo, double hi, qint64 *outMs, QString *error)
{
    bool ok = false;
    const double s = v.toDouble(&ok);
    if (!ok || v.typeId() == QMetaType::QString || s < lo || s > hi) {
        *error = QStringLiteral("expected seconds from %1 to %2, got %3").arg(lo).arg(hi).arg(v.toString());
        return false;
    }
    *outMs = std::llround(s * 1000.0);
    return true;
}

} // namespace

AlarmConfig::AlarmConfig()
{
    for (const Row &r : kDefaultRows) {
        defaultLimits[0][idx(r.id)] = r.adult;
        defaultLimits[1][idx(r.id)] = r.paediatric;
        defaultLimits[2][idx(r.id)] = r.neonatal;
    }
    auto rule = [this](NumericId id, double delayS, double hyst, Priority lo, Priority hi, bool stale) {
        parameters[idx(id)] = {static_cast<qint64>(delayS * 1000), hyst, lo, hi, stale};
    };
    // Delays: long enough to ride out motion artefact and probe repositioning (SpO2 10 s is the usual
    // desaturation delay), short for rates from ECG. NIBP is episodic: each reading is a settled value, so
    // no delay. Priorities by IEC 60601-1-8 table: hypoxaemia, hypoventilation and arterial hypotension can
    // injure within minutes (HIGH); rate and NIBP deviations are slower to harm (MEDIUM); temperature is
    // slow (LOW). Stale alarms are off for episodic or slow numerics (NIBP cycles, temperature).
    rule(NumericId::Hr, 5, 5, Priority::Medium, Priority::Medium, true);
    rule(NumericId::SpO2, 10, 2, Priority::High, Priority::Low, true);
    rule(NumericId::PulseRate, 5, 5, Priority::Medium, Priority::Medium, false);
    rule(NumericId::NibpSys, 0, 5, Priority::Medium, Priority::Medium, false);
    rule(NumericId::NibpDia, 0, 5, Priority::Medium, Priority::Medium, false);
    rule(NumericId::NibpMean, 0, 5, Priority::Medium, Priority::Medium, false);
    rule(NumericId::AbpSys, 5, 5, Priority::High, Priority::Medium, true);
    rule(NumericId::AbpDia, 5, 5, Priority::Medium, Priority::Medium, true);
    rule(NumericId::AbpMean, 5, 5, Priority::High, Priority::Medium, true);
    rule(NumericId::Rr, 10, 2, Priority::High, Priority::Medium, true);
    rule(NumericId::Temp, 10, 0.2, Priority::Low, Priority::Low, false);
    rule(NumericId::EtCO2, 10, 2, Priority::Medium, Priority::Medium, true);

    // High-priority physiological alarms latch: a brief desaturation or brady episode the nurse did not
    // see must still be on the screen when they look.
    latching[static_cast<int>(Kind::Physiological)][static_cast<int>(Priority::High)] = true;

    // A lost gateway leaves many beds unwatched at once: HIGH. Single-bed losses are MEDIUM; stale
    // numerics and waveform gaps are LOW because the bed's other alarms still work.
    technicalPriority.insert(QStringLiteral("link_down"), Priority::High);
    technicalPriority.insert(QStringLiteral("no_data"), Priority::Medium);
    technicalPriority.insert(QStringLiteral("lead_off"), Priority::Medium);
    technicalPriority.insert(QStringLiteral("sensor_off"), Priority::Medium);
    technicalPriority.insert(QStringLiteral("alert_manager_failed"), Priority::Medium);
    technicalPriority.insert(QStringLiteral("waveform_gap"), Priority::Low);
    technicalPriority.insert(QStringLiteral("stale"), Priority::Low);
    // No printer: alarm strips and shift reports wait in the print queue; monitoring is unaffected.
    technicalPriority.insert(QStringLiteral("printer_unavailable"), Priority::Low);
    // A certificate near its end date (issue 12): days of warning, nothing fails yet.
    technicalPriority.insert(QStringLiteral("cert_expiring"), Priority::Low);

    escalation[static_cast<int>(Priority::High)] = {
        {0, TierAction::Local}, {20000, TierAction::Escalated}, {40000, TierAction::AlertManager}};
    escalation[static_cast<int>(Priority::Medium)] = {
        {0, TierAction::Local}, {60000, TierAction::Escalated}, {120000, TierAction::AlertManager}};
    escalation[static_cast<int>(Priority::Low)] = {{0, TierAction::Local}};
}

bool AlarmConfig::latches(Kind kind, Priority priority, const QString &code) const
{
    const auto it = latchByCode.constFind(code);
    if (it != latchByCode.cend())
        return it.value();
    return latching[static_cast<int>(kind)][static_cast<int>(priority)];
}

Priority AlarmConfig::technicalPriorityFor(const QString &code) const
{
    auto it = technicalPriority.constFind(code);
    if (it != technicalPriority.cend())
        return it.value();
    if (code.startsWith(QLatin1String("stale_"))) {
        it = technicalPriority.constFind(QStringLiteral("stale"));
        if (it != technicalPriority.cend())
            return it.value();
    }
    return technicalDefault;
}

QString applyAlarmConfigKey(AlarmConfig &c, const QString &section, const QString &key, const QVariant &value)
{
    QString err;
    auto priorityList = [&](std::array<bool, kPriorityCount> &row) {
        row = {};
        for (const QVariant &v : value.toList()) {
            const Priority p = parsePriority(v, &err);
            if (!err.isEmpty())
                return;
            row[static_cast<int>(p)] = true;
        }
    };
    if (section == QLatin1String("alarms")) {
        if (key == QLatin1String("audio_pause_s"))
            toSeconds(value, 10, 600, &c.audioPauseMs, &err);
        else if (key == QLatin1String("audio_pause_max_s"))
            toSeconds(value, 10, 900, &c.audioPauseMaxMs, &err);
        else if (key == QLatin1String("alarm_pause_s"))
            toSeconds(value, 10, 1800, &c.alarmPauseMs, &err);
        else if (key == QLatin1String("alarm_pause_max_s"))
            toSeconds(value, 10, 3600, &c.alarmPauseMaxMs, &err);
        else if (key == QLatin1String("delivery_timeout_s"))
            toSeconds(value, 1, 300, &c.deliveryTimeoutMs, &err);
        else if (key == QLatin1String("heartbeat_grace_s"))
            toSeconds(value, 0, 60, &c.heartbeatGraceMs, &err);
        else if (key == QLatin1String("recent_window_s"))
            toSeconds(value, 0, 86400, &c.recentWindowMs, &err);
        else if (key == QLatin1String("recent_max") || key == QLatin1String("history_max")) {
            const int n = value.toInt();
            if (n < 1 || n > 1000000)
                err = QStringLiteral("expected a whole number from 1 to 1000000");
            else
                (key == QLatin1String("recent_max") ? c.recentMax : c.historyMax) = n;
        } else if (key == QLatin1String("stats_utc_offset_min")) {
            c.statsUtcOffsetMinutes = value.toInt();
        } else if (key == QLatin1String("latch_physiological"))
            priorityList(c.latching[static_cast<int>(Kind::Physiological)]);
        else if (key == QLatin1String("latch_technical"))
            priorityList(c.latching[static_cast<int>(Kind::Technical)]);
        else if (key == QLatin1String("latch_advisory"))
            priorityList(c.latching[static_cast<int>(Kind::Advisory)]);
        else if (key == QLatin1String("latch_codes") || key == QLatin1String("no_latch_codes")) {
            for (const QVariant &v : value.toList())
                c.latchByCode.insert(v.toString(), key == QLatin1String("latch_codes"));
        } else if (key == QLatin1String("technical_default_priority"))
            c.technicalDefault = parsePriority(value, &err);
        else
            err = QStringLiteral("unknown key");
        if (c.audioPauseMs > c.audioPauseMaxMs && err.isEmpty())
            c.audioPauseMaxMs = c.audioPauseMs;
        if (c.alarmPauseMs > c.alarmPauseMaxMs && err.isEmpty())
            c.alarmPauseMaxMs = c.alarmPauseMs;
        return err;
    }
    if (section.startsWith(QLatin1String("alarms.limits."))) {
        const auto profile = profileFromString(section.mid(14));
        if (!profile)
            return QStringLiteral("unknown profile \"%1\"").arg(section.mid(14));
        auto &row = c.defaultLimits[static_cast<int>(*profile)];
        QString param = key;
        int side = 0; // 0 both, 1 low, 2 high
        if (key.endsWith(QLatin1String("_low"))) {
            param.chop(4);
            side = 1;
        } else if (key.endsWith(QLatin1String("_high"))) {
            param.chop(5);
            side = 2;
        }
        const auto id = numericByKey(param);
        if (!id)
            return QStringLiteral("unknown numeric \"%1\"").arg(param);
        Limits l = row[idx(*id)];
        if (side == 0) {
            const QVariantList list = value.toList();
            if (list.size() != 2 || !toLimitValue(list[0], &l.low) || !toLimitValue(list[1], &l.high))
                return QStringLiteral("expected [low, high] (numbers or \"off\")");
        } else if (!toLimitValue(value, side == 1 ? &l.low : &l.high)) {
            return QStringLiteral("expected a number or \"off\"");
        }
        if (!std::isnan(l.low) && !std::isnan(l.high) && l.low >= l.high)
            return QStringLiteral("low limit must be below the high limit");
        row[idx(*id)] = l;
        return {};
    }
    if (section == QLatin1String("alarms.delay") || section == QLatin1String("alarms.hysteresis") ||
        section == QLatin1String("alarms.stale")) {
        const auto id = numericByKey(key);
        // A derived condition's code (NEWS2, central ECG analysis) takes a delay too.
        if (!id && section == QLatin1String("alarms.delay") &&
            (key.startsWith(QLatin1String("news2_")) || key.startsWith(QLatin1String("ecg_")))) {
            qint64 ms = 0;
            toSeconds(value, 0, 600, &ms, &err);
            if (err.isEmpty())
                c.derivedDelayMs.insert(key, ms);
            return err;
        }
        if (!id)
            return QStringLiteral("unknown numeric \"%1\"").arg(key);
        ParameterRule &r = c.parameters[idx(*id)];
        if (section == QLatin1String("alarms.delay")) {
            toSeconds(value, 0, 120, &r.delayMs, &err);
        } else if (section == QLatin1String("alarms.hysteresis")) {
            bool ok = false;
            const double h = value.toDouble(&ok);
            if (!ok || h < 0 || value.typeId() == QMetaType::QString)
                err = QStringLiteral("expected a non-negative number");
            else
                r.hysteresis = h;
        } else {
            if (value.typeId() != QMetaType::Bool)
                err = QStringLiteral("expected true or false");
            else
                r.staleAlarm = value.toBool();
        }
        return err;
    }
    if (section == QLatin1String("alarms.priority")) {
        QString param = key;
        const bool low = key.endsWith(QLatin1String("_low"));
        const bool high = key.endsWith(QLatin1String("_high"));
        if (!low && !high)
            return QStringLiteral("expected <numeric>_low or <numeric>_high");
        param.chop(low ? 4 : 5);
        const auto id = numericByKey(param);
        if (!id)
            return QStringLiteral("unknown numeric \"%1\"").arg(param);
        const Priority p = parsePriority(value, &err);
        if (err.isEmpty())
            (low ? c.parameters[idx(*id)].lowPriority : c.parameters[idx(*id)].highPriority) = p;
        return err;
    }
    if (section == QLatin1String("alarms.technical_priority")) {
        const Priority p = parsePriority(value, &err);
        if (err.isEmpty())
            c.technicalPriority.insert(key, p);
        return err;
    }
    if (section == QLatin1String("alarms.escalation")) {
        const auto prio = priorityFromString(key);
        if (!prio || *prio == Priority::None)
            return QStringLiteral("expected high, medium or low");
        std::vector<EscalationTier> tiers;
        for (const QVariant &v : value.toList()) {
            const QStringList parts = v.toString().split(QLatin1Char(':'));
            bool ok = false;
            const double s = parts.value(0).toDouble(&ok);
            if (parts.size() != 2 || !ok || s < 0 || s > 3600)
                return QStringLiteral("expected \"<seconds>:local|escalated|alert_manager\", got \"%1\"")
                    .arg(v.toString());
            EscalationTier t{std::llround(s * 1000.0), TierAction::Local};
            if (parts[1] == QLatin1String("escalated"))
                t.action = TierAction::Escalated;
            else if (parts[1] == QLatin1String("alert_manager"))
                t.action = TierAction::AlertManager;
            else if (parts[1] != QLatin1String("local"))
                return QStringLiteral("unknown tier action \"%1\"").arg(parts[1]);
            if (!tiers.empty() && t.delayMs <= tiers.back().delayMs)
                return QStringLiteral("tier delays must increase");
            tiers.push_back(t);
        }
        if (tiers.empty() || tiers.front().delayMs != 0)
            tiers.insert(tiers.begin(), EscalationTier{0, TierAction::Local});
        c.escalation[static_cast<int>(*prio)] = std::move(tiers);
        return {};
    }
    return QStringLiteral("unknown section [%1]").arg(section);
}

// --- AlarmTypes.h helpers -----------------------------------------------------------------------------

QString nameOf(Origin o)
{
    switch (o) {
    case Origin::StationLimit:
        return QStringLiteral("station_limit");
    case Origin::StationTechnical:
        return QStringLiteral("station_technical");
    case Origin::Gateway:
        return QStringLiteral("gateway");
    }
    return {};
}

QString nameOf(Delivery d)
{
    switch (d) {
    case Delivery::None:
        return {};
    case Delivery::Pending:
        return QStringLiteral("pending");
    case Delivery::Delivered:
        return QStringLiteral("delivered");
    case Delivery::Read:
        return QStringLiteral("read");
    case Delivery::Accepted:
        return QStringLiteral("accepted");
    case Delivery::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

FlashSpec flashSpec(Priority p)
{
    // IEC 60601-1-8 table 1: HIGH 1.4-2.8 Hz, MEDIUM 0.4-0.8 Hz, duty 20-60 %; LOW steady.
    switch (p) {
    case Priority::High:
        return {500, 250, "#e53935"};
    case Priority::Medium:
        return {2000, 1000, "#fdd835"};
    case Priority::Low:
        return {0, 0, "#00bcd4"};
    case Priority::None:
        break;
    }
    return {0, 0, ""};
}

bool indicatorOn(Priority p, qint64 timeMs)
{
    if (p == Priority::None)
        return false;
    const FlashSpec f = flashSpec(p);
    if (f.periodMs == 0)
        return true;
    qint64 phase = timeMs % f.periodMs;
    if (phase < 0)
        phase += f.periodMs;
    return phase < f.onMs;
}

} // namespace vigil::alarms
