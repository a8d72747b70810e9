// DICOM objects written from the archive pass dciodvfy with zero errors, dump with dcmdump and read in
// pydicom with every sample equal to the archive's; UIDs are stable; the reader opens the two real-world
// files in shared data like pydicom does; a WFDB record replayed into a bed comes back sample for sample.
#include "ArchiveReader.h"
#include "DicomFixtures.h"
#include "DicomImport.h"
#include "DicomReader.h"
#include "DicomUid.h"
#include "DicomWriter.h"
#include "SharedData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace vigil;
using namespace vigil::dicom;
using namespace vigil::dicomtest;

namespace {

QString checker()
{
    return qEnvironmentVariable("VIGIL_DICOM_CHECK");
}

// Expected values of a written object, from the archive's strips laid out as the writer lays them out
// (channels of one rate share a group that starts at the earliest archived sample).
QJsonObject expectedFromStrips(const std::vector<archive::WaveStrip> &strips, const WaveformFile &f)
{
    QJsonArray groups;
    for (const WaveGroup &g : f.groups) {
        QJsonArray chans;
        for (const WaveChannel &c : g.channels) {
            const archive::WaveStrip *s = nullptr;
            for (const auto &st : strips) {
                const QString label = QString::fromLatin1(waveInfo(st.id).label.data(),
                                                          qsizetype(waveInfo(st.id).label.size()));
                if (st.sampleRate == g.samplingFrequency &&
                    (c.label == label || c.label == QStringLiteral("Lead ") + label))
                    s = &st;
            }
            if (!s)
                continue;
            // The group's first sample: the earliest first archived sample of its channels.
            qint64 first = qint64(s->samples.size());
            for (const auto &st : strips)
                if (st.sampleRate == g.samplingFrequency)
                    for (qint64 i = 0; i < qint64(st.samples.size()); ++i)
                        if (!std::isnan(st.samples[std::size_t(i)])) {
                            first = std::min(first, i);
                            break;
                        }
            QJsonArray values;
            for (qint64 k = 0; k < g.sampleCount; ++k) {
                const qint64 i = first + k;
                const float v = i < qint64(s->samples.size()) ? s->samples[std::size_t(i)] : std::nanf("");
                values.append(std::isnan(v) ? QJsonValue() : QJsonValue(double(v)));
            }
            chans.append(QJsonObject{{QStringLiteral("label"), c.label}, {QStringLiteral("values"), values}});
        }
        groups.append(
            QJsonObject{{QStringLiteral("rate"), g.samplingFrequency}, {QStringLiteral("channels"), chans}});
    }
    return QJsonObject{{QStringLiteral("groups"), groups}};
}

bool writeJson(const QString &path, const QJsonObject &o)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) > 0;
}

// The three external checks of every object the station writes.
void checkObject(const QString &file, const QString &expectedJson = {})
{
    QString all;
    const QStringList errors = dciodvfyLines(file, QStringLiteral("Error"), &all);
    QVERIFY2(all.contains(QLatin1String("Waveform")) || all.contains(QLatin1String("Encapsulated")) ||
                 !all.isEmpty(),
             "dciodvfy produced no output");
    QVERIFY2(errors.isEmpty(), qPrintable(QStringLiteral("dciodvfy errors:\n") + all));
    const Run dump = run(QStringLiteral("dcmdump"), {file});
    QVERIFY2(dump.code == 0, qPrintable(dump.out.left(2000)));
    QVERIFY(dump.out.contains(QLatin1String("(0008,0016)")));
    if (!expectedJson.isEmpty()) {
        const Run py = run(QStringLiteral("/usr/bin/python3"),
                           {checker(), QStringLiteral("compare"), file, expectedJson});
        QVERIFY2(py.code == 0, qPrintable(py.out));
        QVERIFY(py.out.startsWith(QLatin1String("ok: ")));
    }
}

std::unique_ptr<archive::Archive> openArchive(const QString &path)
{
    QString error;
    auto a = archive::Archive::open(path, archiveOptions(), &error);
    if (!a)
        qWarning("%s", qPrintable(error));
    return a;
}

} // namespace

class TstDicom : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void uids();
    void generalEcg();
    void hemodynamic();
    void hemodynamicWithEcg();
    void stableUids();
    void otherWaveforms_data();
    void otherWaveforms();
    void otherWaveformLimits();
    void encapsulatedPdf();
    void errors();
    void readShared_data();
    void readShared();
    void importBack();
    void importShared();
    void wfdbRoundTrip_data();
    void wfdbRoundTrip();

private:
    QTemporaryDir m_tmp;
    QString m_archive;
};

