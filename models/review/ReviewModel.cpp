#include "ReviewModel.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QThreadPool>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace vigil::review {

namespace {

// Two threads: a trend load (tens of ms on a 96 h archive) must not hold up a strip the nurse is
// scrolling, and more would only compete with the station's own threads on a small PC.
QThreadPool *pool()
{
    static QThreadPool *p = [] {
        auto *t = new QThreadPool;
        t->setMaxThreadCount(2);
        return t;
    }();
    return p;
}

qint64 ceilToMinute(qint64 ms)
{
    const qint64 m = 60'000;
    return ms % m == 0 ? ms : (ms / m + 1) * m;
}

QString stayText(const ArchiveStayInfo &s)
{
    if (s.patientName.isEmpty() && s.patientId.isEmpty())
        return QStringLiteral("Unknown patient");
    if (s.patientId.isEmpty())
        return s.patientName;
    if (s.patientName.isEmpty())
        return s.patientId;
    return s.patientName + QStringLiteral("  \u00B7  ") + s.patientId;
}

} // namespace

// The worker's way back: posting is only possible while the model lives. The destructor clears `target`
// under the mutex, and Qt drops events already posted to an object when it is deleted, so a late result
// neither touches a dead model nor races its destruction.
struct ReviewModel::Link
{
    std::mutex mutex;
    ReviewModel *target = nullptr;

    template <typename F> void post(F &&f)
    {
        std::lock_guard lock(mutex);
        if (target)
            QMetaObject::invokeMethod(target, std::forward<F>(f), Qt::QueuedConnection);
    }
};

struct ReviewModel::TrendResult
{
    QString error;
    QString bedLabel;
    QString patientText;
    QVariantList stays;
    qint64 dataEndMs = 0;
    bool live = false;
    qint64 rangeStartMs = 0, rangeEndMs = 0;
    std::shared_ptr<const TrendLayer> overview;
    QVariantList panels;
    std::vector<ArchiveAlarmEntry> alarms;
};

// ------------------------------------------------------------------------------------ ReviewStripModel

ReviewStripModel::ReviewStripModel(ReviewModel *owner) : QObject(owner), m_owner(owner) {}

double ReviewStripModel::start() const
{
    return m_strip.data ? static_cast<double>(m_strip.data->t1Us) / 1000.0 : 0.0;
}

double ReviewStripModel::end() const
{
    return m_strip.data ? static_cast<double>(m_strip.data->t2Us) / 1000.0 : 0.0;
}

double ReviewStripModel::marker() const
{
    if (!m_strip.data || m_strip.data->markerUs == kNoMarker)
        return std::nan("");
    return static_cast<double>(m_strip.data->markerUs) / 1000.0;
}

void ReviewStripModel::setSeconds(double s)
{
    s = std::clamp(s, 2.0, 300.0);
    if (std::abs(s - m_seconds) < 0.01)
        return;
    m_seconds = s;
    emit secondsChanged();
    // The full-disclosure window follows the view's width: reload what is shown, from the same start.
    if (this == m_owner->m_disclosure && m_requestedStartMs != 0) {
        m_owner->loadStrip(this, m_owner->m_disclosureChannel, m_requestedStartMs,
                           m_requestedStartMs + static_cast<qint64>(m_seconds * 1000.0), m_markerMs);
    }
}

void ReviewStripModel::setLoading(bool l)
{
    if (l == m_loading)
        return;
    m_loading = l;
    emit loadingChanged();
}

void ReviewStripModel::apply(std::shared_ptr<const StripData> data)
{
    m_strip.data = std::move(data);
    m_hasData = m_strip.data && m_strip.data->hasSamples();
    bool newChannel = false;
    if (m_strip.data) {
        for (const ArchiveWaveStrip &w : m_strip.data->waves) {
            const QString key = waveKey(w.id);
            const bool any =
                std::any_of(w.samples.begin(), w.samples.end(), [](float v) { return !std::isnan(v); });
            if (any && !m_channels.contains(key)) {
                m_channels.append(key);
                newChannel = true;
            }
        }
    }
    if (newChannel) {
        // Lanes in the live detail view's order, so a channel appearing mid-review slots into its place.
        std::sort(m_channels.begin(), m_channels.end(), [](const QString &a, const QString &b) {
            auto rank = [](const QString &k) {
                for (const WaveInfo &w : kWaves) {
                    if (k == QLatin1String(w.key.data(), static_cast<qsizetype>(w.key.size())))
                        return static_cast<int>(w.id);
                }
                return kWaveCount;
            };
            return rank(a) < rank(b);
        });
        emit channelsChanged();
    }
    emit stripChanged();
}

