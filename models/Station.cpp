#include "Station.h"
#include "AlarmText.h"

#include "Mdc.h"

#include <QDateTime>
#include <QPointer>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

PatientProfile profileOf(const Bed &b)
{
    if (b.profile == QLatin1String("paediatric"))
        return PatientProfile::Paediatric;
    if (b.profile == QLatin1String("neonatal"))
        return PatientProfile::Neonatal;
    if (!b.shownPatient().id.isEmpty())
        return b.shownPatient().profile;
    return PatientProfile::Adult;
}

bool signalling(const alarms::AlarmCondition &c)
{
    return c.state != alarms::State::Inactive;
}

// The array slot of a numeric, or -1 for a value outside the table (an enum cast from another layer's
// integer): never an index past the per-numeric arrays.
int slotOf(NumericId id)
{
    const int n = static_cast<int>(id);
    return n >= 0 && n < kNumericCount ? n : -1;
}

// "SpO2 low 85 < 90, now 92": the condition and its numbers, the same everywhere.
QString describe(const alarms::AlarmCondition &c)
{
    const QString values = alarms::valueText(c);
    const QString text = alarms::displayText(c.text); // English in the domain, the UI language on screen
    return values.isEmpty() ? text : text + QLatin1Char(' ') + values;
}

} // namespace

Station::Station(QString stationName, QString wardName, DisplaySettings display, std::unique_ptr<Ward> ward,
                 QObject *parent, alarms::AlarmConfig alarmConfig)
    : QObject(parent), m_stationName(std::move(stationName)), m_wardName(std::move(wardName)),
      m_display(display), m_ward(std::move(ward)), m_wardModel(new WardModel(m_ward.get(), this)),
      m_sourcesModel(new SourcesModel(this)),
      m_engine(std::make_unique<alarms::AlarmEngine>(std::move(alarmConfig))),
      m_alarmList(new alarms::AlarmListModel(m_engine.get(), this)),
      m_alarmBar(new AlarmBarState([this](const QString &id) { return acknowledge(id); }, this)),
      m_audioState(new AudioState({[this] { return pauseAudio(); }, [this] { cancelAudioPause(); }}, this)),
      m_user(qEnvironmentVariable("USER", QStringLiteral("nurse")))
{
    m_news = new scores::News2Board([this] { return m_user; }, this);
    // Issue 12: the user property follows the signed-in session once security is enforced.
    m_access->setHighPriorityQuery(
        [this] { return m_alarmBar->highestPriority() == alarms::Priority::High; });
    connect(m_access, &security::Access::sessionChanged, this, [this] {
        if (m_access->enforcing())
            setUser(m_access->signedIn() && !m_access->locked() ? m_access->userName()
                                                                : QStringLiteral("viewer"));
    });
    // The SpO2 scale choice needs the NEWS2 scale permission; the change is audited from -> to.
    m_news->setScaleGate([this](const QString &bed, bool from, bool to, QString *whyNot) {
        if (!m_access->allow(security::Permission::News2Scale, whyNot, bed))
            return false;
        auto name = [](bool s2) {
            return s2 ? QStringLiteral("SpO2 scale 2") : QStringLiteral("SpO2 scale 1");
        };
        m_access->audit(QStringLiteral("news2_scale"), bed,
                        QStringLiteral("%1 -> %2").arg(name(from), name(to)));
        return true;
    });
    m_census = new census::Census(this);
    // Admit / transfer / discharge need the admission permission, validating vitals the charting one;
    // refusals are audited by the gate, permitted actions here.
    m_census->setGate([this](const QString &action, const QString &target, QString *whyNot) {
        const auto p = action == QLatin1String("validateVitals") ? security::Permission::Charting
                                                                 : security::Permission::Admission;
        if (!m_access->allow(p, whyNot, target))
            return false;
        m_access->audit(action, target);
        return true;
    });
    connect(m_news, &scores::News2Board::entered, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        DrainResult r;
        updateNews(now, r.changedBeds);
        m_wardModel->apply(r);
        newsConditions(now);
        evaluateAlarms();
    });
    m_alarmList->setPatientLookup([this](const QString &bedKey) {
        const Bed *b = m_ward->bed(m_ward->indexOf(bedKey));
        return b ? b->shownPatient().name : QString();
    });
    m_drainTimer.setInterval(std::clamp(m_display.numericsRefreshMs, 100, 2000));
    connect(&m_drainTimer, &QTimer::timeout, this, &Station::drainNow);
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, &Station::evaluateAlarms);
    // A gateway alarm drains at once instead of waiting up to a numerics period: the alarm latency budget
    // (arrival to indicator drawn and tone started) is 100 ms at p99.
    QPointer<Station> self = this;
    m_ward->setUrgentHandler([self] {
        QMetaObject::invokeMethod(
            self,
            [self] {
                if (self)
                    self->drainNow();
            },
            Qt::QueuedConnection);
    });
}

