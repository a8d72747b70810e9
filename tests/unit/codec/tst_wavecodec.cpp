// Wave codec: bit-exact round trips on synthetic and recorded signals, and clean failure (never a crash
// or an over-read) on corrupt, truncated or forged chunks.
#include "MiniWfdb.h"
#include "SharedData.h"
#include "WaveCodec.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <numbers>
#include <random>
#include <span>
#include <string>
#include <vector>

using vigil::codec::decode;
using vigil::codec::encode;
using vigil::codec::EncodeOptions;
using Samples = std::vector<std::int32_t>;
using Bytes = std::vector<std::uint8_t>;

Q_DECLARE_METATYPE(Samples)

namespace {

constexpr std::int32_t kI16Min = std::numeric_limits<std::int16_t>::min();
constexpr std::int32_t kI16Max = std::numeric_limits<std::int16_t>::max();
constexpr std::int32_t kI32Min = std::numeric_limits<std::int32_t>::min();
constexpr std::int32_t kI32Max = std::numeric_limits<std::int32_t>::max();

// Returns an empty string on success, else what went wrong (QVERIFY2 wants a message).
std::string roundTrip(const Samples &in, const EncodeOptions &options = {},
                      std::size_t *encodedSize = nullptr)
{
    const Bytes chunk = encode(in, options);
    if (encodedSize)
        *encodedSize = chunk.size();
    Samples out{1, 2, 3}; // decode must replace whatever is there
    std::string error;
    if (!decode(chunk, out, &error))
        return "decode failed: " + error;
    if (out.size() != in.size())
        return "length " + std::to_string(out.size()) + " != " + std::to_string(in.size());
    const auto mismatch = std::mismatch(in.begin(), in.end(), out.begin());
    if (mismatch.first != in.end())
        return "first difference at sample " + std::to_string(mismatch.first - in.begin()) + ": " +
               std::to_string(*mismatch.first) + " decoded as " + std::to_string(*mismatch.second);
    return {};
}

Samples sine(std::size_t n, double amplitude, double period, double offset = 0)
{
    Samples s(n);
    for (std::size_t i = 0; i < n; ++i)
        s[i] = static_cast<std::int32_t>(
            std::lround(offset + amplitude * std::sin(2 * std::numbers::pi * i / period)));
    return s;
}

Samples uniform(std::size_t n, std::int64_t lo, std::int64_t hi, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::int64_t> dist(lo, hi);
    Samples s(n);
    for (auto &v : s)
        v = static_cast<std::int32_t>(dist(rng));
    return s;
}

Samples randomWalk(std::size_t n, int step, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> dist(-step, step);
    Samples s(n);
    std::int32_t v = 0;
    for (auto &x : s) {
        v = std::clamp(v + dist(rng), kI16Min, kI16Max);
        x = v;
    }
    return s;
}

// A synthetic ECG-like trace: baseline wander, noise and a sharp complex every beat.
Samples ecgLike(std::size_t n, double rate, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 3);
    Samples s(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = i / rate;
        const double phase = std::fmod(t, 0.8) / 0.8;
        const double qrs = std::exp(-std::pow((phase - 0.3) / 0.012, 2)) * 1200;
        const double twave = std::exp(-std::pow((phase - 0.6) / 0.05, 2)) * 250;
        s[i] = static_cast<std::int32_t>(
            std::lround(qrs + twave + 80 * std::sin(2 * std::numbers::pi * 0.2 * t) + noise(rng)));
    }
    return s;
}

const std::vector<EncodeOptions> &optionMatrix()
{
    static const std::vector<EncodeOptions> options = [] {
        std::vector<EncodeOptions> v;
        for (int bs : {4, 6, 8, 11})
            for (int lpc : {0, 8, 16})
                for (bool remap : {true, false})
                    v.push_back(EncodeOptions{bs, remap, lpc});
        return v;
    }();
    return options;
}

} // namespace

class TestWaveCodec : public QObject
{
    Q_OBJECT
private slots:
    void crc32cCheckValue()
    {
        const std::string check = "123456789";
        const auto *p = reinterpret_cast<const std::uint8_t *>(check.data());
        QCOMPARE(vigil::codec::crc32c({p, check.size()}), 0xE3069283u);
        // Continuation gives the same result as one call.
        const std::uint32_t part = vigil::codec::crc32c({p, 4});
        QCOMPARE(vigil::codec::crc32c({p + 4, check.size() - 4}, part), 0xE3069283u);
    }

