// The alarm engine's lifecycle: the condition state machine (activate, end with or without latching,
// acknowledge, reset, de-escalate), evaluate() and its deadlines, escalation tiers, retirement to history,
// and the aggregates (priorities, the audio decision) derived from the live conditions.
#include "AlarmEngineInternal.h"
#include "AlarmText.h"

#include <algorithm>

namespace vigil::alarms {

using namespace detail;

// --- condition state machine ----------------------------------------------------------------------------

AlarmEngine::Cond *AlarmEngine::create(Origin origin, BedState *b, qint64 t)
{
    auto c = std::make_unique<Cond>();
    c->id = newId();
    c->origin = origin;
    c->bed = b;
    if (b) {
        c->bedKey = b->key;
        c->bedLabel = b->label;
        c->sourceId = b->sourceId;
    }
    c->startMs = t;
    Cond *raw = c.get();
    m_byId.insert(raw->id, raw);
    m_live.push_back(std::move(c));
    return raw;
}

void AlarmEngine::activate(Cond &c, qint64 t)
{
    c.state = State::Active;
    c.startMs = t;
    c.endMs = 0;
    c.signalSinceMs = t;
    c.acknowledged = false;
    c.acknowledgedBy.clear();
    c.acknowledgedMs = 0;
    c.resetBy.clear();
    c.resetMs = 0;
    c.escalationTier = 0;
    c.escalated = false;
    c.sentToAlertManager = false;
    c.escalatedMs = 0;
    c.delivery = Delivery::None;
    c.deliveryText.clear();
    c.deliveryMs = 0;
    c.supersededBy.clear();
    c.activationSeq = ++m_activationSeq;
    if (c.origin == Origin::Gateway && c.bed && !c.gwCounted) {
        c.gwCounted = true;
        if (c.numeric >= 0 && c.direction != Direction::None)
            ++c.bed->gwActive[c.numeric][c.dir];
        if (!c.gwCategory.isEmpty())
            ++c.bed->gwTech[c.gwCategory];
    }
    const auto &tiers = m_config.escalation[static_cast<int>(c.priority)];
    if (tiers.size() > 1)
        schedule(t + tiers[1].delayMs);
    changed();
}

void AlarmEngine::endCause(Cond &c, qint64 t, bool latch)
{
    if (c.state != State::Active)
        return;
    c.endMs = t;
    // A latching alarm keeps signalling so a transient event is not missed; once acknowledged it has been
    // seen, so it ends with its cause.
    c.state = (latch && !c.acknowledged) ? State::Latched : State::Inactive;
    if (c.numeric >= 0 && c.bed && c.origin == Origin::StationLimit &&
        c.bed->num[c.numeric].cond[c.dir] == &c)
        c.bed->num[c.numeric].cond[c.dir] = nullptr;
    if (c.slot && c.slot->cond == &c)
        c.slot->cond = nullptr;
    // activate() counts only a condition with a bed; saying so here lets the analyzer (and a reader) see
    // that c.bed, tested above, is set on this path.
    if (c.gwCounted && c.bed) {
        c.gwCounted = false;
        if (c.numeric >= 0 && c.direction != Direction::None)
            --c.bed->gwActive[c.numeric][c.dir];
        schedule(t); // the station's own limit check may take over again at the next evaluate()
        if (!c.gwCategory.isEmpty()) {
            // A technical condition the device still reports is the station's own again, at once.
            --c.bed->gwTech[c.gwCategory];
            const auto it = c.bed->tech.find(c.gwCategory);
            if (it != c.bed->tech.end())
                retryTech(c.bed, *it->second, c.gwCategory, t);
            if (c.bed->gwTech.value(c.gwCategory) == 0)
                explanationEnded(*c.bed, c.gwCategory, c.parameter, t);
        }
    }
    if (c.state == State::Inactive && c.origin == Origin::Gateway)
        m_gatewayById.remove(c.gatewayAlarmId);
    deescalate(c, t, true);
    if (c.state == State::Inactive)
        schedule(t + m_config.recentWindowMs);
    changed();
}

void AlarmEngine::deescalate(Cond &c, qint64 t, bool ended)
{
    if (c.sentToAlertManager)
        queueAction(c, ended ? EscalationAction::Type::End : EscalationAction::Type::DeEscalate, t, t);
    c.sentToAlertManager = false;
    c.escalationTier = 0;
    c.escalated = false;
    if (c.delivery == Delivery::Pending)
        c.deliveryDeadlineMs = 0;
}

void AlarmEngine::doAcknowledge(Cond &c, const QString &user, qint64 t)
{
    c.acknowledged = true;
    c.acknowledgedBy = user;
    c.acknowledgedMs = t;
    if (c.state == State::Latched) {
        doReset(c, user, t);
        return;
    }
    deescalate(c, t, false);
    changed();
}

void AlarmEngine::doReset(Cond &c, const QString &user, qint64 t)
{
    c.state = State::Inactive;
    c.resetBy = user;
    c.resetMs = t;
    if (c.origin == Origin::Gateway)
        m_gatewayById.remove(c.gatewayAlarmId);
    schedule(t + m_config.recentWindowMs);
    changed();
}

void AlarmEngine::queueAction(Cond &c, EscalationAction::Type type, qint64 due, qint64 t)
{
    EscalationAction a;
    a.seq = ++m_actionSeq;
    a.type = type;
    a.alarmId = c.id;
    a.tier = c.escalationTier;
    a.dueMs = due;
    a.timeMs = t;
    a.condition = snapshot(c);
    // Bounded: if nobody drains the queue the oldest requests are the least useful ones.
    if (m_actions.size() >= 10000)
        m_actions.erase(m_actions.begin());
    m_actions.push_back(std::move(a));
}

// --- time
// ---------------------------------------------------------------------------------------------------

void AlarmEngine::evaluate(qint64 nowMs)
{
    m_lastNow = nowMs;
    if (nowMs >= m_nextDeadlineMs)
        scan(nowMs);
}

void AlarmEngine::escalate(Cond &c, qint64 t)
{
    const auto &tiers = m_config.escalation[static_cast<int>(c.priority)];
    std::size_t next = static_cast<std::size_t>(c.escalationTier) + 1;
    while (next < tiers.size()) {
        const qint64 due = c.signalSinceMs + tiers[next].delayMs;
        if (t < due) {
            schedule(due);
            break;
        }
        c.escalationTier = static_cast<int>(next);
        c.maxTierReached = std::max(c.maxTierReached, c.escalationTier);
        c.escalatedMs = t;
        if (tiers[next].action != TierAction::Local)
            c.escalated = true;
        // Nothing goes to an alert manager the ward does not have, and the alert manager's own failure is
        // never sent to it (that would nest "no reply for: no reply for ...").
        const bool toAlertManager = tiers[next].action == TierAction::AlertManager &&
                                    m_config.alertManagerAvailable && c.code != tech::AlertManagerFailed;
        if (toAlertManager && !c.sentToAlertManager) {
            c.sentToAlertManager = true;
            c.delivery = Delivery::Pending;
            c.deliveryText.clear();
            c.deliveryMs = t;
            c.deliveryDeadlineMs = t + m_config.deliveryTimeoutMs;
            queueAction(c, EscalationAction::Type::Escalate, due, t);
            schedule(c.deliveryDeadlineMs);
        }
        changed();
        ++next;
    }
}

void AlarmEngine::scan(qint64 t)
{
    m_nextDeadlineMs = kNever;

    if (m_audioPaused) {
        if (t >= m_audioPauseEndsMs) {
            m_audioPaused = false;
            changed();
        } else {
            schedule(m_audioPauseEndsMs);
        }
    }

    for (auto it = m_sources.begin(); it != m_sources.end(); ++it) {
        SourceState &s = *it->second;
        if (s.lastHeartbeat == 0 || s.down)
            continue;
        const qint64 due = s.lastHeartbeat + s.timeoutMs + m_config.heartbeatGraceMs + 1;
        if (t >= due) {
            s.down = true;
            setTech(nullptr, it->first, tech::LinkDown,
                    alarmText("Gateway %1: no heartbeat for %2 s",
                              {it->first, QString::number((t - s.lastHeartbeat) / 1000)}),
                    kWatchdog, true, t);
        } else {
            schedule(due);
        }
    }

    for (auto &bp : m_beds) {
        BedState &b = *bp;
        if (b.pausedUntil != 0) {
            if (t >= b.pausedUntil) {
                // Escalation counts unacknowledged time while signalling, so it restarts when the pause ends.
                for (auto &c : m_live)
                    if (c->bed == &b && c->state == State::Active)
                        c->signalSinceMs = std::max(c->signalSinceMs, b.pausedUntil);
                b.pausedUntil = 0;
                changed();
            } else {
                schedule(b.pausedUntil);
            }
        }
        for (int n = 0; n < kNumericCount; ++n) {
            auto &ns = b.num[n];
            if (!ns.seen || ns.stale)
                continue;
            const qint64 staleAt = ns.lastRx + static_cast<qint64>(kNumerics[n].stalePeriodS * 1000) + 1;
            if (t >= staleAt) {
                ns.stale = true;
                ns.value = std::nan("");
                ns.pendingSince = {0, 0};
                // The value can no longer be judged; a latching alarm stays so the episode is not lost.
                for (int dir = 0; dir < 2; ++dir)
                    if (Cond *c = ns.cond[dir])
                        endCause(*c, t, c->latching);
                // A numeric that stops while the bed's other data flows is its own condition. When the
                // whole bed falls silent (no data, a gateway outage) that is one story, told once by
                // NO DATA or LINK DOWN: no condition per numeric.
                if (m_config.parameters[n].staleAlarm && bedFlowing(b, n, t))
                    setTech(&b, b.key, tech::StalePrefix + numericKey(n), {}, kInternal, true, t);
                continue;
            }
            schedule(staleAt);
            for (int dir = 0; dir < 2; ++dir) {
                if (ns.pendingSince[dir] == 0 || ns.cond[dir] || b.deviceGoverned[n])
                    continue;
                const qint64 due = ns.pendingSince[dir] + m_config.parameters[n].delayMs;
                if (t < due) {
                    schedule(due);
                    continue;
                }
                const double limit = dir ? b.limits[n].high : b.limits[n].low;
                const bool violating = !std::isnan(limit) && (dir ? ns.value > limit : ns.value < limit);
                if (!violating)
                    ns.pendingSince[dir] = 0;
                else if (b.gwActive[n][dir] == 0)
                    raiseLimit(b, n, dir, t);
            }
        }
        for (auto &[code, slot] : b.tech) {
            if (slot->origins && !slot->cond)
                retryTech(&b, *slot, code, t);
            // Explained since it was raised (the link went down, the bed stopped): one story, one condition.
            else if (slot->cond && slot->cond->state == State::Active && techSuppressed(&b, code)) {
                slot->cond->supersededBy = QStringLiteral("explained");
                endCause(*slot->cond, t, false);
            }
        }
    }

    int inactive = 0;
    for (std::size_t i = m_live.size(); i-- > 0;) {
        Cond &c = *m_live[i];
        if (c.state == State::Inactive) {
            const qint64 until = std::max(c.endMs, c.resetMs) + m_config.recentWindowMs;
            if (t >= until) {
                retire(i);
                continue;
            }
            schedule(until);
            ++inactive;
        }
        if (c.delivery == Delivery::Pending && c.deliveryDeadlineMs > 0) {
            if (t >= c.deliveryDeadlineMs) {
                c.deliveryDeadlineMs = 0;
                c.delivery = Delivery::Failed;
                c.deliveryText =
                    QStringLiteral("no reply within %1 s").arg(m_config.deliveryTimeoutMs / 1000);
                c.deliveryMs = t;
                setTech(nullptr, kAlertManagerScope, tech::AlertManagerFailed,
                        alarmText("Alert manager: no reply for %1 %2", {c.bedLabel, c.text}), kInternal, true,
                        t);
                changed();
            } else {
                schedule(c.deliveryDeadlineMs);
            }
        }
        if (c.state == State::Active && !c.acknowledged && c.priority != Priority::None &&
            !bedPaused(c.bed, t))
            escalate(c, t);
    }
    if (inactive > m_config.recentMax) {
        std::vector<std::pair<qint64, Cond *>> old;
        for (auto &c : m_live)
            if (c->state == State::Inactive)
                old.emplace_back(std::max(c->endMs, c->resetMs), c.get());
        std::sort(old.begin(), old.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        old.resize(old.size() - static_cast<std::size_t>(m_config.recentMax));
        for (const auto &o : old)
            for (std::size_t i = 0; i < m_live.size(); ++i)
                if (m_live[i].get() == o.second) {
                    retire(i);
                    break;
                }
    }
}

void AlarmEngine::retire(std::size_t index)
{
    Cond *c = m_live[index].get();
    m_history.push_back(snapshot(*c));
    while (static_cast<int>(m_history.size()) > m_config.historyMax)
        m_history.pop_front();
    m_byId.remove(c->id);
    if (c->origin == Origin::Gateway && m_gatewayById.value(c->gatewayAlarmId) == c)
        m_gatewayById.remove(c->gatewayAlarmId);
    if (c->bed && c->numeric >= 0 && c->origin == Origin::StationLimit) {
        auto &ns = c->bed->num[c->numeric];
        if (ns.last[c->dir] == c)
            ns.last[c->dir] = nullptr;
        if (ns.cond[c->dir] == c)
            ns.cond[c->dir] = nullptr;
    }
    if (c->slot) {
        if (c->slot->last == c)
            c->slot->last = nullptr;
        if (c->slot->cond == c)
            c->slot->cond = nullptr;
    }
    if (index + 1 != m_live.size())
        std::swap(m_live[index], m_live.back());
    m_live.pop_back();
    changed();
}

void AlarmEngine::recomputeAggregates(qint64 t) const
{
    m_aggregatesDirty = false;
    for (auto &b : m_beds) {
        b->status = {};
        b->status.alarmPaused = b->pausedUntil > t;
        b->status.alarmPauseEndsMs = b->status.alarmPaused ? b->pausedUntil : 0;
    }
    Priority highest = Priority::None;
    bool anyEscalated = false;
    Priority audible = Priority::None;
    std::array<bool, kPriorityCount> escalatedAt{};
    quint64 bestSeq = 0;
    quint64 maxSeq = 0;
    QString bestId;
    for (const auto &cp : m_live) {
        const Cond &c = *cp;
        if (!c.isSignalling())
            continue;
        // ALARM PAUSED: the bed shows "paused" and its countdown instead of its alarms.
        if (bedPaused(c.bed, t))
            continue;
        if (c.bed) {
            BedAlarmStatus &s = c.bed->status;
            s.highest = std::max(s.highest, c.priority);
            ++s.signalling;
            s.escalated = s.escalated || c.escalated || c.gatewayEscalated;
        }
        highest = std::max(highest, c.priority);
        // The ESCALATED banner also shows what a gateway or another station escalated (issue 16: a
        // remote bed's escalation shows on every station of the care group); the loudness stays local.
        anyEscalated = anyEscalated || c.escalated || c.gatewayEscalated;
        if (c.acknowledged)
            continue;
        // AUDIO PAUSED silences what was sounding; only a new condition of higher priority breaks through.
        if (m_audioPaused && !(c.activationSeq > m_audioPauseSeq && c.priority > m_pausedPriority))
            continue;
        escalatedAt[static_cast<int>(c.priority)] = escalatedAt[static_cast<int>(c.priority)] || c.escalated;
        maxSeq = std::max(maxSeq, c.activationSeq);
        if (c.priority > audible || (c.priority == audible && c.activationSeq > bestSeq)) {
            audible = c.priority;
            bestSeq = c.activationSeq;
            bestId = c.id;
        }
    }
    m_highest = highest;
    m_anyEscalated = anyEscalated;
    AudioDecision a;
    a.priority = audible;
    a.escalated = escalatedAt[static_cast<int>(audible)];
    switch (audible) {
    case Priority::None:
        a.pattern = AudioPattern::None;
        break;
    case Priority::Low:
        a.pattern = AudioPattern::Low;
        break;
    case Priority::Medium:
        a.pattern = a.escalated ? AudioPattern::MediumEscalated : AudioPattern::Medium;
        break;
    case Priority::High:
        a.pattern = a.escalated ? AudioPattern::HighEscalated : AudioPattern::High;
        break;
    }
    a.alarmId = bestId;
    a.generation = m_audio.generation + (maxSeq > m_maxAudibleSeq ? 1 : 0);
    m_maxAudibleSeq = std::max(m_maxAudibleSeq, maxSeq);
    a.paused = m_audioPaused;
    a.pauseEndsMs = m_audioPaused ? m_audioPauseEndsMs : 0;
    a.pausedPriority = m_audioPaused ? m_pausedPriority : Priority::None;
    m_audio = a;
}

AudioDecision AlarmEngine::audio() const
{
    ensureAggregates();
    AudioDecision a = m_audio;
    if (a.paused)
        a.pauseRemainingS = static_cast<int>(std::max<qint64>(0, (a.pauseEndsMs - m_lastNow + 999) / 1000));
    return a;
}

// --- alert manager queue ----------------------------------------------------------------------------------

std::vector<EscalationAction> AlarmEngine::takeEscalationActions()
{
    std::vector<EscalationAction> out;
    out.swap(m_actions);
    return out;
}

} // namespace vigil::alarms