// ----------------------------------------------------------------------------------------- ReviewModel

ReviewModel::ReviewModel(std::shared_ptr<ArchiveQuery> query, QObject *parent)
    : QObject(parent), m_query(std::move(query)), m_link(std::make_shared<Link>()),
      m_alarms(new ReviewAlarmModel(this)), m_disclosure(new ReviewStripModel(this)),
      m_alarmStrip(new ReviewStripModel(this))
{
    m_link->target = this;
    m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_alarmStrip->m_seconds = 2.0 * kAlarmWindowMs / 1000.0;
    // Wheel and drag arrive at input rate; the finer data for the new view is asked for once it settles.
    m_detailTimer.setSingleShot(true);
    m_detailTimer.setInterval(150);
    connect(&m_detailTimer, &QTimer::timeout, this, &ReviewModel::requestDetail);
    if (!m_query)
        m_error = QStringLiteral("No archive available");
}

ReviewModel::~ReviewModel()
{
    std::lock_guard lock(m_link->mutex);
    m_link->target = nullptr;
}

// ---------------------------------------------------------------------------------------- ReviewArchive

ReviewArchive::ReviewArchive(std::shared_ptr<ArchiveQuery> query, QObject *engine)
    : QObject(engine), m_query(std::move(query))
{}

void ReviewArchive::install(QObject *engine, std::shared_ptr<ArchiveQuery> query)
{
    Q_ASSERT(engine);
    delete engine->findChild<ReviewArchive *>(QString(), Qt::FindDirectChildrenOnly);
    new ReviewArchive(std::move(query), engine);
}

std::shared_ptr<ArchiveQuery> ReviewArchive::of(const QObject *engine)
{
    const auto *a =
        engine ? engine->findChild<ReviewArchive *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    return a ? a->m_query : nullptr;
}

void ReviewModel::setQuery(std::shared_ptr<ArchiveQuery> query)
{
    const bool was = available();
    m_query = std::move(query);
    for (Channel *c : {&m_trend, &m_detail, &m_disclosureChannel, &m_alarmChannel}) {
        ++c->generation;
        c->pending = nullptr;
    }
    updateLoading();
    if (was != available())
        emit availableChanged();
    setError(m_query ? QString() : QStringLiteral("No archive available"));
}

void ReviewModel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

qint64 ReviewModel::now() const
{
    return m_clock();
}

qint64 ReviewModel::recentEnd() const
{
    return m_live || m_dataEndMs <= 0 ? std::max(now(), m_dataEndMs) : m_dataEndMs;
}

void ReviewModel::setBedKey(const QString &key)
{
    if (key == m_bedKey)
        return;
    m_bedKey = key;
    // Nothing of the previous bed may arrive or stay on screen.
    for (Channel *c : {&m_trend, &m_detail, &m_disclosureChannel, &m_alarmChannel}) {
        ++c->generation;
        c->pending = nullptr;
    }
    m_trends = {};
    m_panels.clear();
    m_alarms->reset({});
    for (ReviewStripModel *s : {m_disclosure, m_alarmStrip}) {
        s->m_requestedStartMs = 0;
        s->m_markerMs = kNoMarker;
        s->m_channels.clear();
        s->apply(nullptr);
        emit s->channelsChanged();
    }
    m_reviewedAlarmId.clear();
    m_dataEndMs = 0;
    m_live = false;
    emit bedKeyChanged();
    emit trendsChanged();
    emit reviewedAlarmChanged();
    updateLoading();
}

void ReviewModel::setRangeHours(int hours)
{
    hours = hours <= 0 ? kStayRange : std::min(hours, 24 * 30);
    if (hours == m_rangeHours)
        return;
    m_rangeHours = hours;
    emit rangeChanged();
    if (m_query && !m_bedKey.isEmpty())
        loadTrends();
}

