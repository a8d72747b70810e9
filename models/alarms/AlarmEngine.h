// The station's one alarm engine (IEC 60601-1-8 distributed alarm system).
//
// Fed by three sources: gateway alarms (PCD-04, by alarm id), the station's own limit checks on numerics,
// and technical conditions (link down, no data, stale numerics, lead/sensor off, waveform gaps). Produces
// the conditions with their state, the highest priority per bed and for the ward, the audio decision,
// escalations for the alert manager, an audit trail, history and statistics.
//
// Deterministic and single-threaded: the GUI thread calls every function. All times come from the
// injected clock (ms since the epoch); there are no timers inside. The owner calls evaluate() a few times a
// second (and, for exact escalation timing, when nextDeadlineMs() is reached) and after user actions.
#pragma once

#include "AlarmConfig.h"
#include "AlarmTypes.h"
#include "Ingest.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

namespace vigil::alarms {

enum class TechScope : quint8 { Bed, Source };

struct BedAlarmStatus
{
    Priority highest = Priority::None; // visual: highest signalling priority (acknowledged included)
    int signalling = 0;
    bool escalated = false;
    bool alarmPaused = false;
    qint64 alarmPauseEndsMs = 0;
};

struct AlarmStatistics
{
    struct BedDay
    {
        QString bedKey;
        QString day; // yyyy-MM-dd in the configured offset
        std::array<int, kPriorityCount> byPriority{};
        std::array<int, kKindCount> byKind{};
        int total = 0;
    };
    std::vector<BedDay> perBedPerDay; // sorted by bed then day
    std::array<int, kPriorityCount> byPriority{};
    std::array<int, kKindCount> byKind{};
    int total = 0;
    int acknowledged = 0;
    double medianAckS = std::nan(""); // time from signalling to acknowledgement
    double p90AckS = std::nan("");
    std::array<double, kPriorityCount> medianAckSByPriority{};
    int escalatedLocal = 0;
    int sentToAlertManager = 0;
    int deliveryFailures = 0;
    int latched = 0;
    int superseded = 0;                              // station-raised alarms a gateway report took over
    std::vector<std::pair<QString, int>> topSources; // "<bed label> <code>", most frequent first (10)
};

class AlarmEngine
{
public:
    using Clock = std::function<qint64()>;
    static qint64 systemClock();

    explicit AlarmEngine(AlarmConfig config = {}, Clock clock = &AlarmEngine::systemClock);
    ~AlarmEngine();
    AlarmEngine(const AlarmEngine &) = delete;
    AlarmEngine &operator=(const AlarmEngine &) = delete;

    const AlarmConfig &config() const { return m_config; }
    // New limits apply to beds whose limits are still their profile's defaults.
    void setConfig(const AlarmConfig &config);

    // --- beds -------------------------------------------------------------------------------------------
    // Optional: beds are also created on first mention. sourceId lets a link-down explain the bed's silence.
    void setBed(const QString &bedKey, const QString &label, PatientProfile profile,
                const QString &sourceId = {});

    // --- inputs -----------------------------------------------------------------------------------------
    // A profile different from the bed's current one resets its limits to that profile's defaults.
    void onNumerics(const QString &bedKey, PatientProfile profile, std::span<const NumericSample> samples);
    // One sample (kept on purpose for the unit and integration tests, which feed numerics one at a time).
    void onNumeric(const QString &bedKey, PatientProfile profile, const NumericSample &sample)
    {
        onNumerics(bedKey, profile, std::span<const NumericSample>(&sample, 1));
    }
    void onGatewayAlarm(const GatewayAlarmEvent &event);
    // key: a bed key (TechScope::Bed) or a source id (TechScope::Source). nowMs < 0: the clock.
    void onTechnical(TechScope scope, const QString &key, const QString &code, const QString &text,
                     bool active, qint64 nowMs = -1);
    // The bed's complete set of active device conditions (Bed::conditions after a drain): starts and ends
    // technical alarms for the difference since the previous call.
    void onDeviceConditions(const QString &bedKey, const std::vector<DeviceCondition> &active);
    // A condition the station derives itself (central ECG analysis, NEWS2 thresholds and trends), with
    // the kind and priority the caller gives and its own code and text (which say it is derived).
    // Level-triggered: call with the present state. While the bed's gateway reports the same condition (a
    // live gateway alarm whose code is `code` or one of deviceRefIds) the derived one is not raised, and one
    // already raised ends, superseded by it (duplicate suppression). Delays, acknowledgement, latching,
    // escalation and statistics are the engine's, as for every condition.
    void onDerivedCondition(const QString &bedKey, const QString &code, const QString &text, Kind kind,
                            Priority priority, bool active, double value = std::nan(""),
                            const QStringList &deviceRefIds = {}, qint64 nowMs = -1);

