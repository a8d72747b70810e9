#include "AlarmEngine.h"

#include "Mdc.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace vigil::alarms {

namespace {

constexpr qint64 kNever = std::numeric_limits<qint64>::max();

// Which input holds a technical condition up. It ends only when every holder has let go, so the gateway
// link watchdog and the lead's own link-state report never end each other's alarm.
constexpr quint8 kExternal = 1; // onTechnical()
constexpr quint8 kWatchdog = 2; // heartbeat watchdog
constexpr quint8 kInternal = 4; // stale numerics, alert-manager failures
constexpr quint8 kDevice = 8;   // onDeviceConditions()

const QString kAlertManagerScope = QStringLiteral("alert_manager");
// A bed's data "flows" while some numeric arrived this recently (numerics come every 1-2 s).
constexpr qint64 kFlowingWindowMs = 5000;

QString numericKey(int n)
{
    const auto k = kNumerics[n].key;
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}

QString numericLabel(int n)
{
    const auto k = kNumerics[n].label;
    return QString::fromUtf8(k.data(), static_cast<qsizetype>(k.size()));
}

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

QString formatValue(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("off") : QString::number(v, 'f', decimals);
}

// "APNEA" -> "Apnea", "ECG LEADS OFF" -> "ECG leads off": device texts in the station's one case style,
// keeping the abbreviations clinicians read as such.
QString sentenceCase(const QString &text)
{
    if (text != text.toUpper())
        return text;
    static const QHash<QString, QString> keep{
        {QStringLiteral("ECG"), QStringLiteral("ECG")},     {QStringLiteral("HR"), QStringLiteral("HR")},
        {QStringLiteral("SPO2"), QStringLiteral("SpO2")},   {QStringLiteral("CO2"), QStringLiteral("CO2")},
        {QStringLiteral("ETCO2"), QStringLiteral("etCO2")}, {QStringLiteral("ABP"), QStringLiteral("ABP")},
        {QStringLiteral("NIBP"), QStringLiteral("NIBP")},   {QStringLiteral("RR"), QStringLiteral("RR")},
        {QStringLiteral("ST"), QStringLiteral("ST")},       {QStringLiteral("PVC"), QStringLiteral("PVC")},
        {QStringLiteral("VT"), QStringLiteral("VT")},       {QStringLiteral("VF"), QStringLiteral("VF")},
        {QStringLiteral("ART"), QStringLiteral("ART")},     {QStringLiteral("IBP"), QStringLiteral("IBP")},
    };
    QStringList words = text.split(QLatin1Char(' '));
    for (int i = 0; i < words.size(); ++i) {
        const auto it = keep.constFind(words[i]);
        words[i] = it != keep.constEnd() ? *it : words[i].toLower();
    }
    QString out = words.join(QLatin1Char(' '));
    if (!out.isEmpty())
        out[0] = out[0].toUpper();
    return out;
}

// The station's words for its own technical codes (lead off, sensor off: naming the sensor when the
// device said which), whichever path reported them; other codes keep the device's text.
QString techConditionText(const QString &code, std::optional<NumericId> parameter, const QString &deviceText)
{
    if (code == tech::LeadOff)
        return technicalText(code);
    if (code == tech::SensorOff && parameter) {
        const auto l = numericInfo(*parameter).label;
        return QString::fromUtf8(l.data(), static_cast<qsizetype>(l.size())) + QStringLiteral(" sensor off");
    }
    if (code == tech::SensorOff)
        return technicalText(code);
    return !deviceText.isEmpty() ? sentenceCase(deviceText) : technicalText(code);
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

// --- internal state ---------------------------------------------------------------------------------------

struct AlarmEngine::TechSlot
{
    Cond *cond = nullptr; // the present condition
    Cond *last = nullptr; // the latest one (a latched one is reactivated when the cause recurs)
    quint8 origins = 0;
    QString text;
    QString scopeKey; // bed key or source id
};

struct AlarmEngine::Cond : AlarmCondition
{
    BedState *bed = nullptr;
    int numeric = -1; // station limit conditions
    int dir = 0;      // 0 low, 1 high
    TechSlot *slot = nullptr;
    QString gwCategory; // gateway technical conditions: the station code they stand for
    bool gwCounted = false;
    qint64 deliveryDeadlineMs = 0;
};

struct AlarmEngine::BedState
{
    struct Num
    {
        double value = std::nan("");
        qint64 lastRx = 0;
        bool seen = false;
        bool stale = false;
        std::array<qint64, 2> pendingSince{0, 0}; // start of the current violation (condition delay)
        std::array<Cond *, 2> cond{nullptr, nullptr};
        std::array<Cond *, 2> last{nullptr, nullptr};
    };
    QString key;
    QString label;
    QString sourceId;
    PatientProfile profile = PatientProfile::Adult;
    bool customLimits = false;
    std::array<Limits, kNumericCount> limits;
    std::array<Num, kNumericCount> num;
    std::array<std::array<int, 2>, kNumericCount> gwActive{}; // present gateway alarms per numeric/direction
    std::array<bool, kNumericCount> deviceGoverned{};         // the device alarms on this numeric
    std::array<Limits, kNumericCount> deviceLimits{};         // its limits as last reported
    QHash<QString, int> gwTech;                               // present gateway technical alarms by code
    std::unordered_map<QString, std::unique_ptr<TechSlot>> tech;
    QHash<QString, QString> deviceActive; // onDeviceConditions: code -> text
    qint64 pausedUntil = 0;
    BedAlarmStatus status;
};

struct AlarmEngine::SourceState
{
    qint64 lastHeartbeat = 0;
    qint64 timeoutMs = 5000;
    bool down = false;
};

// --- free helpers -----------------------------------------------------------------------------------------

// --- engine -----------------------------------------------------------------------------------------------

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
    const quint64 before = m_revision;
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
    notify(before);
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
    const quint64 before = m_revision;
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
    notify(before);
}

QString AlarmEngine::newId()
{
    return QStringLiteral("%1-%2").arg(m_idPrefix).arg(++m_seq);
}

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
    if (c.gwCounted) {
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

void AlarmEngine::audit(qint64 t, const QString &user, const QString &action, const QString &bedKey,
                        const QString &alarmId, const QString &detail)
{
    m_audit.push_back({t, user, action, bedKey, alarmId, detail});
    while (static_cast<int>(m_audit.size()) > m_config.auditMax)
        m_audit.pop_front();
    ++m_revision;
}

void AlarmEngine::notify(quint64 before)
{
    if (m_revision != before && m_onChange)
        m_onChange();
}

bool AlarmEngine::bedPaused(const BedState *b, qint64 t) const
{
    return b && b->pausedUntil > t;
}

// --- numerics ---------------------------------------------------------------------------------------------

bool AlarmEngine::bedFlowing(const BedState &b, int except, qint64 t) const
{
    for (int m = 0; m < kNumericCount; ++m)
        if (m != except && b.num[m].seen && !b.num[m].stale && t - b.num[m].lastRx <= kFlowingWindowMs)
            return true;
    return false;
}

void AlarmEngine::restartStaleness(BedState &b, qint64 t)
{
    for (int m = 0; m < kNumericCount; ++m)
        freshPeriod(b, m, t);
}

void AlarmEngine::explanationEnded(BedState &b, const QString &code, std::optional<NumericId> parameter,
                                   qint64 t)
{
    // A lead or sensor back on: the numerics it made invalid get a fresh period to come back before their
    // silence is a condition of its own (the lead-off's own gap raises nothing).
    for (NumericId id : numericsInvalidatedBy(code, parameter))
        freshPeriod(b, static_cast<int>(id), t);
}

void AlarmEngine::freshPeriod(BedState &b, int m, qint64 t)
{
    auto &ns = b.num[m];
    if (!ns.seen || !ns.stale)
        return;
    ns.stale = false;
    ns.lastRx = t;
    setTech(&b, b.key, tech::StalePrefix + numericKey(m), {}, kInternal, false, t);
    schedule(t + static_cast<qint64>(kNumerics[m].stalePeriodS * 1000) + 1);
}

AlarmEngine::Cond *AlarmEngine::adoptSameCondition(BedState &b, const GatewayAlarmEvent &e, qint64 t)
{
    // A gateway that restarted (or a device that renumbered its alarms) reports a condition the station
    // still shows under a new alarm id: it is the same clinical condition, so it keeps its one entry (and
    // its onset, acknowledgement and escalation) under the new id instead of becoming a second one.
    const bool physiological = e.parameter && e.direction != Direction::None;
    if (!physiological && e.technicalCode.isEmpty())
        return nullptr;
    for (auto &cp : m_live) {
        Cond &c = *cp;
        if (c.origin != Origin::Gateway || c.bed != &b || c.state == State::Inactive)
            continue;
        const bool same = physiological
                              ? (c.numeric == static_cast<int>(*e.parameter) && c.direction == e.direction)
                              : (!c.gwCategory.isEmpty() && c.gwCategory == e.technicalCode);
        if (!same)
            continue;
        m_gatewayById.remove(c.gatewayAlarmId);
        c.gatewayAlarmId = e.alarmId;
        c.key = QStringLiteral("gw|") + e.alarmId;
        m_gatewayById.insert(e.alarmId, &c);
        m_lastNow = t;
        return &c;
    }
    return nullptr;
}

void AlarmEngine::deviceAlarmsOn(BedState &b, int n, std::optional<double> low, std::optional<double> high,
                                 const QString &supersededBy, qint64 t)
{
    if (low)
        b.deviceLimits[n].low = *low;
    if (high)
        b.deviceLimits[n].high = *high;
    if (b.deviceGoverned[n])
        return;
    b.deviceGoverned[n] = true;
    auto &ns = b.num[n];
    ns.pendingSince = {0, 0};
    // A station alarm raised before the device said it alarms on this parameter is superseded by it.
    for (int dir = 0; dir < 2; ++dir)
        if (Cond *own = ns.cond[dir]) {
            own->supersededBy = supersededBy.isEmpty() ? QStringLiteral("device") : supersededBy;
            endCause(*own, t, false);
        }
    changed();
}

void AlarmEngine::onNumerics(const QString &bedKey, PatientProfile profile,
                             std::span<const NumericSample> samples)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    BedState &b = bed(bedKey);
    if (b.profile != profile) {
        // A new profile means another kind of patient: the old limits (custom ones too) do not apply.
        audit(t, QStringLiteral("system"), QStringLiteral("default_limits"), b.key, {},
              QStringLiteral("profile %1 -> %2").arg(nameOf(b.profile), nameOf(profile)));
        b.profile = profile;
        b.customLimits = false;
        for (int n = 0; n < kNumericCount; ++n)
            b.limits[n] = m_config.defaultLimit(profile, static_cast<NumericId>(n));
        changed();
    }
    // Data again after the whole bed was quiet: every numeric that went stale in the silence gets a fresh
    // period (it is not missing while the rest resumes; if it stays away, it is raised then).
    if (!samples.empty() && !bedFlowing(b, -1, t))
        restartStaleness(b, t);
    for (const NumericSample &s : samples) {
        const int n = static_cast<int>(s.id);
        if (n < 0 || n >= kNumericCount)
            continue;
        auto &ns = b.num[n];
        if (s.limitLow || s.limitHigh)
            deviceAlarmsOn(b, n, s.limitLow, s.limitHigh, {}, t);
        ns.lastRx = t;
        ns.seen = true;
        if (ns.stale) {
            ns.stale = false;
            setTech(&b, b.key, QStringLiteral("stale_") + numericKey(n), {}, kInternal, false, t);
        }
        schedule(t + static_cast<qint64>(kNumerics[n].stalePeriodS * 1000) + 1);
        if (!std::isfinite(s.value)) {
            // An invalid value cannot confirm or clear anything; the delay starts over with real data.
            ns.value = std::nan("");
            ns.pendingSince = {0, 0};
            continue;
        }
        ns.value = s.value;
        checkNumeric(b, n, t);
    }
    notify(before);
}

void AlarmEngine::checkNumeric(BedState &b, int n, qint64 t)
{
    auto &ns = b.num[n];
    const double v = ns.value;
    if (std::isnan(v) || b.deviceGoverned[n])
        return;
    const ParameterRule &rule = m_config.parameters[n];
    for (int dir = 0; dir < 2; ++dir) {
        const double limit = dir ? b.limits[n].high : b.limits[n].low;
        if (Cond *c = ns.cond[dir]) {
            c->current = v;
            if (dir ? v > c->worst : v < c->worst)
                c->worst = v;
            // Hysteresis: a value hovering at the limit must not start and end the alarm every second.
            const bool cleared =
                std::isnan(limit) || (dir ? v <= limit - rule.hysteresis : v >= limit + rule.hysteresis);
            if (cleared) {
                ns.pendingSince[dir] = 0;
                endCause(*c, t, c->latching);
            }
            continue;
        }
        const bool violating = !std::isnan(limit) && (dir ? v > limit : v < limit);
        if (!violating) {
            ns.pendingSince[dir] = 0;
            continue;
        }
        if (ns.pendingSince[dir] == 0)
            ns.pendingSince[dir] = t;
        const qint64 due = ns.pendingSince[dir] + rule.delayMs;
        if (t < due)
            schedule(due);
        else if (b.gwActive[n][dir] == 0) // the gateway already reports it: no duplicate
            raiseLimit(b, n, dir, t);
    }
}

void AlarmEngine::raiseLimit(BedState &b, int n, int dir, qint64 t)
{
    auto &ns = b.num[n];
    const ParameterRule &rule = m_config.parameters[n];
    Cond *c = ns.last[dir];
    if (!c || c->state != State::Latched) {
        c = create(Origin::StationLimit, &b, t);
        c->numeric = n;
        c->dir = dir;
        c->parameter = static_cast<NumericId>(n);
        c->direction = dir ? Direction::High : Direction::Low;
        c->code = numericKey(n) + (dir ? QStringLiteral("_high") : QStringLiteral("_low"));
        c->key = b.key + QLatin1Char('|') + numericKey(n) + QLatin1Char('|') + nameOf(c->direction);
        c->text = numericLabel(n) + (dir ? QStringLiteral(" high") : QStringLiteral(" low"));
        c->kind = Kind::Physiological;
    }
    c->priority = dir ? rule.highPriority : rule.lowPriority;
    c->latching = m_config.latches(c->kind, c->priority, c->code);
    c->value = c->current = c->worst = ns.value;
    c->limit = dir ? b.limits[n].high : b.limits[n].low;
    c->bedLabel = b.label;
    ns.cond[dir] = c;
    ns.last[dir] = c;
    activate(*c, t);
}

// --- technical --------------------------------------------------------------------------------------------

bool AlarmEngine::techSuppressed(const BedState *b, const QString &code) const
{
    if (!b)
        return false;
    if (b->gwTech.value(code) > 0) // the gateway reports this very condition
        return true;
    auto present = [b](const QString &c) {
        const auto it = b->tech.find(c);
        return it != b->tech.end() && it->second->cond;
    };
    bool linkDown = false;
    if (!b->sourceId.isEmpty()) {
        const auto it = m_stationTech.find(b->sourceId + QLatin1Char('|') + tech::LinkDown);
        linkDown = it != m_stationTech.end() && it->second->cond;
    }
    // One cause, one alarm: a disconnected lead or probe, a silent bed or a lost gateway already explain
    // why numerics stop arriving.
    if (code.startsWith(QLatin1String("stale_")))
        return linkDown || present(tech::LeadOff) || present(tech::SensorOff) || present(tech::NoData) ||
               b->gwTech.value(tech::LeadOff) > 0 || b->gwTech.value(tech::SensorOff) > 0;
    if (code == tech::NoData)
        return linkDown;
    return false;
}

void AlarmEngine::setTech(BedState *b, const QString &scopeKey, const QString &code, const QString &text,
                          quint8 origin, bool active, qint64 t)
{
    auto &map = b ? b->tech : m_stationTech;
    const QString slotKey = b ? code : scopeKey + QLatin1Char('|') + code;
    auto it = map.find(slotKey);
    if (it == map.end()) {
        if (!active)
            return;
        auto s = std::make_unique<TechSlot>();
        s->scopeKey = scopeKey;
        it = map.emplace(slotKey, std::move(s)).first;
    }
    TechSlot &slot = *it->second;
    const quint8 heldBefore = slot.origins;
    if (active) {
        slot.origins |= origin;
        if (!text.isEmpty())
            slot.text = text;
        if (slot.cond) {
            if (!text.isEmpty() && slot.cond->text != text) {
                slot.cond->text = text;
                changed();
            }
        } else {
            retryTech(b, slot, code, t);
        }
    } else {
        slot.origins &= static_cast<quint8>(~origin);
        if (slot.origins == 0 && slot.cond)
            endCause(*slot.cond, t, slot.cond->latching);
        if (b && heldBefore != 0 && slot.origins == 0)
            explanationEnded(*b, code, std::nullopt, t);
    }
    // These codes decide whether other technical alarms are suppressed: let the next evaluate() re-judge.
    if ((heldBefore != 0) != (slot.origins != 0) &&
        (code == tech::LeadOff || code == tech::SensorOff || code == tech::NoData || code == tech::LinkDown))
        schedule(t);
}

void AlarmEngine::retryTech(BedState *b, TechSlot &slot, const QString &code, qint64 t)
{
    if (slot.cond || slot.origins == 0 || techSuppressed(b, code))
        return;
    Cond *c = slot.last;
    if (!c || c->state != State::Latched) {
        c = create(Origin::StationTechnical, b, t);
        c->code = code;
        c->kind = Kind::Technical;
        c->slot = &slot;
        c->key = (b ? b->key : slot.scopeKey) + QStringLiteral("|tech|") + code;
        if (!b)
            c->sourceId = slot.scopeKey;
    }
    c->priority = m_config.technicalPriorityFor(code);
    c->latching = m_config.latches(Kind::Technical, c->priority, code);
    // The station's words, from the one table (models/domain/Alarm.cpp), unless an input said more.
    c->text = !slot.text.isEmpty() ? slot.text : technicalText(code);
    slot.cond = c;
    slot.last = c;
    activate(*c, t);
}

void AlarmEngine::onTechnical(TechScope scope, const QString &key, const QString &code, const QString &text,
                              bool active, qint64 nowMs)
{
    const quint64 before = m_revision;
    const qint64 t = nowMs >= 0 ? nowMs : now();
    m_lastNow = t;
    const QString cat = mdc::technicalCode(code);
    if (scope == TechScope::Bed)
        setTech(&bed(key), key, cat, text, kExternal, active, t);
    else
        setTech(nullptr, key, cat, text, kExternal, active, t);
    notify(before);
}

void AlarmEngine::onDeviceConditions(const QString &bedKey, const std::vector<DeviceCondition> &active)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    BedState &b = bed(bedKey);
    QHash<QString, QString> next;
    for (const DeviceCondition &d : active)
        if (d.active)
            next.insert(mdc::technicalCode(d.code),
                        techConditionText(mdc::technicalCode(d.code), std::nullopt, d.text));
    for (auto it = b.deviceActive.cbegin(); it != b.deviceActive.cend(); ++it)
        if (!next.contains(it.key()))
            setTech(&b, b.key, it.key(), {}, kDevice, false, t);
    for (auto it = next.cbegin(); it != next.cend(); ++it)
        setTech(&b, b.key, it.key(), it.value(), kDevice, true, t);
    b.deviceActive = std::move(next);
    notify(before);
}

