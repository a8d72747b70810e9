#include "RenderPath.h"

#include <QGuiApplication>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace vigil {

namespace {

// The GL_RENDERER of a throw-away context on the default surface format; empty when there is none.
QByteArray probeOpenGlRenderer()
{
    QOpenGLContext context;
    if (!context.create())
        return {};
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface))
        return {};
    const auto *s = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    QByteArray renderer = s ? QByteArray(s) : QByteArray();
    context.doneCurrent();
    return renderer;
}

} // namespace

bool isSoftwareOpenGlRenderer(const QByteArray &glRenderer)
{
    const QByteArray r = glRenderer.toLower();
    return r.isEmpty() || r.contains("llvmpipe") || r.contains("softpipe") || r.contains("swrast") ||
           r.contains("software rasterizer") || r.contains("lavapipe");
}

RenderPathDecision applyRenderPath(const QString &configured)
{
    RenderPathDecision d;
    if (qEnvironmentVariableIsSet("QT_QUICK_BACKEND")) {
        d.software = qgetenv("QT_QUICK_BACKEND") == "software";
        d.reason = QStringLiteral("QT_QUICK_BACKEND=%1").arg(qEnvironmentVariable("QT_QUICK_BACKEND"));
        return d;
    }
    if (configured == QLatin1String("gpu")) {
        d.reason = QStringLiteral("render_path = \"gpu\"");
        return d;
    }
    if (configured == QLatin1String("software")) {
        d.software = true;
        d.reason = QStringLiteral("render_path = \"software\"");
    } else {
        const QString platform = QGuiApplication::platformName();
        if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal")) {
            d.reason = QStringLiteral("platform %1: no screen").arg(platform);
            return d; // nothing is presented; keep Qt's default
        }
        const QByteArray renderer = probeOpenGlRenderer();
        d.software = isSoftwareOpenGlRenderer(renderer);
        d.reason = renderer.isEmpty()
                       ? QStringLiteral("no OpenGL")
                       : QStringLiteral("OpenGL renderer \"%1\"").arg(QString::fromUtf8(renderer));
    }
    if (d.software)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    return d;
}

} // namespace vigil
