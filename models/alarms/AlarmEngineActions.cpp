// The alarm engine's user actions, each audited: acknowledge, audio pause, alarm pause per bed, reset,
// alarm limits; and the limit queries the limits panel reads.
#include "AlarmEngineInternal.h"

#include <algorithm>

namespace vigil::alarms {

using namespace detail;

namespace {

QString formatValue(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("off") : QString::number(v, 'f', decimals);
}

} // namespace

// --- user actions -----------------------------------------------------------------------------------------

bool AlarmEngine::acknowledge(const QString &alarmId, const QString &user)
{
    const qint64 t = now();
    m_lastNow = t;
    Cond *c = m_byId.value(alarmId);
    if (!c || c->state == State::Inactive || (c->acknowledged && c->state == State::Active))
        return false;
    doAcknowledge(*c, user, t);
    audit(t, user, QStringLiteral("acknowledge"), c->bedKey, c->id, c->text);
    return true;
}

int AlarmEngine::acknowledgeBed(const QString &bedKey, const QString &user)
{
    const qint64 t = now();
    m_lastNow = t;
    int n = 0;
    // Copy first: acknowledging a latched condition may change nothing in m_live, but keep the loop simple.
    std::vector<Cond *> targets;
    for (auto &c : m_live)
        if (c->bedKey == bedKey && c->isSignalling() && !(c->acknowledged && c->state == State::Active))
            targets.push_back(c.get());
    for (Cond *c : targets) {
        doAcknowledge(*c, user, t);
        ++n;
    }
    audit(t, user, QStringLiteral("acknowledge_bed"), bedKey, {}, QStringLiteral("%1 alarm(s)").arg(n));
    return n;
}

bool AlarmEngine::pauseAudio(const QString &user, int seconds)
{
    const qint64 t = now();
    m_lastNow = t;
    ensureAggregates();
    const qint64 dur =
        seconds > 0 ? std::min<qint64>(seconds * 1000LL, m_config.audioPauseMaxMs) : m_config.audioPauseMs;
    // Paused priority: what was sounding when the user pressed the key (extended if a pause is renewed).
    m_pausedPriority = m_audioPaused ? std::max(m_pausedPriority, m_audio.priority) : m_audio.priority;
    m_audioPaused = true;
    m_audioPauseEndsMs = t + dur;
    m_audioPauseSeq = m_activationSeq;
    schedule(m_audioPauseEndsMs);
    changed();
    audit(t, user, QStringLiteral("audio_pause"), {}, {}, QStringLiteral("%1 s").arg(dur / 1000));
    return true;
}

void AlarmEngine::cancelAudioPause(const QString &user)
{
    const qint64 t = now();
    m_lastNow = t;
    if (m_audioPaused) {
        m_audioPaused = false;
        changed();
        audit(t, user, QStringLiteral("audio_pause_cancel"), {}, {}, {});
    }
}

bool AlarmEngine::pauseAlarms(const QString &bedKey, const QString &user, int seconds)
{
    const qint64 t = now();
    m_lastNow = t;
    BedState *b = findBed(bedKey);
    if (!b)
        return false;
    const qint64 dur =
        seconds > 0 ? std::min<qint64>(seconds * 1000LL, m_config.alarmPauseMaxMs) : m_config.alarmPauseMs;
    b->pausedUntil = t + dur;
    // Someone is at the bed: escalations of its alarms are withdrawn, as an acknowledgement would.
    for (auto &c : m_live)
        if (c->bed == b && c->state == State::Active && c->escalationTier > 0)
            deescalate(*c, t, false);
    schedule(b->pausedUntil);
    changed();
    audit(t, user, QStringLiteral("alarm_pause"), bedKey, {}, QStringLiteral("%1 s").arg(dur / 1000));
    return true;
}

void AlarmEngine::resumeAlarms(const QString &bedKey, const QString &user)
{
    const qint64 t = now();
    m_lastNow = t;
    BedState *b = findBed(bedKey);
    if (b && b->pausedUntil > t) {
        b->pausedUntil = 0;
        for (auto &c : m_live)
            if (c->bed == b && c->state == State::Active)
                c->signalSinceMs = std::max(c->signalSinceMs, t);
        schedule(t);
        changed();
        audit(t, user, QStringLiteral("alarm_resume"), bedKey, {}, {});
    }
}

bool AlarmEngine::reset(const QString &alarmId, const QString &user)
{
    const qint64 t = now();
    m_lastNow = t;
    Cond *c = m_byId.value(alarmId);
    if (!c || c->state != State::Latched)
        return false;
    doReset(*c, user, t);
    audit(t, user, QStringLiteral("reset"), c->bedKey, c->id, c->text);
    return true;
}

int AlarmEngine::resetBed(const QString &bedKey, const QString &user)
{
    const qint64 t = now();
    m_lastNow = t;
    int n = 0;
    for (auto &c : m_live)
        if (c->bedKey == bedKey && c->state == State::Latched) {
            doReset(*c, user, t);
            ++n;
        }
    audit(t, user, QStringLiteral("reset_bed"), bedKey, {}, QStringLiteral("%1 alarm(s)").arg(n));
    return n;
}

bool AlarmEngine::setLimit(const QString &bedKey, NumericId id, double low, double high, const QString &user,
                           QString *error)
{
    const qint64 t = now();
    m_lastNow = t;
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const int n = static_cast<int>(id);
    if (n < 0 || n >= kNumericCount)
        return fail(QStringLiteral("unknown numeric"));
    if (std::isinf(low) || std::isinf(high))
        return fail(QStringLiteral("limits must be finite (NaN turns a side off)"));
    if (!std::isnan(low) && !std::isnan(high) && low >= high)
        return fail(QStringLiteral("the low limit must be below the high limit"));
    BedState &b = bed(bedKey);
    if (b.deviceGoverned[n])
        return fail(QStringLiteral("%1 alarms are set at the bedside monitor").arg(numericLabel(n)));
    const Limits old = b.limits[n];
    const Limits next{low, high};
    if (old == next)
        return true;
    const int dec = kNumerics[n].decimals;
    audit(t, user, QStringLiteral("set_limit"), bedKey, {},
          QStringLiteral("%1 %2-%3 -> %4-%5")
              .arg(numericKey(n), formatValue(old.low, dec), formatValue(old.high, dec),
                   formatValue(low, dec), formatValue(high, dec)));
    b.limits[n] = next;
    b.customLimits = true;
    auto &ns = b.num[n];
    for (int dir = 0; dir < 2; ++dir) {
        const double was = dir ? old.high : old.low;
        const double is = dir ? high : low;
        if ((std::isnan(was) && std::isnan(is)) || was == is)
            continue;
        ns.pendingSince[dir] = 0; // the condition delay runs afresh against the new limit
        if (std::isnan(is) && ns.cond[dir])
            endCause(*ns.cond[dir], t, false); // the user turned this alarm off
    }
    if (!ns.stale && ns.seen)
        checkNumeric(b, n, t);
    changed();
    return true;
}

void AlarmEngine::restoreDefaultLimits(const QString &bedKey, const QString &user)
{
    const qint64 t = now();
    m_lastNow = t;
    BedState &b = bed(bedKey);
    for (int n = 0; n < kNumericCount; ++n) {
        const Limits def = m_config.defaultLimit(b.profile, static_cast<NumericId>(n));
        if (b.limits[n] == def)
            continue;
        b.limits[n] = def;
        auto &ns = b.num[n];
        ns.pendingSince = {0, 0};
        for (int dir = 0; dir < 2; ++dir)
            if (ns.cond[dir] && std::isnan(dir ? def.high : def.low))
                endCause(*ns.cond[dir], t, false);
        if (!ns.stale && ns.seen)
            checkNumeric(b, n, t);
    }
    b.customLimits = false;
    audit(t, user, QStringLiteral("default_limits"), bedKey, {}, nameOf(b.profile));
    changed();
}

Limits AlarmEngine::limits(const QString &bedKey, NumericId id) const
{
    if (const BedState *b = findBed(bedKey)) {
        const int n = static_cast<int>(id);
        return b->deviceGoverned[n] ? b->deviceLimits[n] : b->limits[n];
    }
    return m_config.defaultLimit(PatientProfile::Adult, id);
}

bool AlarmEngine::deviceGoverns(const QString &bedKey, NumericId id) const
{
    const BedState *b = findBed(bedKey);
    return b && b->deviceGoverned[static_cast<int>(id)];
}

bool AlarmEngine::customLimits(const QString &bedKey) const
{
    const BedState *b = findBed(bedKey);
    return b && b->customLimits;
}

PatientProfile AlarmEngine::profile(const QString &bedKey) const
{
    const BedState *b = findBed(bedKey);
    return b ? b->profile : PatientProfile::Adult;
}

} // namespace vigil::alarms
