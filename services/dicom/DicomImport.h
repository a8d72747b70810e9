// A DICOM waveform file into the station's archive, so the review screens (full disclosure, strips) can
// show it like any bed: each channel the station has a place for (ECG I, II, III, V, pleth, resp, ABP,
// CO2), found by MDC or SCPECG code or by label, in the station's unit, at its own rate and time.
#pragma once

#include "Archive.h"
#include "DicomTypes.h"

#include <vector>

namespace vigil::dicom {

struct ImportResult
{
    int channels = 0;
    qint64 samples = 0;
    qint64 startUs = 0;
    qint64 endUs = 0;
    QStringList notes; // channels left out and why
};

// Every channel of the file, for the viewer (`vigil dicom view`): also those the station has no place for
// (a 12-lead file's aVR..V6). Samples in the station's unit where the channel maps to one, else an ECG
// lead in mV, else the file's own unit; NaN where the file pads.
struct ViewChannel
{
    QString label;      // the file's Channel Label (or "channel N")
    QString unit;       // of `samples`
    WaveId look;        // display colour and scale: the station channel, ECG II for other ECG leads,
                        // pleth (scaled to what is shown) for anything else
    int group = 0;      // multiplex group, from 0
    QString groupLabel; // its Multiplex Group Label, or "group N"
    double rate = 0;    // Hz
    qint64 startUs = 0;
    std::vector<float> samples;
};
std::vector<ViewChannel> channelsForView(const WaveformFile &f, QStringList *notes);

bool importToArchive(const WaveformFile &f, archive::Archive &a, const QString &bedKey,
                     const QString &bedLabel, ImportResult *res, QString *error);

} // namespace vigil::dicom
