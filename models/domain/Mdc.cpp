#include "Mdc.h"

namespace vigil::mdc {

namespace {

// Several sources feed one tile; the one a clinician expects on it ranks first (SpO2 pulse before the
// episodic NIBP pulse, body temperature before skin temperature).
constexpr NumericAlias kNumericAliases[] = {
    {147842, "MDC_ECG_HEART_RATE", NumericId::Hr, 0},
    {147842, "MDC_ECG_CARD_BEAT_RATE", NumericId::Hr, 0},
    {150456, "MDC_PULS_OXIM_SAT_O2", NumericId::SpO2, 0},
    {149530, "MDC_PULS_OXIM_PULS_RATE", NumericId::PulseRate, 0},
    {149514, "MDC_PULS_RATE", NumericId::PulseRate, 1},
    {149522, "MDC_BLD_PULS_RATE_INV", NumericId::PulseRate, 2},
    {149546, "MDC_PULS_RATE_NON_INV", NumericId::PulseRate, 3},
    {150021, "MDC_PRESS_BLD_NONINV_SYS", NumericId::NibpSys, 0},
    {150022, "MDC_PRESS_BLD_NONINV_DIA", NumericId::NibpDia, 0},
    {150023, "MDC_PRESS_BLD_NONINV_MEAN", NumericId::NibpMean, 0},
    {150037, "MDC_PRESS_BLD_ART_ABP_SYS", NumericId::AbpSys, 0},
    {150038, "MDC_PRESS_BLD_ART_ABP_DIA", NumericId::AbpDia, 0},
    {150039, "MDC_PRESS_BLD_ART_ABP_MEAN", NumericId::AbpMean, 0},
    {150033, "MDC_PRESS_BLD_ART_SYS", NumericId::AbpSys, 1},
    {150034, "MDC_PRESS_BLD_ART_DIA", NumericId::AbpDia, 1},
    {150035, "MDC_PRESS_BLD_ART_MEAN", NumericId::AbpMean, 1},
    {151562, "MDC_RESP_RATE", NumericId::Rr, 0},
    {151578, "MDC_TTHOR_RESP_RATE", NumericId::Rr, 1},
    {151570, "MDC_AWAY_RESP_RATE", NumericId::Rr, 2},
    {151594, "MDC_CO2_RESP_RATE", NumericId::Rr, 3},
    {150364, "MDC_TEMP_BODY", NumericId::Temp, 0},
    {150368, "MDC_TEMP_CORE", NumericId::Temp, 1},
    {150344, "MDC_TEMP", NumericId::Temp, 2},
    {150388, "MDC_TEMP_SKIN", NumericId::Temp, 3},
    {151708, "MDC_CONC_AWAY_CO2_ET", NumericId::EtCO2, 0},
    {151728, "MDC_AWAY_CO2_ET", NumericId::EtCO2, 1},
};

constexpr WaveAlias kWaveAliases[] = {
    {131329, "MDC_ECG_ELEC_POTL_I", WaveId::EcgI},
    {131329, "MDC_ECG_LEAD_I", WaveId::EcgI},
    {131330, "MDC_ECG_ELEC_POTL_II", WaveId::EcgII},
    {131330, "MDC_ECG_LEAD_II", WaveId::EcgII},
    {131389, "MDC_ECG_ELEC_POTL_III", WaveId::EcgIII},
    {131389, "MDC_ECG_LEAD_III", WaveId::EcgIII},
    // The station has one chest-lead trace; whichever V lead a monitor is set to feeds it.
    {131331, "MDC_ECG_ELEC_POTL_V1", WaveId::EcgV},
    {131331, "MDC_ECG_LEAD_V1", WaveId::EcgV},
    {131332, "MDC_ECG_ELEC_POTL_V2", WaveId::EcgV},
    {131332, "MDC_ECG_LEAD_V2", WaveId::EcgV},
    {131333, "MDC_ECG_ELEC_POTL_V3", WaveId::EcgV},
    {131333, "MDC_ECG_LEAD_V3", WaveId::EcgV},
    {131334, "MDC_ECG_ELEC_POTL_V4", WaveId::EcgV},
    {131334, "MDC_ECG_LEAD_V4", WaveId::EcgV},
    {131335, "MDC_ECG_ELEC_POTL_V5", WaveId::EcgV},
    {131335, "MDC_ECG_LEAD_V5", WaveId::EcgV},
    {131336, "MDC_ECG_ELEC_POTL_V6", WaveId::EcgV},
    {131336, "MDC_ECG_LEAD_V6", WaveId::EcgV},
    {150452, "MDC_PULS_OXIM_PLETH", WaveId::Pleth},
    // Some senders code the pleth wave as the SpO2 metric sent as an array.
    {150456, "MDC_PULS_OXIM_SAT_O2_WAVEFORM", WaveId::Pleth},
    {151780, "MDC_IMPED_TTHOR", WaveId::Resp},
    {150036, "MDC_PRESS_BLD_ART_ABP", WaveId::Abp},
    {150032, "MDC_PRESS_BLD_ART", WaveId::Abp},
    {151724, "MDC_AWAY_CO2", WaveId::Co2},
    {151700, "MDC_CONC_AWAY_CO2", WaveId::Co2},
};

bool sameRef(std::string_view a, const QString &b)
{
    return !b.isEmpty() && b == QLatin1String(a.data(), static_cast<qsizetype>(a.size()));
}

} // namespace

std::optional<NumericAlias> numericAlias(quint32 code, const QString &refId)
{
    // The code is context-free and decides; the REFID serves senders that send no number.
    if (code != 0)
        for (const NumericAlias &a : kNumericAliases)
            if (a.code == code)
                return a;
    for (const NumericAlias &a : kNumericAliases)
        if (sameRef(a.refId, refId))
            return a;
    return std::nullopt;
}

std::optional<NumericId> numericFromMdc(quint32 code, const QString &refId)
{
    const auto a = numericAlias(code, refId);
    return a ? std::optional<NumericId>(a->id) : std::nullopt;
}

std::optional<WaveId> waveFromMdc(quint32 code, const QString &refId)
{
    if (code != 0)
        for (const WaveAlias &a : kWaveAliases)
            if (a.code == code)
                return a.id;
    for (const WaveAlias &a : kWaveAliases)
        if (sameRef(a.refId, refId))
            return a.id;
    return std::nullopt;
}

QString technicalCode(const QString &codeOrRefId)
{
    const QString u = codeOrRefId.toUpper();
    if (u == QString::number(EvtLeadDisconn) || u.contains(QLatin1String("LEAD")))
        return alarms::tech::LeadOff;
    if (u == QString::number(EvtSensorDisconn) || u.contains(QLatin1String("SENSOR")) ||
        u.contains(QLatin1String("PROBE")) || u.contains(QLatin1String("TRANSDUC")))
        return alarms::tech::SensorOff;
    if (u == QLatin1String("NO_DATA") || u == QLatin1String("NODATA"))
        return alarms::tech::NoData;
    return codeOrRefId;
}

AlarmMeaning alarmMeaning(quint32 eventCode, const QString &eventRefId, const QString &eventText,
                          quint32 sourceCode, const QString &sourceRefId, std::optional<double> value,
                          std::optional<double> limitLow, std::optional<double> limitHigh)
{
    AlarmMeaning m;
    m.parameter = numericFromMdc(sourceCode, sourceRefId);
    using alarms::Direction;
    const QString ref = eventRefId.toUpper();
    if (eventCode == EvtHi || eventCode == EvtHiGtLim || ref == QLatin1String("MDC_EVT_HI") ||
        ref == QLatin1String("MDC_EVT_HI_GT_LIM"))
        m.direction = Direction::High;
    else if (eventCode == EvtLo || eventCode == EvtLoLtLim || ref == QLatin1String("MDC_EVT_LO") ||
             ref == QLatin1String("MDC_EVT_LO_LT_LIM"))
        m.direction = Direction::Low;
    else if (ref.contains(QLatin1String("_HI")))
        m.direction = Direction::High;
    else if (ref.contains(QLatin1String("_LO")) || ref.contains(QLatin1String("DESAT")) ||
             ref.contains(QLatin1String("APNEA")) || ref.contains(QLatin1String("BRADY")))
        m.direction = Direction::Low;
    else if (ref.contains(QLatin1String("TACHY")))
        m.direction = Direction::High;
    else if (value && limitHigh && *value > *limitHigh)
        m.direction = Direction::High;
    else if (value && limitLow && *value < *limitLow)
        m.direction = Direction::Low;
    else {
        const QString text = eventText.toLower();
        if (text.contains(QLatin1String("high")) || text.contains(QLatin1String("tachy")))
            m.direction = Direction::High;
        else if (text.contains(QLatin1String("low")) || text.contains(QLatin1String("apn")) ||
                 text.contains(QLatin1String("desat")) || text.contains(QLatin1String("brady")))
            m.direction = Direction::Low;
    }
    const QString tech = technicalCode(!eventRefId.isEmpty() ? eventRefId
                                       : eventCode != 0      ? QString::number(eventCode)
                                                             : eventText);
    if (tech == alarms::tech::LeadOff || tech == alarms::tech::SensorOff || tech == alarms::tech::NoData) {
        m.technicalCode = tech;
        m.direction = Direction::None;
    }
    return m;
}

} // namespace vigil::mdc