Station::~Station() = default;

void Station::start()
{
    drainNow();
    m_drainTimer.start();
}

void Station::setUser(const QString &user)
{
    if (user != m_user) {
        m_user = user;
        emit userChanged();
    }
}

void Station::drainNow()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    DrainResult result = m_ward->drain(now);
    // NEWS2 first, so a bed whose numerics and score both changed gets one dataChanged, not two.
    feedNews(result, now);
    m_wardModel->apply(result);
    if (!result.sources.empty())
        m_sourcesModel->update(result.sources);
    feedAlarms(result, now);
    newsConditions(now);
    m_engine->evaluate(now);
    publishAlarmState(now);
    emit drained();
}

void Station::evaluateAlarms()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_engine->evaluate(now);
    publishAlarmState(now);
}

void Station::setSourceDataTimeout(const QString &sourceId, double seconds)
{
    m_dataTimeoutMs[sourceId] = static_cast<qint64>(seconds * 1000);
}

void Station::feedAlarms(const DrainResult &result, qint64 nowMs)
{
    // The engine knows each bed's source, so a link down explains the bed's silence.
    for (int i = 0; i < m_ward->bedCount(); ++i) {
        const Bed *b = m_ward->bed(i);
        auto it = m_engineSource.find(b->key());
        if (it == m_engineSource.end() || *it != b->sourceId) {
            m_engineSource[b->key()] = b->sourceId;
            m_engine->setBed(b->key(), b->label(), profileOf(*b), b->sourceId);
        }
    }
    for (const DrainResult::BedInput &in : result.inputs) {
        const Bed *b = m_ward->bed(in.bed);
        if (!b)
            continue;
        if (!in.numerics.empty())
            m_engine->onNumerics(b->key(), profileOf(*b), in.numerics);
        for (const GatewayAlarm &a : in.alarms) {
            alarms::GatewayAlarmEvent e = a;
            e.bedKey = b->key();
            e.bedLabel = b->label();
            m_engine->onGatewayAlarm(e);
        }
        if (in.conditionsChanged)
            m_engine->onDeviceConditions(b->key(), b->conditions);
    }

    // Links. A dialled link is down when it cannot connect or lost its connection; a listened link is down
    // when nothing has arrived for longer than its expected interval (a gateway closing its connection
    // after sending is normal for MLLP senders); either is down when the gateway's heartbeat stops.
    for (const SourceStatus &s : m_sourcesModel->statuses()) {
        const bool listener = s.state == SourceStatus::State::Listening;
        const bool connected = s.state == SourceStatus::State::Connected || (listener && s.connections > 0);
        if (connected)
            m_hadConnection[s.id] = true;
        bool down = !s.heartbeatOk;
        if (listener)
            down = down || (s.lastMessageMs > 0 &&
                            nowMs - s.lastMessageMs > m_dataTimeoutMs.value(s.id, kDefaultDataTimeoutMs));
        else
            down = down || s.state == SourceStatus::State::Error ||
                   (m_hadConnection.value(s.id) && !connected && s.state != SourceStatus::State::Stopped);
        if (down)
            m_lastDownMs[s.id] = nowMs;
        if (!down && !m_linkDown.value(s.id))
            continue;
        // One condition for the link, naming the beds it leaves unwatched.
        QStringList beds;
        for (int i = 0; i < m_ward->bedCount(); ++i)
            if (m_ward->bed(i)->sourceId == s.id)
                beds << m_ward->bed(i)->label();
        const QString why = !s.heartbeatOk ? QStringLiteral("heartbeat missed")
                            : listener
                                ? QStringLiteral("nothing received for over %1 s")
                                      .arg(m_dataTimeoutMs.value(s.id, kDefaultDataTimeoutMs) / 1000)
                                : s.lastError.section(QStringLiteral("; retrying"), 0, 0); // a steady text
        QString text = QStringLiteral("%1: link down").arg(s.name);
        if (!why.isEmpty())
            text += QStringLiteral(" (%1)").arg(why);
        if (!beds.isEmpty())
            text += QStringLiteral(": %1 bed%2 unwatched (%3%4)")
                        .arg(beds.size())
                        .arg(beds.size() == 1 ? QString() : QStringLiteral("s"))
                        .arg(QStringList(beds.mid(0, 6)).join(QStringLiteral(", ")),
                             beds.size() > 6 ? QStringLiteral(", ...") : QString());
        m_linkDown[s.id] = down;
        m_engine->onTechnical(alarms::TechScope::Source, s.id, alarms::tech::LinkDown,
                              down ? text : QString(), down, nowMs);
    }

    // Beds. NO DATA is the bed's own story only while its link is up (and was up long enough for data to
    // resume); a gap in the waves is a condition only inside live data, not the outage's own gap.
    const qint64 noDataMs = m_ward->noDataTimeoutMs();
    for (int i = 0; i < m_ward->bedCount(); ++i) {
        Bed *b = m_ward->bed(i);
        const bool linkDown = !b->sourceId.isEmpty() && m_linkDown.value(b->sourceId);
        const qint64 upSince = m_lastDownMs.value(b->sourceId, 0); // up since (about) then
        if (b->noData && b->lastDataMs() != 0)
            m_lastQuietMs[b->key()] = nowMs;
        const bool noData = b->noData && b->lastDataMs() != 0 && !linkDown && nowMs - upSince > noDataMs;
        m_engine->onTechnical(alarms::TechScope::Bed, b->key(), alarms::tech::NoData,
                              QStringLiteral("No data"), noData, nowMs);
        const qint64 quiet = std::max(m_lastQuietMs.value(b->key(), 0), m_lastDownMs.value(b->sourceId, 0));
        const bool gap = b->lastGapMs != 0 && nowMs - b->lastGapMs < 10'000 && !b->noData &&
                         b->lastGapMs - quiet > kOutageGapGraceMs;
        m_engine->onTechnical(alarms::TechScope::Bed, b->key(), alarms::tech::WaveformGap,
                              QStringLiteral("Waveform gap"), gap, nowMs);
    }
}

