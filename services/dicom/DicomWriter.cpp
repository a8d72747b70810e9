#include "DicomWriter.h"

#include "DicomPrivate.h"
#include "DicomTypes.h"
#include "DicomUid.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace vigil::dicom {

using namespace detail;

namespace {

constexpr std::int32_t kPadding = -32768; // Waveform Padding Value: never a real sample (those are clamped
                                          // to +-32767 or refused)

// Shortest decimal that reads back as the same double, as DICOM DS (at most 16 characters).
QString decimal(double v)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    QString s = QString::fromLatin1(buf, r.ptr - buf);
    if (s.size() > 16)
        s = QString::number(v, 'g', 10);
    return s;
}

// Channel Sensitivity for 1/gain, chosen so that float(raw x sensitivity) is the archive's
// float(raw x (1 / gain)) for every raw value of the channel (the archive's own conversion). The shortest
// exact decimal when it fits DS's 16 characters; otherwise 12 significant digits, nudged in the last digit
// until every raw value of the channel maps to the archived float (*exact false when none does).
QString sensitivityText(double gain, const std::vector<std::int32_t> &raw, bool *exact)
{
    const double inv = 1.0 / gain;
    std::vector<std::int32_t> distinct(raw);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const auto works = [&](const QString &text) {
        const double sens = text.toDouble();
        for (std::int32_t k : distinct)
            if (k != kPadding && float(double(k) * sens) != float(double(k) * inv))
                return false;
        return true;
    };
    *exact = true;
    const QString shortest = decimal(inv);
    if (shortest.size() <= 16 && shortest.toDouble() == inv)
        return shortest;
    const int e = int(std::floor(std::log10(std::fabs(inv))));
    const QString exp = QStringLiteral("E") + QString::number(e);
    const int digits = std::min(15, 16 - 1 - int(exp.size()) - (inv < 0 ? 1 : 0)); // "d.ddd" + exponent
    const double scale = std::pow(10.0, e - digits + 1);
    const qint64 m0 = std::llround(inv / scale);
    for (int step = 0; step < 400; ++step) {
        const qint64 m = m0 + ((step % 2) ? (step + 1) / 2 : -(step / 2));
        QString mant = QString::number(std::llabs(m));
        if (mant.size() != digits)
            continue;
        const QString text =
            (m < 0 ? QStringLiteral("-") : QString()) + mant.left(1) + u'.' + mant.mid(1) + exp;
        if (text.size() <= 16 && works(text))
            return text;
    }
    *exact = false;
    return shortest.size() <= 16 ? shortest : QString::number(inv, 'g', 10);
}

QString utc(qint64 ms, const char *fmt)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QLatin1String(fmt));
}

QString dicomTime(qint64 us)
{
    const qint64 ms = us >= 0 ? us / 1000 : (us - 999) / 1000;
    const qint64 frac = us - ms * 1000; // µs below the ms
    return utc(ms, "HHmmss.zzz") + QString::number(frac).rightJustified(3, u'0');
}

QString dicomDateTime(qint64 us)
{
    const qint64 ms = us >= 0 ? us / 1000 : (us - 999) / 1000;
    return utc(ms, "yyyyMMdd") + dicomTime(us) + QStringLiteral("+0000");
}

struct Source
{
    const char *meaning;
    const char *unitCode; // UCUM
    const char *unitMeaning;
};

Source sourceOf(WaveId id)
{
    switch (id) {
    case WaveId::EcgI:
        return {"Lead I", "mV", "millivolt"};
    case WaveId::EcgII:
        return {"Lead II", "mV", "millivolt"};
    case WaveId::EcgIII:
        return {"Lead III", "mV", "millivolt"};
    case WaveId::EcgV:
        return {"Lead V1", "mV", "millivolt"};
    case WaveId::Abp:
        return {"Arterial blood pressure", "mm[Hg]", "mmHg"};
    case WaveId::Pleth: // a normalised amplitude: UCUM "1" is "no units"
        return {"Plethysmogram", "1", "no units"};
    case WaveId::Resp:
        return {"Transthoracic impedance", "Ohm", "ohm"};
    case WaveId::Co2:
        return {"Airway CO2", "mm[Hg]", "mmHg"};
    default:
        return {"", "", ""};
    }
}

