// Internal to services/hl7/Pcd*.cpp: the IHE PCD code tables and unit conversions that decoding and the
// builders share (sources: docs/STANDARDS-NOTES.md). Not part of the library's interface (that is Pcd.h).
//   PcdCodes.cpp   code tables, alarm vocabulary, units and their conversions
//   PcdDecode.cpp  PCD-01 and PCD-04 messages into the domain types
//   PcdBuild.cpp   the domain types into PCD-01 and PCD-04 messages
#pragma once

#include "Pcd.h"

#include <QString>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

namespace vigil::hl7::pcd {

// Numeric and waveform aliases: the station's one MDC table (models/domain/Mdc.h).
using mdc::NumericAlias;

// PCD-04 facet attributes: current codes 68480-68485 and the older 68164-68168 both occur.
enum class Facet { None, Source, Phase, State, Inactivation, Priority, Kind, ConfirmTimeout, AlertText };

inline constexpr quint32 kEvtAlarm = mdc::EvtAlarm;
inline constexpr quint32 kEvtActive = mdc::EvtActive;
inline constexpr int kDefaultConfirmTimeoutS = 5;

Facet facetFor(const CodedValue &c);
std::optional<NumericAlias> numericFor(const CodedValue &c);
std::optional<WaveId> waveFor(const CodedValue &c);
// MDC partition 3 (MDC_EVT_*).
bool isEvent(const CodedValue &c);
// A whole decimal number (an MDC code, a set id); 0 when s is anything else.
quint32 toCode(std::string_view s);

// --- units ------------------------------------------------------------------------------------------

enum class Dim { PerMin, Percent, Pressure, Temperature, Voltage, Any };

Dim dimOf(NumericId id);
Dim dimOf(WaveId id);

struct Conversion
{
    double scale = 1.0;
    double offset = 0.0; // canonical = value * scale + offset
};

bool unitIs(const CodedValue &u, quint32 code, std::initializer_list<const char *> names);
// Conversion of a value in unit u to the station's unit for dim; nullopt when u is not a unit of
// that dimension. An empty unit is taken as the station's unit (the caller warns).
std::optional<Conversion> conversionFor(const CodedValue &u, Dim dim);

struct MdcUnit
{
    quint32 code;
    const char *refId;
};

// The unit the builders send a numeric or a waveform in.
MdcUnit unitFor(NumericId id);
MdcUnit unitFor(WaveId id);

// --- PCD-04 alarm vocabulary (OBX-5 of the facet rows, OBX-8 flags) ---------------------------------

inline constexpr std::pair<const char *, AlarmPhase> kPhases[] = {
    {"tpoint", AlarmPhase::TPoint},          {"start", AlarmPhase::Start},
    {"continue", AlarmPhase::Continue},      {"end", AlarmPhase::End},
    {"update", AlarmPhase::Update},          {"escalate", AlarmPhase::Escalate},
    {"de-escalate", AlarmPhase::DeEscalate},
};
inline constexpr std::pair<const char *, AlarmState> kStates[] = {
    {"inactive", AlarmState::Inactive}, {"active", AlarmState::Active}, {"latched", AlarmState::Latched}};
inline constexpr std::pair<const char *, AlarmInactivation> kInactivations[] = {
    {"enabled", AlarmInactivation::Enabled},
    {"audio-paused", AlarmInactivation::AudioPaused},
    {"audio-off", AlarmInactivation::AudioOff},
    {"alarm-paused", AlarmInactivation::AlarmPaused},
    {"alarm-off", AlarmInactivation::AlarmOff},
    {"alert-acknowledged", AlarmInactivation::Acknowledged},
    {"acknowledged", AlarmInactivation::Acknowledged},
};
inline constexpr std::pair<const char *, alarms::Priority> kPriorities[] = {{"PH", alarms::Priority::High},
                                                                            {"PM", alarms::Priority::Medium},
                                                                            {"PL", alarms::Priority::Low},
                                                                            {"PN", alarms::Priority::None}};
inline constexpr std::pair<const char *, alarms::Kind> kKinds[] = {
    {"SP", alarms::Kind::Physiological}, {"ST", alarms::Kind::Technical}, {"SA", alarms::Kind::Advisory}};

template <typename E, std::size_t N>
E lookup(const QString &v, const std::pair<const char *, E> (&table)[N], E fallback)
{
    for (const auto &[name, value] : table) {
        if (v.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return value;
    }
    return fallback;
}

template <typename E, std::size_t N>
std::optional<E> lookupOptional(const QString &text, const std::pair<const char *, E> (&table)[N])
{
    for (const auto &[name, value] : table)
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N> QString nameOf(E v, const std::pair<const char *, E> (&table)[N])
{
    for (const auto &[name, value] : table) {
        if (value == v)
            return QLatin1String(name);
    }
    return {};
}

} // namespace vigil::hl7::pcd
