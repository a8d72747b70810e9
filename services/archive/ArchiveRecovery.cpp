// Crash recovery, at the first transaction after open and after every failed commit: tail segments left
// behind become ordinary chunks, and the open stays are reloaded from the file.
#include "ArchivePrivate.h"

#include "ChunkFormat.h"

#include <algorithm>

namespace vigil::archive {

using namespace writer;

void Archive::Private::recover()
{
    mergeWaveTails();
    mergeNumericTails();
    loadBeds();
}

// Tail segments left by a crash or a failed commit are valid data; fold each channel's run of them into
// one ordinary chunk so the tail tables stay small.
void Archive::Private::mergeWaveTails()
{
    sql::Stmt sel(db.handle(), "SELECT bed_id, stay_id, channel, start_us, rate, gain, baseline, quant, data "
                               "FROM wave_tail ORDER BY bed_id, channel, start_us, id");
    struct Group
    {
        qint64 bed = -1, stay = -1, channel = -1, start = 0;
        double rate = 0, gain = 0;
        int baseline = 0, quant = 0;
        std::vector<std::int32_t> samples;
    } g;
    std::vector<std::int32_t> dec;
    std::string err;
    auto flush = [&] {
        if (g.samples.empty())
            return;
        const std::vector<std::uint8_t> blob = encodeWave(g.samples, false);
        const qint64 end = g.start + qint64(std::llround(double(g.samples.size()) * 1e6 / g.rate));
        insWave.bind(1, g.bed).bind(2, g.stay).bind(3, g.channel).bind(4, g.start).bind(5, end);
        insWave.bind(6, g.rate).bind(7, qint64(g.samples.size())).bind(8, g.gain).bind(9, g.baseline);
        insWave.bind(10, g.quant).bindBlob(11, blob).run();
        g.samples.clear();
    };
    int merged = 0;
    while (sel.step()) {
        if (!decodeWave(sel.blob(8), dec, &err)) {
            qCWarning(lcArchive, "dropping a damaged tail segment: %s", err.c_str());
            continue;
        }
        const qint64 bedId = sel.i64(0), stay = sel.i64(1), ch = sel.i64(2), start = sel.i64(3);
        const double rate = sel.dbl(4), gain = sel.dbl(5);
        const int baseline = int(sel.i64(6)), quant = int(sel.i64(7));
        const double period = 1e6 / rate;
        const double expected = double(g.start) + double(g.samples.size()) * period;
        const bool joins = !g.samples.empty() && bedId == g.bed && ch == g.channel && stay == g.stay &&
                           rate == g.rate && gain == g.gain && baseline == g.baseline && quant == g.quant &&
                           std::fabs(double(start) - expected) <= std::max(1.0, 0.5 * period) &&
                           double(g.samples.size() + dec.size()) * period < double(kMaxWaveChunkUs);
        if (!joins) {
            flush();
            g = Group{bedId, stay, ch, start, rate, gain, baseline, quant, {}};
        }
        g.samples.insert(g.samples.end(), dec.begin(), dec.end());
        ++merged;
    }
    flush();
    db.exec("DELETE FROM wave_tail");
    mergedTails = merged;
}

void Archive::Private::mergeNumericTails()
{
    sql::Stmt sel(db.handle(), "SELECT bed_id, stay_id, nid, start_ms, data FROM numeric_tail "
                               "ORDER BY bed_id, nid, start_ms, id");
    qint64 bed = -1, stay = -1, nid = -1, start = 0;
    std::vector<std::int32_t> offsets, off;
    std::vector<double> values, val;
    std::string err;
    auto flush = [&] {
        if (offsets.empty())
            return;
        const std::vector<std::uint8_t> blob = encodeNumeric(offsets, values);
        insNum.bind(1, bed).bind(2, nid).bind(3, start).bind(4, stay).bind(5, start + offsets.back());
        insNum.bind(6, qint64(offsets.size())).bindBlob(7, blob).run();
        offsets.clear();
        values.clear();
    };
    while (sel.step()) {
        if (!decodeNumeric(sel.blob(4), off, val, &err) || off.empty())
            continue;
        const qint64 b = sel.i64(0), s = sel.i64(1), id = sel.i64(2), t = sel.i64(3);
        const bool joins = !offsets.empty() && b == bed && s == stay && id == nid &&
                           t + off.back() - start < kMaxNumericChunkMs && t >= start + offsets.back();
        if (!joins) {
            flush();
            bed = b;
            stay = s;
            nid = id;
            start = t;
        }
        for (std::size_t i = 0; i < off.size(); ++i) {
            offsets.push_back(std::int32_t(t + off[i] - start));
            values.push_back(val[i]);
        }
    }
    flush();
    db.exec("DELETE FROM numeric_tail");
}

void Archive::Private::loadBeds()
{
    beds.clear();
    sql::Stmt sel(db.handle(), "SELECT id, key, label FROM bed");
    sql::Stmt stay(db.handle(),
                   "SELECT id, patient_id, patient_name, profile, source FROM stay WHERE bed_id = ?1 AND "
                   "end_ms IS NULL ORDER BY start_ms DESC, id DESC LIMIT 1");
    while (sel.step()) {
        BedState b;
        b.id = sel.i64(0);
        b.key = sel.text(1);
        b.label = sel.text(2);
        stay.bind(1, b.id);
        if (stay.step()) {
            b.stayOpen = true;
            b.stayId = stay.i64(0);
            b.patientName = stay.text(2);
            const QString id = stay.text(1);
            b.patientIdent = !id.isEmpty() ? id : b.patientName;
            b.profile = PatientProfile(stay.i64(3));
            const QString source = stay.text(4);
            b.census = source == QLatin1String("adt") || source == QLatin1String("manual");
        }
        stay.reset();
        const QString key = b.key;
        beds.emplace(key, std::move(b));
    }
    needRecovery = false;
}

} // namespace vigil::archive