    // --- time -------------------------------------------------------------------------------------------
    void evaluate(qint64 nowMs);
    void evaluate() { evaluate(m_clock()); }
    // Earliest time something may change by itself (a delay ends, a tier is due, a pause expires); max()
    // when nothing is pending. It may be early (a numeric refreshed since), never late: arm a single-shot
    // timer on it for exact timing.
    qint64 nextDeadlineMs() const { return m_nextDeadlineMs; }

    // --- user actions (audited) -------------------------------------------------------------------------
    bool acknowledge(const QString &alarmId, const QString &user);
    int acknowledgeBed(const QString &bedKey, const QString &user);
    // seconds <= 0: the configured default; longer requests are clamped to the configured maximum.
    bool pauseAudio(const QString &user, int seconds = 0);
    void cancelAudioPause(const QString &user);
    bool pauseAlarms(const QString &bedKey, const QString &user, int seconds = 0);
    void resumeAlarms(const QString &bedKey, const QString &user);
    bool reset(const QString &alarmId, const QString &user); // latched -> inactive
    int resetBed(const QString &bedKey, const QString &user);
    // NaN turns a side off. Refuses low >= high. error (optional) says why.
    bool setLimit(const QString &bedKey, NumericId id, double low, double high, const QString &user,
                  QString *error = nullptr);
    void restoreDefaultLimits(const QString &bedKey, const QString &user);
    // The limits in force: the device's when it alarms on the parameter (deviceGoverns), else the station's.
    Limits limits(const QString &bedKey, NumericId id) const;
    // Whether the bed's device alarms on this parameter (it sent a PCD-04 alarm about it, or its limits in
    // PCD-01 OBX-7). Then the device is the alarm source: the station raises no limit alarm of its own
    // and its limits cannot be changed here (IEC 60601-1-8 distributed alarm system, one source per
    // parameter).
    bool deviceGoverns(const QString &bedKey, NumericId id) const;
    bool customLimits(const QString &bedKey) const;
    PatientProfile profile(const QString &bedKey) const;

    // --- alert manager ----------------------------------------------------------------------------------
    std::vector<EscalationAction> takeEscalationActions();
    bool hasEscalationActions() const { return !m_actions.empty(); }
    // A PCD-05 reply (or a send failure) for an escalated alarm. Failed raises a station technical alarm.
    void onAlertManagerResult(const QString &alarmId, Delivery status, const QString &text = {});

    // --- outputs ----------------------------------------------------------------------------------------
    std::vector<AlarmCondition> conditions() const; // active, latched and recent, unsorted
    const AlarmCondition *condition(const QString &alarmId) const;
    // Kept on purpose, read by the tests and the benchmark (the station reads conditions(), bedStatus(),
    // audio() and toJson()): they expose the engine's rules without reaching into its state.
    std::vector<AlarmCondition> history(const QString &bedKey = {}) const; // newest first, incl. live
    Priority highestPriority() const // station-wide visual (the alarm bar)
    {
        ensureAggregates();
        return m_highest;
    }
    Priority bedPriority(const QString &bedKey) const;
    BedAlarmStatus bedStatus(const QString &bedKey) const;
    bool anyEscalated() const // the station's "escalated" banner
    {
        ensureAggregates();
        return m_anyEscalated;
    }
    AudioDecision audio() const; // as of the last evaluate()/input
    const std::deque<AuditEntry> &auditLog() const { return m_audit; }
    AlarmStatistics statistics(qint64 fromMs = 0, qint64 toMs = std::numeric_limits<qint64>::max()) const;
    QJsonObject toJson() const; // for the state file
    int liveCount() const { return static_cast<int>(m_live.size()); }

