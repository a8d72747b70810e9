#include "DicomReader.h"

#include "DicomPrivate.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimeZone>

#include <cmath>

namespace vigil::dicom {

using namespace detail;

namespace {

QString str(DcmItem *item, const DcmTagKey &tag)
{
    OFString v;
    if (item->findAndGetOFStringArray(tag, v).good())
        return qs(v).trimmed();
    return {};
}

std::optional<double> number(DcmItem *item, const DcmTagKey &tag)
{
    OFString v;
    if (item->findAndGetOFString(tag, v).bad())
        return std::nullopt;
    bool ok = false;
    const double d = qs(v).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<long> integer(DcmItem *item, const DcmTagKey &tag)
{
    Uint16 u16 = 0;
    if (item->findAndGetUint16(tag, u16).good())
        return long(u16);
    Uint32 u32 = 0;
    if (item->findAndGetUint32(tag, u32).good())
        return long(u32);
    return std::nullopt;
}

// DICOM DT ("YYYYMMDDHHMMSS.FFFFFF&ZZXX", parts optional) to UTC µs; no offset = local time of the file,
// taken as UTC (reported as odd).
qint64 parseDateTime(const QString &dt, QStringList *odd)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,6}))?([+-]\d{4})?$)"));
    const auto m = re.match(dt);
    if (!m.hasMatch())
        return 0;
    const auto part = [&m](int i, int def) { return m.captured(i).isEmpty() ? def : m.captured(i).toInt(); };
    const QDate d(part(1, 1), part(2, 1), part(3, 1));
    const QTime t(part(4, 0), part(5, 0), part(6, 0));
    if (!d.isValid() || !t.isValid())
        return 0;
    int offsetS = 0;
    if (!m.captured(8).isEmpty()) {
        const QString o = m.captured(8);
        offsetS = (o[0] == u'-' ? -1 : 1) * (o.mid(1, 2).toInt() * 3600 + o.mid(3, 2).toInt() * 60);
    } else if (odd) {
        odd->append(QStringLiteral("acquisition time has no UTC offset; read as UTC"));
    }
    const qint64 ms = QDateTime(d, t, QTimeZone::utc()).toMSecsSinceEpoch() - qint64(offsetS) * 1000;
    const QString frac = m.captured(7).leftJustified(6, u'0');
    return ms * 1000 + (m.captured(7).isEmpty() ? 0 : frac.toLongLong());
}

// Raw bytes of an OB/OW element in little-endian order.
QByteArray rawBytes(DcmItem *item, const DcmTagKey &tag)
{
    DcmElement *e = nullptr;
    if (item->findAndGetElement(tag, e).bad() || !e)
        return {};
    if (e->getVR() == EVR_OW || e->getVR() == EVR_US || e->getVR() == EVR_SS) {
        Uint16 *w = nullptr;
        if (e->getUint16Array(w).good() && w) {
            const unsigned long n = e->getLength() / 2;
            QByteArray out(qsizetype(n * 2), Qt::Uninitialized);
            for (unsigned long i = 0; i < n; ++i) {
                out[qsizetype(2 * i)] = char(w[i] & 0xff);
                out[qsizetype(2 * i + 1)] = char(w[i] >> 8);
            }
            return out;
        }
    }
    Uint8 *b = nullptr;
    if (e->getUint8Array(b).good() && b)
        return QByteArray(reinterpret_cast<const char *>(b), qsizetype(e->getLength()));
    return {};
}

std::int32_t sampleAt(const QByteArray &data, qsizetype index, int bytes, const QString &interp)
{
    if (bytes == 2) {
        const quint16 v =
            quint16(quint8(data[2 * index])) | quint16(quint16(quint8(data[2 * index + 1])) << 8);
        return interp == QLatin1String("US") ? std::int32_t(v) : std::int32_t(std::int16_t(v));
    }
    const quint8 v = quint8(data[index]);
    return interp == QLatin1String("SB") ? std::int32_t(std::int8_t(v)) : std::int32_t(v);
}

