// A DICOM waveform file into the station's archive, so the review screens (full disclosure, strips) can
// show it like any bed: each channel the station has a place for (ECG I, II, III, V, pleth, resp, ABP,
// CO2), found by MDC or SCPECG code or by label, in the station's unit, at its own rate and time.
#pragma once

#include "Archive.h"
#include "DicomTypes.h"

namespace vigil::dicom {

struct ImportResult
{
    int channels = 0;
    qint64 samples = 0;
    qint64 startUs = 0;
    qint64 endUs = 0;
    QStringList notes; // channels left out and why
};

bool importToArchive(const WaveformFile &f, archive::Archive &a, const QString &bedKey,
                     const QString &bedLabel, ImportResult *res, QString *error);

} // namespace vigil::dicom
