// Sweep geometry: where samples land, min/max decimation, the erase bar, gaps, incremental updates.
#include "SweepGeometry.h"

#include <QTest>

#include <cmath>
#include <optional>

using namespace vigil;

class TestSweepGeometry : public QObject
{
    Q_OBJECT
private slots:
    void spikeSurvivesDecimation()
    {
        // 500 Hz at 100 px/s: 5 samples per column. A single-sample spike must show as that column's max.
        SampleRing ring(8192);
        std::vector<float> s(1000, 0.f);
        s[503] = 1.5f;  // column 100
        s[250] = -0.7f; // column 50
        ring.append(s);
        LaneColumns lane;
        lane.reset(400);
        std::vector<float> scratch;
        sweepColumns(lane, ring, 5.0, 1000 / 5.0, scratch);
        QCOMPARE(lane.hi[100], 1.5f);
        QCOMPARE(lane.lo[50], -0.7f);
        QCOMPARE(lane.hi[99], 0.f);
        QCOMPARE(lane.lo[120], 0.f);
        // Column 101 includes column 100's last sample for continuity, not the spike itself.
        QCOMPARE(lane.hi[101], 0.f);
    }

    void sweepWrapsModuloWidth()
    {
        // 1 sample per pixel, width 100: sample 250 lands in column 50 of the third sweep.
        SampleRing ring(4096);
        std::vector<float> s(260);
        for (int i = 0; i < 260; ++i)
            s[i] = float(i);
        ring.append(s);
        LaneColumns lane;
        lane.reset(100);
        std::vector<float> scratch;
        sweepColumns(lane, ring, 1.0, 260.0, scratch);
        QCOMPARE(lane.last[50], 250.f); // current sweep, left of the head (head at column 60)
        QCOMPARE(lane.last[59], 259.f);
        QCOMPARE(lane.last[70], 170.f); // previous sweep, right of the head
        QCOMPARE(lane.last[99], 199.f);
    }

    void incrementalEqualsFull()
    {
        // Filling the columns frame by frame must give exactly what one full fill gives.
        SampleRing ring(16384);
        std::vector<float> s(5000);
        for (int i = 0; i < 5000; ++i)
            s[i] = std::sin(i * 0.05f) + ((i % 97) == 0 ? 2.f : 0.f);
        ring.append(s);
        const double spp = 500.0 / 94.5;
        LaneColumns inc, full;
        inc.reset(300);
        full.reset(300);
        std::vector<float> scratch;
        for (double head = 10.0; head <= 900.0; head += 1.7)
            sweepColumns(inc, ring, spp, head, scratch);
        sweepColumns(inc, ring, spp, 900.0, scratch);
        sweepColumns(full, ring, spp, 900.0, scratch);
        for (int c = 0; c < 300; ++c) {
            QCOMPARE(std::isnan(inc.lo[c]), std::isnan(full.lo[c]));
            if (!std::isnan(full.lo[c])) {
                QCOMPARE(inc.lo[c], full.lo[c]);
                QCOMPARE(inc.hi[c], full.hi[c]);
            }
        }
    }

    void gapsAreNotDrawnAndBreakTheStrip()
    {
        SampleRing ring(4096);
        ring.append(std::vector<float>(100, 0.5f));
        ring.appendGap(50);
        ring.append(std::vector<float>(100, 0.5f));
        LaneColumns lane;
        lane.reset(400);
        std::vector<float> scratch;
        sweepColumns(lane, ring, 1.0, 250.0, scratch);
        QVERIFY(!std::isnan(lane.lo[99]));
        for (int c = 100; c < 150; ++c)
            QVERIFY2(std::isnan(lane.lo[c]), qPrintable(QString::number(c)));
        QVERIFY(!std::isnan(lane.lo[150]));

        std::vector<QSGGeometry::Point2D> v(4 * 400 + 8);
        StripStyle st;
        st.erase = 0;
        st.tolerance = 0; // every column: exact vertex counts
        const int n = appendStrip(v.data(), 0, lane, 250, st);
        // Two runs of 100 columns (0-99, 150-249, head column partial at 250 not drawn): 400 vertices plus
        // one degenerate join (2 vertices).
        QCOMPARE(n, 2 * 100 + 2 * 100 + 2);
        // The join repeats the last vertex of the first run: zero-area triangles, no line across the gap.
        QCOMPARE(v[200].x, v[199].x);
        QCOMPARE(v[200].y, v[199].y);
        QCOMPARE(v[201].x, 150.5f);
    }

