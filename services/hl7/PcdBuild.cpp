// Building IHE PCD-01 and PCD-04 messages from the domain types: the gateway simulator's traffic and the
// station's outgoing escalations.
#include "Hl7Builder.h"
#include "Hl7Text.h"
#include "PcdCodes.h"

#include <QStringList>

#include <cmath>

namespace vigil::hl7 {

using namespace pcd;

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

void writeHeader(MessageBuilder &b, const SendOptions &o, std::string_view type, std::string_view profile,
                 std::string_view profileOid)
{
    b.segment("MSH")
        .set(3, utf8(o.sendingApplication))
        .set(4, utf8(o.sendingFacility))
        .set(5, utf8(o.receivingApplication))
        .set(6, utf8(o.receivingFacility))
        .setRaw(7, formatDtm(o.messageTimeMs * 1000, 0, 3))
        .setRaw(9, type)
        .set(10, utf8(o.controlId))
        .set(11, utf8(o.processingId))
        .set(12, "2.6")
        .set(15, "AL")
        .set(16, "NE")
        .set(18, "UNICODE UTF-8")
        .set(21, {profile, "IHE PCD", profileOid, "ISO"});
}

void writePatientAndBed(MessageBuilder &b, const std::optional<PatientInfo> &patient, const QString &bedKey)
{
    if (patient) {
        const QString family = patient->name.section(QStringLiteral(", "), 0, 0);
        const QString given = patient->name.section(QStringLiteral(", "), 1);
        b.segment("PID").set(3, {utf8(patient->id), "", "", "", "MR"}).set(5, {utf8(family), utf8(given)});
        if (patient->birthDate.isValid())
            b.setRaw(7, patient->birthDate.toString(QStringLiteral("yyyyMMdd")).toStdString());
    }
    const QStringList parts = bedKey.split(QLatin1Char('^'));
    b.segment("PV1").set(2, "I");
    if (!bedKey.isEmpty())
        b.set(3, {utf8(parts.value(0)), utf8(parts.value(1)), utf8(parts.value(2))});
}

// OBX 1 of every PCD message: the monitor (MDS) the rows below belong to, with no value of its own.
void writeMdsRow(MessageBuilder &b)
{
    b.segment("OBX")
        .set(1, "1")
        .set(3, {"69965", "MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS", "MDC"})
        .set(4, "1.0.0.0")
        .set(11, "X");
}

std::string code(quint32 c)
{
    return std::to_string(c);
}

} // namespace

std::string buildPcd01Numerics(const BedUpdate &u, const SendOptions &o)
{
    MessageBuilder b;
    writeHeader(b, o, "ORU^R01^ORU_R01", "IHE_PCD_001", "1.3.6.1.4.1.19376.1.6.1.1.1");
    writePatientAndBed(b, u.patient, u.bedKey);
    qint64 obrMs = o.messageTimeMs;
    for (const NumericSample &s : u.numerics)
        obrMs = std::max(obrMs, s.timeMs);
    b.segment("OBR").set(1, "1").set(4, {"182777000", "monitoring of patient", "SCT"});
    b.setRaw(7, formatDtm(obrMs * 1000, 0, 3));
    writeMdsRow(b);
    int setId = 2;
    int metric = 1;
    for (const NumericSample &s : u.numerics) {
        const NumericInfo &info = numericInfo(s.id);
        const MdcUnit unit = unitFor(s.id);
        b.segment("OBX").set(1, std::to_string(setId++)).set(2, "NM");
        b.set(3, {code(info.mdcCode), info.mdcRefId, "MDC"});
        b.set(4, "1.1.1." + std::to_string(metric++));
        b.setNumber(5, s.value);
        b.set(6, {code(unit.code), unit.refId, "MDC"});
        // OBX-7: the device's alarm limits ("low-high", ">low", "<high").
        if (s.limitLow || s.limitHigh) {
            const auto num = [](double v) { return QString::number(v, 'g', 6).toStdString(); };
            // Appended piece by piece: g++ 12 at -O3 warns on "<" + std::string (-Wrestrict, GCC bug 105329).
            std::string range;
            if (s.limitLow)
                range.append(s.limitHigh ? "" : ">").append(num(*s.limitLow));
            if (s.limitHigh)
                range.append(s.limitLow ? "-" : "<").append(num(*s.limitHigh));
            b.setRaw(7, range);
        }
        b.set(11, "R");
        b.setRaw(14, formatDtm(s.timeMs * 1000, 0, 3));
        b.set(17, {"AMEAS", "auto-measurement", "MDC"});
    }
    return b.finish();
}

