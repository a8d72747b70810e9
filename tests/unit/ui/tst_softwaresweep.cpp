// The software path's rows and damage (ui/SoftwareSweep.h): the same band as the GPU strip, the erase bar,
// spikes kept, and a sweep step dirtying only the tiles of the swept columns and the erase bar's edge.
#include "SoftwareSweep.h"

#include <QTest>

#include <set>

using namespace vigil;

class TestSoftwareSweep : public QObject
{
    Q_OBJECT
private slots:
    void rowsAreTheStripsBand()
    {
        SampleRing ring(1024);
        ring.append(std::vector<float>(20, 1.0f));
        LaneColumns lane;
        lane.reset(10);
        std::vector<float> scratch;
        sweepColumns(lane, ring, 1.0, 10.0, scratch);
        StripStyle st;
        st.top = 0;
        st.bottom = 100;
        st.scaleLo = 0;
        st.scaleHi = 2;
        st.halfLine = 1;
        st.erase = 0;
        LaneRows rows;
        computeLaneRows(lane, 9, st, rows);
        // The strip's band is y 49..51 (value 1.0 of 0..2, 2 px thick): rows whose centre is inside it.
        QCOMPARE(rows.row0[3], std::int16_t(49));
        QCOMPARE(rows.row1[3], std::int16_t(50));
    }

    void spikeKeptAndEraseBarBlank()
    {
        SampleRing ring(8192);
        std::vector<float> s(4 * 700, 0.f);
        s[4 * 620 + 1] = 5.f; // one sample, a quarter of a column wide
        ring.append(s);
        LaneColumns lane;
        lane.reset(300);
        std::vector<float> scratch;
        sweepColumns(lane, ring, 4.0, 650.0, scratch); // head at column 50
        StripStyle st;
        st.top = 0;
        st.bottom = 100;
        st.scaleLo = 0;
        st.scaleHi = 5;
        st.erase = 10;
        LaneRows rows;
        computeLaneRows(lane, 50, st, rows);
        QVERIFY(rows.row0[20] <= 1); // the spike's column reaches the top of the lane
        for (int c = 51; c <= 60; ++c)
            QVERIFY2(rows.row0[static_cast<std::size_t>(c)] > rows.row1[static_cast<std::size_t>(c)],
                     qPrintable(QString::number(c)));
        QVERIFY(rows.row0[61] <= rows.row1[61]);
        QVERIFY(rows.row0[49] <= rows.row1[49]);
    }

    void sweepStepDirtiesOnlyItsTiles()
    {
        SampleRing ring(8192);
        std::vector<float> s(2000);
        for (std::size_t i = 0; i < s.size(); ++i)
            s[i] = static_cast<float>(std::sin(i * 0.05));
        ring.append(s);
        LaneColumns lane;
        lane.reset(300);
        std::vector<float> scratch;
        StripStyle st;
        st.top = 0;
        st.bottom = 60;
        st.scaleLo = -1;
        st.scaleHi = 1;
        st.erase = 12;
        sweepColumns(lane, ring, 1.0, 1000.0, scratch); // head at column 100
        LaneRows before, after;
        computeLaneRows(lane, 100, st, before);
        std::set<int> tiles;
        QCOMPARE(diffTiles(before, before, 8, [&](int t) { tiles.insert(t); }), 0);
        QVERIFY(tiles.empty());
        sweepColumns(lane, ring, 1.0, 1003.0, scratch); // three columns on
        computeLaneRows(lane, 103, st, after);
        const int changed = diffTiles(after, before, 8, [&](int t) { tiles.insert(t); });
        // Columns 100-102 drawn anew and 113-115 newly erased: at most 6 columns, in tiles 12-14 only.
        QVERIFY2(changed > 0 && changed <= 6, qPrintable(QString::number(changed)));
        for (int t : tiles)
            QVERIFY2(t >= 12 && t <= 14, qPrintable(QString::number(t)));
    }
};

QTEST_APPLESS_MAIN(TestSoftwareSweep)
#include "tst_softwaresweep.moc"