// --- gateway ----------------------------------------------------------------------------------------------

void AlarmEngine::onGatewayAlarm(const GatewayAlarmEvent &e)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    if (!e.sourceId.isEmpty()) {
        auto &src = m_sources[e.sourceId];
        if (!src)
            src = std::make_unique<SourceState>();
        if (e.isHeartbeat || src->lastHeartbeat > 0) {
            src->lastHeartbeat = t;
            if (e.isHeartbeat)
                src->timeoutMs = (e.confirmTimeoutS > 0 ? e.confirmTimeoutS : 5) * 1000LL;
            if (src->down) {
                src->down = false;
                setTech(nullptr, e.sourceId, tech::LinkDown, {}, kWatchdog, false, t);
            }
            schedule(t + src->timeoutMs + m_config.heartbeatGraceMs + 1);
        }
    }
    if (e.isHeartbeat || e.alarmId.isEmpty()) {
        notify(before);
        return;
    }

    BedState *b = e.bedKey.isEmpty() ? nullptr : &bed(e.bedKey, e.bedLabel);
    const bool present =
        e.phase != Phase::End && e.state != ReportedState::Inactive && e.state != ReportedState::Latched;
    Cond *c = m_gatewayById.value(e.alarmId);
    if (!c && b && present)
        c = adoptSameCondition(*b, e, t);
    const bool isNew = !c;
    if (!c) {
        // An end or update for an alarm whose start we never saw (e.g. the station restarted) only matters
        // if the gateway still shows it latched.
        if (!present && e.phase != Phase::TPoint && e.state != ReportedState::Latched) {
            notify(before);
            return;
        }
        c = create(Origin::Gateway, b, t);
        c->gatewayAlarmId = e.alarmId;
        c->key = QStringLiteral("gw|") + e.alarmId;
        c->sourceId = e.sourceId;
        // The decoder decided what the report is about (parameter and direction, or a technical code).
        const auto param = e.parameter;
        c->parameter = param;
        c->numeric = param ? static_cast<int>(*param) : -1;
        c->direction = e.direction;
        c->dir = c->direction == Direction::High ? 1 : 0;
        c->kind = e.kind
                      ? *e.kind
                      : ((param && e.direction != Direction::None) ? Kind::Physiological : Kind::Technical);
        if (c->kind == Kind::Technical && b)
            c->gwCategory = !e.technicalCode.isEmpty() ? e.technicalCode
                            : !e.eventRefId.isEmpty()  ? e.eventRefId
                                                       : QString::number(e.eventCode);
        // One code and one text per condition whichever path it came by ("spo2_low", "SpO2 low").
        if (param && c->direction != Direction::None) {
            c->code = numericKey(c->numeric) + QLatin1Char('_') + nameOf(c->direction);
            c->text = conditionText(*param, c->direction);
        } else if (!c->gwCategory.isEmpty() && technicalText(c->gwCategory) != c->gwCategory) {
            // The station's code, so device and station reports are one condition; the device's words
            // when it names the sensor ("CO2 sensor unplugged"), else the station's.
            c->code = c->gwCategory;
            c->text = techConditionText(c->gwCategory, c->parameter, e.eventText);
        } else {
            c->code = !e.eventRefId.isEmpty() ? e.eventRefId : QString::number(e.eventCode);
        }
        if (e.priority)
            c->priority = *e.priority;
        else if (param && c->direction != Direction::None)
            c->priority = c->dir ? m_config.parameters[c->numeric].highPriority
                                 : m_config.parameters[c->numeric].lowPriority;
        else if (c->kind == Kind::Technical)
            c->priority = m_config.technicalPriorityFor(c->gwCategory);
        else
            c->priority = Priority::Medium;
        c->latching = m_config.latches(c->kind, c->priority, c->code);
        m_gatewayById.insert(e.alarmId, c);
    }
    if (c->text.isEmpty())
        c->text = !e.eventText.isEmpty() ? sentenceCase(e.eventText) : c->code;
    if (e.priority && *e.priority != c->priority) {
        c->priority = *e.priority;
        c->latching = m_config.latches(c->kind, c->priority, c->code);
    }
    if (e.value) {
        c->current = *e.value;
        if (std::isnan(c->value))
            c->value = *e.value;
        if (std::isnan(c->worst) || (c->dir ? *e.value > c->worst : *e.value < c->worst))
            c->worst = *e.value;
    }
    if (c->direction == Direction::High && e.limitHigh)
        c->limit = *e.limitHigh;
    else if (c->direction == Direction::Low && e.limitLow)
        c->limit = *e.limitLow;
    c->reportedInactivation = e.inactivation;
    if (e.phase == Phase::Escalate)
        c->gatewayEscalated = true;
    else if (e.phase == Phase::DeEscalate)
        c->gatewayEscalated = false;

    if (b && c->numeric >= 0 && c->direction != Direction::None)
        deviceAlarmsOn(*b, c->numeric, e.limitLow, e.limitHigh, c->id, t);
    if ((isNew || c->state == State::Latched) && (present || e.phase == Phase::TPoint)) {
        if (!isNew)
            c->value = c->current;
        activate(*c, t);
        // Take over a station-raised duplicate: the gateway's report is the primary one.
        if (b && c->numeric >= 0 && c->direction != Direction::None) {
            if (Cond *own = b->num[c->numeric].cond[c->dir]) {
                own->supersededBy = c->id;
                endCause(*own, t, false);
            }
        }
        if (b && !c->gwCategory.isEmpty()) {
            const auto it = b->tech.find(c->gwCategory);
            if (it != b->tech.end() && it->second->cond) {
                Cond *own = it->second->cond;
                own->supersededBy = c->id;
                endCause(*own, t, false);
            }
        }
    } else if (isNew) {
        // First seen already latched at the bedside.
        activate(*c, t);
    }

    // The bedside acknowledged it: someone is with the patient, so the station stops sounding it too.
    if (e.inactivation == Inactivation::Acknowledged && !c->acknowledged && c->state != State::Inactive)
        doAcknowledge(*c, QStringLiteral("bedside"), t);

    if (!present || e.phase == Phase::TPoint) {
        if (c->state == State::Latched && e.state == ReportedState::Inactive && e.phase != Phase::TPoint)
            doReset(*c, QStringLiteral("bedside"), t);
        else
            endCause(*c, t, e.state == ReportedState::Latched || c->latching);
    }
    changed();
    notify(before);
}

