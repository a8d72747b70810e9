// Composition root: builds the ward and station from a StationConfig, creates the configured sources,
// runs each on its own worker thread, and tears them down in the right order (sources before the ward
// they feed).
#pragma once

#include "DurableStore.h"
#include "GatewaySource.h"
#include "Station.h"
#include "StationConfig.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <vector>

namespace vigil {

class StationApp : public QObject
{
    Q_OBJECT
public:
    explicit StationApp(StationConfig config, QObject *parent = nullptr);
    ~StationApp() override;

    // Creates the model layer and the sources (not yet running). On a bad source (unreadable WFDB
    // record, bad scenario) returns false with a message naming it.
    bool build(QString *error);
    void start();
    void stop();

    Station *station() const { return m_station.get(); }
    const StationConfig &config() const { return m_config; }
    std::vector<GatewaySource *> sources() const;
    // Where gateway sessions hand messages for safekeeping before they ACK (the archive); null = the
    // in-memory model only. Set before build().
    void setDurableStore(DurableStore *store) { m_durableStore = store; }

private:
    bool addSource(const SourceConfig &cfg, QString *error);

    struct Running
    {
        std::unique_ptr<QThread> thread;
        GatewaySource *source = nullptr; // deleted on its thread's finish
    };
    StationConfig m_config;
    std::unique_ptr<Station> m_station;
    std::vector<Running> m_sources;
    bool m_started = false;
    DurableStore *m_durableStore = nullptr;
};

} // namespace vigil