void TstDicom::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    if (qEnvironmentVariableIsSet("VIGIL_DICOM_KEEP")) { // keep the objects to look at them
        m_tmp.setAutoRemove(false);
        qInfo("objects in %s", qPrintable(m_tmp.path()));
    }
    QVERIFY2(QFileInfo::exists(checker()), "VIGIL_DICOM_CHECK (dicom_check.py) not set");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("dciodvfy")).isEmpty(),
             "dicom3tools not installed");
    m_archive = m_tmp.filePath(QStringLiteral("ward.sqlite"));
    auto a = openArchive(m_archive);
    QVERIFY(a);
    QVERIFY(buildSynthetic(*a, SyntheticOptions{}));
    SyntheticOptions two;
    two.bedKey = QStringLiteral("bed2");
    two.bedLabel = QStringLiteral("Bed 2");
    two.ecgRate = 250;
    two.gap = false;
    two.patientId = QStringLiteral("P456");
    two.patientName = QStringLiteral("Smith, John");
    QVERIFY(buildSynthetic(*a, two));
    SyntheticOptions three; // pleth, respiration and CO2 besides the ECG, no pressure
    three.bedKey = QStringLiteral("bed3");
    three.bedLabel = QStringLiteral("Bed 3");
    three.abp = false;
    three.gap = false;
    three.plethRate = 100;
    three.respRate = 40;
    three.co2Rate = 20;
    three.patientId = QStringLiteral("P789");
    three.patientName = QStringLiteral("Roe, Rita");
    QVERIFY(buildSynthetic(*a, three));
    SyntheticOptions four; // respiration above the 100 Hz Respiratory Waveform Storage allows
    four.bedKey = QStringLiteral("bed4");
    four.bedLabel = QStringLiteral("Bed 4");
    four.abp = false;
    four.gap = false;
    four.respRate = 200;
    four.co2Rate = 20;
    QVERIFY(buildSynthetic(*a, four));
}

void TstDicom::uids()
{
    const QString a = deriveUid({}, QStringLiteral("x"));
    QVERIFY(a.startsWith(QLatin1String("2.25.")));
    QVERIFY2(isValidUid(a), qPrintable(a));
    QCOMPARE(deriveUid({}, QStringLiteral("x")), a);
    QVERIFY(deriveUid({}, QStringLiteral("y")) != a);
    const QString r = deriveUid(QStringLiteral("1.2.826.0.1.3680043.9.7777"), QStringLiteral("x"));
    QVERIFY(r.startsWith(QLatin1String("1.2.826.0.1.3680043.9.7777.")));
    QVERIFY2(isValidUid(r), qPrintable(r));
    QVERIFY(r.size() <= 64);
    QVERIFY(deriveUid(QStringLiteral("1.02.3"), QStringLiteral("x")).isEmpty()); // leading zero: invalid root
}

void TstDicom::generalEcg()
{
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    QVERIFY2(r, qPrintable(error));
    const auto bed = r->findBed(QStringLiteral("Bed 1"), &error);
    QVERIFY2(bed, qPrintable(error));
    const qint64 t1 = kT0Ms * 1000 + 1'000'000, t2 = kT0Ms * 1000 + 11'000'000;
    const QString out = m_tmp.filePath(QStringLiteral("ecg.dcm"));
    WriteResult res;
    WriterOptions o;
    // Auto would pick Hemodynamic for a bed with ABP; ask for ECG explicitly.
    QVERIFY2(writeWaveform(*r, *bed, t1, t2, WaveType::Ecg, o, out, &res, &error), qPrintable(error));
    QCOMPARE(res.sopClassUid, QString::fromLatin1(kGeneralEcgSop));
    QCOMPARE(res.channels, 4);
    QCOMPARE(res.samples, qint64(5000));

    const auto f = readWaveformFile(out, &error);
    QVERIFY2(f, qPrintable(error));
    QVERIFY2(f->oddities.isEmpty(), qPrintable(f->oddities.join(u'\n')));
    QCOMPARE(f->patientId, QStringLiteral("P123"));
    QCOMPARE(f->patientName, QStringLiteral("Doe^Jane"));
    QCOMPARE(f->acquisitionUs, t1);
    QCOMPARE(f->groups.size(), std::size_t(1));
    const WaveGroup &g = f->groups[0];
    QCOMPARE(g.samplingFrequency, 500.0);
    QVERIFY(g.hasPadding); // the gap in lead II
    QCOMPARE(g.channels[1].label, QStringLiteral("Lead II"));
    QCOMPARE(g.channels[1].sourceCode, QStringLiteral("131330"));
    QCOMPARE(g.channels[1].sourceScheme, QStringLiteral("MDC"));
    QCOMPARE(g.channels[1].unit, QStringLiteral("mV"));
    // Our reader: raw x sensitivity is the archived float, bit for bit.
    const auto strips = r->waveStrip(bed->key, t1, t2);
    int padded = 0;
    for (const WaveChannel &c : g.channels) {
        const archive::WaveStrip *s = nullptr;
        for (const auto &st : strips)
            if (QStringLiteral("Lead ") + QString::fromLatin1(waveInfo(st.id).label.data()) == c.label)
                s = &st;
        QVERIFY2(s, qPrintable(c.label));
        for (std::size_t i = 0; i < c.raw.size(); ++i) {
            const float want = s->samples[i];
            if (std::isnan(want)) {
                QCOMPARE(c.raw[i], g.padding);
                ++padded;
                continue;
            }
            if (float(c.value(i)) != want)
                QFAIL(qPrintable(QStringLiteral("%1 sample %2: %3, archive %4")
                                     .arg(c.label)
                                     .arg(i)
                                     .arg(c.value(i))
                                     .arg(want)));
        }
    }
    QCOMPARE(padded, 250); // 0.5 s at 500 Hz
    const QString exp = m_tmp.filePath(QStringLiteral("ecg.json"));
    QVERIFY(writeJson(exp, expectedFromStrips(strips, *f)));
    checkObject(out, exp);
}