void Station::publishAlarmState(qint64 nowMs)
{
    const std::vector<alarms::AlarmCondition> conds = m_engine->conditions();
    struct BedBest
    {
        const alarms::AlarmCondition *best = nullptr;
        int count = 0;
        bool allAcked = true;
        std::array<int, kNumericCount> numericAlarm{};
        std::array<QString, kNumericCount> blank;
    };
    QHash<QString, BedBest> perBed;
    const alarms::AlarmCondition *topCond = nullptr;
    int signallingCount = 0;
    int unacknowledged = 0;
    // The bar: unacknowledged before acknowledged (an acknowledged one falls behind), then the highest
    // priority, then the newest. A tile: its highest priority first.
    auto barBetter = [](const alarms::AlarmCondition &a, const alarms::AlarmCondition *b) {
        if (!b)
            return true;
        if (a.acknowledged != b->acknowledged)
            return !a.acknowledged;
        if (a.priority != b->priority)
            return a.priority > b->priority;
        return a.startMs > b->startMs;
    };
    auto tileBetter = [](const alarms::AlarmCondition &a, const alarms::AlarmCondition *b) {
        if (!b)
            return true;
        if (a.priority != b->priority)
            return a.priority > b->priority;
        if (a.acknowledged != b->acknowledged)
            return !a.acknowledged;
        return a.startMs > b->startMs;
    };
    for (const alarms::AlarmCondition &c : conds) {
        // A technical condition that makes numerics invalid blanks them while its cause lasts, paused or
        // acknowledged alike: a value that cannot be trusted is never shown as if it could.
        if (!c.bedKey.isEmpty() && c.kind == alarms::Kind::Technical && c.state == alarms::State::Active) {
            for (NumericId n : alarms::numericsInvalidatedBy(c.code, c.parameter))
                if (const int slot = slotOf(n); slot >= 0)
                    perBed[c.bedKey].blank[slot] = alarms::displayText(c.text).toUpper();
        }
        // ALARM PAUSED: the bed's conditions neither show in the bar nor on its tile nor sound.
        if (!signalling(c) || c.alarmPaused)
            continue;
        ++signallingCount;
        if (!c.acknowledged)
            ++unacknowledged;
        if (barBetter(c, topCond))
            topCond = &c;
        if (c.bedKey.isEmpty())
            continue;
        BedBest &bb = perBed[c.bedKey];
        ++bb.count;
        bb.allAcked = bb.allAcked && c.acknowledged;
        if (tileBetter(c, bb.best))
            bb.best = &c;
        if (const int slot = c.parameter ? slotOf(*c.parameter) : -1; slot >= 0)
            bb.numericAlarm[slot] = std::max(bb.numericAlarm[slot], static_cast<int>(c.priority));
    }
    AlarmBarState::State bar;
    if (topCond) {
        bar.id = topCond->id;
        bar.condition = alarms::displayText(topCond->text);
        bar.values = alarms::valueText(*topCond);
        bar.text = describe(*topCond);
        bar.bed = alarms::whereText(*topCond);
        if (const Bed *b = m_ward->bed(m_ward->indexOf(topCond->bedKey)))
            bar.patient = b->shownPatient().name;
        bar.priority = topCond->priority;
        bar.acknowledged = topCond->acknowledged;
    }
    bar.unacknowledged = unacknowledged;
    bar.signalling = signallingCount;
    bar.highest = m_engine->highestPriority();
    bar.escalated = m_engine->anyEscalated();

    std::vector<int> changed;
    int pausedBeds = 0;
    for (int i = 0; i < m_ward->bedCount(); ++i) {
        Bed *b = m_ward->bed(i);
        const BedBest bb = perBed.value(b->key());
        const alarms::BedAlarmStatus st = m_engine->bedStatus(b->key());
        const alarms::Priority prio = bb.best ? bb.best->priority : alarms::Priority::None;
        const QString text = bb.best ? describe(*bb.best) : QString();
        const bool acked = bb.count > 0 && bb.allAcked;
        const int pauseLeft =
            st.alarmPaused ? static_cast<int>((st.alarmPauseEndsMs - nowMs + 999) / 1000) : 0;
        pausedBeds += st.alarmPaused ? 1 : 0;
        const bool custom = m_engine->customLimits(b->key());
        const QString category = alarms::nameOf(m_engine->profile(b->key()));
        std::array<QString, kNumericCount> blank = bb.blank;
        for (const DeviceCondition &d : b->conditions)
            if (d.active)
                for (NumericId n : alarms::numericsInvalidatedBy(mdc::technicalCode(d.code)))
                    if (const int slot = slotOf(n); slot >= 0 && blank[slot].isEmpty())
                        blank[slot] = d.text.toUpper();
        if (prio != b->alarmPriority || text != b->alarmText || bb.count != b->alarmCount ||
            st.escalated != b->alarmEscalated || acked != b->alarmAcknowledged ||
            st.alarmPaused != b->alarmPaused || pauseLeft != b->alarmPauseRemainingS ||
            custom != b->customLimits || category != b->category || blank != b->numericBlank ||
            bb.numericAlarm != b->numericAlarm) {
            b->alarmPriority = prio;
            b->alarmText = text;
            b->alarmCount = bb.count;
            b->alarmEscalated = st.escalated;
            b->alarmAcknowledged = acked;
            b->alarmPaused = st.alarmPaused;
            b->alarmPauseRemainingS = pauseLeft;
            b->customLimits = custom;
            b->category = category;
            b->numericBlank = blank;
            b->numericAlarm = bb.numericAlarm;
            changed.push_back(i);
        }
    }
    if (!changed.empty()) {
        DrainResult r;
        r.changedBeds = std::move(changed);
        m_wardModel->apply(r);
    }
    bar.pausedBeds = pausedBeds;
    m_alarmList->refresh(nowMs);

    const alarms::AudioDecision audio = m_engine->audio();
    // The player follows the pattern, its generation and the pause (which leaves the pattern as it is).
    const bool audioChangedNow = audio.pattern != m_audio.pattern || audio.generation != m_audio.generation ||
                                 audio.paused != m_audio.paused;
    m_audio = audio;
    m_alarmBar->publish(bar);
    AudioState::State shown;
    shown.paused = audio.paused;
    shown.pauseRemaining =
        audio.paused ? static_cast<int>(std::max<qint64>(0, (audio.pauseEndsMs - nowMs + 999) / 1000)) : 0;
    shown.sounding = audio.priority;
    m_audioState->publish(shown);
    if (audioChangedNow)
        emit audioChanged();
    emit alarmsChanged();
    if (m_engine->hasEscalationActions())
        emit escalationActionsReady();
    emit alarmsEvaluated();

    const qint64 next = m_engine->nextDeadlineMs();
    if (next > 0) {
        const qint64 in = std::max<qint64>(0, next - QDateTime::currentMSecsSinceEpoch());
        if (in < m_display.numericsRefreshMs * 4LL)
            m_deadline.start(static_cast<int>(in));
    }
}

