// [station], [display] and [[bed]]: what the station is called and how it shows its ward.
#include "Sections.h"

namespace vigil {

void readStation(ConfigSection &s, QString &stationName, QString &wardName)
{
    s.allowOnly({QStringLiteral("name"), QStringLiteral("ward")});
    s.read(QStringLiteral("name"), stationName);
    s.read(QStringLiteral("ward"), wardName);
}

void readDisplay(ConfigSection &s, DisplaySettings &d, double &noDataTimeoutS, QString &renderPath)
{
    s.allowOnly({QStringLiteral("ecg_sweep_mm_per_s"), QStringLiteral("resp_sweep_mm_per_s"),
                 QStringLiteral("pixels_per_mm"), QStringLiteral("max_fps"), QStringLiteral("columns"),
                 QStringLiteral("numerics_refresh_ms"), QStringLiteral("display_delay_s"),
                 QStringLiteral("no_data_timeout_s"), QStringLiteral("render_path")});
    s.read(QStringLiteral("ecg_sweep_mm_per_s"), d.ecgSweepMmPerS, 5, 100);
    s.read(QStringLiteral("resp_sweep_mm_per_s"), d.respSweepMmPerS, 1, 50);
    s.read(QStringLiteral("pixels_per_mm"), d.pixelsPerMm, 0, 30);
    s.read(QStringLiteral("max_fps"), d.maxFps, 5, 240);
    s.read(QStringLiteral("columns"), d.columns, 0, 8);
    s.read(QStringLiteral("numerics_refresh_ms"), d.numericsRefreshMs, 100, 2000);
    s.read(QStringLiteral("display_delay_s"), d.displayDelayS, 0, 3);
    s.read(QStringLiteral("no_data_timeout_s"), noDataTimeoutS, 2, 600);
    s.read(QStringLiteral("render_path"), renderPath);
    if (s.ok() &&
        !QStringList{QStringLiteral("auto"), QStringLiteral("gpu"), QStringLiteral("software")}.contains(
            renderPath))
        s.fail(QStringLiteral("render_path"),
               QStringLiteral("expected \"auto\", \"gpu\" or \"software\", got \"%1\"").arg(renderPath));
}

void readBed(ConfigSection &s, std::vector<BedConfig> &beds)
{
    s.allowOnly({QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("profile")});
    s.require(QStringLiteral("key"));
    BedConfig b;
    s.read(QStringLiteral("key"), b.key);
    s.read(QStringLiteral("label"), b.label);
    s.read(QStringLiteral("profile"), b.profile);
    if (!s.ok())
        return;
    if (!QStringList{QStringLiteral("adult"), QStringLiteral("paediatric"), QStringLiteral("neonatal")}
             .contains(b.profile)) {
        s.fail(
            QStringLiteral("profile"),
            QStringLiteral("expected \"adult\", \"paediatric\" or \"neonatal\", got \"%1\"").arg(b.profile));
        return;
    }
    if (beds.size() >= static_cast<std::size_t>(Ward::kMaxBeds)) {
        s.fail({}, QStringLiteral("more than %1 beds (the most a ward has)").arg(Ward::kMaxBeds));
        return;
    }
    for (const BedConfig &other : beds) {
        if (other.key == b.key) {
            s.fail(QStringLiteral("key"), QStringLiteral("bed \"%1\" is listed twice").arg(b.key));
            return;
        }
    }
    beds.push_back(b);
}

} // namespace vigil
