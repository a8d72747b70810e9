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

QMutex g_timingMutex;
std::vector<double> g_timings;

// Conventional bedside colours: ECG green, SpO2 cyan, respiration yellow, arterial pressure red,
// CO2 white-grey. Saturated and bright on black so they read from across the room.
const std::array<QColor, kWaveCount> kColors{
    QColor(0x39, 0xE8, 0x6B), QColor(0x39, 0xE8, 0x6B), QColor(0x39, 0xE8, 0x6B), QColor(0x39, 0xE8, 0x6B),
    QColor(0x3C, 0xD7, 0xFF), QColor(0xFF, 0xD8, 0x4D), QColor(0xFF, 0x5A, 0x5A), QColor(0xE6, 0xE6, 0xE6),
};

} // namespace

WaveformView::WaveformView(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
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

void WaveformView::setLineWidth(qreal w)
{
    if (qFuzzyCompare(w, m_lineWidth))
        return;
    m_lineWidth = w;
    emit lineWidthChanged();
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
    if (m_station && m_station->pixelsPerMm() > 0)
        return m_station->pixelsPerMm();
    // Sweep speed is a physical promise (25 mm/s): from the screen's physical DPI.
    return screenPixelsPerMm(window());
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
        t = new FrameTicker(w, m_station ? m_station->maxFps() : 60);
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

QSGNode *WaveformView::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    QElapsedTimer cost;
    cost.start();
    QSGNode *root = oldNode ? oldNode : new QSGNode;

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
            lane.scaleLo = waveInfo(lane.id).rangeLow;
            lane.scaleHi = waveInfo(lane.id).rangeHigh;
            m_lanes.push_back(std::move(lane));
        }
        m_lanesDirty = false;
    }
    // Exactly one child node per lane.
    const int wanted = drawable ? laneCount : 0;
    while (root->childCount() > wanted) {
        QSGNode *last = root->lastChild();
        root->removeChildNode(last);
        delete last;
    }
    while (root->childCount() < wanted)
        root->appendChildNode(new FlatStripNode);
    if (!drawable)
        return root;

    const qint64 nowNs = m_clock.nsecsElapsed();
    const double dt = m_lastFrameNs < 0 ? 0.0 : std::clamp((nowNs - m_lastFrameNs) / 1e9, 0.0, 0.5);
    m_lastFrameNs = nowNs;
    const double ppm = pixelsPerMm();
    const double delay = m_station->displayDelay();
    const double laneH = height() / laneCount;
    const float halfLine = static_cast<float>(m_lineWidth / 2.0);
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    const std::size_t maxVertices = static_cast<std::size_t>(4 * width + 8);
    if (m_vertices.size() < maxVertices)
        m_vertices.resize(maxVertices);

    auto *laneNode = static_cast<FlatStripNode *>(root->firstChild());
    for (int li = 0; li < laneCount; ++li, laneNode = static_cast<FlatStripNode *>(laneNode->nextSibling())) {
        Lane &lane = m_lanes[li];
        int n = 0;
        const WaveformChannel *ch = bed->channel(lane.id);
        if (ch) {
            const WaveInfo &info = waveInfo(lane.id);
            const double sweep =
                (info.defaultSweepMmPerS < 10.0 ? m_station->respSweep() : m_station->ecgSweep());
            const double pxPerSec = std::max(1.0, sweep * ppm);
            const double rate = ch->sampleRate();
            if (lane.channel != ch || lane.columns.width() != width) {
                lane.channel = ch;
                lane.columns.reset(width);
                lane.play = -1.0;
            }
            // Playhead: advances with the frame clock at the channel's rate, a fixed delay behind the newest
            // sample, gently pulled toward that target. Data arrives in bursts (every 40-500 ms); the sweep
            // must not jerk with them.
            const double written = static_cast<double>(ch->ring.written());
            const double target = written - delay * rate;
            // When the channel falls silent the head keeps sweeping over empty time, erasing the old trace:
            // a frozen wave must never look live.
            const bool silent = wallMs - ch->lastWriteWallMs.load(std::memory_order_relaxed) >
                                static_cast<qint64>((delay + 1.5) * 1000);
            if (lane.play < 0)
                lane.play = std::max(0.0, target);
            else if (silent)
                lane.play += dt * rate;
            else if (std::abs(target - lane.play) > 2.0 * rate)
                lane.play = std::max(0.0, target);
            else
                lane.play =
                    std::min(written, lane.play + dt * rate + (target - lane.play) * std::min(1.0, dt * 2.0));
            const double headPx = lane.play / rate * pxPerSec;
            if (headPx < lane.columns.lastHeadPx) // playhead snapped back: rebuild every column
                lane.columns.reset(width);
            sweepColumns(lane.columns, ch->ring, rate / pxPerSec, headPx, m_scratch);

            if (lane.autoScale) {
                float lo = std::numeric_limits<float>::infinity(), hi = -lo;
                for (int c = 0; c < width; ++c) {
                    if (!std::isnan(lane.columns.lo[c])) {
                        lo = std::min(lo, lane.columns.lo[c]);
                        hi = std::max(hi, lane.columns.hi[c]);
                    }
                }
                if (lo < hi) {
                    const float pad = (hi - lo) * 0.08f;
                    // Grow at once (never clip a bigger breath), shrink slowly (no pumping).
                    lane.scaleLo =
                        lo - pad < lane.scaleLo ? lo - pad : lane.scaleLo + (lo - pad - lane.scaleLo) * 0.05f;
                    lane.scaleHi =
                        hi + pad > lane.scaleHi ? hi + pad : lane.scaleHi + (hi + pad - lane.scaleHi) * 0.05f;
                }
            }
            StripStyle style;
            style.top = static_cast<float>(li * laneH + 2.0);
            style.bottom = static_cast<float>((li + 1) * laneH - 2.0);
            style.scaleLo = lane.scaleLo;
            style.scaleHi = lane.scaleHi;
            style.halfLine = halfLine;
            style.erase = std::max(1, static_cast<int>(m_eraseWidth));
            n = appendStrip(m_vertices.data(), 0, lane.columns, static_cast<int>(std::floor(headPx)) % width,
                            style);
        }
        laneNode->setColor(kColors[static_cast<int>(lane.id)]);
        laneNode->setVertices(m_vertices.data(), n);
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
