// The print preview's model (QML: ReportPreview): builds a report's pages as images off the GUI thread
// (QThreadPool) and serves them to Image items through the "vigilreport" image provider:
// image://vigilreport/<preview id>/<generation>/<page>. The pages come from a renderer the composition
// root installs on the engine (app/Gui.cpp: reports::renderImages on the station's archive), so ui/
// depends on no service. Without a renderer the preview says so instead of failing.
#pragma once

#include <QImage>
#include <QObject>
#include <QQmlEngine>
#include <QQmlParserStatus>

#include <atomic>
#include <functional>
#include <memory>

namespace vigil {

struct PreviewRequest
{
    QString kind; // "ward", "patient", "strip", "disclosure", "events"
    QString bedKey;
    qint64 fromMs = 0, toMs = 0, triggerMs = 0;
};

// Renders every page at `dpi`; reports progress 0..1; false with *error on failure.
using PreviewRenderer = std::function<bool(const PreviewRequest &, int dpi, QList<QImage> *pages,
                                           const std::function<void(double)> &progress,
                                           const std::atomic_bool *cancel, QString *error)>;

class ReportPreview : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ELEMENT
    Q_PROPERTY(QString kind MEMBER m_kind NOTIFY requestChanged)
    Q_PROPERTY(QString bedKey MEMBER m_bedKey NOTIFY requestChanged)
    Q_PROPERTY(double fromMs MEMBER m_fromMs NOTIFY requestChanged)
    Q_PROPERTY(double toMs MEMBER m_toMs NOTIFY requestChanged)
    Q_PROPERTY(double triggerMs MEMBER m_triggerMs NOTIFY requestChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(double pageAspect READ pageAspect NOTIFY stateChanged) // height / width of page 1
public:
    explicit ReportPreview(QObject *parent = nullptr);
    ~ReportPreview() override;

    // The engine's renderer (an engine child object); also installs the image provider.
    static void install(QQmlEngine *engine, PreviewRenderer renderer);

    void classBegin() override;
    void componentComplete() override {}

    bool busy() const { return m_busy; }
    double progress() const { return m_progress; }
    int pageCount() const { return m_pageCount; }
    QString error() const { return m_error; }
    double pageAspect() const { return m_aspect; }

    // Starts building (cancels a build under way); pages arrive with stateChanged.
    Q_INVOKABLE void build(int dpi = 96);
    Q_INVOKABLE void cancel();
    // The page's image URL (0-based), for Image.source.
    Q_INVOKABLE QString pageUrl(int page) const;

signals:
    void requestChanged();
    void stateChanged();
    void progressChanged();

private:
    void findRenderer();
    void finished(quint64 generation, bool ok, const QString &error, const QList<QImage> &pages);

    QString m_kind, m_bedKey;
    double m_fromMs = 0, m_toMs = 0, m_triggerMs = 0;
    bool m_busy = false;
    double m_progress = 0;
    int m_pageCount = 0;
    QString m_error;
    double m_aspect = 1.414;
    quint64 m_generation = 0;
    quint64 m_id;
    PreviewRenderer m_renderer;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace vigil