void readChannel(DcmItem *cd, int index, WaveChannel *c, QStringList *odd, double rate)
{
    const QString where = QStringLiteral("channel %1").arg(index + 1);
    c->label = str(cd, DCM_ChannelLabel);
    DcmItem *src = nullptr;
    if (cd->findAndGetSequenceItem(DCM_ChannelSourceSequence, src, 0).good() && src) {
        c->sourceCode = str(src, DCM_CodeValue);
        c->sourceScheme = str(src, DCM_CodingSchemeDesignator);
        c->sourceMeaning = str(src, DCM_CodeMeaning);
        if (c->sourceScheme == QLatin1String("SCPECG") && str(src, DCM_CodingSchemeVersion).isEmpty())
            odd->append(where + QStringLiteral(": SCPECG source code without Coding Scheme Version"));
    } else {
        odd->append(where + QStringLiteral(": no Channel Source Sequence"));
    }
    if (c->label.isEmpty())
        c->label =
            !c->sourceMeaning.isEmpty() ? c->sourceMeaning : QStringLiteral("Channel %1").arg(index + 1);
    if (auto s = number(cd, DCM_ChannelSensitivity); s && *s != 0) {
        c->sensitivity = *s;
    } else {
        c->sensitivity = 1;
        odd->append(where + QStringLiteral(": no usable Channel Sensitivity, values are raw sample units"));
    }
    DcmItem *unit = nullptr;
    if (cd->findAndGetSequenceItem(DCM_ChannelSensitivityUnitsSequence, unit, 0).good() && unit)
        c->unit = str(unit, DCM_CodeValue);
    else if (cd->tagExists(DCM_ChannelSensitivity))
        odd->append(where + QStringLiteral(": sensitivity without Channel Sensitivity Units Sequence"));
    if (auto f = number(cd, DCM_ChannelSensitivityCorrectionFactor))
        c->correction = *f;
    if (auto b = number(cd, DCM_ChannelBaseline))
        c->baseline = *b;
    if (auto k = number(cd, DCM_ChannelSampleSkew))
        c->skew = *k;
    else if (auto t = number(cd, DCM_ChannelTimeSkew))
        c->skew = *t * rate / 1000.0;
    else
        odd->append(where +
                    QStringLiteral(": neither Channel Sample Skew nor Channel Time Skew (taken as 0)"));
}

} // namespace

QString sopClassName(const QString &uid)
{
    static const std::pair<const char *, const char *> names[] = {
        {kTwelveLeadSop, "12-lead ECG"},
        {kGeneralEcgSop, "General ECG"},
        {"1.2.840.10008.5.1.4.1.1.9.1.3", "Ambulatory ECG"},
        {kHemodynamicSop, "Hemodynamic"},
        {"1.2.840.10008.5.1.4.1.1.9.3.1", "Basic Cardiac Electrophysiology"},
        {"1.2.840.10008.5.1.4.1.1.9.4.1", "Basic Voice Audio"},
        {kArterialPulseSop, "Arterial Pulse"},
        {kRespiratorySop, "Respiratory"},
        {kEncapsulatedPdfSop, "Encapsulated PDF"},
    };
    for (const auto &[u, n] : names)
        if (uid == QLatin1String(u))
            return QString::fromLatin1(n);
    return QStringLiteral("unknown (%1)").arg(uid);
}

