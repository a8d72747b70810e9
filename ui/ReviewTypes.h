// Registers the archive review's model types (models/review) with QML from the ui side, as QmlTypes.h
// does for the station's. ReviewModel is creatable: each BedReview page owns one. It takes its archive
// from ReviewModel::setDefaultQuery(), which the composition root calls before the engine loads.
#pragma once

#include "ReviewModel.h"

#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace vigil {

struct ReviewModelForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::review::ReviewModel)
    QML_NAMED_ELEMENT(ReviewModel)
};

struct ReviewAlarmModelForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::review::ReviewAlarmModel)
    QML_NAMED_ELEMENT(ReviewAlarmModel)
    QML_UNCREATABLE("ReviewAlarmModel is provided by ReviewModel.alarms")
};

struct ReviewStripModelForeign
{
    Q_GADGET
    QML_FOREIGN(vigil::review::ReviewStripModel)
    QML_NAMED_ELEMENT(ReviewStripModel)
    QML_UNCREATABLE("ReviewStripModel is provided by ReviewModel.disclosure and ReviewModel.alarmStrip")
};

} // namespace vigil
