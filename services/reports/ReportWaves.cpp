// Reports: waveform lanes and Qt Charts trend charts.
#include "ReportWaves.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMutex>
#include <QScatterSeries>
#include <QThread>
#include <QValueAxis>
#include <QWaitCondition>
#include <QtCharts/QChart>

#include <algorithm>
#include <cmath>
#include <memory>

namespace vigil::reports {

using archive::WaveStrip;

namespace {

// Paints one channel over [t0Us, t0Us + secs) into `lane` (mm): x from the lane's left at mmPerS, value v at
// yZero - v * mmPerUnit (clamped to the lane). NaN samples lift the pen; runs of them of 0.2 s or more
// become a hatched band naming the reason.
void drawTrace(QPainter &p, const Ctx &c, const WaveStrip &s, qint64 t0Us, double secs, const QRectF &lane,
               double mmPerS, double yZero, double mmPerUnit, const GapReasonFn &reason, double penMm = 0.3)
{
    if (s.sampleRate <= 0)
        return;
    const double rate = s.sampleRate;
    const qint64 i0 = qint64(std::floor(double(t0Us - s.startUs) * rate / 1e6));
    const qint64 n = qint64(std::ceil(secs * rate));
    const double pxPerSample = mmPerS / rate * c.k;
    const double top = lane.top() * c.k, bottom = lane.bottom() * c.k;
    auto yPx = [&](double v) { return std::clamp((yZero - v * mmPerUnit) * c.k, top, bottom); };
    auto xPx = [&](qint64 j) { return (lane.left() + double(j) / rate * mmPerS) * c.k; };
    auto sample = [&](qint64 j) -> float {
        const qint64 i = i0 + j;
        if (i < 0 || i >= qint64(s.samples.size()))
            return std::numeric_limits<float>::quiet_NaN();
        return s.samples[std::size_t(i)];
    };

    // Gap bands first (under the trace).
    qint64 runStart = -1;
    auto closeRun = [&](qint64 end) {
        const double dur = double(end - runStart) / rate;
        if (dur >= 0.2) {
            const QRectF band(xPx(runStart), top, xPx(end) - xPx(runStart), bottom - top);
            p.save();
            p.setPen(Qt::NoPen);
            p.setBrush(QBrush(paper::Gap, Qt::BDiagPattern));
            p.drawRect(band);
            p.setBrush(QColor(255, 255, 255, 200));
            const qint64 t1 = (s.startUs + qint64(double(i0 + runStart) * 1e6 / rate)) / 1000;
            const qint64 t2 = (s.startUs + qint64(double(i0 + end) * 1e6 / rate)) / 1000;
            const QString why = QStringLiteral("NO DATA: %1").arg(reason ? reason(t1, t2) : QString());
            p.setFont(c.font(8, true));
            const double tw = c.textWidth(p.font(), why) * c.k;
            if (band.width() > tw * 0.5) {
                const QRectF label(band.center().x() - std::min(tw, band.width()) / 2 - 2,
                                   band.center().y() - 2.5 * c.k, std::min(tw, band.width()) + 4, 5 * c.k);
                p.drawRect(label);
                p.setPen(paper::Ink);
                p.drawText(label, Qt::AlignCenter | Qt::TextWordWrap, why);
            }
            p.restore();
        }
        runStart = -1;
    };
    for (qint64 j = 0; j < n; ++j) {
        const bool nan = std::isnan(sample(j));
        if (nan && runStart < 0)
            runStart = j;
        else if (!nan && runStart >= 0)
            closeRun(j);
    }
    if (runStart >= 0)
        closeRun(n);

    p.setPen(QPen(paper::Trace, penMm * c.k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    QPolygonF line;
    auto flush = [&] {
        if (line.size() > 1)
            p.drawPolyline(line);
        else if (line.size() == 1)
            p.drawPoint(line.front());
        line.clear();
    };
    if (pxPerSample >= 0.5) {
        for (qint64 j = 0; j < n; ++j) {
            const float v = sample(j);
            if (std::isnan(v)) {
                flush();
                continue;
            }
            line << QPointF(xPx(j), yPx(double(v)));
        }
        flush();
        return;
    }
    // Compressed: min and max per device column, so no QRS is lost.
    const qint64 perCol = std::max<qint64>(1, qint64(1.0 / pxPerSample));
    for (qint64 j = 0; j < n; j += perCol) {
        float mn = std::numeric_limits<float>::quiet_NaN(), mx = mn;
        bool any = false, gap = false;
        for (qint64 q = j; q < std::min(n, j + perCol); ++q) {
            const float v = sample(q);
            if (std::isnan(v)) {
                gap = true;
                continue;
            }
            mn = any ? std::min(mn, v) : v;
            mx = any ? std::max(mx, v) : v;
            any = true;
        }
        if (!any) {
            flush();
            continue;
        }
        line << QPointF(xPx(j), yPx(double(mx))) << QPointF(xPx(j), yPx(double(mn)));
        if (gap)
            flush();
    }
    flush();
}

void drawEcgGrid(QPainter &p, const Ctx &c, const QRectF &r)
{
    p.save();
    const QPen minor(paper::EcgMinor, 0.08 * c.k), major(paper::EcgMajor, 0.2 * c.k);
    const int nx = int(std::floor(r.width() + 1e-6)), ny = int(std::floor(r.height() + 1e-6));
    for (int pass = 0; pass < 2; ++pass) {
        p.setPen(pass == 0 ? minor : major);
        for (int i = 0; i <= nx; ++i)
            if ((i % 5 == 0) == (pass == 1))
                p.drawLine(QPointF((r.left() + i) * c.k, r.top() * c.k),
                           QPointF((r.left() + i) * c.k, (r.top() + ny) * c.k));
        for (int i = 0; i <= ny; ++i)
            if ((i % 5 == 0) == (pass == 1))
                p.drawLine(QPointF(r.left() * c.k, (r.top() + i) * c.k),
                           QPointF((r.left() + nx) * c.k, (r.top() + i) * c.k));
    }
    p.restore();
}

// 1 mV x 200 ms calibration pulse at (x, yZero).
void drawCalPulse(QPainter &p, const Ctx &c, double x, double yZero)
{
    p.setPen(QPen(paper::Trace, 0.3 * c.k));
    QPolygonF pulse;
    pulse << QPointF(x, yZero) << QPointF(x + 1, yZero) << QPointF(x + 1, yZero - kEcgMmPerMv)
          << QPointF(x + 6, yZero - kEcgMmPerMv) << QPointF(x + 6, yZero) << QPointF(x + 7, yZero);
    for (auto &pt : pulse)
        pt *= c.k;
    p.drawPolyline(pulse);
}

bool isEcg(archive::WaveStrip const &s)
{
    return s.id == WaveId::EcgI || s.id == WaveId::EcgII || s.id == WaveId::EcgIII || s.id == WaveId::EcgV;
}

constexpr double kLabelMm = 16.0; // left margin of a strip row: label and calibration pulse
constexpr double kEcgRowMm = 30.0;

int secondsPerRow(double widthMm)
{
    return std::max(1, int(std::floor((widthMm - kLabelMm) / kEcgMmPerS)));
}

class EcgStripBlock : public Block
{
public:
    EcgStripBlock(QString title, WaveStrip s, double secs, GapReasonFn reason, double widthMm)
        : m_title(std::move(title)), m_s(std::move(s)), m_secs(secs), m_reason(std::move(reason)),
          m_perRow(secondsPerRow(widthMm))
    {}
    int rows() const { return int(std::ceil(m_secs / m_perRow - 1e-9)); }
    double height(const Ctx &, double) const override { return 7 + rows() * (kEcgRowMm + 2); }
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override
    {
        p.setPen(paper::Ink);
        p.setFont(c.font(10, true));
        c.text(p, QRectF(r.left(), r.top(), r.width(), 6), Qt::AlignLeft | Qt::AlignVCenter, m_title);
        p.setFont(c.font(8));
        p.setPen(paper::Muted);
        c.text(p, QRectF(r.left(), r.top(), r.width(), 6), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("%1  \u00b7  25 mm/s  \u00b7  10 mm/mV  \u00b7  grid 1 mm / 5 mm")
                   .arg(QString::fromUtf8(waveInfo(m_s.id).label.data(),
                                          qsizetype(waveInfo(m_s.id).label.size()))));
        for (int row = 0; row < rows(); ++row) {
            const double secs = std::min<double>(m_perRow, m_secs - row * m_perRow);
            const QRectF grid(r.left(), r.top() + 7 + row * (kEcgRowMm + 2), kLabelMm + secs * kEcgMmPerS,
                              kEcgRowMm);
            drawEcgGrid(p, c, grid);
            const double yZero = grid.top() + 20; // 2 mV above, 1 mV below the baseline
            drawCalPulse(p, c, grid.left() + 4, yZero);
            const qint64 t0 = m_s.startUs + qint64(row * m_perRow * 1e6);
            p.setFont(c.font(8, true));
            p.setPen(paper::Ink);
            c.text(p, QRectF(grid.left() + 1, grid.top() + 0.5, kLabelMm, 5), Qt::AlignLeft | Qt::AlignTop,
                   fmtTime(t0 / 1000));
            drawTrace(p, c, m_s, t0, secs,
                      QRectF(grid.left() + kLabelMm, grid.top(), secs * kEcgMmPerS, kEcgRowMm), kEcgMmPerS,
                      yZero, kEcgMmPerMv, m_reason);
        }
    }

private:
    QString m_title;
    WaveStrip m_s;
    double m_secs;
    GapReasonFn m_reason;
    int m_perRow;
};

class MultiLaneBlock : public Block
{
public:
    MultiLaneBlock(std::vector<WaveStrip> strips, qint64 t0Us, double secs, GapReasonFn reason,
                   double widthMm, qint64 markMs)
        : m_strips(std::move(strips)), m_t0(t0Us), m_secs(secs), m_reason(std::move(reason)),
          m_perRow(secondsPerRow(widthMm)), m_mark(markMs)
    {}
    // Compact lanes, so two rows of a strip fit on a landscape page: ECG 25 mm (1.7 mV above, 0.8 mV below
    // the baseline), other waves 12 mm.
    double laneH(const WaveStrip &s) const { return isEcg(s) ? 25.0 : 12.0; }
    double groupH() const
    {
        double h = 5;
        for (const auto &s : m_strips)
            h += laneH(s) + 1.5;
        return h + 3;
    }
    int rows() const { return int(std::ceil(m_secs / m_perRow - 1e-9)); }
    double height(const Ctx &, double) const override { return rows() * groupH(); }
    std::unique_ptr<Block> splitOff(const Ctx &, double w, double avail) override
    {
        const int fit = int(std::floor(avail / groupH()));
        if (fit < 1 || fit >= rows())
            return nullptr;
        const double secs = fit * m_perRow;
        auto first = std::make_unique<MultiLaneBlock>(m_strips, m_t0, secs, m_reason, w, m_mark);
        first->section = section;
        m_t0 += qint64(secs * 1e6);
        m_secs -= secs;
        return first;
    }
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override
    {
        for (int row = 0; row < rows(); ++row) {
            const double secs = std::min<double>(m_perRow, m_secs - row * m_perRow);
            const qint64 t0 = m_t0 + qint64(row * m_perRow * 1e6);
            double y = r.top() + row * groupH();
            p.setFont(c.font(8.5, true));
            p.setPen(paper::Ink);
            c.text(p, QRectF(r.left(), y, r.width(), 5), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 \u2013 %2")
                       .arg(fmtTime(t0 / 1000), fmtTime((t0 + qint64(secs * 1e6)) / 1000)));
            y += 5;
            const double x0 = r.left() + kLabelMm;
            const double laneW = secs * kEcgMmPerS;
            const double top = y;
            for (const auto &s : m_strips) {
                const auto &info = waveInfo(s.id);
                const QString label = QString::fromUtf8(info.label.data(), qsizetype(info.label.size()));
                const QString unit = QString::fromUtf8(info.unit.data(), qsizetype(info.unit.size()));
                const QRectF lane(x0, y, laneW, laneH(s));
                if (isEcg(s)) {
                    drawEcgGrid(p, c, QRectF(r.left(), y, kLabelMm + laneW, laneH(s)));
                    const double yZero = y + 17;
                    drawCalPulse(p, c, r.left() + 8, yZero);
                    p.setFont(c.font(8, true));
                    p.setPen(paper::Ink);
                    c.text(p, QRectF(r.left() + 0.5, y + 0.5, kLabelMm, 5), Qt::AlignLeft | Qt::AlignTop,
                           label);
                    drawTrace(p, c, s, t0, secs, lane, kEcgMmPerS, yZero, kEcgMmPerMv, m_reason);
                } else {
                    const double lo = info.rangeLow, hi = info.rangeHigh;
                    const double mmPerUnit = (laneH(s) - 2) / (hi - lo);
                    p.setPen(QPen(paper::Rule, 0.15 * c.k));
                    p.setBrush(Qt::NoBrush);
                    p.drawRect(c.mm2px(QRectF(r.left(), y, kLabelMm + laneW, laneH(s))));
                    p.setFont(c.font(8, true));
                    p.setPen(paper::Ink);
                    c.text(p, QRectF(r.left() + 0.5, y + 0.5, kLabelMm, 5), Qt::AlignLeft | Qt::AlignTop,
                           label);
                    p.setFont(c.font(7));
                    p.setPen(paper::Muted);
                    c.text(p, QRectF(r.left() + 0.5, y + 5, kLabelMm - 1, laneH(s) - 5),
                           Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                           QStringLiteral("%1\u2013%2\n%3").arg(lo).arg(hi).arg(unit));
                    drawTrace(p, c, s, t0, secs, lane, kEcgMmPerS, y + 1 + hi * mmPerUnit, mmPerUnit,
                              m_reason, 0.25);
                }
                y += laneH(s) + 1.5;
            }
            // Trigger mark and 1-s ticks.
            p.setPen(QPen(paper::Muted, 0.15 * c.k));
            for (int sec = 0; sec <= int(secs); ++sec)
                p.drawLine(c.mm2px(QPointF(x0 + sec * kEcgMmPerS, y - 1)),
                           c.mm2px(QPointF(x0 + sec * kEcgMmPerS, y + 0.5)));
            const double markS = double(m_mark * 1000 - t0) / 1e6;
            if (m_mark > 0 && markS >= 0 && markS <= secs) {
                p.setPen(QPen(paper::High, 0.5 * c.k, Qt::DashLine));
                const double xm = x0 + markS * kEcgMmPerS;
                p.drawLine(c.mm2px(QPointF(xm, top)), c.mm2px(QPointF(xm, y)));
                p.setFont(c.font(8, true));
                p.setPen(paper::High);
                c.text(p, QRectF(xm + 1, y - 1, 40, 4), Qt::AlignLeft | Qt::AlignTop,
                       QStringLiteral("\u25b2 alarm"));
            }
        }
    }

private:
    std::vector<WaveStrip> m_strips;
    qint64 m_t0;
    double m_secs;
    GapReasonFn m_reason;
    int m_perRow;
    qint64 m_mark;
};

class DisclosureLane : public Block
{
public:
    DisclosureLane(const WaveStrip &s, qint64 t0Us, double secs, GapReasonFn reason)
        : m_t0(t0Us), m_secs(secs), m_reason(std::move(reason))
    {
        // Keep only this lane's samples (a 30-min range would otherwise be copied into every lane).
        m_s.id = s.id;
        m_s.sampleRate = s.sampleRate;
        m_s.gain = s.gain;
        m_s.baseline = s.baseline;
        const qint64 i0 = std::max<qint64>(0, qint64(double(t0Us - s.startUs) * s.sampleRate / 1e6) - 1);
        const qint64 i1 = std::min<qint64>(qint64(s.samples.size()), i0 + qint64(secs * s.sampleRate) + 2);
        m_s.startUs = s.startUs + qint64(double(i0) * 1e6 / s.sampleRate);
        if (i1 > i0)
            m_s.samples.assign(s.samples.begin() + i0, s.samples.begin() + i1);
    }
    double height(const Ctx &, double) const override { return 7.5; }
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override
    {
        const double labelW = 15;
        const double mmPerS = (r.width() - labelW) / m_secs;
        p.setFont(c.font(7.5, true));
        p.setPen(paper::Ink);
        c.text(p, QRectF(r.left(), r.top(), labelW, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fmtTime(m_t0 / 1000));
        const QRectF lane(r.left() + labelW, r.top() + 0.3, r.width() - labelW, r.height() - 0.6);
        p.setPen(QPen(paper::Rule, 0.1 * c.k));
        for (int sec = 0; sec <= int(m_secs); sec += 10)
            p.drawLine(c.mm2px(QPointF(lane.left() + sec * mmPerS, lane.bottom() - 1)),
                       c.mm2px(QPointF(lane.left() + sec * mmPerS, lane.bottom())));
        const auto &info = waveInfo(m_s.id);
        const double lo = info.rangeLow, hi = info.rangeHigh;
        const double mmPerUnit = lane.height() / (hi - lo);
        drawTrace(p, c, m_s, m_t0, m_secs, lane, mmPerS, lane.top() + hi * mmPerUnit, mmPerUnit, m_reason,
                  0.15);
    }

private:
    WaveStrip m_s;
    qint64 m_t0;
    double m_secs;
    GapReasonFn m_reason;
};

QColor priorityColour(std::optional<alarms::Priority> p)
{
    if (!p)
        return paper::Muted;
    switch (*p) {
    case alarms::Priority::High:
        return paper::High;
    case alarms::Priority::Medium:
        return paper::Medium;
    case alarms::Priority::Low:
        return paper::Low;
    default:
        return paper::Muted;
    }
}

QPicture buildChartPicture(const ChartSpec &spec, QSizeF size, double k)
{
    QPicture pic;
    const auto px = [k](double pt) { return std::max(1, int(std::lround(pt * 25.4 / 72.0 * k))); };
    QFont label(QStringLiteral("DejaVu Sans"));
    label.setPixelSize(px(8));
    QFont title = label;
    title.setPixelSize(px(9.5));
    title.setBold(true);

    QGraphicsScene scene;
    auto *chart = new QChart; // owned by the scene
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setBackgroundBrush(Qt::white);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setTitleFont(title);
    chart->setTitleBrush(paper::Ink);
    chart->setTitle(spec.title);
    chart->legend()->setFont(label);
    chart->legend()->setLabelColor(paper::Ink);
    // Legend on top of every chart, so all plot areas of a report line up under each other.
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->legend()->setVisible(spec.series.size() > 1);

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("HH:mm"));
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(spec.fromMs), QDateTime::fromMSecsSinceEpoch(spec.toMs));
    const qint64 spanH = std::max<qint64>(1, (spec.toMs - spec.fromMs) / 3'600'000);
    xAxis->setTickCount(int(std::clamp<qint64>(spanH + 1, 3, 13)));
    xAxis->setLabelsFont(label);
    xAxis->setLabelsColor(paper::Ink);
    xAxis->setGridLineColor(paper::Rule);
    xAxis->setLinePenColor(paper::Ink);
    auto *yAxis = new QValueAxis;
    yAxis->setLabelsFont(label);
    yAxis->setLabelsColor(paper::Ink);
    yAxis->setGridLineColor(paper::Rule);
    yAxis->setLinePenColor(paper::Ink);
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    const double bucketMs = double(spec.toMs - spec.fromMs) / 600.0;
    for (const auto &s : spec.series) {
        bool legendDone = false;
        auto addSeries = [&](QXYSeries *xy) {
            xy->setName(s.label);
            chart->addSeries(xy);
            xy->attachAxis(xAxis);
            xy->attachAxis(yAxis);
            if (legendDone)
                for (auto *m : chart->legend()->markers(xy))
                    m->setVisible(false);
            legendDone = true;
        };
        if (s.scatter) {
            auto *sc = new QScatterSeries;
            sc->setMarkerSize(std::max(4.0, 1.6 * k));
            sc->setColor(s.colour);
            sc->setBorderColor(s.colour);
            for (const auto &pt : s.points)
                sc->append(double(pt.timeMs), pt.value);
            addSeries(sc);
        } else {
            // One line per run without a gap: the pen lifts where nothing was archived.
            // A break is a step well beyond the series' usual spacing (temperature comes every minute,
            // heart rate every second) and beyond the no-data threshold.
            std::vector<qint64> steps;
            for (std::size_t i = 1; i < s.points.size(); ++i)
                steps.push_back(s.points[i].timeMs - s.points[i - 1].timeMs);
            double usual = 0;
            if (!steps.empty()) {
                std::nth_element(steps.begin(), steps.begin() + std::ptrdiff_t(steps.size() / 2),
                                 steps.end());
                usual = double(steps[steps.size() / 2]);
            }
            const double breakMs = std::max({3 * bucketMs, double(kNumericGapMs), 3 * usual});
            QLineSeries *line = nullptr;
            qint64 prev = 0;
            for (const auto &pt : s.points) {
                if (!line || double(pt.timeMs - prev) > breakMs) {
                    if (line)
                        addSeries(line);
                    line = new QLineSeries;
                    line->setPen(QPen(s.colour, std::max(1.0, 0.45 * k)));
                }
                line->append(double(pt.timeMs), pt.value);
                prev = pt.timeMs;
            }
            if (line)
                addSeries(line);
        }
        for (const auto &pt : s.points) {
            lo = std::min(lo, pt.value);
            hi = std::max(hi, pt.value);
        }
    }
    if (lo > hi) {
        lo = 0;
        hi = 1;
    }
    const double pad = std::max(1.0, (hi - lo) * 0.12);
    const bool fine = hi - lo < 4;
    const double padded = fine ? std::max(0.2, (hi - lo) * 0.15) : pad;
    yAxis->setRange(fine ? lo - padded : std::floor(lo - pad), fine ? hi + padded : std::ceil(hi + pad));
    yAxis->setTickCount(5);
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(fine ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));

    chart->resize(size);
    scene.addItem(chart);
    scene.setSceneRect(QRectF(QPointF(0, 0), size));

    QPainter painter(&pic);
    scene.render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    // Gaps and alarm onsets, in the chart's own coordinates.
    const QRectF plot = chart->plotArea();
    auto xAt = [&](qint64 t) {
        return std::clamp(chart->mapToPosition(QPointF(double(t), yAxis->min())).x(), plot.left(),
                          plot.right());
    };
    for (const auto &g : spec.gaps) {
        const QRectF band(QPointF(xAt(g.fromMs), plot.top()), QPointF(xAt(g.toMs), plot.bottom()));
        if (band.width() < 0.5)
            continue;
        painter.setPen(Qt::NoPen);
        painter.setBrush(QBrush(paper::Gap, Qt::BDiagPattern));
        painter.drawRect(band);
    }
    for (const auto &m : spec.marks) {
        const double x = xAt(m.timeMs);
        const QColor col = priorityColour(m.priority);
        painter.setPen(QPen(col, std::max(1.0, 0.25 * k), Qt::DashLine));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        QPolygonF tri;
        const double a = 1.4 * k;
        tri << QPointF(x, plot.bottom() - a * 1.2) << QPointF(x - a, plot.bottom() + a * 0.3)
            << QPointF(x + a, plot.bottom() + a * 0.3);
        painter.setPen(Qt::NoPen);
        painter.setBrush(col);
        painter.drawPolygon(tri);
    }
    painter.end();
    return pic;
}

class ChartBlock : public Block
{
public:
    ChartBlock(ChartSpec spec, double h) : m_spec(std::move(spec)), m_h(h) {}
    double height(const Ctx &, double) const override { return m_h; }
    void paint(QPainter &p, const Ctx &c, const QRectF &r) const override
    {
        const QRectF px = c.mm2px(r.adjusted(0, 1, 0, -1));
        const QPicture pic = chartPicture(m_spec, px.size(), c.k);
        // QPainter::drawPicture scales a picture from its own resolution (the default 96 dpi) to the
        // device's; the picture was recorded in device pixels already, so undo that.
        p.translate(px.topLeft());
        const double sx = double(pic.logicalDpiX()) / p.device()->logicalDpiX();
        const double sy = double(pic.logicalDpiY()) / p.device()->logicalDpiY();
        p.scale(sx, sy);
        p.drawPicture(QPointF(0, 0), pic);
    }

private:
    ChartSpec m_spec;
    double m_h;
};

} // namespace

namespace {
thread_local const std::atomic_bool *t_chartCancel = nullptr;
} // namespace

ChartCancelScope::ChartCancelScope(const std::atomic_bool *cancel) : m_previous(t_chartCancel)
{
    t_chartCancel = cancel;
}

ChartCancelScope::~ChartCancelScope()
{
    t_chartCancel = m_previous;
}

QPicture chartPicture(const ChartSpec &spec, QSizeF sizePx, double pxPerMm)
{
    auto *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread())
        return buildChartPicture(spec, sizePx, pxPerMm);
    // Not a blocking queued call: the GUI thread may be waiting for this thread (a print queue stopping),
    // and then only the cancel flag it set can end the wait.
    struct Handoff
    {
        QMutex mutex;
        QWaitCondition ready;
        bool done = false;
        QPicture picture;
    };
    auto handoff = std::make_shared<Handoff>();
    QMetaObject::invokeMethod(
        app,
        [handoff, spec, sizePx, pxPerMm] {
            QPicture pic = buildChartPicture(spec, sizePx, pxPerMm);
            const QMutexLocker lock(&handoff->mutex);
            handoff->picture = std::move(pic);
            handoff->done = true;
            handoff->ready.wakeAll();
        },
        Qt::QueuedConnection);
    const std::atomic_bool *cancel = t_chartCancel;
    QMutexLocker lock(&handoff->mutex);
    while (!handoff->done) {
        if (cancel && cancel->load())
            return QPicture();
        handoff->ready.wait(&handoff->mutex, QDeadlineTimer(100));
    }
    return handoff->picture;
}

std::unique_ptr<Block> ecgStripBlock(const QString &title, WaveStrip strip, double seconds,
                                     GapReasonFn reason, double widthMm)
{
    return std::make_unique<EcgStripBlock>(title, std::move(strip), seconds, std::move(reason), widthMm);
}

std::unique_ptr<Block> multiLaneBlock(std::vector<WaveStrip> strips, qint64 t0Us, double seconds,
                                      GapReasonFn reason, double widthMm, qint64 markMs)
{
    return std::make_unique<MultiLaneBlock>(std::move(strips), t0Us, seconds, std::move(reason), widthMm,
                                            markMs);
}

std::unique_ptr<Block> disclosureLaneBlock(const WaveStrip &strip, qint64 t0Us, double seconds,
                                           GapReasonFn reason)
{
    return std::make_unique<DisclosureLane>(strip, t0Us, seconds, std::move(reason));
}

std::unique_ptr<Block> chartBlock(ChartSpec spec, double heightMm)
{
    return std::make_unique<ChartBlock>(std::move(spec), heightMm);
}

} // namespace vigil::reports
