#include "TraceItem.h"

#include "SoftwareSweep.h"

#include <QQuickWindow>

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
    const bool software = isSoftwareRendered(window());
    const QRectF bounds = boundingRect();
    while (root->childCount() > count) {
        QSGNode *last = root->lastChild();
        root->removeChildNode(last);
        delete last;
    }
    while (root->childCount() < count) {
        if (software)
            root->appendChildNode(new PainterStripNode(window()));
        else
            root->appendChildNode(new FlatStripNode);
    }
    if (software) {
        for (QSGNode *n = root->firstChild(); n; n = n->nextSibling())
            static_cast<PainterStripNode *>(n)->setRect(bounds);
    }
    return root;
}

void TraceItem::fillStrip(QSGNode *node, const QColor &color, const QSGGeometry::Point2D *v, int n)
{
    if (node->type() == QSGNode::RenderNodeType) {
        auto *p = static_cast<PainterStripNode *>(node);
        p->setColor(color);
        p->setVertices(v, n);
        return;
    }
    auto *f = static_cast<FlatStripNode *>(node);
    f->setColor(color);
    f->setVertices(v, n);
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