void ReviewModel::setChartPoints(int points)
{
    points = std::clamp(points, 50, 8000);
    if (points == m_chartPoints)
        return;
    m_chartPoints = points;
    emit chartPointsChanged();
}

bool ReviewModel::loading() const
{
    return m_trend.busy || m_detail.busy || m_disclosureChannel.busy || m_alarmChannel.busy;
}

void ReviewModel::setError(const QString &e)
{
    if (e == m_error)
        return;
    m_error = e;
    emit errorChanged();
}

void ReviewModel::setProgress(double p)
{
    if (std::abs(p - m_progress) < 1e-9)
        return;
    m_progress = p;
    emit progressChanged();
}

void ReviewModel::updateLoading()
{
    m_disclosure->setLoading(m_disclosureChannel.busy);
    m_alarmStrip->setLoading(m_alarmChannel.busy);
    // loading and trendLoading share one notify signal.
    const int state = (loading() ? 1 : 0) | (trendLoading() ? 2 : 0);
    if (state != m_loadingState) {
        m_loadingState = state;
        emit loadingChanged();
    }
}

void ReviewModel::submit(Channel &channel, std::function<void(quint64)> start)
{
    const quint64 generation = ++channel.generation;
    if (channel.busy) {
        channel.pending = [start = std::move(start), generation] { start(generation); };
    } else {
        channel.busy = true;
        channel.pending = nullptr;
        start(generation);
    }
    updateLoading();
}

void ReviewModel::finished(Channel &channel)
{
    channel.busy = false;
    if (channel.pending) {
        auto next = std::move(channel.pending);
        channel.pending = nullptr;
        channel.busy = true;
        next();
    }
    updateLoading();
}

// ------------------------------------------------------------------------------------------- trends

