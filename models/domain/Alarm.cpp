#include "Alarm.h"

#include <algorithm>

namespace vigil::alarms {

namespace {
QString fromView(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}
} // namespace

QString nameOf(Priority p)
{
    static const char *const names[] = {"none", "low", "medium", "high"};
    return QString::fromLatin1(names[static_cast<int>(p)]);
}

QString nameOf(Kind k)
{
    static const char *const names[] = {"physiological", "technical", "advisory"};
    return QString::fromLatin1(names[static_cast<int>(k)]);
}

QString nameOf(State s)
{
    static const char *const names[] = {"active", "latched", "inactive"};
    return QString::fromLatin1(names[static_cast<int>(s)]);
}

QString nameOf(Direction d)
{
    static const char *const names[] = {"", "low", "high"};
    return QString::fromLatin1(names[static_cast<int>(d)]);
}

QString nameOf(Phase p)
{
    static const char *const names[] = {"",    "tpoint", "start",    "continue",
                                        "end", "update", "escalate", "de-escalate"};
    return QString::fromLatin1(names[static_cast<int>(p)]);
}

QString nameOf(ReportedState s)
{
    static const char *const names[] = {"", "inactive", "active", "latched"};
    return QString::fromLatin1(names[static_cast<int>(s)]);
}

QString nameOf(Inactivation i)
{
    static const char *const names[] = {
        "", "enabled", "audio-paused", "audio-off", "alarm-paused", "alarm-off", "alert-acknowledged"};
    return QString::fromLatin1(names[static_cast<int>(i)]);
}

QString nameOf(AudioPattern p)
{
    static const char *const names[] = {"none",          "low", "medium", "high", "medium-escalated",
                                        "high-escalated"};
    return QString::fromLatin1(names[static_cast<int>(p)]);
}

QString nameOf(PatientProfile p)
{
    static const char *const names[] = {"adult", "paediatric", "neonatal"};
    return QString::fromLatin1(names[static_cast<int>(p)]);
}

std::optional<Priority> priorityFromString(const QString &s)
{
    const QString l = s.trimmed().toLower();
    if (l == QLatin1String("high") || l == QLatin1String("ph"))
        return Priority::High;
    if (l == QLatin1String("medium") || l == QLatin1String("pm"))
        return Priority::Medium;
    if (l == QLatin1String("low") || l == QLatin1String("pl"))
        return Priority::Low;
    if (l == QLatin1String("none") || l == QLatin1String("pn"))
        return Priority::None;
    return std::nullopt;
}

std::optional<Kind> kindFromString(const QString &s)
{
    const QString l = s.trimmed().toLower();
    if (l == QLatin1String("physiological") || l == QLatin1String("sp"))
        return Kind::Physiological;
    if (l == QLatin1String("technical") || l == QLatin1String("st"))
        return Kind::Technical;
    if (l == QLatin1String("advisory") || l == QLatin1String("sa"))
        return Kind::Advisory;
    return std::nullopt;
}

std::optional<PatientProfile> profileFromString(const QString &s)
{
    const QString l = s.trimmed().toLower();
    if (l == QLatin1String("adult"))
        return PatientProfile::Adult;
    if (l == QLatin1String("paediatric") || l == QLatin1String("pediatric"))
        return PatientProfile::Paediatric;
    if (l == QLatin1String("neonatal") || l == QLatin1String("neonate"))
        return PatientProfile::Neonatal;
    return std::nullopt;
}

QString conditionText(NumericId parameter, Direction direction)
{
    QString label = fromView(numericInfo(parameter).label);
    switch (direction) {
    case Direction::High:
        return label + QStringLiteral(" high");
    case Direction::Low:
        return label + QStringLiteral(" low");
    case Direction::None:
        break;
    }
    return label + QStringLiteral(" alarm");
}

QString technicalText(const QString &code)
{
    if (code.startsWith(tech::StalePrefix)) {
        const QString key = code.mid(tech::StalePrefix.size());
        for (const NumericInfo &n : kNumerics)
            if (key == fromView(n.key))
                return fromView(n.label) + QStringLiteral(": no current value");
        return key + QStringLiteral(": no current value");
    }
    if (code == tech::LinkDown)
        return QStringLiteral("Gateway link down");
    if (code == tech::NoData)
        return QStringLiteral("No data");
    if (code == tech::LeadOff)
        return QStringLiteral("ECG lead off");
    if (code == tech::SensorOff)
        return QStringLiteral(
            "SpO2 sensor off"); // an unnamed sensor is the pulse oximeter's (it blanks SpO2)
    if (code == tech::WaveformGap)
        return QStringLiteral("Waveform gap");
    if (code == tech::AlertManagerFailed)
        return QStringLiteral("Alert manager not answering");
    if (code == tech::ArchiveFailed)
        return QStringLiteral("Archive failure");
    if (code == tech::PatientIdentityMismatch)
        return QStringLiteral("Patient identity mismatch");
    if (code == tech::EhrLinkDown)
        return QStringLiteral("EHR link down");
    return code;
}

std::vector<NumericId> numericsInvalidatedBy(const QString &code, std::optional<NumericId> parameter)
{
    if (code != tech::LeadOff && code != tech::SensorOff)
        return {};
    // The device named the measurement: that one (and the numerics measured with it).
    auto is = [&](std::initializer_list<NumericId> ids) {
        return std::find(ids.begin(), ids.end(), *parameter) != ids.end();
    };
    if (parameter) {
        if (is({NumericId::SpO2, NumericId::PulseRate}))
            return {NumericId::SpO2, NumericId::PulseRate};
        if (is({NumericId::AbpSys, NumericId::AbpDia, NumericId::AbpMean}))
            return {NumericId::AbpSys, NumericId::AbpDia, NumericId::AbpMean};
        if (is({NumericId::NibpSys, NumericId::NibpDia, NumericId::NibpMean}))
            return {NumericId::NibpSys, NumericId::NibpDia, NumericId::NibpMean};
        return {*parameter};
    }
    // Unnamed: a lead off is the ECG's, a sensor off the pulse oximeter's.
    if (code == tech::LeadOff)
        return {NumericId::Hr};
    return {NumericId::SpO2, NumericId::PulseRate};
}

} // namespace vigil::alarms