std::optional<WaveformFile> readWaveformFile(const QString &path, QString *error)
{
    DcmFileFormat ff;
    OFCondition c = ff.loadFile(OFFilename(path.toLocal8Bit().constData()));
    if (c.bad()) {
        *error = QStringLiteral("%1: not readable as DICOM: %2").arg(path, qs(c));
        return std::nullopt;
    }
    DcmDataset *ds = ff.getDataset();
    WaveformFile f;
    f.sopClassUid = str(ds, DCM_SOPClassUID);
    if (f.sopClassUid.isEmpty()) {
        f.sopClassUid = str(ff.getMetaInfo(), DCM_MediaStorageSOPClassUID);
        f.oddities << QStringLiteral(
            "no SOP Class UID in the data set; taken from the file meta information");
    }
    f.sopClassName = sopClassName(f.sopClassUid);
    f.sopInstanceUid = str(ds, DCM_SOPInstanceUID);
    f.modality = str(ds, DCM_Modality);
    f.patientName = str(ds, DCM_PatientName);
    f.patientId = str(ds, DCM_PatientID);
    f.manufacturer = str(ds, DCM_Manufacturer);
    f.model = str(ds, DCM_ManufacturerModelName);
    f.acquisitionDateTime = str(ds, DCM_AcquisitionDateTime);
    if (f.acquisitionDateTime.isEmpty()) {
        const QString date = str(ds, DCM_ContentDate), time = str(ds, DCM_ContentTime);
        if (!date.isEmpty()) {
            f.acquisitionDateTime = date + time;
            f.oddities << QStringLiteral("no Acquisition DateTime; Content Date and Time used");
        } else {
            f.oddities << QStringLiteral("no acquisition or content time");
        }
    }
    QStringList *odd = &f.oddities;
    // What dciodvfy finds in real files and a reader can notice cheaply.
    const QString metaUid = str(ff.getMetaInfo(), DCM_MediaStorageSOPInstanceUID);
    if (!metaUid.isEmpty() && metaUid != f.sopInstanceUid)
        odd->append(QStringLiteral("file meta SOP Instance UID %1 differs from the data set's %2")
                        .arg(metaUid, f.sopInstanceUid));
    DcmSequenceOfItems *context = nullptr;
    if (ds->findAndGetSequence(DCM_AcquisitionContextSequence, context).good() && context) {
        for (unsigned long i = 0; i < context->card(); ++i)
            if (!context->getItem(i)->tagExists(DCM_ValueType))
                odd->append(QStringLiteral("Acquisition Context item %1 has no Value Type").arg(i + 1));
    } else {
        odd->append(QStringLiteral("no Acquisition Context Sequence"));
    }
    const bool synchronized = ds->tagExists(DCM_SynchronizationFrameOfReferenceUID);
    if (!f.acquisitionDateTime.isEmpty()) {
        QString dt = f.acquisitionDateTime;
        if (!dt.contains(u'+') && !dt.contains(u'-')) {
            const QString tz = str(ds, DCM_TimezoneOffsetFromUTC);
            if (!tz.isEmpty())
                dt += tz;
        }
        f.acquisitionUs = parseDateTime(dt, odd);
        if (f.acquisitionUs == 0)
            odd->append(
                QStringLiteral("acquisition time '%1' is not a DICOM date-time").arg(f.acquisitionDateTime));
    }

    DcmSequenceOfItems *seq = nullptr;
    if (ds->findAndGetSequence(DCM_WaveformSequence, seq).bad() || !seq || seq->card() == 0) {
        *error = QStringLiteral("%1: %2 object without a Waveform Sequence").arg(path, f.sopClassName);
        return std::nullopt;
    }
    for (unsigned long gi = 0; gi < seq->card(); ++gi) {
        DcmItem *item = seq->getItem(gi);
        const QString where = QStringLiteral("multiplex group %1").arg(gi + 1);
        WaveGroup g;
        g.label = str(item, DCM_MultiplexGroupLabel);
        g.originality = str(item, DCM_WaveformOriginality);
        g.timeOffsetMs = number(item, DCM_MultiplexGroupTimeOffset).value_or(0);
        if (item->tagExists(DCM_MultiplexGroupTimeOffset) && !synchronized)
            odd->append(where +
                        QStringLiteral(
                            ": Multiplex Group Time Offset without a Synchronization module (used anyway)"));
        const auto rate = number(item, DCM_SamplingFrequency);
        if (!rate || *rate <= 0) {
            odd->append(where + QStringLiteral(": no usable Sampling Frequency; skipped"));
            continue;
        }
        g.samplingFrequency = *rate;
        const int bits = int(integer(item, DCM_WaveformBitsAllocated).value_or(16));
        QString interp = str(item, DCM_WaveformSampleInterpretation);
        if (bits != 8 && bits != 16) {
            odd->append(where + QStringLiteral(": %1 bits allocated is not supported; skipped").arg(bits));
            continue;
        }
        if (interp.isEmpty()) {
            interp = bits == 16 ? QStringLiteral("SS") : QStringLiteral("SB");
            odd->append(where +
                        QStringLiteral(": no Waveform Sample Interpretation, %1 assumed").arg(interp));
        } else if (interp == QLatin1String("MB") || interp == QLatin1String("AB")) {
            odd->append(where + QStringLiteral(": %1 (companded) samples are shown undecoded").arg(interp));
        }
        const int bytes = bits / 8;
        DcmSequenceOfItems *defs = nullptr;
        item->findAndGetSequence(DCM_ChannelDefinitionSequence, defs);
        const long ndefs = defs ? long(defs->card()) : 0;
        long nch = integer(item, DCM_NumberOfWaveformChannels).value_or(0);
        if (nch != ndefs) {
            odd->append(where +
                        QStringLiteral(": %1 channels declared, %2 channel definitions").arg(nch).arg(ndefs));
            if (nch <= 0)
                nch = ndefs;
        }
        if (nch <= 0) {
            odd->append(where + QStringLiteral(": no channels; skipped"));
            continue;
        }
        const QByteArray data = rawBytes(item, DCM_WaveformData);
        const qint64 have = data.size() / (bytes * nch);
        qint64 n = qint64(integer(item, DCM_NumberOfWaveformSamples).value_or(have));
        if (qint64(data.size()) != n * bytes * nch) {
            odd->append(where +
                        QStringLiteral(": Waveform Data holds %1 bytes, %2 samples x %3 channels x %4 "
                                       "bytes expected; %5 samples read")
                            .arg(data.size())
                            .arg(n)
                            .arg(nch)
                            .arg(bytes)
                            .arg(std::min(n, have)));
            n = std::min(n, have);
        }
        g.sampleCount = n;
        const QByteArray pad = rawBytes(item, DCM_WaveformPaddingValue);
        if (pad.size() >= bytes) {
            g.hasPadding = true;
            g.padding = sampleAt(pad, 0, bytes, interp);
        }
        for (long ci = 0; ci < nch; ++ci) {
            WaveChannel ch;
            DcmItem *cd = defs && ci < ndefs ? defs->getItem(Uint32(ci)) : nullptr;
            if (cd)
                readChannel(cd, int(ci), &ch, odd, g.samplingFrequency);
            else
                ch.label = QStringLiteral("Channel %1").arg(ci + 1);
            ch.raw.resize(std::size_t(n));
            for (qint64 i = 0; i < n; ++i)
                ch.raw[std::size_t(i)] = sampleAt(data, qsizetype(i * nch + ci), bytes, interp);
            g.channels.push_back(std::move(ch));
        }
        f.groups.push_back(std::move(g));
    }
    if (f.groups.empty()) {
        *error = QStringLiteral("%1: no readable multiplex group (%2)")
                     .arg(path, f.oddities.join(QStringLiteral("; ")));
        return std::nullopt;
    }
    return f;
}

