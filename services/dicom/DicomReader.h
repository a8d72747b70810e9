// Reads DICOM waveform files (12-lead ECG, General ECG, Hemodynamic and other waveform IODs) with DCMTK.
// Real files are imperfect: the reader takes what it can, lists every guess and inconsistency in
// WaveformFile::oddities, and only fails when the file is not DICOM or holds no waveform at all.
#pragma once

#include "DicomTypes.h"

#include <optional>

namespace vigil::dicom {

std::optional<WaveformFile> readWaveformFile(const QString &path, QString *error);

// Human-readable summary (`vigil dicom show`): identity, groups, channels, first values, oddities.
QString describe(const WaveformFile &f, int valuesPerChannel = 5);

QString sopClassName(const QString &uid);

} // namespace vigil::dicom