    void synthetic_data()
    {
        QTest::addColumn<Samples>("samples");
        QTest::newRow("empty") << Samples{};
        QTest::newRow("one zero") << Samples{0};
        QTest::newRow("one min16") << Samples{kI16Min};
        QTest::newRow("one max32") << Samples{kI32Max};
        QTest::newRow("two") << Samples{-5, 7};
        QTest::newRow("three") << Samples{100, -100, 100};
        QTest::newRow("constant zero") << Samples(5000, 0);
        QTest::newRow("constant negative") << Samples(777, -1234);
        QTest::newRow("constant min16") << Samples(1001, kI16Min);
        QTest::newRow("constant max16") << Samples(1001, kI16Max);
        Samples ramp(4097), steep(3001), down(1500);
        for (std::size_t i = 0; i < ramp.size(); ++i)
            ramp[i] = static_cast<std::int32_t>(i) - 2048;
        for (std::size_t i = 0; i < steep.size(); ++i)
            steep[i] = static_cast<std::int32_t>((i * 97) % 65536) - 32768; // wraps: saw-tooth at full scale
        for (std::size_t i = 0; i < down.size(); ++i)
            down[i] = 30000 - 40 * static_cast<std::int32_t>(i);
        QTest::newRow("ramp") << ramp;
        QTest::newRow("full-scale sawtooth") << steep;
        QTest::newRow("steep down ramp") << down;
        QTest::newRow("sine small") << sine(2500, 300, 125.0);
        QTest::newRow("sine full scale") << sine(2500, 32767, 50.0);
        QTest::newRow("sine slow, odd length") << sine(1251, 1000, 997.0, -400);
        QTest::newRow("white noise 16-bit") << uniform(5000, kI16Min, kI16Max, 1);
        QTest::newRow("white noise 12-bit") << uniform(3333, -2048, 2047, 2);
        QTest::newRow("white noise 32-bit") << uniform(2000, kI32Min, kI32Max, 3);
        QTest::newRow("random walk") << randomWalk(4999, 9, 4);
        QTest::newRow("ecg-like 500 Hz") << ecgLike(2500, 500, 5);
        QTest::newRow("ecg-like 125 Hz") << ecgLike(625, 125, 6);

        Samples alternating16(2048), alternating32(999), square(3000), impulses(2000, 0);
        for (std::size_t i = 0; i < alternating16.size(); ++i)
            alternating16[i] = i % 2 ? kI16Max : kI16Min;
        for (std::size_t i = 0; i < alternating32.size(); ++i)
            alternating32[i] = i % 3 == 0 ? kI32Min : (i % 3 == 1 ? kI32Max : 0);
        for (std::size_t i = 0; i < square.size(); ++i)
            square[i] = (i / 50) % 2 ? 1000 : -1000;
        for (std::size_t i = 0; i < impulses.size(); i += 173)
            impulses[i] = i % 2 ? kI16Max : kI16Min;
        QTest::newRow("alternating int16 extremes") << alternating16;
        QTest::newRow("int32 extremes") << alternating32;
        QTest::newRow("square wave") << square;
        QTest::newRow("impulses at extremes") << impulses;

        // Gaps in a waveform marked with the INT16_MIN sentinel, as a monitor does for a lead-off.
        Samples gaps = sine(5000, 800, 180.0);
        for (std::size_t i = 700; i < 1300; ++i)
            gaps[i] = kI16Min;
        for (std::size_t i = 2000; i < 5000; i += 400)
            gaps[i] = kI16Min;
        for (std::size_t i = 4990; i < 5000; ++i)
            gaps[i] = kI16Min;
        QTest::newRow("sentinel gaps") << gaps;

        // Values on an uneven grid (an 8-bit ADC rescaled by 21.77): the sparse-alphabet path.
        Samples grid(2500), gridJitter(2500);
        const Samples base = sine(2500, 60, 400.0);
        for (std::size_t i = 0; i < grid.size(); ++i) {
            grid[i] = static_cast<std::int32_t>(std::lround(base[i] * 21.77)) - 20;
            gridJitter[i] = grid[i] + (i % 97 == 0 ? 1 : 0);
        }
        QTest::newRow("uneven grid") << grid;
        QTest::newRow("uneven grid, some unit steps") << gridJitter;
        Samples even(1800);
        for (std::size_t i = 0; i < even.size(); ++i)
            even[i] = 16 * (static_cast<std::int32_t>(i % 200) - 100); // 12-bit data left-aligned in 16
        QTest::newRow("left-aligned 12-bit") << even;
        Samples twoLevels(3000);
        for (std::size_t i = 0; i < twoLevels.size(); ++i)
            twoLevels[i] = (i * 7919) % 13 < 6 ? -30000 : 30000;
        QTest::newRow("two levels") << twoLevels;

        // Wide, smooth data: predictors must wrap modulo 2^32, never overflow.
        Samples wide(3000), wideRamp(2000);
        for (std::size_t i = 0; i < wide.size(); ++i)
            wide[i] =
                static_cast<std::int32_t>(std::lround(2.0e9 * std::sin(2 * std::numbers::pi * i / 300.0)));
        for (std::size_t i = 0; i < wideRamp.size(); ++i)
            wideRamp[i] = static_cast<std::int32_t>(static_cast<std::uint32_t>(i) * 2147483u + 0x80000000u);
        QTest::newRow("int32 full-scale sine") << wide;
        QTest::newRow("int32 wrapping ramp") << wideRamp;
    }