bool isEcg(WaveId id)
{
    return id == WaveId::EcgI || id == WaveId::EcgII || id == WaveId::EcgIII || id == WaveId::EcgV;
}

// Channels laid out on one multiplex group's sample grid.
struct GroupChan
{
    WaveId id;
    double gain;
    qint64 firstIndex; // index in the group of the channel's first sample
    double skew;       // fraction of a sample the channel lags the group grid
    std::vector<std::int32_t> raw;
};
struct Group
{
    double rate = 0;
    qint64 startUs = 0;
    qint64 count = 0;
    bool padded = false;
    std::vector<GroupChan> chans;
};

bool buildGroups(const std::vector<archive::WaveStrip> &strips, std::vector<Group> *groups,
                 QStringList *notes, QString *error)
{
    // Every group starts at the acquisition time (the earliest archived sample of any channel): without a
    // Synchronization module dciodvfy refuses Multiplex Group Time Offset, so later channels are padded
    // at their start instead, and the fraction of a sample goes into Channel Sample Skew.
    double groupStart = 1e300;
    for (const archive::WaveStrip &s : strips)
        for (std::size_t i = 0; i < s.samples.size(); ++i)
            if (!std::isnan(s.samples[i])) {
                groupStart = std::min(groupStart, double(s.startUs) + double(i) * 1e6 / s.sampleRate);
                break;
            }
    std::map<double, std::vector<const archive::WaveStrip *>> byRate;
    for (const archive::WaveStrip &s : strips) {
        bool any = false;
        for (float v : s.samples)
            if (!std::isnan(v)) {
                any = true;
                break;
            }
        if (!any) {
            notes->append(QStringLiteral("%1: no samples in the range, left out")
                              .arg(QString::fromUtf8(waveInfo(s.id).label.data(),
                                                     qsizetype(waveInfo(s.id).label.size()))));
            continue;
        }
        byRate[s.sampleRate].push_back(&s);
    }
    for (auto &[rate, list] : byRate) {
        Group g;
        g.rate = rate;
        // Each channel from its first to its last archived sample; the group starts at the earliest.
        struct Span
        {
            const archive::WaveStrip *s;
            qint64 first, last;
            double startUs;
        };
        std::vector<Span> spans;
        for (const archive::WaveStrip *s : list) {
            qint64 first = 0, last = qint64(s->samples.size()) - 1;
            while (std::isnan(s->samples[std::size_t(first)]))
                ++first;
            while (std::isnan(s->samples[std::size_t(last)]))
                --last;
            const double st = double(s->startUs) + double(first) * 1e6 / rate;
            spans.push_back({s, first, last, st});
        }
        g.startUs = qint64(std::floor(groupStart));
        for (const Span &sp : spans) {
            GroupChan c;
            c.id = sp.s->id;
            c.gain = sp.s->gain > 0 ? sp.s->gain : 1.0;
            const double pos = (sp.startUs - groupStart) * rate / 1e6;
            c.firstIndex = qint64(std::floor(pos + 1e-6));
            c.skew = std::max(0.0, pos - double(c.firstIndex));
            if (c.skew < 1e-6)
                c.skew = 0;
            for (qint64 i = sp.first; i <= sp.last; ++i) {
                const float v = sp.s->samples[std::size_t(i)];
                if (std::isnan(v)) {
                    c.raw.push_back(kPadding);
                    g.padded = true;
                    continue;
                }
                const double k = std::round(double(v) * c.gain);
                if (std::fabs(k) > 32767) {
                    *error = QStringLiteral("%1: value %2 needs more than 16 bits at %3 per unit")
                                 .arg(QString::fromUtf8(waveInfo(c.id).label.data(),
                                                        qsizetype(waveInfo(c.id).label.size())))
                                 .arg(double(v))
                                 .arg(c.gain);
                    return false;
                }
                c.raw.push_back(std::int32_t(k));
            }
            g.count = std::max(g.count, c.firstIndex + qint64(c.raw.size()));
            g.chans.push_back(std::move(c));
        }
        for (const GroupChan &c : g.chans)
            if (c.firstIndex > 0 || c.firstIndex + qint64(c.raw.size()) < g.count)
                g.padded = true;
        groups->push_back(std::move(g));
    }
    return true;
}

