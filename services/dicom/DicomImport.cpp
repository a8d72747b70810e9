#include "DicomImport.h"

#include <QDateTime>

#include <cmath>
#include <optional>

namespace vigil::dicom {

namespace {

std::optional<WaveId> waveFor(const WaveChannel &c)
{
    bool ok = false;
    const uint code = c.sourceCode.toUInt(&ok);
    if (ok && c.sourceScheme == QLatin1String("MDC"))
        for (const WaveInfo &w : kWaves)
            if (w.mdcCode == code)
                return w.id;
    if (c.sourceScheme == QLatin1String("SCPECG")) {
        if (c.sourceCode == QLatin1String("5.6.3-9-1"))
            return WaveId::EcgI;
        if (c.sourceCode == QLatin1String("5.6.3-9-2"))
            return WaveId::EcgII;
        if (c.sourceCode == QLatin1String("5.6.3-9-61"))
            return WaveId::EcgIII;
        if (c.sourceCode == QLatin1String("5.6.3-9-3"))
            return WaveId::EcgV;
    }
    QString l = c.label.trimmed().toUpper();
    if (l.startsWith(QLatin1String("LEAD ")))
        l = l.mid(5);
    if (l == QLatin1String("I"))
        return WaveId::EcgI;
    if (l == QLatin1String("II"))
        return WaveId::EcgII;
    if (l == QLatin1String("III"))
        return WaveId::EcgIII;
    if (l == QLatin1String("V") || l == QLatin1String("V1"))
        return WaveId::EcgV;
    if (l == QLatin1String("ABP") || l == QLatin1String("ART") || l.startsWith(QLatin1String("ARTERIAL")))
        return WaveId::Abp;
    if (l == QLatin1String("PLETH"))
        return WaveId::Pleth;
    if (l == QLatin1String("RESP"))
        return WaveId::Resp;
    return std::nullopt;
}

// Factor from the file's unit to the station's unit of the channel; nullopt when unknown.
std::optional<double> unitFactor(const QString &unit, WaveId id)
{
    const QString station =
        QString::fromLatin1(waveInfo(id).unit.data(), qsizetype(waveInfo(id).unit.size()));
    if (unit.isEmpty() || unit == station)
        return 1.0;
    if (station == QLatin1String("mV")) {
        if (unit == QLatin1String("uV"))
            return 1e-3;
        if (unit == QLatin1String("V"))
            return 1e3;
    }
    if (station == QLatin1String("mmHg")) {
        if (unit == QLatin1String("mm[Hg]"))
            return 1.0;
        if (unit == QLatin1String("kPa"))
            return 7.500616827;
    }
    return std::nullopt;
}

} // namespace

std::vector<ViewChannel> channelsForView(const WaveformFile &f, QStringList *notes)
{
    std::vector<ViewChannel> out;
    const qint64 t0 = f.acquisitionUs != 0 ? f.acquisitionUs : QDateTime::currentMSecsSinceEpoch() * 1000;
    int n = 0, gi = -1;
    for (const WaveGroup &g : f.groups) {
        ++gi;
        for (const WaveChannel &c : g.channels) {
            ++n;
            ViewChannel v;
            v.group = gi;
            v.groupLabel =
                g.label.trimmed().isEmpty() ? QStringLiteral("group %1").arg(gi + 1) : g.label.trimmed();
            v.label = c.label.trimmed().isEmpty() ? QStringLiteral("channel %1").arg(n) : c.label.trimmed();
            v.rate = g.samplingFrequency;
            if (v.rate <= 0)
                continue;
            v.startUs = t0 + qint64(std::llround(g.timeOffsetMs * 1000.0 + c.skew * 1e6 / v.rate));
            double factor = 1.0;
            const auto id = waveFor(c);
            const auto mapped = id ? unitFactor(c.unit, *id) : std::nullopt;
            if (id && mapped) {
                v.look = *id;
                factor = *mapped;
                v.unit = QString::fromLatin1(waveInfo(*id).unit.data(), qsizetype(waveInfo(*id).unit.size()));
            } else if (const auto mv = unitFactor(c.unit, WaveId::EcgII);
                       mv && !c.unit.isEmpty() && (f.modality == QLatin1String("ECG") || !id)) {
                v.look = WaveId::EcgII; // any other lead (aVR, V2..V6) in mV, drawn as ECG
                factor = *mv;
                v.unit = QStringLiteral("mV");
            } else {
                v.look = WaveId::Pleth; // unknown: scaled to what is shown
                v.unit = c.unit;
                if (notes)
                    notes->append(
                        QStringLiteral("%1: unit '%2' not known, drawn scaled to fit").arg(v.label, c.unit));
            }
            v.samples.reserve(c.raw.size());
            for (std::size_t k = 0; k < c.raw.size(); ++k)
                v.samples.push_back(g.hasPadding && c.raw[k] == g.padding ? std::nanf("")
                                                                          : float(c.value(k) * factor));
            out.push_back(std::move(v));
        }
    }
    return out;
}

bool importToArchive(const WaveformFile &f, archive::Archive &a, const QString &bedKey,
                     const QString &bedLabel, ImportResult *res, QString *error)
{
    *res = {};
    const qint64 t0 = f.acquisitionUs != 0 ? f.acquisitionUs : QDateTime::currentMSecsSinceEpoch() * 1000;
    if (f.acquisitionUs == 0)
        res->notes << QStringLiteral("no acquisition time: placed at the time of the import");
    bool used[kWaveCount] = {};
    bool first = true;
    for (const WaveGroup &g : f.groups) {
        for (const WaveChannel &c : g.channels) {
            const auto id = waveFor(c);
            if (!id) {
                res->notes << QStringLiteral("%1: no station channel for it, left out").arg(c.label);
                continue;
            }
            if (used[int(*id)]) {
                res->notes << QStringLiteral(
                                  "%1: %2 already imported from an earlier channel or group, left out")
                                  .arg(c.label, QString::fromLatin1(waveInfo(*id).label.data(),
                                                                    qsizetype(waveInfo(*id).label.size())));
                continue;
            }
            const auto factor = unitFactor(c.unit, *id);
            if (!factor) {
                res->notes << QStringLiteral("%1: unit '%2' unknown for %3, left out")
                                  .arg(c.label, c.unit,
                                       QString::fromLatin1(waveInfo(*id).unit.data(),
                                                           qsizetype(waveInfo(*id).unit.size())));
                continue;
            }
            used[int(*id)] = true;
            const double rate = g.samplingFrequency;
            const qint64 start = t0 + qint64(std::llround(g.timeOffsetMs * 1000.0 + c.skew * 1e6 / rate));
            const qint64 block = std::max<qint64>(1, qint64(rate)); // one second per update
            for (qint64 i = 0; i < qint64(c.raw.size()); i += block) {
                BedUpdate u;
                u.bedKey = bedKey;
                u.bedLabel = bedLabel;
                u.sourceId = QStringLiteral("dicom");
                if (first)
                    u.patient = PatientInfo{f.patientId, f.patientName, PatientProfile::Adult, {}};
                first = false;
                WaveBlock b;
                b.id = *id;
                b.sampleRate = rate;
                b.startTimeUs = start + qint64(std::llround(double(i) * 1e6 / rate));
                const double step = std::fabs(c.sensitivity * c.correction * *factor);
                b.gain = step > 0 ? 1.0 / step : 0.0;
                const qint64 end = std::min<qint64>(qint64(c.raw.size()), i + block);
                for (qint64 k = i; k < end; ++k)
                    b.samples.push_back(g.hasPadding && c.raw[std::size_t(k)] == g.padding
                                            ? std::nanf("")
                                            : float(c.value(std::size_t(k)) * *factor));
                u.waves.push_back(std::move(b));
                a.store(u);
            }
            ++res->channels;
            res->samples += qint64(c.raw.size());
            res->startUs = res->channels == 1 ? start : std::min(res->startUs, start);
            res->endUs = std::max(res->endUs, start + qint64(double(c.raw.size()) * 1e6 / rate));
        }
    }
    if (res->channels == 0) {
        *error = QStringLiteral("no channel of the file maps to a station channel (%1)")
                     .arg(res->notes.join(QStringLiteral("; ")));
        return false;
    }
    if (!a.flush()) {
        *error = QStringLiteral("the archive did not confirm the import: %1").arg(a.health().error);
        return false;
    }
    return true;
}

} // namespace vigil::dicom
