// Registers the model layer's types with QML from the ui side (QML_FOREIGN), so models/ never includes a
// QML header. The Station instance is built by the composition root before the engine loads; QML gets it
// as the `Station` singleton (no context properties).
#pragma once

#include "Station.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace vigil {

struct StationForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::Station)
    QML_NAMED_ELEMENT(Station)
    QML_SINGLETON
public:
    static Station *create(QQmlEngine *, QJSEngine *engine)
    {
        Q_ASSERT(instance);
        Q_ASSERT(engine->thread() == instance->thread());
        // The station outlives any engine (tests create several engines over one station).
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
        return instance;
    }
    static inline Station *instance = nullptr;
};

struct WardModelForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::WardModel)
    QML_NAMED_ELEMENT(WardModel)
    QML_UNCREATABLE("WardModel is provided by Station.beds")
};

struct SourcesModelForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::SourcesModel)
    QML_NAMED_ELEMENT(SourcesModel)
    QML_UNCREATABLE("SourcesModel is provided by Station.sources")
};

struct AlarmListModelForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::alarms::AlarmListModel)
    QML_NAMED_ELEMENT(AlarmListModel)
    QML_UNCREATABLE("AlarmListModel is provided by Station.alarms")
};

} // namespace vigil
