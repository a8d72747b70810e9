#include "Station.h"

#include <QDateTime>

namespace vigil {

Station::Station(QString stationName, QString wardName, DisplaySettings display, std::unique_ptr<Ward> ward,
                 QObject *parent)
    : QObject(parent), m_stationName(std::move(stationName)), m_wardName(std::move(wardName)),
      m_display(display), m_ward(std::move(ward)), m_wardModel(new WardModel(m_ward.get(), this)),
      m_sourcesModel(new SourcesModel(this))
{
    m_drainTimer.setInterval(std::clamp(m_display.numericsRefreshMs, 100, 2000));
    connect(&m_drainTimer, &QTimer::timeout, this, &Station::drainNow);
}

Station::~Station() = default;

void Station::start()
{
    drainNow();
    m_drainTimer.start();
}

void Station::drainNow()
{
    const DrainResult result = m_ward->drain(QDateTime::currentMSecsSinceEpoch());
    m_wardModel->apply(result);
    if (!result.sources.empty())
        m_sourcesModel->update(result.sources);
    emit drained();
}

} // namespace vigil