void TstDicom::hemodynamic()
{
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    QVERIFY(r);
    const auto bed = r->findBed(QStringLiteral("bed1"), &error);
    QVERIFY(bed);
    const qint64 t1 = kT0Ms * 1000, t2 = kT0Ms * 1000 + 11'000'000;
    const QString out = m_tmp.filePath(QStringLiteral("hd.dcm"));
    WriteResult res;
    QVERIFY2(writeWaveform(*r, *bed, t1, t2, WaveType::Auto, {}, out, &res, &error), qPrintable(error));
    QCOMPARE(res.sopClassUid, QString::fromLatin1(kHemodynamicSop));
    QCOMPARE(res.channels, 1); // ECG at 500 Hz may not go into Hemodynamic (<= 400 Hz)
    QVERIFY2(res.notes.join(u' ').contains(QLatin1String("400 Hz")), qPrintable(res.notes.join(u'\n')));
    const auto f = readWaveformFile(out, &error);
    QVERIFY2(f, qPrintable(error));
    QCOMPARE(f->modality, QStringLiteral("HD"));
    QCOMPARE(f->groups[0].channels[0].unit, QStringLiteral("mm[Hg]"));
    QCOMPARE(f->groups[0].sampleCount, qint64(1375));
    const QString exp = m_tmp.filePath(QStringLiteral("hd.json"));
    QVERIFY(writeJson(exp, expectedFromStrips(r->waveStrip(bed->key, t1, t2), *f)));
    checkObject(out, exp);
}

void TstDicom::hemodynamicWithEcg()
{
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    QVERIFY(r);
    const auto bed = r->findBed(QStringLiteral("Bed 2"), &error);
    QVERIFY(bed);
    const qint64 t1 = kT0Ms * 1000 + 2'000'000, t2 = kT0Ms * 1000 + 6'000'000;
    const QString out = m_tmp.filePath(QStringLiteral("hd2.dcm"));
    WriteResult res;
    QVERIFY2(writeWaveform(*r, *bed, t1, t2, WaveType::Hemodynamic, {}, out, &res, &error),
             qPrintable(error));
    QCOMPARE(res.channels, 2);
    const auto f = readWaveformFile(out, &error);
    QVERIFY2(f, qPrintable(error));
    QCOMPARE(f->groups.size(), std::size_t(2)); // ABP at 125 Hz and lead II at 250 Hz
    QCOMPARE(f->patientId, QStringLiteral("P456"));
    const QString exp = m_tmp.filePath(QStringLiteral("hd2.json"));
    QVERIFY(writeJson(exp, expectedFromStrips(r->waveStrip(bed->key, t1, t2), *f)));
    checkObject(out, exp);
}

void TstDicom::stableUids()
{
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    QVERIFY(r);
    const auto bed = r->findBed(QStringLiteral("bed1"), &error);
    const qint64 t1 = kT0Ms * 1000, t2 = kT0Ms * 1000 + 3'000'000;
    WriteResult a, b, c;
    WriterOptions o;
    o.uidRoot = QStringLiteral("1.2.826.0.1.3680043.9.7777");
    QVERIFY(writeWaveform(*r, *bed, t1, t2, WaveType::Ecg, o, m_tmp.filePath(QStringLiteral("a.dcm")), &a,
                          &error));
    QVERIFY(writeWaveform(*r, *bed, t1, t2, WaveType::Ecg, o, m_tmp.filePath(QStringLiteral("b.dcm")), &b,
                          &error));
    QVERIFY(writeWaveform(*r, *bed, t1, t2 + 1'000'000, WaveType::Ecg, o,
                          m_tmp.filePath(QStringLiteral("c.dcm")), &c, &error));
    QCOMPARE(a.sopInstanceUid, b.sopInstanceUid);
    QVERIFY(a.sopInstanceUid.startsWith(o.uidRoot + u'.'));
    QVERIFY(a.sopInstanceUid != c.sopInstanceUid);
    QCOMPARE(a.studyUid, c.studyUid);   // same stay, same study
    QCOMPARE(a.seriesUid, c.seriesUid); // same kind of object
    QVERIFY(a.studyUid != a.seriesUid && a.seriesUid != a.sopInstanceUid);
}