void ReviewModel::loadTrends()
{
    if (!m_query) {
        setError(QStringLiteral("No archive available"));
        return;
    }
    if (m_bedKey.isEmpty()) {
        setError(QStringLiteral("No bed selected"));
        return;
    }
    // The zoomed-in detail belongs to the old range.
    ++m_detail.generation;
    m_detail.pending = nullptr;
    m_detailTimer.stop();
    setProgress(0);
    const auto query = m_query;
    const auto link = m_link;
    const QString bed = m_bedKey;
    const qint64 rangeMs = qint64(m_rangeHours) * 3'600'000;
    const qint64 stayFrom = m_stayFromMs, stayTo = m_stayToMs;
    const int points = m_chartPoints;
    const qint64 nowMs = now();
    ReviewModel *self = this;
    submit(m_trend, [=](quint64 generation) {
        pool()->start([=] {
            auto r = std::make_shared<TrendResult>();
            const auto progress = [&](double p) {
                link->post([self, generation, p] {
                    if (generation == self->m_trend.generation)
                        self->setProgress(p);
                });
            };
            const auto &panels = vigil::review::trendPanels();
            const double steps = 2.0 + static_cast<double>(panels.size());
            QString error;
            const auto stays = query->stays(bed, 0, nowMs + 86'400'000, &error);
            qint64 dataEnd = 0;
            for (const ArchiveStayInfo &s : stays)
                dataEnd = std::max(dataEnd, s.lastDataMs);
            // Open and fed within the last two minutes: the bed is live, newer data keeps coming.
            r->live = !stays.empty() && !stays.back().toMs && dataEnd > nowMs - 120'000;
            r->dataEndMs = dataEnd;
            const bool stayRange = rangeMs == 0 && !stays.empty();
            const ArchiveStayInfo *shownStay = nullptr;
            if (stayRange) {
                // The stay: from the start the archive gave the bed's current (newest) stay to now while
                // it is open, or to its end once discharged. Exactly that, not rounded, so "whole range"
                // is the stay and nothing of the previous patient.
                const ArchiveStayInfo *chosen = &stays.back();
                if (stayTo > stayFrom) { // showStay(): the stay overlapping the asked range most
                    qint64 best = -1;
                    for (const ArchiveStayInfo &st : stays) {
                        const qint64 end = st.toMs ? *st.toMs : std::max(nowMs, dataEnd);
                        const qint64 overlap = std::min(end, stayTo) - std::max(st.fromMs, stayFrom);
                        if (overlap > best) {
                            best = overlap;
                            chosen = &st;
                        }
                    }
                }
                shownStay = chosen;
                const ArchiveStayInfo &stay = *chosen;
                r->rangeStartMs = stay.fromMs;
                r->rangeEndMs = stay.toMs ? *stay.toMs : std::max(nowMs, dataEnd);
                // A stay that has only just begun still gets a drawable range.
                r->rangeEndMs = std::max(r->rangeEndMs, r->rangeStartMs + 1000);
            } else {
                // A fixed window ends at the bed's newest data: a discharged patient's last hours are what a
                // review of that bed is about, not an empty chart up to now. (No stay archived: the
                // default window up to now.)
                const qint64 span = rangeMs > 0 ? rangeMs : qint64(kDefaultWindowHours) * 3'600'000;
                r->rangeEndMs = ceilToMinute(r->live || dataEnd == 0 ? std::max(nowMs, dataEnd) : dataEnd);
                r->rangeStartMs = r->rangeEndMs - span;
            }
            for (const ArchiveStayInfo &s : stays) {
                if (!s.bedLabel.isEmpty())
                    r->bedLabel = s.bedLabel;
                if (stayRange ? &s == shownStay
                              : s.fromMs < r->rangeEndMs && (!s.toMs || *s.toMs >= r->rangeStartMs)) {
                    r->patientText = stayText(s);
                    QVariantMap m;
                    m.insert(QStringLiteral("patientId"), s.patientId);
                    m.insert(QStringLiteral("patientName"), s.patientName);
                    m.insert(QStringLiteral("from"), static_cast<double>(s.fromMs));
                    m.insert(QStringLiteral("to"), s.toMs ? static_cast<double>(*s.toMs) : 0.0);
                    r->stays.append(m);
                }
            }
            progress(1.0 / steps);
            r->alarms =
                query->alarms(bed, r->rangeStartMs, r->rangeEndMs + 1, error.isEmpty() ? &error : nullptr);
            progress(2.0 / steps);
            auto layer = std::make_shared<TrendLayer>();
            layer->t1Ms = r->rangeStartMs;
            layer->t2Ms = r->rangeEndMs + 1;
            layer->maxPoints = points;
            // One query per panel: each is a real step of the progress bar, and a damaged numeric chunk
            // costs one panel, not the whole chart.
            int done = 0;
            for (const TrendPanelDef &panel : panels) {
                auto series = query->trend(bed, panel.ids, layer->t1Ms, layer->t2Ms, points,
                                           error.isEmpty() ? &error : nullptr);
                double lo = INFINITY, hi = -INFINITY;
                QStringList keys;
                bool hasData = false;
                for (ArchiveTrendSeries &s : series) {
                    decimate(s, layer->t1Ms, layer->t2Ms, points);
                    for (const ArchiveTrendPoint &p : s.points) {
                        if (std::isnan(p.value))
                            continue;
                        lo = std::min({lo, p.min, p.value});
                        hi = std::max({hi, p.max, p.value});
                        hasData = true;
                    }
                }
                for (NumericId id : panel.ids)
                    keys << numericKey(id);
                for (ArchiveTrendSeries &s : series)
                    layer->series.push_back(std::move(s));
                const AxisRange axis = niceRange(lo, hi, panel.defaultLo, panel.defaultHi);
                QVariantMap m;
                m.insert(QStringLiteral("key"), QString::fromLatin1(panel.key));
                m.insert(QStringLiteral("label"), QString::fromUtf8(panel.label));
                m.insert(QStringLiteral("unit"), QString::fromUtf8(panel.unit));
                m.insert(QStringLiteral("series"), keys);
                m.insert(QStringLiteral("lo"), axis.lo);
                m.insert(QStringLiteral("hi"), axis.hi);
                m.insert(QStringLiteral("step"), axis.step);
                m.insert(QStringLiteral("decimals"), numericInfo(panel.ids.front()).decimals);
                m.insert(QStringLiteral("hasData"), hasData);
                r->panels.append(m);
                progress((3.0 + done++) / steps);
            }
            r->overview = std::move(layer);
            r->error = error;
            link->post([self, generation, r] { self->applyTrends(generation, r); });
        });
    });
}

