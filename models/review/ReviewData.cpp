#include "ReviewData.h"

#include <algorithm>
#include <cmath>

namespace vigil::review {

const std::vector<TrendPanelDef> &trendPanels()
{
    // The order of the live detail view: cardiac first, then oxygenation, respiration, pressures, the rest.
    static const std::vector<TrendPanelDef> panels{
        {"hr", "HR", "/min", {NumericId::Hr}, 40, 160},
        {"spo2", "SpO\u2082", "%", {NumericId::SpO2}, 85, 100},
        {"rr", "RR", "/min", {NumericId::Rr}, 0, 40},
        {"nibp", "NIBP", "mmHg", {NumericId::NibpSys, NumericId::NibpDia, NumericId::NibpMean}, 40, 160},
        {"abp", "ABP", "mmHg", {NumericId::AbpSys, NumericId::AbpDia, NumericId::AbpMean}, 40, 160},
        {"temp", "Temp", "\u00B0C", {NumericId::Temp}, 35, 39},
        {"etco2", "etCO\u2082", "mmHg", {NumericId::EtCO2}, 20, 50},
    };
    return panels;
}

std::vector<NumericId> trendNumerics()
{
    std::vector<NumericId> out;
    for (const TrendPanelDef &p : trendPanels())
        out.insert(out.end(), p.ids.begin(), p.ids.end());
    return out;
}

const ArchiveTrendSeries *TrendLayer::find(NumericId id) const
{
    for (const ArchiveTrendSeries &s : series) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const ArchiveWaveStrip *StripData::find(WaveId id) const
{
    for (const ArchiveWaveStrip &s : waves) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

bool StripData::hasSamples() const
{
    for (const ArchiveWaveStrip &s : waves) {
        if (std::any_of(s.samples.begin(), s.samples.end(), [](float v) { return !std::isnan(v); }))
            return true;
    }
    return false;
}

void decimate(ArchiveTrendSeries &series, qint64 t1Ms, qint64 t2Ms, int maxPoints)
{
    if (maxPoints <= 0 || static_cast<int>(series.points.size()) <= maxPoints || t2Ms <= t1Ms)
        return;
    struct Bucket
    {
        double sumT = 0, sumV = 0, lo = INFINITY, hi = -INFINITY;
        int n = 0;
    };
    std::vector<Bucket> buckets(static_cast<std::size_t>(maxPoints));
    const double width = static_cast<double>(t2Ms - t1Ms) / maxPoints;
    for (const ArchiveTrendPoint &p : series.points) {
        if (p.timeMs < t1Ms || p.timeMs >= t2Ms || std::isnan(p.value))
            continue;
        const auto b =
            std::min<std::size_t>(static_cast<std::size_t>((p.timeMs - t1Ms) / width), buckets.size() - 1);
        Bucket &k = buckets[b];
        k.sumT += static_cast<double>(p.timeMs);
        k.sumV += p.value;
        k.lo = std::min(k.lo, std::min(p.min, p.value));
        k.hi = std::max(k.hi, std::max(p.max, p.value));
        ++k.n;
    }
    std::vector<ArchiveTrendPoint> out;
    out.reserve(buckets.size());
    for (const Bucket &k : buckets) {
        if (k.n == 0)
            continue;
        out.push_back({static_cast<qint64>(std::llround(k.sumT / k.n)), k.sumV / k.n, k.lo, k.hi});
    }
    series.points = std::move(out);
}

AxisRange niceRange(double dataLo, double dataHi, double defaultLo, double defaultHi)
{
    double lo = defaultLo, hi = defaultHi;
    if (std::isfinite(dataLo) && std::isfinite(dataHi) && dataLo <= dataHi) {
        lo = std::min(lo, dataLo);
        hi = std::max(hi, dataHi);
    }
    if (hi - lo < 1e-9)
        hi = lo + 1;
    // Three to six intervals of a round step, as tight around the data as possible: panels are short, so
    // every tick must earn its place, and a HR scale of 0..200 would squash a normal trace.
    AxisRange best;
    double bestSpan = INFINITY;
    const double mag = std::pow(10.0, std::floor(std::log10((hi - lo) / 4.0)));
    for (double scale : {mag / 10.0, mag, mag * 10.0}) {
        for (double m : {1.0, 2.0, 2.5, 4.0, 5.0}) {
            const double step = m * scale;
            const double l = std::floor(lo / step + 1e-9) * step;
            const double h = std::ceil(hi / step - 1e-9) * step;
            const double n = std::round((h - l) / step);
            if (n < 3 || n > 6)
                continue;
            const double span = h - l;
            if (span < bestSpan - 1e-9 || (std::abs(span - bestSpan) <= 1e-9 && step > best.step)) {
                bestSpan = span;
                best = {l, h, step};
            }
        }
    }
    if (!std::isfinite(bestSpan)) {
        const double step = mag;
        best = {std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
    }
    return best;
}

QString numericKey(NumericId id)
{
    const auto k = numericInfo(id).key;
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}

QString waveKey(WaveId id)
{
    const auto k = waveInfo(id).key;
    return QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
}

} // namespace vigil::review