// dciodvfy (Debian's dicom3tools 2022) has no Arterial Pulse or Respiratory IOD: it names the SOP class
// and stops with "Information Object Not found". So the object must give exactly that one error, and a copy
// relabelled as Hemodynamic (the waveform IOD dciodvfy knows whose modules are closest: Patient, Study,
// Series, Synchronization, Equipment, Waveform Identification, Waveform, Acquisition Context, SOP Common)
// must give none; the IOD's own content constraints are checked through pydicom in the test.
static void checkUnknownIod(const QString &file)
{
    QString all;
    const QStringList errors = dciodvfyLines(file, QStringLiteral("Error"), &all);
    QVERIFY2(errors.size() == 1 && errors[0].contains(QLatin1String("Information Object Not found")),
             qPrintable(QStringLiteral("dciodvfy on the object:\n") + all));
    const QString copy = file + QStringLiteral(".as-hd.dcm");
    QFile::remove(copy);
    QVERIFY(QFile::copy(file, copy));
    const Run mod =
        run(QStringLiteral("dcmodify"),
            {QStringLiteral("-nb"), QStringLiteral("-i"),
             QStringLiteral("SOPClassUID=") + QString::fromLatin1(kHemodynamicSop), QStringLiteral("-m"),
             QStringLiteral("Modality=HD"), QStringLiteral("-i"), QStringLiteral("Laterality="), copy});
    QVERIFY2(mod.code == 0, qPrintable(mod.out));
    const QStringList copyErrors = dciodvfyLines(copy, QStringLiteral("Error"), &all);
    QVERIFY2(copyErrors.isEmpty(), qPrintable(QStringLiteral("dciodvfy on the Hemodynamic copy:\n") + all));
    const Run dump = run(QStringLiteral("dcmdump"), {file});
    QVERIFY2(dump.code == 0, qPrintable(dump.out.left(2000)));
}

void TstDicom::otherWaveforms_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("sop");
    QTest::addColumn<QString>("modality");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("rate");
    QTest::newRow("pleth") << int(WaveType::Pulse) << QString::fromLatin1(kArterialPulseSop)
                           << QStringLiteral("HD") << QStringLiteral("Pleth") << QStringLiteral("150452")
                           << QStringLiteral("1") << 100.0;
    QTest::newRow("respiration") << int(WaveType::Resp) << QString::fromLatin1(kRespiratorySop)
                                 << QStringLiteral("RESP") << QStringLiteral("Resp")
                                 << QStringLiteral("151780") << QStringLiteral("Ohm") << 40.0;
    QTest::newRow("CO2") << int(WaveType::Co2) << QString::fromLatin1(kRespiratorySop)
                         << QStringLiteral("RESP") << QStringLiteral("CO2") << QStringLiteral("151724")
                         << QStringLiteral("mm[Hg]") << 20.0;
}

// Pleth as Arterial Pulse, respiration and CO2 as Respiratory Waveform: one channel in one group each,
// coded MDC source and UCUM unit, samples equal to the archive's in our reader and in pydicom.
void TstDicom::otherWaveforms()
{
    QFETCH(int, type);
    QFETCH(QString, sop);
    QFETCH(QString, modality);
    QFETCH(QString, label);
    QFETCH(QString, code);
    QFETCH(QString, unit);
    QFETCH(double, rate);
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    QVERIFY(r);
    const auto bed = r->findBed(QStringLiteral("Bed 3"), &error);
    QVERIFY2(bed, qPrintable(error));
    const qint64 t1 = kT0Ms * 1000 + 1'000'000, t2 = kT0Ms * 1000 + 11'000'000;
    const QString out = m_tmp.filePath(label + QStringLiteral(".dcm"));
    WriteResult res;
    WriterOptions o;
    o.stationName = QStringLiteral("VIGIL");
    o.softwareVersion = QStringLiteral("test");
    QVERIFY2(writeWaveform(*r, *bed, t1, t2, WaveType(type), o, out, &res, &error), qPrintable(error));
    QCOMPARE(res.sopClassUid, sop);
    QCOMPARE(res.channels, 1);
    QCOMPARE(res.samples, qint64(10 * rate));

    const auto f = readWaveformFile(out, &error);
    QVERIFY2(f, qPrintable(error));
    QVERIFY2(f->oddities.isEmpty(), qPrintable(f->oddities.join(u'\n')));
    QCOMPARE(f->modality, modality);
    QCOMPARE(f->patientId, QStringLiteral("P789"));
    QCOMPARE(f->acquisitionUs, t1);
    QCOMPARE(f->groups.size(), std::size_t(1));
    const WaveChannel &c = f->groups[0].channels.at(0);
    QCOMPARE(c.label, label);
    QCOMPARE(c.sourceCode, code);
    QCOMPARE(c.sourceScheme, QStringLiteral("MDC"));
    QCOMPARE(c.unit, unit);
    QCOMPARE(f->groups[0].samplingFrequency, rate);
    const auto strips = r->waveStrip(bed->key, t1, t2);
    const archive::WaveStrip *s = nullptr;
    for (const auto &st : strips)
        if (QString::fromLatin1(waveInfo(st.id).label.data(), qsizetype(waveInfo(st.id).label.size())) ==
            label)
            s = &st;
    QVERIFY(s);
    QCOMPARE(c.raw.size(), s->samples.size());
    for (std::size_t i = 0; i < c.raw.size(); ++i)
        if (float(c.value(i)) != s->samples[i])
            QFAIL(qPrintable(
                QStringLiteral("sample %1: %2, archive %3").arg(i).arg(c.value(i)).arg(s->samples[i])));

    // pydicom: the IOD's constraints (PS3.3 A.34: one group, one channel, modality, rate limit, the
    // Synchronization and Enhanced General Equipment modules) and every sample.
    const Run py = run(QStringLiteral("/usr/bin/python3"), {checker(), QStringLiteral("iod"), out});
    QVERIFY2(py.code == 0, qPrintable(py.out));
    const QJsonObject j = QJsonDocument::fromJson(py.out.toUtf8()).object();
    QCOMPARE(j.value(QStringLiteral("sop_class")).toString(), sop);
    QCOMPARE(j.value(QStringLiteral("modality")).toString(), modality);
    const QJsonArray groups = j.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 1);
    const QJsonObject g = groups[0].toObject();
    QCOMPARE(g.value(QStringLiteral("channels")).toInt(), 1);
    QVERIFY(g.value(QStringLiteral("rate")).toDouble() <=
            (modality == QLatin1String("RESP") ? 100.0 : 600.0));
    QCOMPARE(g.value(QStringLiteral("interpretation")).toString(), QStringLiteral("SS"));
    const QJsonObject def = g.value(QStringLiteral("definitions")).toArray().at(0).toObject();
    QCOMPARE(def.value(QStringLiteral("source")).toArray().at(0).toString(), code);
    QCOMPARE(def.value(QStringLiteral("source")).toArray().at(1).toString(), QStringLiteral("MDC"));
    QCOMPARE(def.value(QStringLiteral("unit")).toArray().at(0).toString(), unit);
    QCOMPARE(def.value(QStringLiteral("unit")).toArray().at(1).toString(), QStringLiteral("UCUM"));
    QVERIFY(!j.value(QStringLiteral("frame_of_reference")).toString().isEmpty());
    QCOMPARE(j.value(QStringLiteral("sync_frame_of_reference")).toString(),
             QString::fromLatin1(kUtcSyncFrameUid));
    QCOMPARE(j.value(QStringLiteral("sync_trigger")).toString(), QStringLiteral("NO TRIGGER"));
    QCOMPARE(j.value(QStringLiteral("acquisition_time_synchronized")).toString(), QStringLiteral("N"));
    QCOMPARE(j.value(QStringLiteral("device_serial")).toString(), QStringLiteral("VIGIL"));
    QCOMPARE(j.value(QStringLiteral("software_versions")).toString(), QStringLiteral("test"));
    QVERIFY(j.value(QStringLiteral("acquisition_context")).toBool());
    const QString exp = m_tmp.filePath(label + QStringLiteral(".json"));
    QVERIFY(writeJson(exp, expectedFromStrips(strips, *f)));
    const Run cmp = run(QStringLiteral("/usr/bin/python3"), {checker(), QStringLiteral("compare"), out, exp});
    QVERIFY2(cmp.code == 0 && cmp.out.startsWith(QLatin1String("ok: ")), qPrintable(cmp.out));
    checkUnknownIod(out);
}

