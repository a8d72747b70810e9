// Decoding IHE PCD-01 (ORU^R01 observations and waveforms) and PCD-04 (ORU^R40 alarms) into the
// station's domain types, and the PV1 / PID fields both carry.
#include "Hl7Scan.h"
#include "Hl7Text.h"
#include "PcdCodes.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace vigil::hl7 {

using namespace pcd;

namespace {

int lastContainmentLevel(std::string_view c)
{
    const std::size_t dot = c.rfind('.');
    if (dot == std::string_view::npos)
        return -1;
    return static_cast<int>(toCode(c.substr(dot + 1)));
}

// OBX-7 "low-high", "<high", ">low"; a leading '-' is a sign, not the separator.
void parseRange(std::string_view s, std::optional<double> &low, std::optional<double> &high)
{
    if (s.empty())
        return;
    if (s.front() == '<') {
        high = parseNumber(s.substr(s.size() > 1 && s[1] == '=' ? 2 : 1));
        return;
    }
    if (s.front() == '>') {
        low = parseNumber(s.substr(s.size() > 1 && s[1] == '=' ? 2 : 1));
        return;
    }
    const std::size_t dash = s.find('-', 1);
    if (dash == std::string_view::npos)
        return;
    low = parseNumber(s.substr(0, dash));
    high = parseNumber(s.substr(dash + 1));
}

// Per-message decoding context: delimiters, text encoding, and the time zone for offset-less times.
class Context
{
public:
    Context(const Message &m, const DecodeOptions &o) : m_msg(m)
    {
        // MSH-18 "8859/1" announces Latin-1; everything else seen in PCD traffic is ASCII or UTF-8.
        m_latin1 = m.header(18).raw().find("8859/1") != std::string_view::npos;
        m_offset = o.defaultUtcOffsetMinutes;
        if (auto t = parseDtm(m.header(7).component(1), m_offset)) {
            if (t->hadOffset)
                m_offset = t->offsetMinutes;
            m_messageUs = t->utcUs;
            m_hasMessageTime = true;
        }
    }

    QString text(std::string_view v)
    {
        if (needsUnescape(v, m_msg.delimiters())) {
            m_scratch.resize(v.size());
            const UnescapeResult r = unescape(v, m_msg.delimiters(), m_scratch.data(), m_scratch.size());
            v = std::string_view(m_scratch.data(), r.size);
        }
        return m_latin1 ? QString::fromLatin1(v.data(), static_cast<qsizetype>(v.size()))
                        : QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    }

    QString rawText(std::string_view v)
    {
        return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
    }

    std::optional<qint64> timeUs(std::string_view v) const
    {
        if (auto t = parseDtm(v, m_offset))
            return t->utcUs;
        return std::nullopt;
    }
    qint64 messageUs() const { return m_messageUs; }
    bool hasMessageTime() const { return m_hasMessageTime; }

