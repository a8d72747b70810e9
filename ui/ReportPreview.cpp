#include "ReportPreview.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QQuickImageProvider>
#include <QThreadPool>

namespace vigil {

namespace {

// The pages of every live preview, by preview id; the image provider reads them on its own thread.
struct PageStore
{
    QMutex mutex;
    QHash<quint64, QList<QImage>> pages;
};
PageStore &store()
{
    static PageStore s;
    return s;
}
std::atomic<quint64> g_nextId{1};

class PreviewImageProvider : public QQuickImageProvider
{
public:
    PreviewImageProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
    QImage requestImage(const QString &id, QSize *size, const QSize &requested) override
    {
        // "<preview>/<generation>/<page>": the generation only makes the URL change with each build.
        const QStringList parts = id.split(u'/');
        if (parts.size() != 3)
            return {};
        QImage img;
        {
            QMutexLocker lock(&store().mutex);
            const QList<QImage> pages = store().pages.value(parts[0].toULongLong());
            const int page = parts[2].toInt();
            if (page >= 0 && page < pages.size())
                img = pages[page];
        }
        if (size)
            *size = img.size();
        if (!img.isNull() && requested.isValid() && requested.width() > 0 && requested.height() > 0)
            img = img.scaled(requested, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        return img;
    }
};

class RendererHolder : public QObject
{
public:
    RendererHolder(PreviewRenderer r, QObject *parent) : QObject(parent), renderer(std::move(r))
    {
        setObjectName(QStringLiteral("vigil_preview_renderer"));
    }
    PreviewRenderer renderer;
};

} // namespace

ReportPreview::ReportPreview(QObject *parent) : QObject(parent), m_id(g_nextId++) {}

ReportPreview::~ReportPreview()
{
    if (m_cancel)
        m_cancel->store(true);
    QMutexLocker lock(&store().mutex);
    store().pages.remove(m_id);
}

void ReportPreview::install(QQmlEngine *engine, PreviewRenderer renderer)
{
    if (auto *old = engine->findChild<RendererHolder *>(QStringLiteral("vigil_preview_renderer"),
                                                        Qt::FindDirectChildrenOnly))
        delete old;
    new RendererHolder(std::move(renderer), engine);
    if (!engine->imageProvider(QStringLiteral("vigilreport")))
        engine->addImageProvider(QStringLiteral("vigilreport"), new PreviewImageProvider);
}

void ReportPreview::classBegin()
{
    findRenderer();
}

void ReportPreview::findRenderer()
{
    if (QQmlEngine *engine = qmlEngine(this))
        if (auto *h = engine->findChild<RendererHolder *>(QStringLiteral("vigil_preview_renderer"),
                                                          Qt::FindDirectChildrenOnly))
            m_renderer = h->renderer;
}

void ReportPreview::build(int dpi)
{
    cancel();
    if (!m_renderer)
        findRenderer(); // installed after this item was created
    const quint64 generation = ++m_generation;
    m_error.clear();
    m_progress = 0;
    if (!m_renderer) {
        m_busy = false;
        m_pageCount = 0;
        m_error = QStringLiteral("Reports need the archive; this station runs without one.");
        emit stateChanged();
        emit progressChanged();
        return;
    }
    m_busy = true;
    emit stateChanged();
    emit progressChanged();
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    const PreviewRequest req{m_kind, m_bedKey, qint64(m_fromMs), qint64(m_toMs), qint64(m_triggerMs)};
    QPointer<ReportPreview> self(this);
    PreviewRenderer renderer = m_renderer;
    QThreadPool::globalInstance()->start([self, renderer, req, dpi, generation, cancelFlag] {
        QList<QImage> pages;
        QString error;
        const auto progress = [self, generation](double f) {
            QMetaObject::invokeMethod(QCoreApplication::instance(), [self, generation, f] {
                if (self && self->m_generation == generation) {
                    self->m_progress = f;
                    emit self->progressChanged();
                }
            });
        };
        const bool ok = renderer(req, dpi, &pages, progress, cancelFlag.get(), &error);
        if (cancelFlag->load())
            return;
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, generation, ok, error, pages] {
            if (self)
                self->finished(generation, ok, error, pages);
        });
    });
}

void ReportPreview::finished(quint64 generation, bool ok, const QString &error, const QList<QImage> &pages)
{
    if (generation != m_generation)
        return; // a newer build replaced it
    {
        QMutexLocker lock(&store().mutex);
        store().pages.insert(m_id, pages);
    }
    m_busy = false;
    m_progress = 1;
    m_pageCount = ok ? int(pages.size()) : 0;
    m_error = ok ? QString() : error;
    if (!pages.isEmpty() && pages[0].width() > 0)
        m_aspect = double(pages[0].height()) / pages[0].width();
    emit progressChanged();
    emit stateChanged();
}

void ReportPreview::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    if (m_busy) {
        m_busy = false;
        emit stateChanged();
    }
}

QString ReportPreview::pageUrl(int page) const
{
    if (page < 0 || page >= m_pageCount)
        return {};
    return QStringLiteral("image://vigilreport/%1/%2/%3").arg(m_id).arg(m_generation).arg(page);
}

} // namespace vigil
