// IHE PCD code tables, the PCD-04 alarm vocabulary, and unit conversions (docs/STANDARDS-NOTES.md).
#include "PcdCodes.h"

#include <charconv>

namespace vigil::hl7 {

namespace pcd {

namespace {

struct FacetAlias
{
    quint32 code;
    std::string_view refId;
    Facet facet;
};

constexpr FacetAlias kFacetAliases[] = {
    {68480, "MDC_ATTR_ALERT_SOURCE", Facet::Source},
    {68481, "MDC_ATTR_EVENT_PHASE", Facet::Phase},
    {68482, "MDC_ATTR_ALARM_STATE", Facet::State},
    {68483, "MDC_ATTR_ALARM_INACTIVATION_STATE", Facet::Inactivation},
    {68484, "MDC_ATTR_ALARM_PRIORITY", Facet::Priority},
    {68485, "MDC_ATTR_ALERT_TYPE", Facet::Kind},
    {68164, "", Facet::Source},
    {68165, "", Facet::Phase},
    {68166, "MDC_ATTR_ALERT_STATE", Facet::State},
    {68167, "", Facet::Inactivation},
    {68168, "", Facet::Priority},
    {67860, "MDC_ATTR_CONFIRM_TIMEOUT", Facet::ConfirmTimeout},
    {68546, "MDC_ATTR_ALERT_TEXT", Facet::AlertText},
};

} // namespace

Dim dimOf(NumericId id)
{
    switch (id) {
    case NumericId::Hr:
    case NumericId::PulseRate:
    case NumericId::Rr:
        return Dim::PerMin;
    case NumericId::SpO2:
        return Dim::Percent;
    case NumericId::Temp:
        return Dim::Temperature;
    default:
        return Dim::Pressure;
    }
}

Dim dimOf(WaveId id)
{
    switch (id) {
    case WaveId::EcgI:
    case WaveId::EcgII:
    case WaveId::EcgIII:
    case WaveId::EcgV:
        return Dim::Voltage;
    case WaveId::Abp:
    case WaveId::Co2:
        return Dim::Pressure;
    default:
        return Dim::Any;
    }
}

bool unitIs(const CodedValue &u, quint32 code, std::initializer_list<const char *> names)
{
    if (code && u.code == code)
        return true;
    for (const char *n : names) {
        if (u.identifier == QLatin1String(n) || u.refId == QLatin1String(n))
            return true;
    }
    return false;
}

// Conversion of a value in unit u to the station's unit for dim; nullopt when u is not a unit of
// that dimension. An empty unit is taken as the station's unit (the caller warns).
std::optional<Conversion> conversionFor(const CodedValue &u, Dim dim)
{
    if (u.identifier.isEmpty() && u.refId.isEmpty())
        return Conversion{};
    switch (dim) {
    case Dim::PerMin: {
        if (unitIs(u, 264864, {"MDC_DIM_BEAT_PER_MIN"}) || unitIs(u, 264928, {"MDC_DIM_RESP_PER_MIN"}))
            return Conversion{};
        // REFIDs MDC_DIM_*_PER_MIN and UCUM "/min", "1/min", "{beats}/min", "{breath}/min".
        const QString &id = u.identifier;
        if (u.refId.startsWith(QLatin1String("MDC_DIM_")) && u.refId.endsWith(QLatin1String("_PER_MIN")))
            return Conversion{};
        if (id == QLatin1String("/min") || id == QLatin1String("1/min") ||
            (id.startsWith(QLatin1Char('{')) && id.endsWith(QLatin1String("}/min"))))
            return Conversion{};
        return std::nullopt;
    }
    case Dim::Percent:
        if (unitIs(u, 262688, {"MDC_DIM_PERCENT", "%"}))
            return Conversion{};
        return std::nullopt;
    case Dim::Pressure:
        if (unitIs(u, 266016, {"MDC_DIM_MMHG", "mm[Hg]", "mmHg"}))
            return Conversion{};
        if (unitIs(u, 265987, {"MDC_DIM_KILO_PASCAL", "kPa"}))
            return Conversion{760.0 / 101.325};
        if (unitIs(u, 266048, {"MDC_DIM_CM_H2O", "cm[H2O]", "cmH2O"}))
            return Conversion{760.0 / 1033.2275};
        return std::nullopt;
    case Dim::Temperature:
        if (unitIs(u, 268192, {"MDC_DIM_DEGC", "Cel", "degC"}))
            return Conversion{};
        if (unitIs(u, 266560, {"MDC_DIM_FAHR", "[degF]", "degF"}))
            return Conversion{5.0 / 9.0, -32.0 * 5.0 / 9.0};
        if (unitIs(u, 266528, {"MDC_DIM_KELVIN", "K"}))
            return Conversion{1.0, -273.15};
        return std::nullopt;
    case Dim::Voltage:
        if (unitIs(u, 266418, {"MDC_DIM_MILLI_VOLT", "mV"}))
            return Conversion{};
        if (unitIs(u, 266419, {"MDC_DIM_MICRO_VOLT", "uV", "\xC2\xB5V"}))
            return Conversion{0.001};
        return std::nullopt;
    case Dim::Any:
        return Conversion{};
    }
    return std::nullopt;
}

MdcUnit unitFor(NumericId id)
{
    switch (id) {
    case NumericId::Hr:
    case NumericId::PulseRate:
        return {264864, "MDC_DIM_BEAT_PER_MIN"};
    case NumericId::Rr:
        return {264928, "MDC_DIM_RESP_PER_MIN"};
    case NumericId::SpO2:
        return {262688, "MDC_DIM_PERCENT"};
    case NumericId::Temp:
        return {268192, "MDC_DIM_DEGC"};
    default:
        return {266016, "MDC_DIM_MMHG"};
    }
}

MdcUnit unitFor(WaveId id)
{
    switch (dimOf(id)) {
    case Dim::Voltage:
        return {266418, "MDC_DIM_MILLI_VOLT"};
    case Dim::Pressure:
        return {266016, "MDC_DIM_MMHG"};
    default:
        return id == WaveId::Resp ? MdcUnit{266432, "MDC_DIM_OHM"} : MdcUnit{262656, "MDC_DIM_DIMLESS"};
    }
}

quint32 toCode(std::string_view s)
{
    quint32 v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && ptr == s.data() + s.size() ? v : 0;
}

std::optional<NumericAlias> numericFor(const CodedValue &c)
{
    return mdc::numericAlias(c.code, c.refId);
}

std::optional<WaveId> waveFor(const CodedValue &c)
{
    if (const auto id = mdc::waveFromMdc(c.code, c.refId))
        return id;
    return mdc::waveFromMdc(0, c.identifier);
}

Facet facetFor(const CodedValue &c)
{
    for (const FacetAlias &a : kFacetAliases) {
        if ((c.code && a.code == c.code) ||
            (!a.refId.empty() &&
             c.refId == QLatin1String(a.refId.data(), static_cast<qsizetype>(a.refId.size()))))
            return a.facet;
    }
    return Facet::None;
}

bool isEvent(const CodedValue &c)
{
    // MDC partition 3 holds the events (MDC_EVT_*).
    return (c.code >= 3 * 65536u && c.code < 4 * 65536u) || c.refId.startsWith(QLatin1String("MDC_EVT_"));
}

} // namespace pcd

using namespace pcd;

QString toHl7(AlarmPhase v)
{
    return nameOf(v, kPhases);
}
QString toHl7(AlarmState v)
{
    return nameOf(v, kStates);
}
QString toHl7(AlarmInactivation v)
{
    return nameOf(v, kInactivations);
}
QString toHl7(std::optional<alarms::Priority> v)
{
    return v ? nameOf(*v, kPriorities) : QString();
}
QString toHl7(std::optional<alarms::Kind> v)
{
    return v ? nameOf(*v, kKinds) : QString();
}

} // namespace vigil::hl7
