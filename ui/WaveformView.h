// WaveformView: the live waves of one bed, drawn like a bedside monitor in sweep mode with an erase bar.
//
// One item draws all lanes of a bed, one opaque flat-coloured FlatStripNode per lane (TraceItem): the
// scene graph batches same-coloured lanes across all beds, so a 32-bed ward costs a few draw calls, not one
// per lane. Samples are read from the channels' SampleRings in updatePaintNode() on the render thread;
// nothing is signalled per sample. Each pixel column keeps the min/max of the samples that fall in it (so a
// QRS complex is never lost to decimation); only the columns the sweep head passed since the previous frame
// are recomputed, and the vertex array is preallocated and rewritten in place. The playhead and auto-scale
// maths are the pure functions of Playhead.h.
//
// Without a GPU (Qt Quick's software adaptation, chosen by RenderPath), the same columns are drawn by
// small tile nodes of which only those whose pixels changed are repainted and presented (SoftwareSweep.h).
#pragma once

#include "Playhead.h"
#include "SoftwareSweep.h"
#include "Station.h"
#include "SweepGeometry.h"
#include "TraceItem.h"

#include <QColor>
#include <QElapsedTimer>
#include <QStringList>

#include <array>
#include <vector>

namespace vigil {

// The base is named in full: Qt 6.4's qmltyperegistrar does not resolve an unqualified base class inside a
// namespace, and the qmltypes then have no prototype (qmllint knows none of the inherited properties).
class WaveformView : public vigil::TraceItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(vigil::Station *station READ station WRITE setStation NOTIFY stationChanged)
    Q_PROPERTY(int bed READ bed WRITE setBed NOTIFY bedChanged)
    Q_PROPERTY(QStringList waves READ waves WRITE setWaves NOTIFY wavesChanged)
    Q_PROPERTY(qreal eraseWidth READ eraseWidth WRITE setEraseWidth NOTIFY eraseWidthChanged)
    Q_PROPERTY(qreal pixelsPerMm READ pixelsPerMm NOTIFY pixelsPerMmChanged)
    Q_PROPERTY(bool running READ running WRITE setRunning NOTIFY runningChanged)
    // True: every lane is empty (no trace at all, not a frozen one). Bound to the bed's NO DATA state; when
    // it turns false again the lanes start from blank columns, so no pre-outage trace reappears.
    Q_PROPERTY(bool cleared READ cleared WRITE setCleared NOTIFY clearedChanged)
    Q_PROPERTY(int framesDrawn READ framesDrawn)
public:
    explicit WaveformView(QQuickItem *parent = nullptr);
    ~WaveformView() override;

    Station *station() const { return m_station; }
    void setStation(Station *s);
    int bed() const { return m_bed; }
    void setBed(int bed);
    QStringList waves() const { return m_waveKeys; }
    void setWaves(const QStringList &keys);
    qreal eraseWidth() const { return m_eraseWidth; }
    void setEraseWidth(qreal w);
    qreal pixelsPerMm() const;
    bool running() const { return m_running; }
    void setRunning(bool r);
    bool cleared() const { return m_cleared; }
    void setCleared(bool c);
    int framesDrawn() const { return m_framesDrawn; }

    // One palette for traces and numerics, so a wave and its numeric always share a colour.
    Q_INVOKABLE static QColor colorFor(const QString &key);
    Q_INVOKABLE static QString labelFor(const QString &key);

    // Time spent in updatePaintNode(), for the benchmark: microseconds of the last frames.
    static std::vector<double> takeUpdateTimings();

signals:
    void stationChanged();
    void bedChanged();
    void wavesChanged();
    void eraseWidthChanged();
    void pixelsPerMmChanged();
    void runningChanged();
    void clearedChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData &value) override;

private:
    struct Lane
    {
        WaveId id;
        const WaveformChannel *channel = nullptr; // the channel the cache below was built from
        double play = -1.0;                       // playhead in samples; < 0 until first frame
        LaneColumns columns;                      // per pixel column min/max in the channel's unit
        TraceScale scale;                         // current vertical scale
        bool autoScale = false;
    };

    void attachTicker();
    void detachTicker();

    // Software adaptation (no GPU): per lane, the rows shown by its tile nodes and the tiles themselves
    // (owned by the scene graph, under the item's root node). See SoftwareSweep.h.
    struct SoftLane
    {
        std::shared_ptr<LaneRows> shown;
        LaneRows next;
        // The scale the rows were drawn with. Auto-scale eases a little every frame; a changed scale
        // repaints the whole lane, so this path adopts it only when it moves the lane's ends by more than
        // kSoftRescalePx pixels (the GPU path redraws every frame anyway and follows it continuously).
        TraceScale scale;
        bool scaleSet = false;
        std::vector<SweepTileNode *> tiles;
    };
    // The root with one tile node per `tileColumns` columns of each lane; rebuilt when the size changes.
    QSGNode *syncTileNodes(QSGNode *oldNode, int laneCount, int width);
    static int tileColumns();
    std::vector<SoftLane> m_soft;
    QSize m_softSize;

    Station *m_station = nullptr;
    int m_bed = -1;
    QStringList m_waveKeys;
    std::vector<Lane> m_lanes; // render-thread state (touched only in updatePaintNode)
    bool m_lanesDirty = true;
    qreal m_eraseWidth = 12.0;
    bool m_running = true;
    bool m_cleared = false;
    int m_framesDrawn = 0;
    QElapsedTimer m_clock;
    qint64 m_lastFrameNs = -1;
    std::vector<float> m_scratch;
    QQuickWindow *m_tickerWindow = nullptr;
};

} // namespace vigil