    void synthetic()
    {
        QFETCH(Samples, samples);
        const std::string defaultResult = roundTrip(samples);
        QVERIFY2(defaultResult.empty(), defaultResult.c_str());
        for (const EncodeOptions &options : optionMatrix()) {
            const std::string r = roundTrip(samples, options);
            QVERIFY2(r.empty(), (r + " (blockSizeLog2 " + std::to_string(options.blockSizeLog2) + ", lpc " +
                                 std::to_string(options.maxLpcOrder) + ", remap " +
                                 std::to_string(options.allowRemap) + ")")
                                    .c_str());
        }
    }

    void compressesTypicalSignals()
    {
        std::size_t size = 0;
        const Samples constant(5000, 42);
        QVERIFY(roundTrip(constant, {}, &size).empty());
        QVERIFY2(size < 48, std::to_string(size).c_str()); // constant blocks cost 3 bits each
        const Samples ecg = ecgLike(5000, 500, 7);
        QVERIFY(roundTrip(ecg, {}, &size).empty());
        QVERIFY2(size * 3 < ecg.size() * 2, std::to_string(size).c_str()); // better than 3:1 vs 16 bit
        const Samples noise = uniform(4096, kI16Min, kI16Max, 8);
        QVERIFY(roundTrip(noise, {}, &size).empty());
        // Verbatim escape: incompressible data costs at most its 16 bits a sample plus block headers.
        QVERIFY2(size <= noise.size() * 2 + noise.size() / 64 + 16, std::to_string(size).c_str());
    }

    void everyLength()
    {
        // Lengths across block boundaries and odd sizes, with and without the LPC and grid paths.
        const Samples walk = randomWalk(600, 40, 9);
        for (std::size_t n = 0; n <= walk.size(); ++n) {
            const Samples prefix(walk.begin(), walk.begin() + static_cast<std::ptrdiff_t>(n));
            const std::string r = roundTrip(prefix);
            QVERIFY2(r.empty(), (std::to_string(n) + ": " + r).c_str());
            const std::string r16 = roundTrip(prefix, EncodeOptions{4, true, 16});
            QVERIFY2(r16.empty(), (std::to_string(n) + ": " + r16).c_str());
        }
    }

    void wfdbRecords_data()
    {
        QTest::addColumn<QString>("record");
        QTest::newRow("100") << QStringLiteral("100");
        QTest::newRow("v102s") << QStringLiteral("v102s");
        QTest::newRow("03700181") << QStringLiteral("03700181");
    }