// --- time
// ---------------------------------------------------------------------------------------------------

void AlarmEngine::evaluate(qint64 nowMs)
{
    const quint64 before = m_revision;
    m_lastNow = nowMs;
    if (nowMs >= m_nextDeadlineMs)
        scan(nowMs);
    notify(before);
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
                    QStringLiteral("Gateway %1: no heartbeat for %2 s")
                        .arg(it->first)
                        .arg((t - s.lastHeartbeat) / 1000),
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
                        QStringLiteral("Alert manager: no reply for %1 %2").arg(c.bedLabel, c.text),
                        kInternal, true, t);
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
            s.escalated = s.escalated || c.escalated;
        }
        highest = std::max(highest, c.priority);
        anyEscalated = anyEscalated || c.escalated;
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

// --- user actions -----------------------------------------------------------------------------------------

bool AlarmEngine::acknowledge(const QString &alarmId, const QString &user)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    Cond *c = m_byId.value(alarmId);
    if (!c || c->state == State::Inactive || (c->acknowledged && c->state == State::Active)) {
        notify(before);
        return false;
    }
    doAcknowledge(*c, user, t);
    audit(t, user, QStringLiteral("acknowledge"), c->bedKey, c->id, c->text);
    notify(before);
    return true;
}

int AlarmEngine::acknowledgeBed(const QString &bedKey, const QString &user)
{
    const quint64 before = m_revision;
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
    notify(before);
    return n;
}

