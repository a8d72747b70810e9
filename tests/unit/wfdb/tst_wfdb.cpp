// WFDB reader, writer and replay source against the real PhysioNet records in shared/data/wfdb.
//
// Expected sample values and checksums come from ground_truth.py (beside this file), which decodes the
// raw .dat bytes with a few lines of independent Python and was run once:
//   python3 tests/unit/wfdb/ground_truth.py ../shared/data/wfdb
// Its checksums equal the ones in the PhysioNet headers, which validates that decoder.
#include "SharedData.h"
#include "Wfdb.h"
#include "WfdbReplaySource.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace vigil;
using namespace vigil::wfdb;

namespace {

QString dataDir()
{
    return vigil::test::sharedDataPath(QStringLiteral("wfdb"));
}

#define REQUIRE_DATA() VIGIL_REQUIRE_SHARED_DATA(dataDir() + QStringLiteral("/100.hea"))

Record openRecord(const QString &name)
{
    QString error;
    std::optional<Record> r = Record::open(dataDir() + u'/' + name + QStringLiteral(".hea"), &error);
    if (!r)
        qFatal("cannot open %s: %s", qPrintable(name), qPrintable(error));
    return std::move(*r);
}

std::vector<int32_t> slice(const std::vector<int32_t> &v, std::size_t from, std::size_t n)
{
    return {v.begin() + from, v.begin() + from + n};
}

std::vector<int32_t> tail(const std::vector<int32_t> &v, std::size_t n)
{
    return {v.end() - n, v.end()};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

class FakeSink : public IngestSink
{
public:
    void deliver(BedUpdate &&update) override
    {
        QMutexLocker lock(&mutex);
        updates.push_back(std::move(update));
    }
    void sourceStatusChanged(const SourceStatus &status) override
    {
        QMutexLocker lock(&mutex);
        statuses.push_back(status);
    }
    QMutex mutex;
    std::vector<BedUpdate> updates;
    std::vector<SourceStatus> statuses;
};

struct Stream
{
    double rate = 0;
    double gain = 0;
    int baseline = 0;
    qint64 firstStartUs = 0;
    std::vector<float> samples;
};

// Concatenates the blocks of one channel and checks that each block starts where the previous ended.
Stream collect(const std::vector<BedUpdate> &updates, WaveId id)
{
    Stream s;
    for (const BedUpdate &u : updates) {
        for (const WaveBlock &b : u.waves) {
            if (b.id != id)
                continue;
            if (s.samples.empty()) {
                s.rate = b.sampleRate;
                s.gain = b.gain;
                s.baseline = b.baseline;
                s.firstStartUs = b.startTimeUs;
            }
            const qint64 expectedUs = s.firstStartUs + qint64(std::llround(s.samples.size() * 1e6 / s.rate));
            if (std::abs(b.startTimeUs - expectedUs) > 1 || b.sampleRate != s.rate)
                qFatal("discontinuous block: starts at %lld, expected %lld", b.startTimeUs, expectedUs);
            s.samples.insert(s.samples.end(), b.samples.begin(), b.samples.end());
        }
    }
    return s;
}

// Compares replayed samples with the record's adu, after recovering adu as WaveBlock documents.
// Index i of the stream is record sample i modulo the record length (looping).
void compareWithRecord(const Stream &s, const Record &r, int signal)
{
    const std::vector<int32_t> &adu = r.samples(signal);
    for (std::size_t i = 0; i < s.samples.size(); ++i) {
        const int32_t expected = adu[i % adu.size()];
        const float v = s.samples[i];
        if (r.isInvalid(signal, expected)) {
            QVERIFY2(std::isnan(v), qPrintable(QStringLiteral("sample %1 should be NaN").arg(i)));
            continue;
        }
        QVERIFY2(!std::isnan(v), qPrintable(QStringLiteral("sample %1 is NaN").arg(i)));
        const auto recovered = int32_t(std::lround(double(v) * s.gain + s.baseline));
        if (recovered != expected)
            QFAIL(qPrintable(QStringLiteral("signal %1 sample %2: replayed %3 adu, record has %4")
                                 .arg(signal)
                                 .arg(i)
                                 .arg(recovered)
                                 .arg(expected)));
    }
}

const char kMinimalSignal[] = "r.dat 16 200 12 0 0 0 0 ECG\n";

} // namespace

class TstWfdb : public QObject
{
    Q_OBJECT
private slots:
    void record100();
    void recordV102s();
    void record03700181();
    void format212OddSampleCount();
    void formats16_61_80_160();
    void multiRateAndSkewSynthetic();
    void headerWithoutSampleCount();
    void headerSyntaxVariants();
    void malformedHeaders_data();
    void malformedHeaders();
    void garbledHeadersNeverCrash();
    void truncatedAndMissingDat();
    void roundTripFormat16Exact();
    void roundTripRealRecord();
    void checksumMismatchDetected();
    void writerRejectsBadInput();
    void waveMapping_data();
    void waveMapping();
    void replayV102s();
    void replay03700181MultiRate();
    void replayEndsWithoutLoop();
    void replayLoops();
    void replaySkipsUnmappedAndDuplicates();
    void replayBadPath();
};

void TstWfdb::record100()
{
    REQUIRE_DATA();
    const Record r = openRecord(QStringLiteral("100"));
    const Header &h = r.header();
    QCOMPARE(h.recordName, QStringLiteral("100"));
    QCOMPARE(h.frameFrequency, 360.0);
    QCOMPARE(h.counterFrequency, 360.0);
    QCOMPARE(h.numFrames, 650000);
    QVERIFY(h.baseTime.isEmpty());
    // The extra comment before the record line, and the blank CRLF line between the signals, are tolerated.
    QCOMPARE(h.comments,
             QStringList({QStringLiteral("unnecessary comment"), QStringLiteral("69 M 1085 1629 x1"),
                          QStringLiteral("Aldomet, Inderal")}));
    QCOMPARE(r.signalCount(), 2);
    const char *names[] = {"MLII", "V5"};
    const int initial[] = {995, 1011};
    const int checksum[] = {-22131, 20052};
    for (int s = 0; s < 2; ++s) {
        const SignalInfo &sig = h.signalInfos[std::size_t(s)];
        QCOMPARE(sig.fileName, QStringLiteral("100.dat"));
        QCOMPARE(sig.format, 212);
        QCOMPARE(sig.samplesPerFrame, 1);
        QCOMPARE(sig.skew, 0);
        QCOMPARE(sig.byteOffset, 0);
        QCOMPARE(sig.gain, 200.0);
        QVERIFY(sig.calibrated);
        QCOMPARE(sig.baseline, 1024); // absent in the header: defaults to the ADC zero
        QCOMPARE(sig.adcZero, 1024);
        QCOMPARE(sig.adcResolution, 11);
        QCOMPARE(sig.units, QStringLiteral("mV"));
        QCOMPARE(sig.initialValue, initial[s]);
        QCOMPARE(sig.checksum, checksum[s]);
        QVERIFY(sig.hasChecksum);
        QCOMPARE(sig.description, QString::fromLatin1(names[s]));
        QCOMPARE(r.sampleRate(s), 360.0);
        QCOMPARE(r.samples(s).size(), std::size_t(650000));
    }
    QString error;
    QVERIFY2(r.verifyChecksums(&error), qPrintable(error));

    const auto &ml2 = r.samples(0), &v5 = r.samples(1);
    QCOMPARE(slice(ml2, 0, 8), std::vector<int32_t>(8, 995));
    QCOMPARE(slice(v5, 0, 8), std::vector<int32_t>(8, 1011));
    QCOMPARE(slice(ml2, 1000, 4), (std::vector<int32_t>{945, 945, 947, 949}));
    QCOMPARE(slice(v5, 1000, 4), (std::vector<int32_t>{970, 972, 975, 973}));
    QCOMPARE(ml2[325000], 953);
    QCOMPARE(v5[325000], 979);
    QCOMPARE(tail(ml2, 4), (std::vector<int32_t>{935, 889, 871, 768}));
    QCOMPARE(tail(v5, 4), (std::vector<int32_t>{942, 951, 957, 1024}));
    // The well-known first values of record 100 in millivolts.
    QCOMPARE(r.toPhysical(0, ml2[0]), -0.145);
    QCOMPARE(r.toPhysical(1, v5[0]), -0.065);
    QCOMPARE(r.durationS(), 650000 / 360.0);
}

void TstWfdb::recordV102s()
{
    REQUIRE_DATA();
    const Record r = openRecord(QStringLiteral("v102s"));
    const Header &h = r.header();
    QCOMPARE(h.frameFrequency, 250.0);
    QCOMPARE(h.numFrames, 75000);
    QCOMPARE(h.comments,
             QStringList({QStringLiteral("Ventricular_Tachycardia"), QStringLiteral("False alarm")}));
    QCOMPARE(r.signalCount(), 4);
    const double gains[] = {2281, 1856, 1250, 38880};
    const char *units[] = {"mV", "mV", "NU", "NU"};
    const char *names[] = {"II", "V", "PLETH", "RESP"};
    const int checksums[] = {-9286, 2647, -11021, 12236};
    for (int s = 0; s < 4; ++s) {
        const SignalInfo &sig = h.signalInfos[std::size_t(s)];
        QCOMPARE(sig.format, 212);
        QCOMPARE(sig.gain, gains[s]);
        QCOMPARE(sig.baseline, 0);
        QCOMPARE(sig.adcResolution, 12); // header says 0: WFDB's default
        QCOMPARE(sig.units, QString::fromLatin1(units[s]));
        QCOMPARE(sig.description, QString::fromLatin1(names[s]));
        QCOMPARE(sig.checksum, checksums[s]);
        QCOMPARE(sig.samplesPerFrame, 1);
        QCOMPARE(r.sampleRate(s), 250.0);
        QCOMPARE(r.samples(s).size(), std::size_t(75000));
    }
    QString error;
    QVERIFY2(r.verifyChecksums(&error), qPrintable(error));

    QCOMPARE(slice(r.samples(0), 0, 8), (std::vector<int32_t>{-26, -18, 13, 55, 105, 155, 205, 253}));
    QCOMPARE(slice(r.samples(1), 0, 8), (std::vector<int32_t>{340, 471, 505, 501, 521, 565, 603, 623}));
    QCOMPARE(slice(r.samples(2), 0, 8), (std::vector<int32_t>{-46, 1410, 1545, 1074, 841, 942, 1000, 822}));
    QCOMPARE(slice(r.samples(3), 0, 8), (std::vector<int32_t>{339, 462, 477, 441, 420, 424, 433, 433}));
    QCOMPARE(slice(r.samples(3), 1000, 4), (std::vector<int32_t>{-401, -400, -400, -390}));
    QCOMPARE(tail(r.samples(0), 4), (std::vector<int32_t>{-78, -144, -177, -237}));
    QCOMPARE(tail(r.samples(2), 4), (std::vector<int32_t>{511, 508, 507, 496}));
    QCOMPARE(tail(r.samples(3), 4), (std::vector<int32_t>{1405, 1394, 1395, 1338}));

    // This record really contains WFDB invalid samples (-2048 in format 212): ECG II at 5591, 11537, 36967.
    for (int i : {5591, 11537, 36967}) {
        QCOMPARE(r.samples(0)[std::size_t(i)], -2048);
        QVERIFY(r.isInvalid(0, r.samples(0)[std::size_t(i)]));
        QVERIFY(std::isnan(r.toPhysical(0, -2048)));
    }
    QVERIFY(!r.isInvalid(0, -2047));
    QCOMPARE(std::count(r.samples(2).begin(), r.samples(2).end(), -2048), 17);
}

void TstWfdb::record03700181()
{
    REQUIRE_DATA();
    const Record r = openRecord(QStringLiteral("03700181"));
    const Header &h = r.header();
    QCOMPARE(h.frameFrequency, 125.0);
    QCOMPARE(h.numFrames, 75000);
    QCOMPARE(h.baseTime, QStringLiteral("17:27:45"));
    QCOMPARE(h.baseDate, QStringLiteral("15/08/1994"));
    QCOMPARE(r.signalCount(), 3);
    const SignalInfo &ecg = h.signalInfos[0], &abp = h.signalInfos[1], &resp = h.signalInfos[2];
    QCOMPARE(ecg.samplesPerFrame, 4);
    QCOMPARE(ecg.gain, 2963.77);
    QCOMPARE(ecg.units, QStringLiteral("mV"));
    QCOMPARE(ecg.adcResolution, 12);
    QCOMPARE(ecg.description, QStringLiteral("MCL1")); // trailing space in the header is not part of it
    QCOMPARE(abp.gain, 12.84);
    QCOMPARE(abp.baseline, -1605);
    QCOMPARE(abp.units, QStringLiteral("mmHg"));
    QCOMPARE(abp.samplesPerFrame, 1);
    QCOMPARE(abp.skew, 0);
    QCOMPARE(resp.skew, 4);
    QCOMPARE(resp.gain, 2000.0);
    QCOMPARE(resp.initialValue, -304);
    QCOMPARE(r.sampleRate(0), 500.0);
    QCOMPARE(r.sampleRate(1), 125.0);
    QCOMPARE(r.sampleRate(2), 125.0);
    QCOMPARE(r.samples(0).size(), std::size_t(300000));
    QCOMPARE(r.samples(1).size(), std::size_t(75000));
    QCOMPARE(r.samples(2).size(), std::size_t(75000));
    // The checksum covers all stored samples, including the 4 RESP samples that precede sample 0.
    QString error;
    QVERIFY2(r.verifyChecksums(&error), qPrintable(error));

    QCOMPARE(slice(r.samples(0), 0, 8), (std::vector<int32_t>{67, 67, 67, 23, 23, 23, 23, 23}));
    QCOMPARE(slice(r.samples(0), 1000, 4), (std::vector<int32_t>{-20, -20, -20, -20}));
    QCOMPARE(r.samples(0)[150000], -174);
    QCOMPARE(tail(r.samples(0), 4), (std::vector<int32_t>{374, 396, 396, 418}));
    QCOMPARE(slice(r.samples(1), 0, 8),
             (std::vector<int32_t>{-943, -946, -951, -958, -968, -979, -993, -1008}));
    QCOMPARE(tail(r.samples(1), 4), (std::vector<int32_t>{-1226, -1227, -1226, -1221}));
    QCOMPARE(r.toPhysical(1, -943), (-943 + 1605) / 12.84);

    // Deskewed RESP: sample t is the one stored at frame t + 4. Stored (raw) RESP starts
    // -304 -279 -255 -231 -208 -186 -164 -143, raw[1004..1007] = -214 -237 -261 -287, raw[74999] = 550.
    QCOMPARE(slice(r.samples(2), 0, 4), (std::vector<int32_t>{-208, -186, -164, -143}));
    QCOMPARE(slice(r.samples(2), 1000, 4), (std::vector<int32_t>{-214, -237, -261, -287}));
    QCOMPARE(r.samples(2)[74995], 550);
    for (int i = 74996; i < 75000; ++i)
        QVERIFY(r.isInvalid(2, r.samples(2)[std::size_t(i)]));
}

void TstWfdb::format212OddSampleCount()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Hand-packed: (1, -1) -> 01 F0 FF; (2047, -2048) -> FF 87 00; odd last sample 100 -> 64 00.
    QVERIFY(writeFile(dir.filePath("odd.dat"), QByteArray::fromHex("01F0FFFF87006400")));
    QVERIFY(writeFile(dir.filePath("odd.hea"), "odd 1 100 5\nodd.dat 212 100 12 0 1 99 0 test\n"));
    QString error;
    std::optional<Record> r = Record::open(dir.filePath("odd.hea"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->samples(0), (std::vector<int32_t>{1, -1, 2047, -2048, 100}));
    QVERIFY(r->isInvalid(0, r->samples(0)[3]));
    QVERIFY2(r->verifyChecksums(&error), qPrintable(error)); // 1 - 1 + 2047 - 2048 + 100 = 99

    // One byte short of the odd last sample.
    QVERIFY(writeFile(dir.filePath("odd.dat"), QByteArray::fromHex("01F0FFFF870064")));
    QVERIFY(!Record::open(dir.filePath("odd.hea"), &error));
    QVERIFY2(error.contains("line 2") && error.contains("truncated"), qPrintable(error));
}

void TstWfdb::formats16_61_80_160()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath("a.dat"), QByteArray::fromHex("0201FEFF0080")));         // 16: LE
    QVERIFY(writeFile(dir.filePath("b.dat"), QByteArray::fromHex("0102FFFE8000")));         // 61: BE
    QVERIFY(writeFile(dir.filePath("c.dat"), QByteArray::fromHex("8000FF")));               // 80: offset
    QVERIFY(writeFile(dir.filePath("d.dat"), QByteArray::fromHex("00800000FFFF")));         // 160: offset
    QVERIFY(writeFile(dir.filePath("e.dat"), QByteArray::fromHex("DEADBEEF0201FEFF0080"))); // 16, preamble
    QVERIFY(writeFile(dir.filePath("f.hea"), "f 5 10 3\n"
                                             "a.dat 16 100 16 0 258 0 0 A\n"
                                             "b.dat 61 100 16 0 258 0 0 B\n"
                                             "c.dat 80 100 8 0 0 0 0 C\n"
                                             "d.dat 160 100 16 0 0 0 0 D\n"
                                             "e.dat 16+4 100 16 0 258 0 0 E\n"));
    QString error;
    std::optional<Record> r = Record::open(dir.filePath("f.hea"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->samples(0), (std::vector<int32_t>{258, -2, -32768}));
    QCOMPARE(r->samples(1), (std::vector<int32_t>{258, -2, -32768}));
    QCOMPARE(r->samples(2), (std::vector<int32_t>{0, -128, 127}));
    QCOMPARE(r->samples(3), (std::vector<int32_t>{0, -32768, 32767}));
    QCOMPARE(r->samples(4), r->samples(0));
    QVERIFY(r->isInvalid(0, -32768));
    QVERIFY(r->isInvalid(1, -32768));
    QVERIFY(r->isInvalid(2, -128));
    QVERIFY(r->isInvalid(3, -32768));
    QCOMPARE(r->header().signalInfos[2].adcResolution, 8);
    QCOMPARE(r->header().signalInfos[4].byteOffset, 4);
    // Checksums are 0 in the header but wrong: reported, with every bad signal named.
    QVERIFY(!r->verifyChecksums(&error));
    QVERIFY2(error.contains("signal 0 (A)") && error.contains("signal 3 (D)"), qPrintable(error));
}