    void wfdbRecords()
    {
        QFETCH(QString, record);
        const std::string dir = vigil::test::sharedDataPath(QStringLiteral("wfdb")).toStdString();
        VIGIL_REQUIRE_SHARED_DATA(QString::fromStdString(dir + "/" + record.toStdString() + ".hea"));
        vigil::codec::testing::MiniRecord rec;
        std::string error;
        QVERIFY2(vigil::codec::testing::readMiniRecord(dir, record.toStdString(), rec, error), error.c_str());
        for (const auto &signal : rec.channels) {
            // The header's checksum proves the 212 decoding before the codec is judged on it.
            QCOMPARE(vigil::codec::testing::wfdbChecksum(signal.samples), signal.headerChecksum);
            // Archive-sized chunks of 5 s, and the whole signal as one chunk.
            const auto chunk = static_cast<std::size_t>(std::lround(5 * signal.frequency));
            std::size_t raw = 0, coded = 0;
            for (std::size_t at = 0; at < signal.samples.size(); at += chunk) {
                const std::size_t len = std::min(chunk, signal.samples.size() - at);
                const Samples part(signal.samples.begin() + static_cast<std::ptrdiff_t>(at),
                                   signal.samples.begin() + static_cast<std::ptrdiff_t>(at + len));
                std::size_t size = 0;
                const std::string r = roundTrip(part, {}, &size);
                QVERIFY2(r.empty(), (signal.description + " @" + std::to_string(at) + ": " + r).c_str());
                raw += 2 * len;
                coded += size;
            }
            const std::string whole = roundTrip(signal.samples);
            QVERIFY2(whole.empty(), (signal.description + " whole: " + whole).c_str());
            const std::string noLpc = roundTrip(signal.samples, EncodeOptions{7, false, 0});
            QVERIFY2(noLpc.empty(), (signal.description + " without LPC/grid: " + noLpc).c_str());
            qInfo("%s %-6s %7zu samples at %5.1f Hz: ratio %.2f in 5 s chunks", qPrintable(record),
                  signal.description.c_str(), signal.samples.size(), signal.frequency,
                  static_cast<double>(raw) / static_cast<double>(coded));
        }
    }

    void corruptionIsDetected()
    {
        // One chunk per coding path: fixed predictors, LPC, grid table, verbatim, constant.
        std::vector<Samples> inputs{ecgLike(1800, 360, 10), sine(625, 300, 80.0), Samples{},
                                    uniform(400, kI16Min, kI16Max, 11), Samples(300, 77)};
        Samples grid(1200);
        const Samples base = sine(1200, 50, 300.0);
        for (std::size_t i = 0; i < grid.size(); ++i)
            grid[i] = static_cast<std::int32_t>(std::lround(base[i] * 21.77));
        inputs[2] = grid;
        for (const Samples &in : inputs) {
            const Bytes good = encode(in);
            Samples out;
            QVERIFY(decode(good, out, nullptr));
            // Every byte flipped whole, and every single bit of the first 64 bytes.
            for (std::size_t i = 0; i < good.size(); ++i) {
                for (std::uint8_t mask : {std::uint8_t{0xff}, std::uint8_t{0x01}, std::uint8_t{0x80}}) {
                    Bytes bad = good;
                    bad[i] ^= mask;
                    std::string error;
                    const bool ok = decode(bad, out, &error);
                    QVERIFY2(!ok || out == in,
                             ("byte " + std::to_string(i) + " decoded to different samples").c_str());
                    QVERIFY(ok || (out.empty() && !error.empty()));
                }
            }
            for (std::size_t bit = 0; bit < std::min<std::size_t>(good.size(), 64) * 8; ++bit) {
                Bytes bad = good;
                bad[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
                const bool ok = decode(bad, out, nullptr);
                QVERIFY2(!ok || out == in, ("bit " + std::to_string(bit)).c_str());
            }
        }
    }

    void truncationIsDetected()
    {
        for (const Samples &in : {ecgLike(2000, 500, 12), uniform(300, -2048, 2047, 13), Samples(100, 5)}) {
            const Bytes good = encode(in);
            for (std::size_t len = 0; len < good.size(); ++len) {
                const Bytes cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(len));
                Samples out{9};
                std::string error;
                QVERIFY2(!decode(cut, out, &error), std::to_string(len).c_str());
                QVERIFY(out.empty());
                QVERIFY(!error.empty());
            }
            Bytes longer = good;
            longer.push_back(0);
            Samples out;
            QVERIFY(!decode(longer, out, nullptr));
        }
    }