void Station::setArchiveProblem(const QString &problem)
{
    if (problem == m_archiveProblem)
        return;
    m_archiveProblem = problem;
    m_engine->onTechnical(alarms::TechScope::Source, QStringLiteral("archive"),
                          QStringLiteral("archive_failed"), QStringLiteral("ARCHIVE: %1").arg(problem),
                          !problem.isEmpty(), QDateTime::currentMSecsSinceEpoch());
    emit archiveProblemChanged();
    evaluateAlarms();
}

void Station::setStationCondition(const QString &code, const QString &text, bool active)
{
    m_engine->onTechnical(alarms::TechScope::Source, QStringLiteral("station"), code, text, active,
                          QDateTime::currentMSecsSinceEpoch());
    evaluateAlarms();
}

bool Station::permit(security::Permission p, const QString &target)
{
    return m_access->allow(p, nullptr, target);
}

bool Station::acknowledge(const QString &alarmId)
{
    if (!permit(security::Permission::Acknowledge, alarmId))
        return false;
    const bool ok = m_engine->acknowledge(alarmId, m_user);
    m_access->audit(QStringLiteral("acknowledge"), alarmId,
                    ok ? QString() : QStringLiteral("not acknowledged"));
    evaluateAlarms();
    return ok;
}

int Station::acknowledgeBed(int row)
{
    const Bed *b = m_ward->bed(row);
    if (!permit(security::Permission::Acknowledge, b ? b->key() : QString()))
        return 0;
    const int n = b ? m_engine->acknowledgeBed(b->key(), m_user) : 0;
    m_access->audit(QStringLiteral("acknowledge_bed"), b ? b->key() : QString(), QString::number(n));
    evaluateAlarms();
    return n;
}