// The set a Send to PACS builds: every kind the bed has, one object each, in one frame of reference; a
// respiration above Respiratory's 100 Hz is left out with the reason, the rest still written.
void TstDicom::otherWaveformLimits()
{
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    QVERIFY(r);
    const qint64 t1 = kT0Ms * 1000 + 1'000'000, t2 = kT0Ms * 1000 + 5'000'000;
    std::vector<WriteResult> set;
    QStringList skipped;
    const auto bed3 = r->findBed(QStringLiteral("Bed 3"), &error);
    QVERIFY(bed3);
    QVERIFY2(writeWaveformSet(*r, *bed3, t1, t2, {}, m_tmp.filePath(QStringLiteral("set3")), &set, &skipped,
                              &error),
             qPrintable(error));
    QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join(u'\n')));
    QStringList sops;
    for (const WriteResult &w : set)
        sops << w.sopClassUid;
    QCOMPARE(sops, (QStringList{QString::fromLatin1(kGeneralEcgSop), QString::fromLatin1(kArterialPulseSop),
                                QString::fromLatin1(kRespiratorySop), QString::fromLatin1(kRespiratorySop)}));
    QVERIFY(QFileInfo::exists(m_tmp.filePath(QStringLiteral("set3-co2.dcm"))));
    QCOMPARE(set[2].studyUid, set[3].studyUid);
    QVERIFY(set[2].seriesUid != set[3].seriesUid); // respiration and CO2: two series of the stay
    QVERIFY(set[2].sopInstanceUid != set[3].sopInstanceUid);

    const auto bed4 = r->findBed(QStringLiteral("Bed 4"), &error);
    QVERIFY(bed4);
    WriteResult res;
    QVERIFY(!writeWaveform(*r, *bed4, t1, t2, WaveType::Resp, {}, m_tmp.filePath(QStringLiteral("r4.dcm")),
                           &res, &error));
    QVERIFY2(error.contains(QLatin1String("200 Hz is above the 100 Hz Respiratory")), qPrintable(error));
    skipped.clear();
    QVERIFY2(writeWaveformSet(*r, *bed4, t1, t2, {}, m_tmp.filePath(QStringLiteral("set4")), &set, &skipped,
                              &error),
             qPrintable(error));
    QCOMPARE(set.size(), std::size_t(2)); // ECG and CO2
    QCOMPARE(skipped.size(), 1);
    QVERIFY2(skipped[0].contains(QLatin1String("100 Hz")), qPrintable(skipped[0]));
    QVERIFY(!writeWaveform(*r, *bed4, t1, t2, WaveType::Pulse, {}, m_tmp.filePath(QStringLiteral("p4.dcm")),
                           &res, &error));
    QVERIFY2(error.contains(QLatin1String("no Pleth")), qPrintable(error));
}