void ReviewModel::applyTrends(quint64 generation, std::shared_ptr<TrendResult> r)
{
    if (generation == m_trend.generation) {
        m_bedLabel = r->bedLabel;
        m_patientText = r->patientText;
        m_stays = r->stays;
        emit staysChanged();
        m_dataEndMs = r->dataEndMs;
        m_live = r->live;
        m_rangeStartMs = r->rangeStartMs;
        m_rangeEndMs = r->rangeEndMs;
        emit rangeChanged();
        auto data = std::make_shared<TrendData>();
        data->overview = r->overview;
        m_trends.data = std::move(data);
        m_panels = r->panels;
        m_alarms->reset(std::move(r->alarms));
        m_viewStartMs = m_rangeStartMs;
        m_viewEndMs = m_rangeEndMs;
        emit viewChanged();
        emit trendsChanged();
        setProgress(1.0);
        setError(r->error);
    }
    finished(m_trend);
}

void ReviewModel::clampView(qint64 start, qint64 end)
{
    if (m_rangeEndMs <= m_rangeStartMs)
        return;
    const qint64 rangeSpan = m_rangeEndMs - m_rangeStartMs;
    const qint64 span = std::clamp(end - start, std::min(kMinViewSpanMs, rangeSpan), rangeSpan);
    start = std::clamp(start, m_rangeStartMs, m_rangeEndMs - span);
    if (start == m_viewStartMs && start + span == m_viewEndMs)
        return;
    m_viewStartMs = start;
    m_viewEndMs = start + span;
    emit viewChanged();
    m_detailTimer.start();
}

void ReviewModel::zoom(double factor, double anchor)
{
    if (!(factor > 0) || m_viewEndMs <= m_viewStartMs)
        return;
    anchor = std::clamp(anchor, 0.0, 1.0);
    const double span = static_cast<double>(m_viewEndMs - m_viewStartMs);
    const double at = static_cast<double>(m_viewStartMs) + anchor * span;
    const double newSpan = span / factor;
    const auto start = static_cast<qint64>(std::llround(at - anchor * newSpan));
    clampView(start, start + static_cast<qint64>(std::llround(newSpan)));
}

void ReviewModel::pan(double fraction)
{
    const qint64 span = m_viewEndMs - m_viewStartMs;
    const auto shift = static_cast<qint64>(std::llround(fraction * static_cast<double>(span)));
    clampView(m_viewStartMs + shift, m_viewEndMs + shift);
}

void ReviewModel::setView(double startMs, double endMs)
{
    if (!std::isfinite(startMs) || !std::isfinite(endMs) || endMs <= startMs)
        return;
    clampView(static_cast<qint64>(startMs), static_cast<qint64>(endMs));
}

void ReviewModel::showStay(double fromMs, double toMs)
{
    m_stayFromMs = std::isfinite(fromMs) ? static_cast<qint64>(fromMs) : 0;
    m_stayToMs = std::isfinite(toMs) ? static_cast<qint64>(toMs) : 0;
    if (m_rangeHours != kStayRange) {
        m_rangeHours = kStayRange;
        emit rangeChanged();
    }
    if (m_query && !m_bedKey.isEmpty())
        loadTrends();
}

void ReviewModel::resetView()
{
    clampView(m_rangeStartMs, m_rangeEndMs);
}

