// ReviewModel: the archive review of one bed (trends, full-disclosure waves, alarm history).
//
// Every archive call runs on a worker thread (a small pool shared by all review models); the GUI thread
// only receives finished, already decimated snapshots, in one queued call per request. Each kind of
// request (trends, zoomed-in detail, full-disclosure strip, alarm strip) has a generation counter: a
// result whose generation is no longer current (the user moved on) is dropped. While a request runs,
// newer ones of the same kind wait as one pending request (the latest wins), so holding an arrow key
// never queues a hundred strip reads.
//
// The archive is passed in: to the constructor or setQuery() by C++, and to the ReviewModels a QML engine
// creates through the ReviewArchive the composition root installs on that engine (no process-wide
// default). Without one, `available` is false and `error` says so: the page shows that instead of empty
// charts.
#pragma once

#include "ArchiveQuery.h"
#include "ReviewAlarmModel.h"
#include "ReviewData.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariant>

#include <functional>
#include <memory>

namespace vigil::review {

class ReviewModel;

// The archive the review pages of one QML engine read, owned by that engine (a child object of it). The
// composition root installs it before loading QML; the ui layer's QML type reads it from the engine that
// creates the model. Qt Core only: the engine is just the owning QObject here.
class ReviewArchive : public QObject
{
    Q_OBJECT
public:
    // Replaces what `engine` had (null query: no archive).
    static void install(QObject *engine, std::shared_ptr<ArchiveQuery> query);
    // What was installed on `engine`, or null.
    static std::shared_ptr<ArchiveQuery> of(const QObject *engine);

private:
    explicit ReviewArchive(std::shared_ptr<ArchiveQuery> query, QObject *engine);
    std::shared_ptr<ArchiveQuery> m_query;
};

// One strip on screen: full disclosure (scrolls) or alarm review (fixed around the alarm).
class ReviewStripModel : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QVariant strip READ strip NOTIFY stripChanged) // a ReviewStrip, for StripView.strip
    Q_PROPERTY(double start READ start NOTIFY stripChanged)   // ms since the epoch, of what is shown
    Q_PROPERTY(double end READ end NOTIFY stripChanged)
    Q_PROPERTY(double marker READ marker NOTIFY stripChanged) // NaN = none
    Q_PROPERTY(bool hasData READ hasData NOTIFY stripChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY stripChanged) // a result has arrived for this model
    Q_PROPERTY(QStringList channels READ channels NOTIFY channelsChanged) // every channel seen for the bed
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(double requestedStart READ requestedStart NOTIFY requestedChanged)
    Q_PROPERTY(double seconds READ seconds WRITE setSeconds NOTIFY secondsChanged) // window length
public:
    explicit ReviewStripModel(ReviewModel *owner);

    QVariant strip() const { return QVariant::fromValue(m_strip); }
    std::shared_ptr<const StripData> data() const { return m_strip.data; }
    double start() const;
    double end() const;
    double marker() const;
    bool hasData() const { return m_hasData; }
    bool loaded() const { return m_strip.data != nullptr; }
    QStringList channels() const { return m_channels; }
    bool loading() const { return m_loading; }
    double requestedStart() const { return static_cast<double>(m_requestedStartMs); }
    double seconds() const { return m_seconds; }
    void setSeconds(double s);

signals:
    void stripChanged();
    void channelsChanged();
    void loadingChanged();
    void requestedChanged();
    void secondsChanged();

private:
    friend class ReviewModel;
    void setLoading(bool l);
    void apply(std::shared_ptr<const StripData> data);

    ReviewModel *m_owner;
    ReviewStrip m_strip;
    bool m_hasData = false;
    QStringList m_channels;
    bool m_loading = false;
    qint64 m_requestedStartMs = 0;
    qint64 m_markerMs = kNoMarker;
    double m_seconds = 10.0;
};

