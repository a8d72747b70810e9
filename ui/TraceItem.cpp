#include "TraceItem.h"

namespace vigil {

TraceItem::TraceItem(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

void TraceItem::setLineWidth(qreal w)
{
    if (qFuzzyCompare(w, m_lineWidth))
        return;
    m_lineWidth = w;
    emit lineWidthChanged();
    styleChanged();
}

QSGNode *TraceItem::syncStripNodes(QSGNode *oldNode, int count)
{
    QSGNode *root = oldNode ? oldNode : new QSGNode;
    while (root->childCount() > count) {
        QSGNode *last = root->lastChild();
        root->removeChildNode(last);
        delete last;
    }
    while (root->childCount() < count)
        root->appendChildNode(new FlatStripNode);
    return root;
}

QSGGeometry::Point2D *TraceItem::stripVertices(int width)
{
    const auto wanted = static_cast<std::size_t>(4 * width + 8);
    if (m_vertices.size() < wanted)
        m_vertices.resize(wanted);
    return m_vertices.data();
}

double TraceItem::pixelsPerMmOr(double configured) const
{
    return configured > 0 ? configured : screenPixelsPerMm(window());
}

} // namespace vigil
