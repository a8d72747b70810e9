#include "Alarm.h"
#include "AlarmText.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

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

// --- station-made alarm texts -----------------------------------------------------------------------------
//
// Every text the station makes for an alarm condition, as an English template (%1.. are filled in). The
// English form is the domain value; displayText() translates it for the screen. A template used anywhere
// must be in this table (alarmText() asserts it), or it stays English on screen.
namespace {
const char *const kTemplates[] = {
    //: Alarm condition: a measured value above its upper alarm limit. %1 = parameter label (HR, SpO2, NIBP
    //: sys),
    //: keep it as is. Short: it is shown in the alarm bar and on the bed tile.
    QT_TRANSLATE_NOOP("AlarmText", "%1 high"),
    //: Alarm condition: a measured value below its lower alarm limit. %1 = parameter label, keep it as is.
    QT_TRANSLATE_NOOP("AlarmText", "%1 low"),
    //: Alarm condition of a parameter without a direction. %1 = parameter label, keep it as is.
    QT_TRANSLATE_NOOP("AlarmText", "%1 alarm"),
    //: Technical alarm: the parameter (%1, e.g. HR) has not sent a value for too long; the number shown is
    //: stale.
    QT_TRANSLATE_NOOP("AlarmText", "%1: no current value"),
    //: Technical alarm: the network link to the gateway (the bedside monitors' concentrator) is down.
    QT_TRANSLATE_NOOP("AlarmText", "Gateway link down"),
    //: Technical alarm: a bed's monitor sends no data at all.
    QT_TRANSLATE_NOOP("AlarmText", "No data"),
    //: Technical alarm: an ECG electrode (lead = electrode wire, not "to lead") has come off the patient.
    QT_TRANSLATE_NOOP("AlarmText", "ECG lead off"),
    //: Technical alarm: the pulse oximeter (SpO2) sensor is off the patient's finger.
    QT_TRANSLATE_NOOP("AlarmText", "SpO2 sensor off"),
    //: Technical alarm: the sensor of parameter %1 (e.g. etCO2) is off or unplugged. Keep %1 as is.
    QT_TRANSLATE_NOOP("AlarmText", "%1 sensor off"),
    //: Technical alarm: the waveform (ECG, pleth curve) had a gap: samples were lost.
    QT_TRANSLATE_NOOP("AlarmText", "Waveform gap"),
    //: Technical alarm: the alert manager (forwards alarms to nurses' phones and pagers) does not answer.
    QT_TRANSLATE_NOOP("AlarmText", "Alert manager not answering"),
    //: Technical alarm: the station cannot write its archive (recorded vital signs and alarms).
    QT_TRANSLATE_NOOP("AlarmText", "Archive failure"),
    //: Technical alarm, %1 = what failed (a technical message, shown as is).
    QT_TRANSLATE_NOOP("AlarmText", "ARCHIVE: %1"),
    //: Technical alarm: %1 = gateway name; it sent no heartbeat (keep-alive message) for %2 seconds.
    QT_TRANSLATE_NOOP("AlarmText", "Gateway %1: no heartbeat for %2 s"),
    //: Technical alarm: %1 = gateway or source name; its link is down.
    QT_TRANSLATE_NOOP("AlarmText", "%1: link down"),
    //: Technical alarm: %1 = gateway or source name, %2 = the reason (technical, shown as is).
    QT_TRANSLATE_NOOP("AlarmText", "%1: link down (%2)"),
    //: Technical alarm: %1 = source name; one bed (%2 = its label) is no longer watched.
    QT_TRANSLATE_NOOP("AlarmText", "%1: link down: 1 bed unwatched (%2)"),
    //: Technical alarm: %1 = source name, %2 = number of beds (2 or more) no longer watched, %3 = their
    //: labels.
    QT_TRANSLATE_NOOP("AlarmText", "%1: link down: %2 beds unwatched (%3)"),
    //: Technical alarm: %1 = source name, %2 = reason, one bed (%3 = its label) is no longer watched.
    QT_TRANSLATE_NOOP("AlarmText", "%1: link down (%2): 1 bed unwatched (%3)"),
    //: Technical alarm: %1 = source name, %2 = reason, %3 = number of beds (2 or more), %4 = their labels.
    QT_TRANSLATE_NOOP("AlarmText", "%1: link down (%2): %3 beds unwatched (%4)"),
    //: Technical alarm: the alert manager did not confirm an alarm sent to it. %1 = bed, %2 = the alarm.
    QT_TRANSLATE_NOOP("AlarmText", "Alert manager: no reply for %1 %2"),
    //: Technical alarm: the alert manager could not deliver an alarm to a nurse's phone or pager.
    QT_TRANSLATE_NOOP("AlarmText", "Alert manager: delivery failed"),
    //: Technical alarm: %1 = the alert manager's reason (technical, shown as is).
    QT_TRANSLATE_NOOP("AlarmText", "Alert manager: delivery failed (%1)"),
    //: Technical alarm: %1 = bed, %2 = the alarm that was not delivered to the nurse's phone or pager.
    QT_TRANSLATE_NOOP("AlarmText", "Alert manager: delivery failed for %1 %2"),
    //: Technical alarm: %1 = bed, %2 = the alarm not delivered, %3 = the alert manager's reason (as is).
    QT_TRANSLATE_NOOP("AlarmText", "Alert manager: delivery failed for %1 %2 (%3)"),
    //: Advisory alarm: NEWS2 (National Early Warning Score 2, keep the name) total %1 calls for an
    //: emergency response (the rapid response / medical emergency team).
    QT_TRANSLATE_NOOP("AlarmText", "NEWS2 %1: emergency response"),
    //: Advisory alarm: NEWS2 total %1 calls for an urgent response (urgent review by a clinician).
    QT_TRANSLATE_NOOP("AlarmText", "NEWS2 %1: urgent response"),
    //: Advisory alarm: one NEWS2 parameter scored 3 (the maximum): an urgent review on the ward is due.
    QT_TRANSLATE_NOOP("AlarmText", "NEWS2: a 3 in one parameter, urgent ward review"),
    //: ECG rhythm alarm found by the station's own (central) ECG analysis: asystole (no heart activity).
    QT_TRANSLATE_NOOP("AlarmText", "Asystole (central)"),
    //: ECG rhythm alarm of the central analysis: a pause = a long gap between heart beats (not "pause the
    //: alarm").
    QT_TRANSLATE_NOOP("AlarmText", "Pause (central)"),
    //: ECG rhythm alarm of the central analysis: extreme bradycardia (very slow heart rate).
    QT_TRANSLATE_NOOP("AlarmText", "Extreme brady (central)"),
    //: ECG rhythm alarm of the central analysis: extreme tachycardia (very fast heart rate).
    QT_TRANSLATE_NOOP("AlarmText", "Extreme tachy (central)"),
    //: ECG rhythm alarm with the heart rate %1 (beats per minute): extreme bradycardia.
    QT_TRANSLATE_NOOP("AlarmText", "Extreme brady (central) HR %1"),
    //: ECG rhythm alarm with the heart rate %1 (beats per minute): extreme tachycardia.
    QT_TRANSLATE_NOOP("AlarmText", "Extreme tachy (central) HR %1"),
    //: ECG rhythm alarm of the central analysis: ventricular fibrillation (VF).
    QT_TRANSLATE_NOOP("AlarmText", "VFib (central)"),
    //: ECG rhythm alarm of the central analysis: ventricular tachycardia (VT).
    QT_TRANSLATE_NOOP("AlarmText", "VTach (central)"),
    //: ECG rhythm alarm with the heart rate %1 (beats per minute): ventricular tachycardia.
    QT_TRANSLATE_NOOP("AlarmText", "VTach (central) HR %1"),
    //: Technical alarm: the monitor's heart rate %1 and the rate counted from the ECG beats at the central
    //: (%2) disagree.
    QT_TRANSLATE_NOOP("AlarmText", "HR %1 differs from ECG beats %2 (central)"),
    //: Technical alarm: the station lost its link to the hospital's monitoring cluster (other stations' beds
    //: and alarms); its own beds are still monitored.
    QT_TRANSLATE_NOOP("AlarmText", "Cluster unreachable: local monitoring only"),
    //: Technical alarm: charting messages for the electronic health record (EHR) cannot be delivered.
    QT_TRANSLATE_NOOP("AlarmText", "EHR link down"),
    //: Technical alarm: charting messages for the EHR cannot be delivered; %1 of them wait to be sent.
    QT_TRANSLATE_NOOP("AlarmText", "EHR link down: %1 charting message(s) waiting"),
    //: Technical alarm: the ECG is too noisy (artefacts) for the station's own rhythm analysis, which stops.
    QT_TRANSLATE_NOOP("AlarmText", "ECG noisy: central analysis suspended"),
    //: Technical alarm: the bedside monitor's patient (%1 = its patient ID) differs from the patient admitted
    //: to the bed (%2 = the admitted patient's ID, MRN).
    QT_TRANSLATE_NOOP("AlarmText", "Patient identity mismatch: monitor %1, admitted %2"),
    //: Technical alarm: the bedside monitor's patient differs from the patient admitted to the bed.
    QT_TRANSLATE_NOOP("AlarmText", "Patient identity mismatch"),
};

// %1..%9 replaced in one pass (QString::arg one by one would re-read a %N inside an argument).
QString fill(const QString &tmpl, const QStringList &args)
{
    QString out;
    out.reserve(tmpl.size() + 16);
    for (qsizetype i = 0; i < tmpl.size(); ++i) {
        const QChar ch = tmpl.at(i);
        if (ch == QLatin1Char('%') && i + 1 < tmpl.size() && tmpl.at(i + 1) >= QLatin1Char('1') &&
            tmpl.at(i + 1) <= QLatin1Char('9')) {
            const int n = tmpl.at(i + 1).unicode() - '1';
            if (n < args.size()) {
                out += args.at(n);
                ++i;
                continue;
            }
        }
        out += ch;
    }
    return out;
}

struct Matcher
{
    const char *source;
    QRegularExpression re;
    QList<int> argOrder; // the placeholder number of each capture
};

// The templates as anchored patterns, the longest literal first (the most specific wins: "link down (%2)"
// before "link down", whose %2 would swallow the rest).
const std::vector<Matcher> &matchers()
{
    static const std::vector<Matcher> all = [] {
        std::vector<std::pair<qsizetype, Matcher>> sized;
        static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
        for (const char *src : kTemplates) {
            const QString t = QString::fromUtf8(src);
            QString pattern = QStringLiteral("^");
            QList<int> order;
            qsizetype at = 0, literal = 0;
            for (auto it = placeholder.globalMatch(t); it.hasNext();) {
                const auto m = it.next();
                pattern += QRegularExpression::escape(t.mid(at, m.capturedStart() - at));
                literal += m.capturedStart() - at;
                pattern += QStringLiteral("(.+?)");
                order << m.captured(1).toInt();
                at = m.capturedEnd();
            }
            pattern += QRegularExpression::escape(t.mid(at)) + QLatin1Char('$');
            literal += t.size() - at;
            sized.push_back({literal, Matcher{src, QRegularExpression(pattern), order}});
        }
        std::stable_sort(sized.begin(), sized.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        std::vector<Matcher> out;
        out.reserve(sized.size());
        for (auto &s : sized)
            out.push_back(std::move(s.second));
        return out;
    }();
    return all;
}

// "%1 high" and its kind are the station's only with a parameter label in %1: a gateway's own "Pressure
// high" stays as the device sent it.
bool labelOnly(const char *source)
{
    return source[0] == '%' && source[1] == '1' && !QByteArray(source).contains("link down");
}

bool isLabel(const QString &s)
{
    for (const NumericInfo &n : kNumerics)
        if (s == fromView(n.label) || s == fromView(n.key))
            return true;
    return false;
}

QString translated(const QString &text, int depth)
{
    if (text.isEmpty() || depth > 2)
        return text;
    for (const Matcher &m : matchers()) {
        const auto match = m.re.match(text);
        if (!match.hasMatch() || (labelOnly(m.source) && !isLabel(match.captured(1))))
            continue;
        QStringList captured;
        for (int i = 0; i < m.argOrder.size(); ++i)
            captured << match.captured(i + 1);
        // "%1 %2" is ambiguous where %1 has spaces ("Bed 3" + "HR high"): the split whose second part is a
        // station text wins (the first split otherwise).
        for (int i = 0; i + 1 < captured.size(); ++i) {
            const QString joined = captured[i] + QLatin1Char(' ') + captured[i + 1];
            if (captured[i + 1] != translated(captured[i + 1], depth + 1) ||
                !QByteArray(m.source).contains(QByteArray("%") + QByteArray::number(m.argOrder[i]) + " %"))
                continue;
            for (qsizetype at = joined.indexOf(QLatin1Char(' ')); at > 0;
                 at = joined.indexOf(QLatin1Char(' '), at + 1)) {
                const QString tail = joined.mid(at + 1);
                if (!tail.isEmpty() && translated(tail, depth + 1) != tail) {
                    captured[i] = joined.left(at);
                    captured[i + 1] = tail;
                    break;
                }
            }
        }
        QStringList args;
        for (int i = 0; i < m.argOrder.size(); ++i) {
            const int n = m.argOrder.at(i);
            while (args.size() < n)
                args << QString();
            args[n - 1] = translated(captured.at(i), depth + 1);
        }
        return fill(QCoreApplication::translate("AlarmText", m.source), args);
    }
    return text;
}
} // namespace

QString alarmText(const char *englishTemplate, const QStringList &args)
{
    Q_ASSERT(std::any_of(std::begin(kTemplates), std::end(kTemplates),
                         [&](const char *t) { return qstrcmp(t, englishTemplate) == 0; }));
    return fill(QString::fromUtf8(englishTemplate), args);
}

QString displayLanguageKey()
{
    // What a translated template reads like now: changes with the installed translator.
    return QCoreApplication::translate("AlarmText", kTemplates[0]) +
           QCoreApplication::translate("AlarmText", kTemplates[1]);
}

QString displayText(const QString &englishText)
{
    // Models ask for the same few texts many times a second: remembered per language.
    static QMutex mutex;
    static QHash<QString, QString> cache;
    static QString cacheKey;
    const QString key = displayLanguageKey();
    QMutexLocker lock(&mutex);
    if (key != cacheKey) {
        cache.clear();
        cacheKey = key;
    }
    if (const auto it = cache.constFind(englishText); it != cache.cend())
        return *it;
    if (cache.size() > 4096)
        cache.clear();
    QString out = translated(englishText, 0);
    cache.insert(englishText, out);
    return out;
}

QString conditionText(NumericId parameter, Direction direction)
{
    const QStringList label{fromView(numericInfo(parameter).label)};
    switch (direction) {
    case Direction::High:
        return alarmText("%1 high", label);
    case Direction::Low:
        return alarmText("%1 low", label);
    case Direction::None:
        break;
    }
    return alarmText("%1 alarm", label);
}

QString technicalText(const QString &code)
{
    if (code.startsWith(tech::StalePrefix)) {
        const QString key = code.mid(tech::StalePrefix.size());
        for (const NumericInfo &n : kNumerics)
            if (key == fromView(n.key))
                return alarmText("%1: no current value", {fromView(n.label)});
        return alarmText("%1: no current value", {key});
    }
    if (code == tech::LinkDown)
        return alarmText("Gateway link down");
    if (code == tech::NoData)
        return alarmText("No data");
    if (code == tech::LeadOff)
        return alarmText("ECG lead off");
    if (code == tech::SensorOff)
        return alarmText("SpO2 sensor off"); // an unnamed sensor is the pulse oximeter's (it blanks SpO2)
    if (code == tech::WaveformGap)
        return alarmText("Waveform gap");
    if (code == tech::AlertManagerFailed)
        return alarmText("Alert manager not answering");
    if (code == tech::ArchiveFailed)
        return alarmText("Archive failure");
    if (code == tech::PatientIdentityMismatch)
        return alarmText("Patient identity mismatch");
    if (code == tech::EhrLinkDown)
        return alarmText("EHR link down");
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
