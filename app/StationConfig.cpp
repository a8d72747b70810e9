#include "StationConfig.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QVariant>

#include <functional>

namespace vigil {

QString ConfigError::toString() const
{
    QString where = file;
    if (line > 0)
        where += QStringLiteral(":%1").arg(line);
    return key.isEmpty() ? QStringLiteral("%1: %2").arg(where, message)
                         : QStringLiteral("%1: %2: %3").arg(where, key, message);
}

namespace {

struct Value
{
    enum Kind { String, Number, Bool, Array } kind = String;
    QString text;
    double number = 0;
    bool boolean = false;
    QList<Value> items;
    QString describe() const
    {
        switch (kind) {
        case String:
            return QStringLiteral("\"%1\"").arg(text);
        case Number:
            return QString::number(number);
        case Bool:
            return boolean ? QStringLiteral("true") : QStringLiteral("false");
        case Array:
            return QStringLiteral("an array");
        }
        return {};
    }
};

class Parser
{
public:
    Parser(const QString &origin, ConfigError *error) : m_origin(origin), m_error(error) {}

    bool fail(int line, const QString &key, const QString &msg)
    {
        if (m_error)
            *m_error = ConfigError{m_origin, line, key, msg};
        return false;
    }

    // Parses one value starting at s[pos]; advances pos.
    bool parseValue(const QString &s, int &pos, Value &out, int line, const QString &key)
    {
        while (pos < s.size() && s[pos].isSpace())
            ++pos;
        if (pos >= s.size())
            return fail(line, key, QStringLiteral("missing value"));
        const QChar c = s[pos];
        if (c == u'"') {
            out.kind = Value::String;
            ++pos;
            QString text;
            while (pos < s.size() && s[pos] != u'"') {
                if (s[pos] == u'\\' && pos + 1 < s.size()) {
                    const QChar e = s[pos + 1];
                    if (e == u'n')
                        text += u'\n';
                    else if (e == u't')
                        text += u'\t';
                    else if (e == u'"' || e == u'\\')
                        text += e;
                    else
                        return fail(line, key, QStringLiteral("unknown escape \\%1 in string").arg(e));
                    pos += 2;
                    continue;
                }
                text += s[pos++];
            }
            if (pos >= s.size())
                return fail(line, key, QStringLiteral("unterminated string"));
            ++pos;
            out.text = text;
            return true;
        }
        if (c == u'[') {
            out.kind = Value::Array;
            ++pos;
            for (;;) {
                while (pos < s.size() && s[pos].isSpace())
                    ++pos;
                if (pos < s.size() && s[pos] == u']') {
                    ++pos;
                    return true;
                }
                Value item;
                if (!parseValue(s, pos, item, line, key))
                    return false;
                if (item.kind == Value::Array)
                    return fail(line, key, QStringLiteral("nested arrays are not supported"));
                out.items << item;
                while (pos < s.size() && s[pos].isSpace())
                    ++pos;
                if (pos < s.size() && s[pos] == u',') {
                    ++pos;
                    continue;
                }
                if (pos < s.size() && s[pos] == u']') {
                    ++pos;
                    return true;
                }
                return fail(line, key, QStringLiteral("expected ',' or ']' in array"));
            }
        }
        int end = pos;
        while (end < s.size() && !s[end].isSpace() && s[end] != u',' && s[end] != u']')
            ++end;
        const QString word = s.mid(pos, end - pos);
        pos = end;
        if (word == QLatin1String("true") || word == QLatin1String("false")) {
            out.kind = Value::Bool;
            out.boolean = word == QLatin1String("true");
            return true;
        }
        bool ok = false;
        const double d = word.toDouble(&ok);
        if (!ok)
            return fail(line, key,
                        QStringLiteral("cannot read value '%1' (strings need double quotes)").arg(word));
        out.kind = Value::Number;
        out.number = d;
        return true;
    }