void putCode(DcmItem *item, const DcmTagKey &seq, const QString &value, const QString &scheme,
             const QString &meaning)
{
    DcmItem *c = nullptr;
    item->findOrCreateSequenceItem(seq, c, -2);
    c->putAndInsertString(DCM_CodeValue, ofs(value).c_str());
    c->putAndInsertString(DCM_CodingSchemeDesignator, ofs(scheme).c_str());
    c->putAndInsertString(DCM_CodeMeaning, ofs(meaning).c_str());
}

// The archive keeps names in display form "Family, Given"; DICOM PN is "Family^Given".
QString personName(const QString &display)
{
    const qsizetype comma = display.indexOf(u',');
    if (comma < 0)
        return display.trimmed().left(64);
    return (display.left(comma).trimmed() + u'^' + display.mid(comma + 1).trimmed()).left(64);
}

struct Uids
{
    QString study, series, instance, frame;
};

void putCommon(DcmDataset *ds, const Identity &who, const WriterOptions &o, const char *sopClass,
               const char *modality, const Uids &u, qint64 contentUs, const QString &seriesDescription)
{
    ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds->putAndInsertString(DCM_SOPClassUID, sopClass);
    ds->putAndInsertString(DCM_SOPInstanceUID, ofs(u.instance).c_str());
    ds->putAndInsertString(DCM_TimezoneOffsetFromUTC, "+0000");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ds->putAndInsertString(DCM_InstanceCreationDate, ofs(utc(now, "yyyyMMdd")).c_str());
    ds->putAndInsertString(DCM_InstanceCreationTime, ofs(utc(now, "HHmmss")).c_str());
    // Patient
    ds->putAndInsertString(DCM_PatientName, ofs(personName(who.patientName)).c_str());
    ds->putAndInsertString(DCM_PatientID, ofs(who.patientId).c_str());
    ds->putAndInsertString(DCM_PatientBirthDate, "");
    ds->putAndInsertString(DCM_PatientSex, "");
    // General Study: one study per stay.
    const qint64 studyMs = who.stayStartMs > 0 ? who.stayStartMs : contentUs / 1000;
    ds->putAndInsertString(DCM_StudyInstanceUID, ofs(u.study).c_str());
    ds->putAndInsertString(DCM_StudyDate, ofs(utc(studyMs, "yyyyMMdd")).c_str());
    ds->putAndInsertString(DCM_StudyTime, ofs(utc(studyMs, "HHmmss")).c_str());
    ds->putAndInsertString(DCM_ReferringPhysicianName, "");
    ds->putAndInsertString(DCM_StudyID, ofs(QString::number(who.stayId).right(16)).c_str());
    ds->putAndInsertString(DCM_AccessionNumber, "");
    ds->putAndInsertString(DCM_StudyDescription, "Central station monitoring");
    // General Series
    ds->putAndInsertString(DCM_Modality, modality);
    ds->putAndInsertString(DCM_SeriesInstanceUID, ofs(u.series).c_str());
    ds->putAndInsertString(DCM_SeriesNumber, "1");
    ds->putAndInsertString(DCM_SeriesDate, ofs(utc(contentUs / 1000, "yyyyMMdd")).c_str());
    ds->putAndInsertString(DCM_SeriesTime, ofs(utc(contentUs / 1000, "HHmmss")).c_str());
    ds->putAndInsertString(DCM_SeriesDescription, ofs(seriesDescription.left(64)).c_str());
    // General Equipment
    ds->putAndInsertString(DCM_Manufacturer, ofs(o.manufacturer).c_str());
    if (!o.institution.isEmpty())
        ds->putAndInsertString(DCM_InstitutionName, ofs(o.institution).c_str());
    if (!o.stationName.isEmpty())
        ds->putAndInsertString(DCM_StationName, ofs(o.stationName.left(16)).c_str());
    ds->putAndInsertString(DCM_ManufacturerModelName, "Vigil central station");
    if (!o.softwareVersion.isEmpty())
        ds->putAndInsertString(DCM_SoftwareVersions, ofs(o.softwareVersion).c_str());
    ds->putAndInsertString(DCM_InstanceNumber, "1");
    ds->putAndInsertString(DCM_ContentDate, ofs(utc(contentUs / 1000, "yyyyMMdd")).c_str());
    ds->putAndInsertString(DCM_ContentTime, ofs(dicomTime(contentUs)).c_str());
}