bool AlarmEngine::pauseAudio(const QString &user, int seconds)
{
    const quint64 before = m_revision;
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
    notify(before);
    return true;
}

void AlarmEngine::cancelAudioPause(const QString &user)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    if (m_audioPaused) {
        m_audioPaused = false;
        changed();
        audit(t, user, QStringLiteral("audio_pause_cancel"), {}, {}, {});
    }
    notify(before);
}

bool AlarmEngine::pauseAlarms(const QString &bedKey, const QString &user, int seconds)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    BedState *b = findBed(bedKey);
    if (!b) {
        notify(before);
        return false;
    }
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
    notify(before);
    return true;
}

void AlarmEngine::resumeAlarms(const QString &bedKey, const QString &user)
{
    const quint64 before = m_revision;
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
    notify(before);
}

bool AlarmEngine::reset(const QString &alarmId, const QString &user)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    Cond *c = m_byId.value(alarmId);
    if (!c || c->state != State::Latched) {
        notify(before);
        return false;
    }
    doReset(*c, user, t);
    audit(t, user, QStringLiteral("reset"), c->bedKey, c->id, c->text);
    notify(before);
    return true;
}

int AlarmEngine::resetBed(const QString &bedKey, const QString &user)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    int n = 0;
    for (auto &c : m_live)
        if (c->bedKey == bedKey && c->state == State::Latched) {
            doReset(*c, user, t);
            ++n;
        }
    audit(t, user, QStringLiteral("reset_bed"), bedKey, {}, QStringLiteral("%1 alarm(s)").arg(n));
    notify(before);
    return n;
}