    void eraseBarBlanksColumnsAheadOfTheHead()
    {
        SampleRing ring(4096);
        ring.append(std::vector<float>(700, 0.f));
        LaneColumns lane;
        lane.reset(300);
        std::vector<float> scratch;
        sweepColumns(lane, ring, 1.0, 650.0, scratch); // head at column 50, previous sweep to its right
        std::vector<QSGGeometry::Point2D> v(4 * 300 + 8);
        StripStyle st;
        st.erase = 10;
        st.tolerance = 0;
        const int n = appendStrip(v.data(), 0, lane, 50, st);
        for (int i = 0; i < n; ++i) {
            const float x = v[i].x;
            QVERIFY2(!(x > 50.5f && x < 61.f),
                     qPrintable(QStringLiteral("vertex in erase bar at x=%1").arg(x)));
        }
        // Columns 0-49 (current sweep; the head's own column has no sample yet) and 61-299 (previous
        // sweep) are drawn, joined by one degenerate pair.
        QCOMPARE(n, 2 * 50 + 2 + 2 * 239);
    }

    void simplificationStaysWithinTolerance();

    void valuesMapToLaneAndThickness()
    {
        SampleRing ring(1024);
        ring.append(std::vector<float>(20, 1.0f));
        LaneColumns lane;
        lane.reset(10);
        std::vector<float> scratch;
        sweepColumns(lane, ring, 1.0, 10.0, scratch);
        std::vector<QSGGeometry::Point2D> v(64);
        StripStyle st;
        st.top = 0;
        st.bottom = 100;
        st.scaleLo = 0;
        st.scaleHi = 2;
        st.halfLine = 1;
        st.erase = 0;
        st.tolerance = 0;
        const int n = appendStrip(v.data(), 0, lane, 9, st);
        QVERIFY(n >= 2);
        // Value 1.0 of range 0..2 is mid-lane (y=50), drawn 2 px thick.
        QCOMPARE(v[0].y, 49.f);
        QCOMPARE(v[1].y, 51.f);
    }
};

// Band edges of the strip at column c + 0.5, by linear interpolation between its vertex pairs (the way the
// triangle strip fills): nullopt where no quad covers the column.
static std::optional<std::pair<float, float>> bandAt(const std::vector<QSGGeometry::Point2D> &v, int n,
                                                     float x)
{
    for (int i = 0; i + 3 < n; i += 2) {
        const auto &a = v[i], &b = v[i + 2];
        if (a.x == v[i + 1].x && b.x == v[i + 3].x && a.x <= x && x <= b.x && b.x > a.x) {
            const float t = (x - a.x) / (b.x - a.x);
            return std::pair{a.y + t * (b.y - a.y), v[i + 1].y + t * (v[i + 3].y - v[i + 1].y)};
        }
        if (a.x == x && v[i + 1].x == x)
            return std::pair{a.y, v[i + 1].y};
    }
    return std::nullopt;
}

void TestSweepGeometry::simplificationStaysWithinTolerance()
{
    // A realistic lane (ECG-like: flat baseline with noise, sharp spikes) drawn with and without merging:
    // far fewer vertices, every column's band edges within the tolerance of the exact ones.
    SampleRing ring(1 << 14);
    std::vector<float> s(6000);
    std::uint32_t seed = 7;
    for (int i = 0; i < 6000; ++i) {
        seed = seed * 1664525u + 1013904223u;
        const float noise = ((seed >> 9) % 1000) / 1000.0f * 0.02f;
        s[i] = (i % 400 < 6 ? 1.2f * (3 - std::abs(i % 400 - 3)) / 3.f : 0.f) + noise +
               0.2f * std::sin(i * 0.01f);
    }
    ring.append(s);
    LaneColumns lane;
    lane.reset(600);
    std::vector<float> scratch;
    sweepColumns(lane, ring, 5.0, 6000 / 5.0, scratch);
    StripStyle st;
    st.top = 0;
    st.bottom = 100;
    st.scaleLo = -0.5f;
    st.scaleHi = 1.5f;
    st.erase = 0;
    std::vector<QSGGeometry::Point2D> exact(4 * 600 + 8), merged(4 * 600 + 8);
    st.tolerance = 0;
    const int nExact = appendStrip(exact.data(), 0, lane, 599, st);
    st.tolerance = 0.35f;
    const int nMerged = appendStrip(merged.data(), 0, lane, 599, st);
    QVERIFY2(nMerged * 2 < nExact, qPrintable(QStringLiteral("%1 vs %2 vertices").arg(nMerged).arg(nExact)));
    for (int c = 0; c < 599; ++c) {
        const auto e = bandAt(exact, nExact, c + 0.5f);
        const auto m = bandAt(merged, nMerged, c + 0.5f);
        QCOMPARE(bool(e), bool(m)); // merging never draws where nothing was, nor drops a column
        if (!e)
            continue;
        QVERIFY2(std::abs(e->first - m->first) <= 0.351f && std::abs(e->second - m->second) <= 0.351f,
                 qPrintable(QStringLiteral("column %1: %2/%3 vs %4/%5")
                                .arg(c)
                                .arg(e->first)
                                .arg(e->second)
                                .arg(m->first)
                                .arg(m->second)));
    }
}

QTEST_GUILESS_MAIN(TestSweepGeometry)
#include "tst_sweepgeometry.moc"
