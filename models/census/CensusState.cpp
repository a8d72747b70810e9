// The census rules: what each ADT event and station action does to the stays (docs/ADT.md).
#include "CensusState.h"

#include <QCoreApplication>

namespace vigil::census {

namespace {

const char *const kSourceNames[] = {"adt", "manual", "unadmitted"};
const char *const kTriggerNames[] = {"A01", "A02", "A03", "A04", "A08", "A11", "A12", "A13", "A17", "A40"};

ApplyResult fail(QString reason)
{
    ApplyResult r;
    r.ok = false;
    r.reason = std::move(reason);
    return r;
}

ApplyResult ignored(QString reason)
{
    ApplyResult r;
    r.ignored = true;
    r.reason = std::move(reason);
    return r;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("vigil::census::CensusState",
                                       text); // the context lupdate files them under
}

// What an ADT message says about the patient, laid over what the station knows: fields it leaves empty
// keep their value (a site's ADT may not send allergies the nurse typed), a profile a user set stays.
PatientIdentity merged(const PatientIdentity &known, const PatientIdentity &sent)
{
    PatientIdentity p = known;
    p.mrn = sent.mrn.isEmpty() ? known.mrn : sent.mrn;
    if (!sent.otherIds.isEmpty())
        p.otherIds = sent.otherIds;
    if (!sent.family.isEmpty() || !sent.given.isEmpty()) {
        p.family = sent.family;
        p.given = sent.given;
    }
    const auto keep = [](QString &dst, const QString &src) {
        if (!src.isEmpty())
            dst = src;
    };
    keep(p.sex, sent.sex);
    keep(p.attending, sent.attending);
    keep(p.allergies, sent.allergies);
    keep(p.visit, sent.visit);
    if (sent.birthDate.isValid())
        p.birthDate = sent.birthDate;
    if (sent.profileSet)
        p.profileSet = sent.profileSet;
    return p;
}

} // namespace

QString toString(StaySource s)
{
    return QString::fromLatin1(kSourceNames[static_cast<int>(s)]);
}

StaySource staySourceFromString(const QString &s)
{
    for (int i = 0; i < 3; ++i)
        if (s == QLatin1String(kSourceNames[i]))
            return static_cast<StaySource>(i);
    return StaySource::Manual;
}

QString toString(AdtTrigger t)
{
    return QString::fromLatin1(kTriggerNames[static_cast<int>(t)]);
}

std::optional<AdtTrigger> triggerFromString(QStringView s)
{
    for (int i = 0; i < 10; ++i)
        if (s == QLatin1String(kTriggerNames[i]))
            return static_cast<AdtTrigger>(i);
    return std::nullopt;
}

QString PatientIdentity::displayName() const
{
    if (!family.isEmpty() && !given.isEmpty())
        return family + QStringLiteral(", ") + given;
    return family.isEmpty() ? given : family;
}

PatientProfile PatientIdentity::profile(const QDate &today) const
{
    if (profileSet)
        return *profileSet;
    if (!birthDate.isValid() || birthDate > today)
        return PatientProfile::Adult;
    if (birthDate.daysTo(today) < 29)
        return PatientProfile::Neonatal;
    if (birthDate.addYears(13) > today)
        return PatientProfile::Paediatric;
    return PatientProfile::Adult;
}

const Stay *CensusState::stayOfBed(const QString &bedKey) const
{
    const auto it = m_current.find(bedKey);
    return it == m_current.end() ? nullptr : &it->second;
}

const Stay *CensusState::stayOfPatient(const QString &mrn) const
{
    if (mrn.isEmpty())
        return nullptr;
    for (const auto &[bed, stay] : m_current)
        if (stay.patient.mrn == mrn)
            return &stay;
    return nullptr;
}

void CensusState::load(std::vector<Stay> current, std::vector<Stay> lastEnded)
{
    m_current.clear();
    m_lastEnded.clear();
    for (auto &s : current)
        m_current[s.bedKey] = std::move(s);
    for (auto &s : lastEnded)
        m_lastEnded[s.patient.mrn] = std::move(s);
}

void CensusState::setStayId(const QString &bedKey, qint64 id)
{
    const auto it = m_current.find(bedKey);
    if (it != m_current.end())
        it->second.id = id;
}

ApplyResult CensusState::apply(const AdtEvent &e)
{
    const Stay *existing = stayOfPatient(e.patient.mrn);
    switch (e.trigger) {
    case AdtTrigger::A01:
    case AdtTrigger::A04:
        if (!e.bedOurs)
            return ignored(tr("bed outside the station's units"));
        return admitEvent(e);
    case AdtTrigger::A02:
        if (!e.bedOurs) {
            if (!existing)
                return ignored(tr("transfer outside the station's units"));
            return endStay(existing->bedKey, e.timeMs, QStringLiteral("transferred-out"));
        }
        if (!existing)
            return admitEvent(e); // a transfer in from another unit admits here
        return moveStay(e.patient.mrn, e.bedKey, e.bedKnown, e.timeMs, false);
    case AdtTrigger::A03:
        if (!existing) {
            if (!e.bedOurs)
                return ignored(tr("discharge outside the station's units"));
            return fail(tr("discharge of patient %1, who has no stay at this station").arg(e.patient.mrn));
        }
        return endStay(existing->bedKey, e.timeMs, QStringLiteral("discharge"));
    case AdtTrigger::A08: {
        if (!existing) {
            if (!e.bedOurs)
                return ignored(tr("update for a patient outside the station's units"));
            return fail(tr("update for patient %1, who has no stay at this station").arg(e.patient.mrn));
        }
        Stay &s = m_current[existing->bedKey];
        const PatientIdentity p = merged(s.patient, e.patient);
        if (p == s.patient)
            return ignored(tr("nothing changed"));
        s.patient = p;
        ApplyResult r;
        r.changed.push_back(s);
        return r;
    }
    case AdtTrigger::A11: {
        if (!existing) {
            if (!e.bedOurs)
                return ignored(tr("cancel admit outside the station's units"));
            return fail(tr("cancel admit of patient %1, who has no stay at this station").arg(e.patient.mrn));
        }
        ApplyResult r = endStay(existing->bedKey, e.timeMs, QStringLiteral("cancelled"));
        m_lastEnded.erase(e.patient.mrn); // a cancelled admission cannot be un-discharged
        return r;
    }
    case AdtTrigger::A12: {
        if (!existing) {
            if (!e.bedOurs)
                return ignored(tr("cancel transfer outside the station's units"));
            return fail(
                tr("cancel transfer of patient %1, who has no stay at this station").arg(e.patient.mrn));
        }
        if (!e.bedOurs && !e.bedKey.isEmpty())
            return endStay(existing->bedKey, e.timeMs, QStringLiteral("transferred-out"));
        const QString target = (e.bedOurs && !e.bedKey.isEmpty()) ? e.bedKey : existing->priorBedKey;
        if (target.isEmpty())
            return fail(tr("cancel transfer of patient %1: no transfer to cancel").arg(e.patient.mrn));
        return moveStay(e.patient.mrn, target, e.bedOurs ? e.bedKnown : true, e.timeMs, true);
    }
    case AdtTrigger::A13: {
        if (existing)
            return fail(
                tr("cancel discharge of patient %1, who is in bed %2").arg(e.patient.mrn, existing->bedKey));
        const auto it = m_lastEnded.find(e.patient.mrn);
        if (it == m_lastEnded.end()) {
            if (!e.bedOurs)
                return ignored(tr("cancel discharge outside the station's units"));
            return fail(tr("cancel discharge of patient %1: no discharge to cancel").arg(e.patient.mrn));
        }
        Stay s = it->second;
        if (const Stay *occ = stayOfBed(s.bedKey); occ && occ->source != StaySource::Unadmitted)
            return fail(tr("cancel discharge of patient %1: bed %2 is occupied by %3")
                            .arg(e.patient.mrn, s.bedKey, occ->patient.mrn));
        ApplyResult r;
        if (const Stay *occ = stayOfBed(s.bedKey)) { // unadmitted data since: that stay ends
            Stay old = *occ;
            old.endMs = e.timeMs;
            old.endReason = QStringLiteral("replaced");
            r.changed.push_back(old);
        }
        s.endMs.reset();
        s.endReason.clear();
        m_lastEnded.erase(it);
        m_current[s.bedKey] = s;
        r.changed.push_back(s);
        return r;
    }
    case AdtTrigger::A17:
        return swap(e);
    case AdtTrigger::A40:
        return merge(e);
    }
    return fail(tr("unsupported event"));
}

ApplyResult CensusState::admitEvent(const AdtEvent &e)
{
    if (!e.bedKnown)
        return fail(tr("bed %1 does not exist at this station").arg(e.bedKey));
    return admit(e.bedKey, e.patient, StaySource::Adt, e.timeMs);
}

ApplyResult CensusState::admit(const QString &bedKey, const PatientIdentity &p, StaySource source,
                               qint64 nowMs)
{
    if (p.mrn.isEmpty() && source != StaySource::Unadmitted)
        return fail(tr("a patient needs a medical record number"));
    if (const Stay *other = stayOfPatient(p.mrn)) {
        if (other->bedKey != bedKey)
            return fail(tr("patient %1 is already in bed %2").arg(p.mrn, other->bedKey));
        Stay &s = m_current[bedKey];
        const PatientIdentity merged_ = merged(s.patient, p);
        if (merged_ == s.patient)
            return ignored(tr("already admitted to this bed"));
        s.patient = merged_;
        ApplyResult r;
        r.changed.push_back(s);
        return r;
    }
    ApplyResult r;
    const auto it = m_current.find(bedKey);
    if (it != m_current.end()) {
        if (it->second.source != StaySource::Unadmitted)
            return fail(tr("bed %1 is occupied by patient %2").arg(bedKey, it->second.patient.mrn));
        // The data that came before the admission belongs to this patient's stay: adopt it.
        it->second.patient = p;
        it->second.source = source;
        r.changed.push_back(it->second);
        return r;
    }
    Stay s;
    s.id = nextLocalId();
    s.bedKey = bedKey;
    s.patient = p;
    s.source = source;
    s.admitMs = nowMs;
    m_current[bedKey] = s;
    m_lastEnded.erase(p.mrn);
    r.changed.push_back(s);
    return r;
}

ApplyResult CensusState::update(const QString &bedKey, const PatientIdentity &p)
{
    const auto it = m_current.find(bedKey);
    if (it == m_current.end())
        return fail(tr("bed %1 has no stay").arg(bedKey));
    if (p.mrn.isEmpty())
        return fail(tr("a patient needs a medical record number"));
    if (const Stay *other = stayOfPatient(p.mrn); other && other->bedKey != bedKey)
        return fail(tr("patient %1 is already in bed %2").arg(p.mrn, other->bedKey));
    Stay &s = it->second;
    if (s.patient == p && s.source != StaySource::Unadmitted)
        return ignored(tr("nothing changed"));
    s.patient = p;
    if (s.source == StaySource::Unadmitted)
        s.source = StaySource::Manual;
    ApplyResult r;
    r.changed.push_back(s);
    return r;
}

ApplyResult CensusState::transfer(const QString &fromBed, const QString &toBed, qint64 nowMs)
{
    const auto it = m_current.find(fromBed);
    if (it == m_current.end())
        return fail(tr("bed %1 has no stay").arg(fromBed));
    if (it->second.patient.mrn.isEmpty())
        return fail(tr("bed %1 has no admitted patient").arg(fromBed));
    return moveStay(it->second.patient.mrn, toBed, true, nowMs, false);
}

ApplyResult CensusState::moveStay(const QString &mrn, const QString &toBed, bool toKnown, qint64 t,
                                  bool cancelTransfer)
{
    const Stay *cur = stayOfPatient(mrn);
    if (!cur)
        return fail(tr("patient %1 has no stay at this station").arg(mrn));
    if (!toKnown)
        return fail(tr("bed %1 does not exist at this station").arg(toBed));
    if (cur->bedKey == toBed)
        return ignored(tr("already in bed %1").arg(toBed));
    ApplyResult r;
    if (const Stay *occ = stayOfBed(toBed)) {
        if (occ->source != StaySource::Unadmitted)
            return fail(tr("bed %1 is occupied by patient %2").arg(toBed, occ->patient.mrn));
        Stay old = *occ;
        old.endMs = t;
        old.endReason = QStringLiteral("replaced");
        r.changed.push_back(old);
        m_current.erase(toBed);
    }
    Stay s = *cur;
    m_current.erase(s.bedKey);
    s.priorBedKey = cancelTransfer ? QString() : s.bedKey;
    s.bedKey = toBed;
    m_current[toBed] = s;
    r.changed.push_back(s);
    return r;
}

ApplyResult CensusState::discharge(const QString &bedKey, qint64 nowMs, const QString &reason)
{
    if (!m_current.count(bedKey))
        return fail(tr("bed %1 has no stay").arg(bedKey));
    return endStay(bedKey, nowMs, reason);
}

ApplyResult CensusState::endStay(const QString &bedKey, qint64 t, const QString &reason)
{
    const auto it = m_current.find(bedKey);
    ApplyResult r;
    Stay s = it->second;
    m_current.erase(it);
    s.endMs = t;
    s.endReason = reason;
    if (!s.patient.mrn.isEmpty())
        m_lastEnded[s.patient.mrn] = s;
    r.changed.push_back(s);
    return r;
}

ApplyResult CensusState::swap(const AdtEvent &e)
{
    const Stay *a = stayOfPatient(e.patient.mrn);
    const Stay *b = stayOfPatient(e.patient2.mrn);
    if (!a && !b && !e.bedOurs && !e.bed2Ours)
        return ignored(tr("swap outside the station's units"));
    if (e.patient2.mrn.isEmpty())
        return fail(tr("swap without a second patient"));
    if (!a || !b)
        return fail(tr("swap of patients %1 and %2: %3 has no stay at this station")
                        .arg(e.patient.mrn, e.patient2.mrn, a ? e.patient2.mrn : e.patient.mrn));
    if (a == b)
        return fail(tr("swap of patient %1 with itself").arg(e.patient.mrn));
    Stay sa = *a, sb = *b;
    m_current.erase(sa.bedKey);
    m_current.erase(sb.bedKey);
    std::swap(sa.bedKey, sb.bedKey);
    sa.priorBedKey = sb.bedKey;
    sb.priorBedKey = sa.bedKey;
    m_current[sa.bedKey] = sa;
    m_current[sb.bedKey] = sb;
    ApplyResult r;
    r.changed.push_back(sa);
    r.changed.push_back(sb);
    return r;
}

ApplyResult CensusState::merge(const AdtEvent &e)
{
    if (e.mergedMrn.isEmpty())
        return fail(tr("merge without MRG-1 (the identifier that is merged)"));
    if (e.mergedMrn == e.patient.mrn)
        return ignored(tr("merge of an identifier into itself"));
    const Stay *old = stayOfPatient(e.mergedMrn);
    const Stay *surv = stayOfPatient(e.patient.mrn);
    if (old && surv)
        // Two beds, two stays: which one is the real patient is a nurse's decision, never the station's.
        return fail(tr("merge of %1 into %2: both have a stay here (beds %3 and %4)")
                        .arg(e.mergedMrn, e.patient.mrn, old->bedKey, surv->bedKey));
    m_lastEnded.erase(e.mergedMrn);
    if (!old)
        return ignored(tr("merged identifier %1 has no stay at this station").arg(e.mergedMrn));
    Stay &s = m_current[old->bedKey];
    PatientIdentity p = merged(s.patient, e.patient);
    p.otherIds.append(e.mergedMrn);
    s.patient = p;
    ApplyResult r;
    r.changed.push_back(s);
    return r;
}

std::optional<Stay> CensusState::noteData(const QString &bedKey, qint64 timeMs)
{
    auto it = m_current.find(bedKey);
    if (it != m_current.end()) {
        it->second.lastDataMs = std::max(it->second.lastDataMs, timeMs);
        return std::nullopt;
    }
    Stay s;
    s.id = nextLocalId();
    s.bedKey = bedKey;
    s.source = StaySource::Unadmitted;
    s.admitMs = timeMs;
    s.lastDataMs = timeMs;
    m_current[bedKey] = s;
    return s;
}

} // namespace vigil::census
