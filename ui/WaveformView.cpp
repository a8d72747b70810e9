#include "WaveformView.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {

// Shared per-window frame clock: all views of a window are updated from one timer, capped at the
// station's max_fps, so a 32-bed ward asks the scene graph for one frame per tick, not 32.
class FrameTicker : public QObject
{
public:
    FrameTicker(QQuickWindow *window, int fps) : QObject(window)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(std::max(1, 1000 / std::clamp(fps, 5, 240)));
        connect(&m_timer, &QTimer::timeout, this, [this] {
            for (const auto &v : std::as_const(m_views)) {
                if (v && v->running())
                    v->update();
            }
        });
        m_timer.start();
    }
    void add(WaveformView *v) { m_views.append(v); }
    void remove(WaveformView *v) { m_views.removeAll(v); }
    bool empty() const { return m_views.isEmpty(); }

private:
    QTimer m_timer;
    QList<QPointer<WaveformView>> m_views;
};

QHash<QQuickWindow *, FrameTicker *> &tickers()
{
    static QHash<QQuickWindow *, FrameTicker *> t;
    return t;
}

// Software path: how far (pixels at the lane's ends) auto-scale may drift before the lane is redrawn.
constexpr double kSoftRescalePx = 3.0;

QMutex g_timingMutex;
std::vector<double> g_timings;

// Conventional bedside colours: ECG green, SpO2 cyan, respiration yellow, arterial pressure red,
// CO2 white-grey. Saturated and bright on black so they read from across the room.
const std::array<QColor, kWaveCount> kColors{
    QColor(0x39, 0xE8, 0x6B), QColor(0x39, 0xE8, 0x6B), QColor(0x39, 0xE8, 0x6B), QColor(0x39, 0xE8, 0x6B),
    QColor(0x3C, 0xD7, 0xFF), QColor(0xFF, 0xD8, 0x4D), QColor(0xFF, 0x5A, 0x5A), QColor(0xE6, 0xE6, 0xE6),
};

} // namespace

WaveformView::WaveformView(QQuickItem *parent) : TraceItem(parent)
{
    m_clock.start();
}

WaveformView::~WaveformView()
{
    detachTicker();
}

void WaveformView::setStation(Station *s)
{
    if (s == m_station)
        return;
    m_station = s;
    m_lanesDirty = true;
    emit stationChanged();
    emit pixelsPerMmChanged();
    update();
}

void WaveformView::setBed(int bed)
{
    if (bed == m_bed)
        return;
    m_bed = bed;
    m_lanesDirty = true;
    emit bedChanged();
    update();
}

void WaveformView::setWaves(const QStringList &keys)
{
    if (keys == m_waveKeys)
        return;
    m_waveKeys = keys;
    m_lanesDirty = true;
    emit wavesChanged();
    update();
}

void WaveformView::setEraseWidth(qreal w)
{
    if (qFuzzyCompare(w, m_eraseWidth))
        return;
    m_eraseWidth = w;
    emit eraseWidthChanged();
}

void WaveformView::setRunning(bool r)
{
    if (r == m_running)
        return;
    m_running = r;
    emit runningChanged();
    update();
}

void WaveformView::setCleared(bool c)
{
    if (c == m_cleared)
        return;
    m_cleared = c;
    m_lanesDirty = true; // lanes rebuilt from empty columns either way
    emit clearedChanged();
    update();
}

qreal WaveformView::pixelsPerMm() const
{
    return pixelsPerMmOr(m_station ? m_station->display().pixelsPerMm : 0.0);
}

QColor WaveformView::colorFor(const QString &key)
{
    const auto id = waveIdFromKey(key);
    if (id)
        return kColors[static_cast<int>(*id)];
    // Numerics share the colour of the wave they come from.
    static const QHash<QString, WaveId> numericToWave{
        {QStringLiteral("hr"), WaveId::EcgII},    {QStringLiteral("spo2"), WaveId::Pleth},
        {QStringLiteral("pulse"), WaveId::Pleth}, {QStringLiteral("rr"), WaveId::Resp},
        {QStringLiteral("abp"), WaveId::Abp},     {QStringLiteral("etco2"), WaveId::Co2},
    };
    if (auto it = numericToWave.constFind(key); it != numericToWave.constEnd())
        return kColors[static_cast<int>(*it)];
    return QColor(0xE6, 0xE6, 0xE6);
}

QString WaveformView::labelFor(const QString &key)
{
    const auto id = waveIdFromKey(key);
    if (!id)
        return key;
    const auto &label = waveInfo(*id).label;
    return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
}

std::vector<double> WaveformView::takeUpdateTimings()
{
    QMutexLocker lock(&g_timingMutex);
    std::vector<double> out;
    out.swap(g_timings);
    return out;
}

