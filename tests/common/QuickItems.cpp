#include "QuickItems.h"

#include <algorithm>

namespace vigil::test {

QList<QQuickItem *> named(QQuickItem *root, const QString &name, bool visibleOnly)
{
    QList<QQuickItem *> out;
    for (QQuickItem *i : itemsOf<QQuickItem>(root)) {
        if (i->objectName() == name && (!visibleOnly || i->isVisible()))
            out << i;
    }
    return out;
}

QQuickItem *itemNamed(QQuickItem *root, const QString &name)
{
    const QList<QQuickItem *> all = named(root, name, false);
    return all.isEmpty() ? nullptr : all.first();
}

QQuickItem *visibleItemNamed(QQuickItem *root, const QString &name)
{
    const QList<QQuickItem *> all = named(root, name, true);
    return all.isEmpty() ? nullptr : all.first();
}

QRectF sceneRect(const QQuickItem *item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

bool isTracePixel(QRgb p)
{
    const int r = qRed(p), g = qGreen(p), b = qBlue(p);
    const int hi = std::max({r, g, b}), lo = std::min({r, g, b});
    return hi > 150 && hi - lo > 80;
}

int countPixels(const QImage &img, const QRect &r, bool (*is)(QRgb))
{
    int n = 0;
    for (int y = std::max(0, r.top()); y <= std::min(img.height() - 1, r.bottom()); ++y)
        for (int x = std::max(0, r.left()); x <= std::min(img.width() - 1, r.right()); ++x)
            n += is(img.pixel(x, y));
    return n;
}

} // namespace vigil::test
