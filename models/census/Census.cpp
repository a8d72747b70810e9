// Census: the GUI thread's view of the census and the station's ADT actions.
#include "Census.h"

#include <QDate>
#include <QJsonArray>

namespace vigil::census {

Census::Census(QObject *parent) : QObject(parent) {}

void Census::setStays(std::vector<Stay> stays, std::vector<Conflict> conflicts)
{
    m_stays = std::move(stays);
    m_conflicts = std::move(conflicts);
    emit changed();
}

void Census::setMismatch(const QString &bedKey, const QString &gatewayId, const QString &gatewayName)
{
    const auto it = std::find_if(m_mismatches.begin(), m_mismatches.end(),
                                 [&](const Mismatch &m) { return m.bedKey == bedKey; });
    if (gatewayId.isEmpty()) {
        if (it == m_mismatches.end())
            return;
        m_mismatches.erase(it);
    } else if (it != m_mismatches.end()) {
        if (it->gatewayId == gatewayId && it->gatewayName == gatewayName)
            return;
        it->gatewayId = gatewayId;
        it->gatewayName = gatewayName;
    } else {
        m_mismatches.push_back({bedKey, gatewayId, gatewayName});
    }
    emit changed();
}

bool Census::mismatchKept(const QString &bedKey, const QString &gatewayId) const
{
    const auto it = m_kept.find(bedKey);
    return it != m_kept.end() && it->second == gatewayId;
}

const Stay *Census::stayOf(const QString &bedKey) const
{
    for (const Stay &s : m_stays)
        if (s.bedKey == bedKey)
            return &s;
    return nullptr;
}

QVariantMap Census::toMap(const Stay &s)
{
    const PatientIdentity &p = s.patient;
    return {
        {QStringLiteral("bedKey"), s.bedKey},
        {QStringLiteral("stayId"), s.id},
        {QStringLiteral("mrn"), p.mrn},
        {QStringLiteral("otherIds"), p.otherIds},
        {QStringLiteral("name"), p.displayName()},
        {QStringLiteral("family"), p.family},
        {QStringLiteral("given"), p.given},
        {QStringLiteral("sex"), p.sex},
        {QStringLiteral("birthDate"), p.birthDate.isValid() ? p.birthDate.toString(Qt::ISODate) : QString()},
        {QStringLiteral("profile"), int(p.profile(QDate::currentDate()))},
        {QStringLiteral("profileSet"), p.profileSet.has_value()},
        {QStringLiteral("attending"), p.attending},
        {QStringLiteral("allergies"), p.allergies},
        {QStringLiteral("visit"), p.visit},
        {QStringLiteral("source"), toString(s.source)},
        {QStringLiteral("admitMs"), s.admitMs},
        {QStringLiteral("endMs"), s.endMs ? QVariant(*s.endMs) : QVariant()},
        {QStringLiteral("endReason"), s.endReason},
        {QStringLiteral("lastDataMs"), s.lastDataMs}};
}

PatientIdentity Census::identityFrom(const QVariantMap &m)
{
    PatientIdentity p;
    p.mrn = m.value(QStringLiteral("mrn")).toString().trimmed();
    p.family = m.value(QStringLiteral("family")).toString().trimmed();
    p.given = m.value(QStringLiteral("given")).toString().trimmed();
    p.sex = m.value(QStringLiteral("sex")).toString();
    p.birthDate = QDate::fromString(m.value(QStringLiteral("birthDate")).toString(), Qt::ISODate);
    if (m.contains(QStringLiteral("profileSet")) && m.value(QStringLiteral("profileSet")).toBool())
        p.profileSet = static_cast<PatientProfile>(m.value(QStringLiteral("profile")).toInt());
    p.attending = m.value(QStringLiteral("attending")).toString();
    p.allergies = m.value(QStringLiteral("allergies")).toString();
    p.visit = m.value(QStringLiteral("visit")).toString();
    p.otherIds = m.value(QStringLiteral("otherIds")).toStringList();
    return p;
}

QVariantList Census::stays() const
{
    QVariantList out;
    for (const Stay &s : m_stays)
        out.append(toMap(s));
    return out;
}

QVariantList Census::conflicts() const
{
    QVariantList out;
    for (const Conflict &c : m_conflicts)
        out.append(QVariantMap{{QStringLiteral("id"), c.id},
                               {QStringLiteral("timeMs"), c.timeMs},
                               {QStringLiteral("controlId"), c.controlId},
                               {QStringLiteral("event"), c.event},
                               {QStringLiteral("bedKey"), c.bedKey},
                               {QStringLiteral("mrn"), c.mrn},
                               {QStringLiteral("reason"), c.reason}});
    return out;
}

QVariantList Census::mismatches() const
{
    QVariantList out;
    for (const Mismatch &m : m_mismatches) {
        const Stay *s = stayOf(m.bedKey);
        out.append(QVariantMap{{QStringLiteral("bedKey"), m.bedKey},
                               {QStringLiteral("gatewayId"), m.gatewayId},
                               {QStringLiteral("gatewayName"), m.gatewayName},
                               {QStringLiteral("stayMrn"), s ? s->patient.mrn : QString()},
                               {QStringLiteral("stayName"), s ? s->patient.displayName() : QString()}});
    }
    return out;
}

QVariantMap Census::stayOfBed(const QString &bedKey) const
{
    const Stay *s = stayOf(bedKey);
    return s ? toMap(*s) : QVariantMap();
}

CensusBackend::Done Census::finisher(const QString &action)
{
    return [this, action](bool ok, const QString &reason) {
        m_lastError = ok ? QString() : reason;
        emit actionFinished(action, ok, reason);
    };
}

bool Census::permitted(const QString &action, const QString &target)
{
    QString why;
    if (!m_gate || m_gate(action, target, &why))
        return true;
    finisher(action)(false, why);
    return false;
}

void Census::admit(const QString &bedKey, const QVariantMap &patient)
{
    if (!permitted(QStringLiteral("admit"), bedKey))
        return;
    if (!m_backend)
        return finisher(QStringLiteral("admit"))(false, tr("no census at this station"));
    m_backend->admit(bedKey, identityFrom(patient), finisher(QStringLiteral("admit")));
}

void Census::update(const QString &bedKey, const QVariantMap &patient)
{
    if (!permitted(QStringLiteral("update"), bedKey))
        return;
    if (!m_backend)
        return finisher(QStringLiteral("update"))(false, tr("no census at this station"));
    m_backend->update(bedKey, identityFrom(patient), finisher(QStringLiteral("update")));
}

void Census::transfer(const QString &fromBed, const QString &toBed)
{
    if (!permitted(QStringLiteral("transfer"), fromBed))
        return;
    if (!m_backend)
        return finisher(QStringLiteral("transfer"))(false, tr("no census at this station"));
    m_backend->transfer(fromBed, toBed, finisher(QStringLiteral("transfer")));
}

void Census::discharge(const QString &bedKey)
{
    if (!permitted(QStringLiteral("discharge"), bedKey))
        return;
    if (!m_backend)
        return finisher(QStringLiteral("discharge"))(false, tr("no census at this station"));
    m_backend->discharge(bedKey, finisher(QStringLiteral("discharge")));
}

void Census::resolveConflict(qint64 id)
{
    if (!permitted(QStringLiteral("resolveConflict"), QString::number(id)))
        return;
    if (!m_backend)
        return finisher(QStringLiteral("resolveConflict"))(false, tr("no census at this station"));
    m_backend->resolveConflict(id, finisher(QStringLiteral("resolveConflict")));
}

void Census::resolveMismatch(const QString &bedKey, bool acceptGateway)
{
    if (!permitted(QStringLiteral("resolveMismatch"), bedKey))
        return;
    const auto it = std::find_if(m_mismatches.begin(), m_mismatches.end(),
                                 [&](const Mismatch &m) { return m.bedKey == bedKey; });
    if (it == m_mismatches.end())
        return finisher(QStringLiteral("resolveMismatch"))(false, tr("no identity mismatch on this bed"));
    const Mismatch m = *it;
    if (!acceptGateway) {
        m_kept[bedKey] = m.gatewayId;
        m_mismatches.erase(it);
        emit changed();
        return finisher(QStringLiteral("resolveMismatch"))(true, {});
    }
    const Stay *s = stayOf(bedKey);
    if (!s || !m_backend)
        return finisher(QStringLiteral("resolveMismatch"))(false, tr("bed has no stay"));
    PatientIdentity p = s->patient;
    p.otherIds.append(p.mrn);
    p.mrn = m.gatewayId;
    const QString family = m.gatewayName.section(QStringLiteral(", "), 0, 0);
    const QString given = m.gatewayName.section(QStringLiteral(", "), 1);
    if (!m.gatewayName.isEmpty()) {
        p.family = family;
        p.given = given;
    }
    m_backend->update(bedKey, p, finisher(QStringLiteral("resolveMismatch")));
}

QJsonObject Census::toJson() const
{
    QJsonObject stays;
    for (const Stay &s : m_stays)
        stays[s.bedKey] = QJsonObject::fromVariantMap(toMap(s));
    QJsonObject o;
    o[QStringLiteral("stays")] = stays;
    o[QStringLiteral("conflicts")] = QJsonArray::fromVariantList(conflicts());
    o[QStringLiteral("identity_mismatches")] = QJsonArray::fromVariantList(mismatches());
    o[QStringLiteral("ehr_queue_depth")] = m_ehrQueueDepth;
    return o;
}

QVariantList Census::currentVitals(const QString &bedKey) const
{
    QVariantList out;
    if (!m_backend)
        return out;
    for (const VitalEntry &v : m_backend->currentVitals(bedKey)) {
        const NumericInfo &info = numericInfo(v.id);
        out.append(QVariantMap{
            {QStringLiteral("key"), QString::fromLatin1(info.key.data(), qsizetype(info.key.size()))},
            {QStringLiteral("label"), QString::fromLatin1(info.label.data(), qsizetype(info.label.size()))},
            {QStringLiteral("unit"), QString::fromUtf8(info.unit.data(), qsizetype(info.unit.size()))},
            {QStringLiteral("decimals"), info.decimals},
            {QStringLiteral("value"), v.value},
            {QStringLiteral("timeMs"), v.timeMs}});
    }
    return out;
}

void Census::validateVitals(const QString &bedKey, const QVariantList &values)
{
    if (!permitted(QStringLiteral("validateVitals"), bedKey))
        return;
    std::vector<VitalEntry> entries;
    for (const QVariant &item : values) {
        const QVariantMap m = item.toMap();
        const QString key = m.value(QStringLiteral("key")).toString();
        const auto info = std::find_if(kNumerics.begin(), kNumerics.end(), [&](const NumericInfo &n) {
            return QLatin1String(n.key.data(), qsizetype(n.key.size())) == key;
        });
        if (info == kNumerics.end())
            continue;
        VitalEntry v;
        v.id = info->id;
        v.value = m.value(QStringLiteral("value")).toDouble();
        v.timeMs = m.value(QStringLiteral("timeMs")).toLongLong();
        if (m.contains(QStringLiteral("measured")) &&
            m.value(QStringLiteral("measured")).toDouble() != v.value) {
            v.measured = m.value(QStringLiteral("measured")).toDouble();
            v.reason = m.value(QStringLiteral("reason")).toString();
            if (v.reason.trimmed().isEmpty())
                return finisher(QStringLiteral("validateVitals"))(false,
                                                                  tr("a corrected value needs a reason"));
        }
        entries.push_back(v);
    }
    if (entries.empty())
        return finisher(QStringLiteral("validateVitals"))(false, tr("no vitals to chart"));
    if (!m_backend)
        return finisher(QStringLiteral("validateVitals"))(false, tr("no census at this station"));
    m_backend->chart(bedKey, std::move(entries), finisher(QStringLiteral("validateVitals")));
}

void Census::search(const QString &text)
{
    search(text, [this](const QVariantList &found) { emit searchResults(found); });
}

void Census::search(const QString &text, std::function<void(const QVariantList &)> done)
{
    if (!m_backend) {
        done({});
        return;
    }
    m_backend->search(text, [done = std::move(done)](const std::vector<Stay> &found) {
        QVariantList out;
        for (const Stay &s : found)
            out.append(toMap(s));
        done(out);
    });
}

} // namespace vigil::census