void ReviewModel::requestDetail()
{
    if (!m_query || !m_trends.data || !m_trends.data->overview)
        return;
    const qint64 rangeSpan = m_rangeEndMs - m_rangeStartMs;
    const qint64 span = m_viewEndMs - m_viewStartMs;
    if (span <= 0 || rangeSpan <= 0)
        return;
    if (span * 4 >= rangeSpan * 3) {
        // The overview is already at chart resolution for this view.
        ++m_detail.generation;
        m_detail.pending = nullptr;
        if (m_trends.data->detail) {
            auto data = std::make_shared<TrendData>(*m_trends.data);
            data->detail = nullptr;
            m_trends.data = std::move(data);
            emit trendsChanged();
        }
        updateLoading();
        return;
    }
    const double neededMsPerPoint = static_cast<double>(span) / m_chartPoints;
    if (const auto &d = m_trends.data->detail) {
        const double have = d->maxPoints > 0 ? static_cast<double>(d->t2Ms - d->t1Ms) / d->maxPoints : 0.0;
        if (d->t1Ms <= m_viewStartMs && d->t2Ms >= m_viewEndMs && have <= neededMsPerPoint * 1.5)
            return;
    }
    // Half a view either side, so a pan of up to half a screen needs no new read.
    const qint64 t1 = std::max(m_rangeStartMs, m_viewStartMs - span / 2);
    const qint64 t2 = std::min(m_rangeEndMs + 1, m_viewEndMs + span / 2);
    const int points =
        std::clamp(static_cast<int>(std::ceil(static_cast<double>(t2 - t1) / neededMsPerPoint)), 50, 20000);
    const auto query = m_query;
    const auto link = m_link;
    const QString bed = m_bedKey;
    ReviewModel *self = this;
    submit(m_detail, [=](quint64 generation) {
        pool()->start([=] {
            QString error;
            auto layer = std::make_shared<TrendLayer>();
            layer->t1Ms = t1;
            layer->t2Ms = t2;
            layer->maxPoints = points;
            const auto ids = trendNumerics();
            layer->series = query->trend(bed, ids, t1, t2, points, &error);
            for (ArchiveTrendSeries &s : layer->series)
                decimate(s, t1, t2, points);
            std::shared_ptr<const TrendLayer> result = std::move(layer);
            link->post([self, generation, result, error] {
                if (generation == self->m_detail.generation && self->m_trends.data) {
                    auto data = std::make_shared<TrendData>(*self->m_trends.data);
                    data->detail = result;
                    self->m_trends.data = std::move(data);
                    emit self->trendsChanged();
                    if (!error.isEmpty())
                        self->setError(error);
                }
                self->finished(self->m_detail);
            });
        });
    });
}

// -------------------------------------------------------------------------------------------- strips

void ReviewModel::loadStrip(ReviewStripModel *strip, Channel &channel, qint64 startMs, qint64 endMs,
                            qint64 markerMs)
{
    if (!m_query) {
        setError(QStringLiteral("No archive available"));
        return;
    }
    if (m_bedKey.isEmpty() || endMs <= startMs)
        return;
    strip->m_requestedStartMs = startMs;
    strip->m_markerMs = markerMs;
    emit strip->requestedChanged();
    const auto query = m_query;
    const auto link = m_link;
    const QString bed = m_bedKey;
    ReviewModel *self = this;
    Channel *ch = &channel;
    submit(channel, [=](quint64 generation) {
        pool()->start([=] {
            QString error;
            auto data = std::make_shared<StripData>();
            data->t1Us = startMs * 1000;
            data->t2Us = endMs * 1000;
            data->markerUs = markerMs == kNoMarker ? kNoMarker : markerMs * 1000;
            data->waves = query->waveStrip(bed, data->t1Us, data->t2Us, {}, &error);
            std::shared_ptr<const StripData> result = std::move(data);
            link->post([self, strip, ch, generation, result, error] {
                if (generation == ch->generation) {
                    strip->apply(result);
                    self->setError(error);
                }
                self->finished(*ch);
            });
        });
    });
}

void ReviewModel::jumpTo(double timeMs)
{
    if (!std::isfinite(timeMs))
        return;
    const auto t = static_cast<qint64>(std::llround(timeMs));
    const auto span = static_cast<qint64>(m_disclosure->seconds() * 1000.0);
    qint64 start = t - span / 2;
    // At the recent end the window stops at the newest data instead of showing half a screen of future.
    const qint64 limit = recentEnd() + 1000;
    if (start + span > limit)
        start = limit - span;
    loadStrip(m_disclosure, m_disclosureChannel, start, start + span, t);
}

void ReviewModel::scroll(double seconds)
{
    if (!std::isfinite(seconds))
        return;
    if (m_disclosure->m_requestedStartMs == 0 && seconds == 0) {
        showLatest();
        return;
    }
    const auto span = static_cast<qint64>(m_disclosure->seconds() * 1000.0);
    const qint64 limit = recentEnd() + 1000;
    qint64 start = m_disclosure->m_requestedStartMs != 0 ? m_disclosure->m_requestedStartMs : limit - span;
    start += static_cast<qint64>(std::llround(seconds * 1000.0));
    start = std::min(start, limit - span);
    loadStrip(m_disclosure, m_disclosureChannel, start, start + span, m_disclosure->m_markerMs);
}

