// The one table of ISO/IEEE 11073 MDC codes the station understands beyond Vitals.h's primary codes:
// numeric and waveform aliases (docs/STANDARDS-NOTES.md section 5), alarm event codes (section 3), and what
// an alarm report means in the station's vocabulary. The PCD decoder decides meaning with these; the alarm
// engine only sees the result (parameter, direction, technical code).
#pragma once

#include "Alarm.h"
#include "Vitals.h"

#include <QString>

#include <optional>
#include <string_view>

namespace vigil::mdc {

// Alarm event codes (partition 3, MDC_EVT_*).
inline constexpr quint32 EvtHi = 196648;            // MDC_EVT_HI
inline constexpr quint32 EvtHiGtLim = 196650;       // MDC_EVT_HI_GT_LIM
inline constexpr quint32 EvtLo = 196670;            // MDC_EVT_LO
inline constexpr quint32 EvtLoLtLim = 196672;       // MDC_EVT_LO_LT_LIM
inline constexpr quint32 EvtLeadDisconn = 196876;   // MDC_EVT_LEAD_DISCONN (3:268)
inline constexpr quint32 EvtSensorDisconn = 196916; // MDC_EVT_SENSOR_DISCONN (3:308)
inline constexpr quint32 EvtActive = 196614;        // MDC_EVT_ACTIVE (heartbeat "watchdog")
inline constexpr quint32 EvtAlarm = 196616;         // MDC_EVT_ALARM (OBR-4 of every PCD-04 alarm)

struct NumericAlias
{
    quint32 code;
    std::string_view refId;
    NumericId id;
    int rank; // lower wins when one message carries several sources of the same numeric
};
struct WaveAlias
{
    quint32 code;
    std::string_view refId;
    WaveId id;
};

// By code or REFID (either may be missing).
std::optional<NumericAlias> numericAlias(quint32 code, const QString &refId = {});
std::optional<NumericId> numericFromMdc(quint32 code, const QString &refId = {});
std::optional<WaveId> waveFromMdc(quint32 code, const QString &refId = {});

// What an alarm report is about, decided once from its event code, REFID, text, source metric, value
// and limits.
struct AlarmMeaning
{
    std::optional<NumericId> parameter;
    alarms::Direction direction = alarms::Direction::None;
    QString technicalCode; // alarms::tech code (lead_off, sensor_off...), or the event REFID; empty if
                           // physiological
};
AlarmMeaning alarmMeaning(quint32 eventCode, const QString &eventRefId, const QString &eventText,
                          quint32 sourceCode, const QString &sourceRefId, std::optional<double> value,
                          std::optional<double> limitLow, std::optional<double> limitHigh);
// A device's technical code or REFID to the station's ("MDC_EVT_LEAD_DISCONN" -> "lead_off").
QString technicalCode(const QString &codeOrRefId);

} // namespace vigil::mdc