void TstWfdb::multiRateAndSkewSynthetic()
{
    // One file, frame = [a a b c]: a at 2 samples per frame, b skewed by 1 frame, c plain.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray dat;
    const int16_t frames[3][4] = {{10, 11, 100, 7}, {20, 21, 200, 8}, {30, 31, 300, 9}};
    for (const auto &f : frames)
        for (int16_t v : f)
            dat.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF));
    QVERIFY(writeFile(dir.filePath("m.dat"), dat));
    QVERIFY(writeFile(dir.filePath("m.hea"), "m 3 50 3\n"
                                             "m.dat 16x2 100 16 0 10 123 0 a\n"
                                             "m.dat 16:1 100 16 0 100 600 0 b\n"
                                             "m.dat 16 100 16 0 7 24 0 c\n"));
    QString error;
    std::optional<Record> r = Record::open(dir.filePath("m.hea"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->samples(0), (std::vector<int32_t>{10, 11, 20, 21, 30, 31}));
    QCOMPARE(r->samples(1), (std::vector<int32_t>{200, 300, -32768}));
    QCOMPARE(r->samples(2), (std::vector<int32_t>{7, 8, 9}));
    QCOMPARE(r->sampleRate(0), 100.0);
    QCOMPARE(r->sampleRate(1), 50.0);
    QVERIFY2(r->verifyChecksums(&error), qPrintable(error)); // b's 600 includes the skewed-away 100
}

