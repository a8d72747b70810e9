// The alarm engine's private state and the helpers its parts share. Included only by the engine's own
// source files (AlarmEngine*.cpp), never by users of the engine: the seams are
//   AlarmEngine.cpp           construction, configuration, the bed registry, audit trail
//   AlarmEngineInputs.cpp     numerics and limit checks, technical conditions, gateway (PCD-04) alarms,
//                             alert manager replies
//   AlarmEngineLifecycle.cpp  the condition state machine (activate, end, latch, reset), evaluate(),
//                             escalation tiers and timers, retirement, the aggregates and audio decision
//   AlarmEngineActions.cpp    user actions (acknowledge, audio and alarm pause, reset, limits)
//   AlarmEngineReport.cpp     outputs: conditions, history, statistics and the state-file JSON
#pragma once

#include "AlarmEngine.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>

namespace vigil::alarms {

namespace detail {

inline constexpr qint64 kNever = std::numeric_limits<qint64>::max();

// Which input holds a technical condition up. It ends only when every holder has let go, so the gateway
// link watchdog and the lead's own link-state report never end each other's alarm.
inline constexpr quint8 kExternal = 1; // onTechnical()
inline constexpr quint8 kWatchdog = 2; // heartbeat watchdog
inline constexpr quint8 kInternal = 4; // stale numerics, alert-manager failures
inline constexpr quint8 kDevice = 8;   // onDeviceConditions()

inline const QString kAlertManagerScope = QStringLiteral("alert_manager");
// A bed's data "flows" while some numeric arrived this recently (numerics come every 1-2 s).
inline constexpr qint64 kFlowingWindowMs = 5000;

inline QString numericKey(int n)
{
    const auto k = kNumerics[n].key;
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}

inline QString numericLabel(int n)
{
    const auto k = kNumerics[n].label;
    return QString::fromUtf8(k.data(), static_cast<qsizetype>(k.size()));
}

} // namespace detail

struct AlarmEngine::TechSlot
{
    Cond *cond = nullptr; // the present condition
    Cond *last = nullptr; // the latest one (a latched one is reactivated when the cause recurs)
    quint8 origins = 0;
    QString text;
    QString scopeKey; // bed key or source id
    // Derived conditions (onDerivedCondition): their kind, priority, value and the device codes that
    // stand for the same condition.
    Kind kind = Kind::Technical;
    std::optional<Priority> priority;
    double value = std::nan("");
    QStringList deviceRefIds;
    // Condition delay of a derived condition (AlarmConfig::derivedDelayMs): present since pendingSince
    // (0 = not present); raised only once present for delayMs, continuously.
    qint64 pendingSince = 0;
    qint64 delayMs = 0;
};

struct AlarmEngine::Cond : AlarmCondition
{
    BedState *bed = nullptr;
    int numeric = -1; // station limit conditions
    int dir = 0;      // 0 low, 1 high
    TechSlot *slot = nullptr;
    QString gwCategory; // gateway technical conditions: the station code they stand for
    bool gwCounted = false;
    qint64 deliveryDeadlineMs = 0;
};

struct AlarmEngine::BedState
{
    struct Num
    {
        double value = std::nan("");
        qint64 lastRx = 0;
        bool seen = false;
        bool stale = false;
        std::array<qint64, 2> pendingSince{0, 0}; // start of the current violation (condition delay)
        std::array<Cond *, 2> cond{nullptr, nullptr};
        std::array<Cond *, 2> last{nullptr, nullptr};
    };
    QString key;
    QString label;
    QString sourceId;
    PatientProfile profile = PatientProfile::Adult;
    bool customLimits = false;
    std::array<Limits, kNumericCount> limits;
    std::array<Num, kNumericCount> num;
    std::array<std::array<int, 2>, kNumericCount> gwActive{}; // present gateway alarms per numeric/direction
    std::array<bool, kNumericCount> deviceGoverned{};         // the device alarms on this numeric
    std::array<Limits, kNumericCount> deviceLimits{};         // its limits as last reported
    QHash<QString, int> gwTech;                               // present gateway technical alarms by code
    std::unordered_map<QString, std::unique_ptr<TechSlot>> tech;
    QHash<QString, QString> deviceActive; // onDeviceConditions: code -> text
    qint64 pausedUntil = 0;
    BedAlarmStatus status;
};

struct AlarmEngine::SourceState
{
    qint64 lastHeartbeat = 0;
    qint64 timeoutMs = 5000;
    bool down = false;
};

inline bool AlarmEngine::bedPaused(const BedState *b, qint64 t) const
{
    return b && b->pausedUntil > t;
}

} // namespace vigil::alarms
