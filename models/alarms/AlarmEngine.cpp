// The alarm engine: construction, configuration, the bed registry and the audit trail. The rest of the
// engine is split by seam (inputs, lifecycle, user actions, report): see AlarmEngineInternal.h.
#include "AlarmEngineInternal.h"

#include <QDateTime>

namespace vigil::alarms {

using namespace detail;

qint64 AlarmEngine::systemClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

AlarmEngine::AlarmEngine(AlarmConfig config, Clock clock)
    : m_config(std::move(config)), m_clock(std::move(clock))
{
    m_lastNow = m_clock();
    // Ids must not repeat across restarts: the alert manager correlates escalations by them.
    m_idPrefix =
        m_config.idPrefix.isEmpty() ? QString::number(m_lastNow / 1000, 36).toUpper() : m_config.idPrefix;
}

AlarmEngine::~AlarmEngine() = default;

void AlarmEngine::setConfig(const AlarmConfig &config)
{
    const qint64 t = now();
    m_lastNow = t;
    m_config = config;
    for (auto &b : m_beds) {
        if (b->customLimits)
            continue;
        for (int n = 0; n < kNumericCount; ++n)
            b->limits[n] = m_config.defaultLimit(b->profile, static_cast<NumericId>(n));
        for (int n = 0; n < kNumericCount; ++n)
            if (!b->num[n].stale && b->num[n].seen)
                checkNumeric(*b, n, t);
    }
    changed();
    schedule(t);
}

AlarmEngine::BedState &AlarmEngine::bed(const QString &key, const QString &label)
{
    if (BedState *b = m_bedIndex.value(key))
        return *b;
    auto b = std::make_unique<BedState>();
    b->key = key;
    b->label = label.isEmpty() ? key : label;
    for (int n = 0; n < kNumericCount; ++n)
        b->limits[n] = m_config.defaultLimit(b->profile, static_cast<NumericId>(n));
    BedState *raw = b.get();
    m_beds.push_back(std::move(b));
    m_bedIndex.insert(key, raw);
    return *raw;
}

AlarmEngine::BedState *AlarmEngine::findBed(const QString &key) const
{
    return m_bedIndex.value(key);
}

void AlarmEngine::setBed(const QString &bedKey, const QString &label, PatientProfile profile,
                         const QString &sourceId)
{
    const qint64 t = now();
    m_lastNow = t;
    BedState &b = bed(bedKey, label);
    if (!label.isEmpty())
        b.label = label;
    b.sourceId = sourceId;
    if (b.profile != profile) {
        b.profile = profile;
        b.customLimits = false;
        for (int n = 0; n < kNumericCount; ++n)
            b.limits[n] = m_config.defaultLimit(profile, static_cast<NumericId>(n));
        changed();
    }
}

QString AlarmEngine::newId()
{
    return QStringLiteral("%1-%2").arg(m_idPrefix).arg(++m_seq);
}

void AlarmEngine::audit(qint64 t, const QString &user, const QString &action, const QString &bedKey,
                        const QString &alarmId, const QString &detail)
{
    m_audit.push_back({t, user, action, bedKey, alarmId, detail});
    while (static_cast<int>(m_audit.size()) > m_config.auditMax)
        m_audit.pop_front();
    ++m_revision;
}

} // namespace vigil::alarms
