#include "Hl7GatewayEncoder.h"

#include "Mdc.h"

#include <QDateTime>

namespace vigil {

namespace {

hl7::CodedValue mdcCoded(quint32 code, const char *refId)
{
    hl7::CodedValue v;
    v.code = code;
    v.identifier = QString::number(code);
    v.refId = QString::fromLatin1(refId);
    v.system = QStringLiteral("MDC");
    return v;
}

hl7::CodedValue metric(NumericId id)
{
    const NumericInfo &n = numericInfo(id);
    hl7::CodedValue v;
    v.code = n.mdcCode;
    v.identifier = QString::number(n.mdcCode);
    v.refId = QString::fromUtf8(n.mdcRefId.data(), static_cast<qsizetype>(n.mdcRefId.size()));
    v.system = QStringLiteral("MDC");
    return v;
}

// The monitor-side alarm limits the simulated bedside monitors apply. They are the device's: the station
// shows them read-only and raises no alarm of its own on these parameters (IEC 60601-1-8 distributed
// alarm system; docs/ALARMS.md). Priorities are the station's for the same condition, so a condition has
// one priority whichever path it comes by.
struct LimitRule
{
    const char *type;
    NumericId id;
    bool high;
    double limit;
    alarms::Priority priority;
    const char *text;
};
constexpr LimitRule kRules[] = {
    {"hr_high", NumericId::Hr, true, 130, alarms::Priority::Medium, "HR HIGH"},
    {"hr_low", NumericId::Hr, false, 45, alarms::Priority::Medium, "HR LOW"},
    {"spo2_low", NumericId::SpO2, false, 88, alarms::Priority::High, "SpO2 LOW"},
    {"rr_low", NumericId::Rr, false, 6, alarms::Priority::High, "RR LOW"},
    {"abp_low", NumericId::AbpSys, false, 85, alarms::Priority::High, "ABP SYS LOW"},
};

// The device's limits of a numeric (OBX-7), when the monitor alarms on it.
void addDeviceLimits(NumericSample &n)
{
    for (const LimitRule &r : kRules) {
        if (r.id != n.id)
            continue;
        (r.high ? n.limitHigh : n.limitLow) = r.limit;
    }
}

} // namespace

Hl7GatewayEncoder::Hl7GatewayEncoder(Options options, Emit send, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_emit(std::move(send))
{
    connect(&m_heartbeat, &QTimer::timeout, this, &Hl7GatewayEncoder::sendHeartbeat);
}

void Hl7GatewayEncoder::startHeartbeat()
{
    if (m_options.heartbeatMs > 0) {
        m_heartbeat.start(m_options.heartbeatMs);
        sendHeartbeat();
    }
}

QString Hl7GatewayEncoder::locationFor(const QString &bedKey) const
{
    if (bedKey.startsWith(QLatin1String("SIM^")))
        return QStringLiteral("%1^^Bed %2").arg(m_options.unit, bedKey.mid(4));
    if (bedKey.startsWith(QLatin1String("WFDB^")))
        return QStringLiteral("%1^^%2").arg(m_options.unit, bedKey.mid(5));
    return bedKey;
}

hl7::SendOptions Hl7GatewayEncoder::nextOptions(qint64 timeMs)
{
    hl7::SendOptions o;
    o.sendingApplication = m_options.sendingApplication;
    o.receivingApplication = QStringLiteral("VIGIL");
    o.controlId = QStringLiteral("GW%1").arg(++m_counter);
    o.messageTimeMs = timeMs;
    return o;
}

void Hl7GatewayEncoder::deliver(BedUpdate &&u)
{
    const QString location = locationFor(u.bedKey);
    BedState &bed = m_beds[location];
    if (u.patient)
        bed.patient = u.patient;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    BedUpdate out;
    out.bedKey = location;
    out.patient = bed.patient;
    // Sources deliver every 40-50 ms; gateways send blocks of 250-500 ms. Merge consecutive blocks per
    // channel and send once the block is long enough (a time jump starts a new block).
    bool due = false;
    for (WaveBlock &b : u.waves) {
        auto it = std::find_if(bed.pendingWaves.begin(), bed.pendingWaves.end(),
                               [&](const WaveBlock &p) { return p.id == b.id; });
        if (it != bed.pendingWaves.end()) {
            const qint64 expected =
                it->startTimeUs +
                static_cast<qint64>(std::llround(it->samples.size() * 1e6 / it->sampleRate));
            if (it->sampleRate == b.sampleRate &&
                std::llabs(b.startTimeUs - expected) < 1e6 / b.sampleRate * 1.5) {
                it->samples.insert(it->samples.end(), b.samples.begin(), b.samples.end());
            } else {
                out.waves.push_back(std::move(*it));
                *it = std::move(b);
                due = true;
            }
        } else {
            bed.pendingWaves.push_back(std::move(b));
        }
    }
    for (const WaveBlock &p : bed.pendingWaves)
        due = due || p.samples.size() * 1000.0 / p.sampleRate >= m_options.waveBlockMs;
    if (due) {
        for (WaveBlock &p : bed.pendingWaves)
            out.waves.push_back(std::move(p));
        bed.pendingWaves.clear();
        const auto o = nextOptions(now);
        m_emit(o.controlId.toStdString(), hl7::buildPcd01Waveform(out, o));
        out.waves.clear();
    }
    if (!u.numerics.empty()) {
        for (const NumericSample &n : u.numerics)
            bed.latest[static_cast<int>(n.id)] = n.value;
        out.numerics = u.numerics;
        for (NumericSample &n : out.numerics)
            addDeviceLimits(n);
        const auto o = nextOptions(now);
        m_emit(o.controlId.toStdString(), hl7::buildPcd01Numerics(out, o));
    }
    if (m_options.alarms)
        evaluateAlarms(location, bed, u, now);
}

void Hl7GatewayEncoder::evaluateAlarms(const QString &location, BedState &bed, const BedUpdate &u, qint64 now)
{
    for (const DeviceCondition &c : u.conditions) {
        hl7::AlarmReport r;
        const bool lead = c.code == alarms::tech::LeadOff;
        r.event = lead ? mdcCoded(mdc::EvtLeadDisconn, "MDC_EVT_LEAD_DISCONN")
                       : mdcCoded(mdc::EvtSensorDisconn, "MDC_EVT_SENSOR_DISCONN");
        r.eventText = c.text;
        r.sourceMetric = metric(lead ? NumericId::Hr : NumericId::SpO2);
        r.priority = alarms::Priority::Medium;
        r.kind = alarms::Kind::Technical;
        setAlarm(location, bed, c.code, c.active, r, now);
    }
    for (const LimitRule &rule : kRules) {
        const auto &v = bed.latest[static_cast<int>(rule.id)];
        if (!v)
            continue;
        bool touched = false;
        for (const NumericSample &n : u.numerics)
            touched = touched || n.id == rule.id;
        if (!touched)
            continue;
        const bool active = rule.high ? *v > rule.limit : *v < rule.limit;
        hl7::AlarmReport r;
        r.event = rule.high ? mdcCoded(mdc::EvtHi, "MDC_EVT_HI") : mdcCoded(mdc::EvtLo, "MDC_EVT_LO");
        r.eventText = QString::fromLatin1(rule.text);
        r.sourceMetric = metric(rule.id);
        r.sourceValue = *v;
        (rule.high ? r.limitHigh : r.limitLow) = rule.limit;
        r.priority = rule.priority;
        r.kind = alarms::Kind::Physiological;
        setAlarm(location, bed, QString::fromLatin1(rule.type), active, r, now);
    }
    // Keep active alarms alive at the receiver with periodic "continue" reports.
    for (auto it = bed.alarms.begin(); it != bed.alarms.end(); ++it) {
        if (now - it->lastSentMs >= m_options.alarmRepeatS * 1000LL) {
            it->report.phase = hl7::AlarmPhase::Continue;
            it->report.timeMs = now;
            it->lastSentMs = now;
            const auto o = nextOptions(now);
            m_emit(o.controlId.toStdString(), hl7::buildPcd04Alarm(it->report, bed.patient, o));
        }
    }
}

void Hl7GatewayEncoder::setAlarm(const QString &location, BedState &bed, const QString &type, bool active,
                                 hl7::AlarmReport r, qint64 now)
{
    auto it = bed.alarms.find(type);
    if (active == (it != bed.alarms.end())) {
        if (active && r.sourceValue)
            it->report.sourceValue = r.sourceValue;
        return;
    }
    if (active) {
        r.alarmId = QStringLiteral("%1/%2/%3").arg(location, type).arg(now);
        r.bedKey = location;
        r.phase = hl7::AlarmPhase::Start;
        r.state = hl7::AlarmState::Active;
        r.inactivationState = hl7::AlarmInactivation::Enabled;
        r.timeMs = now;
        it = bed.alarms.insert(type, ActiveAlarm{r, now});
        const auto o = nextOptions(now);
        m_emit(o.controlId.toStdString(), hl7::buildPcd04Alarm(r, bed.patient, o));
    } else {
        hl7::AlarmReport end = it->report;
        end.phase = hl7::AlarmPhase::End;
        end.state = hl7::AlarmState::Inactive;
        end.timeMs = now;
        bed.alarms.erase(it);
        const auto o = nextOptions(now);
        m_emit(o.controlId.toStdString(), hl7::buildPcd04Alarm(end, bed.patient, o));
    }
}

void Hl7GatewayEncoder::sendHeartbeat()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    hl7::AlarmReport r;
    r.alarmId = QStringLiteral("watchdog");
    r.bedKey = QStringLiteral("%1^^GATEWAY").arg(m_options.unit);
    r.event = mdcCoded(mdc::EvtActive, "MDC_EVT_ACTIVE");
    r.eventText = QStringLiteral("gateway alive");
    r.isHeartbeat = true;
    r.confirmTimeoutS = m_options.confirmTimeoutS;
    r.priority = alarms::Priority::None;
    r.kind = alarms::Kind::Technical;
    r.phase = hl7::AlarmPhase::Update;
    r.state = hl7::AlarmState::Active;
    r.timeMs = now;
    const auto o = nextOptions(now);
    m_emit(o.controlId.toStdString(), hl7::buildPcd04Alarm(r, std::nullopt, o));
}

} // namespace vigil