std::string buildPcd01Waveform(const BedUpdate &u, const SendOptions &o)
{
    MessageBuilder b;
    writeHeader(b, o, "ORU^R01^ORU_R01", "IHE_PCD_001", "1.3.6.1.4.1.19376.1.6.1.1.1");
    writePatientAndBed(b, u.patient, u.bedKey);
    qint64 startUs = std::numeric_limits<qint64>::max();
    qint64 endUs = std::numeric_limits<qint64>::min();
    for (const WaveBlock &w : u.waves) {
        startUs = std::min(startUs, w.startTimeUs);
        if (w.sampleRate > 0)
            endUs = std::max(endUs, w.startTimeUs + static_cast<qint64>(
                                                        std::llround(w.samples.size() * 1e6 / w.sampleRate)));
    }
    if (u.waves.empty())
        startUs = endUs = o.messageTimeMs * 1000;
    b.segment("OBR").set(1, "1").set(4, {"69121", "MDC_OBS_WAVE_CTS", "MDC"});
    b.setRaw(7, formatDtm(startUs, 0, 4)).setRaw(8, formatDtm(std::max(startUs, endUs), 0, 4));
    writeMdsRow(b);
    int setId = 2;
    int channel = 1;
    std::vector<std::int32_t> adu;
    for (const WaveBlock &w : u.waves) {
        const WaveInfo &info = waveInfo(w.id);
        const MdcUnit unit = unitFor(w.id);
        const std::string containment = "1.1.1." + std::to_string(channel++);
        b.segment("OBX").set(1, std::to_string(setId++)).set(2, "NA");
        b.set(3, {code(info.mdcCode), info.mdcRefId, "MDC"}).set(4, containment);
        const bool scaled = w.gain > 0;
        if (scaled) {
            adu.resize(w.samples.size());
            for (std::size_t k = 0; k < w.samples.size(); ++k)
                adu[k] = static_cast<std::int32_t>(std::lround(w.samples[k] * w.gain + w.baseline));
            b.setIntegers(5, adu);
        } else {
            b.setNumbers(5, w.samples);
        }
        b.set(6, {code(unit.code), unit.refId, "MDC"})
            .set(11, "R")
            .setRaw(14, formatDtm(w.startTimeUs, 0, 4));
        b.segment("OBX").set(1, std::to_string(setId++)).set(2, "NM");
        b.set(3, {"0", "MDC_ATTR_SAMP_RATE", "MDC"}).set(4, containment + ".1").setNumber(5, w.sampleRate);
        b.set(6, {"264608", "MDC_DIM_PER_SEC", "MDC"}).set(11, "R");
        // Data range: the physical span of the trace; for scaled blocks, the span of a 16-bit adu range,
        // and the scale range next to it makes the adu -> unit map explicit.
        double low = info.rangeLow, high = info.rangeHigh;
        if (scaled) {
            low = (-32768.0 - w.baseline) / w.gain;
            high = (32767.0 - w.baseline) / w.gain;
        }
        std::string range;
        appendNumber(range, low);
        range += b.delimiters().component;
        appendNumber(range, high);
        b.segment("OBX").set(1, std::to_string(setId++)).set(2, "NR");
        b.set(3, {"0", "MDC_ATTR_DATA_RANGE", "MDC"}).set(4, containment + ".2").setRaw(5, range);
        b.set(6, {code(unit.code), unit.refId, "MDC"}).set(11, "R");
        if (scaled) {
            b.segment("OBX").set(1, std::to_string(setId++)).set(2, "NR");
            b.set(3, {"0", "MDC_ATTR_SCALE_RANGE", "MDC"}).set(4, containment + ".3");
            b.setRaw(5, std::string("-32768") + b.delimiters().component + "32767").set(11, "R");
        }
    }
    return b.finish();
}