bool Station::acknowledgeTop()
{
    // The one the bar shows; acknowledging it moves the bar to the next unacknowledged condition.
    return m_alarmBar->acknowledgeTop();
}

bool Station::pauseAudio()
{
    if (!permit(security::Permission::AudioPause, {}))
        return false;
    const bool ok = m_engine->pauseAudio(m_user);
    m_access->audit(QStringLiteral("audio_pause"), {}, ok ? QString() : QStringLiteral("not paused"));
    evaluateAlarms();
    return ok;
}

void Station::cancelAudioPause()
{
    // Ending an audio pause brings the sound back: allowed to everyone, audited.
    m_access->audit(QStringLiteral("audio_pause_cancel"));
    m_engine->cancelAudioPause(m_user);
    evaluateAlarms();
}

bool Station::pauseAlarms(int row)
{
    const Bed *b = m_ward->bed(row);
    if (!permit(security::Permission::AudioPause, b ? b->key() : QString()))
        return false;
    const bool ok = b && m_engine->pauseAlarms(b->key(), m_user);
    m_access->audit(QStringLiteral("alarms_pause"), b ? b->key() : QString(),
                    ok ? QString() : QStringLiteral("not paused"));
    evaluateAlarms();
    return ok;
}

void Station::resumeAlarms(int row)
{
    // Resuming a bed's alarms makes it safer: allowed to everyone, audited.
    if (const Bed *b = m_ward->bed(row)) {
        m_access->audit(QStringLiteral("alarms_resume"), b->key());
        m_engine->resumeAlarms(b->key(), m_user);
    }
    evaluateAlarms();
}