    // CWE at components first..first+2 of f.
    CodedValue coded(const Field &f, int first = 1)
    {
        CodedValue c;
        const std::string_view id = f.component(first);
        c.code = toCode(id);
        c.identifier = text(id);
        c.refId = text(f.component(first + 1));
        c.system = text(f.component(first + 2));
        return c;
    }
    // OBX-3: the MDC triplet, wherever the sender put it (LOINC + MDC dual coding uses 4-6).
    CodedValue observationId(const Field &f)
    {
        if (f.component(3) != "MDC" && f.component(6) == "MDC")
            return coded(f, 4);
        return coded(f, 1);
    }

private:
    const Message &m_msg;
    bool m_latin1 = false;
    int m_offset = 0;
    qint64 m_messageUs = 0;
    bool m_hasMessageTime = false;
    std::string m_scratch;
};

QString where(int setId, std::string_view seg = "OBX")
{
    return QStringLiteral("%1-%2: ")
        .arg(QLatin1String(seg.data(), static_cast<qsizetype>(seg.size())))
        .arg(setId);
}

// --- waveform channels ---------------------------------------------------------------------------------

struct PendingWave
{
    CodedValue code;
    CodedValue unit;
    QString containment;
    std::string_view rawContainment;
    std::string_view samples; // NA value, raw
    qint64 startUs = 0;
    double rate = 0;
    std::optional<double> rangeLow, rangeHigh;
    std::optional<double> scaleLow, scaleHigh;
    std::optional<double> resolution;
    int setId = 0;
    // MA channels: their samples come from one shared multiplexed row.
    bool multiplexed = false;
    double gain = 0;
    double baseline = 0;
    std::vector<float> maSamples;
};

// Splits an NA value into floats. Integer-only data is reported so scale facets can apply.
void parseSamples(std::string_view s, char sep, std::vector<double> &out, bool &allIntegers)
{
    out.clear();
    allIntegers = true;
    std::size_t start = 0;
    const auto take = [&](std::string_view tok) {
        while (!tok.empty() && tok.front() == ' ')
            tok.remove_prefix(1);
        while (!tok.empty() && tok.back() == ' ')
            tok.remove_suffix(1);
        if (!tok.empty() && tok.front() == '+')
            tok.remove_prefix(1);
        double v = std::numeric_limits<double>::quiet_NaN();
        if (!tok.empty()) {
            const auto [ptr, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
            if (ec != std::errc() || ptr != tok.data() + tok.size() || !std::isfinite(v))
                v = std::numeric_limits<double>::quiet_NaN();
            else if (allIntegers && tok.find_first_of(".eE") != std::string_view::npos)
                allIntegers = false;
        }
        out.push_back(v);
    };
    detail::forEachByte(s.data(), s.size(), sep, [&](std::size_t i) {
        take(s.substr(start, i - start));
        start = i + 1;
        return true;
    });
    if (!s.empty())
        take(s.substr(start));
}

} // namespace

// --- PV1 / PID -----------------------------------------------------------------------------------------

BedAddress bedAddress(const Message &m)
{
    BedAddress a;
    const Segment pv1 = m.find("PV1");
    if (!pv1.valid())
        return a;
    const Field loc = pv1.field(3);
    Context ctx(m, {});
    const QString unit = ctx.text(loc.component(1));
    const QString room = ctx.text(loc.component(2));
    const QString bed = ctx.text(loc.component(3));
    if (unit.isEmpty() && room.isEmpty() && bed.isEmpty())
        return a;
    a.key = unit + QLatin1Char('^') + room + QLatin1Char('^') + bed;
    if (!room.isEmpty() && !bed.isEmpty())
        a.label = room + QLatin1Char('-') + bed;
    else if (!bed.isEmpty())
        a.label = bed;
    else if (!room.isEmpty())
        a.label = room;
    else
        a.label = unit;
    return a;
}

PatientProfile profileForAge(const QDate &birthDate, const QDate &today)
{
    if (!birthDate.isValid() || birthDate > today)
        return PatientProfile::Adult;
    if (birthDate.daysTo(today) < 29)
        return PatientProfile::Neonatal;
    if (birthDate.addYears(13) > today)
        return PatientProfile::Paediatric;
    return PatientProfile::Adult;
}

std::optional<PatientInfo> patientOf(const Message &m)
{
    const Segment pid = m.find("PID");
    if (!pid.valid())
        return std::nullopt;
    Context ctx(m, {});
    PatientInfo p;
    const Field ids = pid.field(3);
    p.id = ctx.text(ids.repetition(1).component(1));
    const Field name = pid.field(5).repetition(1);
    const auto part = [&](int c) {
        const std::string_view v = name.component(c);
        return v == "\"\"" ? QString() : ctx.text(v);
    };
    const QString family = part(1);
    const QString given = part(2);
    if (!family.isEmpty() && !given.isEmpty())
        p.name = family + QStringLiteral(", ") + given;
    else
        p.name = family.isEmpty() ? given : family;
    if (p.id.isEmpty() && p.name.isEmpty())
        return std::nullopt;
    // PID-7: the patient category follows from the age (docs/HL7.md): under 29 days neonatal, under 13
    // years paediatric. Without a birth date the bed's configured profile (or adult) applies.
    const std::string_view dob = pid.field(7).component(1);
    if (dob.size() >= 8) {
        p.birthDate = QDate::fromString(QString::fromLatin1(dob.data(), 8), QStringLiteral("yyyyMMdd"));
        if (p.birthDate.isValid())
            p.profile = profileForAge(p.birthDate, QDate::currentDate());
    }
    return p;
}

// --- PCD-01 --------------------------------------------------------------------------------------------

DecodedPcd01 decodePcd01(const Message &m, const DecodeOptions &options)
{
    DecodedPcd01 out;
    Context ctx(m, options);
    const BedAddress bed = bedAddress(m);
    out.update.bedKey = bed.key;
    out.update.bedLabel = bed.label;
    out.update.patient = patientOf(m);
    out.controlId = QString::fromStdString(std::string(m.header(10).raw()));
    if (bed.key.isEmpty())
        out.warnings.push_back(QStringLiteral("PV1-3: no bed location; the update has no bed key"));
    if (!ctx.hasMessageTime())
        out.warnings.push_back(QStringLiteral("MSH-7: missing or invalid message time"));

    struct Candidate
    {
        NumericSample sample;
        int rank;
        std::size_t observation;
    };
    std::vector<Candidate> candidates;
    std::vector<PendingWave> waves;
    out.observations.reserve(static_cast<std::size_t>(m.segmentCount()));
    std::vector<double> samples;
    const char compSep = m.delimiters().component;

    qint64 obrUs = ctx.messageUs();
    bool obrHasTime = false;
    FieldIndex f;
    for (int i = 1; i < m.segmentCount(); ++i) {
        const Segment seg = m.segment(i);
        if (seg.is("OBR")) {
            f.reset(seg);
            obrHasTime = false;
            obrUs = ctx.messageUs();
            if (!f[7].empty()) {
                if (auto t = ctx.timeUs(f[7].component(1))) {
                    obrUs = *t;
                    obrHasTime = true;
                } else {
                    out.warnings.push_back(where(toCode(f[1].raw()), "OBR") +
                                           QStringLiteral("bad OBR-7 time"));
                }
            }
            continue;
        }
        if (!seg.is("OBX"))
            continue;
        f.reset(seg);
        const int setId = static_cast<int>(toCode(f[1].raw()));
        const std::string_view type = f[2].raw();
        const std::string_view containment = f[4].raw();

        qint64 timeUs = obrUs;
        if (!f[14].empty()) {
            if (auto t = ctx.timeUs(f[14].component(1)))
                timeUs = *t;
            else
                out.warnings.push_back(where(setId) + QStringLiteral("bad OBX-14 time, using OBR-7/MSH-7"));
        }

        // Facet rows of a waveform channel: "<channel containment>.n".
        PendingWave *parent = nullptr;
        for (PendingWave &w : waves) {
            const std::string_view c = w.rawContainment;
            if (!c.empty() && containment.size() > c.size() && containment[c.size()] == '.' &&
                containment.substr(0, c.size()) == c)
                parent = &w;
        }
        if (parent && type != "NA" && type != "MA") {
            const CodedValue id = ctx.observationId(f[3]);
            const int level = lastContainmentLevel(containment);
            const QString &ref = id.refId;
            const Field value = f[5];
            if (ref.contains(QLatin1String("SAMP")) || id.code == 68320 ||
                (ref.isEmpty() && id.code == 0 && level == 1)) {
                const std::optional<double> r = parseNumber(value.component(1));
                const CodedValue u = ctx.coded(f[6]);
                double perSecond = r.value_or(0);
                if (u.refId.contains(QLatin1String("PER_MIN")) || u.identifier == QLatin1String("/min"))
                    perSecond /= 60.0;
                parent->rate = perSecond;
            } else if (ref.contains(QLatin1String("DATA_RANGE")) || id.code == 68323 ||
                       (ref.isEmpty() && id.code == 0 && level == 2)) {
                parent->rangeLow = parseNumber(value.component(1));
                parent->rangeHigh = parseNumber(value.component(2));
            } else if (ref.contains(QLatin1String("SCALE"))) {
                parent->scaleLow = parseNumber(value.component(1));
                parent->scaleHigh = parseNumber(value.component(2));
            } else if (ref.contains(QLatin1String("MSMT_RES"))) {
                parent->resolution = parseNumber(value.component(1));
            } else {
                out.warnings.push_back(where(setId) + QStringLiteral("unknown waveform attribute ") + ref);
            }
            continue;
        }

        if (type == "NA") {
            PendingWave w;
            w.code = ctx.observationId(f[3]);
            w.unit = ctx.coded(f[6]);
            w.containment = ctx.rawText(containment);
            w.rawContainment = containment;
            w.samples = f[5].raw();
            w.startUs = timeUs;
            w.setId = setId;
            if (f[14].empty() && !obrHasTime && !ctx.hasMessageTime())
                out.warnings.push_back(where(setId) + QStringLiteral("waveform without a start time"));
            waves.push_back(std::move(w));
            continue;
        }
        if (type == "CD") {
            // HL7 v2 channel definition: id&name ^ source ^ sensitivity&unit... ^ correction&baseline&skew
            // ^ sampling frequency ^ min&max. Samples follow in one MA row.
            const Field v = f[5];
            PendingWave w;
            w.multiplexed = true;
            w.setId = setId;
            const std::string_view name = v.subcomponent(1, 2);
            w.code.identifier = ctx.text(name);
            w.code.code = toCode(name);
            w.code.refId = w.code.identifier;
            w.code.system = QStringLiteral("MDC");
            const std::optional<double> sens = parseNumber(v.subcomponent(3, 1));
            w.unit.identifier = ctx.text(v.subcomponent(3, 2));
            w.unit.code = toCode(v.subcomponent(3, 2));
            w.unit.refId = ctx.text(v.subcomponent(3, 3));
            const double corr = parseNumber(v.subcomponent(4, 1)).value_or(1.0);
            w.baseline = parseNumber(v.subcomponent(4, 2)).value_or(0.0);
            if (sens && *sens != 0 && corr != 0)
                w.gain = 1.0 / (*sens * corr);
            w.rate = parseNumber(v.component(5)).value_or(0);
            w.rangeLow = parseNumber(v.subcomponent(6, 1));
            w.rangeHigh = parseNumber(v.subcomponent(6, 2));
            w.startUs = timeUs;
            waves.push_back(std::move(w));
            continue;
        }
        if (type == "MA") {
            std::vector<PendingWave *> chans;
            for (PendingWave &w : waves) {
                if (w.multiplexed && w.samples.empty() && w.maSamples.empty())
                    chans.push_back(&w);
            }
            if (chans.empty()) {
                out.warnings.push_back(where(setId) +
                                       QStringLiteral("MA row without channel definitions (CD)"));
                continue;
            }
            const Field v = f[5];
            const int reps = v.repetitionCount();
            for (PendingWave *w : chans) {
                w->maSamples.reserve(static_cast<std::size_t>(reps));
                if (!f[14].empty())
                    w->startUs = timeUs;
            }
            for (int r = 1; r <= reps; ++r) {
                const Field sample = v.repetition(r);
                for (std::size_t c = 0; c < chans.size(); ++c) {
                    const std::optional<double> adu = parseNumber(sample.component(static_cast<int>(c) + 1));
                    PendingWave &w = *chans[c];
                    double val = adu ? *adu : std::numeric_limits<double>::quiet_NaN();
                    if (adu && w.gain > 0)
                        val = (*adu - w.baseline) / w.gain;
                    w.maSamples.push_back(static_cast<float>(val));
                }
            }
            continue;
        }

        Observation o;
        o.setId = setId;
        o.valueType = ctx.rawText(type);
        o.code = ctx.observationId(f[3]);
        o.containment = ctx.rawText(containment);
        o.value = ctx.text(f[5].raw());
        o.unit = ctx.coded(f[6]);
        o.referenceRange = ctx.text(f[7].raw());
        parseRange(f[7].raw(), o.rangeLow, o.rangeHigh);
        o.status = ctx.rawText(f[11].raw());
        o.timeMs = timeUs / 1000;
        o.method = ctx.text(f[17].component(1));
        o.equipmentId = ctx.text(f[18].component(1));
        o.equipmentName = ctx.text(f[18].component(2));
        if (type == "NM")
            o.number = parseNumber(f[5].raw());

        const std::optional<NumericAlias> alias = numericFor(o.code);
        if (alias && type == "NM") {
            const NumericInfo &info = numericInfo(alias->id);
            const QString label = QLatin1String(info.key.data(), static_cast<qsizetype>(info.key.size()));
            const std::optional<Conversion> conv = conversionFor(o.unit, dimOf(alias->id));
            if (!o.number) {
                out.warnings.push_back(where(setId) +
                                       QStringLiteral("%1 value '%2' is not a number").arg(label, o.value));
            } else if (o.status == QLatin1String("W") || o.status == QLatin1String("D")) {
                out.warnings.push_back(where(setId) +
                                       QStringLiteral("%1 withdrawn (OBX-11 %2)").arg(label, o.status));
            } else if (!conv) {
                out.warnings.push_back(
                    where(setId) +
                    QStringLiteral("%1 in unknown unit '%2', value refused").arg(label, o.unit.identifier));
            } else {
                if (o.unit.identifier.isEmpty() && o.unit.refId.isEmpty())
                    out.warnings.push_back(
                        where(setId) +
                        QStringLiteral("%1 has no unit, %2 assumed")
                            .arg(label, QString::fromUtf8(info.unit.data(),
                                                          static_cast<qsizetype>(info.unit.size()))));
                o.numeric = alias->id;
                o.mappedValue = *o.number * conv->scale + conv->offset;
                NumericSample sample{alias->id, o.mappedValue, o.timeMs};
                // OBX-7: the device's alarm limits for this metric, in the same unit as the value.
                if (o.rangeLow)
                    sample.limitLow = *o.rangeLow * conv->scale + conv->offset;
                if (o.rangeHigh)
                    sample.limitHigh = *o.rangeHigh * conv->scale + conv->offset;
                candidates.push_back({sample, alias->rank, out.observations.size()});
            }
        }
        out.observations.push_back(std::move(o));
    }

    // One tile, one source: keep only the best-ranked source of each numeric (all its samples).
    int best[kNumericCount];
    std::fill(std::begin(best), std::end(best), std::numeric_limits<int>::max());
    for (const Candidate &c : candidates)
        best[static_cast<int>(c.sample.id)] = std::min(best[static_cast<int>(c.sample.id)], c.rank);
    for (const Candidate &c : candidates) {
        if (c.rank == best[static_cast<int>(c.sample.id)])
            out.update.numerics.push_back(c.sample);
        else
            out.observations[c.observation].numeric.reset();
    }

    bool seen[kWaveCount] = {};
    for (PendingWave &w : waves) {
        const std::optional<WaveId> id = waveFor(w.code);
        bool allIntegers = true;
        if (!w.multiplexed)
            parseSamples(w.samples, compSep, samples, allIntegers);
        const std::size_t count = w.multiplexed ? w.maSamples.size() : samples.size();
        if (!id || seen[static_cast<int>(*id)]) {
            out.unmappedWaves.push_back({w.code, w.containment, w.rate, count});
            out.warnings.push_back(where(w.setId) +
                                   (id ? QStringLiteral("second channel for the same trace ")
                                       : QStringLiteral("waveform not shown by the station: ")) +
                                   w.code.refId);
            continue;
        }
        if (!(w.rate > 0)) {
            out.unmappedWaves.push_back({w.code, w.containment, 0, count});
            out.warnings.push_back(where(w.setId) +
                                   QStringLiteral("waveform without a sample rate, dropped"));
            continue;
        }
        const std::optional<Conversion> conv = conversionFor(w.unit, dimOf(*id));
        if (!conv) {
            out.unmappedWaves.push_back({w.code, w.containment, w.rate, count});
            out.warnings.push_back(
                where(w.setId) +
                QStringLiteral("waveform in unknown unit '%1', dropped").arg(w.unit.identifier));
            continue;
        }
        seen[static_cast<int>(*id)] = true;
        WaveBlock b;
        b.id = *id;
        b.sampleRate = w.rate;
        b.startTimeUs = w.startUs;
        if (w.multiplexed) {
            b.samples = std::move(w.maSamples);
            if (conv->scale != 1.0 || conv->offset != 0.0) {
                for (float &s : b.samples)
                    s = static_cast<float>(s * conv->scale + conv->offset);
            } else if (w.gain > 0) {
                b.gain = w.gain;
                b.baseline = static_cast<int>(std::lround(w.baseline));
            }
        } else {
            // Integers with a scale range (adu) and a data range (physical) are a linear map; integers
            // with a resolution are adu times the resolution; anything else is already in the unit.
            double gain = 0, baseline = 0;
            if (allIntegers && w.scaleLow && w.scaleHigh && w.rangeLow && w.rangeHigh &&
                *w.rangeHigh != *w.rangeLow && *w.scaleHigh != *w.scaleLow) {
                gain = (*w.scaleHigh - *w.scaleLow) / (*w.rangeHigh - *w.rangeLow);
                baseline = *w.scaleLow - *w.rangeLow * gain;
            } else if (allIntegers && w.resolution && *w.resolution > 0) {
                gain = 1.0 / *w.resolution;
            }
            b.samples.resize(samples.size());
            for (std::size_t k = 0; k < samples.size(); ++k) {
                double v = samples[k];
                if (gain > 0)
                    v = (v - baseline) / gain;
                b.samples[k] = static_cast<float>(v * conv->scale + conv->offset);
            }
            if (gain > 0 && conv->scale == 1.0 && conv->offset == 0.0) {
                b.gain = gain;
                b.baseline = static_cast<int>(std::lround(baseline));
            }
        }
        out.update.waves.push_back(std::move(b));
    }
    return out;
}

// --- PCD-04 --------------------------------------------------------------------------------------------

DecodedPcd04 decodePcd04(const Message &m, const DecodeOptions &options)
{
    DecodedPcd04 out;
    Context ctx(m, options);
    const BedAddress bed = bedAddress(m);
    out.patient = patientOf(m);
    out.controlId = QString::fromStdString(std::string(m.header(10).raw()));
    if (bed.key.isEmpty())
        out.warnings.push_back(QStringLiteral("PV1-3: no bed location"));

    AlarmReport *a = nullptr;
    FieldIndex f;
    const auto finish = [&]() {
        if (!a)
            return;
        if (a->isHeartbeat && a->confirmTimeoutS <= 0)
            a->confirmTimeoutS = kDefaultConfirmTimeoutS;
        if (a->event.code == 0 && a->event.refId.isEmpty())
            out.warnings.push_back(QStringLiteral("alarm %1: no event row").arg(a->alarmId));
    };
    for (int i = 1; i < m.segmentCount(); ++i) {
        const Segment seg = m.segment(i);
        if (seg.is("OBR")) {
            finish();
            f.reset(seg);
            out.alarms.emplace_back();
            a = &out.alarms.back();
            a->alarmId = ctx.rawText(f[3].raw());
            if (a->alarmId.isEmpty())
                a->alarmId = ctx.rawText(f[2].raw()); // placer number, when the filler one is missing
            a->bedKey = bed.key;
            a->bedLabel = bed.label;
            a->timeMs = ctx.messageUs() / 1000;
            if (auto t = ctx.timeUs(f[7].component(1)))
                a->timeMs = *t / 1000;
            if (a->alarmId.isEmpty())
                out.warnings.push_back(QStringLiteral("OBR-3: alarm without an identifier"));
            continue;
        }
        if (!seg.is("OBX") || !a)
            continue;
        f.reset(seg);
        const int setId = static_cast<int>(toCode(f[1].raw()));
        const std::string_view type = f[2].raw();
        if (type.empty())
            continue; // device hierarchy rows (MDS, VMD, channel)
        const CodedValue id = ctx.observationId(f[3]);
        const Field value = f[5];
        const Facet facet = facetFor(id);
        const int level = lastContainmentLevel(f[4].raw());
        switch (facet) {
        case Facet::Phase:
            a->phaseText = ctx.text(value.raw());
            a->phase = lookup(a->phaseText, kPhases, AlarmPhase::Unknown);
            break;
        case Facet::State:
            a->state = lookup(ctx.text(value.raw()), kStates, AlarmState::Unknown);
            break;
        case Facet::Inactivation:
            a->inactivationState = lookup(ctx.text(value.raw()), kInactivations, AlarmInactivation::Unknown);
            break;
        case Facet::Priority:
            a->priority = lookupOptional(ctx.text(value.raw()), kPriorities);
            break;
        case Facet::Kind:
            a->kind = lookupOptional(ctx.text(value.raw()), kKinds);
            break;
        case Facet::ConfirmTimeout: {
            const std::optional<double> v = parseNumber(value.raw());
            const CodedValue u = ctx.coded(f[6]);
            double seconds = v.value_or(0);
            if (unitIs(u, 264338, {"MDC_DIM_MILLI_SEC", "ms"}))
                seconds /= 1000.0;
            a->confirmTimeoutS = static_cast<int>(std::lround(seconds));
            break;
        }
        case Facet::AlertText:
            a->eventText = ctx.text(value.raw());
            break;
        case Facet::Source:
            // The alert source's value names the metric (a number, or a CWE code^REFID^MDC).
            a->sourceMetric = ctx.coded(value);
            break;
        case Facet::None:
            if (isEvent(id) ||
                (level == 1 && !isEvent(id) && a->event.code == 0 && a->event.refId.isEmpty())) {
                if (id.code == kEvtAlarm && type == "CWE") {
                    a->event = ctx.coded(value); // event code carried as the value of MDC_EVT_ALARM
                } else {
                    a->event = id;
                    if (a->eventText.isEmpty())
                        a->eventText = ctx.text(value.raw());
                }
                // OBX-8 abnormal flags may carry priority and type ("A~PL~ST").
                const Field flags = f[8];
                for (int r = 1; r <= flags.repetitionCount(); ++r) {
                    const QString flag = ctx.text(flags.repetition(r).raw());
                    if (!a->priority)
                        a->priority = lookupOptional(flag, kPriorities);
                    if (!a->kind)
                        a->kind = lookupOptional(flag, kKinds);
                }
                if (!f[14].empty()) {
                    if (auto t = ctx.timeUs(f[14].component(1)))
                        a->timeMs = *t / 1000;
                }
            } else if (level == 2 || type == "NM") {
                a->sourceMetric = id;
                a->sourceValue = parseNumber(value.raw());
                a->sourceUnit = ctx.coded(f[6]);
                parseRange(f[7].raw(), a->limitLow, a->limitHigh);
            } else {
                out.warnings.push_back(where(setId) + QStringLiteral("unknown alarm attribute ") + id.refId);
            }
            break;
        }
    }
    finish();
    for (AlarmReport &r : out.alarms) {
        r.isHeartbeat = r.event.code == kEvtActive || r.event.refId == QLatin1String("MDC_EVT_ACTIVE");
        if (r.isHeartbeat && r.confirmTimeoutS <= 0)
            r.confirmTimeoutS = kDefaultConfirmTimeoutS;
        // Decide here, once, what the report is about; nothing downstream reads codes or words.
        const mdc::AlarmMeaning meaning =
            mdc::alarmMeaning(r.event.code, r.event.refId, r.eventText, r.sourceMetric.code,
                              r.sourceMetric.refId, r.sourceValue, r.limitLow, r.limitHigh);
        r.parameter = meaning.parameter;
        r.direction = meaning.direction;
        r.technicalCode = meaning.technicalCode;
        if (r.technicalCode.isEmpty() && r.kind == alarms::Kind::Technical && !r.isHeartbeat)
            r.technicalCode = mdc::technicalCode(!r.event.refId.isEmpty() ? r.event.refId : r.eventText);
    }
    if (out.alarms.empty())
        out.warnings.push_back(QStringLiteral("no OBR: the message reports no alarm"));
    return out;
}

} // namespace vigil::hl7