    void garbageNeverCrashes()
    {
        // Random payloads behind a valid header, and random mutations of real chunks: decode must
        // return (false, almost always) without reading outside the buffer. Run under ASan to be sure.
        std::mt19937 rng(14);
        std::uniform_int_distribution<int> byte(0, 255);
        const Bytes ecg = encode(ecgLike(2500, 500, 15));
        Samples out;
        for (int round = 0; round < 3000; ++round) {
            Bytes b;
            if (round % 2) {
                b = ecg;
                const int edits = 1 + round % 8;
                for (int e = 0; e < edits; ++e)
                    b[static_cast<std::size_t>(rng()) % b.size()] = static_cast<std::uint8_t>(byte(rng));
                if (round % 3 == 0)
                    b.resize(static_cast<std::size_t>(rng()) % b.size());
            } else {
                b = {0xB5, 0x01};
                const std::uint32_t n = static_cast<std::uint32_t>(rng()) % 5000;
                for (std::uint32_t v = n;; v >>= 7) {
                    b.push_back(static_cast<std::uint8_t>((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
                    if (v <= 0x7f)
                        break;
                }
                const int len = static_cast<int>(rng() % 600);
                for (int i = 0; i < len; ++i)
                    b.push_back(static_cast<std::uint8_t>(byte(rng)));
            }
            std::string error;
            if (!decode(b, out, &error))
                QVERIFY(out.empty() && !error.empty());
        }
    }

    void headerChecks()
    {
        const Samples in = sine(1000, 500, 90.0);
        const Bytes chunk = encode(in);
        vigil::codec::ChunkInfo info;
        QVERIFY(vigil::codec::inspect(chunk, info));
        QCOMPARE(info.version, 1);
        QCOMPARE(info.sampleCount, 1000u);
        QCOMPARE(info.headerBytes, std::size_t{8}); // magic, version, 2-byte count, CRC
        QCOMPARE(chunk[0], std::uint8_t{0xB5});

        Samples out;
        std::string error;
        Bytes bad = chunk;
        bad[0] = 'V';
        QVERIFY(!decode(bad, out, &error));
        QVERIFY(error.find("magic") != std::string::npos);
        bad = chunk;
        bad[1] = 2;
        QVERIFY(!decode(bad, out, &error));
        QVERIFY(error.find("version") != std::string::npos);

        // A forged huge sample count over a tiny payload is refused before anything is allocated for it.
        const Bytes forged{0xB5, 0x01, 0xff, 0xff, 0xff, 0x1f, 0, 0, 0, 0, 0x2f, 0x00};
        QVERIFY(!decode(forged, out, &error));
        const Bytes tooMany{0xB5, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0};
        QVERIFY(!decode(tooMany, out, &error));
        QVERIFY(!decode(Bytes{}, out, &error));
        QVERIFY(!decode(Bytes{0xB5}, out, &error));

        // The smallest chunks are exactly the header.
        const Bytes empty = encode(Samples{});
        QCOMPARE(empty, (Bytes{0xB5, 0x01, 0x00, 0, 0, 0, 0}));
        QVERIFY(decode(empty, out, &error));
        QVERIFY(out.empty());
    }

    void knownAnswer()
    {
        // Pins the bitstream: any change to the coded bytes must come with a new format version.
        Samples in(40);
        for (std::size_t i = 0; i < in.size(); ++i)
            in[i] = static_cast<std::int32_t>((i * i) % 23) - 11 + (i > 30 ? 1000 : 0);
        const Bytes chunk = encode(in);
        const Bytes expected{0xb5, 0x01, 0x28, 0xec, 0x01, 0x61, 0x50, 0x4a, 0xd4, 0x3f, 0x86,
                             0x52, 0x1c, 0x9a, 0xa3, 0xbb, 0xef, 0x22, 0x43, 0x5a, 0x24, 0x4b,
                             0xb6, 0xe7, 0x9a, 0xea, 0xd2, 0x0e, 0xcd, 0xd1, 0x01, 0xc0, 0xf8,
                             0x0b, 0x1e, 0x1c, 0x08, 0x48, 0x88, 0x64, 0x76, 0x01};
        QCOMPARE(chunk, expected);
    }
};

VIGIL_TEST_GUILESS_MAIN(TestWaveCodec)
#include "tst_wavecodec.moc"
