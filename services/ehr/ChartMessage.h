// Charting to the EHR as IHE PCD-01 (the station as Device Observation Reporter): one ORU^R01 per set of
// vitals, with the patient of the bed's stay, OBX-11 F for vitals a clinician validated (OBX-16 her) or
// R for automatic charting, OBX-14 the observation time, and an NTE under a value she corrected (the
// measured value and her reason). docs/ADT.md "Charting".
#pragma once

#include "CensusState.h"
#include "Vitals.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace vigil::ehr {

using ChartValue = census::VitalEntry;

struct ChartSet
{
    QString controlId;
    qint64 createdMs = 0;
    census::PatientIdentity patient;
    QString bedKey; // "unit^room^bed" (PV1-3)
    std::vector<ChartValue> values;
    bool validated = false;   // F (validated, OBX-16 = user) or R (automatic, not verified)
    QString userId, userName; // the validating user ("Family, Given" or a login)
};

std::string buildChartMessage(const ChartSet &set, const QString &sendingFacility = {});

} // namespace vigil::ehr
