// What the responsible organisation configures about alarms (IEC 60601-1-8 leaves these to it): default
// limits per patient profile, condition delays, hysteresis, priorities, latching, pause durations and the
// escalation tiers. Defaults and their clinical reasons are in docs/ALARMS.md.
#pragma once

#include "AlarmTypes.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <array>
#include <vector>

namespace vigil::alarms {

// NaN = that side of the limit is off.
struct Limits
{
    double low = std::nan("");
    double high = std::nan("");
    bool operator==(const Limits &o) const
    {
        auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
        return same(low, o.low) && same(high, o.high);
    }
};

struct ParameterRule
{
    qint64 delayMs = 0;    // condition delay: the violation must last this long before it is an alarm
    double hysteresis = 0; // an active alarm ends only this far back inside the limit
    Priority lowPriority = Priority::Medium;
    Priority highPriority = Priority::Medium;
    bool staleAlarm = true; // a measured numeric that stops arriving raises a technical alarm
};

enum class TierAction : quint8 {
    Local,       // normal signal at the station
    Escalated,   // louder pattern and an "escalated" banner at the station
    AlertManager // also sent to the ward's alert manager (PCD-04 phase escalate)
};

struct EscalationTier
{
    qint64 delayMs = 0; // unacknowledged time since the condition started to signal
    TierAction action = TierAction::Local;
};

struct AlarmConfig
{
    AlarmConfig(); // clinically sensible defaults, see docs/ALARMS.md

    // [profile][numeric]
    std::array<std::array<Limits, kNumericCount>, 3> defaultLimits;
    std::array<ParameterRule, kNumericCount> parameters;
    // Condition delays of derived conditions by code ("news2_high", "ecg_vtach"...; [alarms.delay] keys
    // that are not numerics). Default 0: the derived conditions have their own timing (e.g. asystole_s).
    QHash<QString, qint64> derivedDelayMs;

    // Latching by [kind][priority]; latchByCode overrides it for one code ("spo2_low", "MDC_EVT_HI").
    std::array<std::array<bool, kPriorityCount>, kKindCount> latching{};
    QHash<QString, bool> latchByCode;

    // Technical conditions: priority by code ("lead_off", "link_down", ...), else technicalDefault.
    QHash<QString, Priority> technicalPriority;
    Priority technicalDefault = Priority::Medium;

    // Escalation tiers by priority, ascending delays; tier 0 is the local signal at delay 0.
    std::array<std::vector<EscalationTier>, kPriorityCount> escalation;

    qint64 audioPauseMs = 120000;    // IEC: 2 min is usual
    qint64 audioPauseMaxMs = 300000; // the longest a user may ask for
    qint64 alarmPauseMs = 120000;
    qint64 alarmPauseMaxMs = 600000;
    qint64 deliveryTimeoutMs = 10000;   // no PCD-05 reply within this is a delivery failure
    qint64 heartbeatGraceMs = 2000;     // beyond the gateway's confirm timeout before the link is down
    qint64 recentWindowMs = 15 * 60000; // ended alarms stay in the alarm list this long
    int recentMax = 500;
    int historyMax = 20000;
    int auditMax = 10000;
    int statsUtcOffsetMinutes = 0; // day boundaries of the statistics
    QString idPrefix;              // condition ids are "<prefix>-<n>"; empty: derived from the start time
    // Whether the ward has an alert manager. Without one an alert-manager tier only escalates the local
    // signal: nothing is sent, nothing waits for a reply, and no condition speaks of an alert manager.
    bool alertManagerAvailable = true;

    Limits defaultLimit(PatientProfile profile, NumericId id) const
    {
        return defaultLimits[static_cast<int>(profile)][static_cast<int>(id)];
    }
    const ParameterRule &rule(NumericId id) const { return parameters[static_cast<int>(id)]; }
    bool latches(Kind kind, Priority priority, const QString &code) const;
    Priority technicalPriorityFor(const QString &code) const;
};

// Applies one key of the station file's [alarms...] sections (docs/ALARMS.md lists them). value is what
// the TOML reader produced: a number, bool, string or QVariantList. Returns an error message, or an empty
// string when applied. Unknown keys are errors, like everywhere in the station file.
QString applyAlarmConfigKey(AlarmConfig &config, const QString &section, const QString &key,
                            const QVariant &value);

} // namespace vigil::alarms