void TstWfdb::headerWithoutSampleCount()
{
    // No sample count: the signal file decides the length and checksums cannot be checked (as in WFDB).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath("n.dat"), QByteArray::fromHex("01000200030004000500")));
    QVERIFY(writeFile(dir.filePath("n.hea"), "n 2\nn.dat 16 200 12 0 1 12345 0 x\nn.dat 16\n"));
    QString error;
    std::optional<Record> r = Record::open(dir.filePath("n.hea"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->header().frameFrequency, 250.0);
    QCOMPARE(r->header().numFrames, 0);
    QCOMPARE(r->frameCount(), 2); // 5 samples = 2 whole frames of 2
    QCOMPARE(r->samples(0), (std::vector<int32_t>{1, 3}));
    QCOMPARE(r->samples(1), (std::vector<int32_t>{2, 4}));
    QVERIFY(!r->header().signalInfos[1].calibrated);
    QCOMPARE(r->header().signalInfos[1].gain, 200.0);
    QVERIFY(r->verifyChecksums(&error));
}

void TstWfdb::headerSyntaxVariants()
{
    QString error;
    const std::optional<Header> h =
        parseHeader("\t# lead comment\n"
                    "rec\t2 3.6e2/720.(12.5) 1000 7:5:0.25 5/4/1989\n"
                    "rec.dat\t16x0:3+512 100.5(-3)/uV 0 5 6 -1 512\tECG lead  II \n"
                    "rec.dat 16:3+512\n",
                    &error);
    QVERIFY2(h, qPrintable(error));
    QCOMPARE(h->recordName, QStringLiteral("rec"));
    QCOMPARE(h->frameFrequency, 360.0);
    QCOMPARE(h->counterFrequency, 720.0);
    QCOMPARE(h->baseCounter, 12.5);
    QCOMPARE(h->numFrames, 1000);
    QCOMPARE(h->baseTime, QStringLiteral("7:5:0.25"));
    QCOMPARE(h->baseDate, QStringLiteral("5/4/1989"));
    QCOMPARE(h->comments, QStringList{QStringLiteral("lead comment")});
    const SignalInfo &a = h->signalInfos[0];
    QCOMPARE(a.samplesPerFrame, 1); // "x0" reads as 1, as in WFDB
    QCOMPARE(a.skew, 3);
    QCOMPARE(a.byteOffset, 512);
    QCOMPARE(a.gain, 100.5);
    QCOMPARE(a.baseline, -3);
    QCOMPARE(a.units, QStringLiteral("uV"));
    QCOMPARE(a.adcResolution, 12);
    QCOMPARE(a.adcZero, 5);
    QCOMPARE(a.initialValue, 6);
    QCOMPARE(a.checksum, -1);
    QCOMPARE(a.blockSize, 512);
    QCOMPARE(a.description, QStringLiteral("ECG lead  II")); // inner spaces kept, outer trimmed
    // A minimal signal line: everything else takes WFDB's defaults.
    const SignalInfo &b = h->signalInfos[1];
    QCOMPARE(b.gain, 200.0);
    QVERIFY(!b.calibrated);
    QCOMPARE(b.baseline, 0);
    QCOMPARE(b.units, QStringLiteral("mV"));
    QVERIFY(!b.hasChecksum);
    QVERIFY(b.description.isEmpty());

    // Counter frequency absent or not positive: equal to the sampling frequency.
    QCOMPARE(parseHeader("r 0 500/0 10\n", &error)->counterFrequency, 500.0);
    QCOMPARE(parseHeader("r 0\n", &error)->frameFrequency, 250.0);
}

void TstWfdb::malformedHeaders_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // substrings, '|' separated, all must appear

    const QByteArray sig(kMinimalSignal);
    QTest::newRow("bad gain") << QByteArray("r 1 360 10\nr.dat 212 abc 11 1024 0 0 0 MLII\n")
                              << "line 2 (signal 0)|bad ADC gain 'abc'";
    QTest::newRow("bad gain after comments")
        << QByteArray("# c\n\r\n\nr 1 360 10\r\nr.dat 212 2x0/mV 11 1024 0 0 0 MLII\r\n")
        << "line 5|bad ADC gain";
    QTest::newRow("bad baseline") << QByteArray("r 1 360 10\nr.dat 16 200(x)/mV\n") << "line 2|bad baseline";
    QTest::newRow("empty units") << QByteArray("r 1 360 10\nr.dat 16 200/ 12\n") << "line 2|empty units";
    QTest::newRow("missing signal count") << QByteArray("r\n") << "line 1|no number of signals";
    QTest::newRow("bad signal count") << QByteArray("r two 360\n") << "line 1|bad number of signals";
    QTest::newRow("bad sample count") << QByteArray("r 1 360 lots\n") + sig << "line 1|bad number of samples";
    QTest::newRow("negative sample count")
        << QByteArray("r 1 360 -5\n") + sig << "line 1|bad number of samples";
    QTest::newRow("bad frequency") << QByteArray("r 1 -360 10\n") + sig << "line 1|bad sampling frequency";
    QTest::newRow("bad counter") << QByteArray("r 1 360/x 10\n") + sig << "line 1|bad counter frequency";
    QTest::newRow("bad base time") << QByteArray("r 1 360 10 noon\n") + sig << "line 1|bad base time";
    QTest::newRow("bad base date") << QByteArray("r 1 360 10 1:2:3 1994-08-15\n") + sig
                                   << "line 1|bad base date";
    QTest::newRow("trailing field") << QByteArray("r 1 360 10 1:2:3 1/2/1994 x\n") + sig
                                    << "line 1|unexpected field";
    QTest::newRow("unknown format") << QByteArray("r 1 360 10\nr.dat 999 200\n")
                                    << "line 2|unknown format 999";
    QTest::newRow("unsupported format")
        << QByteArray("r 1 360 10\nr.dat 310 200\n") << "line 2|format 310 is not supported";
    QTest::newRow("bad format field")
        << QByteArray("r 1 360 10\nr.dat 212:x 200\n") << "line 2|bad format field";
    QTest::newRow("missing format") << QByteArray("r 1 360 10\nr.dat\n") << "line 2|missing format";
    QTest::newRow("bad adc zero") << QByteArray("r 1 360 10\nr.dat 16 200 12 zero\n")
                                  << "line 2|bad ADC zero";
    QTest::newRow("bad checksum") << QByteArray("r 1 360 10\nr.dat 16 200 12 0 0 1.5\n")
                                  << "line 2|bad checksum";
    QTest::newRow("too few signals") << QByteArray("r 3 360 10\n") + sig + sig
                                     << "line 1|declares 3 signal(s) but the header has 2";
    QTest::newRow("too many signals") << QByteArray("r 1 360 10\n") + sig + "# note\n" + sig
                                      << "line 4|more signal lines than the 1 signal(s) declared on line 1";
    QTest::newRow("multi-segment") << QByteArray("r/2 1 360 10\nr_1 5\nr_2 5\n") << "line 1|multi-segment";
    QTest::newRow("files not consecutive")
        << QByteArray("r 3 360 10\na.dat 16\nb.dat 16\na.dat 16\n") << "line 4 (signal 2)|not consecutive";
    QTest::newRow("mixed formats in a file")
        << QByteArray("r 2 360 10\na.dat 16\na.dat 212\n") << "line 3|format or byte offset differs";
    QTest::newRow("path in file name") << QByteArray("r 1 360 10\n../../etc/passwd 16\n") << "line 2|path";
    QTest::newRow("empty") << QByteArray("# nothing\n\n") << "no record line";
    QTest::newRow("binary") << QByteArray("r 1\0\x01\x02", 6) << "NUL";
}

