// Registers the archive review's model types (models/review) with QML from the ui side, as QmlTypes.h
// does for the station's. ReviewModel is creatable: each BedReview page owns one. It takes its archive
// from the engine that creates it (review::ReviewArchive, which the composition root installs on the
// engine before loading QML): two engines can review two archives, and no process-wide default exists.
#pragma once

#include "ReviewModel.h"

#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace vigil {

// The base is named in full: Qt 6.4's qmltyperegistrar does not resolve an unqualified base class inside a
// namespace, and the qmltypes then have no prototype (qmllint knows none of the inherited properties).
class QmlReviewModel : public vigil::review::ReviewModel, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(ReviewModel)
public:
    explicit QmlReviewModel(QObject *parent = nullptr) : review::ReviewModel(parent) {}
    // Before the QML bindings run: the archive of the creating engine.
    void classBegin() override { setQuery(review::ReviewArchive::of(qmlEngine(this))); }
    void componentComplete() override {}
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
