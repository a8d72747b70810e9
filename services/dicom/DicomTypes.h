// Value types of the DICOM side (docs/DICOM.md): what the writer puts into a waveform object and what the
// reader understood from one. No DCMTK type leaks out of services/dicom.
#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <cstdint>
#include <vector>

namespace vigil::dicom {

inline constexpr char kGeneralEcgSop[] = "1.2.840.10008.5.1.4.1.1.9.1.2";
inline constexpr char kTwelveLeadSop[] = "1.2.840.10008.5.1.4.1.1.9.1.1";
inline constexpr char kHemodynamicSop[] = "1.2.840.10008.5.1.4.1.1.9.2.1";
inline constexpr char kArterialPulseSop[] = "1.2.840.10008.5.1.4.1.1.9.5.1"; // one channel, <= 600 Hz, HD
inline constexpr char kRespiratorySop[] = "1.2.840.10008.5.1.4.1.1.9.6.1";   // one channel, <= 100 Hz, RESP
// Synchronization Frame of Reference UID of UTC (PS3.6 "Universal Coordinated Time").
inline constexpr char kUtcSyncFrameUid[] = "1.2.840.10008.15.1.1";
inline constexpr char kEncapsulatedPdfSop[] = "1.2.840.10008.5.1.4.1.1.104.1";

// One channel of a multiplex group. value = (raw + baseline) * sensitivity * correction, in unit.
struct WaveChannel
{
    QString label;
    QString sourceCode; // Channel Source Sequence: code value, scheme, meaning
    QString sourceScheme;
    QString sourceMeaning;
    double sensitivity = 1;
    QString unit; // the Channel Sensitivity Units code value (UCUM)
    double correction = 1;
    double baseline = 0;
    double skew = 0; // samples (Channel Sample Skew) or, when the file gives a time skew, ms * rate / 1000
    std::vector<std::int32_t> raw; // one per sample of the group; padding keeps its raw value
    double value(std::size_t i) const { return (double(raw[i]) + baseline) * sensitivity * correction; }
};

struct WaveGroup
{
    QString label;
    double samplingFrequency = 0;
    double timeOffsetMs = 0; // Multiplex Group Time Offset
    qint64 sampleCount = 0;
    bool hasPadding = false;
    std::int32_t padding = 0;
    QString originality;
    std::vector<WaveChannel> channels;
};

// What the reader understood from a file, and what it found odd (the reader never gives up on a file
// that parses as DICOM; it lists what it had to guess instead).
struct WaveformFile
{
    QString sopClassUid;
    QString sopClassName; // "12-lead ECG", "General ECG", "Hemodynamic", ...
    QString sopInstanceUid;
    QString modality;
    QString patientName;
    QString patientId;
    QString acquisitionDateTime; // as written
    qint64 acquisitionUs = 0;    // UTC epoch µs, 0 = unknown
    QString manufacturer;
    QString model;
    std::vector<WaveGroup> groups;
    QStringList oddities;
};

} // namespace vigil::dicom
