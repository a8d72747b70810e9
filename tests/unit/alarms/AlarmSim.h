// A virtual-clock harness for the alarm engine: time only moves when a test says so, numerics arrive at
// 1 Hz from "feeds", and evaluate() runs at a fixed tick or exactly at the engine's next deadline.
#pragma once

#include "AlarmEngine.h"
#include "Mdc.h"

#include <algorithm>
#include <vector>

namespace vigil::alarms::test {

inline constexpr qint64 kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z

struct Feed
{
    QString bed;
    NumericId id;
    double value;
    PatientProfile profile = PatientProfile::Adult;
};

class AlarmSim
{
public:
    explicit AlarmSim(AlarmConfig config = {}) : engine(withPrefix(std::move(config)), [this] { return now; })
    {}

    qint64 now = kT0;
    AlarmEngine engine;
    std::vector<Feed> feeds;
    qint64 nextFeedMs = kT0;

    // Sets (or replaces) a 1 Hz feed and delivers it right away.
    void feed(const QString &bed, NumericId id, double value, PatientProfile profile = PatientProfile::Adult)
    {
        for (Feed &f : feeds)
            if (f.bed == bed && f.id == id) {
                f.value = value;
                f.profile = profile;
                engine.onNumeric(bed, profile, {id, value, now});
                return;
            }
        feeds.push_back({bed, id, value, profile});
        engine.onNumeric(bed, profile, {id, value, now});
    }
    void stopFeed(const QString &bed, NumericId id)
    {
        std::erase_if(feeds, [&](const Feed &f) { return f.bed == bed && f.id == id; });
    }

    // Advances to t: feeds every second, evaluates every tickMs and at every engine deadline (as a
    // single-shot timer armed on nextDeadlineMs() would).
    void advanceTo(qint64 t, qint64 tickMs = 250, bool atDeadlines = true)
    {
        while (nextFeedMs <= now)
            nextFeedMs += 1000;
        qint64 nextTick = now + tickMs;
        while (now < t) {
            qint64 next = std::min({t, nextTick, nextFeedMs});
            if (atDeadlines && engine.nextDeadlineMs() > now)
                next = std::min(next, engine.nextDeadlineMs());
            now = next;
            if (now >= nextFeedMs) {
                for (const Feed &f : feeds)
                    engine.onNumeric(f.bed, f.profile, {f.id, f.value, now});
                nextFeedMs += 1000;
            }
            if (now >= nextTick)
                nextTick += tickMs;
            engine.evaluate(now);
        }
    }
    void advance(qint64 ms, qint64 tickMs = 250) { advanceTo(now + ms, tickMs); }

    const AlarmCondition *find(const QString &bed, const QString &code, bool liveOnly = true) const
    {
        const AlarmCondition *best = nullptr;
        for (const AlarmCondition &c : engine.conditions())
            if (c.bedKey == bed && c.code == code && (!liveOnly || c.state != State::Inactive))
                best = engine.condition(c.id);
        return best;
    }
    const AlarmCondition *findGateway(const QString &bed, const QString &code) const
    {
        for (const AlarmCondition &c : engine.conditions())
            if (c.bedKey == bed && c.code == code && c.origin == Origin::Gateway &&
                c.state != State::Inactive)
                return engine.condition(c.id);
        return nullptr;
    }
    const AlarmCondition *findStation(const QString &bed, const QString &code) const
    {
        for (const AlarmCondition &c : engine.conditions())
            if (c.bedKey == bed && c.code == code && c.origin != Origin::Gateway &&
                c.state != State::Inactive)
                return engine.condition(c.id);
        return nullptr;
    }
    int countSignalling(const QString &bed = {}) const
    {
        int n = 0;
        for (const AlarmCondition &c : engine.conditions())
            if ((bed.isEmpty() || c.bedKey == bed) && c.state != State::Inactive)
                ++n;
        return n;
    }

private:
    static AlarmConfig withPrefix(AlarmConfig c)
    {
        c.idPrefix = QStringLiteral("T");
        return c;
    }
};

inline GatewayAlarmEvent gatewayHrHigh(const QString &alarmId, const QString &bed, Phase phase,
                                       double value = 135)
{
    GatewayAlarmEvent e;
    e.sourceId = QStringLiteral("gw1");
    e.alarmId = alarmId;
    e.bedKey = bed;
    e.eventCode = 196648;
    e.eventRefId = QStringLiteral("MDC_EVT_HI");
    e.eventText = QStringLiteral("HR HIGH");
    e.sourceMetricCode = 147842;
    e.sourceMetricRefId = QStringLiteral("MDC_ECG_HEART_RATE");
    e.value = value;
    e.limitLow = 50;
    e.limitHigh = 120;
    e.phase = phase;
    e.state = phase == Phase::End ? ReportedState::Inactive : ReportedState::Active;
    e.inactivation = Inactivation::Enabled;
    e.priority = Priority::Medium;
    e.kind = Kind::Physiological;
    e.decideMeaning(); // as the PCD decoder does
    return e;
}

} // namespace vigil::alarms::test
