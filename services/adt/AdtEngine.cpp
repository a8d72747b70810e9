// AdtEngine: decode, idempotency by control id, apply, persist, ACK.
#include "AdtEngine.h"

#include "Hl7Text.h"

#include <QDateTime>

namespace vigil::adt {

using namespace vigil::hl7;

namespace {

// The content of a message without its MSH (a sender resending may restamp MSH-7): a resend is the same
// control id with the same content.
quint64 contentHash(std::string_view frame)
{
    const std::size_t cr = frame.find('\r');
    const std::string_view body = cr == std::string_view::npos ? std::string_view() : frame.substr(cr + 1);
    return quint64(std::hash<std::string_view>{}(body));
}

std::string ackFor(const Message &m, AckCode code, std::optional<AckError> error)
{
    AckOptions o;
    o.sendingApplication = "VIGIL";
    o.error = std::move(error);
    return buildAck(m, code, o);
}

AckError censusError(const QString &reason, const char *segment, int field)
{
    AckError e;
    e.segmentId = segment;
    e.field = field;
    e.hl7Code = errcode::InternalError; // 207: application error; ERR-8 says which
    e.text = reason.toStdString();
    return e;
}

} // namespace

AdtEngine::AdtEngine(EngineOptions options) : m_options(std::move(options))
{
    if (!m_options.today)
        m_options.today = [] { return QDate::currentDate(); };
}

bool AdtEngine::open(QString *error)
{
    std::lock_guard lock(m_mutex);
    if (m_options.storePath.isEmpty())
        return true;
    if (!m_store.open(m_options.storePath, error))
        return false;
    auto loaded = m_store.load(m_options.processedMemory);
    m_state.load(std::move(loaded.current), std::move(loaded.lastEnded));
    m_conflicts = std::move(loaded.conflicts);
    for (const auto &p : loaded.processed)
        remember(p);
    return true;
}

void AdtEngine::remember(const ProcessedMessage &p)
{
    if (m_options.processedMemory <= 0)
        return;
    if (m_processed.insert_or_assign(p.controlId, p).second)
        m_processedOrder.push_back(p.controlId);
    while (m_processedOrder.size() > std::size_t(m_options.processedMemory)) {
        m_processed.erase(m_processedOrder.front());
        m_processedOrder.pop_front();
    }
}

void AdtEngine::setBeds(BedMap beds)
{
    std::lock_guard lock(m_mutex);
    m_options.beds = std::move(beds);
}

void AdtEngine::setChangedCallback(std::function<void()> cb)
{
    std::lock_guard lock(m_mutex);
    m_changed = std::move(cb);
}

void AdtEngine::notify()
{
    std::function<void()> cb;
    {
        std::lock_guard lock(m_mutex);
        cb = m_changed;
    }
    if (cb)
        cb();
}

census::ApplyResult AdtEngine::commitChange(census::CensusState before, census::ApplyResult r,
                                            std::optional<census::Conflict> conflict,
                                            std::optional<ProcessedMessage> processed, QString *error)
{
    if (!m_store.isOpen()) {
        if (conflict) {
            conflict->id = ++m_localConflictId;
            m_conflicts.push_back(*conflict);
        }
        if (processed)
            remember(*processed);
        return r;
    }
    CensusStore::Commit c;
    c.stays = r.changed;
    c.conflict = conflict;
    c.processed = processed;
    const auto ids = m_store.commit(c, error);
    if (!ids) {
        // Not on disk means it did not happen: the census goes back to what it was.
        m_state = std::move(before);
        r.ok = false;
        r.changed.clear();
        r.reason = QStringLiteral("the census could not be stored: %1").arg(error ? *error : QString());
        return r;
    }
    for (std::size_t i = 0; i < r.changed.size(); ++i) {
        r.changed[i].id = ids->stays[i];
        if (!r.changed[i].endMs)
            m_state.setStayId(r.changed[i].bedKey, ids->stays[i]);
    }
    if (conflict) {
        conflict->id = ids->conflict;
        m_conflicts.push_back(*conflict);
    }
    if (processed)
        remember(*processed);
    return r;
}

AdtEngine::Answer AdtEngine::handleFrame(std::string_view frame, qint64 nowMs)
{
    Answer a;
    Message m;
    const Error parseError = m.parse(frame);
    std::unique_lock lock(m_mutex);
    ++m_messages;
    if (!parseError.ok()) {
        ++m_errors;
        a.ack = acknowledge(m, parseError, {});
        a.code = a.ack.empty() ? QString() : QStringLiteral("AE");
        a.log =
            QStringLiteral("ADT: unreadable message: %1").arg(QString::fromStdString(parseError.message()));
        return a;
    }
    const MessageInfo info = classify(m);
    if (info.kind == MessageKind::Ack)
        return a; // never answer an answer
    const QString controlId = QString::fromStdString(std::string(info.controlId));
    const quint64 hash = contentHash(frame);
    if (const auto it = m_processed.find(controlId); it != m_processed.end() && it->second.hash == hash) {
        // A resend: the same answer again, nothing applied twice.
        ++m_resends;
        const AckCode code = it->second.code == QLatin1String("AA")   ? AckCode::AA
                             : it->second.code == QLatin1String("AR") ? AckCode::AR
                                                                      : AckCode::AE;
        std::optional<AckError> err;
        if (code != AckCode::AA)
            err = censusError(it->second.reason, "MSH", 10);
        a.ack = ackFor(m, code, err);
        a.code = it->second.code;
        a.log = QStringLiteral("ADT %1: resent, answered %2 again").arg(controlId, a.code);
        return a;
    }

    const Decoded d = decodeAdt(m, m_options.beds, m_options.today(), nowMs);
    const QString what = QStringLiteral("ADT %1 (control id %2)").arg(d.trigger, controlId);
    if (d.failure) {
        ++m_errors;
        a.code = QString::fromLatin1(toString(d.failure->code).data(), 2);
        a.ack = ackFor(m, d.failure->code, d.failure->error);
        a.log = QStringLiteral("%1: %2 %3").arg(what, a.code, QString::fromStdString(d.failure->error.text));
        // Remembered, so a resend gets the same answer without a second log line of its own.
        const ProcessedMessage p{controlId, hash, a.code, QString::fromStdString(d.failure->error.text)};
        QString error;
        commitChange(m_state, {}, std::nullopt, p, &error);
        return a;
    }
    if (d.ignoredType) {
        ++m_ignored;
        a.code = QStringLiteral("AA");
        a.ack = ackFor(m, AckCode::AA, std::nullopt);
        a.log = QStringLiteral("%1: AA, not an event the census follows").arg(what);
        return a;
    }
    const census::AdtEvent &e = *d.event;
    census::CensusState before = m_state;
    census::ApplyResult r = m_state.apply(e);
    std::optional<census::Conflict> conflict;
    if (!r.ok)
        conflict = census::Conflict{0, nowMs, controlId, d.trigger, e.bedKey, e.patient.mrn, r.reason};
    ProcessedMessage p{controlId, hash, r.ok ? QStringLiteral("AA") : QStringLiteral("AE"), r.reason};
    QString error;
    const bool applied = r.ok;
    r = commitChange(std::move(before), std::move(r), conflict, p, &error);
    if (applied && !r.ok) {
        // The store failed: AE so the sender tries again; nothing is remembered or shown.
        ++m_errors;
        a.code = QStringLiteral("AE");
        a.ack = ackFor(m, AckCode::AE, censusError(r.reason, "MSH", 10));
        a.log = QStringLiteral("%1: AE %2").arg(what, r.reason);
        return a;
    }
    a.code = p.code;
    if (r.ok) {
        ++m_accepted;
        if (r.ignored)
            ++m_ignored;
        a.ack = ackFor(m, AckCode::AA, std::nullopt);
        a.changed = !r.changed.empty();
        a.log = QStringLiteral("%1 for %2 bed %3: AA%4")
                    .arg(what, e.patient.mrn, e.bedKey,
                         r.ignored ? QStringLiteral(", ignored: ") + r.reason : QString());
    } else {
        ++m_errors;
        a.conflict = true;
        a.ack = ackFor(m, AckCode::AE, censusError(r.reason, "PV1", 3));
        a.log = QStringLiteral("%1: AE %2 (pending conflict)").arg(what, r.reason);
    }
    lock.unlock();
    if (a.changed || a.conflict)
        notify();
    return a;
}

#define VIGIL_ADT_ACTION(expr)                                                                               \
    census::ApplyResult r;                                                                                   \
    {                                                                                                        \
        std::lock_guard lock(m_mutex);                                                                       \
        census::CensusState before = m_state;                                                                \
        r = (expr);                                                                                          \
        if (!r.ok || r.changed.empty())                                                                      \
            return r;                                                                                        \
        QString error;                                                                                       \
        r = commitChange(std::move(before), std::move(r), std::nullopt, std::nullopt, &error);               \
    }                                                                                                        \
    if (r.ok)                                                                                                \
        notify();                                                                                            \
    return r;

census::ApplyResult AdtEngine::admit(const QString &bedKey, const census::PatientIdentity &p, qint64 nowMs)
{
    if (p.birthDate.isValid() && p.birthDate > m_options.today()) {
        census::ApplyResult bad;
        bad.ok = false;
        bad.reason = QStringLiteral("the date of birth is in the future");
        return bad;
    }
    VIGIL_ADT_ACTION(m_state.admit(bedKey, p, census::StaySource::Manual, nowMs))
}

census::ApplyResult AdtEngine::update(const QString &bedKey, const census::PatientIdentity &p){
    VIGIL_ADT_ACTION(m_state.update(bedKey, p))}

census::ApplyResult AdtEngine::transfer(const QString &fromBed, const QString &toBed, qint64 nowMs){
    VIGIL_ADT_ACTION(m_state.transfer(fromBed, toBed, nowMs))}

census::ApplyResult AdtEngine::discharge(const QString &bedKey, qint64 nowMs, const QString &reason)
{
    VIGIL_ADT_ACTION(m_state.discharge(bedKey, nowMs, reason))
}

#undef VIGIL_ADT_ACTION

bool AdtEngine::noteData(const QString &bedKey, qint64 timeMs)
{
    bool created = false;
    {
        std::lock_guard lock(m_mutex);
        if (const census::Stay *s = m_state.stayOfBed(bedKey)) {
            m_state.noteData(bedKey, timeMs);
            // lastDataMs on disk (auto-discharge after a restart): once a minute is enough.
            qint64 &written = m_lastDataWritten[s->id];
            if (m_store.isOpen() && s->id > 0 && timeMs - written >= 60'000) {
                written = timeMs;
                m_store.noteLastData(s->id, timeMs);
            }
            return false;
        }
        census::CensusState before = m_state;
        const auto s = m_state.noteData(bedKey, timeMs);
        census::ApplyResult r;
        r.changed.push_back(*s);
        QString error;
        created = commitChange(std::move(before), std::move(r), std::nullopt, std::nullopt, &error).ok;
    }
    if (created)
        notify();
    return created;
}

QStringList AdtEngine::autoDischarge(qint64 nowMs, qint64 afterMs)
{
    QStringList beds;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[bed, stay] : m_state.current())
            if (stay.source != census::StaySource::Adt &&
                std::max(stay.lastDataMs, stay.admitMs) < nowMs - afterMs)
                beds.append(bed);
        for (const QString &bed : std::as_const(beds)) {
            census::CensusState before = m_state;
            QString error;
            commitChange(std::move(before), m_state.discharge(bed, nowMs, QStringLiteral("auto-discharge")),
                         std::nullopt, std::nullopt, &error);
        }
    }
    if (!beds.isEmpty())
        notify();
    return beds;
}

