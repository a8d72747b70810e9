// NEWS2: the RCP 2017 chart as code, and the per-bed tracker (see News2.h).
#include "News2.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace vigil::scores {

namespace {
constexpr std::array<const char *, kNewsParamCount> kKeys{"rr",    "spo2",  "o2",  "sbp",
                                                          "pulse", "acvpu", "temp"};
constexpr std::array<const char *, kNewsParamCount> kLabels{"Resp rate", "SpO2",  "Air/O2", "Sys BP",
                                                            "Pulse",     "ACVPU", "Temp"};
constexpr std::array<const char *, 5> kAcvpu{"A", "C", "V", "P", "U"};

double whole(double v)
{
    return std::round(v);
}
double tenth(double v)
{
    return std::round(v * 10.0) / 10.0;
}
} // namespace

QString newsParamKey(NewsParam p)
{
    return QString::fromLatin1(kKeys[static_cast<int>(p)]);
}
QString newsParamLabel(NewsParam p)
{
    return QString::fromLatin1(kLabels[static_cast<int>(p)]);
}
std::optional<NewsParam> newsParamFromKey(const QString &key)
{
    for (int i = 0; i < kNewsParamCount; ++i)
        if (key == QLatin1String(kKeys[i]))
            return static_cast<NewsParam>(i);
    return std::nullopt;
}
QString acvpuKey(Acvpu a)
{
    return QString::fromLatin1(kAcvpu[static_cast<int>(a)]);
}
std::optional<Acvpu> acvpuFromKey(const QString &key)
{
    for (int i = 0; i < 5; ++i)
        if (key.compare(QLatin1String(kAcvpu[i]), Qt::CaseInsensitive) == 0)
            return static_cast<Acvpu>(i);
    return std::nullopt;
}
QString nameOf(NewsResponse r)
{
    switch (r) {
    case NewsResponse::Zero:
        return QStringLiteral("zero");
    case NewsResponse::Low:
        return QStringLiteral("low");
    case NewsResponse::LowMedium:
        return QStringLiteral("low-medium");
    case NewsResponse::Medium:
        return QStringLiteral("medium");
    case NewsResponse::High:
        return QStringLiteral("high");
    }
    return {};
}

// --- the chart ---------------------------------------------------------------------------------------------

int scoreRr(double perMin)
{
    const double v = whole(perMin);
    if (v <= 8)
        return 3;
    if (v <= 11)
        return 1;
    if (v <= 20)
        return 0;
    if (v <= 24)
        return 2;
    return 3;
}

int scoreSpO2Scale1(double percent)
{
    const double v = whole(percent);
    if (v <= 91)
        return 3;
    if (v <= 93)
        return 2;
    if (v <= 95)
        return 1;
    return 0;
}

int scoreSpO2Scale2(double percent, bool onOxygen)
{
    const double v = whole(percent);
    if (v <= 83)
        return 3;
    if (v <= 85)
        return 2;
    if (v <= 87)
        return 1;
    if (v <= 92 || !onOxygen) // 88-92, or >= 93 on air
        return 0;
    if (v <= 94)
        return 1;
    if (v <= 96)
        return 2;
    return 3;
}

int scoreOxygen(bool onOxygen)
{
    return onOxygen ? 2 : 0;
}

int scoreSysBp(double mmHg)
{
    const double v = whole(mmHg);
    if (v <= 90)
        return 3;
    if (v <= 100)
        return 2;
    if (v <= 110)
        return 1;
    if (v <= 219)
        return 0;
    return 3;
}

int scorePulse(double perMin)
{
    const double v = whole(perMin);
    if (v <= 40)
        return 3;
    if (v <= 50)
        return 1;
    if (v <= 90)
        return 0;
    if (v <= 110)
        return 1;
    if (v <= 130)
        return 2;
    return 3;
}

int scoreConsciousness(Acvpu a)
{
    return a == Acvpu::Alert ? 0 : 3;
}

int scoreTemp(double degC)
{
    const double v = tenth(degC);
    if (v <= 35.0)
        return 3;
    if (v <= 36.0)
        return 1;
    if (v <= 38.0)
        return 0;
    if (v <= 39.0)
        return 1;
    return 2;
}

NewsResponse responseFor(int total, bool singleThree)
{
    if (total >= 7)
        return NewsResponse::High;
    if (total >= 5)
        return NewsResponse::Medium;
    if (singleThree)
        return NewsResponse::LowMedium;
    if (total >= 1)
        return NewsResponse::Low;
    return NewsResponse::Zero;
}

News2Score aggregate(const std::array<int, kNewsParamCount> &sub)
{
    News2Score s;
    s.sub = sub;
    s.complete = true;
    for (int v : sub) {
        if (v < 0) {
            s.complete = false;
            continue;
        }
        s.total += v;
        s.singleThree = s.singleThree || v == 3;
    }
    s.response = responseFor(s.total, s.singleThree);
    return s;
}