void WaveformView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size()) {
        m_lanesDirty = true;
        update();
    }
}

void WaveformView::itemChange(ItemChange change, const ItemChangeData &value)
{
    if (change == ItemSceneChange) {
        detachTicker();
        if (value.window)
            attachTicker();
        emit pixelsPerMmChanged();
    }
    QQuickItem::itemChange(change, value);
}

void WaveformView::attachTicker()
{
    QQuickWindow *w = window();
    if (!w)
        return;
    auto &map = tickers();
    FrameTicker *t = map.value(w);
    if (!t) {
        t = new FrameTicker(w, m_station ? m_station->display().maxFps : 60);
        map.insert(w, t);
        QObject::connect(w, &QObject::destroyed, [w] { tickers().remove(w); });
    }
    t->add(this);
    m_tickerWindow = w;
}

void WaveformView::detachTicker()
{
    if (!m_tickerWindow)
        return;
    if (FrameTicker *t = tickers().value(m_tickerWindow))
        t->remove(this);
    m_tickerWindow = nullptr;
}

int WaveformView::tileColumns()
{
    // Columns per software tile: narrower tiles repaint fewer pixels, but every node costs the software
    // renderer region bookkeeping in every frame (its dirty-region pass is per node): at 64 beds, 8-column
    // tiles cost 90-200 ms of CPU per frame, 32-column tiles ~30 ms (docs/PERFORMANCE.md). The variable
    // is for the benchmark.
    static const int columns = [] {
        bool ok = false;
        const int v = qEnvironmentVariableIntValue("VIGIL_SWEEP_TILE_COLUMNS", &ok);
        return ok ? std::clamp(v, 1, 256) : 32;
    }();
    return columns;
}

QSGNode *WaveformView::syncTileNodes(QSGNode *oldNode, int laneCount, int width)
{
    QSGNode *root = oldNode ? oldNode : new QSGNode;
    const QSize size(width, static_cast<int>(std::floor(height())));
    const bool fresh = !oldNode || root->childCount() == 0;
    if (!fresh && static_cast<int>(m_soft.size()) == laneCount && m_softSize == size)
        return root;
    while (QSGNode *child = root->firstChild()) {
        root->removeChildNode(child);
        delete child;
    }
    m_soft.clear();
    m_softSize = size;
    const int tileW = tileColumns();
    const double laneH = laneCount > 0 ? height() / laneCount : 0.0;
    for (int li = 0; li < laneCount; ++li) {
        SoftLane lane;
        lane.shown = std::make_shared<LaneRows>();
        lane.shown->resize(width);
        lane.next.resize(width);
        const int top = static_cast<int>(std::floor(li * laneH));
        const int bottom = std::min(size.height(), static_cast<int>(std::ceil((li + 1) * laneH)));
        for (int x = 0; x < width; x += tileW) {
            auto *tile = new SweepTileNode(
                window(), lane.shown, QRect(x, top, std::min(tileW, width - x), std::max(1, bottom - top)));
            root->appendChildNode(tile);
            lane.tiles.push_back(tile);
        }
        m_soft.push_back(std::move(lane));
    }
    return root;
}