void TstWfdb::malformedHeaders()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!parseHeader(text, &error));
    for (const QString &part : expected.split(u'|'))
        QVERIFY2(error.contains(part), qPrintable(QStringLiteral("'%1' lacks '%2'").arg(error, part)));
}

void TstWfdb::garbledHeadersNeverCrash()
{
    REQUIRE_DATA();
    QFile f(dataDir() + QStringLiteral("/03700181.hea"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();
    QString error;
    for (int n = 0; n < good.size(); ++n) {
        error.clear();
        if (!parseHeader(good.left(n), &error))
            QVERIFY(!error.isEmpty());
    }
    QRandomGenerator rng(1234);
    for (int i = 0; i < 3000; ++i) {
        QByteArray t = good;
        for (int k = 0; k < 3; ++k)
            t[rng.bounded(int(t.size()))] = char(rng.bounded(256));
        error.clear();
        if (!parseHeader(t, &error))
            QVERIFY(!error.isEmpty());
    }
}

void TstWfdb::truncatedAndMissingDat()
{
    REQUIRE_DATA();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(dataDir() + QStringLiteral("/100.hea"), dir.filePath("100.hea")));
    QString error;
    QVERIFY(!Record::open(dir.filePath("100.hea"), &error));
    QVERIFY2(error.contains("line 3") && error.contains("cannot open 100.dat"), qPrintable(error));

    QFile full(dataDir() + QStringLiteral("/100.dat"));
    QVERIFY(full.open(QIODevice::ReadOnly));
    QVERIFY(writeFile(dir.filePath("100.dat"), full.read(1950000 - 3)));
    QVERIFY(!Record::open(dir.filePath("100.hea"), &error));
    // The first signal line (line 3, after the leading comment) names the file.
    QVERIFY2(error.contains("line 3 (signal 0)") && error.contains("100.dat is truncated") &&
                 error.contains("1949997 bytes") && error.contains("1950000"),
             qPrintable(error));
}

void TstWfdb::roundTripFormat16Exact()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Header h;
    h.recordName = QStringLiteral("ignored");
    h.frameFrequency = 62.5;
    h.counterFrequency = 10;
    h.baseCounter = 3.5;
    h.baseTime = QStringLiteral("08:00:00.500");
    h.baseDate = QStringLiteral("01/02/2024");
    h.comments = {QStringLiteral("age: 42"), QStringLiteral("two\nlines")};
    SignalInfo a;
    a.format = 16;
    a.samplesPerFrame = 2;
    a.gain = 1234.5678901234;
    a.baseline = -7;
    a.units = QStringLiteral("mV");
    a.adcResolution = 16;
    a.description = QStringLiteral("ECG II");
    SignalInfo b = a;
    b.samplesPerFrame = 1;
    b.gain = 0.1;
    b.baseline = 32000;
    b.units = QStringLiteral("mmHg");
    b.description = QStringLiteral("ABP");
    h.signalInfos = {a, b};
    std::vector<std::vector<int32_t>> samples(2);
    QRandomGenerator rng(42);
    for (int t = 0; t < 1001; ++t) {
        samples[0].push_back(rng.bounded(-32767, 32768));
        samples[0].push_back(rng.bounded(-32767, 32768));
        samples[1].push_back(rng.bounded(-32767, 32768));
    }
    samples[0][0] = -32767;
    samples[0][1] = 32767;
    samples[1][5] = -32768; // invalid
    QString error;
    QVERIFY2(writeRecord(dir.path(), QStringLiteral("rt"), h, samples, &error), qPrintable(error));
    std::optional<Record> r = Record::open(dir.filePath("rt.hea"), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY2(r->verifyChecksums(&error), qPrintable(error));
    QCOMPARE(r->samples(0), samples[0]);
    QCOMPARE(r->samples(1), samples[1]);
    QVERIFY(r->isInvalid(1, r->samples(1)[5]));
    const Header &g = r->header();
    QCOMPARE(g.recordName, QStringLiteral("rt"));
    QCOMPARE(g.frameFrequency, 62.5);
    QCOMPARE(g.counterFrequency, 10.0);
    QCOMPARE(g.baseCounter, 3.5);
    QCOMPARE(g.numFrames, 1001);
    QCOMPARE(g.baseTime, h.baseTime);
    QCOMPARE(g.baseDate, h.baseDate);
    QCOMPARE(g.comments, QStringList({QStringLiteral("age: 42"), QStringLiteral("two lines")}));
    for (int s = 0; s < 2; ++s) {
        QCOMPARE(g.signalInfos[std::size_t(s)].gain, h.signalInfos[std::size_t(s)].gain); // exact, not fuzzy
        QCOMPARE(g.signalInfos[std::size_t(s)].baseline, h.signalInfos[std::size_t(s)].baseline);
        QCOMPARE(g.signalInfos[std::size_t(s)].units, h.signalInfos[std::size_t(s)].units);
        QCOMPARE(g.signalInfos[std::size_t(s)].description, h.signalInfos[std::size_t(s)].description);
        QCOMPARE(g.signalInfos[std::size_t(s)].samplesPerFrame,
                 h.signalInfos[std::size_t(s)].samplesPerFrame);
        QCOMPARE(g.signalInfos[std::size_t(s)].format, 16);
        QCOMPARE(g.signalInfos[std::size_t(s)].initialValue, samples[std::size_t(s)][0]);
    }
    QCOMPARE(QFileInfo(dir.filePath("rt.dat")).size(), 1001 * 3 * 2);
}

void TstWfdb::roundTripRealRecord()
{
    REQUIRE_DATA();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Record src = openRecord(QStringLiteral("03700181"));
    std::vector<std::vector<int32_t>> samples;
    for (int s = 0; s < src.signalCount(); ++s)
        samples.push_back(src.samples(s));
    QString error;
    QVERIFY2(writeRecord(dir.path(), QStringLiteral("copy"), src.header(), samples, &error),
             qPrintable(error));

    // What PhysioNet tools will read: checksums and initial values computed over the deskewed samples
    // (RESP: raw[4..] plus four format-16 invalid values = 7379, first value -208; see ground_truth.py).
    QFile hea(dir.filePath("copy.hea"));
    QVERIFY(hea.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = hea.readAll().split('\n');
    QCOMPARE(lines.value(0), QByteArray("copy 3 125 75000 17:27:45 15/08/1994"));
    QCOMPARE(lines.value(1), QByteArray("copy.dat 16x4 2963.77(0)/mV 12 0 67 -11266 0 MCL1"));
    QCOMPARE(lines.value(2), QByteArray("copy.dat 16 12.84(-1605)/mmHg 12 0 -943 -23651 0 ABP"));
    QCOMPARE(lines.value(3), QByteArray("copy.dat 16 2000(0)/mV 12 0 -208 7379 0 RESP"));

    std::optional<Record> r = Record::open(dir.filePath("copy.hea"), &error);
    QVERIFY2(r, qPrintable(error));
    QVERIFY2(r->verifyChecksums(&error), qPrintable(error));
    for (int s = 0; s < 3; ++s) {
        QCOMPARE(r->sampleRate(s), src.sampleRate(s));
        QCOMPARE(r->samples(s).size(), src.samples(s).size());
        for (std::size_t i = 0; i < samples[std::size_t(s)].size(); ++i) {
            const int32_t a = src.samples(s)[i], b = r->samples(s)[i];
            // Format 212's invalid value becomes format 16's; everything else is bit exact.
            if (src.isInvalid(s, a) ? !r->isInvalid(s, b) : a != b)
                QFAIL(qPrintable(
                    QStringLiteral("signal %1 sample %2: %3 became %4").arg(s).arg(i).arg(a).arg(b)));
        }
    }
    QCOMPARE(std::count_if(r->samples(2).begin(), r->samples(2).end(), [](int32_t v) { return v == -32768; }),
             4);

    // Writing the format-16 copy again reproduces it byte for byte.
    std::vector<std::vector<int32_t>> again;
    for (int s = 0; s < 3; ++s)
        again.push_back(r->samples(s));
    QVERIFY2(writeRecord(dir.path(), QStringLiteral("copy2"), r->header(), again, &error), qPrintable(error));
    QFile d1(dir.filePath("copy.dat")), d2(dir.filePath("copy2.dat"));
    QVERIFY(d1.open(QIODevice::ReadOnly) && d2.open(QIODevice::ReadOnly));
    QVERIFY(d1.readAll() == d2.readAll());
}

void TstWfdb::checksumMismatchDetected()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Header h;
    h.frameFrequency = 100;
    SignalInfo s;
    s.format = 16;
    s.description = QStringLiteral("II");
    h.signalInfos = {s, s};
    h.signalInfos[1].description = QStringLiteral("V");
    const std::vector<std::vector<int32_t>> samples = {{1, 2, 3, 4}, {10, 20, 30, 40}};
    QString error;
    QVERIFY2(writeRecord(dir.path(), QStringLiteral("ck"), h, samples, &error), qPrintable(error));
    QVERIFY(Record::open(dir.filePath("ck.hea"), &error)->verifyChecksums(&error));

    // Corrupt sample 2 of signal 1 (frame 2, second sample: byte offset 2*4 + 2).
    QFile dat(dir.filePath("ck.dat"));
    QVERIFY(dat.open(QIODevice::ReadWrite));
    QByteArray bytes = dat.readAll();
    bytes[10] = char(31);
    QVERIFY(dat.seek(0) && dat.write(bytes) == bytes.size());
    dat.close();
    std::optional<Record> r = Record::open(dir.filePath("ck.hea"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->samples(1)[2], 31);
    QVERIFY(!r->verifyChecksums(&error));
    QVERIFY2(error.contains("signal 1 (V)") && error.contains("101") && error.contains("100") &&
                 !error.contains("signal 0"),
             qPrintable(error));
}

void TstWfdb::writerRejectsBadInput()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Header h;
    SignalInfo s;
    s.format = 16;
    h.signalInfos = {s, s};
    QString error;
    QVERIFY(!writeRecord(dir.path(), QStringLiteral("x"), h, {{1, 2}, {1}}, &error));
    QVERIFY2(error.contains("same time"), qPrintable(error));
    QVERIFY(!writeRecord(dir.path(), QStringLiteral("x"), h, {{1, 40000}, {1, 2}}, &error));
    QVERIFY2(error.contains("signal 0: sample 1 is 40000"), qPrintable(error));
    QVERIFY(!writeRecord(dir.path(), QStringLiteral("../x"), h, {{1}, {1}}, &error));
    QVERIFY(!writeRecord(dir.path(), QStringLiteral("x"), h, {{1}}, &error));
    QVERIFY(!QFileInfo::exists(dir.filePath("x.hea")));
    QVERIFY(!QFileInfo::exists(dir.filePath("x.dat")));
}

void TstWfdb::waveMapping_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<int>("wave"); // -1: none
    const auto row = [](const char *d, int w) { QTest::newRow(d) << QString::fromLatin1(d) << w; };
    row("I", int(WaveId::EcgI));
    row("ECG I", int(WaveId::EcgI));
    row("II", int(WaveId::EcgII));
    row("MLII", int(WaveId::EcgII));
    row("ECG II", int(WaveId::EcgII));
    row("ecg lead ii", int(WaveId::EcgII));
    row("ECG", int(WaveId::EcgII));
    row("III", int(WaveId::EcgIII));
    row("V", int(WaveId::EcgV));
    row("V5", int(WaveId::EcgV));
    row("MCL1", int(WaveId::EcgV));
    row("PLETH", int(WaveId::Pleth));
    row("RESP", int(WaveId::Resp));
    row("ABP", int(WaveId::Abp));
    row("ART", int(WaveId::Abp));
    row("CO2", int(WaveId::Co2));
    row("aVR", -1);
    row("CVP", -1);
    row("V7", -1);
    row("ECG1", -1);
    row("", -1);
}

