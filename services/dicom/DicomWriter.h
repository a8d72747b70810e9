// Writes DICOM objects from the archive with DCMTK's dcmdata (docs/DICOM.md): General ECG Waveform
// Storage for the ECG leads of a bed, Hemodynamic Waveform Storage for its pressures (with an ECG lead in
// its own multiplex group when the rate allows), Arterial Pulse Waveform Storage for the pleth,
// Respiratory Waveform Storage for respiration and for CO2 (one channel each, as those IODs require), and
// Encapsulated PDF Storage for any PDF.
//
// Samples are the archive's stored integers (minus the channel's baseline), so for every sample
// raw x Channel Sensitivity = the value the archive returns; gaps are the Waveform Padding Value.
// UIDs derive from bed, stay and range (DicomUid.h): the same export gives the same object.
#pragma once

#include "ArchiveReader.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace vigil::dicom {

// Auto: Hemodynamic when the bed has a pressure, else General ECG, else the pleth, respiration, CO2 object.
// Pulse: the pleth as Arterial Pulse; Resp / Co2: that one channel as Respiratory Waveform.
enum class WaveType { Auto, Ecg, Hemodynamic, Pulse, Resp, Co2 };

struct WriterOptions
{
    QString uidRoot;     // empty: 2.25.<UUID> UIDs
    QString stationName; // (0008,1010)
    QString institution; // (0008,0080)
    QString manufacturer = QStringLiteral("Vigil");
    QString softwareVersion;
    QString deviceSerial; // Enhanced General Equipment (Arterial Pulse, Respiratory); empty: stationName
};

struct WriteResult
{
    QString path;
    QString sopClassUid;
    QString sopInstanceUid;
    QString studyUid;
    QString seriesUid;
    int channels = 0;
    qint64 samples = 0; // per channel, largest group
    QStringList notes;  // what was left out and why
};

// Patient, study and bed as the archive's stay gives them, for the objects' patient and study modules.
struct Identity
{
    QString bedKey;
    QString bedLabel;
    qint64 stayId = 0;
    qint64 stayStartMs = 0;
    QString patientId;   // empty: unknown
    QString patientName; // empty: unknown
};

// The stay overlapping [t1Ms, t2Ms) the longest (the first one when none overlaps).
Identity identityFor(archive::ArchiveReader &r, const archive::BedRecord &bed, qint64 t1Ms, qint64 t2Ms);

bool writeWaveform(archive::ArchiveReader &r, const archive::BedRecord &bed, qint64 t1Us, qint64 t2Us,
                   WaveType type, const WriterOptions &o, const QString &outPath, WriteResult *res,
                   QString *error);

// Every object the range holds, one per kind (General ECG, Hemodynamic, Arterial Pulse, Respiratory for
// respiration and for CO2), each to outStem + "-" + kind + ".dcm". A kind the bed has no samples of is left
// out silently; one that cannot be written (e.g. respiration above Respiratory's 100 Hz) is left out with
// its reason in *skipped. False (and *error) only when nothing could be written.
bool writeWaveformSet(archive::ArchiveReader &r, const archive::BedRecord &bed, qint64 t1Us, qint64 t2Us,
                      const WriterOptions &o, const QString &outStem, std::vector<WriteResult> *written,
                      QStringList *skipped, QString *error);

// Any PDF file as Encapsulated PDF Storage, in the study of `who`'s stay. contentMs: the report's time.
bool writeEncapsulatedPdf(const QString &pdfPath, const Identity &who, qint64 contentMs, const QString &title,
                          const WriterOptions &o, const QString &outPath, WriteResult *res, QString *error);

} // namespace vigil::dicom