std::string buildPcd04Alarm(const AlarmReport &a, const std::optional<PatientInfo> &patient,
                            const SendOptions &o)
{
    MessageBuilder b;
    writeHeader(b, o, "ORU^R40^ORU_R40", "IHE_PCD_ACM_001", "1.3.6.1.4.1.19376.1.6.4.4");
    writePatientAndBed(b, patient, a.bedKey);
    const std::string id = utf8(a.alarmId);
    b.segment("OBR").set(1, "1");
    // The id goes back as it came (an EI with components), unless it holds what would break the field.
    if (id.find_first_of("|~\r\n\\&") == std::string::npos)
        b.setRaw(3, id);
    else
        b.set(3, id);
    b.set(4, {"196616", "MDC_EVT_ALARM", "MDC"}).setRaw(7, formatDtm(a.timeMs * 1000, 0, 3));
    writeMdsRow(b);
    int setId = 2;
    const auto row = [&](std::string_view type, const CodedValue &c, int facet) -> MessageBuilder & {
        b.segment("OBX").set(1, std::to_string(setId++)).set(2, type);
        b.set(3, {c.code ? code(c.code) : utf8(c.identifier), utf8(c.refId),
                  c.system.isEmpty() ? "MDC" : utf8(c.system)});
        b.set(4, "1.0.0." + std::to_string(facet));
        return b;
    };
    const auto attr = [&](quint32 c, const char *ref, int facet, const QString &v) {
        if (v.isEmpty())
            return;
        row("ST", CodedValue{c, {}, QLatin1String(ref), QStringLiteral("MDC")}, facet)
            .set(5, utf8(v))
            .set(11, "F");
    };
    row("ST", a.event, 1).set(5, utf8(a.eventText)).set(11, "F").setRaw(14, formatDtm(a.timeMs * 1000, 0, 3));
    if (a.sourceValue) {
        row("NM", a.sourceMetric, 2).setNumber(5, *a.sourceValue);
        if (!a.sourceUnit.identifier.isEmpty() || a.sourceUnit.code)
            b.set(6, {a.sourceUnit.code ? code(a.sourceUnit.code) : utf8(a.sourceUnit.identifier),
                      utf8(a.sourceUnit.refId), utf8(a.sourceUnit.system)});
        if (a.limitLow || a.limitHigh) {
            std::string r;
            if (a.limitLow && a.limitHigh) {
                appendNumber(r, *a.limitLow);
                r += '-';
                appendNumber(r, *a.limitHigh);
            } else if (a.limitHigh) {
                r = "<";
                appendNumber(r, *a.limitHigh);
            } else {
                r = ">";
                appendNumber(r, *a.limitLow);
            }
            b.setRaw(7, r);
        }
        b.set(11, "F");
    } else if (a.sourceMetric.code || !a.sourceMetric.refId.isEmpty()) {
        row("CWE", CodedValue{68480, {}, QStringLiteral("MDC_ATTR_ALERT_SOURCE"), QStringLiteral("MDC")}, 2)
            .set(5, {a.sourceMetric.code ? code(a.sourceMetric.code) : utf8(a.sourceMetric.identifier),
                     utf8(a.sourceMetric.refId), "MDC"})
            .set(11, "F");
    }
    attr(68481, "MDC_ATTR_EVENT_PHASE", 3, a.phaseText.isEmpty() ? toHl7(a.phase) : a.phaseText);
    attr(68482, "MDC_ATTR_ALARM_STATE", 4, toHl7(a.state));
    attr(68483, "MDC_ATTR_ALARM_INACTIVATION_STATE", 5, toHl7(a.inactivationState));
    attr(68484, "MDC_ATTR_ALARM_PRIORITY", 6, toHl7(a.priority));
    attr(68485, "MDC_ATTR_ALERT_TYPE", 7, toHl7(a.kind));
    if (a.isHeartbeat || a.confirmTimeoutS > 0) {
        row("NM", CodedValue{67860, {}, QStringLiteral("MDC_ATTR_CONFIRM_TIMEOUT"), QStringLiteral("MDC")}, 8)
            .setNumber(5, a.confirmTimeoutS > 0 ? a.confirmTimeoutS : kDefaultConfirmTimeoutS)
            .set(6, {"264320", "MDC_DIM_SEC", "MDC"})
            .set(11, "F");
    }
    return b.finish();
}

} // namespace vigil::hl7