void TstDicom::encapsulatedPdf()
{
    // A minimal valid PDF (one empty page).
    const QByteArray pdf =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
        "endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 "
        "R>>\n%%EOF\n";
    const QString in = m_tmp.filePath(QStringLiteral("report.pdf"));
    QFile f(in);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pdf);
    f.close();
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    const auto bed = r->findBed(QStringLiteral("bed1"), &error);
    const Identity who = identityFor(*r, *bed, kT0Ms, kT0Ms + 1000);
    QCOMPARE(who.patientId, QStringLiteral("P123"));
    const QString out = m_tmp.filePath(QStringLiteral("report.dcm"));
    WriteResult res;
    QVERIFY2(
        writeEncapsulatedPdf(in, who, kT0Ms + 5000, QStringLiteral("Alarm report"), {}, out, &res, &error),
        qPrintable(error));
    checkObject(out);
    const Run py =
        run(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import pydicom,sys; d=pydicom.dcmread(sys.argv[1]); "
                            "sys.stdout.write(d.MIMETypeOfEncapsulatedDocument+' '+d.PatientID+' '+"
                            "str(d.EncapsulatedDocument[:int(d.EncapsulatedDocumentLength)]==open(sys.argv[2]"
                            ",'rb').read()))"),
             out, in});
    QCOMPARE(py.out.trimmed(), QStringLiteral("application/pdf P123 True"));
    // Not a PDF: refused with the reason.
    QVERIFY(!writeEncapsulatedPdf(out, who, kT0Ms, QStringLiteral("x"), {},
                                  m_tmp.filePath(QStringLiteral("x.dcm")), &res, &error));
    QVERIFY2(error.contains(QLatin1String("not a PDF")), qPrintable(error));
}

void TstDicom::errors()
{
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    const auto bed = r->findBed(QStringLiteral("bed1"), &error);
    WriteResult res;
    // A range without data.
    QVERIFY(!writeWaveform(*r, *bed, 1000, 2000, WaveType::Ecg, {},
                           m_tmp.filePath(QStringLiteral("none.dcm")), &res, &error));
    QVERIFY2(error.contains(QLatin1String("no ECG")), qPrintable(error));
    WriterOptions bad;
    bad.uidRoot = QStringLiteral("1.2.x");
    QVERIFY(!writeWaveform(*r, *bed, kT0Ms * 1000, kT0Ms * 1000 + 1'000'000, WaveType::Ecg, bad,
                           m_tmp.filePath(QStringLiteral("bad.dcm")), &res, &error));
    QVERIFY2(error.contains(QLatin1String("UID root")), qPrintable(error));
    // The reader refuses what is not DICOM, with the reason, and does not crash on truncation.
    QVERIFY(!readWaveformFile(m_archive, &error));
    QVERIFY2(error.contains(QLatin1String("not readable as DICOM")), qPrintable(error));
    QFile src(m_tmp.filePath(QStringLiteral("ecg.dcm")));
    QVERIFY(src.open(QIODevice::ReadOnly));
    const QByteArray whole = src.readAll();
    for (const double part : {0.2, 0.5, 0.9, 0.999}) {
        const QString cut = m_tmp.filePath(QStringLiteral("cut.dcm"));
        QFile c(cut);
        QVERIFY(c.open(QIODevice::WriteOnly | QIODevice::Truncate));
        c.write(whole.left(qsizetype(whole.size() * part)));
        c.close();
        const auto f = readWaveformFile(cut, &error); // either refused with a reason or read with oddities
        QVERIFY(f || !error.isEmpty());
    }
}

void TstDicom::readShared_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("odd"); // a defect dciodvfy reports, which the reader must notice
    QTest::newRow("12-lead Mortara") << QStringLiteral("waveform_ecg.dcm")
                                     << QStringLiteral(
                                            "Multiplex Group Time Offset without a Synchronization module");
    QTest::newRow("hemodynamic GE") << QStringLiteral("test_ecg_hemodynamic.dcm")
                                    << QStringLiteral("differs from the data set's");
}