void TstWfdb::waveMapping()
{
    QFETCH(QString, description);
    QFETCH(int, wave);
    SignalInfo s;
    s.description = description;
    const std::optional<WaveId> id = waveIdForSignal(s);
    QCOMPARE(id ? int(*id) : -1, wave);
}

void TstWfdb::replayV102s()
{
    REQUIRE_DATA();
    auto record = std::make_shared<const Record>(openRecord(QStringLiteral("v102s")));
    FakeSink sink;
    WfdbReplaySource source(record, QStringLiteral("icu^1^A"), QStringLiteral("Bed A"), 100.0, false, &sink);
    source.start();
    QVERIFY(sink.statuses.back().state == SourceStatus::State::Connected);
    QTest::qWait(500);
    source.stop();
    QVERIFY(sink.statuses.back().state == SourceStatus::State::Stopped);

    QVERIFY(sink.updates.size() >= 3);
    const BedUpdate &first = sink.updates.front();
    QCOMPARE(first.bedKey, QStringLiteral("icu^1^A"));
    QCOMPARE(first.bedLabel, QStringLiteral("Bed A"));
    QCOMPARE(first.sourceId, source.id());
    QVERIFY(first.patient);
    QCOMPARE(first.patient->id, QStringLiteral("v102s"));
    QCOMPARE(first.patient->name, QStringLiteral("WFDB v102s"));
    for (std::size_t i = 1; i < sink.updates.size(); ++i)
        QVERIFY(!sink.updates[i].patient);
    for (const BedUpdate &u : sink.updates)
        QCOMPARE(u.waves.size(), std::size_t(4));

    const WaveId ids[] = {WaveId::EcgII, WaveId::EcgV, WaveId::Pleth, WaveId::Resp};
    std::size_t count = 0;
    for (int s = 0; s < 4; ++s) {
        const Stream st = collect(sink.updates, ids[s]);
        QCOMPARE(st.rate, 250.0);
        QCOMPARE(st.gain, record->header().signalInfos[std::size_t(s)].gain);
        QCOMPARE(st.baseline, 0);
        // 0.5 s at 100x is 50 s of record; allow for a slow, shared machine.
        QVERIFY2(st.samples.size() >= 2500 && st.samples.size() <= 14000,
                 qPrintable(QString::number(st.samples.size())));
        if (s > 0)
            QCOMPARE(st.samples.size(), count);
        count = st.samples.size();
        compareWithRecord(st, *record, s);
        if (QTest::currentTestFailed())
            return;
    }
    // ECG II at 5591 is an invalid sample; PLETH at 3106 too. Both must arrive as NaN when reached.
    const Stream pleth = collect(sink.updates, WaveId::Pleth);
    if (pleth.samples.size() > 3106)
        QVERIFY(std::isnan(pleth.samples[3106]));
    const Stream ecg = collect(sink.updates, WaveId::EcgII);
    QCOMPARE(ecg.samples[0], float(-26 / 2281.0));
}

