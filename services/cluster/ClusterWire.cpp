// Subject names and payloads (see ClusterWire.h).
#include "ClusterWire.h"

#include "WaveCodec.h"

#include <QDataStream>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace vigil::cluster {

namespace {
constexpr quint32 kDataMagic = 0x56434431; // "VCD1"
constexpr std::int32_t kNanSample = std::numeric_limits<std::int32_t>::min() + 1;
constexpr double kDefaultGain = 1000.0;
} // namespace

QString token(const QString &name)
{
    QString t = name;
    for (QChar &c : t)
        if (c == u'.' || c == u'*' || c == u'>' || c.isSpace())
            c = u'_';
    return t.isEmpty() ? QStringLiteral("_") : t;
}

QString subject(const QString &hospital, const QString &unit, const QString &bedKey, const char *what)
{
    return QStringLiteral("hospital.%1.%2.%3.%4")
        .arg(token(hospital), token(unit), token(bedKey), QLatin1String(what));
}

QByteArray encodeData(const QString &station, const QString &unit, const BedUpdate &u)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kDataMagic << station << unit << u.bedKey << u.bedLabel;
    s << bool(u.patient);
    if (u.patient)
        s << u.patient->id << u.patient->name << static_cast<qint32>(u.patient->profile)
          << u.patient->birthDate;
    s << static_cast<quint32>(u.numerics.size());
    for (const NumericSample &n : u.numerics) {
        s << static_cast<qint32>(n.id) << n.value << n.timeMs << bool(n.limitLow) << n.limitLow.value_or(0)
          << bool(n.limitHigh) << n.limitHigh.value_or(0);
    }
    s << static_cast<quint32>(u.conditions.size());
    for (const DeviceCondition &c : u.conditions)
        s << c.code << c.text << c.active;
    s << static_cast<quint32>(u.waves.size());
    std::vector<std::int32_t> ints;
    for (const WaveBlock &w : u.waves) {
        const double gain = w.gain > 0 ? w.gain : kDefaultGain;
        ints.resize(w.samples.size());
        for (std::size_t i = 0; i < w.samples.size(); ++i) {
            const float v = w.samples[i];
            ints[i] = std::isnan(v) ? kNanSample
                                    : static_cast<std::int32_t>(std::lround(double(v) * gain + w.baseline));
        }
        const std::vector<std::uint8_t> chunk = codec::encode(ints);
        s << static_cast<qint32>(w.id) << w.sampleRate << w.startTimeUs << gain
          << static_cast<qint32>(w.baseline)
          << QByteArray(reinterpret_cast<const char *>(chunk.data()), static_cast<qsizetype>(chunk.size()));
    }
    return out;
}

