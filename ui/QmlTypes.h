// Registers the model layer's types with QML from the ui side (QML_FOREIGN), so models/ never includes a
// QML header. The Station instance is built by the composition root before the engine loads; QML gets it
// as the `Station` singleton (no context properties).
#pragma once

#include "Station.h"
#include "StaySearchModel.h"

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

struct AlarmBarStateForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::AlarmBarState)
    QML_NAMED_ELEMENT(AlarmBarState)
    QML_UNCREATABLE("AlarmBarState is provided by Station.alarmBar")
};

struct AudioStateForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::AudioState)
    QML_NAMED_ELEMENT(AudioState)
    QML_UNCREATABLE("AudioState is provided by Station.audio")
};

struct PrintStateForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::PrintState)
    QML_NAMED_ELEMENT(PrintState)
    QML_UNCREATABLE("PrintState is provided by Station.printing")
};

struct DicomStateForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::DicomState)
    QML_NAMED_ELEMENT(DicomState)
    QML_UNCREATABLE("DicomState is provided by Station.dicom")
};

struct UiSettingsForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::UiSettings)
    QML_NAMED_ELEMENT(UiSettings)
    QML_UNCREATABLE("UiSettings is provided by Station.ui")
};

struct ClusterStateForeign // issue 16
{
    Q_GADGET
    QML_FOREIGN(vigil::ClusterState)
    QML_NAMED_ELEMENT(ClusterState)
    QML_UNCREATABLE("ClusterState is provided by Station.cluster")
};

struct News2BoardForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::scores::News2Board)
    QML_NAMED_ELEMENT(News2Board)
    QML_UNCREATABLE("News2Board is provided by Station.news")
};

struct AccessForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::security::Access)
    QML_NAMED_ELEMENT(Access)
    QML_UNCREATABLE("Access is provided by Station.access")
};

struct UserAdminForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::security::UserAdmin)
    QML_NAMED_ELEMENT(UserAdmin)
    QML_UNCREATABLE("UserAdmin is provided by Station.access.users")
};

struct CensusForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::census::Census)
    QML_NAMED_ELEMENT(Census)
    QML_UNCREATABLE("Census is provided by Station.census")
};

// The stay search (issue 11): creatable, StaySearchModel { census: Station.census }; its rows feed a view.
struct StaySearchModelForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::census::StaySearchModel)
    QML_NAMED_ELEMENT(StaySearchModel)
};

// Station.display: a constant value type (read-only in practice: Station's property has no WRITE).
struct DisplaySettingsForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::DisplaySettings)
    QML_VALUE_TYPE(displaySettings)
};

// The alarm engine's own priority enum (models/domain/Alarm.h, Q_ENUM_NS in vigil::alarms) as `Priority`
// in QML: Priority.None, Priority.Low, Priority.Medium, Priority.High. QML compares and orders them as
// the engine does (a larger value is more urgent); no copy of the numbers lives on the QML side. (An
// extended namespace rather than QML_FOREIGN_NAMESPACE: Qt 6.4's type registrar emits
// QMetaType::fromType<> of a foreign namespace, which does not compile.)
namespace PriorityForeign {
Q_NAMESPACE
QML_NAMESPACE_EXTENDED(vigil::alarms)
QML_NAMED_ELEMENT(Priority)
} // namespace PriorityForeign

} // namespace vigil