void TstWfdb::replay03700181MultiRate()
{
    REQUIRE_DATA();
    auto record = std::make_shared<const Record>(openRecord(QStringLiteral("03700181")));
    FakeSink sink;
    WfdbReplaySource source(record, QStringLiteral("bed2"), QStringLiteral("Bed 2"), 100.0, true, &sink);
    source.start();
    QTest::qWait(500);
    source.stop();

    const Stream ecg = collect(sink.updates, WaveId::EcgV); // MCL1
    const Stream abp = collect(sink.updates, WaveId::Abp);
    const Stream resp = collect(sink.updates, WaveId::Resp);
    QCOMPARE(ecg.rate, 500.0);
    QCOMPARE(abp.rate, 125.0);
    QCOMPARE(resp.rate, 125.0);
    QCOMPARE(abp.gain, 12.84);
    QCOMPARE(abp.baseline, -1605);
    QVERIFY(abp.samples.size() >= 1250);
    // All channels cover the same record time: 4 ECG samples per ABP sample, to a tick's rounding.
    QVERIFY(std::abs(qint64(ecg.samples.size()) - 4 * qint64(abp.samples.size())) <= 4);
    QCOMPARE(resp.samples.size(), abp.samples.size());
    QCOMPARE(ecg.firstStartUs, abp.firstStartUs);
    compareWithRecord(ecg, *record, 0);
    compareWithRecord(abp, *record, 1);
    compareWithRecord(resp, *record, 2);
    QCOMPARE(std::lround(resp.samples[0] * 2000.0), -208); // deskewed
}