bool save(DcmFileFormat &ff, const QString &outPath, QString *error)
{
    const OFCondition c =
        ff.saveFile(OFFilename(outPath.toLocal8Bit().constData()), EXS_LittleEndianExplicit);
    if (c.bad()) {
        *error = QStringLiteral("cannot write %1: %2").arg(outPath, qs(c));
        return false;
    }
    return true;
}

Uids uidsFor(const WriterOptions &o, const Identity &who, const QString &kind, const QString &range,
             QString *error)
{
    const QString stay = who.bedKey + u'|' + QString::number(who.stayId);
    Uids u{deriveUid(o.uidRoot, QStringLiteral("study|") + stay),
           deriveUid(o.uidRoot, QStringLiteral("series|") + stay + u'|' + kind),
           deriveUid(o.uidRoot, QStringLiteral("instance|") + stay + u'|' + kind + u'|' + range),
           deriveUid(o.uidRoot, QStringLiteral("frame|") + stay)}; // one time frame for the stay's objects
    if (u.study.isEmpty())
        *error =
            QStringLiteral("invalid UID root '%1' (digits and dots, at most 60 characters)").arg(o.uidRoot);
    return u;
}

} // namespace

Identity identityFor(archive::ArchiveReader &r, const archive::BedRecord &bed, qint64 t1Ms, qint64 t2Ms)
{
    Identity id;
    id.bedKey = bed.key;
    id.bedLabel = bed.label;
    qint64 best = -1;
    for (const archive::StayRecord &s : r.stays(bed.key, t1Ms, t2Ms)) {
        const qint64 end = s.endMs.value_or(std::max(s.lastDataMs, t2Ms));
        const qint64 overlap = std::min(end, t2Ms) - std::max(s.startMs, t1Ms);
        if (overlap > best) {
            best = overlap;
            id.stayId = s.id;
            id.stayStartMs = s.startMs;
            id.patientId = s.patientId;
            id.patientName = s.patientName;
        }
    }
    return id;
}

