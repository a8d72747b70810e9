// Which Qt Quick rendering path the station window uses: the GPU (OpenGL through Qt's RHI) or, on a PC
// without a usable GPU, Qt Quick's software adaptation, on which the live waves repaint and present only
// the pixels that changed (ui/SoftwareSweep.h). A software OpenGL (Mesa llvmpipe, softpipe, swrast)
// counts as no GPU: it rasterises and presents the whole window every frame on the CPU.
//
// [display] render_path = "auto" (default) | "gpu" | "software". QT_QUICK_BACKEND, when set, wins.
#pragma once

#include <QByteArray>
#include <QString>

namespace vigil {

struct RenderPathDecision
{
    bool software = false;
    QString reason; // for the log: what was probed or configured
};

// True for the renderer strings of CPU OpenGL implementations.
bool isSoftwareOpenGlRenderer(const QByteArray &glRenderer);

// Chooses and applies the path (QQuickWindow::setGraphicsApi). Call after the QGuiApplication exists and
// before the first QQuickWindow. `configured` is the station file's render_path.
RenderPathDecision applyRenderPath(const QString &configured);

} // namespace vigil