QSGNode *WaveformView::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    QElapsedTimer cost;
    cost.start();
    const int width = static_cast<int>(std::floor(this->width()));
    const int laneCount = static_cast<int>(m_waveKeys.size());
    const Bed *bed = (m_station && m_station->ward()) ? m_station->ward()->bed(m_bed) : nullptr;
    const bool drawable = width >= 8 && height() >= 8 && laneCount > 0 && bed && !m_cleared;

    if (m_lanesDirty) {
        m_lanes.clear();
        for (const QString &key : m_waveKeys) {
            Lane lane;
            const auto id = waveIdFromKey(key);
            lane.id = id.value_or(WaveId::EcgII);
            lane.autoScale = lane.id == WaveId::Pleth || lane.id == WaveId::Resp;
            lane.scale = {waveInfo(lane.id).rangeLow, waveInfo(lane.id).rangeHigh};
            m_lanes.push_back(std::move(lane));
        }
        m_lanesDirty = false;
    }
    // Exactly one child node per lane (GPU), or one per tile of each lane (software).
    const bool software = isSoftwareRendered(window());
    QSGNode *root = software ? syncTileNodes(oldNode, drawable ? laneCount : 0, width)
                             : syncStripNodes(oldNode, drawable ? laneCount : 0);
    if (!drawable)
        return root;
    const int tileW = tileColumns();
    const QPoint sceneOrigin = mapToScene(QPointF(0, 0)).toPoint();

    const qint64 nowNs = m_clock.nsecsElapsed();
    const double dt = m_lastFrameNs < 0 ? 0.0 : std::clamp((nowNs - m_lastFrameNs) / 1e9, 0.0, 0.5);
    m_lastFrameNs = nowNs;
    const double ppm = pixelsPerMm();
    const DisplaySettings &display = m_station->display();
    const double delay = display.displayDelayS;
    const double laneH = height() / laneCount;
    const float lineHalf = halfLine();
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    QSGGeometry::Point2D *vertices = software ? nullptr : stripVertices(width);

    QSGNode *laneNode = software ? nullptr : root->firstChild();
    for (int li = 0; li < laneCount; ++li, laneNode = laneNode ? laneNode->nextSibling() : nullptr) {
        Lane &lane = m_lanes[li];
        int n = 0;
        SoftLane *soft = software ? &m_soft[static_cast<std::size_t>(li)] : nullptr;
        bool softDrawn = false;
        const WaveformChannel *ch = bed->channel(lane.id);
        if (ch) {
            const WaveInfo &info = waveInfo(lane.id);
            const double sweep =
                (info.defaultSweepMmPerS < 10.0 ? display.respSweepMmPerS : display.ecgSweepMmPerS);
            const double pxPerSec = std::max(1.0, sweep * ppm);
            const double rate = ch->sampleRate();
            if (lane.channel != ch || lane.columns.width() != width) {
                lane.channel = ch;
                lane.columns.reset(width);
                lane.play = -1.0;
            }
            // Playhead: a fixed delay behind the newest sample, advancing with the frame clock (Playhead.h).
            PlayheadStep step;
            step.written = static_cast<double>(ch->ring.written());
            step.rate = rate;
            step.delayS = delay;
            step.dtS = dt;
            step.silent = channelSilent(wallMs, ch->lastWriteWallMs.load(std::memory_order_relaxed), delay);
            lane.play = advancePlayhead(lane.play, step);
            const double headPx = lane.play / rate * pxPerSec;
            if (headPx < lane.columns.lastHeadPx) // playhead snapped back: rebuild every column
                lane.columns.reset(width);
            sweepColumns(lane.columns, ch->ring, rate / pxPerSec, headPx, m_scratch);

            if (lane.autoScale)
                lane.scale = autoScale(lane.scale, lane.columns.lo, lane.columns.hi);
            StripStyle style;
            style.top = static_cast<float>(li * laneH + 2.0);
            style.bottom = static_cast<float>((li + 1) * laneH - 2.0);
            style.scaleLo = lane.scale.lo;
            style.scaleHi = lane.scale.hi;
            if (soft) {
                const double span = std::max(1e-6, static_cast<double>(soft->scale.hi - soft->scale.lo));
                const double movedPx = std::max(std::abs(lane.scale.lo - soft->scale.lo),
                                                std::abs(lane.scale.hi - soft->scale.hi)) /
                                       span * (style.bottom - style.top);
                if (!soft->scaleSet || movedPx > kSoftRescalePx) {
                    soft->scale = lane.scale;
                    soft->scaleSet = true;
                }
                style.scaleLo = soft->scale.lo;
                style.scaleHi = soft->scale.hi;
            }
            style.halfLine = lineHalf;
            style.erase = std::max(1, static_cast<int>(m_eraseWidth));
            const int headColumn = static_cast<int>(std::floor(headPx)) % width;
            if (soft) {
                computeLaneRows(lane.columns, headColumn, style, soft->next);
                softDrawn = true;
            } else {
                n = appendStrip(vertices, 0, lane.columns, headColumn, style);
            }
        }
        if (soft) {
            if (!softDrawn)
                soft->next.resize(width); // no channel: blank lane
            const QColor color = kColors[static_cast<int>(lane.id)];
            const bool recolor = soft->shown->color != color;
            soft->shown->color = color;
            diffTiles(soft->next, *soft->shown, tileW, [&](int t) {
                SweepTileNode *tile = soft->tiles[static_cast<std::size_t>(t)];
                tile->markDirty(QSGNode::DirtyMaterial);
                logDamage(tile->rect().toAlignedRect().translated(sceneOrigin));
            });
            if (recolor) {
                for (SweepTileNode *tile : soft->tiles)
                    tile->markDirty(QSGNode::DirtyMaterial);
            }
            std::swap(soft->shown->row0, soft->next.row0);
            std::swap(soft->shown->row1, soft->next.row1);
            continue;
        }
        fillStrip(laneNode, kColors[static_cast<int>(lane.id)], vertices, n);
    }
    ++m_framesDrawn;

    const double us = cost.nsecsElapsed() / 1000.0;
    {
        QMutexLocker lock(&g_timingMutex);
        if (g_timings.size() < 100000)
            g_timings.push_back(us);
    }
    return root;
}

} // namespace vigil