class ReviewModel : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString bedKey READ bedKey WRITE setBedKey NOTIFY bedKeyChanged)
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged) // any request running
    Q_PROPERTY(bool trendLoading READ trendLoading NOTIFY loadingChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged) // of the trend load, 0..1
    Q_PROPERTY(bool loaded READ loaded NOTIFY trendsChanged)         // trends arrived at least once

    Q_PROPERTY(QString bedLabel READ bedLabel NOTIFY staysChanged)
    Q_PROPERTY(QString patientText READ patientText NOTIFY staysChanged)
    Q_PROPERTY(QVariantList stays READ stays NOTIFY staysChanged)

    // 0 (kStayRange, the default): the bed's current stay, from its start in the archive to now (to its
    // end once discharged); 1, 8, 24, 96: that many hours up to the newest data.
    Q_PROPERTY(int rangeHours READ rangeHours WRITE setRangeHours NOTIFY rangeChanged)
    Q_PROPERTY(double rangeStart READ rangeStart NOTIFY rangeChanged) // ms since the epoch
    Q_PROPERTY(double rangeEnd READ rangeEnd NOTIFY rangeChanged)
    Q_PROPERTY(double dataEnd READ dataEnd NOTIFY rangeChanged) // newest archived sample, 0 = unknown
    Q_PROPERTY(double viewStart READ viewStart NOTIFY viewChanged)
    Q_PROPERTY(double viewEnd READ viewEnd NOTIFY viewChanged)
    Q_PROPERTY(int chartPoints READ chartPoints WRITE setChartPoints NOTIFY chartPointsChanged)

    Q_PROPERTY(QVariant trends READ trends NOTIFY trendsChanged) // a ReviewTrends, for ReviewTrendView
    Q_PROPERTY(QVariantList trendPanels READ trendPanels NOTIFY trendsChanged)
    Q_PROPERTY(vigil::review::ReviewAlarmModel *alarms READ alarms CONSTANT)
    Q_PROPERTY(vigil::review::ReviewStripModel *disclosure READ disclosure CONSTANT)
    Q_PROPERTY(vigil::review::ReviewStripModel *alarmStrip READ alarmStrip CONSTANT)
    Q_PROPERTY(QString reviewedAlarmId READ reviewedAlarmId NOTIFY reviewedAlarmChanged)

public:
    explicit ReviewModel(QObject *parent = nullptr) : ReviewModel(nullptr, parent) {}
    explicit ReviewModel(std::shared_ptr<ArchiveQuery> query, QObject *parent = nullptr);
    ~ReviewModel() override;

    void setQuery(std::shared_ptr<ArchiveQuery> query);
    // Wall clock (ms since the epoch); tests replace it.
    void setClock(std::function<qint64()> clock);

    QString bedKey() const { return m_bedKey; }
    void setBedKey(const QString &key);
    bool available() const { return m_query != nullptr; }
    QString error() const { return m_error; }
    bool loading() const;
    bool trendLoading() const { return m_trend.busy || m_detail.busy; }
    double progress() const { return m_progress; }
    bool loaded() const { return m_trends.data != nullptr; }
    QString bedLabel() const { return m_bedLabel; }
    QString patientText() const { return m_patientText; }
    QVariantList stays() const { return m_stays; }
    int rangeHours() const { return m_rangeHours; }
    void setRangeHours(int hours);
    double rangeStart() const { return static_cast<double>(m_rangeStartMs); }
    double rangeEnd() const { return static_cast<double>(m_rangeEndMs); }
    double dataEnd() const { return static_cast<double>(m_dataEndMs); }
    double viewStart() const { return static_cast<double>(m_viewStartMs); }
    double viewEnd() const { return static_cast<double>(m_viewEndMs); }
    int chartPoints() const { return m_chartPoints; }
    void setChartPoints(int points);
    QVariant trends() const { return QVariant::fromValue(m_trends); }
    std::shared_ptr<const TrendData> trendData() const { return m_trends.data; }
    QVariantList trendPanels() const { return m_panels; }
    ReviewAlarmModel *alarms() const { return m_alarms; }
    ReviewStripModel *disclosure() const { return m_disclosure; }
    ReviewStripModel *alarmStrip() const { return m_alarmStrip; }
    QString reviewedAlarmId() const { return m_reviewedAlarmId; }

    // Stays, alarm history and trends of the range (the current stay, or the window of rangeHours ending
    // at the bed's newest data); resets the view to the whole range.
    Q_INVOKABLE void loadTrends();
    // Full disclosure: the window of disclosure.seconds centred on timeMs (kept within the archived data
    // at the recent end), the time marked.
    Q_INVOKABLE void jumpTo(double timeMs);
    // "03:12", "03:12:30" (the latest such time at or before the newest data), "2024-03-01 03:12[:30]",
    // or ISO 8601. False if the text is not a time (or there is no archive).
    Q_INVOKABLE bool jumpToText(const QString &text);
    // Moves the full-disclosure window; from the newest data when nothing is shown yet.
    Q_INVOKABLE void scroll(double seconds);
    // Full disclosure: the window ending just after the newest archived sample, asked of the archive at
    // the time (a live bed's newest data is newer than anything the last trend load saw).
    Q_INVOKABLE void showLatest();
    // Alarm review: the strip from 30 s before to 30 s after the alarm's onset, onset marked.
    Q_INVOKABLE bool reviewAlarm(const QString &alarmId);
    // Trend view (zoom and pan within the range). factor > 1 zooms in, around anchor (0..1 of the width).
    Q_INVOKABLE void zoom(double factor, double anchor = 0.5);
    Q_INVOKABLE void pan(double fraction); // of the visible span; negative = earlier
    Q_INVOKABLE void setView(double startMs, double endMs);
    Q_INVOKABLE void resetView();
    // The stay range of a past stay (issue 11's stay search): the archived stay of the bed that overlaps
    // [fromMs, toMs] most, instead of the bed's newest stay; rangeHours goes back to the stay range.
    Q_INVOKABLE void showStay(double fromMs, double toMs);
    // A time parsed as jumpToText() reads it, or NaN.
    Q_INVOKABLE double parseTime(const QString &text) const;

    static constexpr int kStayRange = 0;
    static constexpr int kDefaultWindowHours = 8; // the stay range of a bed without any archived stay
    static constexpr qint64 kAlarmWindowMs = 30'000;
    static constexpr qint64 kMinViewSpanMs = 2 * 60'000;