void TstDicom::readShared()
{
    QFETCH(QString, file);
    QFETCH(QString, odd);
    const QString path = vigil::test::sharedDataPath(QStringLiteral("dicom")) + u'/' + file;
    VIGIL_REQUIRE_SHARED_DATA(path);
    QString error;
    const auto f = readWaveformFile(path, &error);
    QVERIFY2(f, qPrintable(error));
    const QString text = describe(*f);
    QVERIFY(text.contains(QLatin1String("group 1")));
    const Run py = run(QStringLiteral("/usr/bin/python3"), {checker(), QStringLiteral("summary"), path});
    QVERIFY2(py.code == 0, qPrintable(py.out));
    const QJsonObject ref = QJsonDocument::fromJson(py.out.toUtf8()).object();
    QCOMPARE(f->sopClassUid, ref.value(QStringLiteral("sop_class")).toString());
    const QJsonArray groups = ref.value(QStringLiteral("groups")).toArray();
    QCOMPARE(qsizetype(f->groups.size()), groups.size());
    for (qsizetype gi = 0; gi < groups.size(); ++gi) {
        const QJsonObject rg = groups[gi].toObject();
        const WaveGroup &g = f->groups[std::size_t(gi)];
        QCOMPARE(qsizetype(g.channels.size()), qsizetype(rg.value(QStringLiteral("channels")).toInt()));
        QCOMPARE(g.sampleCount, qint64(rg.value(QStringLiteral("samples")).toInt()));
        QCOMPARE(g.samplingFrequency, rg.value(QStringLiteral("rate")).toDouble());
        const QJsonArray raw = rg.value(QStringLiteral("raw")).toArray();
        const QJsonArray values = rg.value(QStringLiteral("values")).toArray();
        for (qsizetype c = 0; c < raw.size(); ++c) {
            const QJsonArray rc = raw[c].toArray(), vc = values[c].toArray();
            for (qsizetype i = 0; i < rc.size(); ++i) {
                QCOMPARE(g.channels[std::size_t(c)].raw[std::size_t(i)], rc[i].toInt());
                const double mine = g.channels[std::size_t(c)].value(std::size_t(i));
                QVERIFY2(std::fabs(mine - vc[i].toDouble()) <= 1e-9 * std::max(1.0, std::fabs(mine)),
                         qPrintable(QStringLiteral("group %1 channel %2 sample %3: %4 vs pydicom %5")
                                        .arg(gi)
                                        .arg(c)
                                        .arg(i)
                                        .arg(mine)
                                        .arg(vc[i].toDouble())));
            }
        }
    }
    // Both files carry defects dciodvfy reports; the reader lists what it found odd.
    QVERIFY2(f->oddities.join(u'\n').contains(odd), qPrintable(f->oddities.join(u'\n')));
    QVERIFY(text.contains(odd));
    qInfo("%s: %d oddities: %s", qPrintable(file), int(f->oddities.size()),
          qPrintable(f->oddities.join(QStringLiteral("; "))));
}

// Export -> read -> import into a new archive: the review screens then see the same samples.
void TstDicom::importBack()
{
    QString error;
    auto r = archive::ArchiveReader::open(m_archive, &error);
    const auto bed = r->findBed(QStringLiteral("bed1"), &error);
    const qint64 t1 = kT0Ms * 1000 + 1'000'000, t2 = kT0Ms * 1000 + 11'000'000;
    const QString out = m_tmp.filePath(QStringLiteral("back.dcm"));
    WriteResult wr;
    QVERIFY2(writeWaveform(*r, *bed, t1, t2, WaveType::Ecg, {}, out, &wr, &error), qPrintable(error));
    const auto f = readWaveformFile(out, &error);
    QVERIFY2(f, qPrintable(error));
    const QString path = m_tmp.filePath(QStringLiteral("imported.sqlite"));
    {
        auto a = openArchive(path);
        QVERIFY(a);
        ImportResult res;
        QVERIFY2(importToArchive(*f, *a, QStringLiteral("imp"), QStringLiteral("Imported"), &res, &error),
                 qPrintable(error));
        QCOMPARE(res.channels, 4);
        QCOMPARE(res.startUs, t1);
    }
    auto back = archive::ArchiveReader::open(path, &error);
    QVERIFY(back);
    const std::vector<WaveId> ecg{WaveId::EcgI, WaveId::EcgII, WaveId::EcgIII, WaveId::EcgV};
    const auto orig = r->waveStrip(bed->key, t1, t2, ecg);
    const auto got = back->waveStrip(QStringLiteral("imp"), t1, t2, ecg);
    QCOMPARE(got.size(), orig.size());
    for (std::size_t c = 0; c < orig.size(); ++c) {
        QCOMPARE(got[c].id, orig[c].id);
        QCOMPARE(got[c].samples.size(), orig[c].samples.size());
        for (std::size_t i = 0; i < orig[c].samples.size(); ++i) {
            const float a = orig[c].samples[i], b = got[c].samples[i];
            if (!(std::isnan(a) && std::isnan(b)) && a != b)
                QFAIL(
                    qPrintable(QStringLiteral("channel %1 sample %2: %3 vs %4").arg(c).arg(i).arg(a).arg(b)));
        }
    }
    QCOMPARE(back->stays(QStringLiteral("imp")).front().patientId, QStringLiteral("P123"));
}

void TstDicom::importShared()
{
    const QString file =
        vigil::test::sharedDataPath(QStringLiteral("dicom")) + QStringLiteral("/waveform_ecg.dcm");
    VIGIL_REQUIRE_SHARED_DATA(file);
    QString error;
    const auto f = readWaveformFile(file, &error);
    QVERIFY2(f, qPrintable(error));
    auto a = openArchive(m_tmp.filePath(QStringLiteral("mortara.sqlite")));
    QVERIFY(a);
    ImportResult res;
    QVERIFY2(importToArchive(*f, *a, QStringLiteral("m"), QStringLiteral("Mortara"), &res, &error),
             qPrintable(error));
    QCOMPARE(res.channels, 4); // I, II, III, V1 of the rhythm group; the other leads and the medians noted
    QVERIFY(res.notes.size() >= 8);
    a.reset();
    auto r = archive::ArchiveReader::open(m_tmp.filePath(QStringLiteral("mortara.sqlite")), &error);
    const auto strips =
        r->waveStrip(QStringLiteral("m"), res.startUs, res.endUs, std::vector<WaveId>{WaveId::EcgII});
    QCOMPARE(strips.size(), std::size_t(1));
    QCOMPARE(strips[0].sampleRate, 1000.0);
    // Lead II's first values, in mV, as the file gives them in its unit.
    const WaveChannel &ii = f->groups[0].channels[1];
    const double factor = ii.unit == QLatin1String("uV") ? 1e-3 : 1.0;
    for (std::size_t i = 0; i < 20; ++i)
        QVERIFY2(
            std::fabs(strips[0].samples[i] - ii.value(i) * factor) < 1e-3,
            qPrintable(
                QStringLiteral("%1: %2 vs %3").arg(i).arg(strips[0].samples[i]).arg(ii.value(i) * factor)));
}