bool Station::reset(const QString &alarmId)
{
    if (!permit(security::Permission::AlarmReset, alarmId))
        return false;
    const bool ok = m_engine->reset(alarmId, m_user);
    m_access->audit(QStringLiteral("reset"), alarmId, ok ? QString() : QStringLiteral("not reset"));
    evaluateAlarms();
    return ok;
}

int Station::resetBed(int row)
{
    const Bed *b = m_ward->bed(row);
    if (!permit(security::Permission::AlarmReset, b ? b->key() : QString()))
        return 0;
    const int n = b ? m_engine->resetBed(b->key(), m_user) : 0;
    m_access->audit(QStringLiteral("reset_bed"), b ? b->key() : QString(), QString::number(n));
    evaluateAlarms();
    return n;
}

static std::optional<NumericId> numericFromKey(const QString &key)
{
    for (const NumericInfo &n : kNumerics) {
        if (key == QLatin1String(n.key.data(), static_cast<qsizetype>(n.key.size())))
            return n.id;
    }
    return std::nullopt;
}

// Audit text of a limit: "85..100", a missing side "off" (issue 12: who changed what from what to what).
static QString limitText(double low, double high)
{
    auto side = [](double v) { return std::isnan(v) ? QStringLiteral("off") : QString::number(v); };
    return QStringLiteral("%1..%2").arg(side(low), side(high));
}

QString Station::setLimit(int row, const QString &numericKey, double low, double high)
{
    const Bed *b = m_ward->bed(row);
    const auto id = numericFromKey(numericKey);
    if (!b || !id)
        return QStringLiteral("unknown bed or parameter");
    QString error;
    if (!m_access->allow(security::Permission::LimitChange, &error, b->key()))
        return error;
    const alarms::Limits before = m_engine->limits(b->key(), *id);
    if (!m_engine->setLimit(b->key(), *id, low, high, m_user, &error))
        return error.isEmpty() ? QStringLiteral("limit refused") : error;
    m_access->audit(QStringLiteral("limit_change"), b->key(),
                    QStringLiteral("%1 %2 -> %3")
                        .arg(numericKey, limitText(before.low, before.high), limitText(low, high)));
    emit limitChanged(b->key(), numericKey, low, high, m_user, QDateTime::currentMSecsSinceEpoch());
    evaluateAlarms();
    return {};
}