    QString m_origin;
    ConfigError *m_error;
};

struct Entry
{
    Value value;
    int line;
};

using Table = QHash<QString, Entry>;

struct TableRef
{
    QString name; // "station", "display", "bed", "source"
    int line = 0; // line of its header
    Table keys;
};

} // namespace

std::optional<StationConfig> parseStationConfig(const QByteArray &bytes, const QString &origin,
                                                ConfigError *error)
{
    Parser p(origin, error);
    const QString text = QString::fromUtf8(bytes);
    const QStringList lines = text.split(u'\n');

    static const QSet<QString> singleTables{QStringLiteral("station"), QStringLiteral("display"),
                                            QStringLiteral("archive"), QStringLiteral("alert_manager")};
    static const QSet<QString> arrayTables{QStringLiteral("bed"), QStringLiteral("source")};

    std::vector<TableRef> tables;
    tables.push_back({QStringLiteral("station"), 0, {}}); // keys before any header belong to [station]
    QSet<QString> seenSingles;

    // Strips a comment that is not inside a string; returns the bracket depth change of the rest.
    auto stripComment = [](QString &line) {
        bool inString = false;
        int depth = 0;
        for (int k = 0; k < line.size(); ++k) {
            if (line[k] == u'"' && (k == 0 || line[k - 1] != u'\\'))
                inString = !inString;
            else if (!inString && line[k] == u'[')
                ++depth;
            else if (!inString && line[k] == u']')
                --depth;
            else if (line[k] == u'#' && !inString) {
                line.truncate(k);
                break;
            }
        }
        line = line.trimmed();
        return depth;
    };

    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        QString line = lines[i];
        int depth = stripComment(line);
        // An array value may continue over several lines until its brackets balance.
        if (depth > 0 && line.contains(u'=') && !line.startsWith(u'[')) {
            while (depth > 0 && i + 1 < lines.size()) {
                QString next = lines[++i];
                depth += stripComment(next);
                line += u' ' + next;
            }
        }
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1String("[["))) {
            if (!line.endsWith(QLatin1String("]]"))) {
                p.fail(lineNo, {}, QStringLiteral("malformed table header '%1'").arg(line));
                return std::nullopt;
            }
            const QString name = line.mid(2, line.size() - 4).trimmed();
            if (!arrayTables.contains(name)) {
                p.fail(lineNo, {},
                       QStringLiteral("unknown table [[%1]] (known: [[bed]], [[source]])").arg(name));
                return std::nullopt;
            }
            tables.push_back({name, lineNo, {}});
            continue;
        }
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                p.fail(lineNo, {}, QStringLiteral("malformed section header '%1'").arg(line));
                return std::nullopt;
            }
            const QString name = line.mid(1, line.size() - 2).trimmed();
            const bool alarmSection =
                name == QLatin1String("alarms") || name.startsWith(QLatin1String("alarms."));
            if (!singleTables.contains(name) && !alarmSection) {
                p.fail(lineNo, {},
                       arrayTables.contains(name)
                           ? QStringLiteral("[%1] must be written [[%1]] (there can be several)").arg(name)
                           : QStringLiteral("unknown section [%1] (known: [station], [display], [archive], "
                                            "[alarms...], [[bed]], [[source]])")
                                 .arg(name));
                return std::nullopt;
            }
            if (seenSingles.contains(name)) {
                p.fail(lineNo, {}, QStringLiteral("section [%1] appears twice").arg(name));
                return std::nullopt;
            }
            seenSingles.insert(name);
            tables.push_back({name, lineNo, {}});
            continue;
        }
        const int eq = line.indexOf(u'=');
        if (eq <= 0) {
            p.fail(lineNo, {}, QStringLiteral("expected 'key = value', got '%1'").arg(line));
            return std::nullopt;
        }
        const QString key = line.left(eq).trimmed();
        for (QChar c : key) {
            if (!(c.isLetterOrNumber() || c == u'_' || c == u'-')) {
                p.fail(lineNo, key, QStringLiteral("invalid key name"));
                return std::nullopt;
            }
        }
        Value value;
        int pos = eq + 1;
        if (!p.parseValue(line, pos, value, lineNo, key))
            return std::nullopt;
        if (!line.mid(pos).trimmed().isEmpty()) {
            p.fail(lineNo, key,
                   QStringLiteral("unexpected text after the value: '%1'").arg(line.mid(pos).trimmed()));
            return std::nullopt;
        }
        Table &t = tables.back().keys;
        if (t.contains(key)) {
            p.fail(lineNo, key, QStringLiteral("set twice (first on line %1)").arg(t[key].line));
            return std::nullopt;
        }
        t.insert(key, Entry{value, lineNo});
    }

    StationConfig cfg;
    cfg.origin = origin;
    bool ok = true;

    // Typed accessors that validate and report with the key's line.
    auto section = [](const TableRef &t) {
        return (t.name == QLatin1String("bed") || t.name == QLatin1String("source"))
                   ? QStringLiteral("[[%1]]").arg(t.name)
                   : QStringLiteral("[%1]").arg(t.name);
    };
    auto getString = [&](const TableRef &t, const QString &key, QString &out) {
        auto it = t.keys.constFind(key);
        if (it == t.keys.constEnd() || !ok)
            return;
        if (it->value.kind != Value::String) {
            ok = p.fail(it->line, section(t) + u' ' + key,
                        QStringLiteral("expected a \"string\", got %1").arg(it->value.describe()));
            return;
        }
        out = it->value.text;
    };
    auto getNumber = [&](const TableRef &t, const QString &key, double lo, double hi, auto &out,
                         bool integer) {
        auto it = t.keys.constFind(key);
        if (it == t.keys.constEnd() || !ok)
            return;
        const Value &v = it->value;
        if (v.kind != Value::Number || v.number < lo || v.number > hi ||
            (integer && v.number != std::floor(v.number))) {
            ok = p.fail(it->line, section(t) + u' ' + key,
                        QStringLiteral("expected %1 from %2 to %3, got %4")
                            .arg(integer ? QStringLiteral("a whole number") : QStringLiteral("a number"))
                            .arg(lo)
                            .arg(hi)
                            .arg(v.describe()));
            return;
        }
        out = static_cast<std::remove_reference_t<decltype(out)>>(v.number);
    };
    auto getBool = [&](const TableRef &t, const QString &key, bool &out) {
        auto it = t.keys.constFind(key);
        if (it == t.keys.constEnd() || !ok)
            return;
        if (it->value.kind != Value::Bool) {
            ok = p.fail(it->line, section(t) + u' ' + key,
                        QStringLiteral("expected true or false, got %1").arg(it->value.describe()));
            return;
        }
        out = it->value.boolean;
    };
    auto checkKnown = [&](const TableRef &t, const QStringList &known) {
        for (auto it = t.keys.constBegin(); it != t.keys.constEnd() && ok; ++it) {
            if (!known.contains(it.key()))
                ok = p.fail(it->line, section(t) + u' ' + it.key(),
                            QStringLiteral("unknown key (known: %1)").arg(known.join(QStringLiteral(", "))));
        }
    };
    auto require = [&](const TableRef &t, const QString &key) {
        if (ok && !t.keys.contains(key))
            ok = p.fail(t.line, section(t) + u' ' + key, QStringLiteral("required key is missing"));
    };

    QSet<QString> bedKeys, sourceIds;
    for (const TableRef &t : tables) {
        if (!ok)
            break;
        if (t.name == QLatin1String("alarms") || t.name.startsWith(QLatin1String("alarms."))) {
            // The alarm engine validates its own keys (docs/ALARMS.md); errors keep the line and key.
            for (auto it = t.keys.constBegin(); it != t.keys.constEnd() && ok; ++it) {
                const Value &v = it->value;
                QVariant qv;
                switch (v.kind) {
                case Value::String:
                    qv = v.text;
                    break;
                case Value::Number:
                    qv = v.number;
                    break;
                case Value::Bool:
                    qv = v.boolean;
                    break;
                case Value::Array: {
                    QVariantList list;
                    for (const Value &item : v.items)
                        list << (item.kind == Value::String ? QVariant(item.text)
                                 : item.kind == Value::Bool ? QVariant(item.boolean)
                                                            : QVariant(item.number));
                    qv = list;
                    break;
                }
                }
                const QString why = alarms::applyAlarmConfigKey(cfg.alarms, t.name, it.key(), qv);
                if (!why.isEmpty())
                    ok = p.fail(it->line, QStringLiteral("[%1] %2").arg(t.name, it.key()), why);
            }
            continue;
        }
        if (t.name == QLatin1String("alert_manager")) {
            checkKnown(t, {QStringLiteral("url"), QStringLiteral("tls_ca"), QStringLiteral("tls_cert"),
                           QStringLiteral("tls_key"), QStringLiteral("peer_name"),
                           QStringLiteral("reply_timeout_s")});
            auto &am = cfg.alertManager;
            getString(t, QStringLiteral("url"), am.url);
            getString(t, QStringLiteral("tls_ca"), am.tlsCa);
            getString(t, QStringLiteral("tls_cert"), am.tlsCert);
            getString(t, QStringLiteral("tls_key"), am.tlsKey);
            getString(t, QStringLiteral("peer_name"), am.peerName);
            getNumber(t, QStringLiteral("reply_timeout_s"), 1, 600, am.replyTimeoutS, false);
            if (ok && !am.url.isEmpty() && !am.url.startsWith(QLatin1String("mllps://")) &&
                !am.url.startsWith(QLatin1String("mllp://")))
                ok = p.fail(t.keys[QStringLiteral("url")].line, QStringLiteral("[alert_manager] url"),
                            QStringLiteral("expected mllps://HOST:PORT or mllp://HOST:PORT"));
            continue;
        }
        if (t.name == QLatin1String("archive")) {
            checkKnown(t, {QStringLiteral("enabled"), QStringLiteral("path"),
                           QStringLiteral("waveform_hours"), QStringLiteral("numeric_days")});
            getBool(t, QStringLiteral("enabled"), cfg.archive.enabled);
            getString(t, QStringLiteral("path"), cfg.archive.path);
            getNumber(t, QStringLiteral("waveform_hours"), 1, 100000, cfg.archive.waveformHours, false);
            getNumber(t, QStringLiteral("numeric_days"), 1, 3650, cfg.archive.numericDays, false);
            continue;
        }
        if (t.name == QLatin1String("station")) {
            checkKnown(t, {QStringLiteral("name"), QStringLiteral("ward")});
            getString(t, QStringLiteral("name"), cfg.stationName);
            getString(t, QStringLiteral("ward"), cfg.wardName);
        } else if (t.name == QLatin1String("display")) {
            checkKnown(t, {QStringLiteral("ecg_sweep_mm_per_s"), QStringLiteral("resp_sweep_mm_per_s"),
                           QStringLiteral("pixels_per_mm"), QStringLiteral("max_fps"),
                           QStringLiteral("columns"), QStringLiteral("numerics_refresh_ms"),
                           QStringLiteral("display_delay_s"), QStringLiteral("no_data_timeout_s")});
            auto &d = cfg.display;
            getNumber(t, QStringLiteral("ecg_sweep_mm_per_s"), 5, 100, d.ecgSweepMmPerS, false);
            getNumber(t, QStringLiteral("resp_sweep_mm_per_s"), 1, 50, d.respSweepMmPerS, false);
            getNumber(t, QStringLiteral("pixels_per_mm"), 0, 30, d.pixelsPerMm, false);
            getNumber(t, QStringLiteral("max_fps"), 5, 240, d.maxFps, true);
            getNumber(t, QStringLiteral("columns"), 0, 8, d.columns, true);
            getNumber(t, QStringLiteral("numerics_refresh_ms"), 100, 2000, d.numericsRefreshMs, true);
            getNumber(t, QStringLiteral("display_delay_s"), 0, 3, d.displayDelayS, false);
            getNumber(t, QStringLiteral("no_data_timeout_s"), 2, 600, cfg.noDataTimeoutS, false);
        } else if (t.name == QLatin1String("bed")) {
            checkKnown(t, {QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("profile")});
            require(t, QStringLiteral("key"));
            BedConfig b;
            getString(t, QStringLiteral("key"), b.key);
            getString(t, QStringLiteral("label"), b.label);
            getString(t, QStringLiteral("profile"), b.profile);
            if (ok && !QStringList{QStringLiteral("adult"), QStringLiteral("paediatric"),
                                   QStringLiteral("neonatal")}
                           .contains(b.profile))
                ok = p.fail(t.keys[QStringLiteral("profile")].line, QStringLiteral("[[bed]] profile"),
                            QStringLiteral("expected \"adult\", \"paediatric\" or \"neonatal\", got \"%1\"")
                                .arg(b.profile));
            if (ok && bedKeys.contains(b.key))
                ok = p.fail(t.keys[QStringLiteral("key")].line, QStringLiteral("[[bed]] key"),
                            QStringLiteral("bed \"%1\" is listed twice").arg(b.key));
            bedKeys.insert(b.key);
            if (ok)
                cfg.beds.push_back(b);
        } else if (t.name == QLatin1String("source")) {
            checkKnown(t, {QStringLiteral("id"),
                           QStringLiteral("type"),
                           QStringLiteral("name"),
                           QStringLiteral("beds"),
                           QStringLiteral("seed"),
                           QStringLiteral("nibp_cycle_s"),
                           QStringLiteral("scenarios"),
                           QStringLiteral("record"),
                           QStringLiteral("bed"),
                           QStringLiteral("bed_label"),
                           QStringLiteral("speed"),
                           QStringLiteral("loop"),
                           QStringLiteral("url"),
                           QStringLiteral("listen"),
                           QStringLiteral("tls_ca"),
                           QStringLiteral("tls_cert"),
                           QStringLiteral("tls_key"),
                           QStringLiteral("peer_name"),
                           QStringLiteral("max_frame_bytes"),
                           QStringLiteral("reconnect_max_s"),
                           QStringLiteral("data_timeout_s")});
            require(t, QStringLiteral("id"));
            require(t, QStringLiteral("type"));
            SourceConfig s;
            getString(t, QStringLiteral("id"), s.id);
            getString(t, QStringLiteral("type"), s.type);
            getString(t, QStringLiteral("name"), s.name);
            getNumber(t, QStringLiteral("beds"), 1, 64, s.beds, true);
            getNumber(t, QStringLiteral("seed"), 0, 1e15, s.seed, true);
            getNumber(t, QStringLiteral("nibp_cycle_s"), 30, 86400, s.nibpCycleS, false);
            getString(t, QStringLiteral("record"), s.record);
            getString(t, QStringLiteral("bed"), s.bed);
            getString(t, QStringLiteral("bed_label"), s.bedLabel);
            getNumber(t, QStringLiteral("speed"), 0.01, 1000, s.speed, false);
            getBool(t, QStringLiteral("loop"), s.loop);
            getString(t, QStringLiteral("url"), s.url);
            getString(t, QStringLiteral("listen"), s.listen);
            getString(t, QStringLiteral("tls_ca"), s.tlsCa);
            getString(t, QStringLiteral("tls_cert"), s.tlsCert);
            getString(t, QStringLiteral("tls_key"), s.tlsKey);
            getString(t, QStringLiteral("peer_name"), s.peerName);
            getNumber(t, QStringLiteral("max_frame_bytes"), 1024, 256 << 20, s.maxFrameBytes, true);
            getNumber(t, QStringLiteral("reconnect_max_s"), 1, 3600, s.reconnectMaxS, false);
            getNumber(t, QStringLiteral("data_timeout_s"), 2, 3600, s.dataTimeoutS, false);
            if (ok && t.keys.contains(QStringLiteral("scenarios"))) {
                const Entry &e = t.keys[QStringLiteral("scenarios")];
                if (e.value.kind != Value::Array)
                    ok = p.fail(e.line, QStringLiteral("[[source]] scenarios"),
                                QStringLiteral("expected an array of \"BED:step\" strings"));
                for (const Value &v : e.value.items) {
                    if (!ok)
                        break;
                    if (v.kind != Value::String)
                        ok = p.fail(e.line, QStringLiteral("[[source]] scenarios"),
                                    QStringLiteral("expected strings, got %1").arg(v.describe()));
                    else
                        s.scenarios << v.text;
                }
            }
            const QStringList types{QStringLiteral("simulator"), QStringLiteral("wfdb"),
                                    QStringLiteral("mllp")};
            if (ok && !types.contains(s.type))
                ok = p.fail(
                    t.keys[QStringLiteral("type")].line, QStringLiteral("[[source]] type"),
                    QStringLiteral("unknown source type \"%1\" (known: %2)").arg(s.type, types.join(u", ")));
            if (ok && s.type == QLatin1String("wfdb")) {
                require(t, QStringLiteral("record"));
                require(t, QStringLiteral("bed"));
            }
            if (ok && s.type == QLatin1String("mllp")) {
                if (s.url.isEmpty() == s.listen.isEmpty())
                    ok = p.fail(
                        t.line, QStringLiteral("[[source]] url/listen"),
                        QStringLiteral("an mllp source needs exactly one of url (dial out) or listen"));
                const QString endpoint = s.url.isEmpty() ? s.listen : s.url;
                const QString key = s.url.isEmpty() ? QStringLiteral("listen") : QStringLiteral("url");
                if (ok && !endpoint.startsWith(QLatin1String("mllps://")) &&
                    !endpoint.startsWith(QLatin1String("mllp://")))
                    ok = p.fail(
                        t.keys[key].line, QStringLiteral("[[source]] ") + key,
                        QStringLiteral(
                            "expected mllps://HOST:PORT (TLS) or mllp://HOST:PORT (plaintext), got \"%1\"")
                            .arg(endpoint));
                if (ok && endpoint.startsWith(QLatin1String("mllps://"))) {
                    for (const char *k : {"tls_ca", "tls_cert", "tls_key"})
                        require(t, QLatin1String(k));
                }
            }
            if (ok && sourceIds.contains(s.id))
                ok = p.fail(t.keys[QStringLiteral("id")].line, QStringLiteral("[[source]] id"),
                            QStringLiteral("source id \"%1\" is used twice").arg(s.id));
            sourceIds.insert(s.id);
            if (s.name.isEmpty())
                s.name = s.id;
            if (ok)
                cfg.sources.push_back(s);
        }
    }
    if (!ok)
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
    return parseStationConfig(f.readAll(), path, error);
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
