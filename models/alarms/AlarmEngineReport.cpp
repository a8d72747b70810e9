// The alarm engine's outputs: conditions, history, per-bed status, statistics (alarm fatigue) and the
// state-file JSON.
#include "AlarmEngineInternal.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace vigil::alarms {

using namespace detail;

namespace {

QString isoUtc(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue jsonNumber(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    const double pos = p * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const auto hi = static_cast<std::size_t>(std::ceil(pos));
    return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

} // namespace

// --- outputs ----------------------------------------------------------------------------------------------

AlarmCondition AlarmEngine::snapshot(const Cond &c) const
{
    AlarmCondition a = c;
    a.alarmPaused = bedPaused(c.bed, m_lastNow);
    return a;
}

std::vector<AlarmCondition> AlarmEngine::conditions() const
{
    std::vector<AlarmCondition> out;
    out.reserve(m_live.size());
    for (const auto &c : m_live)
        out.push_back(snapshot(*c));
    return out;
}

const AlarmCondition *AlarmEngine::condition(const QString &alarmId) const
{
    return m_byId.value(alarmId);
}

std::vector<AlarmCondition> AlarmEngine::history(const QString &bedKey) const
{
    std::vector<AlarmCondition> out;
    for (const auto &h : m_history)
        if (bedKey.isEmpty() || h.bedKey == bedKey)
            out.push_back(h);
    for (const auto &c : m_live)
        if (bedKey.isEmpty() || c->bedKey == bedKey)
            out.push_back(snapshot(*c));
    std::stable_sort(out.begin(), out.end(),
                     [](const AlarmCondition &a, const AlarmCondition &b) { return a.startMs > b.startMs; });
    return out;
}

Priority AlarmEngine::bedPriority(const QString &bedKey) const
{
    ensureAggregates();
    const BedState *b = findBed(bedKey);
    return b ? b->status.highest : Priority::None;
}

BedAlarmStatus AlarmEngine::bedStatus(const QString &bedKey) const
{
    ensureAggregates();
    const BedState *b = findBed(bedKey);
    return b ? b->status : BedAlarmStatus{};
}

AlarmStatistics AlarmEngine::statistics(qint64 fromMs, qint64 toMs) const
{
    AlarmStatistics s;
    QMap<std::pair<QString, QString>, AlarmStatistics::BedDay> days;
    QHash<QString, int> sources;
    std::vector<double> ack;
    std::array<std::vector<double>, kPriorityCount> ackBy;
    auto add = [&](const AlarmCondition &c) {
        if (c.startMs < fromMs || c.startMs >= toMs)
            return;
        const int p = static_cast<int>(c.priority);
        const int k = static_cast<int>(c.kind);
        ++s.total;
        ++s.byPriority[p];
        ++s.byKind[k];
        const QString day =
            QDateTime::fromMSecsSinceEpoch(c.startMs + m_config.statsUtcOffsetMinutes * 60000LL, Qt::UTC)
                .date()
                .toString(Qt::ISODate);
        auto &d = days[{c.bedKey, day}];
        d.bedKey = c.bedKey;
        d.day = day;
        ++d.total;
        ++d.byPriority[p];
        ++d.byKind[k];
        if (c.acknowledgedMs > 0) {
            ++s.acknowledged;
            const double secs =
                static_cast<double>(std::max<qint64>(0, c.acknowledgedMs - c.signalSinceMs)) / 1000.0;
            ack.push_back(secs);
            ackBy[p].push_back(secs);
        }
        const auto &tiers = m_config.escalation[p];
        bool local = false;
        bool am = false;
        for (int i = 1; i <= c.maxTierReached && i < static_cast<int>(tiers.size()); ++i) {
            local = local || tiers[i].action != TierAction::Local;
            am = am || tiers[i].action == TierAction::AlertManager;
        }
        s.escalatedLocal += local ? 1 : 0;
        s.sentToAlertManager += am ? 1 : 0;
        s.deliveryFailures += c.delivery == Delivery::Failed ? 1 : 0;
        s.latched += c.latching ? 1 : 0;
        s.superseded += c.supersededBy.isEmpty() ? 0 : 1;
        const QString who =
            !c.bedLabel.isEmpty() ? c.bedLabel : (!c.bedKey.isEmpty() ? c.bedKey : c.sourceId);
        ++sources[who + QLatin1Char(' ') + c.code];
    };
    for (const auto &h : m_history)
        add(h);
    for (const auto &c : m_live)
        add(*c);
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        s.perBedPerDay.push_back(it.value());
    s.medianAckS = percentile(ack, 0.5);
    s.p90AckS = percentile(ack, 0.9);
    for (int p = 0; p < kPriorityCount; ++p)
        s.medianAckSByPriority[p] = percentile(ackBy[p], 0.5);
    for (auto it = sources.cbegin(); it != sources.cend(); ++it)
        s.topSources.emplace_back(it.key(), it.value());
    std::sort(s.topSources.begin(), s.topSources.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (s.topSources.size() > 10)
        s.topSources.resize(10);
    return s;
}

namespace {
QJsonObject conditionJson(const AlarmCondition &c)
{
    QJsonObject o{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("bed"), c.bedKey},
        {QStringLiteral("bed_label"), c.bedLabel},
        {QStringLiteral("source"), c.sourceId},
        {QStringLiteral("origin"), nameOf(c.origin)},
        {QStringLiteral("code"), c.code},
        {QStringLiteral("text"), c.text},
        {QStringLiteral("priority"), nameOf(c.priority)},
        {QStringLiteral("kind"), nameOf(c.kind)},
        {QStringLiteral("state"), nameOf(c.state)},
        {QStringLiteral("latching"), c.latching},
        {QStringLiteral("value"), jsonNumber(c.value)},
        {QStringLiteral("limit"), jsonNumber(c.limit)},
        {QStringLiteral("current"), jsonNumber(c.current)},
        {QStringLiteral("start"), isoUtc(c.startMs)},
        {QStringLiteral("end"), isoUtc(c.endMs)},
        {QStringLiteral("acknowledged"), c.acknowledged},
        {QStringLiteral("acknowledged_by"), c.acknowledgedBy},
        {QStringLiteral("acknowledged_at"), isoUtc(c.acknowledgedMs)},
        {QStringLiteral("reset_by"), c.resetBy},
        {QStringLiteral("reset_at"), isoUtc(c.resetMs)},
        {QStringLiteral("alarm_paused"), c.alarmPaused},
        {QStringLiteral("escalation_tier"), c.escalationTier},
        {QStringLiteral("escalated"), c.escalated},
        {QStringLiteral("sent_to_alert_manager"), c.sentToAlertManager},
        {QStringLiteral("delivery"), nameOf(c.delivery)},
        {QStringLiteral("delivery_text"), c.deliveryText},
    };
    if (c.parameter)
        o.insert(QStringLiteral("parameter"), numericKey(static_cast<int>(*c.parameter)));
    if (!c.gatewayAlarmId.isEmpty())
        o.insert(QStringLiteral("gateway_alarm_id"), c.gatewayAlarmId);
    if (!c.supersededBy.isEmpty())
        o.insert(QStringLiteral("superseded_by"), c.supersededBy);
    return o;
}
} // namespace

QJsonObject AlarmEngine::toJson() const
{
    ensureAggregates();
    const AudioDecision a = audio();
    QJsonObject audioObj{{QStringLiteral("pattern"), nameOf(a.pattern)},
                         {QStringLiteral("paused"), a.paused},
                         {QStringLiteral("pause_remaining_s"), a.pauseRemainingS},
                         {QStringLiteral("paused_priority"), nameOf(a.pausedPriority)},
                         {QStringLiteral("alarm"), a.alarmId}};
    QJsonArray beds;
    for (const auto &b : m_beds) {
        QJsonObject limits;
        QJsonArray deviceGoverned;
        for (int n = 0; n < kNumericCount; ++n) {
            const Limits &l = b->deviceGoverned[n] ? b->deviceLimits[n] : b->limits[n];
            limits.insert(numericKey(n), QJsonArray{jsonNumber(l.low), jsonNumber(l.high)});
            if (b->deviceGoverned[n])
                deviceGoverned.append(numericKey(n));
        }
        const bool paused = b->pausedUntil > m_lastNow;
        beds.append(QJsonObject{
            {QStringLiteral("key"), b->key},
            {QStringLiteral("highest"), nameOf(b->status.highest)},
            {QStringLiteral("profile"), nameOf(b->profile)},
            {QStringLiteral("alarm_paused"), paused},
            {QStringLiteral("alarm_pause_remaining_s"),
             paused ? static_cast<int>((b->pausedUntil - m_lastNow + 999) / 1000) : 0},
            {QStringLiteral("custom_limits"), b->customLimits},
            {QStringLiteral("limits"), limits}, // in force: the device's where it governs
            {QStringLiteral("device_limits"), deviceGoverned},
        });
    }
    QJsonArray conds;
    for (const auto &c : m_live)
        conds.append(conditionJson(snapshot(*c)));
    QJsonArray audits;
    const std::size_t first = m_audit.size() > 50 ? m_audit.size() - 50 : 0;
    for (std::size_t i = first; i < m_audit.size(); ++i) {
        const AuditEntry &e = m_audit[i];
        audits.append(QJsonObject{{QStringLiteral("time"), isoUtc(e.timeMs)},
                                  {QStringLiteral("user"), e.user},
                                  {QStringLiteral("action"), e.action},
                                  {QStringLiteral("bed"), e.bedKey},
                                  {QStringLiteral("alarm"), e.alarmId},
                                  {QStringLiteral("detail"), e.detail}});
    }
    // The state file carries the last 24 h: enough against alarm fatigue, cheap once a second.
    const AlarmStatistics s = statistics(m_lastNow - 24 * 3600 * 1000LL);
    QJsonObject byPriority;
    for (int p = 1; p < kPriorityCount; ++p)
        byPriority.insert(nameOf(static_cast<Priority>(p)), s.byPriority[p]);
    QJsonObject byKind;
    for (int k = 0; k < kKindCount; ++k)
        byKind.insert(nameOf(static_cast<Kind>(k)), s.byKind[k]);
    QJsonArray top;
    for (const auto &[name, count] : s.topSources)
        top.append(QJsonObject{{QStringLiteral("source"), name}, {QStringLiteral("count"), count}});
    QJsonObject stats{{QStringLiteral("total"), s.total},
                      {QStringLiteral("by_priority"), byPriority},
                      {QStringLiteral("by_kind"), byKind},
                      {QStringLiteral("acknowledged"), s.acknowledged},
                      {QStringLiteral("median_ack_s"), jsonNumber(s.medianAckS)},
                      {QStringLiteral("p90_ack_s"), jsonNumber(s.p90AckS)},
                      {QStringLiteral("escalated_local"), s.escalatedLocal},
                      {QStringLiteral("sent_to_alert_manager"), s.sentToAlertManager},
                      {QStringLiteral("delivery_failures"), s.deliveryFailures},
                      {QStringLiteral("top_sources"), top}};
    return QJsonObject{{QStringLiteral("highest"), nameOf(m_highest)},
                       {QStringLiteral("escalated"), m_anyEscalated},
                       {QStringLiteral("revision"), static_cast<double>(m_revision)},
                       {QStringLiteral("audio"), audioObj},
                       {QStringLiteral("beds"), beds},
                       {QStringLiteral("conditions"), conds},
                       {QStringLiteral("audit"), audits},
                       {QStringLiteral("statistics"), stats}};
}

} // namespace vigil::alarms