QString Station::setHandover(int row, const QString &severity, const QString &notes)
{
    const Bed *b = m_ward->bed(row);
    if (!b)
        return QStringLiteral("unknown bed");
    if (!severity.isEmpty() && severity != QLatin1String("stable") && severity != QLatin1String("watcher") &&
        severity != QLatin1String("unstable"))
        return QStringLiteral("severity must be stable, watcher or unstable");
    QString why;
    if (!m_access->allow(security::Permission::Charting, &why, b->key()))
        return why;
    m_access->audit(QStringLiteral("handover"), b->key(),
                    severity.isEmpty() ? QStringLiteral("not assessed") : severity);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_handovers[b->key()] = {{QStringLiteral("severity"), severity},
                             {QStringLiteral("notes"), notes},
                             {QStringLiteral("user"), m_user},
                             {QStringLiteral("timeMs"), now}};
    emit handoverSaved(b->key(), severity, notes, m_user, now);
    return {};
}

QVariantMap Station::handover(int row) const
{
    const Bed *b = m_ward->bed(row);
    return b ? m_handovers.value(b->key()) : QVariantMap();
}

QVariantMap Station::limits(int row, const QString &numericKey) const
{
    const Bed *b = m_ward->bed(row);
    const auto id = numericFromKey(numericKey);
    if (!b || !id)
        return {};
    const alarms::Limits l = m_engine->limits(b->key(), *id);
    const NumericInfo &info = numericInfo(*id);
    const bool device = m_engine->deviceGoverns(b->key(), *id);
    const alarms::Limits def = m_engine->config().defaultLimit(m_engine->profile(b->key()), *id);
    return {{QStringLiteral("low"), l.low},
            {QStringLiteral("high"), l.high},
            {QStringLiteral("source"), device ? QStringLiteral("device") : QStringLiteral("station")},
            {QStringLiteral("custom"), !device && !(l == def)},
            {QStringLiteral("editable"), !device},
            {QStringLiteral("label"), QString::fromUtf8(info.label.data(), qsizetype(info.label.size()))},
            {QStringLiteral("unit"), QString::fromUtf8(info.unit.data(), qsizetype(info.unit.size()))},
            {QStringLiteral("decimals"), info.decimals}};
}

QStringList Station::limitKeys() const
{
    QStringList keys;
    for (const NumericInfo &n : kNumerics)
        keys << QString::fromLatin1(n.key.data(), qsizetype(n.key.size()));
    return keys;
}

void Station::restoreDefaultLimits(int row)
{
    if (const Bed *b = m_ward->bed(row)) {
        if (!permit(security::Permission::LimitChange, b->key()))
            return;
        std::vector<std::pair<NumericId, alarms::Limits>> before;
        before.reserve(kNumerics.size());
        for (const NumericInfo &n : kNumerics)
            before.emplace_back(n.id, m_engine->limits(b->key(), n.id));
        m_engine->restoreDefaultLimits(b->key(), m_user);
        QStringList changes; // from what to what, only the limits that moved
        for (const auto &[id, was] : before) {
            const alarms::Limits now = m_engine->limits(b->key(), id);
            if (!(now == was))
                changes << QStringLiteral("%1 %2 -> %3")
                               .arg(QLatin1String(numericInfo(id).key.data(),
                                                  qsizetype(numericInfo(id).key.size())),
                                    limitText(was.low, was.high), limitText(now.low, now.high));
        }
        m_access->audit(QStringLiteral("limits_restore_defaults"), b->key(),
                        changes.isEmpty() ? QStringLiteral("no change") : changes.join(QStringLiteral("; ")));
    }
    evaluateAlarms();
}

} // namespace vigil

