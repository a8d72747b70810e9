// ADT decoding: PID, PV1, MRG into census::AdtEvent, with the checks that make a message unusable.
#include "AdtDecode.h"

#include "Hl7Text.h"

#include <QDate>

namespace vigil::adt {

using namespace vigil::hl7;

namespace {

struct Text
{
    const Message &m;
    bool latin1 = false;
    QString operator()(std::string_view raw) const
    {
        if (raw == "\"\"")
            return {};
        const std::string s = unescaped(raw, m.delimiters());
        return latin1 ? QString::fromLatin1(s.data(), qsizetype(s.size()))
                      : QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
};

DecodeFailure failure(AckCode code, const char *segment, int field, int hl7Code, std::string text)
{
    DecodeFailure f;
    f.code = code;
    f.error.segmentId = segment;
    f.error.field = field;
    f.error.hl7Code = hl7Code;
    f.error.text = std::move(text);
    return f;
}

// PID into an identity; a failure when PID-3 is missing or PID-7 is not a date in the past.
std::optional<DecodeFailure> readPatient(const Segment &pid, const Text &text, const QDate &today,
                                         census::PatientIdentity &p)
{
    if (!pid.valid())
        return failure(AckCode::AE, "PID", 0, errcode::SegmentSequence, "PID segment missing");
    const Field ids = pid.field(3);
    int mrIndex = 0;
    ids.forEachRepetition([&](int r, const Field &f) {
        if (mrIndex == 0 && f.component(5) == "MR" && !f.component(1).empty())
            mrIndex = r;
    });
    if (mrIndex == 0 && !ids.repetition(1).component(1).empty())
        mrIndex = 1;
    if (mrIndex == 0)
        return failure(AckCode::AE, "PID", 3, errcode::RequiredFieldMissing,
                       "PID-3 (patient identifier) missing: the patient cannot be identified");
    ids.forEachRepetition([&](int r, const Field &f) {
        const QString id = text(f.component(1));
        if (r == mrIndex)
            p.mrn = id;
        else if (!id.isEmpty())
            p.otherIds.append(id + QLatin1Char('^') + text(f.component(4)) + QLatin1Char('^') +
                              text(f.component(5)));
    });
    const Field name = pid.field(5).repetition(1);
    p.family = text(name.component(1));
    p.given = text(name.component(2));
    const std::string_view dob = pid.field(7).component(1);
    if (!dob.empty() && dob != "\"\"") {
        // A date (DTM truncated to the day: YYYY[MM[DD]]...); the time and zone of a DOB do not matter.
        const QString digits =
            QString::fromLatin1(dob.data(), qsizetype(std::min<std::size_t>(dob.size(), 8)));
        QDate d;
        if (digits.size() == 8)
            d = QDate::fromString(digits, QStringLiteral("yyyyMMdd"));
        else if (digits.size() == 6)
            d = QDate::fromString(digits + QStringLiteral("01"), QStringLiteral("yyyyMMdd"));
        else if (digits.size() == 4)
            d = QDate::fromString(digits + QStringLiteral("0101"), QStringLiteral("yyyyMMdd"));
        if (!d.isValid())
            return failure(AckCode::AE, "PID", 7, errcode::DataType,
                           "PID-7 (date of birth) is not a date: " + std::string(dob));
        if (d > today)
            return failure(AckCode::AE, "PID", 7, errcode::DataType,
                           "PID-7 (date of birth) " + std::string(dob) +
                               " is in the future; alarm defaults depend on the age, so it is refused");
        p.birthDate = d;
    }
    p.sex = text(pid.field(8).component(1));
    return std::nullopt;
}

void readVisit(const Segment &pv1, const Text &text, census::PatientIdentity &p)
{
    if (!pv1.valid())
        return;
    const Field doc = pv1.field(7).repetition(1);
    const QString family = text(doc.component(2)), given = text(doc.component(3));
    p.attending = !family.isEmpty() ? (given.isEmpty() ? family : family + QStringLiteral(", ") + given)
                                    : text(doc.component(1));
    p.visit = text(pv1.field(19).component(1));
}

} // namespace

BedMap::Resolved BedMap::resolve(const QString &location) const
{
    Resolved r;
    if (location.isEmpty())
        return r;
    const QString unit = location.section(QLatin1Char('^'), 0, 0);
    if (!locations.empty()) {
        const auto it = locations.find(location);
        if (it != locations.end()) {
            r.key = it->second;
            r.ours = r.known = true;
            return r;
        }
    }
    r.key = location;
    if (!units.isEmpty()) {
        r.ours = units.contains(unit);
    } else {
        for (const QString &b : beds)
            if (b.section(QLatin1Char('^'), 0, 0) == unit) {
                r.ours = true;
                break;
            }
    }
    r.known = r.ours && beds.contains(location);
    return r;
}

QString locationOf(const Message &m, const Segment &pv1)
{
    if (!pv1.valid())
        return {};
    const Text text{m, false};
    const Field loc = pv1.field(3);
    const QString unit = text(loc.component(1)), room = text(loc.component(2)), bed = text(loc.component(3));
    if (unit.isEmpty() && room.isEmpty() && bed.isEmpty())
        return {};
    return unit + QLatin1Char('^') + room + QLatin1Char('^') + bed;
}

Decoded decodeAdt(const Message &m, const BedMap &beds, const QDate &today, qint64 nowMs)
{
    Decoded out;
    const Field type = m.header(9);
    out.trigger = QString::fromLatin1(type.component(2).data(), qsizetype(type.component(2).size()));
    if (type.component(1) != "ADT") {
        out.failure = failure(AckCode::AR, "MSH", 9, errcode::UnsupportedMessageType,
                              "message type " + std::string(type.component(1)) + " is not ADT");
        return out;
    }
    const std::optional<census::AdtTrigger> trig = census::triggerFromString(out.trigger);
    if (!trig) {
        // A05 pre-admit, A31 person update...: valid ADT the census does not follow.
        out.ignoredType = true;
        return out;
    }
    const std::string_view charset = m.header(18).component(1);
    const Text text{m, charset == "8859/1"};
    census::AdtEvent e;
    e.trigger = *trig;
    e.controlId = text(m.header(10).component(1));
    e.timeMs = nowMs;
    const Segment evn = m.find("EVN");
    const auto evTime = evn.valid() ? parseDtm(evn.field(2).component(1)) : std::nullopt;
    const auto msgTime = parseDtm(m.header(7).component(1));
    if (evTime)
        e.timeMs = evTime->utcUs / 1000;
    else if (msgTime)
        e.timeMs = msgTime->utcUs / 1000;

    int pidIndex = -1;
    const Segment pid = m.find("PID", 0, &pidIndex);
    if (auto f = readPatient(pid, text, today, e.patient)) {
        out.failure = std::move(f);
        return out;
    }
    int pv1Index = -1;
    const Segment pv1 = m.find("PV1", pidIndex < 0 ? 0 : pidIndex, &pv1Index);
    readVisit(pv1, text, e.patient);
    const auto where = beds.resolve(locationOf(m, pv1));
    e.bedKey = where.key;
    e.bedOurs = where.ours;
    e.bedKnown = where.known;
    if (e.trigger == census::AdtTrigger::A17) {
        int pid2Index = -1;
        const Segment pid2 = m.find("PID", pidIndex + 1, &pid2Index);
        if (!pid2.valid()) {
            out.failure = failure(AckCode::AE, "PID", 0, errcode::SegmentSequence,
                                  "A17 needs two PID/PV1 pairs; the second PID is missing");
            return out;
        }
        if (auto f = readPatient(pid2, text, today, e.patient2)) {
            out.failure = std::move(f);
            return out;
        }
        const Segment pv1b = m.find("PV1", pid2Index);
        readVisit(pv1b, text, e.patient2);
        const auto w2 = beds.resolve(locationOf(m, pv1b));
        e.bedKey2 = w2.key;
        e.bed2Ours = w2.ours;
        e.bed2Known = w2.known;
    }
    if (e.trigger == census::AdtTrigger::A40) {
        const Segment mrg = m.find("MRG");
        const QString prior = mrg.valid() ? text(mrg.field(1).repetition(1).component(1)) : QString();
        if (prior.isEmpty()) {
            out.failure = failure(AckCode::AE, "MRG", 1, errcode::RequiredFieldMissing,
                                  "A40 without MRG-1 (the identifier that is merged away)");
            return out;
        }
        e.mergedMrn = prior;
    } else if (e.trigger != census::AdtTrigger::A17 && e.trigger != census::AdtTrigger::A08 &&
               e.trigger != census::AdtTrigger::A03 && e.trigger != census::AdtTrigger::A11 &&
               e.trigger != census::AdtTrigger::A13 && e.trigger != census::AdtTrigger::A12 &&
               e.bedKey.isEmpty()) {
        out.failure = failure(AckCode::AE, "PV1", 3, errcode::RequiredFieldMissing,
                              "PV1-3 (assigned location) missing: no bed to put the patient in");
        return out;
    }
    out.event = std::move(e);
    return out;
}

} // namespace vigil::adt
