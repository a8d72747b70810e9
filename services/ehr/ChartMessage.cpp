// ORU^R01 for charting (see ChartMessage.h).
#include "ChartMessage.h"

#include "Hl7Builder.h"
#include "Hl7Text.h"
#include "PcdCodes.h"

namespace vigil::ehr {

using namespace vigil::hl7;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

} // namespace

std::string buildChartMessage(const ChartSet &set, const QString &sendingFacility)
{
    MessageBuilder b;
    b.segment("MSH").set(3, "VIGIL").set(4, str(sendingFacility)).set(5, "EHR");
    b.setRaw(7, formatDtm(set.createdMs * 1000, 0, 3));
    b.set(9, {"ORU", "R01", "ORU_R01"}).set(10, str(set.controlId)).set(11, "P").set(12, "2.6");
    b.set(15, "AL").set(16, "NE").set(18, "UNICODE UTF-8");
    b.set(21, {"IHE_PCD_001", "IHE PCD", "1.3.6.1.4.1.19376.1.6.1.1.1", "ISO"});
    const census::PatientIdentity &p = set.patient;
    b.segment("PID").set(3, {str(p.mrn), "", "", "", "MR"}).set(5, {str(p.family), str(p.given)});
    if (p.birthDate.isValid())
        b.setRaw(7, p.birthDate.toString(QStringLiteral("yyyyMMdd")).toStdString());
    b.set(8, str(p.sex));
    const QStringList loc = set.bedKey.split(QLatin1Char('^'));
    b.segment("PV1").set(2, "I");
    b.set(3, {str(loc.value(0)), str(loc.value(1)), str(loc.value(2))});
    b.set(19, str(p.visit));
    qint64 obrMs = 0;
    for (const ChartValue &v : set.values)
        obrMs = std::max(obrMs, v.timeMs);
    b.segment("OBR").set(1, "1").set(3, str(set.controlId));
    b.set(4, {"182777000", "monitoring of patient", "SCT"});
    b.setRaw(7, formatDtm(obrMs * 1000, 0, 3));
    int setId = 1;
    const std::string status = set.validated ? "F" : "R";
    const QString family = set.userName.section(QStringLiteral(", "), 0, 0);
    const QString given = set.userName.section(QStringLiteral(", "), 1);
    for (const ChartValue &v : set.values) {
        const NumericInfo &info = numericInfo(v.id);
        const pcd::MdcUnit unit = pcd::unitFor(v.id);
        b.segment("OBX").set(1, std::to_string(setId++)).set(2, "NM");
        b.set(3, {std::to_string(info.mdcCode), std::string(info.mdcRefId), "MDC"});
        b.set(4, "1.1.1." + std::to_string(setId - 1));
        b.setNumber(5, v.value);
        b.set(6, {std::to_string(unit.code), unit.refId, "MDC"});
        b.set(11, status);
        b.setRaw(14, formatDtm(v.timeMs * 1000, 0, 3));
        if (set.validated)
            b.set(16, {str(set.userId), str(family), str(given)});
        b.set(17, {"AMEAS", "auto-measurement", "MDC"});
        if (v.measured) {
            std::string note = "corrected by " + str(set.userName.isEmpty() ? set.userId : set.userName) +
                               " from the measured ";
            appendNumber(note, *v.measured);
            note += ": " + str(v.reason);
            b.segment("NTE").set(1, "1").set(3, note);
        }
    }
    return b.finish();
}

} // namespace vigil::ehr