void TstDicom::wfdbRoundTrip_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<int>("type");
    QTest::newRow("v102s ECG") << QStringLiteral("v102s") << int(WaveType::Ecg);
    QTest::newRow("03700181 ECG") << QStringLiteral("03700181") << int(WaveType::Ecg);
    QTest::newRow("03700181 hemodynamic") << QStringLiteral("03700181") << int(WaveType::Hemodynamic);
}

void TstDicom::wfdbRoundTrip()
{
    QFETCH(QString, record);
    QFETCH(int, type);
    const QString hea =
        vigil::test::sharedDataPath(QStringLiteral("wfdb")) + u'/' + record + QStringLiteral(".hea");
    VIGIL_REQUIRE_SHARED_DATA(hea);
    QString error;
    const auto rec = wfdb::Record::open(hea, &error);
    QVERIFY2(rec, qPrintable(error));
    const QString path = m_tmp.filePath(record + QStringLiteral(".sqlite"));
    if (!QFileInfo::exists(path)) {
        auto a = openArchive(path);
        QVERIFY(a);
        QVERIFY(replayWfdb(*a, *rec, QStringLiteral("replay"), QStringLiteral("Replay ") + record));
    }
    auto r = archive::ArchiveReader::open(path, &error);
    QVERIFY(r);
    const auto bed = r->findBed(QStringLiteral("replay"), &error);
    QVERIFY(bed);
    const qint64 t1 = kT0Ms * 1000, t2 = t1 + qint64(std::ceil(rec->durationS())) * 1'000'000 + 1'000'000;
    const QString out = m_tmp.filePath(record + QString::number(type) + QStringLiteral(".dcm"));
    WriteResult res;
    QVERIFY2(writeWaveform(*r, *bed, t1, t2, WaveType(type), {}, out, &res, &error), qPrintable(error));
    const auto f = readWaveformFile(out, &error);
    QVERIFY2(f, qPrintable(error));
    // Expected: the record's own samples, (adu - baseline) / gain as the replay delivered them.
    QJsonArray groups;
    qint64 compared = 0;
    for (const WaveGroup &g : f->groups) {
        QJsonArray chans;
        for (const WaveChannel &c : g.channels) {
            int sig = -1;
            for (int s = 0; s < rec->signalCount(); ++s) {
                const auto id = wfdb::waveIdForSignal(rec->header().signalInfos[std::size_t(s)]);
                const QString label = id ? QString::fromLatin1(waveInfo(*id).label.data(),
                                                               qsizetype(waveInfo(*id).label.size()))
                                         : QString();
                if (id && rec->sampleRate(s) == g.samplingFrequency &&
                    (c.label == label || c.label == QStringLiteral("Lead ") + label)) {
                    sig = s;
                    break;
                }
            }
            QVERIFY2(sig >= 0, qPrintable(c.label));
            const wfdb::SignalInfo &si = rec->header().signalInfos[std::size_t(sig)];
            const std::vector<int32_t> &x = rec->samples(sig);
            QJsonArray values;
            for (qint64 i = 0; i < g.sampleCount; ++i) {
                const int32_t adu = x[std::size_t(i)];
                values.append(rec->isInvalid(sig, adu)
                                  ? QJsonValue()
                                  : QJsonValue(double(float((adu - si.baseline) / si.gain))));
                // and the raw sample is the record's integer minus its baseline, exactly
                if (!rec->isInvalid(sig, adu) && c.raw[std::size_t(i)] != adu - si.baseline)
                    QFAIL(qPrintable(QStringLiteral("%1 sample %2: raw %3, record %4")
                                         .arg(c.label)
                                         .arg(i)
                                         .arg(c.raw[std::size_t(i)])
                                         .arg(adu - si.baseline)));
                ++compared;
            }
            QCOMPARE(g.sampleCount, qint64(x.size()));
            chans.append(QJsonObject{{QStringLiteral("label"), c.label}, {QStringLiteral("values"), values}});
        }
        groups.append(
            QJsonObject{{QStringLiteral("rate"), g.samplingFrequency}, {QStringLiteral("channels"), chans}});
    }
    QVERIFY(compared > 10000);
    const QString exp = m_tmp.filePath(record + QStringLiteral(".json"));
    QVERIFY(writeJson(exp, QJsonObject{{QStringLiteral("groups"), groups}}));
    checkObject(out, exp);
}

VIGIL_TEST_GUILESS_MAIN(TstDicom)

#include "tst_dicom.moc"
