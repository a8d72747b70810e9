// Finding things in a Qt Quick window's item tree, and reading its pixels, for the window tests.
#pragma once

#include <QImage>
#include <QList>
#include <QQuickItem>
#include <QRect>
#include <QString>

namespace vigil::test {

// Every item of type T under root (root included), depth first. Delegates are not QObject children of
// the items that show them, so this walks the visual tree (childItems), not findChildren.
template <typename T> QList<T *> itemsOf(QQuickItem *root)
{
    QList<T *> out;
    if (auto *t = qobject_cast<T *>(root))
        out << t;
    for (QQuickItem *child : root->childItems())
        out << itemsOf<T>(child);
    return out;
}

// The items with this objectName, visible ones only unless visibleOnly is false.
QList<QQuickItem *> named(QQuickItem *root, const QString &name, bool visibleOnly = true);

// The first item with this objectName, visible or not; null when there is none.
QQuickItem *itemNamed(QQuickItem *root, const QString &name);

// The first visible item with this objectName; null when none is visible.
QQuickItem *visibleItemNamed(QQuickItem *root, const QString &name);

// The item's bounds in scene (window) coordinates.
QRectF sceneRect(const QQuickItem *item);

// A trace pixel: saturated and bright (the waveform colours on the black background).
bool isTracePixel(QRgb p);

// How many pixels in r (clipped to the image) satisfy is.
int countPixels(const QImage &img, const QRect &r, bool (*is)(QRgb) = isTracePixel);

} // namespace vigil::test