bool AdtEngine::resolveConflict(qint64 id, qint64 nowMs)
{
    {
        std::lock_guard lock(m_mutex);
        const auto it = std::find_if(m_conflicts.begin(), m_conflicts.end(),
                                     [id](const census::Conflict &c) { return c.id == id; });
        if (it == m_conflicts.end())
            return false;
        if (m_store.isOpen()) {
            CensusStore::Commit c;
            c.resolvedConflict = id;
            c.resolvedMs = nowMs;
            QString error;
            if (!m_store.commit(c, &error))
                return false;
        }
        m_conflicts.erase(it);
    }
    notify();
    return true;
}

AdtEngine::Snapshot AdtEngine::snapshot() const
{
    std::lock_guard lock(m_mutex);
    Snapshot s;
    for (const auto &[bed, stay] : m_state.current())
        s.stays.push_back(stay);
    s.conflicts = m_conflicts;
    s.messages = m_messages;
    s.accepted = m_accepted;
    s.errors = m_errors;
    s.resends = m_resends;
    s.ignored = m_ignored;
    return s;
}

std::vector<census::Stay> AdtEngine::search(const QString &text, int limit)
{
    std::lock_guard lock(m_mutex);
    if (!m_store.isOpen())
        return {};
    QString error;
    return m_store.search(text, limit, &error);
}

} // namespace vigil::adt
