#include "StationConfig.h"

#include "Sections.h"

#include <QFile>

#include <functional>

namespace vigil {

namespace {

// Every section the station file may have, with the reader that fills its part of StationConfig. A
// single section is written [name] (once); a repeated one [[name]] (each becomes one reader call).
struct SectionSpec
{
    const char *name;
    bool repeated;
    std::function<void(ConfigSection &, StationConfig &)> read;
};

const std::vector<SectionSpec> &sectionSpecs()
{
    static const std::vector<SectionSpec> specs{
        {"station", false,
         [](ConfigSection &s, StationConfig &c) { readStation(s, c.stationName, c.wardName); }},
        {"display", false,
         [](ConfigSection &s, StationConfig &c) {
             readDisplay(s, c.display, c.noDataTimeoutS, c.renderPath);
         }},
        {"bed", true, [](ConfigSection &s, StationConfig &c) { readBed(s, c.beds); }},
        {"source", true, [](ConfigSection &s, StationConfig &c) { readSource(s, c.sources); }},
        {"archive", false, [](ConfigSection &s, StationConfig &c) { readArchive(s, c.archive); }},
        {"alert_manager", false,
         [](ConfigSection &s, StationConfig &c) { readAlertManager(s, c.alertManager); }},
        {"dicom", false, [](ConfigSection &s, StationConfig &c) { readDicom(s, c.dicom); }},
        {"alarms", false, [](ConfigSection &s, StationConfig &c) { readAlarms(s, c.alarms); }},
        {"print", false, [](ConfigSection &s, StationConfig &c) { readPrint(s, c.print); }},
        {"shifts", false, [](ConfigSection &s, StationConfig &c) { readShifts(s, c.shifts); }},
        {"news2", false, [](ConfigSection &s, StationConfig &c) { readNews2(s, c.news2); }},
        {"ui", false, [](ConfigSection &s, StationConfig &c) { readUi(s, c.ui); }},
        {"ecg_analysis", false,
         [](ConfigSection &s, StationConfig &c) { readEcgAnalysis(s, c.ecgAnalysis); }},
        {"security", false, [](ConfigSection &s, StationConfig &c) { readSecurity(s, c.security); }},
        {"cluster", false, [](ConfigSection &s, StationConfig &c) { readCluster(s, c.cluster); }},
        {"adt", false, [](ConfigSection &s, StationConfig &c) { readAdt(s, c.adt); }},
        {"ehr", false, [](ConfigSection &s, StationConfig &c) { readEhr(s, c.ehr); }},
    };
    return specs;
}

const SectionSpec *specOf(const QString &name)
{
    for (const SectionSpec &spec : sectionSpecs())
        if (name == QLatin1String(spec.name))
            return &spec;
    return nullptr;
}

QString knownSections()
{
    QStringList names;
    for (const SectionSpec &spec : sectionSpecs())
        names << (spec.repeated ? QStringLiteral("[[%1]]") : QStringLiteral("[%1]"))
                     .arg(QLatin1String(spec.name));
    return names.join(QStringLiteral(", "));
}

// The top level holds sections, plus [station]'s keys when they come before any header. Anything else
// (an unknown section, [bed] for [[bed]]) is an error at its line.
bool checkTopLevel(const ConfigDocument &doc, ConfigErrorSink &sink)
{
    using Kind = ConfigDocument::Kind;
    for (const ConfigDocument::TopEntry &e : doc.entries()) {
        const SectionSpec *spec = specOf(e.key);
        if (e.kind == Kind::Value)
            continue; // a [station] key (readStation rejects unknown ones)
        if (!spec)
            return sink.fail(
                e.line, {},
                e.kind == Kind::TableArray
                    ? QStringLiteral("unknown table [[%1]] (known: %2)").arg(e.key, knownSections())
                    : QStringLiteral("unknown section [%1] (known: %2)").arg(e.key, knownSections()));
        if (spec->repeated && e.kind == Kind::Table)
            return sink.fail(e.line, {},
                             QStringLiteral("[%1] must be written [[%1]] (there can be several)").arg(e.key));
        if (!spec->repeated && e.kind == Kind::TableArray)
            return sink.fail(e.line, {},
                             QStringLiteral("[[%1]] must be written [%1] (there is one)").arg(e.key));
    }
    return true;
}

} // namespace

std::optional<StationConfig> parseStationConfig(const QByteArray &bytes, const QString &origin,
                                                ConfigError *error)
{
    ConfigErrorSink sink{origin, error};
    const auto doc = ConfigDocument::parse(bytes, sink);
    if (!doc || !checkTopLevel(*doc, sink))
        return std::nullopt;

    StationConfig cfg;
    cfg.origin = origin;
    // Keys before any header belong to [station]; a key both there and in [station] is set twice.
    ConfigSection loose = doc->values(QStringLiteral("station"));
    for (const ConfigSection::Entry &e : loose.entries()) {
        if (const SectionSpec *spec = specOf(e.key)) {
            sink.fail(e.line, e.key,
                      spec->repeated ? QStringLiteral("expected [[%1]] tables, got a value").arg(e.key)
                                     : QStringLiteral("expected a section [%1], got a value").arg(e.key));
            return std::nullopt;
        }
    }
    readStation(loose, cfg.stationName, cfg.wardName);

    for (const ConfigDocument::TopEntry &e : doc->entries()) {
        if (sink.failed)
            break;
        const SectionSpec *spec = specOf(e.key);
        if (!spec || e.kind == ConfigDocument::Kind::Value)
            continue;
        if (spec->repeated) {
            for (ConfigSection &s : doc->tableArray(e.key))
                spec->read(s, cfg);
            continue;
        }
        ConfigSection s = doc->table(e.key);
        if (e.key == QLatin1String("station")) {
            for (const ConfigSection::Entry &k : loose.entries())
                if (s.has(k.key))
                    s.failAt(s.lineOf(k.key), k.key,
                             QStringLiteral("set twice (first on line %1)").arg(k.line));
        }
        spec->read(s, cfg);
    }
    if (sink.failed)
        return std::nullopt;
    return cfg;
}

std::optional<StationConfig> loadStationConfig(const QString &path, ConfigError *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = ConfigError{
                path, 0, {}, QStringLiteral("cannot read the station file: %1").arg(f.errorString())};
        return std::nullopt;
    }
    // Read one byte past the limit (a pipe or device has no size): parseStationConfig refuses the rest.
    return parseStationConfig(f.read(ConfigDocument::kMaxBytes + 1), path, error);
}

StationConfig defaultStationConfig()
{
    QFile f(QStringLiteral(":/vigil/station.default.toml"));
    ConfigError error;
    if (f.open(QIODevice::ReadOnly)) {
        if (auto cfg = parseStationConfig(f.readAll(), QStringLiteral("(embedded default)"), &error))
            return *cfg;
    }
    // The embedded default is tested; reaching this means a broken build, not a user error.
    qFatal("embedded default station file is invalid: %s", qPrintable(error.toString()));
}

} // namespace vigil
