// PhysioNet WFDB records: header parser, signal reader (formats 16, 61, 80, 160, 212), format-16 writer.
//
// Follows the WFDB header specification v10 (wfdb/wfdb-spec HEADERS.md, header(5) in the WFDB Application
// Guide) and the behaviour of the WFDB C library where the specification leaves room. Deliberate
// differences from the library are marked "Unlike WFDB" below. Multi-segment records are rejected.
//
// Nothing here throws or asserts on input: every malformed header or signal file is reported through the
// error string, naming the header line when one is to blame.
#pragma once

#include "Vitals.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace vigil::wfdb {

struct SignalInfo
{
    QString fileName;
    int format = 16;
    int samplesPerFrame = 1;
    int skew = 0;           // frames of this signal stored before sample 0 (see Record::samples)
    qint64 byteOffset = 0;  // preamble length of the signal file
    double gain = 200.0;    // adu per physical unit; a header gain of 0 or none means 200, as WFDB does
    bool calibrated = true; // false when the header gave no gain or gain 0 (the 200 is a placeholder)
    int baseline = 0;       // adu of physical zero; defaults to adcZero as in WFDB
    QString units = QStringLiteral("mV"); // WFDB's default when the field is absent
    int adcResolution = 12;               // bits; header 0 or absent -> 12 (8 for format 80), as WFDB does
    int adcZero = 0;
    int initialValue = 0; // defaults to adcZero
    int checksum = 0;     // 16-bit sum of all stored samples, compared modulo 2^16
    bool hasChecksum = false;
    int blockSize = 0;
    QString description;
};

struct Header
{
    QString recordName;
    double frameFrequency = 250.0;   // frames per second; WFDB's default when absent
    double counterFrequency = 250.0; // equals frameFrequency when absent or not positive
    double baseCounter = 0.0;
    qint64 numFrames = 0;       // 0 = not given: the signal files decide, checksums cannot be verified
    QString baseTime, baseDate; // as written ("17:27:45", "15/08/1994"), empty when absent
    std::vector<SignalInfo> signalInfos;
    QStringList comments; // text after '#', trimmed, in file order
};

// Formats this reader decodes.
bool isSupportedFormat(int format);
// The sample value a format reserves for "no data" (WFDB_INVALID_SAMPLE as stored); INT32_MIN if none.
int32_t invalidSampleValue(int format);

std::optional<Header> parseHeader(QByteArrayView text, QString *error);

class Record
{
public:
    // Reads the header and all signal files it names (relative to the header's folder). Fails when a
    // signal file is missing or holds fewer samples than the header promises.
    static std::optional<Record> open(const QString &headerPath, QString *error);

    const Header &header() const { return m_header; }
    int signalCount() const { return int(m_header.signalInfos.size()); }
    qint64 frameCount() const { return m_frames; } // numFrames, or what the files hold if not given
    double sampleRate(int s) const;                // frameFrequency * samplesPerFrame
    double durationS() const;

    // All samples of signal s in adu, frameCount() * samplesPerFrame of them, deskewed as the WFDB library
    // does: sample t of a signal with skew k is the sample stored at frame t + k, so samples of all
    // signals with the same time index are simultaneous. The k frames stored before sample 0 are dropped
    // (they still count in the checksum). Unlike WFDB, whose getvec() ends the record max-skew frames
    // early, the last k frames of a skewed signal are kept and hold the invalid value, so every signal
    // spans the same time (wfdb-python's rdrecord does the same, with NaN).
    const std::vector<int32_t> &samples(int s) const { return m_samples[std::size_t(s)]; }

    // 16-bit sum of every stored sample (skewed-away ones included) against the header's checksum.
    // Signals without a checksum, and records without a sample count, are not checked (as in WFDB).
    bool verifyChecksums(QString *error) const;

    bool isInvalid(int s, int32_t adu) const;
    double toPhysical(int s, int32_t adu) const; // (adu - baseline) / gain; NaN for the invalid value

private:
    Header m_header;
    qint64 m_frames = 0;
    std::vector<std::vector<int32_t>> m_samples;
    std::vector<quint16> m_storedSums;
};

// Domain channel for a signal, from its description (case-insensitive, a leading "ECG" or "lead" ignored):
//   I -> EcgI;  II, MLII, ECG -> EcgII;  III, MLIII -> EcgIII;  V, V1..V6, MLV1..6, MCL1..6 -> EcgV;
//   PLETH, PPG -> Pleth;  RESP, RESPIRATION -> Resp;  ABP, ART -> Abp;  CO2, CAPNO -> Co2.
// Anything else (aVR, CVP, PAP, EEG...) has no domain channel.
std::optional<vigil::WaveId> waveIdForSignal(const SignalInfo &signal);

// Writes dir/recordName.hea and dir/recordName.dat (format 16, all signals interleaved in one file).
// header supplies rates, calibration and descriptions; its formats name the representation of the
// input samples, so an input sample equal to invalidSampleValue(header.signalInfos[s].format) is written as
// format 16's invalid value. Signal s needs frames * samplesPerFrame samples, the same frame count for
// all; skew, byte offset and block size are written as 0 because the input is already aligned. Valid
// samples must fit in [-32767, 32767]. Checksums and initial values are computed.
bool writeRecord(const QString &dir, const QString &recordName, const Header &header,
                 const std::vector<std::vector<int32_t>> &samples, QString *error);

} // namespace vigil::wfdb