News2Score computeNews2(const News2Inputs &in)
{
    std::array<int, kNewsParamCount> sub{};
    auto num = [](double v, auto f) { return std::isnan(v) ? -1 : f(v); };
    sub[int(NewsParam::Rr)] = num(in.rr, scoreRr);
    sub[int(NewsParam::SpO2)] =
        std::isnan(in.spo2) ? -1
                            : (in.scale2 ? scoreSpO2Scale2(in.spo2, in.onOxygen) : scoreSpO2Scale1(in.spo2));
    sub[int(NewsParam::Oxygen)] = scoreOxygen(in.onOxygen);
    sub[int(NewsParam::SysBp)] = num(in.sysBp, scoreSysBp);
    sub[int(NewsParam::Pulse)] = num(in.pulse, scorePulse);
    sub[int(NewsParam::Consciousness)] = scoreConsciousness(in.consciousness);
    sub[int(NewsParam::Temp)] = num(in.temp, scoreTemp);
    return aggregate(sub);
}

// --- tracker
// -------------------------------------------------------------------------------------------------

QString News2Snapshot::missingText() const
{
    QStringList parts;
    for (int i = 0; i < kNewsParamCount; ++i) {
        const QString label = newsParamLabel(static_cast<NewsParam>(i));
        if (!inputs[std::size_t(i)].present())
            parts << label + QStringLiteral(" missing");
        else if (stale[std::size_t(i)])
            parts << label + QStringLiteral(" stale");
    }
    return parts.join(QStringLiteral(", "));
}