namespace {

bool hasSamples(const archive::WaveStrip &s)
{
    return std::any_of(s.samples.begin(), s.samples.end(), [](float v) { return !std::isnan(v); });
}

bool present(const std::vector<archive::WaveStrip> &all, WaveId id)
{
    return std::any_of(all.begin(), all.end(), [id](const auto &s) { return s.id == id && hasSamples(s); });
}

// What each object type is in DICOM terms.
struct Kind
{
    const char *sop;
    const char *modality;
    const char *uidKind;     // part of the Series and SOP Instance UIDs' names
    const char *description; // after the bed's label in Series Description
    WaveId single;           // Pulse/Resp/Co2: the one channel; Count otherwise
    double maxRate;          // 0: none beyond the group check below
    const char *iodName;
};

Kind kindOf(WaveType t)
{
    switch (t) {
    case WaveType::Hemodynamic:
        return {kHemodynamicSop, "HD", "hd", " hemodynamic", WaveId::Count, 400, "Hemodynamic"};
    case WaveType::Pulse:
        return {kArterialPulseSop, "HD", "pulse", " pleth", WaveId::Pleth, 600, "Arterial Pulse"};
    case WaveType::Resp:
        return {kRespiratorySop, "RESP", "resp", " respiration", WaveId::Resp, 100, "Respiratory"};
    case WaveType::Co2:
        return {kRespiratorySop, "RESP", "co2", " CO2", WaveId::Co2, 100, "Respiratory"};
    default:
        return {kGeneralEcgSop, "ECG", "ecg", " ECG", WaveId::Count, 0, "General ECG"};
    }
}

QString labelOf(WaveId id)
{
    const WaveInfo &info = waveInfo(id);
    return QString::fromLatin1(info.label.data(), qsizetype(info.label.size()));
}

bool writeFromStrips(archive::ArchiveReader &r, const archive::BedRecord &bed,
                     const std::vector<archive::WaveStrip> &all, qint64 t1Us, qint64 t2Us, WaveType type,
                     const WriterOptions &o, const QString &outPath, WriteResult *res, QString *error)
{
    *res = {};
    bool haveEcg = false, havePressure = false;
    for (const auto &s : all) {
        if (!hasSamples(s))
            continue;
        haveEcg |= isEcg(s.id);
        havePressure |= s.id == WaveId::Abp;
    }
    if (type == WaveType::Auto)
        type = havePressure                  ? WaveType::Hemodynamic
               : haveEcg                     ? WaveType::Ecg
               : present(all, WaveId::Pleth) ? WaveType::Pulse
               : present(all, WaveId::Resp)  ? WaveType::Resp
               : present(all, WaveId::Co2)   ? WaveType::Co2
                                             : WaveType::Ecg;
    const Kind kind = kindOf(type);
    std::vector<archive::WaveStrip> chosen;
    QStringList notes;
    if (type == WaveType::Ecg) {
        if (!haveEcg) {
            *error = QStringLiteral("bed %1 has no ECG in the range").arg(bed.label);
            return false;
        }
        for (const auto &s : all)
            if (isEcg(s.id))
                chosen.push_back(s);
        notes << QStringLiteral("General ECG: the archive holds at most leads I, II, III and V, so never the "
                                "full 12-lead set that 12-lead ECG Storage needs");
    } else if (type == WaveType::Hemodynamic) {
        if (!havePressure) {
            *error = QStringLiteral("bed %1 has no pressure waveform in the range").arg(bed.label);
            return false;
        }
        const archive::WaveStrip *ecg = nullptr;
        for (const auto &s : all)
            if (isEcg(s.id) && (!ecg || s.id == WaveId::EcgII) && hasSamples(s))
                ecg = &s;
        if (ecg && ecg->sampleRate > 400.0) {
            notes << QStringLiteral(
                         "ECG lead left out: %1 Hz is above the 400 Hz Hemodynamic Waveform Storage "
                         "allows")
                         .arg(ecg->sampleRate);
            ecg = nullptr;
        }
        for (const auto &s : all)
            if (s.id == WaveId::Abp || &s == ecg)
                chosen.push_back(s);
    } else {
        // Arterial Pulse and Respiratory hold exactly one channel in one multiplex group (PS3.3 A.34).
        if (!present(all, kind.single)) {
            *error = QStringLiteral("bed %1 has no %2 in the range").arg(bed.label, labelOf(kind.single));
            return false;
        }
        for (const auto &s : all)
            if (s.id == kind.single)
                chosen.push_back(s);
    }
    std::vector<Group> groups;
    if (!buildGroups(chosen, &groups, &notes, error))
        return false;
    if (groups.empty()) {
        *error = QStringLiteral("no samples to export");
        return false;
    }
    if (groups.size() > 4) {
        *error = QStringLiteral("%1 different sample rates: at most 4 multiplex groups are allowed")
                     .arg(groups.size());
        return false;
    }
    for (const Group &g : groups) {
        if (type == WaveType::Ecg && (g.rate < 200 || g.rate > 1000))
            notes << QStringLiteral("sampling frequency %1 Hz is outside the 200-1000 Hz of General ECG")
                         .arg(g.rate);
        if (kind.maxRate > 0 && g.rate > kind.maxRate) {
            *error = QStringLiteral("%1: sampling frequency %2 Hz is above the %3 Hz %4 Waveform Storage "
                                    "allows")
                         .arg(kind.single != WaveId::Count ? labelOf(kind.single) : QStringLiteral("ABP"))
                         .arg(g.rate)
                         .arg(kind.maxRate)
                         .arg(QString::fromLatin1(kind.iodName));
            return false;
        }
    }
    qint64 acqUs = groups.front().startUs;
    for (const Group &g : groups)
        acqUs = std::min(acqUs, g.startUs);

    const Identity who = identityFor(r, bed, t1Us / 1000, t2Us / 1000);
    const bool ecg = type == WaveType::Ecg;
    const bool single = kind.single != WaveId::Count;
    const Uids u = uidsFor(o, who, QString::fromLatin1(kind.uidKind),
                           QString::number(t1Us) + u'-' + QString::number(t2Us), error);
    if (u.study.isEmpty())
        return false;

    DcmFileFormat ff;
    DcmDataset *ds = ff.getDataset();
    putCommon(ds, who, o, kind.sop, kind.modality, u, acqUs,
              (bed.label.isEmpty() ? bed.key : bed.label) + QString::fromLatin1(kind.description));
    ds->putAndInsertString(DCM_AcquisitionDateTime, ofs(dicomDateTime(acqUs)).c_str());
    ds->insertEmptyElement(DCM_AcquisitionContextSequence);
    if (type == WaveType::Hemodynamic)
        ds->insertEmptyElement(DCM_Laterality); // General Series, Type 2C for Hemodynamic (dciodvfy)
    if (single) {
        // Arterial Pulse and Respiratory make the Synchronization and Enhanced General Equipment modules
        // mandatory. One frame of reference per stay, so the stay's objects line up in time (UTC).
        ds->putAndInsertString(DCM_FrameOfReferenceUID, ofs(u.frame).c_str());
        ds->putAndInsertString(DCM_SynchronizationFrameOfReferenceUID, kUtcSyncFrameUid);
        ds->putAndInsertString(DCM_SynchronizationTrigger, "NO TRIGGER");
        ds->putAndInsertString(DCM_AcquisitionTimeSynchronized, "N"); // the station clock, not a time source
        const QString serial = !o.deviceSerial.isEmpty()  ? o.deviceSerial
                               : !o.stationName.isEmpty() ? o.stationName
                                                          : QStringLiteral("unknown");
        ds->putAndInsertString(DCM_DeviceSerialNumber, ofs(serial.left(64)).c_str());
        ds->putAndInsertString(
            DCM_SoftwareVersions,
            ofs(o.softwareVersion.isEmpty() ? QStringLiteral("unknown") : o.softwareVersion).c_str());
    }

    int gi = 0;
    for (const Group &g : groups) {
        DcmItem *wi = nullptr;
        ds->findOrCreateSequenceItem(DCM_WaveformSequence, wi, -2);
        wi->putAndInsertString(DCM_WaveformOriginality, "ORIGINAL");
        wi->putAndInsertUint16(DCM_NumberOfWaveformChannels, Uint16(g.chans.size()));
        wi->putAndInsertUint32(DCM_NumberOfWaveformSamples, Uint32(g.count));
        wi->putAndInsertString(DCM_SamplingFrequency, ofs(decimal(g.rate)).c_str());
        const QString groupName = single           ? labelOf(kind.single)
                                  : ecg && gi == 0 ? QStringLiteral("ECG")
                                                   : QStringLiteral("Group");
        wi->putAndInsertString(DCM_MultiplexGroupLabel,
                               ofs(QStringLiteral("%1 %2 Hz").arg(groupName).arg(g.rate).left(64)).c_str());
        int ci = 0;
        for (const GroupChan &c : g.chans) {
            const WaveInfo &info = waveInfo(c.id);
            const Source src = sourceOf(c.id);
            DcmItem *cd = nullptr;
            wi->findOrCreateSequenceItem(DCM_ChannelDefinitionSequence, cd, -2);
            cd->putAndInsertString(DCM_WaveformChannelNumber, ofs(QString::number(++ci)).c_str());
            cd->putAndInsertString(
                DCM_ChannelLabel,
                ofs(isEcg(c.id) ? QStringLiteral("Lead ") + labelOf(c.id) : labelOf(c.id)).c_str());
            cd->putAndInsertString(DCM_ChannelStatus, "OK");
            putCode(cd, DCM_ChannelSourceSequence, QString::number(info.mdcCode), QStringLiteral("MDC"),
                    QString::fromLatin1(src.meaning));
            bool exact = true;
            cd->putAndInsertString(DCM_ChannelSensitivity,
                                   ofs(sensitivityText(c.gain, c.raw, &exact)).c_str());
            if (!exact)
                res->notes << QStringLiteral(
                                  "%1: no 16-character sensitivity reproduces every archived value "
                                  "bit for bit at gain %2")
                                  .arg(labelOf(c.id))
                                  .arg(c.gain);
            putCode(cd, DCM_ChannelSensitivityUnitsSequence, QString::fromLatin1(src.unitCode),
                    QStringLiteral("UCUM"), QString::fromLatin1(src.unitMeaning));
            cd->putAndInsertString(DCM_ChannelSensitivityCorrectionFactor, "1");
            cd->putAndInsertString(DCM_ChannelBaseline, "0");
            cd->putAndInsertString(DCM_ChannelSampleSkew, ofs(decimal(c.skew)).c_str());
            cd->putAndInsertUint16(DCM_WaveformBitsStored, 16);
        }
        wi->putAndInsertUint16(DCM_WaveformBitsAllocated, 16);
        wi->putAndInsertString(DCM_WaveformSampleInterpretation, "SS");
        if (g.padded) {
            const Uint16 pad = Uint16(std::int16_t(kPadding));
            wi->putAndInsertUint16Array(DCM_WaveformPaddingValue, &pad, 1);
        }
        const std::size_t nch = g.chans.size();
        std::vector<Uint16> data(std::size_t(g.count) * nch, Uint16(std::int16_t(kPadding)));
        for (std::size_t c = 0; c < nch; ++c) {
            const GroupChan &ch = g.chans[c];
            for (std::size_t i = 0; i < ch.raw.size(); ++i)
                data[(std::size_t(ch.firstIndex) + i) * nch + c] = Uint16(std::int16_t(ch.raw[i]));
        }
        wi->putAndInsertUint16Array(DCM_WaveformData, data.data(), static_cast<unsigned long>(data.size()));
        res->channels += int(nch);
        res->samples = std::max(res->samples, g.count);
        ++gi;
    }
    if (!save(ff, outPath, error))
        return false;
    res->path = outPath;
    res->sopClassUid = QString::fromLatin1(kind.sop);
    res->sopInstanceUid = u.instance;
    res->studyUid = u.study;
    res->seriesUid = u.series;
    res->notes = notes + res->notes;
    return true;
}

} // namespace

