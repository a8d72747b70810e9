// The live sweep's per-frame maths (ui/Playhead.h): where the playhead is after a frame, when a channel
// counts as silent, and how an auto-scaled lane's scale follows the trace.
#include "Playhead.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace vigil;

namespace {
constexpr double kRate = 250.0; // samples per second
constexpr double kDelay = 0.3;  // display delay, s

PlayheadStep step(double written, double dtS, bool silent = false)
{
    return PlayheadStep{written, kRate, kDelay, dtS, silent};
}
} // namespace

class TestPlayhead : public QObject
{
    Q_OBJECT
private slots:
    void firstFrameStartsAtTheTarget_data()
    {
        QTest::addColumn<double>("written");
        QTest::addColumn<double>("expected");
        QTest::newRow("delay behind the newest sample") << 1000.0 << 1000.0 - kDelay * kRate;
        QTest::newRow("never before sample 0") << 10.0 << 0.0;
        QTest::newRow("nothing written yet") << 0.0 << 0.0;
    }
    void firstFrameStartsAtTheTarget()
    {
        QFETCH(double, written);
        QFETCH(double, expected);
        QCOMPARE(advancePlayhead(-1.0, step(written, 0.016)), expected);
    }

    void advancesWithTheFrameClockOnTarget()
    {
        // On target, a frame of dt advances the head by dt * rate: the sweep runs at the channel's speed.
        const double written = 5000;
        const double target = written - kDelay * kRate;
        QCOMPARE(advancePlayhead(target, step(written, 0.02)), target + 0.02 * kRate);
    }

    void pulledGentlyTowardTheTarget()
    {
        // 100 samples behind (a burst arrived): the head catches up over several frames, not in one jump.
        const double written = 5000;
        const double target = written - kDelay * kRate;
        double play = target - 100;
        const double first = advancePlayhead(play, step(written, 0.02));
        QCOMPARE(first, play + 0.02 * kRate + 100 * 0.04);
        QVERIFY(first < target);
        for (int frame = 0; frame < 200; ++frame) {
            play = advancePlayhead(play, step(written, 0.02));
            QVERIFY(play <= written);
        }
        // With no new data the head runs on toward the newest sample and stops there.
        QCOMPARE(play, written);
    }

    void neverPassesTheNewestSample()
    {
        const double written = 5000;
        // A long frame (the caller clamps dt to 0.5 s) just behind the newest sample.
        QCOMPARE(advancePlayhead(written - 10, step(written, 0.5)), written);
    }

    void snapsWhenFarOffTarget_data()
    {
        QTest::addColumn<double>("play");
        QTest::addColumn<double>("written");
        QTest::addColumn<double>("expected");
        const double target = 10000 - kDelay * kRate;
        QTest::newRow("far behind (reconnect)") << target - 2 * kRate - 1 << 10000.0 << target;
        QTest::newRow("far ahead (channel restarted)") << target + 2 * kRate + 1 << 10000.0 << target;
        QTest::newRow("far ahead of a short channel") << 5000.0 << 10.0 << 0.0;
        // Exactly two seconds off is still pulled, not snapped.
        QTest::newRow("two seconds behind: pulled")
            << target - 2 * kRate << 10000.0 << target - 2 * kRate + 0.02 * kRate + 2 * kRate * 0.04;
    }
    void snapsWhenFarOffTarget()
    {
        QFETCH(double, play);
        QFETCH(double, written);
        QFETCH(double, expected);
        QCOMPARE(advancePlayhead(play, step(written, 0.02)), expected);
    }

    void silentChannelSweepsOnOverEmptyTime()
    {
        // The channel stopped: the target no longer moves, but the head does (erasing the old trace), past
        // the newest sample and however far from the target.
        const double written = 5000;
        double play = written - 10;
        for (int frame = 0; frame < 200; ++frame)
            play = advancePlayhead(play, step(written, 0.02, true));
        QCOMPARE(play, written - 10 + 200 * 0.02 * kRate);
        QVERIFY(play > written + 2 * kRate);
    }

    void silence_data()
    {
        QTest::addColumn<qint64>("sinceWriteMs");
        QTest::addColumn<bool>("silent");
        // Display delay 0.3 s + 1.5 s.
        QTest::newRow("just written") << qint64(0) << false;
        QTest::newRow("a normal burst interval") << qint64(500) << false;
        QTest::newRow("at the limit") << qint64(1800) << false;
        QTest::newRow("past the limit") << qint64(1801) << true;
    }
    void silence()
    {
        QFETCH(qint64, sinceWriteMs);
        QFETCH(bool, silent);
        const qint64 last = 1'767'225'600'000;
        QCOMPARE(channelSilent(last + sinceWriteMs, last, kDelay), silent);
    }

    void autoScaleGrowsAtOnce()
    {
        const std::vector<float> lo{0.f, -2.f, NAN, 1.f}, hi{1.f, 3.f, NAN, 2.f};
        const TraceScale s = autoScale({0.f, 1.f}, lo, hi);
        // Extremes -2..3 plus 8 % of the span (0.4) on each side.
        QCOMPARE(s.lo, -2.f - 0.4f);
        QCOMPARE(s.hi, 3.f + 0.4f);
    }

    void autoScaleShrinksSlowly()
    {
        const std::vector<float> lo{0.f}, hi{1.f};
        TraceScale s{-10.f, 10.f};
        const TraceScale next = autoScale(s, lo, hi);
        // 5 % of the way toward -0.08 .. 1.08 per frame.
        QCOMPARE(next.lo, -10.f + (-0.08f + 10.f) * 0.05f);
        QCOMPARE(next.hi, 10.f + (1.08f - 10.f) * 0.05f);
        for (int frame = 0; frame < 400; ++frame)
            s = autoScale(s, lo, hi);
        QVERIFY(std::abs(s.lo - -0.08f) < 1e-3f);
        QVERIFY(std::abs(s.hi - 1.08f) < 1e-3f);
    }

    void autoScaleOneSideGrowsTheOtherShrinks()
    {
        const std::vector<float> lo{0.f}, hi{10.f};
        const TraceScale next = autoScale({-5.f, 5.f}, lo, hi);
        QCOMPARE(next.hi, 10.8f);                        // grows at once
        QCOMPARE(next.lo, -5.f + (-0.8f + 5.f) * 0.05f); // shrinks slowly
    }

    void autoScaleKeepsTheScaleWithoutATrace_data()
    {
        QTest::addColumn<std::vector<float>>("lo");
        QTest::addColumn<std::vector<float>>("hi");
        QTest::newRow("no columns") << std::vector<float>{} << std::vector<float>{};
        QTest::newRow("all gaps") << std::vector<float>{NAN, NAN} << std::vector<float>{NAN, NAN};
        QTest::newRow("a flat line") << std::vector<float>{2.f, 2.f} << std::vector<float>{2.f, 2.f};
    }
    void autoScaleKeepsTheScaleWithoutATrace()
    {
        QFETCH(std::vector<float>, lo);
        QFETCH(std::vector<float>, hi);
        const TraceScale s{-1.f, 4.f};
        QCOMPARE(autoScale(s, lo, hi), s);
    }
};

QTEST_GUILESS_MAIN(TestPlayhead)
#include "tst_playhead.moc"
