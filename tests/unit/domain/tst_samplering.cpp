// SampleRing: wrap-around, gaps, and a concurrent writer with a reader that must never see a torn or
// out-of-order sample.
#include "SampleRing.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>
#include <vector>

using vigil::SampleRing;

class TestSampleRing : public QObject
{
    Q_OBJECT
private slots:
    void capacityIsPowerOfTwo()
    {
        SampleRing r(1000);
        QCOMPARE(r.capacity(), std::size_t(1024));
        QCOMPARE(r.written(), std::uint64_t(0));
    }

    void appendAndCopy()
    {
        SampleRing r(16);
        std::vector<float> in{1, 2, 3, 4, 5};
        r.append(in);
        QCOMPARE(r.written(), std::uint64_t(5));
        std::vector<float> out(5);
        QCOMPARE(r.copy(0, out), std::size_t(5));
        QCOMPARE(out, in);
        // Asking past the newest sample yields NaN for the missing part.
        std::vector<float> more(3);
        QCOMPARE(r.copy(4, more), std::size_t(1));
        QCOMPARE(more[0], 5.f);
        QVERIFY(std::isnan(more[1]) && std::isnan(more[2]));
    }

    void wrapsAndForgetsOldest()
    {
        SampleRing r(16);
        std::vector<float> in(40);
        for (int i = 0; i < 40; ++i)
            in[i] = float(i);
        r.append(std::span<const float>(in).first(25));
        r.append(std::span<const float>(in).subspan(25));
        QCOMPARE(r.written(), std::uint64_t(40));
        std::vector<float> out(16);
        QCOMPARE(r.copy(24, out), std::size_t(16));
        for (int i = 0; i < 16; ++i)
            QCOMPARE(out[i], float(24 + i));
        // Samples older than one capacity are gone: NaN, not stale values from the wrapped slot.
        std::vector<float> old(4);
        QCOMPARE(r.copy(20, old), std::size_t(0));
        for (float v : old)
            QVERIFY(std::isnan(v));
    }

    void hugeAppendKeepsOnlyTheTail()
    {
        SampleRing r(16);
        std::vector<float> in(100);
        for (int i = 0; i < 100; ++i)
            in[i] = float(i);
        r.append(in);
        QCOMPARE(r.written(), std::uint64_t(100));
        std::vector<float> out(16);
        r.copy(84, out);
        QCOMPARE(out.front(), 84.f);
        QCOMPARE(out.back(), 99.f);
    }

    void gapsAreNaN()
    {
        SampleRing r(32);
        r.append(std::vector<float>{1, 2});
        r.appendGap(3);
        r.append(std::vector<float>{6});
        QCOMPARE(r.written(), std::uint64_t(6));
        std::vector<float> out(6);
        r.copy(0, out);
        QCOMPARE(out[1], 2.f);
        QVERIFY(std::isnan(out[2]) && std::isnan(out[3]) && std::isnan(out[4]));
        QCOMPARE(out[5], 6.f);
        // A gap longer than the ring still advances the sample count by its full length.
        r.appendGap(1000);
        QCOMPARE(r.written(), std::uint64_t(1006));
    }

    void concurrentWriterAndReader()
    {
        // The writer appends a ramp (sample i has value i) in uneven blocks; the reader continuously copies
        // the newest window. Every non-NaN value must equal its index: no torn, stale or misplaced sample.
        SampleRing r(4096);
        constexpr std::uint64_t total = 1'000'000;
        std::atomic<bool> done{false};
        std::thread writer([&] {
            std::vector<float> block;
            std::uint64_t next = 0;
            int size = 1;
            while (next < total) {
                block.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size, total - next)));
                for (auto &v : block)
                    v = float(next++ % 16777216); // exactly representable
                r.append(block);
                size = size % 97 + 1;
                std::this_thread::yield(); // let the reader interleave, like a source thread between blocks
            }
            done = true;
        });
        std::vector<float> window(1500);
        std::uint64_t checked = 0, reads = 0, bad = 0;
        while (!done.load()) {
            const std::uint64_t end = r.written();
            const std::uint64_t first = end > window.size() ? end - window.size() : 0;
            r.copy(first, window);
            for (std::size_t i = 0; i < window.size(); ++i) {
                if (std::isnan(window[i]))
                    continue;
                if (window[i] != float((first + i) % 16777216))
                    ++bad;
                ++checked;
            }
            ++reads;
        }
        writer.join();
        QCOMPARE(bad, std::uint64_t(0));
        QVERIFY2(checked > 1000, qPrintable(QString::number(checked)));
        QCOMPARE(r.written(), total);
    }
};

QTEST_GUILESS_MAIN(TestSampleRing)
#include "tst_samplering.moc"