void TstWfdb::replayEndsWithoutLoop()
{
    REQUIRE_DATA();
    auto record = std::make_shared<const Record>(openRecord(QStringLiteral("v102s")));
    FakeSink sink;
    // 300 s of record at 3000x: done after about 0.1 s.
    WfdbReplaySource source(record, QStringLiteral("b"), QStringLiteral("B"), 3000.0, false, &sink);
    QSignalSpy finished(&source, &WfdbReplaySource::finished);
    source.start();
    QVERIFY(finished.wait(5000));
    const std::size_t updates = sink.updates.size();
    QTest::qWait(200);
    QCOMPARE(sink.updates.size(), updates); // nothing after the end
    QVERIFY(source.status().state == SourceStatus::State::Connected);
    QCOMPARE(finished.size(), 1);
    const Stream ecg = collect(sink.updates, WaveId::EcgII);
    QCOMPARE(ecg.samples.size(), std::size_t(75000));
    compareWithRecord(ecg, *record, 0);
    for (int i : {5591, 11537, 36967})
        QVERIFY(std::isnan(ecg.samples[std::size_t(i)]));
    QCOMPARE(collect(sink.updates, WaveId::Resp).samples.size(), std::size_t(75000));
    source.stop();
    QVERIFY(source.status().state == SourceStatus::State::Stopped);
}