QString describe(const WaveformFile &f, int valuesPerChannel)
{
    QString s;
    QTextStream o(&s);
    o << "SOP class: " << f.sopClassName << " (" << f.sopClassUid << ")\n";
    o << "SOP instance: " << f.sopInstanceUid << "\n";
    o << "modality: " << f.modality << "\n";
    o << "patient: " << (f.patientName.isEmpty() ? QStringLiteral("(no name)") : f.patientName) << ", ID "
      << (f.patientId.isEmpty() ? QStringLiteral("(none)") : f.patientId) << "\n";
    o << "device: " << f.manufacturer << " " << f.model << "\n";
    o << "acquisition: " << f.acquisitionDateTime;
    if (f.acquisitionUs != 0)
        o << " ("
          << QDateTime::fromMSecsSinceEpoch(f.acquisitionUs / 1000, QTimeZone::utc())
                 .toString(Qt::ISODateWithMs)
          << ")";
    o << "\n";
    int gi = 0;
    for (const WaveGroup &g : f.groups) {
        o << "group " << ++gi << ": " << (g.label.isEmpty() ? QStringLiteral("(no label)") : g.label) << ", "
          << g.channels.size() << " channels x " << g.sampleCount << " samples at " << g.samplingFrequency
          << " Hz (" << QString::number(double(g.sampleCount) / g.samplingFrequency, 'f', 3) << " s), offset "
          << g.timeOffsetMs << " ms";
        if (g.hasPadding)
            o << ", padding " << g.padding;
        o << "\n";
        for (const WaveChannel &c : g.channels) {
            o << "  " << c.label << ": source " << c.sourceScheme << " " << c.sourceCode << " '"
              << c.sourceMeaning << "', sensitivity " << c.sensitivity << " " << c.unit << ", baseline "
              << c.baseline << ", correction " << c.correction << ", skew " << c.skew << ", values:";
            for (int i = 0; i < valuesPerChannel && std::size_t(i) < c.raw.size(); ++i) {
                if (g.hasPadding && c.raw[std::size_t(i)] == g.padding)
                    o << " (pad)";
                else
                    o << " " << c.value(std::size_t(i));
            }
            o << "\n";
        }
    }
    if (f.oddities.isEmpty()) {
        o << "oddities: none\n";
    } else {
        o << "oddities:\n";
        for (const QString &x : f.oddities)
            o << "  - " << x << "\n";
    }
    return s;
}

} // namespace vigil::dicom
