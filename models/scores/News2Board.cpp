// NEWS2 for the ward (see News2Board.h).
#include "News2Board.h"

#include <QDateTime>
#include <QVariantList>

namespace vigil::scores {

namespace {
// Plausible ranges for a nurse's entry (a typo must not become a score).
bool plausible(NewsParam p, double v)
{
    switch (p) {
    case NewsParam::Rr:
        return v >= 0 && v <= 80;
    case NewsParam::SpO2:
        return v >= 50 && v <= 100;
    case NewsParam::SysBp:
        return v >= 30 && v <= 300;
    case NewsParam::Pulse:
        return v >= 0 && v <= 300;
    case NewsParam::Temp:
        return v >= 25 && v <= 45;
    case NewsParam::Oxygen:
        return v == 0 || v == 1;
    case NewsParam::Consciousness:
        return v >= 0 && v <= 4;
    case NewsParam::Count:
        break;
    }
    return false;
}
} // namespace

News2Board::News2Board(User user, QObject *parent, Clock clock)
    : QObject(parent), m_user(std::move(user)), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

void News2Board::setConfig(const News2Config &c)
{
    m_config = c;
    for (auto &t : m_beds)
        t->setConfig(c);
}

News2Tracker &News2Board::bed(const QString &key)
{
    auto &slot = m_beds[key];
    if (!slot) {
        slot = std::make_shared<News2Tracker>(m_config);
        m_order << key;
    }
    return *slot;
}

void News2Board::onNumerics(const QString &bedKey, std::span<const NumericSample> samples)
{
    if (!m_config.enabled)
        return;
    News2Tracker &t = bed(bedKey);
    for (const NumericSample &s : samples)
        t.onNumeric(s.id, s.value, s.timeMs);
}

void News2Board::update(qint64 nowMs)
{
    if (!m_config.enabled)
        return;
    for (auto &t : m_beds)
        t->update(nowMs);
}

const News2Snapshot *News2Board::snapshot(const QString &bedKey) const
{
    const auto it = m_beds.find(bedKey);
    return it == m_beds.end() ? nullptr : &(*it)->last();
}

const News2Tracker *News2Board::tracker(const QString &bedKey) const
{
    const auto it = m_beds.find(bedKey);
    return it == m_beds.end() ? nullptr : it->get();
}

namespace {
// The detail rows in the UI language (the domain's labels and missingText() stay English: they go into the
// archive and the EHR's notes).
QString labelText(NewsParam p)
{
    switch (p) {
    case NewsParam::Rr:
        //: NEWS2 parameter: respiration rate (breaths per minute). Short: a narrow column.
        return News2Board::tr("Resp rate");
    case NewsParam::SpO2:
        //: NEWS2 parameter: oxygen saturation; keep the abbreviation SpO2
        return News2Board::tr("SpO2");
    case NewsParam::Oxygen:
        //: NEWS2 parameter: is the patient breathing room air or given supplemental oxygen (O2)?
        return News2Board::tr("Air/O2");
    case NewsParam::SysBp:
        //: NEWS2 parameter: systolic blood pressure. Short: a narrow column.
        return News2Board::tr("Sys BP");
    case NewsParam::Pulse:
        //: NEWS2 parameter: pulse (heart rate)
        return News2Board::tr("Pulse");
    case NewsParam::Consciousness:
        //: NEWS2 parameter: level of consciousness on the ACVPU scale; keep the abbreviation ACVPU
        return News2Board::tr("ACVPU");
    case NewsParam::Temp:
        //: NEWS2 parameter: body temperature. Short: a narrow column.
        return News2Board::tr("Temp");
    case NewsParam::Count:
        break;
    }
    return newsParamLabel(p);
}

QString responseText(NewsResponse r)
{
    switch (r) {
    case NewsResponse::Zero:
        //: NEWS2 clinical response for a total of 0: routine monitoring
        return News2Board::tr("routine");
    case NewsResponse::Low:
        //: NEWS2 clinical response "low" (total 1-4): ward-based response
        return News2Board::tr("low");
    case NewsResponse::LowMedium:
        //: NEWS2 clinical response "low-medium" (a 3 in one parameter): urgent ward-based response
        return News2Board::tr("low-medium");
    case NewsResponse::Medium:
        //: NEWS2 clinical response "medium" (total 5-6): urgent response
        return News2Board::tr("medium");
    case NewsResponse::High:
        //: NEWS2 clinical response "high" (total 7 or more): emergency response
        return News2Board::tr("high");
    }
    return {};
}

QString sourceText(const QString &source)
{
    if (source == QLatin1String("monitor"))
        //: Where a NEWS2 value came from: the bedside monitor (not entered by hand)
        return News2Board::tr("monitor");
    if (source.startsWith(QLatin1String("nurse ")))
        //: Where a NEWS2 value came from: entered by the nurse %1 (a user name)
        return News2Board::tr("nurse %1").arg(source.mid(6));
    return source;
}

QString missingDisplay(const News2Snapshot &s)
{
    QStringList parts;
    for (int i = 0; i < kNewsParamCount; ++i) {
        const QString label = labelText(static_cast<NewsParam>(i));
        if (!s.inputs[std::size_t(i)].present())
            //: NEWS2: this parameter (%1) has no value, so the score is incomplete
            parts << News2Board::tr("%1 missing").arg(label);
        else if (s.stale[std::size_t(i)])
            //: NEWS2: this parameter's (%1) value is too old to count
            parts << News2Board::tr("%1 stale").arg(label);
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

QVariantMap News2Board::details(const QString &bedKey) const
{
    QVariantMap m;
    const News2Snapshot *s = snapshot(bedKey);
    if (!s)
        return m;
    m[QStringLiteral("total")] = s->score.total;
    m[QStringLiteral("complete")] = s->score.complete;
    m[QStringLiteral("response")] = nameOf(s->score.response);
    m[QStringLiteral("responseText")] = responseText(s->score.response);
    m[QStringLiteral("trend")] = s->trend;
    m[QStringLiteral("missing")] = missingDisplay(*s);
    m[QStringLiteral("scale2")] = s->scale2;
    m[QStringLiteral("scale2By")] = s->scale2By;
    const News2Tracker *t = tracker(bedKey);
    m[QStringLiteral("deterioration")] = t ? t->deterioration(s->timeMs) : QString();
    QVariantList params;
    for (int i = 0; i < kNewsParamCount; ++i) {
        const auto p = static_cast<NewsParam>(i);
        const NewsInput &in = s->inputs[std::size_t(i)];
        QVariantMap r;
        r[QStringLiteral("key")] = newsParamKey(p);
        r[QStringLiteral("label")] = labelText(p);
        r[QStringLiteral("value")] = in.value;
        QString text = QStringLiteral("--");
        if (in.present()) {
            if (p == NewsParam::Oxygen)
                //: NEWS2: the patient is given supplemental oxygen (O2) / breathes room air
                text = in.value > 0.5 ? tr("O2") : tr("Air");
            else if (p == NewsParam::Consciousness)
                text = acvpuKey(static_cast<Acvpu>(std::clamp(int(in.value), 0, 4)));
            else
                text = QString::number(in.value, 'f', p == NewsParam::Temp ? 1 : 0);
        }
        r[QStringLiteral("text")] = text;
        r[QStringLiteral("sub")] = s->score.sub[std::size_t(i)];
        r[QStringLiteral("stale")] = s->stale[std::size_t(i)];
        r[QStringLiteral("missing")] = !in.present();
        r[QStringLiteral("time")] =
            in.present() ? QDateTime::fromMSecsSinceEpoch(in.timeMs).toString(QStringLiteral("HH:mm"))
                         : QString();
        r[QStringLiteral("source")] = sourceText(in.source);
        params << r;
    }
    m[QStringLiteral("params")] = params;
    return m;
}

QString News2Board::record(const QString &bedKey, NewsParam p, double value)
{
    if (bedKey.isEmpty())
        return tr("No bed");
    if (!plausible(p, value))
        return tr("%1: %2 is not plausible").arg(newsParamLabel(p)).arg(value);
    const qint64 now = m_clock();
    bed(bedKey).enter(p, value, now, m_user());
    bed(bedKey).update(now);
    emit entered(bedKey);
    return {};
}

QString News2Board::enterValue(const QString &bedKey, const QString &paramKey, double value)
{
    const auto p = newsParamFromKey(paramKey);
    if (!p)
        return tr("Unknown parameter %1").arg(paramKey);
    return record(bedKey, *p, value);
}

QString News2Board::setConsciousness(const QString &bedKey, const QString &acvpu)
{
    const auto a = acvpuFromKey(acvpu);
    if (!a)
        return tr("ACVPU is one of A C V P U");
    return record(bedKey, NewsParam::Consciousness, double(*a));
}

QString News2Board::setOxygen(const QString &bedKey, bool onOxygen)
{
    return record(bedKey, NewsParam::Oxygen, onOxygen ? 1 : 0);
}

QString News2Board::setScale2(const QString &bedKey, bool scale2)
{
    if (bedKey.isEmpty())
        return tr("No bed");
    QString why;
    if (m_scaleGate && !m_scaleGate(bedKey, bed(bedKey).scale2(), scale2, &why))
        return why;
    const qint64 now = m_clock();
    bed(bedKey).setScale2(scale2, m_user(), now);
    bed(bedKey).update(now);
    emit entered(bedKey);
    return {};
}

} // namespace vigil::scores