signals:
    void bedKeyChanged();
    void availableChanged();
    void errorChanged();
    void loadingChanged();
    void progressChanged();
    void staysChanged();
    void rangeChanged();
    void viewChanged();
    void chartPointsChanged();
    void trendsChanged();
    void reviewedAlarmChanged();

private:
    friend class ReviewStripModel;
    struct Link;
    struct Channel
    {
        quint64 generation = 0;
        bool busy = false;
        std::function<void()> pending; // starts the latest waiting request
    };
    struct TrendResult;

    void submit(Channel &channel, std::function<void(quint64 generation)> start);
    void finished(Channel &channel);
    void setError(const QString &e);
    void setProgress(double p);
    void updateLoading();
    void applyTrends(quint64 generation, std::shared_ptr<TrendResult> r);
    void requestDetail();
    void loadStrip(ReviewStripModel *strip, Channel &channel, qint64 startMs, qint64 endMs, qint64 markerMs);
    void clampView(qint64 start, qint64 end);
    qint64 now() const;
    qint64 recentEnd() const; // newest data, or now while the bed is live

    std::shared_ptr<ArchiveQuery> m_query;
    std::shared_ptr<Link> m_link;
    std::function<qint64()> m_clock;
    QString m_bedKey;
    QString m_error;
    double m_progress = 0;
    int m_loadingState = 0;
    bool m_live = false;
    QString m_bedLabel, m_patientText;
    QVariantList m_stays;
    int m_rangeHours = kStayRange;
    qint64 m_stayFromMs = 0, m_stayToMs = 0; // showStay(); 0: the newest stay
    qint64 m_rangeStartMs = 0, m_rangeEndMs = 0, m_dataEndMs = 0;
    qint64 m_viewStartMs = 0, m_viewEndMs = 0;
    int m_chartPoints = 1000;
    ReviewTrends m_trends;
    QVariantList m_panels;
    ReviewAlarmModel *m_alarms;
    ReviewStripModel *m_disclosure;
    ReviewStripModel *m_alarmStrip;
    QString m_reviewedAlarmId;
    QTimer m_detailTimer;
    Channel m_trend, m_detail, m_disclosureChannel, m_alarmChannel;
};

} // namespace vigil::review