namespace vigil {

// NEWS2: the drained numerics into the trackers (adult beds only: the RCP validated NEWS2 for 16 years and
// over), then the tiles' fields; beds whose score changed join the drain's changed beds.
void Station::feedNews(DrainResult &result, qint64 nowMs)
{
    if (!m_news->enabled())
        return;
    for (const DrainResult::BedInput &in : result.inputs) {
        const Bed *b = m_ward->bed(in.bed);
        if (b && !in.numerics.empty() && profileOf(*b) == PatientProfile::Adult)
            m_news->onNumerics(b->key(), in.numerics);
    }
    std::vector<int> changed;
    updateNews(nowMs, changed);
    if (changed.empty())
        return;
    std::vector<int> &rows = result.changedBeds;
    rows.insert(rows.end(), changed.begin(), changed.end());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
}

void Station::updateNews(qint64 nowMs, std::vector<int> &changed)
{
    if (!m_news->enabled())
        return;
    m_news->update(nowMs);
    for (int i = 0; i < m_ward->bedCount(); ++i) {
        Bed *b = m_ward->bed(i);
        const scores::News2Snapshot *s =
            profileOf(*b) == PatientProfile::Adult ? m_news->snapshot(b->key()) : nullptr;
        const int total = s ? s->score.total : -1;
        const bool complete = s && s->score.complete;
        const int response = s ? static_cast<int>(s->score.response) : 0;
        const int trend = s ? s->trend : 0;
        if (total != b->newsTotal || complete != b->newsComplete || response != b->newsResponse ||
            trend != b->newsTrend) {
            b->newsTotal = total;
            b->newsComplete = complete;
            b->newsResponse = response;
            b->newsTrend = trend;
            changed.push_back(i);
        }
    }
}

// NEWS2 thresholds and the deterioration trend as derived conditions (advisories through the engine: its
// acknowledgement, escalation, statistics). Only a complete score (every input present and current) raises
// one: an incomplete score is not a guess.
void Station::newsConditions(qint64 nowMs)
{
    if (!m_news->enabled())
        return;
    const scores::News2Config &cfg = m_news->config();
    using alarms::Kind;
    using alarms::Priority;
    for (int i = 0; i < m_ward->bedCount(); ++i) {
        const Bed *b = m_ward->bed(i);
        const scores::News2Snapshot *s =
            profileOf(*b) == PatientProfile::Adult ? m_news->snapshot(b->key()) : nullptr;
        const int total = s ? s->score.total : 0;
        const bool ok = s && s->score.complete;
        const bool high = ok && total >= cfg.highAt;
        const bool medium = ok && !high && total >= cfg.mediumAt;
        const bool three = ok && !high && !medium && cfg.singleThreeAlarm && s->score.singleThree;
        const QString score = QString::number(total);
        m_engine->onDerivedCondition(b->key(), QStringLiteral("news2_high"),
                                     alarms::alarmText("NEWS2 %1: emergency response", {score}),
                                     Kind::Advisory, Priority::High, high, total, {}, nowMs);
        m_engine->onDerivedCondition(b->key(), QStringLiteral("news2_medium"),
                                     alarms::alarmText("NEWS2 %1: urgent response", {score}), Kind::Advisory,
                                     Priority::Medium, medium, total, {}, nowMs);
        m_engine->onDerivedCondition(b->key(), QStringLiteral("news2_single3"),
                                     alarms::alarmText("NEWS2: a 3 in one parameter, urgent ward review"),
                                     Kind::Advisory, Priority::Low, three, total, {}, nowMs);
        const scores::News2Tracker *t = s ? m_news->tracker(b->key()) : nullptr;
        const QString evidence = t ? t->deterioration(nowMs) : QString();
        m_engine->onDerivedCondition(b->key(), QStringLiteral("news2_deterioration"),
                                     tr("Deteriorating: %1").arg(evidence), Kind::Advisory, Priority::Low,
                                     !evidence.isEmpty(), total, {}, nowMs);
    }
}

} // namespace vigil
