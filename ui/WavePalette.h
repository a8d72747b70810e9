// QML singleton giving traces and numerics one shared palette and the lanes their labels.
#pragma once

#include "WaveformView.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace vigil {

class WavePalette : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;
    Q_INVOKABLE QColor colorFor(const QString &key) const { return WaveformView::colorFor(key); }
    Q_INVOKABLE QString labelFor(const QString &key) const { return WaveformView::labelFor(key); }
};

} // namespace vigil
