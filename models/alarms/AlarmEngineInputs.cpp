// The alarm engine's inputs: numerics and the station's limit checks, technical conditions (the station's
// own, the device's, the watchdog's), gateway alarm reports (PCD-04) and alert manager replies (PCD-05).
#include "AlarmEngineInternal.h"
#include "AlarmText.h"

#include "Mdc.h"

namespace vigil::alarms {

using namespace detail;

namespace {

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
        return alarmText("%1 sensor off", {QString::fromUtf8(l.data(), static_cast<qsizetype>(l.size()))});
    }
    if (code == tech::SensorOff)
        return technicalText(code);
    return !deviceText.isEmpty() ? sentenceCase(deviceText) : technicalText(code);
}

} // namespace

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
        c->text = alarmText(dir ? "%1 high" : "%1 low", {numericLabel(n)});
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
    if (const auto slot = b->tech.find(code);
        slot != b->tech.end() && !slot->second->deviceRefIds.isEmpty()) {
        // A derived condition: the gateway's alarm of the same meaning stands for it.
        for (const auto &live : m_live)
            if (live->bed == b && live->origin == Origin::Gateway && live->state == State::Active &&
                (live->code == code || slot->second->deviceRefIds.contains(live->code)))
                return true;
    }
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
    if (slot.delayMs > 0 && slot.pendingSince > 0 && t < slot.pendingSince + slot.delayMs) {
        schedule(slot.pendingSince + slot.delayMs);
        return;
    }
    Cond *c = slot.last;
    if (!c || c->state != State::Latched) {
        c = create(Origin::StationTechnical, b, t);
        c->code = code;
        c->kind = slot.kind;
        c->slot = &slot;
        c->key = (b ? b->key : slot.scopeKey) + QStringLiteral("|tech|") + code;
        if (!b)
            c->sourceId = slot.scopeKey;
    }
    c->priority = slot.priority ? *slot.priority : m_config.technicalPriorityFor(code);
    c->latching = m_config.latches(c->kind, c->priority, code);
    if (!std::isnan(slot.value))
        c->value = c->current = c->worst = slot.value;
    // The station's words, from the one table (models/domain/Alarm.cpp), unless an input said more.
    c->text = !slot.text.isEmpty() ? slot.text : technicalText(code);
    slot.cond = c;
    slot.last = c;
    activate(*c, t);
}

void AlarmEngine::onTechnical(TechScope scope, const QString &key, const QString &code, const QString &text,
                              bool active, qint64 nowMs)
{
    const qint64 t = nowMs >= 0 ? nowMs : now();
    m_lastNow = t;
    const QString cat = mdc::technicalCode(code);
    if (scope == TechScope::Bed)
        setTech(&bed(key), key, cat, text, kExternal, active, t);
    else
        setTech(nullptr, key, cat, text, kExternal, active, t);
}

void AlarmEngine::onDerivedCondition(const QString &bedKey, const QString &code, const QString &text,
                                     Kind kind, Priority priority, bool active, double value,
                                     const QStringList &deviceRefIds, qint64 nowMs)
{
    const qint64 t = nowMs >= 0 ? nowMs : now();
    m_lastNow = t;
    BedState &b = bed(bedKey);
    if (active) {
        auto &slot = b.tech[code];
        if (!slot) {
            slot = std::make_unique<TechSlot>();
            slot->scopeKey = b.key;
        }
        slot->kind = kind;
        slot->priority = priority;
        slot->value = value;
        slot->deviceRefIds = deviceRefIds;
        // The engine's condition delay, as for a numeric limit: the condition must be present this long,
        // continuously, before it is an alarm (retryTech raises it when due; scan() retries).
        slot->delayMs = m_config.derivedDelayMs.value(code, 0);
        if (slot->pendingSince == 0)
            slot->pendingSince = t;
        if (Cond *c = slot->cond) {
            if (techSuppressed(&b, code)) {
                c->supersededBy = QStringLiteral("gateway");
                endCause(*c, t, false);
            } else if (!std::isnan(value) && c->current != value) {
                c->current = value;
                changed();
            }
        }
    } else if (auto it = b.tech.find(code); it != b.tech.end())
        it->second->pendingSince = 0; // gone: a later presence starts its delay again
    setTech(&b, b.key, code, text, kExternal, active, t);
}

void AlarmEngine::onDeviceConditions(const QString &bedKey, const std::vector<DeviceCondition> &active)
{
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
}

// --- gateway ----------------------------------------------------------------------------------------------

void AlarmEngine::onGatewayAlarm(const GatewayAlarmEvent &e)
{
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
}

// --- alert manager replies ------------------------------------------------------------------------------

void AlarmEngine::onAlertManagerResult(const QString &alarmId, Delivery status, const QString &text)
{
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
        // English (the domain's language); the screen translates it (displayText).
        const QString failed =
            c ? (text.isEmpty()
                     ? alarmText("Alert manager: delivery failed for %1 %2", {c->bedLabel, c->text})
                     : alarmText("Alert manager: delivery failed for %1 %2 (%3)",
                                 {c->bedLabel, c->text, text}))
              : (text.isEmpty() ? alarmText("Alert manager: delivery failed")
                                : alarmText("Alert manager: delivery failed (%1)", {text}));
        setTech(nullptr, kAlertManagerScope, tech::AlertManagerFailed, failed, kInternal, true, t);
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
}

} // namespace vigil::alarms