bool writeWaveform(archive::ArchiveReader &r, const archive::BedRecord &bed, qint64 t1Us, qint64 t2Us,
                   WaveType type, const WriterOptions &o, const QString &outPath, WriteResult *res,
                   QString *error)
{
    *res = {};
    const std::vector<archive::WaveStrip> all = r.waveStrip(bed.key, t1Us, t2Us);
    if (!r.lastError().isEmpty()) {
        *error = r.lastError();
        return false;
    }
    return writeFromStrips(r, bed, all, t1Us, t2Us, type, o, outPath, res, error);
}

bool writeWaveformSet(archive::ArchiveReader &r, const archive::BedRecord &bed, qint64 t1Us, qint64 t2Us,
                      const WriterOptions &o, const QString &outStem, std::vector<WriteResult> *written,
                      QStringList *skipped, QString *error)
{
    written->clear();
    const std::vector<archive::WaveStrip> all = r.waveStrip(bed.key, t1Us, t2Us);
    if (!r.lastError().isEmpty()) {
        *error = r.lastError();
        return false;
    }
    bool haveEcg = false;
    for (const auto &s : all)
        haveEcg |= isEcg(s.id) && hasSamples(s);
    const std::pair<WaveType, bool> plan[] = {
        {WaveType::Ecg, haveEcg},
        {WaveType::Hemodynamic, present(all, WaveId::Abp)},
        {WaveType::Pulse, present(all, WaveId::Pleth)},
        {WaveType::Resp, present(all, WaveId::Resp)},
        {WaveType::Co2, present(all, WaveId::Co2)},
    };
    for (const auto &[type, wanted] : plan) {
        if (!wanted)
            continue;
        const Kind kind = kindOf(type);
        WriteResult res;
        QString why;
        const QString out = outStem + u'-' + QString::fromLatin1(kind.uidKind) + QStringLiteral(".dcm");
        if (writeFromStrips(r, bed, all, t1Us, t2Us, type, o, out, &res, &why))
            written->push_back(std::move(res));
        else
            skipped->append(
                QStringLiteral("%1 %2: %3")
                    .arg(QString::fromLatin1(kind.iodName), QString::fromLatin1(kind.uidKind), why));
    }
    if (written->empty()) {
        *error = skipped->isEmpty() ? QStringLiteral("bed %1 has no waveform in the range").arg(bed.label)
                                    : skipped->join(QStringLiteral("; "));
        return false;
    }
    return true;
}