void News2Tracker::keepVital(std::deque<VitalPoint> &d, double v, qint64 t)
{
    if (!d.empty() && t - d.back().timeMs < 60'000)
        return;
    d.push_back({t, v});
    const qint64 keep = static_cast<qint64>(m_config.deteriorationWindowS * 1000) + 600'000;
    while (!d.empty() && d.front().timeMs < t - keep)
        d.pop_front();
}

void News2Tracker::onNumeric(NumericId id, double value, qint64 timeMs)
{
    if (!std::isfinite(value))
        return;
    std::optional<NewsParam> p;
    switch (id) {
    case NumericId::Rr:
        p = NewsParam::Rr;
        break;
    case NumericId::SpO2:
        p = NewsParam::SpO2;
        keepVital(m_spo2, value, timeMs);
        break;
    case NumericId::Hr:
        keepVital(m_hr, value, timeMs);
        p = NewsParam::Pulse;
        break;
    case NumericId::PulseRate:
        p = NewsParam::Pulse;
        break;
    case NumericId::NibpSys:
    case NumericId::AbpSys:
        p = NewsParam::SysBp;
        break;
    case NumericId::Temp:
        p = NewsParam::Temp;
        break;
    default:
        return;
    }
    NewsInput &in = m_inputs[std::size_t(*p)];
    if (in.present() && in.timeMs > timeMs)
        return; // a newer reading (e.g. a nurse's entry) stands
    in.value = value;
    in.timeMs = timeMs;
    in.source = QStringLiteral("monitor");
}

void News2Tracker::enter(NewsParam p, double value, qint64 timeMs, const QString &user)
{
    NewsInput &in = m_inputs[std::size_t(p)];
    in.value = value;
    in.timeMs = timeMs;
    in.source = QStringLiteral("nurse ") + user;
}

void News2Tracker::setScale2(bool on, const QString &user, qint64 timeMs)
{
    m_scale2 = on;
    m_scale2By = on ? user + QLatin1Char(' ') +
                          QDateTime::fromMSecsSinceEpoch(timeMs).toString(QStringLiteral("dd MMM HH:mm"))
                    : QString();
}

const News2Snapshot &News2Tracker::update(qint64 nowMs)
{
    News2Snapshot s;
    s.timeMs = nowMs;
    s.inputs = m_inputs;
    s.scale2 = m_scale2;
    s.scale2By = m_scale2By;
    std::array<int, kNewsParamCount> sub{};
    const bool onO2 =
        m_inputs[int(NewsParam::Oxygen)].present() && m_inputs[int(NewsParam::Oxygen)].value > 0.5;
    for (int i = 0; i < kNewsParamCount; ++i) {
        const NewsInput &in = m_inputs[std::size_t(i)];
        s.stale[std::size_t(i)] =
            in.present() && double(nowMs - in.timeMs) > m_config.maxAgeS[std::size_t(i)] * 1000.0;
        if (!in.present() || s.stale[std::size_t(i)]) {
            sub[std::size_t(i)] = -1;
            continue;
        }
        const double v = in.value;
        switch (static_cast<NewsParam>(i)) {
        case NewsParam::Rr:
            sub[std::size_t(i)] = scoreRr(v);
            break;
        case NewsParam::SpO2:
            // Scale 2 judges "on oxygen" too; an unknown O2 state leaves the score incomplete anyway.
            sub[std::size_t(i)] = m_scale2 ? scoreSpO2Scale2(v, onO2) : scoreSpO2Scale1(v);
            break;
        case NewsParam::Oxygen:
            sub[std::size_t(i)] = scoreOxygen(v > 0.5);
            break;
        case NewsParam::SysBp:
            sub[std::size_t(i)] = scoreSysBp(v);
            break;
        case NewsParam::Pulse:
            sub[std::size_t(i)] = scorePulse(v);
            break;
        case NewsParam::Consciousness:
            sub[std::size_t(i)] = scoreConsciousness(static_cast<Acvpu>(std::clamp(int(v), 0, 4)));
            break;
        case NewsParam::Temp:
            sub[std::size_t(i)] = scoreTemp(v);
            break;
        case NewsParam::Count:
            break;
        }
    }
    s.score = aggregate(sub);
    if (s.score.complete)
        keepVital(m_scores, s.score.total, nowMs);
    if (s.score.complete) {
        if (m_history.empty() || m_history.back().total != s.score.total ||
            nowMs - m_history.back().timeMs >= 300'000)
            m_history.push_back({nowMs, s.score.total});
        const qint64 keep =
            static_cast<qint64>(std::max(m_config.trendWindowS, m_config.deteriorationWindowS) * 1000) +
            600'000;
        while (m_history.size() > 1 && m_history.front().timeMs < nowMs - keep)
            m_history.pop_front();
        // Trend: the score now against the newest complete score at least trendWindow old (or the oldest).
        const qint64 back = nowMs - static_cast<qint64>(m_config.trendWindowS * 1000);
        std::optional<int> then;
        for (const Point &p : m_history)
            if (p.timeMs <= back)
                then = p.total;
        if (!then && m_history.size() > 1 && m_history.front().timeMs < nowMs - 600'000)
            then = m_history.front().total;
        if (then)
            s.trend = s.score.total > *then ? 1 : s.score.total < *then ? -1 : 0;
    }
    m_last = std::move(s);
    return m_last;
}

QString News2Tracker::deterioration(qint64 nowMs) const
{
    const qint64 window = static_cast<qint64>(m_config.deteriorationWindowS * 1000);
    const qint64 from = nowMs - window;
    QStringList evidence;
    auto minutes = [](qint64 ms) { return QString::number(ms / 60'000) + QStringLiteral(" min"); };
    // Single vitals: median of the first and of the last fifth of the window (needs 3/4 of the window
    // covered).
    auto ends = [&](const std::deque<VitalPoint> &d, double *first, double *lastV) {
        std::vector<double> a, b;
        if (d.empty() || d.front().timeMs > from + window / 4)
            return false;
        for (const VitalPoint &p : d) {
            if (p.timeMs < from)
                continue;
            if (p.timeMs < from + window / 5)
                a.push_back(p.value);
            else if (p.timeMs >= nowMs - window / 5)
                b.push_back(p.value);
        }
        if (a.size() < 3 || b.size() < 3)
            return false;
        std::nth_element(a.begin(), a.begin() + long(a.size() / 2), a.end());
        std::nth_element(b.begin(), b.begin() + long(b.size() / 2), b.end());
        *first = a[a.size() / 2];
        *lastV = b[b.size() / 2];
        return true;
    };
    double f = 0, l = 0;
    // NEWS2: the same medians over the complete scores (one a minute), so one noisy reading that flips a
    // band edge for a minute is not a trend.
    if (ends(m_scores, &f, &l) && l - f >= m_config.deteriorationScoreRise)
        evidence << QStringLiteral("NEWS2 %1 -> %2 over %3")
                        .arg(f, 0, 'f', 0)
                        .arg(l, 0, 'f', 0)
                        .arg(minutes(window));
    if (ends(m_hr, &f, &l) && f > 0 && (l - f) / f >= m_config.deteriorationHrRise)
        evidence << QStringLiteral("HR %1 -> %2 (+%3 %)")
                        .arg(f, 0, 'f', 0)
                        .arg(l, 0, 'f', 0)
                        .arg((l - f) / f * 100, 0, 'f', 0);
    if (ends(m_spo2, &f, &l) && f - l >= m_config.deteriorationSpO2Fall)
        evidence << QStringLiteral("SpO2 %1 -> %2").arg(f, 0, 'f', 0).arg(l, 0, 'f', 0);
    return evidence.join(QStringLiteral("; "));
}

} // namespace vigil::scores