void TstWfdb::replayLoops()
{
    REQUIRE_DATA();
    auto record = std::make_shared<const Record>(openRecord(QStringLiteral("v102s")));
    FakeSink sink;
    WfdbReplaySource source(record, QStringLiteral("b"), QStringLiteral("B"), 3000.0, true, &sink);
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(collect(sink.updates, WaveId::Resp).samples.size() > 80000, 5000);
    source.stop();
    const Stream resp = collect(sink.updates, WaveId::Resp);
    compareWithRecord(resp, *record, 3); // compares index i with record sample i % length
    QCOMPARE(std::lround(resp.samples[75000] * 38880.0), 339); // first sample again
}

void TstWfdb::replaySkipsUnmappedAndDuplicates()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Header h;
    h.frameFrequency = 100;
    SignalInfo s;
    s.format = 16;
    for (const char *d : {"CVP", "MLII", "ECG II", "PLETH"}) {
        s.description = QString::fromLatin1(d);
        h.signalInfos.push_back(s);
    }
    std::vector<std::vector<int32_t>> samples(4);
    for (int i = 0; i < 200; ++i)
        for (int k = 0; k < 4; ++k)
            samples[std::size_t(k)].push_back(k * 1000 + i);
    QString error;
    QVERIFY2(writeRecord(dir.path(), QStringLiteral("dup"), h, samples, &error), qPrintable(error));

    FakeSink sink;
    // Opened from the path inside start(), as the composition root does on the source's thread.
    WfdbReplaySource source(dir.filePath("dup.hea"), QStringLiteral("b"), QStringLiteral("B"), 100.0, false,
                            &sink);
    QSignalSpy finished(&source, &WfdbReplaySource::finished);
    source.start();
    QVERIFY(finished.wait(5000));
    source.stop();
    std::map<WaveId, int> blocks;
    for (const BedUpdate &u : sink.updates)
        for (const WaveBlock &b : u.waves)
            ++blocks[b.id];
    QCOMPARE(blocks.size(), std::size_t(2)); // CVP has no channel; "ECG II" duplicates MLII
    const Stream ecg = collect(sink.updates, WaveId::EcgII);
    QCOMPARE(ecg.samples.size(), std::size_t(200));
    QCOMPARE(std::lround(ecg.samples[7] * 200.0), 1007); // MLII's samples, not ECG II's
    QCOMPARE(collect(sink.updates, WaveId::Pleth).samples.size(), std::size_t(200));
}

void TstWfdb::replayBadPath()
{
    FakeSink sink;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("rec.hea")));
    WfdbReplaySource source(QStringLiteral("/nonexistent/rec.hea"), QStringLiteral("b"), QStringLiteral("B"),
                            1.0, true, &sink);
    source.start();
    QVERIFY(source.status().state == SourceStatus::State::Error);
    QVERIFY(source.status().lastError.contains("rec.hea"));
    QTest::qWait(100);
    QVERIFY(sink.updates.empty());
}

VIGIL_TEST_GUILESS_MAIN(TstWfdb)
#include "tst_wfdb.moc"