void ReviewModel::showLatest()
{
    if (!m_query) {
        setError(QStringLiteral("No archive available"));
        return;
    }
    if (m_bedKey.isEmpty())
        return;
    const auto span = static_cast<qint64>(m_disclosure->seconds() * 1000.0);
    const auto query = m_query;
    const auto link = m_link;
    const QString bed = m_bedKey;
    const qint64 nowMs = now();
    ReviewModel *self = this;
    submit(m_disclosureChannel, [=](quint64 generation) {
        pool()->start([=] {
            QString error;
            qint64 latest = 0;
            for (const ArchiveStayInfo &s : query->stays(bed, 0, nowMs + 86'400'000, &error))
                latest = std::max(latest, s.lastDataMs);
            if (latest == 0)
                latest = nowMs;
            // A second of room after the newest sample, so the end of the data is seen as an end.
            const qint64 start = latest + 1000 - span;
            auto data = std::make_shared<StripData>();
            data->t1Us = start * 1000;
            data->t2Us = (start + span) * 1000;
            data->waves =
                query->waveStrip(bed, data->t1Us, data->t2Us, {}, error.isEmpty() ? &error : nullptr);
            std::shared_ptr<const StripData> result = std::move(data);
            link->post([self, generation, result, error, start, latest] {
                if (generation == self->m_disclosureChannel.generation) {
                    ReviewStripModel *strip = self->m_disclosure;
                    strip->m_requestedStartMs = start;
                    strip->m_markerMs = kNoMarker;
                    emit strip->requestedChanged();
                    strip->apply(result);
                    if (latest > self->m_dataEndMs && !self->m_live) {
                        self->m_dataEndMs = latest;
                        emit self->rangeChanged();
                    }
                    self->setError(error);
                }
                self->finished(self->m_disclosureChannel);
            });
        });
    });
}

bool ReviewModel::reviewAlarm(const QString &alarmId)
{
    const auto alarm = m_alarms->find(alarmId);
    if (!alarm)
        return false;
    if (m_reviewedAlarmId != alarmId) {
        m_reviewedAlarmId = alarmId;
        emit reviewedAlarmChanged();
    }
    loadStrip(m_alarmStrip, m_alarmChannel, alarm->timeMs - kAlarmWindowMs, alarm->timeMs + kAlarmWindowMs,
              alarm->timeMs);
    return true;
}

double ReviewModel::parseTime(const QString &input) const
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return std::nan("");
    // "0312" from a numeric keypad means 03:12.
    static const QRegularExpression digits(QStringLiteral("^(\\d{1,2})(\\d{2})$"));
    if (const auto m = digits.match(text); m.hasMatch())
        text = m.captured(1) + u':' + m.captured(2);
    for (const char *f : {"H:mm", "H:mm:ss", "H.mm", "H.mm.ss"}) {
        const QTime t = QTime::fromString(text, QString::fromLatin1(f));
        if (!t.isValid())
            continue;
        // The most recent such clock time at or before the newest data.
        const qint64 refMs = recentEnd();
        const QDateTime ref = QDateTime::fromMSecsSinceEpoch(refMs);
        QDateTime at(ref.date(), t);
        if (at.toMSecsSinceEpoch() > refMs + 60'000)
            at = QDateTime(ref.date().addDays(-1), t);
        return static_cast<double>(at.toMSecsSinceEpoch());
    }
    for (const char *f : {"yyyy-MM-dd H:mm", "yyyy-MM-dd H:mm:ss", "dd.MM.yyyy H:mm", "dd.MM.yyyy H:mm:ss"}) {
        const QDateTime dt = QDateTime::fromString(text, QString::fromLatin1(f));
        if (dt.isValid())
            return static_cast<double>(dt.toMSecsSinceEpoch());
    }
    const QDateTime iso = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (iso.isValid())
        return static_cast<double>(iso.toMSecsSinceEpoch());
    return std::nan("");
}

bool ReviewModel::jumpToText(const QString &text)
{
    const double t = parseTime(text);
    if (std::isnan(t) || !m_query)
        return false;
    jumpTo(t);
    return true;
}

} // namespace vigil::review