std::optional<DataBatch> decodeData(const QByteArray &bytes)
{
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    s >> magic;
    if (magic != kDataMagic)
        return std::nullopt;
    DataBatch b;
    BedUpdate &u = b.update;
    s >> b.station >> b.unit >> u.bedKey >> u.bedLabel;
    bool hasPatient = false;
    s >> hasPatient;
    if (hasPatient) {
        PatientInfo p;
        qint32 profile = 0;
        s >> p.id >> p.name >> profile >> p.birthDate;
        if (profile < 0 || profile > static_cast<qint32>(PatientProfile::Neonatal))
            return std::nullopt;
        p.profile = static_cast<PatientProfile>(profile);
        u.patient = p;
    }
    quint32 n = 0;
    s >> n;
    if (n > 10'000)
        return std::nullopt;
    for (quint32 i = 0; i < n; ++i) {
        qint32 id = 0;
        NumericSample x{};
        bool hasLow = false, hasHigh = false;
        double low = 0, high = 0;
        s >> id >> x.value >> x.timeMs >> hasLow >> low >> hasHigh >> high;
        if (id < 0 || id >= static_cast<qint32>(kNumericCount))
            return std::nullopt;
        x.id = static_cast<NumericId>(id);
        if (hasLow)
            x.limitLow = low;
        if (hasHigh)
            x.limitHigh = high;
        u.numerics.push_back(x);
    }
    s >> n;
    if (n > 1'000)
        return std::nullopt;
    for (quint32 i = 0; i < n; ++i) {
        DeviceCondition c;
        s >> c.code >> c.text >> c.active;
        u.conditions.push_back(c);
    }
    s >> n;
    if (n > 1'000)
        return std::nullopt;
    std::vector<std::int32_t> ints;
    for (quint32 i = 0; i < n; ++i) {
        WaveBlock w;
        qint32 id = 0, baseline = 0;
        QByteArray chunk;
        s >> id >> w.sampleRate >> w.startTimeUs >> w.gain >> baseline >> chunk;
        if (s.status() != QDataStream::Ok || id < 0 || id >= static_cast<qint32>(kWaveCount) || w.gain <= 0)
            return std::nullopt;
        w.id = static_cast<WaveId>(id);
        w.baseline = baseline;
        const auto *p = reinterpret_cast<const std::uint8_t *>(chunk.constData());
        if (!codec::decode({p, static_cast<std::size_t>(chunk.size())}, ints))
            return std::nullopt;
        w.samples.resize(ints.size());
        for (std::size_t k = 0; k < ints.size(); ++k)
            w.samples[k] = ints[k] == kNanSample ? std::numeric_limits<float>::quiet_NaN()
                                                 : static_cast<float>((ints[k] - baseline) / w.gain);
        u.waves.push_back(std::move(w));
    }
    if (s.status() != QDataStream::Ok)
        return std::nullopt;
    return b;
}

QByteArray encodeAlarm(const AlarmEvent &e)
{
    QJsonObject o{{QStringLiteral("station"), e.station},
                  {QStringLiteral("group"), e.group},
                  {QStringLiteral("unit"), e.unit},
                  {QStringLiteral("epoch"), static_cast<double>(e.epoch)},
                  {QStringLiteral("seq"), static_cast<double>(e.seq)},
                  {QStringLiteral("step"), e.step},
                  {QStringLiteral("id"), e.id},
                  {QStringLiteral("gw"), e.gatewayId},
                  {QStringLiteral("bed"), e.bedKey},
                  {QStringLiteral("label"), e.bedLabel},
                  {QStringLiteral("code"), e.code},
                  {QStringLiteral("text"), e.text},
                  {QStringLiteral("parameter"), e.parameter},
                  {QStringLiteral("direction"), e.direction},
                  {QStringLiteral("priority"), e.priority},
                  {QStringLiteral("kind"), e.kind},
                  {QStringLiteral("active"), e.active},
                  {QStringLiteral("acknowledged"), e.acknowledged},
                  {QStringLiteral("acknowledged_by"), e.acknowledgedBy},
                  {QStringLiteral("escalated"), e.escalated},
                  {QStringLiteral("onset"), static_cast<double>(e.onsetMs)},
                  {QStringLiteral("time"), static_cast<double>(e.timeMs)},
                  {QStringLiteral("published"), static_cast<double>(e.publishedMs)}};
    if (e.hasValue)
        o[QStringLiteral("value")] = e.value;
    if (e.hasLimit)
        o[QStringLiteral("limit")] = e.limit;
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<AlarmEvent> decodeAlarm(const QByteArray &bytes)
{
    QJsonParseError err{};
    const QJsonDocument d = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError || !d.isObject())
        return std::nullopt;
    const QJsonObject o = d.object();
    AlarmEvent e;
    e.station = o.value(QStringLiteral("station")).toString();
    e.group = o.value(QStringLiteral("group")).toString();
    e.unit = o.value(QStringLiteral("unit")).toString();
    e.epoch = static_cast<qint64>(o.value(QStringLiteral("epoch")).toDouble());
    e.seq = static_cast<quint64>(o.value(QStringLiteral("seq")).toDouble());
    e.step = o.value(QStringLiteral("step")).toString();
    e.id = o.value(QStringLiteral("id")).toString();
    e.gatewayId = o.value(QStringLiteral("gw")).toString();
    e.bedKey = o.value(QStringLiteral("bed")).toString();
    e.bedLabel = o.value(QStringLiteral("label")).toString();
    e.code = o.value(QStringLiteral("code")).toString();
    e.text = o.value(QStringLiteral("text")).toString();
    e.parameter = o.value(QStringLiteral("parameter")).toString();
    e.direction = o.value(QStringLiteral("direction")).toString();
    e.priority = o.value(QStringLiteral("priority")).toString();
    e.kind = o.value(QStringLiteral("kind")).toString();
    e.active = o.value(QStringLiteral("active")).toBool();
    e.acknowledged = o.value(QStringLiteral("acknowledged")).toBool();
    e.acknowledgedBy = o.value(QStringLiteral("acknowledged_by")).toString();
    e.escalated = o.value(QStringLiteral("escalated")).toBool();
    e.onsetMs = static_cast<qint64>(o.value(QStringLiteral("onset")).toDouble());
    e.timeMs = static_cast<qint64>(o.value(QStringLiteral("time")).toDouble());
    e.publishedMs = static_cast<qint64>(o.value(QStringLiteral("published")).toDouble());
    e.hasValue = o.contains(QStringLiteral("value"));
    e.value = o.value(QStringLiteral("value")).toDouble();
    e.hasLimit = o.contains(QStringLiteral("limit"));
    e.limit = o.value(QStringLiteral("limit")).toDouble();
    if (e.station.isEmpty() || e.id.isEmpty() || e.bedKey.isEmpty())
        return std::nullopt;
    return e;
}

QByteArray encodeCommand(const Command &c)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("op"), c.op},
                                     {QStringLiteral("station"), c.station},
                                     {QStringLiteral("alarm"), c.alarmId},
                                     {QStringLiteral("bed"), c.bedKey},
                                     {QStringLiteral("user"), c.user},
                                     {QStringLiteral("from"), c.from},
                                     {QStringLiteral("seconds"), c.seconds}})
        .toJson(QJsonDocument::Compact);
}

std::optional<Command> decodeCommand(const QByteArray &bytes)
{
    const QJsonDocument d = QJsonDocument::fromJson(bytes);
    if (!d.isObject())
        return std::nullopt;
    const QJsonObject o = d.object();
    Command c{o.value(QStringLiteral("op")).toString(),    o.value(QStringLiteral("station")).toString(),
              o.value(QStringLiteral("alarm")).toString(), o.value(QStringLiteral("bed")).toString(),
              o.value(QStringLiteral("user")).toString(),  o.value(QStringLiteral("from")).toString(),
              o.value(QStringLiteral("seconds")).toInt()};
    if (c.op.isEmpty() || (c.alarmId.isEmpty() && c.bedKey.isEmpty()))
        return std::nullopt;
    return c;
}

} // namespace vigil::cluster