bool writeEncapsulatedPdf(const QString &pdfPath, const Identity &who, qint64 contentMs, const QString &title,
                          const WriterOptions &o, const QString &outPath, WriteResult *res, QString *error)
{
    *res = {};
    QFile f(pdfPath);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(pdfPath, f.errorString());
        return false;
    }
    QByteArray pdf = f.readAll();
    if (!pdf.startsWith("%PDF-")) {
        *error = QStringLiteral("%1 is not a PDF file").arg(pdfPath);
        return false;
    }
    const QByteArray hash = QByteArray::number(qHash(pdf), 16);
    const Uids u = uidsFor(o, who, QStringLiteral("pdf"),
                           QString::fromLatin1(hash) + u'|' + QString::number(contentMs), error);
    if (u.study.isEmpty())
        return false;
    DcmFileFormat ff;
    DcmDataset *ds = ff.getDataset();
    putCommon(ds, who, o, kEncapsulatedPdfSop, "DOC", u, contentMs * 1000,
              (who.bedLabel.isEmpty() ? who.bedKey : who.bedLabel) + QStringLiteral(" report"));
    ds->putAndInsertString(DCM_ConversionType, "WSD");
    ds->putAndInsertString(DCM_AcquisitionDateTime, ofs(dicomDateTime(contentMs * 1000)).c_str());
    ds->putAndInsertString(DCM_BurnedInAnnotation, "YES");
    ds->putAndInsertString(DCM_DocumentTitle, ofs(title.left(64)).c_str());
    ds->insertEmptyElement(DCM_ConceptNameCodeSequence);
    ds->putAndInsertString(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
    const qsizetype length = pdf.size();
    ds->putAndInsertUint32(DCM_EncapsulatedDocumentLength, Uint32(length));
    if (pdf.size() % 2)
        pdf.append('\0');
    ds->putAndInsertUint8Array(DCM_EncapsulatedDocument, reinterpret_cast<const Uint8 *>(pdf.constData()),
                               static_cast<unsigned long>(pdf.size()));
    if (!save(ff, outPath, error))
        return false;
    res->path = outPath;
    res->sopClassUid = QString::fromLatin1(kEncapsulatedPdfSop);
    res->sopInstanceUid = u.instance;
    res->studyUid = u.study;
    res->seriesUid = u.series;
    return true;
}

} // namespace vigil::dicom