    // Increments on every change visible in the outputs; the UI compares it to rate-limit refreshes.
    quint64 revision() const { return m_revision; }

private:
    struct Cond;
    struct BedState;
    struct TechSlot;
    struct SourceState;

    qint64 now() const { return m_clock(); }
    BedState &bed(const QString &key, const QString &label = {});
    BedState *findBed(const QString &key) const;
    QString newId();
    Cond *create(Origin origin, BedState *bed, qint64 now);
    void activate(Cond &c, qint64 now);
    void endCause(Cond &c, qint64 now, bool latch);
    void doAcknowledge(Cond &c, const QString &user, qint64 now);
    void doReset(Cond &c, const QString &user, qint64 now);
    void deescalate(Cond &c, qint64 now, bool ended);
    void checkNumeric(BedState &b, int n, qint64 now);
    Cond *adoptSameCondition(BedState &b, const GatewayAlarmEvent &e, qint64 now);
    bool bedFlowing(const BedState &b, int except, qint64 now) const;
    void restartStaleness(BedState &b, qint64 now);
    void freshPeriod(BedState &b, int numeric, qint64 now); // a stale numeric gets its period again
    void explanationEnded(BedState &b, const QString &code, std::optional<NumericId> parameter, qint64 now);
    void deviceAlarmsOn(BedState &b, int n, std::optional<double> low, std::optional<double> high,
                        const QString &supersededBy, qint64 now);
    void raiseLimit(BedState &b, int n, int dir, qint64 now);
    void setTech(BedState *b, const QString &scopeKey, const QString &code, const QString &text,
                 quint8 origin, bool active, qint64 now);
    void retryTech(BedState *b, TechSlot &slot, const QString &code, qint64 now);
    bool techSuppressed(const BedState *b, const QString &code) const;
    bool bedPaused(const BedState *b, qint64 now) const;
    void scan(qint64 now);
    void escalate(Cond &c, qint64 now);
    // Aggregates (priorities, audio) are derived lazily on the first read after a change, so a burst of
    // inputs costs one O(conditions) pass, not one per input.
    void ensureAggregates() const
    {
        if (m_aggregatesDirty)
            recomputeAggregates(m_lastNow);
    }
    void recomputeAggregates(qint64 now) const;
    void schedule(qint64 t)
    {
        if (t < m_nextDeadlineMs)
            m_nextDeadlineMs = t;
    }
    void changed() { ++m_revision, m_aggregatesDirty = true; }
    void audit(qint64 now, const QString &user, const QString &action, const QString &bedKey,
               const QString &alarmId, const QString &detail);
    void queueAction(Cond &c, EscalationAction::Type type, qint64 due, qint64 now);
    void retire(std::size_t index);
    AlarmCondition snapshot(const Cond &c) const;

    AlarmConfig m_config;
    Clock m_clock;
    QString m_idPrefix;
    quint64 m_seq = 0;
    quint64 m_activationSeq = 0;
    quint64 m_revision = 0;

    std::vector<std::unique_ptr<Cond>> m_live;
    QHash<QString, Cond *> m_byId;
    QHash<QString, Cond *> m_gatewayById; // by gateway alarm id, while not inactive
    std::vector<std::unique_ptr<BedState>> m_beds;
    QHash<QString, BedState *> m_bedIndex;
    std::unordered_map<QString, std::unique_ptr<TechSlot>> m_stationTech; // "<source>|<code>"
    std::unordered_map<QString, std::unique_ptr<SourceState>> m_sources;
    std::deque<AlarmCondition> m_history; // retired conditions, oldest first
    std::deque<AuditEntry> m_audit;
    std::vector<EscalationAction> m_actions;
    quint64 m_actionSeq = 0;

    qint64 m_nextDeadlineMs = std::numeric_limits<qint64>::max();
    mutable bool m_aggregatesDirty = true;
    qint64 m_lastNow = 0;

    // audio pause
    bool m_audioPaused = false;
    qint64 m_audioPauseEndsMs = 0;
    quint64 m_audioPauseSeq = 0;
    Priority m_pausedPriority = Priority::None;

    // aggregates
    mutable Priority m_highest = Priority::None;
    mutable bool m_anyEscalated = false;
    mutable AudioDecision m_audio;
    mutable quint64 m_maxAudibleSeq = 0;
};

} // namespace vigil::alarms