bool AlarmEngine::setLimit(const QString &bedKey, NumericId id, double low, double high, const QString &user,
                           QString *error)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        notify(before);
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
    if (old == next) {
        notify(before);
        return true;
    }
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
    notify(before);
    return true;
}

void AlarmEngine::restoreDefaultLimits(const QString &bedKey, const QString &user)
{
    const quint64 before = m_revision;
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
    notify(before);
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

// --- alert manager ----------------------------------------------------------------------------------------

std::vector<EscalationAction> AlarmEngine::takeEscalationActions()
{
    std::vector<EscalationAction> out;
    out.swap(m_actions);
    return out;
}

void AlarmEngine::onAlertManagerResult(const QString &alarmId, Delivery status, const QString &text)
{
    const quint64 before = m_revision;
    const qint64 t = now();
    m_lastNow = t;
    Cond *c = m_byId.value(alarmId);
    if (status == Delivery::Failed) {
        if (c) {
            c->delivery = Delivery::Failed;
            c->deliveryText = text;
            c->deliveryMs = t;
            c->deliveryDeadlineMs = 0;
        }
        // IHE ACM: no notification black holes. The station is now the only channel: say so there.
        setTech(nullptr, kAlertManagerScope, tech::AlertManagerFailed,
                QStringLiteral("Alert manager: delivery failed%1%2")
                    .arg(c ? QStringLiteral(" for ") + c->bedLabel + QLatin1Char(' ') + c->text : QString(),
                         text.isEmpty() ? QString() : QStringLiteral(" (") + text + QLatin1Char(')')),
                kInternal, true, t);
    } else if (status != Delivery::None && status != Delivery::Pending) {
        if (c &&
            (c->delivery == Delivery::Pending || c->delivery == Delivery::Failed || status > c->delivery)) {
            c->delivery = status;
            c->deliveryText = text;
            c->deliveryMs = t;
            c->deliveryDeadlineMs = 0;
        }
        setTech(nullptr, kAlertManagerScope, tech::AlertManagerFailed, {}, kInternal, false, t);
    }
    changed();
    notify(before);
}

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
